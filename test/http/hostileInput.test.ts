/**
 * Any input, never a 500; nothing read before the caller is known. Each case
 * is an attack sent over a real socket (raw `http.request` where a client
 * library would clean the path up) at a real gateway, and asserts what the
 * attacker sees: a 400 in the envelope, a 401 before the body is read, no
 * decision recorded for a request that was refused.
 */
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { seedConsent } from '../support/consents';
import { startTestGateway, type TestGateway } from '../support/gateway';

const NOW = '2026-04-10T18:00:00Z';
const ENTITY = 'Acme Insurance LLC';
const CONSENTED = '+12125550143';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/**
 * A request with the path exactly as given. The answer is taken as soon as it
 * comes: the gateway may answer before it has read the body (and close the
 * connection), so a write error after the answer is not a failure.
 */
function send(url: string, method: string, path: string, headers: OutgoingHttpHeaders, body?: Buffer | string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode!, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : { text } });
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(body);
  });
}

/** `{"a":{"a":…}}` nested `depth` objects deep. */
function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** `[[…]]` nested `depth` arrays deep. */
function nestedArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('hostile input on /v1', () => {
  let gw: TestGateway;
  const clock = new FixedClock(new Date(NOW));
  const auth = () => ({ Authorization: `Bearer ${gw.adminKey}` });
  const decisionCount = async () => {
    const res = await send(gw.url, 'GET', '/v1/decisions?limit=200', auth());
    expect(res.status).toBe(200);
    return (res.body.data as unknown[]).length;
  };
  const precall = (extra: string) =>
    `{"phone":"${CONSENTED}","calling_entity":"${ENTITY}","calling_number":"+18005550100","purpose":"telemarketing","call_type":"ai_voice"${extra}}`;

  beforeAll(async () => {
    gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: 100000 }, { clock });
    await seedConsent({ gw, clock }, CONSENTED, ENTITY, ['ai_voice', 'telemarketing']);
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a malformed percent-encoding in a path parameter is a 400 envelope, not a 500', async () => {
    for (const path of ['/v1/consents/%zz', '/v1/consents/%E0%A4%A', '/v1/decisions/%', '/v1/keys/%zz']) {
      const res = await send(gw.url, path.startsWith('/v1/keys') ? 'DELETE' : 'GET', path, auth());
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('a bad gzip body: 401 without a key (the body is never read), 400 with one', async () => {
    const garbage = Buffer.from('this is not gzip at all');
    const headers = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
    const anonymous = await send(gw.url, 'POST', '/v1/consents', headers, garbage);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    for (const path of ['/v1/consents', '/v1/precall']) {
      const keyed = await send(gw.url, 'POST', path, { ...headers, ...auth() }, garbage);
      expect(keyed.status, path).toBe(400);
      expect(keyed.body, path).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    }
    // A gzip stream cut short is as bad as none.
    const truncated = gzipSync(Buffer.from(precall(''))).subarray(0, 20);
    const cut = await send(gw.url, 'POST', '/v1/precall', { ...headers, ...auth() }, truncated);
    expect(cut.status).toBe(400);
  });

  it('a body that does not decompress as its brotli Content-Encoding says is 400, like gzip', async () => {
    for (const body of [Buffer.from('this is not brotli'), gzipSync(Buffer.from(precall('')))]) {
      const res = await send(gw.url, 'POST', '/v1/consents', { 'Content-Type': 'application/json', 'Content-Encoding': 'br', ...auth() }, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('deeply nested JSON to /v1/precall is 400 on both lanes and records no decision', async () => {
    const before = await decisionCount();
    for (const body of [precall(`,"metadata":${nestedObject(1000)}`), precall(`,"metadata":{"x":${nestedArray(1000)}}`), nestedArray(1000)]) {
      const fast = await send(
        gw.url,
        'POST',
        '/v1/precall',
        { ...auth(), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        body,
      );
      const express = await send(gw.url, 'POST', '/v1/precall', { ...auth(), 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body);
      for (const res of [fast, express]) {
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
      }
    }
    expect(await decisionCount()).toBe(before);
    // Ordinary nesting still goes through.
    const ok = await send(gw.url, 'POST', '/v1/precall', { ...auth(), 'Content-Type': 'application/json' }, precall(`,"metadata":${nestedObject(10)}`));
    expect(ok.status).toBe(200);
  });

  it('deeply nested decision metadata is a 400, not "store unavailable"', async () => {
    const before = await decisionCount();
    for (const path of ['/v1/precall', '/v1/sms/pre-send']) {
      const fields = path === '/v1/precall' ? precall('') : `{"phone":"${CONSENTED}","sending_entity":"${ENTITY}","message_type":"marketing"}`;
      const body = fields.replace(/}$/, `,"metadata":{"deep":${nestedArray(20000)}}}`);
      const res = await send(gw.url, 'POST', path, { ...auth(), 'Content-Type': 'application/json' }, body);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await decisionCount()).toBe(before);
  });

  it('without a key, a huge declared body is answered 401 at once and the connection closed, unread', async () => {
    const { port } = new URL(gw.url);
    for (const path of ['/v1/precall', '/v1/consents/import']) {
      const sock = connect(Number(port), '127.0.0.1');
      await new Promise((r) => sock.once('connect', r));
      let received = '';
      sock.on('data', (d) => (received += d));
      const closed = new Promise<void>((r) => sock.once('close', () => r()));
      sock.on('error', () => {});
      const type = path.endsWith('import') ? 'text/csv' : 'application/json';
      sock.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: 10000000000\r\n\r\n` + 'x'.repeat(1000));
      // The rest of the ten gigabytes never comes: the answer must not wait for it.
      const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 3000))]);
      sock.destroy();
      expect(timedOut, path).toBe(false);
      expect(received, path).toMatch(/^HTTP\/1\.1 401 /);
      expect(received.toLowerCase(), path).toContain('connection: close');
    }
  });

  it('only the import route takes CSV', async () => {
    const res = await send(gw.url, 'POST', '/v1/precall', { ...auth(), 'Content-Type': 'text/csv' }, 'phone\n+12125550143\n');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('import body limit', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ IMPORT_BODY_LIMIT_BYTES: 64 * 1024 });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a compressed import is measured inflated: over the import limit is 413', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 'a'));
    const res = await send(gw.url, 'POST', '/v1/consents/import', { ...gw.auth, 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip' }, bomb);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('an import within the limit still works, gzipped or not', async () => {
    const csv = 'phone,calling_entity,type,scope,captured_at\n+12125550188,Acme,prior_express,telemarketing,2026-01-01T00:00:00Z\n';
    for (const [encoding, body] of [
      [undefined, Buffer.from(csv)],
      ['gzip', gzipSync(Buffer.from(csv))],
    ] as const) {
      const res = await send(
        gw.url,
        'POST',
        '/v1/consents/import',
        { ...gw.auth, 'Content-Type': 'text/csv', ...(encoding ? { 'Content-Encoding': encoding } : {}) },
        body,
      );
      expect(res.status).toBe(200);
      expect(res.body.rows).toBe(1);
    }
  });
});

describe('slow clients', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ HEADERS_TIMEOUT_MS: 1000, REQUEST_TIMEOUT_MS: 2000 });
  });
  afterAll(async () => {
    await gw.close();
  });

  /** Sends `text` one byte a second until the gateway closes the connection; the seconds that took, or Infinity past `giveUpMs`. */
  async function dribble(text: string, giveUpMs: number): Promise<number> {
    const { port } = new URL(gw.url);
    const sock = connect(Number(port), '127.0.0.1');
    sock.on('error', () => {});
    // Read what comes (the 408), so the end of the connection is seen when it comes.
    sock.resume();
    await new Promise((r) => sock.once('connect', r));
    const started = Date.now();
    let closedAt: number | undefined;
    sock.once('close', () => (closedAt = Date.now()));
    for (let i = 0; i < text.length && closedAt === undefined && Date.now() - started < giveUpMs; i++) {
      sock.write(text[i]);
      await new Promise((r) => setTimeout(r, 1000));
    }
    while (closedAt === undefined && Date.now() - started < giveUpMs) await new Promise((r) => setTimeout(r, 50));
    sock.destroy();
    return closedAt === undefined ? Infinity : (closedAt - started) / 1000;
  }

  it('headers sent a byte a second are cut off within the headers timeout', async () => {
    const seconds = await dribble('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'y'.repeat(60) + '\r\n\r\n', 8000);
    expect(seconds).toBeLessThan(2);
  });

  it('a body sent a byte a second is cut off within the request timeout', async () => {
    const head = `POST /v1/precall HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${gw.adminKey}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const { port } = new URL(gw.url);
    const sock = connect(Number(port), '127.0.0.1');
    sock.on('error', () => {});
    // Read what comes (the 408), so the end of the connection is seen when it comes.
    sock.resume();
    await new Promise((r) => sock.once('connect', r));
    sock.write(head);
    const started = Date.now();
    let closedAt: number | undefined;
    sock.once('close', () => (closedAt = Date.now()));
    for (let i = 0; i < 10 && closedAt === undefined; i++) {
      sock.write('{');
      await new Promise((r) => setTimeout(r, 1000));
    }
    sock.destroy();
    expect(closedAt).toBeDefined();
    expect((closedAt! - started) / 1000).toBeLessThan(3);
  });
});

describe('/metrics', () => {
  let gw: TestGateway;
  const token = 'metrics-token-0123456789abcdef';
  beforeAll(async () => {
    gw = await startTestGateway({ METRICS_TOKEN: token });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('with METRICS_TOKEN set: 401 without the token or with another, 200 with it', async () => {
    expect((await send(gw.url, 'GET', '/metrics', {})).status).toBe(401);
    expect((await send(gw.url, 'GET', '/metrics', { Authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await send(gw.url, 'GET', '/metrics', { Authorization: `Bearer ${gw.adminKey}` })).status).toBe(401);
    const ok = await send(gw.url, 'GET', '/metrics', { Authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.body.text).toContain('# HELP');
  });
});
