/** The ledger contract against a real 3-master Redis Cluster: every script must stay within one slot. */
import { afterAll, beforeAll } from 'vitest';
import { RedisLedger, type RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { startRedisCluster, type RedisClusterProcesses } from '../support/redis';
import { redisContracts } from './redisContracts';

let cluster: RedisClusterProcesses;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 45_000);
afterAll(async () => {
  await cluster?.stop();
});

const open = (options: Partial<RedisLedgerOptions> = {}) =>
  RedisLedger.open({ clusterNodes: cluster.nodes, commandTimeoutMs: 2000, connectTimeoutMs: 1000, readyTimeoutMs: 10_000, ...options });

redisContracts('redis cluster', {
  open,
  fresh: async (options) => {
    await cluster.flushAll();
    return open(options);
  },
});
