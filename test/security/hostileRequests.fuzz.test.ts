/**
 * Thousands of generated hostile requests against every gated route of both
 * carriers and the /v1 API, with loopback stand-ins recording what reaches
 * them. The promises checked are the gate's own:
 *
 * - nothing reaches an upstream except a create that was decided and
 *   allowed (a create is recognised the way a lenient server would route it:
 *   decoded, dot segments resolved, case and repeated slashes ignored);
 * - nothing reaches a host other than the configured carriers;
 * - nothing answers 5xx (every stand-in is up, so any 5xx is ours);
 * - memory stays bounded while unauthenticated compressed bodies arrive.
 *
 * The generator is seeded (FUZZ_SEED, default fixed): a failure prints the
 * request that broke a promise and replays from its seed.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { TelnyxEmulator } from '../emulators/telnyx';
import { TwilioEmulator } from '../emulators/twilio';
import { seedConsent } from '../support/consents';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { random } from '../support/random';
import { InternalService } from '../support/internalService';
import {
  ACCOUNT_SID,
  ACME,
  ACME_NUMBER,
  AUTH_TOKEN,
  CONSENTED,
  generator,
  type HostileRequest,
  NOON_ISH,
  OTHER_ACCOUNT,
  OTHER_ENTITY,
  TELNYX_KEY,
} from './hostileRequestGenerator';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const REQUESTS = 3000;
const CONCURRENCY = 8;

interface Answer {
  status: number;
  body: string;
}

/** Sent over a raw socket: the request line goes out byte for byte, as no HTTP client would send it. */
function send(base: URL, r: HostileRequest): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { host: base.host, connection: 'close', ...r.headers };
    if (r.body) headers['content-length'] ??= String(r.body.length);
    const head =
      `${r.method} ${r.path} HTTP/1.1\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n';
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      // A refusal may close the connection before the whole body is written: an answer all the same.
      resolve({ status: status ? Number(status[1]) : -1, body: text.slice(0, 600) });
    };
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on('data', (c: Buffer) => {
      if (size < 64 * 1024) chunks.push(c);
      size += c.length;
    });
    socket.on('error', () => {});
    socket.on('close', done);
    socket.write(head);
    if (r.body) socket.write(r.body);
  });
}

/** The path as a lenient server would route it: decoded (twice), slashes folded, dot segments resolved, lower case. */
function routedAs(rawPath: string): string {
  let p = rawPath.split('?')[0];
  for (let i = 0; i < 2; i++) {
    try {
      p = decodeURIComponent(p);
    } catch {
      break;
    }
  }
  p = p.replace(/\\/g, '/').replace(/;[^/]*/g, '');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/').toLowerCase();
}

const TWILIO_CREATE = /^\/2010-04-01\/accounts\/[^/]+\/(calls|(sms\/)?messages|conferences\/[^/]+\/participants|calls\/[^/]+)(\.[a-z]+)?$/;
const TELNYX_CREATE = /^\/v2\/(calls|messages(\/[a-z_]+)?|calls\/[^/]+\/actions\/transfer|texml\/.*)$/;

function phonesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(phonesIn);
  return [];
}

function normalisedPhone(p: string): string {
  const digits = p.replace(/^whatsapp:/i, '').replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  return digits.length === 10 ? '+1' + digits : '+' + digits;
}

describe('hostile requests: no path past the gate, no open proxy, no 500', () => {
  let gw: TestGateway;
  let twilio: TwilioEmulator;
  let telnyx: TelnyxEmulator;
  let canary: InternalService;
  let base: URL;
  const clock = new FixedClock(new Date(NOON_ISH));

  beforeAll(async () => {
    twilio = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
    telnyx = await new TelnyxEmulator({ apiKey: TELNYX_KEY, now: () => clock.now() }).start();
    canary = await new InternalService().start();
    gw = await startTestGateway(
      {
        TWILIO_API_BASE: twilio.url,
        TWILIO_DOMAIN_UPSTREAM: `${twilio.url}/{host}`,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TELNYX_API_BASE: telnyx.url,
        TELNYX_API_KEY: TELNYX_KEY,
        TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64,
        UPSTREAM_TIMEOUT_MS: 2000,
        // An authenticated bomb stops inflating at the limit: keep it small so the run stays short.
        IMPORT_BODY_LIMIT_BYTES: 1024 * 1024,
        entities: [
          { name: ACME, numbers: [ACME_NUMBER], purpose: 'telemarketing', call_type: 'ai_voice', message_type: 'marketing' },
          { name: OTHER_ENTITY, org_id: 'org_elsewhere', numbers: ['+13125550100'], twilio_account_sids: [OTHER_ACCOUNT] },
        ],
      },
      { clock },
    );
    base = new URL(gw.url);
    await seedConsent({ gw, clock }, CONSENTED, ACME, ['ai_voice', 'human_voice', 'automated_voice', 'telemarketing', 'sms', 'marketing']);
  });

  afterAll(async () => {
    await gw?.close();
    await twilio?.stop();
    await telnyx?.stop();
    await canary?.stop();
  });

  it(`${REQUESTS} generated requests: only decided, allowed creates reach a carrier`, async () => {
    const next = random(SEED);
    const gen = generator(next, () => canary.port, gw.adminKey);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const failures: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < REQUESTS) {
        sent++;
        const r = gen();
        const answer = await send(base, r);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        if (answer.status >= 500 && failures.length < 20) {
          failures.push(
            `${answer.status} for ${r.method} ${r.path} [${Object.keys(r.headers).join(',')}] ${r.body?.subarray(0, 120).toString('latin1') ?? ''} → ${answer.body}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(canary.seen, 'requests steered to a host that is not a carrier').toEqual([]);

    // Every create a carrier received went to the one consented number, once per request.
    const twilioCreates = twilio.requests.filter(
      (r) => r.method === 'POST' && TWILIO_CREATE.test(routedAs(r.path)) && !/\/calls\/[^/]+$/.test(routedAs(r.path)),
    );
    const twilioUpdates = twilio.requests.filter((r) => r.method === 'POST' && /\/calls\/[^/.]+(\.[a-z]+)?$/.test(routedAs(r.path)));
    for (const c of twilioCreates) {
      const tos = new URLSearchParams(c.rawBody).getAll('To').map(normalisedPhone);
      expect(tos, `Twilio create ${c.path} ${c.rawBody.slice(0, 200)}`).toEqual([CONSENTED]);
      expect(c.query, `Twilio create with a query string ${c.path}?${c.query}`).toBe('');
    }
    for (const u of twilioUpdates) {
      // An update that reached Twilio either dials nobody or goes through the gateway's own TwiML.
      const form = new URLSearchParams(u.rawBody);
      const twiml = form.get('Twiml') ?? '';
      for (const m of twiml.matchAll(/<Number[^>]*>([^<]+)<\/Number>/gi)) expect(normalisedPhone(m[1]), 'call update dialing').toBe(CONSENTED);
      const url = form.get('Url');
      if (url) expect(url.startsWith(gw.url), `call update Url not through the gateway: ${url}`).toBe(true);
    }
    const telnyxCreates = telnyx.requests.filter((r) => r.method === 'POST' && TELNYX_CREATE.test(routedAs(r.path)) && !/\/actions\/(?!transfer)/.test(r.path));
    for (const c of telnyxCreates) {
      const tos = phonesIn(c.body?.to ?? c.body?.To).map(normalisedPhone);
      expect(tos.length, `Telnyx create without a recipient reached upstream: ${c.path} ${c.rawBody.slice(0, 200)}`).toBeGreaterThan(0);
      for (const to of tos) expect(to, `Telnyx create ${c.path} ${c.rawBody.slice(0, 200)}`).toBe(CONSENTED);
    }

    // Each of those creates was decided and allowed first: never more forwards than allowed carrier decisions.
    const allowedCarrierDecisions = await countAllowedCarrierDecisions(gw);
    expect(twilioCreates.length + telnyxCreates.length).toBeLessThanOrEqual(allowedCarrierDecisions);
    // The generator does reach the allowed path: the test would be empty otherwise.
    expect(twilioCreates.length + telnyxCreates.length).toBeGreaterThan(0);

    // Unauthenticated bombs and huge bodies must not be buffered: the peak stays far below their inflated size.
    expect((rssPeak - rssBefore) / 2 ** 20, 'RSS growth in MB').toBeLessThan(300);
  }, 240_000);
});

async function countAllowedCarrierDecisions(gw: TestGateway): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const q = new URLSearchParams({ phone: CONSENTED, limit: '500', ...(after ? { after } : {}) });
    const res = await fetch(`${gw.url}/v1/decisions?${q}`, { headers: gw.auth });
    const body = (await res.json()) as { data: { allowed: boolean; request: { metadata?: { carrier?: string } } }[]; next_cursor: string | null };
    count += body.data.filter((d) => d.allowed && d.request.metadata?.carrier).length;
    if (!body.next_cursor) break;
    after = body.next_cursor;
  }
  return count;
}

/** The request generator: a carrier create, a /v1 call or a proxy escape, each twisted at random. */
