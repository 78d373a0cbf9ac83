/**
 * Keys made from keys, over real HTTP: a restricted key cannot make a key
 * that is less restricted than itself (scopes, IP allowlist, rate limit), and
 * what it made stops working when it is revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFrom } from '../support/fromAddress';
import { startTestGateway, type TestGateway } from '../support/gateway';

const call = (gw: TestGateway, method: string, path: string, key: string, from = '127.0.0.1', body?: unknown) =>
  callFrom(gw.url, method, path, key, from, body);

describe('keys made by a restricted key', () => {
  let gw: TestGateway;
  let parent: { id: string; api_key: string };
  beforeAll(async () => {
    gw = await startTestGateway();
    const made = await call(gw, 'POST', '/v1/keys', gw.adminKey, '127.0.0.1', {
      scopes: ['precall', 'consent:read'],
      ip_allowlist: ['127.0.0.2/32'],
      rate_limit_per_minute: 5,
    });
    expect(made.status).toBe(201);
    parent = made.body as typeof parent;
  });
  afterAll(() => gw?.close());

  it('inherit its allowlist and rate limit, cannot ask for more, and die with it', async () => {
    const child = await call(gw, 'POST', '/v1/keys', parent.api_key, '127.0.0.2', { scopes: ['precall'] });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ ip_allowlist: ['127.0.0.2/32'], rate_limit_per_minute: 5, parent_key_id: parent.id });
    const childKey = child.body.api_key as string;

    expect((await call(gw, 'POST', '/v1/keys', parent.api_key, '127.0.0.2', { scopes: ['admin'] })).status).toBe(403);
    expect((await call(gw, 'POST', '/v1/keys', parent.api_key, '127.0.0.2', { scopes: ['precall'], ip_allowlist: ['127.0.0.0/8'] })).status).toBe(403);
    expect((await call(gw, 'POST', '/v1/keys', parent.api_key, '127.0.0.2', { scopes: ['precall'], rate_limit_per_minute: 6 })).status).toBe(403);

    // The child is held to the parent's allowlist and its 5 a minute.
    expect((await call(gw, 'GET', '/v1/keys', childKey, '127.0.0.1')).status).toBe(403);
    const burst: number[] = [];
    for (let i = 0; i < 6; i++) burst.push((await call(gw, 'GET', '/v1/keys', childKey, '127.0.0.2')).status);
    expect(burst).toEqual([200, 200, 200, 200, 200, 429]);

    expect((await call(gw, 'DELETE', `/v1/keys/${parent.id}`, gw.adminKey)).status).toBe(200);
    expect((await call(gw, 'GET', '/v1/keys', childKey, '127.0.0.2')).status).toBe(401);
    const listed = (await call(gw, 'GET', '/v1/keys', gw.adminKey)).body.data as { id: string; revoked_at: string | null }[];
    expect(listed.find((k) => k.id === child.body.id)?.revoked_at).not.toBeNull();
  });

  it("may narrow the allowlist to an address inside the parent's, and ask for a lower rate", async () => {
    const made = await call(gw, 'POST', '/v1/keys', gw.adminKey, '127.0.0.1', {
      scopes: ['precall'],
      ip_allowlist: ['127.0.0.0/24'],
      rate_limit_per_minute: 50,
    });
    const child = await call(gw, 'POST', '/v1/keys', made.body.api_key as string, '127.0.0.9', {
      scopes: ['precall'],
      ip_allowlist: ['127.0.0.9', '127.0.0.16/28'],
      rate_limit_per_minute: 10,
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ ip_allowlist: ['127.0.0.9', '127.0.0.16/28'], rate_limit_per_minute: 10 });
    expect((await call(gw, 'GET', '/v1/keys', child.body.api_key as string, '127.0.0.1')).status).toBe(403);
    expect((await call(gw, 'GET', '/v1/keys', child.body.api_key as string, '127.0.0.17')).status).toBe(200);
  });
});
