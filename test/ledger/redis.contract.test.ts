/** The ledger contract against a real redis-server (AOF, appendfsync always), with a second instance for the races. */
import { afterAll, beforeAll } from 'vitest';
import { RedisLedger, type RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { startRedisServer, type RedisServer } from '../support/redis';
import { ledgerContract } from './contract';
import { coveredContract } from './coveredContract';
import { retentionContract } from './retentionContract';

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
