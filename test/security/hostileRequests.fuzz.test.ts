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
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { TelnyxEmulator } from '../emulators/telnyx';
import { TwilioEmulator } from '../emulators/twilio';
import { seedConsent } from '../support/consents';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { pick, random } from '../support/random';
import { InternalService } from '../support/internalService';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const REQUESTS = 3000;
const CONCURRENCY = 8;

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const AUTH_TOKEN = 'twilio_test_auth_token_0123456789';
const OTHER_ACCOUNT = 'AC' + 'f'.repeat(32);
const TELNYX_KEY = 'KEY0123456789ABCDEF_telnyx_test_key';
const NOON_ISH = '2026-04-10T18:00:00Z';
const ACME = 'Acme Insurance LLC';
const ACME_NUMBER = '+12125550100';
const OTHER_ENTITY = 'Other Org Corp';
const CONSENTED = '+12125550143';
const STRANGERS = ['+12125550199', '+13125550111', '2125550177', '+442071838750', '+15551234567'];

interface HostileRequest {
  method: string;
  /** The request target exactly as sent, unnormalised. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

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
function generator(next: () => number, canaryPort: () => number, adminKey: string): () => HostileRequest {
  const chance = (p: number) => next() < p;
  const to = () => (chance(0.35) ? pick(next, [CONSENTED, '2125550143', '+1 (212) 555-0143']) : pick(next, STRANGERS));
  const hugeDate = () =>
    pick(next, [
      '9999-12-31T23:59:59Z',
      '0000-01-01T00:00:00Z',
      '2099-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      'not a date',
      '2026-04-11T02:30:00Z',
      '',
    ]);
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  /** Twist a path the way an attacker would, hoping the gate and the carrier read it differently. */
  const twist = (path: string): string => {
    const segs = path.split('/');
    const i = 1 + Math.floor(next() * (segs.length - 1));
    switch (Math.floor(next() * 18)) {
      case 0:
        return path;
      case 1:
        return path.toLowerCase();
      case 2:
        return [...segs.slice(0, i), 'x', '..', ...segs.slice(i)].join('/');
      case 3:
        return [...segs.slice(0, i), '%2e%2e', ...segs.slice(i - 1)].join('/');
      case 4:
        return path + pick(next, ['/.', '/', '/./', '/%2e', '.json', '.xml', ';x=1', '%00', '%', '%zz', '#frag', '/..']);
      case 5:
        return path.replace('/', '//');
      case 6:
        return segs.join(pick(next, ['/./', '\\', '%2f', '%2F', '%5c', '//']));
      case 7:
        return path.replace(/[A-Za-z]/, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
      case 8:
        return `//${segs[1]}%2F@127.0.0.1:${canaryPort()}/${segs.slice(2).join('/')}`;
      case 9:
        return `http://127.0.0.1:${canaryPort()}${path}`;
      case 10:
        return `/twilio/upstream/${pick(next, ['messaging.twilio.com', 'x.twilio.com@127.0.0.1', `127.0.0.1:${canaryPort()}`, 'evil.com', 'messaging.twilio.com.evil.com', 'messaging.twilio.com:' + canaryPort()])}${pick(next, ['/', '//', '/\\', '/%2f%2f'])}127.0.0.1:${canaryPort()}/x`;
      case 11:
        return path.replace(/\//g, () => (chance(0.2) ? '/%2e/' : '/'));
      case 12:
        return path + '?To=' + encodeURIComponent(pick(next, STRANGERS)) + '&to=' + encodeURIComponent(pick(next, STRANGERS));
      case 13:
        return path.replace('/', '/\t');
      case 14:
        return path.toUpperCase();
      case 15:
        return path.replace(/\/([^/]+)$/, '/%2e%2e/' + segs[segs.length - 2] + '/$1');
      case 16:
        return '/' + encodeURIComponent(path.slice(1));
      default:
        return path.replace(/(\/[^/]+)$/, '$1/..$1');
    }
  };

  const twilioAuth = (): Record<string, string> =>
    pick<Record<string, string>>(next, [
      { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') },
      { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') },
      { authorization: 'Basic ' + Buffer.from(`${OTHER_ACCOUNT}:guess`).toString('base64') },
      { authorization: 'Bearer x' },
      {},
    ]);

  const withEncoding = (body: Buffer, headers: Record<string, string>): Buffer => {
    if (!chance(0.12)) return body;
    headers['content-encoding'] = pick(next, ['gzip', 'deflate', 'br', 'gzip, gzip']);
    return chance(0.5) ? gzipSync(body) : Buffer.from('\x1f\x8bnot really gzip');
  };

  const twilioForm = (route: string): string => {
    const p = new URLSearchParams();
    p.append('To', to());
    if (chance(0.15)) p.append('To', pick(next, STRANGERS));
    if (chance(0.1)) p.append('to', pick(next, STRANGERS));
    p.append('From', chance(0.85) ? ACME_NUMBER : pick(next, ['+13125550100', 'whatsapp:+12125550100', '']));
    if (chance(0.1)) p.append('From', '+13125550100');
    if (route === 'messages') {
      p.append('Body', 'Hello');
      if (chance(0.2)) {
        p.append('SendAt', hugeDate());
        p.append('ScheduleType', 'fixed');
      }
    } else {
      if (chance(0.5)) p.append('Url', pick(next, ['https://app.example/voice', 'javascript:alert(1)', `http://127.0.0.1:${canaryPort()}/twiml`, '']));
      else
        p.append(
          'Twiml',
          pick(next, [
            '<Response><Say>Hi</Say></Response>',
            `<Response><Dial><Number>${pick(next, STRANGERS)}</Number></Dial></Response>`,
            `<Response><Dial>${pick(next, STRANGERS)}</Dial></Response>`,
            '<Response><Say>unclosed',
            '<!DOCTYPE x [<!ENTITY a "aaaa">]><Response>&a;</Response>',
          ]),
        );
    }
    return p.toString();
  };

  const twilioRequest = (): HostileRequest => {
    const route = pick(next, ['calls', 'messages', 'messages', 'participants', 'update']);
    const account = chance(0.85) ? ACCOUNT_SID : OTHER_ACCOUNT;
    const tail = {
      calls: 'Calls.json',
      messages: pick(next, ['Messages.json', 'SMS/Messages.json']),
      participants: 'Conferences/CF0123/Participants.json',
      update: `Calls/CA${'1'.repeat(32)}.json`,
    }[route];
    const headers: Record<string, string> = {
      ...twilioAuth(),
      'content-type': pick(next, [
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]),
    };
    if (chance(0.15)) headers['x-consent-entity'] = pick(next, [OTHER_ENTITY, ACME, 'Nobody LLC', 'x'.repeat(300)]);
    if (chance(0.05)) headers['x-consent-purpose'] = pick(next, ['transactional', 'bogus']);
    let body: Buffer = Buffer.from(route === 'update' ? (chance(0.5) ? 'Status=completed' : twilioForm('calls')) : twilioForm(route));
    if (chance(0.03)) body = Buffer.alloc(400 * 1024, 'To=%2B12125550199&');
    body = withEncoding(body, headers);
    return { method: chance(0.95) ? 'POST' : pick(next, ['PUT', 'GET', 'DELETE']), path: twist(`/2010-04-01/Accounts/${account}/${tail}`), headers, body };
  };

  const telnyxRequest = (): HostileRequest => {
    const path = pick(next, [
      '/v2/calls',
      '/v2/messages',
      '/v2/messages/long_code',
      '/v2/messages/number_pool',
      '/v2/messages/group_mms',
      `/v2/calls/v3:abc/actions/transfer`,
      `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`,
      '/v2/texml/calls/1684641123236054244',
    ]);
    const headers: Record<string, string> = {
      ...pick<Record<string, string>>(next, [
        { authorization: `Bearer ${TELNYX_KEY}` },
        { authorization: `Bearer ${TELNYX_KEY}` },
        { authorization: 'Bearer KEYguess' },
        {},
      ]),
      'content-type': pick(next, ['application/json', 'application/json', 'application/x-www-form-urlencoded', 'text/plain']),
    };
    if (chance(0.15)) headers['x-consent-entity'] = pick(next, [OTHER_ENTITY, ACME, 'Nobody LLC']);
    const recipient = chance(0.15) ? [to(), to()] : to();
    let text: string;
    switch (Math.floor(next() * 6)) {
      case 0:
        text = `{"to":${JSON.stringify(recipient)},"to":"${pick(next, STRANGERS)}","from":"${ACME_NUMBER}","connection_id":"c1","text":"hi"}`;
        break;
      case 1:
        text = `{"to":${JSON.stringify(recipient)},"from":"${ACME_NUMBER}","connection_id":"c1","text":"hi","webhook_url":"https://app.example/hook","meta":${chance(0.5) ? nested(5000) : nestedObject(3000)}}`;
        break;
      case 2:
        text = JSON.stringify({
          to: recipient,
          from: ACME_NUMBER,
          text: 'hi',
          send_at: hugeDate(),
          connection_id: 'c1',
          webhook_url: 'https://app.example/hook',
        });
        break;
      case 3:
        text = pick(next, ['{', 'null', '[]', '"x"', '{"to":null}', '{"to":{"$ne":1}}', '\ufeff{"to":"+12125550199"}']);
        break;
      case 4:
        text = `to=${encodeURIComponent(pick(next, STRANGERS))}&to=${encodeURIComponent(CONSENTED)}&from=${encodeURIComponent(ACME_NUMBER)}`;
        break;
      default:
        text = JSON.stringify({
          to: recipient,
          from: ACME_NUMBER,
          connection_id: 'c1',
          text: 'hi',
          webhook_url: 'https://app.example/hook',
          Url: 'https://app.example/texml',
        });
    }
    const body = withEncoding(Buffer.from(text), headers);
    return { method: chance(0.95) ? 'POST' : 'PATCH', path: twist(path), headers, body };
  };

  const v1Request = (): HostileRequest => {
    const path = pick(next, [
      '/v1/precall',
      '/v1/sms/pre-send',
      '/v1/consents',
      '/v1/consents/import',
      '/v1/revoke',
      '/v1/consents/%zz',
      '/v1/decisions/%E0%A4%A',
      '/v1/keys',
    ]);
    const headers: Record<string, string> = {
      ...pick<Record<string, string>>(next, [
        { authorization: `Bearer ${adminKey}` },
        { authorization: `Bearer ${adminKey}` },
        { authorization: 'Bearer cg_live_guess' },
        {},
      ]),
      'content-type': path.endsWith('import')
        ? pick(next, ['text/csv', 'application/json'])
        : pick(next, ['application/json', 'application/json', 'text/csv', 'application/x-www-form-urlencoded']),
    };
    let body: Buffer;
    if (chance(0.08)) {
      // A compression bomb: 64 MB of zeros in about 64 KB.
      headers['content-encoding'] = 'gzip';
      body = bomb;
    } else if (path.endsWith('import')) {
      body = Buffer.from(
        `phone,calling_entity,type,scope,ai_specific_consent,captured_at\n${to()},${ACME},prior_express_written,sms,true,${hugeDate()}\n=HYPERLINK("http://x"),${ACME},prior_express,sms,false,2026-01-01T00:00:00Z\n`,
      );
    } else {
      const json: Record<string, unknown> = {
        phone: to(),
        calling_entity: chance(0.8) ? ACME : OTHER_ENTITY,
        sending_entity: ACME,
        purpose: pick(next, ['telemarketing', 'transactional', 'nope']),
        call_type: 'ai_voice',
        message_type: 'marketing',
        trigger: 'manual',
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
        ai_specific_consent: true,
        captured_at: hugeDate(),
        expires_at: chance(0.2) ? hugeDate() : undefined,
      };
      if (chance(0.3)) json.call_at = hugeDate();
      if (chance(0.3)) json.send_at = hugeDate();
      let text = JSON.stringify(json);
      if (chance(0.1)) text = text.replace(/}$/, `,"metadata":${nestedObject(2000)}}`);
      if (chance(0.05)) text = nested(10000);
      if (chance(0.05)) text = text.slice(0, Math.floor(text.length / 2));
      body = withEncoding(Buffer.from(text), headers);
    }
    return { method: chance(0.9) ? 'POST' : 'GET', path: chance(0.7) ? path : twist(path), headers, body };
  };

  const escapeUpstream = (): HostileRequest => ({
    method: pick(next, ['GET', 'POST']),
    path: pick(next, [
      `//2010-04-01%2F@127.0.0.1:${canaryPort()}/latest/meta-data`,
      `//v2%2F@127.0.0.1:${canaryPort()}/internal/admin`,
      `/twilio/upstream/messaging.twilio.com//127.0.0.1:${canaryPort()}/x`,
      `/2010-04-01/..%2f..%2f@127.0.0.1:${canaryPort()}/x`,
      `/v2/%2e%2e/%2e%2e/@127.0.0.1:${canaryPort()}`,
      `http://127.0.0.1:${canaryPort()}/v2/calls`,
      `/\\127.0.0.1:${canaryPort()}/v2/calls`,
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json/..%5c..%5c..%5c@127.0.0.1:${canaryPort()}`,
    ]),
    headers: { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'), 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(`To=${encodeURIComponent(CONSENTED)}&From=${encodeURIComponent(ACME_NUMBER)}&Body=x`),
  });

  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  return () => {
    const r = next();
    if (r < 0.4) return twilioRequest();
    if (r < 0.7) return telnyxRequest();
    if (r < 0.92) return v1Request();
    return escapeUpstream();
  };
}
