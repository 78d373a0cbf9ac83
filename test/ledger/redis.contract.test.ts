/** The ledger contract against a real redis-server (AOF, appendfsync always), with a second instance for the races. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredContactWindow } from '../../src/domain/stateLaw/coveredContacts';
import { aDecision } from '../fixtures/records';
import { RedisLedger, type RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { startRedisServer, type RedisServer } from '../support/redis';
import { redisContracts } from './redisContracts';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

const open = (options: Partial<RedisLedgerOptions> = {}) => RedisLedger.open({ url: server.url, commandTimeoutMs: 2000, connectTimeoutMs: 1000, ...options });

redisContracts('redis', {
  open,
  fresh: async (options) => {
    await server.flushAll();
    return open(options);
  },
});

describe('redis: covered contacts name the phone', () => {
  it('their set expires on its own once its newest contact is past every window (as the daily send counters do), so retention need not move it', async () => {
    await server.flushAll();
    const ledger = await open();
    const now = new Date('2026-05-04T16:00:00.000Z');
    const covered = coveredContactWindow(new Date(now.getTime() + 3_600_000), now);
    await ledger.decideCall('org_test', '+13055550100', { entity: 'acme', covered }, () => ({
      decision: aDecision({ phone: '+13055550100' }),
      coveredLimit: null,
    }));
    const ttl = await ledger.client.pttl(ledger.keys.subject('org_test', '+13055550100').coveredContacts('acme'));
    // The newest contact is an hour ahead: its window ends 25 h from now, plus a window of slack.
    expect(ttl).toBeGreaterThan(48 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(49 * 3_600_000);
    await ledger.close();
  });
});

describe('redis: console sessions expire on their own', () => {
  it("a session and its key's index carry the session's time left as their TTL, and a touch moves both", async () => {
    await server.flushAll();
    const ledger = await open();
    const at = (min: number) => new Date(Date.parse('2026-05-04T10:00:00.000Z') + min * 60_000).toISOString();
    const session = { id_hash: 'f'.repeat(64), org_id: 'org_test', key_id: 'key_1', created_at: at(0), last_used_at: at(0), expires_at: at(30) };
    await ledger.createConsoleSession(session);
    const ttls = () =>
      Promise.all([ledger.client.pttl(ledger.keys.consoleSession(session.id_hash)), ledger.client.pttl(ledger.keys.consoleSessionsOfKey('org_test', 'key_1'))]);
    for (const ttl of await ttls()) expect(ttl).toBeGreaterThan(29 * 60_000);
    await ledger.findConsoleSession(session.id_hash, at(10), () => ({ last_used_at: at(10), expires_at: at(100) }));
    for (const ttl of await ttls()) {
      expect(ttl).toBeGreaterThan(89 * 60_000);
      expect(ttl).toBeLessThanOrEqual(90 * 60_000);
    }
    await ledger.close();
  });
});
