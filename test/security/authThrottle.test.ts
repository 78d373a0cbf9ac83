/**
 * Guessing keys is throttled per client address (over real HTTP, from
 * distinct loopback addresses): after 20 failed authentications in a minute
 * an address is answered 429 with Retry-After, on both lanes, while a key
 * that works keeps working from that same address and other addresses are
 * unaffected.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFrom, type AddressedAnswer as Answer } from '../support/fromAddress';
import { startTestGateway, type TestGateway } from '../support/gateway';

const call = (gw: TestGateway, method: string, path: string, key: string, from = '127.0.0.1', body?: unknown) =>
  callFrom(gw.url, method, path, key, from, body);

const PRECALL = { phone: '+12125550101', calling_entity: 'Acme Insurance LLC', purpose: 'telemarketing', call_type: 'human_voice' };

describe('failed authentications', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw?.close());

  it('past 20 a minute from one address: 429 with Retry-After, a working key still works there, other addresses unaffected', async () => {
    expect((await call(gw, 'GET', '/v1/keys', gw.adminKey, '127.0.0.3')).status).toBe(200);
    const guesses: Answer[] = [];
    for (let i = 0; i < 25; i++) guesses.push(await call(gw, 'GET', '/v1/keys', `cg_live_guess_${i}_000000000000000000`, '127.0.0.3'));
    expect(guesses.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(401));
    for (const a of guesses.slice(20)) {
      expect(a.status).toBe(429);
      expect(a.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // The fast lane (precall) too.
    expect((await call(gw, 'POST', '/v1/precall', 'cg_live_guess_fast_000000000000000', '127.0.0.3', PRECALL)).status).toBe(429);

    expect((await call(gw, 'GET', '/v1/keys', gw.adminKey, '127.0.0.3')).status).toBe(200);
    expect((await call(gw, 'POST', '/v1/precall', gw.adminKey, '127.0.0.3', PRECALL)).status).toBe(200);
    expect((await call(gw, 'GET', '/v1/keys', 'cg_live_guess_elsewhere_0000000000000', '127.0.0.5')).status).toBe(401);
  });

  it('the agent stream counts with the API: guesses on either are refused 429 on both once past the limit', async () => {
    const upgrade = (token: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${gw.url.replace('http', 'ws')}/v1/stream?token=${token}`, { localAddress: '127.0.0.7' });
        ws.once('open', () => {
          ws.close();
          resolve(101);
        });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!));
        ws.once('error', reject);
      });
    expect((await call(gw, 'GET', '/v1/keys', gw.adminKey, '127.0.0.7')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await call(gw, 'GET', '/v1/keys', `cg_live_api_guess_${i}_00000000000000`, '127.0.0.7')).status).toBe(401);
    for (let i = 0; i < 10; i++) expect(await upgrade(`cg_live_ws_guess_${i}_000000000000000`)).toBe(401);
    expect(await upgrade('cg_live_ws_guess_last_0000000000000000')).toBe(429);
    expect(await upgrade(gw.adminKey)).toBe(101);
  });

  it('counts a valid key used from off its allowlist (403) as a failure', async () => {
    const made = await call(gw, 'POST', '/v1/keys', gw.adminKey, '127.0.0.1', { scopes: ['precall'], ip_allowlist: ['127.0.0.2/32'] });
    const key = made.body.api_key as string;
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push((await call(gw, 'GET', '/v1/keys', key, '127.0.0.6')).status);
    expect(answers).toEqual([...Array(20).fill(403), 429]);
    expect((await call(gw, 'GET', '/v1/keys', key, '127.0.0.2')).status).toBe(200);
  });
});
