/**
 * The fast lane (src/http/fastLane.ts) and express answer alike. The lane is
 * chosen from the headers: a JSON body with a Content-Length goes to the fast
 * lane, the same body sent chunked (no Content-Length) goes to express. Each
 * case below is sent both ways over a real socket and the answers compared:
 * status, content type, request id, no ETag, and the body (ids aside).
 * Module lanes (the carriers' REST APIs) are held to the gateway's tagging
 * and error envelope with a lane of the test's own.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { seedConsent } from '../support/consents';
import type { ModuleLane } from '../../src/module';

const NOW = '2026-04-10T18:00:00Z';
const ENTITY = 'Acme Insurance LLC';
const CONSENTED = '+12125550143';

type Lane = 'fast' | 'express';
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function post(url: string, path: string, body: string | Buffer, headers: Record<string, string>, lane: Lane): Promise<Answer> {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const framing: Record<string, string> = lane === 'fast' ? { 'Content-Length': String(payload.length) } : { 'Transfer-Encoding': 'chunked' };
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers, ...framing } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Ids and per-request values differ between any two requests; everything else must not. */
function comparable(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (k, v) => (/(^|_)id$/.test(k) && typeof v === 'string' ? '<id>' : v));
}

describe('fast lane and express lane', () => {
  let gw: TestGateway;
  const clock = new FixedClock(new Date(NOW));
  const auth = () => ({ Authorization: `Bearer ${gw.adminKey}` });

  beforeAll(async () => {
    gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: 100000 }, { clock });
    await seedConsent({ gw, clock }, CONSENTED, ENTITY, ['ai_voice', 'telemarketing', 'sms', 'marketing']);
  });
  afterAll(async () => {
    await gw.close();
  });

  const precall = (phone: string) =>
    JSON.stringify({ phone, calling_entity: ENTITY, calling_number: '+18005550100', purpose: 'telemarketing', call_type: 'ai_voice' });
  const cases: { name: string; path: string; body: string | Buffer; headers?: () => Record<string, string>; status: number }[] = [
    { name: 'an allowed call', path: '/v1/precall', body: precall(CONSENTED), status: 200 },
    { name: 'a blocked call', path: '/v1/precall', body: precall('+12125550199'), status: 200 },
    {
      name: 'an allowed text',
      path: '/v1/sms/pre-send',
      body: JSON.stringify({ phone: CONSENTED, sending_entity: ENTITY, sending_number: '+18005550100', message_type: 'marketing' }),
      status: 200,
    },
    { name: 'a bad phone', path: '/v1/precall', body: precall('not a phone'), status: 400 },
    { name: 'malformed JSON', path: '/v1/precall', body: '{"phone": ', status: 400 },
    { name: 'JSON that is not an object', path: '/v1/precall', body: '42', status: 400 },
    { name: 'an empty body', path: '/v1/precall', body: '', status: 400 },
    {
      name: 'a body with a UTF-8 BOM',
      path: '/v1/precall',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(precall(CONSENTED))]),
      status: 200,
    },
    { name: 'no key', path: '/v1/precall', body: precall(CONSENTED), headers: () => ({}), status: 401 },
    { name: 'an unknown key', path: '/v1/precall', body: precall(CONSENTED), headers: () => ({ Authorization: 'Bearer cg_live_nope' }), status: 401 },
    // The key is checked before the body is read: without one, what the body holds does not matter.
    { name: 'no key and malformed JSON', path: '/v1/precall', body: '{"phone": ', headers: () => ({}), status: 401 },
    {
      name: 'JSON nested past the bound',
      path: '/v1/precall',
      body: precall(CONSENTED).replace(/}$/, `,"metadata":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`),
      status: 400,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} either way`, async () => {
      const headers = c.headers ? c.headers() : auth();
      const fast = await post(gw.url, c.path, c.body, headers, 'fast');
      const slow = await post(gw.url, c.path, c.body, headers, 'express');
      expect(fast.status).toBe(c.status);
      expect(slow.status).toBe(c.status);
      expect(comparable(fast.body)).toEqual(comparable(slow.body));
      for (const a of [fast, slow]) {
        expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(a.headers['x-request-id']).toMatch(/^req_[0-9A-Za-z]{20}$/);
        expect(a.headers.etag).toBeUndefined();
      }
    });
  }

  it('a key without the scope is refused alike', async () => {
    const key = await post(gw.url, '/v1/keys', JSON.stringify({ scopes: ['presend'] }), auth(), 'fast');
    expect(key.status).toBe(201);
    const headers = { Authorization: `Bearer ${key.body.api_key}` };
    const [fast, slow] = [
      await post(gw.url, '/v1/precall', precall(CONSENTED), headers, 'fast'),
      await post(gw.url, '/v1/precall', precall(CONSENTED), headers, 'express'),
    ];
    expect([fast.status, slow.status]).toEqual([403, 403]);
    expect(comparable(fast.body)).toEqual(comparable(slow.body));
  });

  it("echoes the caller's request id on both lanes", async () => {
    for (const lane of ['fast', 'express'] as const) {
      const a = await post(gw.url, '/v1/precall', precall(CONSENTED), { ...auth(), 'X-Request-Id': `trace-${lane}-0001` }, lane);
      expect(a.headers['x-request-id']).toBe(`trace-${lane}-0001`);
      expect((await post(gw.url, '/v1/precall', '{', { ...auth(), 'X-Request-Id': `trace-${lane}-0002` }, lane)).body).toMatchObject({
        error: { request_id: `trace-${lane}-0002` },
      });
    }
  });

  it('both lanes draw on one rate limit per key', async () => {
    const key = await post(gw.url, '/v1/keys', JSON.stringify({ scopes: ['precall'], rate_limit_per_minute: 2 }), auth(), 'fast');
    const headers = { Authorization: `Bearer ${key.body.api_key}` };
    expect((await post(gw.url, '/v1/precall', precall(CONSENTED), headers, 'fast')).status).toBe(200);
    expect((await post(gw.url, '/v1/precall', precall(CONSENTED), headers, 'express')).status).toBe(200);
    for (const lane of ['fast', 'express'] as const) {
      const limited = await post(gw.url, '/v1/precall', precall(CONSENTED), headers, lane);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    }
  });

  it('a client that hangs up halfway through its body gets nothing, and the gateway serves on', async () => {
    const { port } = new URL(gw.url);
    const body = precall(CONSENTED);
    const sock = connect(Number(port), '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    sock.write(
      `POST /v1/precall HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${gw.adminKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((r) => setTimeout(r, 50));
    sock.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(gw.url, '/v1/precall', precall(CONSENTED), auth(), 'fast')).status).toBe(200);
  });

  it('a body over the limit is refused with 413 (express answers it: the lane never reads it)', async () => {
    const big = JSON.stringify({ phone: CONSENTED, metadata: { pad: 'x'.repeat(300 * 1024) } });
    for (const lane of ['fast', 'express'] as const) {
      const a = await post(gw.url, '/v1/precall', big, auth(), lane);
      expect(a.status).toBe(413);
      expect(a.body).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });
});

describe('module lanes', () => {
  let gw: TestGateway;
  const served: string[] = [];
  beforeAll(async () => {
    const lane: ModuleLane = {
      claims: (req) => (req.url ?? '').startsWith('/lane/'),
      async serve(req, res) {
        served.push(req.url ?? '');
        if (req.url === '/lane/boom') throw new Error('the carrier adapter failed');
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('from the lane');
      },
    };
    gw = await startTestGateway({}, { modules: [() => ({ name: 'lane-test', lanes: [lane] })] });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers what it claims, with a request id, before express sees it', async () => {
    const res = await fetch(`${gw.url}/lane/hello?to=%2B12125550143`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('from the lane');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(served).toContain('/lane/hello?to=%2B12125550143');
  });

  it('turns an exception it lets out into the 500 envelope', async () => {
    const res = await fetch(`${gw.url}/lane/boom`, { headers: { 'X-Request-Id': 'trace-lane-0001' } });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ success: false, error: { code: 'INTERNAL', request_id: 'trace-lane-0001' } });
  });

  it('leaves what it does not claim to express', async () => {
    const res = await fetch(`${gw.url}/not-a-lane`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    expect(served).not.toContain('/not-a-lane');
  });
});
