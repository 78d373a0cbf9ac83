/**
 * Redis going away under a running gateway: decisions fail closed and fast
 * (503 UNAVAILABLE, never a hang, never "allowed"), opt-outs from carrier
 * traffic are queued durably and applied exactly once when Redis is back,
 * and the gateway reconnects without a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { revokeFromTraffic } from '../../src/gate/optOutSignals';
import { FileRevocationQueue } from '../../src/gate/fallbackQueue';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis';
import { waitUntil } from '../support/wait';
import { call, consentBody, get, post, precallBody, presendBody } from './http';

const clock = new FixedClock(new Date('2026-04-10T20:00:00.000Z'));
const PHONE = '+12125550301';
const QUEUED_PHONE = '+12125550302';
let redis: RedisServer;
let gw: TestGateway;

beforeAll(async () => {
  redis = await startRedisServer();
  gw = await startTestGateway({ STORE: 'redis', REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: 1000, FALLBACK_DRAIN_INTERVAL_MS: 200 }, { clock });
  for (const phone of [PHONE, QUEUED_PHONE]) expect((await post(gw.url, '/v1/consents', consentBody(phone))).status).toBe(201);
});

afterAll(async () => {
  await gw?.close();
  await redis?.stop();
});

describe('Redis outage', () => {
  it('a hung Redis (SIGSTOP) answers 503 UNAVAILABLE within the command timeout, then recovers', async () => {
    redis.process.kill('SIGSTOP');
    try {
      const [pre, send, ready] = await Promise.all([
        post(gw.url, '/v1/precall', precallBody(PHONE)),
        post(gw.url, '/v1/sms/pre-send', presendBody(PHONE)),
        get(gw.url, '/readyz'),
      ]);
      for (const r of [pre, send]) {
        expect(r.status).toBe(503);
        expect(r.body.error?.code).toBe('UNAVAILABLE');
        expect(r.body.allowed).toBeUndefined();
        expect(r.ms).toBeLessThan(2500);
      }
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(2500);
    } finally {
      redis.process.kill('SIGCONT');
    }
    await waitUntil('precall answers again', async () => (await post(gw.url, '/v1/precall', precallBody(PHONE))).status === 200, { timeoutMs: 5000 });
  });

  it('a dead Redis (SIGKILL) answers 503 at once; opt-outs from traffic are queued; after a restart they are applied once', async () => {
    await redis.kill();

    const [pre, send, revokeApi, ready] = await Promise.all([
      post(gw.url, '/v1/precall', precallBody(PHONE)),
      post(gw.url, '/v1/sms/pre-send', presendBody(PHONE)),
      post(gw.url, '/v1/revoke', { phone: PHONE, calling_entity: 'Acme Insurance LLC', trigger: 'manual' }),
      get(gw.url, '/readyz'),
    ]);
    for (const r of [pre, send, revokeApi]) {
      expect(r.status).toBe(503);
      expect(r.body.error?.code).toBe('UNAVAILABLE');
      expect(r.ms).toBeLessThan(2000);
    }
    expect(ready.status).toBe(503);

    // The consumer texts STOP twice while the store is down: both are queued (fsynced) …
    const party = { orgId: 'org_default', phone: QUEUED_PHONE, calling_entity: 'Acme Insurance LLC', trigger: 'sms_stop' as const, transcript: 'STOP' };
    const first = await revokeFromTraffic(gw.ctx, party);
    const second = await revokeFromTraffic(gw.ctx, { ...party, transcript: 'stop!!' });
    expect(first).toEqual({ revoked: true, queued: true, revocation: null });
    expect(second.queued).toBe(true);
    const queue = gw.ctx.fallbackQueue as FileRevocationQueue;
    expect(queue.pending().map((p) => p.phone)).toEqual([QUEUED_PHONE, QUEUED_PHONE]);

    // … Redis comes back from its AOF, the gateway reconnects by itself and drains the queue.
    await redis.restart();
    await waitUntil('readyz', async () => (await get(gw.url, '/readyz')).status === 200, { timeoutMs: 8000 });
    await waitUntil('queue drained', () => !queue.hasPending(), { timeoutMs: 8000 });

    const facts = await gw.ctx.ledger.contactFacts('org_default', QUEUED_PHONE);
    expect(facts.revocations).toHaveLength(1);
    expect(facts.revocations[0]).toMatchObject({ trigger: 'sms_stop', captured_at: '2026-04-10T20:00:00Z' });
    const trail = await gw.ctx.ledger.auditTrail('org_default', QUEUED_PHONE);
    expect(trail.filter((e) => e.kind === 'revocation')).toHaveLength(1);
    // The consent written before the crash survived it (AOF, appendfsync always).
    expect(trail[0].kind).toBe('consent');

    const after = await post(gw.url, '/v1/precall', precallBody(QUEUED_PHONE));
    expect(after.body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    expect((await post(gw.url, '/v1/precall', precallBody(PHONE))).body.allowed).toBe(true);
  });

  it('a restart of the gateway on the same DATA_DIR drains what an earlier process queued', async () => {
    const phone = '+12125550303';
    expect((await post(gw.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    // As if an earlier process on this DATA_DIR queued it and died before Redis came back.
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-gw-'));
    await new FileRevocationQueue(join(dataDir, 'revocation-fallback.jsonl')).enqueue({
      orgId: 'org_default',
      phone,
      calling_entity: 'Acme Insurance LLC',
      trigger: 'dtmf_opt_out',
      captured_at: clock.now(),
    });
    const other = await startTestGateway({ STORE: 'redis', REDIS_URL: redis.url, FALLBACK_DRAIN_INTERVAL_MS: 200, DATA_DIR: dataDir }, { clock });
    try {
      await waitUntil('drained by the new process', async () => (await other.ctx.ledger.contactFacts('org_default', phone)).revocations.length === 1, {
        timeoutMs: 8000,
      });
    } finally {
      await other.close();
    }
    expect((await call(gw.url, 'POST', '/v1/precall', precallBody(phone))).body.reason).toBe('consumer_revoked');
  });
});
