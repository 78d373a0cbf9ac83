/** The ledger contract against a real 3-master Redis Cluster: every script must stay within one slot. */
import { afterAll, beforeAll } from 'vitest';
import { RedisLedger, type RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { startRedisCluster, type RedisClusterProcesses } from '../support/redis';
import { ledgerContract } from './contract';
import { callsContract } from './callsContract';
import { coveredContract } from './coveredContract';
import { retentionContract } from './retentionContract';
import { RedisDncStore } from '../../src/ledger/dnc/redisDncStore';
import { dncContract } from './dncContract';
import { RedisReassignedStore } from '../../src/ledger/reassigned/redisReassignedStore';
import { reassignedContract } from './reassignedContract';

let cluster: RedisClusterProcesses;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 45_000);
afterAll(async () => {
  await cluster?.stop();
});

const open = (options: Partial<RedisLedgerOptions> = {}) =>
  RedisLedger.open({ clusterNodes: cluster.nodes, commandTimeoutMs: 2000, connectTimeoutMs: 1000, readyTimeoutMs: 10_000, ...options });

ledgerContract(
  'redis cluster',
  async () => {
    await cluster.flushAll();
    return open();
  },
  { openPeer: () => open() },
);

coveredContract(
  'redis cluster',
  async () => {
    await cluster.flushAll();
    return open();
  },
  { openPeer: () => open() },
);

callsContract(
  'redis cluster',
  async () => {
    await cluster.flushAll();
    return open();
  },
  { openPeer: () => open() },
);

// No reader runs beside the retention job here, so its grace period (retention.ts) can be short.
retentionContract(
  'redis cluster',
  async (suppression) => {
    await cluster.flushAll();
    return open({ suppression, retentionGraceMs: 20 });
  },
  { reopen: (suppression) => open({ suppression, retentionGraceMs: 20 }) },
);

// The lists on the ledger's connection; closing the store closes the connection it was given here.
const dncOn = (ledger: RedisLedger) => Object.assign(new RedisDncStore(ledger.client), { close: () => ledger.close() });
dncContract(
  'redis cluster',
  async () => {
    await cluster.flushAll();
    return dncOn(await open());
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
  'redis cluster',
  async () => {
    await cluster.flushAll();
    return reassignedOn(await open());
  },
  { openPeer: async () => reassignedOn(await open()) },
);
