/** The ledger contract against a real redis-server (AOF, appendfsync always), with a second instance for the races. */
import { afterAll, beforeAll } from 'vitest';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { startRedisServer, type RedisServer } from '../support/redis';
import { ledgerContract } from './contract';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

const open = () => RedisLedger.open({ url: server.url, commandTimeoutMs: 2000, connectTimeoutMs: 1000 });

ledgerContract(
  'redis',
  async () => {
    const ledger = await open();
    await ledger.client.flushall();
    return ledger;
  },
  { openPeer: () => open() },
);
