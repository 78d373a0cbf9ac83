/**
 * What only the Redis engine does: what one record costs in memory (MEMORY
 * USAGE, the figures in docs/scaling-redis.md), and decisions expiring after
 * DECISION_RETENTION_DAYS so they do not grow without bound, while the audit
 * chain stays whole. Anonymisation by the retention job, which every engine
 * does, is in the ledger contract (test/ledger/retentionContract.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/auditChain';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { aConsent, aDecision, aRevocation } from '../fixtures/records';
import { startRedisServer, type RedisServer } from '../support/redis';

let server: RedisServer;
let ledger: RedisLedger;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await ledger?.close();
  await server?.stop();
});
beforeEach(async () => {
  await ledger?.close();
  // 1 second: long enough to read a decision back, short enough to watch it expire.
  ledger = await RedisLedger.open({ url: server.url, commandTimeoutMs: 2000, connectTimeoutMs: 1000, decisionRetentionDays: 1 / 86_400 });
  await ledger.client.flushall();
});

async function bytesOfAllKeys(): Promise<number> {
  const client = ledger.client as unknown as { keys(p: string): Promise<string[]>; memory(...a: (string | number)[]): Promise<number> };
  let total = 0;
  for (const k of await client.keys('*')) total += await client.memory('USAGE', k, 'SAMPLES', 0);
  return total;
}

describe('Redis memory and retention', () => {
  it('one consent, revocation and decision each fit in a few kilobytes (MEMORY USAGE)', async () => {
    const sizes: Record<string, number> = {};
    await ledger.captureConsent(aConsent({ phone: '+12125550401' }));
    sizes.consent = await bytesOfAllKeys();
    await ledger.client.flushall();
    await ledger.recordRevocation(aRevocation({ phone: '+12125550401' }));
    sizes.revocation = await bytesOfAllKeys();
    await ledger.client.flushall();
    await ledger.recordDecision(aDecision({ phone: '+12125550401' }));
    sizes.decision = await bytesOfAllKeys();
    console.info('redis bytes per record (all keys it touches, first record of a phone):', sizes);
    expect(sizes.consent).toBeLessThan(3500);
    expect(sizes.revocation).toBeLessThan(2500);
    expect(sizes.decision).toBeLessThan(2000);
  });

  it('decisions expire after the retention; their chain entries stay and still verify', async () => {
    const now = Date.now();
    const old = aDecision({ decided_at: new Date(now - 5_000).toISOString() });
    await ledger.recordDecision(old);
    expect(await ledger.getDecision('org_test', old.id)).toEqual(old);
    const keys = ledger.keys;
    expect(await ledger.client.ttl(keys.subject('org_test', old.phone).decision(old.id))).toBeGreaterThan(0);
    expect(await ledger.client.ttl(keys.org('org_test').decisionPhone(old.id))).toBeGreaterThan(0);

    await new Promise((r) => setTimeout(r, 1200));
    const recent = aDecision({ decided_at: new Date(now).toISOString() });
    await ledger.recordDecision(recent);

    expect(await ledger.getDecision('org_test', old.id)).toBeNull();
    expect((await ledger.listDecisions('org_test', { limit: 10 })).items.map((d) => d.id)).toEqual([recent.id]);
    expect((await ledger.listDecisions('org_test', { phone: old.phone, limit: 10 })).items.map((d) => d.id)).toEqual([recent.id]);
    // The time indexes were trimmed past the retention, not just filtered.
    expect(await ledger.client.zcard(keys.org('org_test').decisionsByTime)).toBe(1);
    expect(await ledger.client.zcard(keys.subject('org_test', old.phone).decisionsByTime)).toBe(1);
    // The chain keeps both entries (hashes and personal-data digests only) and verifies.
    const trail = await ledger.auditTrail('org_test', old.phone);
    expect(trail.map((e) => e.ref_id)).toEqual([old.id, recent.id]);
    expect(verifyChain(trail)).toMatchObject({ ok: true, length: 2 });
  });

  it('consents and revocations never expire', async () => {
    await ledger.captureConsent(aConsent());
    await ledger.recordRevocation(aRevocation());
    const s = ledger.keys.subject('org_test', '+15551234567');
    for (const k of [s.consents, s.revocations, s.audit, s.head]) expect(await ledger.client.ttl(k)).toBe(-1);
  });
});
