/**
 * A gateway on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES): records
 * spread over the masters, every script stays in one slot, and a dead master
 * turns decisions into a prompt 503 rather than a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startRedisCluster, type RedisClusterProcesses } from '../support/redis';
import { consentBody, post, precallBody, presendBody } from './http';

const clock = new FixedClock(new Date('2026-04-10T20:00:00.000Z'));
let cluster: RedisClusterProcesses;
let gw: TestGateway;

beforeAll(async () => {
  cluster = await startRedisCluster();
  gw = await startTestGateway({ STORE: 'redis', REDIS_CLUSTER_NODES: cluster.nodes.join(','), REDIS_COMMAND_TIMEOUT_MS: 1000 }, { clock });
}, 45_000);

afterAll(async () => {
  await gw?.close();
  await cluster?.stop();
});

async function keysPerNode(): Promise<number[]> {
  return Promise.all(
    cluster.ports.map(async (port) => {
      const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, commandTimeout: 1000 });
      c.on('error', () => {});
      try {
        await c.connect();
        return await c.dbsize();
      } finally {
        c.disconnect();
      }
    }),
  );
}

describe('gateway on a Redis Cluster', () => {
  const phones = Array.from({ length: 12 }, (_, i) => `+1212555${String(3100 + i)}`);

  it('serves consents, decisions and opt-outs, with keys on every master', async () => {
    for (const phone of phones) expect((await post(gw.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    for (const phone of phones) expect((await post(gw.url, '/v1/precall', precallBody(phone))).body.allowed).toBe(true);
    const sends = await Promise.all(Array.from({ length: 10 }, () => post(gw.url, '/v1/sms/pre-send', presendBody(phones[0]))));
    expect(sends.filter((r) => r.body.allowed === true)).toHaveLength(3);
    expect((await post(gw.url, '/v1/revoke', { phone: phones[1], calling_entity: 'Acme Insurance LLC', trigger: 'manual', scope: 'all' })).status).toBe(201);
    expect((await post(gw.url, '/v1/precall', precallBody(phones[1]))).body).toMatchObject({ allowed: false });
    const perNode = await keysPerNode();
    expect(perNode.every((n) => n > 0)).toBe(true);
  });

  it('a dead master answers 503 UNAVAILABLE promptly, never allowed', async () => {
    await cluster.killNode(0);
    const replies = await Promise.all(phones.map((phone) => post(gw.url, '/v1/precall', precallBody(phone))));
    // Subjects on the live masters may still be served; none hangs, none on the dead one is allowed.
    for (const r of replies) {
      expect([200, 503]).toContain(r.status);
      if (r.status === 503) expect(r.body.error?.code).toBe('UNAVAILABLE');
      expect(r.ms).toBeLessThan(3000);
    }
    expect(replies.some((r) => r.status === 503)).toBe(true);
  });
});
