/**
 * The gateway is no open proxy and no path walks around the gate. Each
 * attack is sent with raw `http.request` (the path exactly as written; fetch
 * would normalise it) to a real gateway whose carrier upstreams are the
 * emulators, beside an "internal" loopback service that must never be
 * reached. A refused request answers 4xx in the carrier's dialect, reaches
 * no upstream, and leaves no decision behind.
 */
import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { seedConsent } from '../support/consents';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { TwilioEmulator } from '../emulators/twilio';
import { TelnyxEmulator } from '../emulators/telnyx';
import { InternalService } from '../support/internalService';

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const AUTH_TOKEN = 'twilio_test_auth_token_0123456789';
const TELNYX_KEY = 'KEY0123456789ABCDEF_telnyx_test_key';
const ACME = 'Acme Insurance LLC';
const ACME_NUMBER = '+12125550100';
const ACME_CONNECTION = '1684641123236054244';
/** A consumer nobody has consent for: any create that reaches a carrier for it walked around the gate. */
const NO_CONSENT = '+12125551099';

const TWILIO_AUTH = { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') };
const TELNYX_AUTH = { authorization: `Bearer ${TELNYX_KEY}` };
const TWILIO_FORM = new URLSearchParams({ To: NO_CONSENT, From: ACME_NUMBER, Twiml: '<Response><Say>hi</Say></Response>', Body: 'hi' }).toString();
const TELNYX_JSON = JSON.stringify({ connection_id: ACME_CONNECTION, to: NO_CONSENT, from: ACME_NUMBER, text: 'hi' });

interface RawAnswer {
  status: number;
  body: string;
}

/** One request with the request target exactly as given. */
function raw(base: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, method, path: target, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function isTwilioError(a: RawAnswer): boolean {
  const body = JSON.parse(a.body) as { code?: unknown; status?: unknown; message?: unknown };
  return typeof body.code === 'number' && body.status === a.status && typeof body.message === 'string';
}

function isTelnyxError(a: RawAnswer): boolean {
  const body = JSON.parse(a.body) as { errors?: { code?: unknown; detail?: unknown }[] };
  return typeof body.errors?.[0]?.code === 'string' && typeof body.errors[0].detail === 'string';
}

async function decisionCount(gw: TestGateway): Promise<number> {
  const res = await fetch(`${gw.url}/v1/decisions?limit=100`, { headers: gw.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: unknown[] }).data.length;
}

describe('hostile request targets on the carrier APIs', () => {
  let gw: TestGateway;
  let twilio: TwilioEmulator;
  let telnyx: TelnyxEmulator;
  let internal: InternalService;
  /** 14:00 in New York: inside every calling window. */
  const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));

  beforeAll(async () => {
    twilio = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
    telnyx = await new TelnyxEmulator({ apiKey: TELNYX_KEY, now: () => clock.now() }).start();
    internal = await new InternalService().start();
    gw = await startTestGateway(
      {
        TWILIO_API_BASE: twilio.url,
        // As in production (`https://{host}`): the other domains' base has no path of its own.
        TWILIO_DOMAIN_UPSTREAM: twilio.url,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        // The deployment's own Twilio account: its traffic belongs to the default org, as Acme does.
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TELNYX_API_BASE: telnyx.url,
        TELNYX_API_KEY: TELNYX_KEY,
        UPSTREAM_TIMEOUT_MS: 1000,
        entities: [
          {
            name: ACME,
            numbers: [ACME_NUMBER],
            telnyx_connection_ids: [ACME_CONNECTION],
            purpose: 'telemarketing',
            call_type: 'ai_voice',
            message_type: 'marketing',
          },
        ],
      },
      { clock },
    );
  });

  afterAll(async () => {
    await gw?.close();
    await internal?.stop();
    await telnyx?.stop();
    await twilio?.stop();
  });

  const twilioAttacks = (p: number): [string, string][] => [
    ['GET', `//2010-04-01%2F@127.0.0.1:${p}/latest/meta-data`],
    ['GET', `//2010-04-01/@127.0.0.1:${p}/latest/meta-data`],
    ['GET', `/twilio/upstream/messaging.twilio.com//127.0.0.1:${p}/x`],
    ['GET', `/twilio/upstream/messaging.twilio.com/\\127.0.0.1:${p}/x`],
    ['GET', `/twilio/upstream/messaging.twilio.com%2F@127.0.0.1:${p}/x`],
    ['GET', `/twilio/upstream/messaging.twilio.com:${p}/x`],
    ['GET', '/twilio/upstream/messaging%2Etwilio.com/v1/Services'],
    ['GET', '/twilio/upstream/'],
    ['GET', `/twilio/upstream/messaging.twilio.com/v1/%2e%2e/%2e%2e/x`],
    ['GET', `http://127.0.0.1:${p}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/x/../Calls.json`],
    ['POST', `/2010-04-01/Accounts/x/%2e%2e/${ACCOUNT_SID}/Calls.json`],
    ['POST', `/2010-04-01/Accounts/x/%2E%2e/${ACCOUNT_SID}/Messages.json`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/.`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/%2e`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}%2FCalls.json`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json%00`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json%`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls%ZZ.json`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json;x=1`],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json.`],
    // A fragment: dropped by the URL parser on the way out, so the create went through ungated.
    ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json#x`],
  ];

  const telnyxAttacks = (p: number): [string, string][] => [
    ['POST', `//v2%2F@127.0.0.1:${p}/internal/admin`],
    ['GET', `//v2/@127.0.0.1:${p}/internal/admin`],
    ['GET', `http://127.0.0.1:${p}/v2/balance`],
    ['POST', '/v2/x/../messages'],
    ['POST', '/v2/x/%2E%2E/messages'],
    ['POST', '/v2/calls/.'],
    ['POST', '/v2/calls/%2e'],
    ['POST', '//v2//calls'],
    ['POST', '/v2/calls%5c'],
    ['POST', '/v2/calls%1f'],
    ['POST', '/v2/calls%'],
    ['POST', '/v2/calls#x'],
    ['POST', '/v2/calls/..'],
  ];

  it('Twilio: no path reaches an internal service, walks past the gate, or records a decision', async () => {
    const decisionsBefore = await decisionCount(gw);
    const upstreamBefore = twilio.requests.length;
    for (const [method, target] of twilioAttacks(internal.port)) {
      const body = method === 'POST' ? TWILIO_FORM : undefined;
      const headers = { ...TWILIO_AUTH, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
      const answer = await raw(gw.url, method, target, headers, body);
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(isTwilioError(answer), `${target}: ${answer.body}`).toBe(true);
      expect(answer.body, target).not.toContain('internal secret');
    }
    expect(internal.seen).toEqual([]);
    expect(twilio.requests.slice(upstreamBefore).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(await decisionCount(gw)).toBe(decisionsBefore);
  });

  it('Telnyx: no path reaches an internal service, walks past the gate, or records a decision', async () => {
    const decisionsBefore = await decisionCount(gw);
    const upstreamBefore = telnyx.requests.length;
    for (const [method, target] of telnyxAttacks(internal.port)) {
      const body = method === 'POST' ? TELNYX_JSON : undefined;
      const headers = { ...TELNYX_AUTH, ...(body ? { 'content-type': 'application/json' } : {}) };
      const answer = await raw(gw.url, method, target, headers, body);
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(isTelnyxError(answer), `${target}: ${answer.body}`).toBe(true);
      expect(answer.body, target).not.toContain('internal secret');
    }
    expect(internal.seen).toEqual([]);
    expect(telnyx.requests.slice(upstreamBefore).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(await decisionCount(gw)).toBe(decisionsBefore);
  });

  it('an allowed create reaches the carrier at the path the gate matched, whatever its spelling', async () => {
    const to = '+12125551077';
    await seedConsent({ gw, clock }, to, ACME, ['sms', 'marketing'], { ai: false });
    const form = new URLSearchParams({ To: to, From: ACME_NUMBER, Body: 'Your quote is ready' }).toString();
    const sms = await raw(
      gw.url,
      'POST',
      `/2010-04-01/Accounts/${ACCOUNT_SID}/%4Dessages%2Ejson`,
      { ...TWILIO_AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      form,
    );
    expect(sms.status, sms.body).toBe(201);
    expect(twilio.requests.at(-1)).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json` });
    const text = await raw(
      gw.url,
      'POST',
      '/v2/%6D%65ssages',
      { ...TELNYX_AUTH, 'content-type': 'application/json' },
      JSON.stringify({ from: ACME_NUMBER, to, text: 'hi' }),
    );
    expect(text.status, text.body).toBe(200);
    expect(telnyx.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v2/messages' });
  });

  it('ordinary paths still pass through to the configured carrier, query and all', async () => {
    const list = await raw(gw.url, 'GET', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json?PageSize=5&To=%2B1212`, TWILIO_AUTH);
    expect(list.status).toBe(200);
    expect(twilio.requests.at(-1)).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, query: 'PageSize=5&To=%2B1212' });
    const other = await raw(gw.url, 'GET', '/twilio/upstream/messaging.twilio.com/v1/Services', TWILIO_AUTH);
    expect(other.status).toBe(404); // the emulator's own answer: the path was forwarded as is, to the emulator
    expect(twilio.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/Services' });
    const balance = await raw(gw.url, 'GET', '/v2/balance?x=%20y', TELNYX_AUTH);
    expect(balance.status).toBe(200);
    expect(telnyx.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/balance', query: 'x=%20y' });
    expect(internal.seen).toEqual([]);
  });
});

describe('an unreachable carrier', () => {
  let gw: TestGateway;
  let closedPort = 0;

  beforeAll(async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const dead = `http://127.0.0.1:${closedPort}`;
    gw = await startTestGateway({
      TWILIO_API_BASE: dead,
      TWILIO_DOMAIN_UPSTREAM: dead,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TELNYX_API_BASE: dead,
      TELNYX_API_KEY: TELNYX_KEY,
      UPSTREAM_TIMEOUT_MS: 1000,
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('is reported in the carrier dialect without the network error or the upstream address', async () => {
    const answers: [RawAnswer, (a: RawAnswer) => boolean][] = [
      [await raw(gw.url, 'GET', `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, TWILIO_AUTH), isTwilioError],
      [await raw(gw.url, 'GET', '/twilio/upstream/messaging.twilio.com/v1/Services', TWILIO_AUTH), isTwilioError],
      [await raw(gw.url, 'GET', '/v2/balance', TELNYX_AUTH), isTelnyxError],
    ];
    for (const [answer, inDialect] of answers) {
      expect(answer.status).toBe(502);
      expect(inDialect(answer), answer.body).toBe(true);
      expect(answer.body).not.toContain('ECONNREFUSED');
      expect(answer.body).not.toContain('127.0.0.1');
      expect(answer.body).not.toContain(String(closedPort));
    }
  });
});
