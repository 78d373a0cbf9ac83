/** The ledger contract against a real redis-server (AOF, appendfsync always), with a second instance for the races. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredContactWindow } from '../../src/domain/stateLaw/coveredContacts';
import { aDecision } from '../fixtures/records';
import { RedisLedger, type RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { startRedisServer, type RedisServer } from '../support/redis';
import { ledgerContract } from './contract';
import { callsContract } from './callsContract';
import { coveredContract } from './coveredContract';
import { retentionContract } from './retentionContract';
import { RedisDncStore } from '../../src/ledger/dnc/redisDncStore';
import { dncContract } from './dncContract';
import { RedisReassignedStore } from '../../src/ledger/reassigned/redisReassignedStore';
import { reassignedContract } from './reassignedContract';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

const open = (options: Partial<RedisLedgerOptions> = {}) => RedisLedger.open({ url: server.url, commandTimeoutMs: 2000, connectTimeoutMs: 1000, ...options });

ledgerContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return ledger;
  },
  { openPeer: () => open() },
);

coveredContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return ledger;
  },
  { openPeer: () => open() },
);

callsContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return ledger;
  },
  { openPeer: () => open() },
);

// Every case uses one keying, so a store the previous case anonymised opens under it; then it is emptied.
// No reader runs beside the retention job here, so its grace period (retention.ts) can be short.
retentionContract(
  'redis',
  async (suppression) => {
    const ledger = await open({ suppression, retentionGraceMs: 20 });
    await ledger.client.flushall();
    return ledger;
  },
  { reopen: (suppression) => open({ suppression, retentionGraceMs: 20 }) },
);

describe('redis: covered contacts name the phone', () => {
  it('their set expires on its own once its newest contact is past every window (as the daily send counters do), so retention need not move it', async () => {
    const ledger = await open();
    await ledger.client.flushall();
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
// The lists on the ledger's connection; closing the store closes the connection it was given here.
const dncOn = (ledger: RedisLedger) => Object.assign(new RedisDncStore(ledger.client), { close: () => ledger.close() });
dncContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return dncOn(ledger);
  },
  {
    openPeer: async () => dncOn(await open()),
    // What an import that stopped before its RENAME leaves: the area code's bitmap under its temporary key.
    leaveInterruptedImport: async (store, orgId, list, areaCode, numbers) => {
      const key = (store as RedisDncStore).bitmapKey(orgId, list, areaCode);
      const client = (store as unknown as { client: RedisLedger['client'] }).client;
      for (const n of numbers) await client.setbit(`${key}:tmp:interrupted`, Number(n.slice(3)), 1);
    },
    peerDelayMs: 1100,
  },
);

// The answers on the ledger's connection; closing the store closes the connection it was given here.
const reassignedOn = (ledger: RedisLedger) => Object.assign(new RedisReassignedStore(ledger.client), { close: () => ledger.close() });
reassignedContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return reassignedOn(ledger);
  },
  { openPeer: async () => reassignedOn(await open()) },
);
