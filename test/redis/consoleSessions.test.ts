/**
 * Console sessions across two gateway instances on one real Redis, over HTTP as a browser makes
 * its calls: a session made on one instance is served by the other, a sign-out or a revoked key on
 * one ends it on the other, and the store keeps neither the key's secret nor the cookie's id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { consoleSessionState, OVERVIEW_READS, signInToConsole, signOutOfConsole, throughConsole } from '../support/consoleSession';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis';
import { post } from './http';

let redis: RedisServer;
let a: TestGateway;
let b: TestGateway;

beforeAll(async () => {
  redis = await startRedisServer();
  const env = { STORE: 'redis', REDIS_URL: redis.url };
  [a, b] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

/** A fresh key of the default org, made over A's API. */
async function newKey(scopes: string[]): Promise<{ id: string; secret: string }> {
  const made = await post(a.url, '/v1/keys', { scopes });
  expect(made.status).toBe(201);
  return { id: made.body.id as string, secret: made.body.api_key as string };
}

describe('console sessions on two gateways sharing one Redis', () => {
  it("signed in on A, the Overview's reads through B succeed, as the same session and key", async () => {
    const session = await signInToConsole(a.url, a.adminKey);
    for (const path of OVERVIEW_READS) expect((await throughConsole(b.url, session, path)).status, path).toBe(200);
    const onB = await consoleSessionState(b.url, session);
    expect(onB.body).toMatchObject({ signed_in: true, csrf: session.csrf, key: { org_id: 'org_default' } });
    expect((await consoleSessionState(a.url, session)).body).toEqual(onB.body);
  });

  it('signed out on B, A refuses the cookie', async () => {
    const session = await signInToConsole(a.url, a.adminKey);
    expect((await throughConsole(a.url, session, '/v1/alerts')).status).toBe(200);
    expect(await signOutOfConsole(b.url, session)).toBe(204);
    expect((await throughConsole(a.url, session, '/v1/alerts')).status).toBe(401);
    expect((await consoleSessionState(a.url, session)).body).toEqual({ signed_in: false });
  });

  it("a key revoked on A: B's next request through its session is 401, and A's too", async () => {
    const key = await newKey(['audit:read']);
    const session = await signInToConsole(a.url, key.secret);
    expect((await throughConsole(b.url, session, '/v1/alerts')).status).toBe(200);
    expect((await fetch(`${a.url}/v1/keys/${key.id}`, { method: 'DELETE', headers: a.auth })).status).toBe(200);
    const refused = await throughConsole(b.url, session, '/v1/alerts');
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('UNAUTHORIZED');
    expect((await consoleSessionState(a.url, session)).body).toEqual({ signed_in: false });
  });

  it('a key revoked in the store with its sessions left there (as a retired bootstrap key is) still ends them at their next request', async () => {
    const key = await newKey(['audit:read']);
    const session = await signInToConsole(a.url, key.secret);
    expect((await throughConsole(b.url, session, '/v1/alerts')).status).toBe(200);
    await a.ctx.ledger.revokeApiKey('org_default', key.id, new Date().toISOString());
    expect((await throughConsole(b.url, session, '/v1/alerts')).status).toBe(401);
    // Ended, not only refused: were the key somehow live again, the session would still be gone.
    expect(await a.ctx.ledger.endConsoleSessionsOfKey('org_default', key.id)).toBe(0);
  });

  it("each request through the session is held to its key's scopes, on either instance", async () => {
    const key = await newKey(['audit:read']);
    const session = await signInToConsole(a.url, key.secret);
    expect((await throughConsole(b.url, session, '/v1/decisions')).status).toBe(200);
    expect((await throughConsole(b.url, session, '/v1/consents')).status).toBe(403);
    // The fast lane's route (precall) too.
    const precall = { phone: '+12125550199', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' };
    expect((await throughConsole(a.url, session, '/v1/precall', { method: 'POST', body: precall })).status).toBe(403);
  });

  it("the store holds neither the key's secret nor the cookie's id, only the key's id and the cookie id's hash", async () => {
    const key = await newKey(['audit:read']);
    const session = await signInToConsole(a.url, key.secret);
    const client = (a.ctx.ledger as RedisLedger).client;
    const names = await client.keys('*{cs:*');
    const values = await Promise.all(names.map((n) => client.get(n)));
    const mine = values.filter((v) => v?.includes(key.id));
    expect(mine).toHaveLength(1);
    const cookieId = session.cookie.split('=')[1];
    for (const v of values) {
      expect(v).not.toContain(key.secret);
      expect(v).not.toContain(cookieId);
      expect(v).not.toContain(session.csrf);
    }
    for (const n of names) expect(n).not.toContain(cookieId);
  });
});
