/**
 * A redis-server for the Redis rows: started like the tests start theirs
 * (test/support/redis.ts: loopback, free port, own directory, AOF with
 * `appendfsync always`, which the engine asks for), with the seeded
 * consents loaded from an RDB snapshot cached under bench/.cache/.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { requireRedisBinaries, startRedisServer, type RedisServer } from '../../test/support/redis';
import { CACHE_DIR, seedLedger } from './seed';

const SEED_VERSION = 1;

export function redisSeedPath(n: number): string {
  return join(CACHE_DIR, `redis-consents-${n}-seed${SEED_VERSION}.rdb`);
}

async function info(port: number, section: string): Promise<string> {
  const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await c.connect();
    return await c.info(section);
  } finally {
    c.disconnect();
  }
}

async function command(port: number, ...args: string[]): Promise<unknown> {
  const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await c.connect();
    return await c.call(args[0], ...args.slice(1));
  } finally {
    c.disconnect();
  }
}

/** The cached RDB with n consents (key prefix cg:), seeded through RedisLedger.captureConsents when missing. */
export async function redisSeed(n: number, log: (s: string) => void = () => {}): Promise<{ file: string; cached: boolean; seconds: number }> {
  const file = redisSeedPath(n);
  if (existsSync(file)) return { file, cached: true, seconds: 0 };
  mkdirSync(CACHE_DIR, { recursive: true });
  const started = performance.now();
  // Seeding needs no fsync per write: the snapshot is what is kept.
  const server = await startRedisServer({ extraArgs: ['--appendonly', 'no'] });
  try {
    const ledger = await RedisLedger.open({ url: server.url, commandTimeoutMs: 30_000, connectTimeoutMs: 5000 });
    let last = performance.now();
    await seedLedger(ledger, n, (done) => {
      if (performance.now() - last > 5000) {
        last = performance.now();
        log(`  seeding Redis with ${n.toLocaleString('en-US')} consents: ${done.toLocaleString('en-US')}`);
      }
    });
    await ledger.close();
    await command(server.port, 'SAVE');
    copyFileSync(join(server.dir, 'dump.rdb'), `${file}.tmp`);
    renameSync(`${file}.tmp`, file);
  } finally {
    await server.stop();
  }
  return { file, cached: false, seconds: (performance.now() - started) / 1000 };
}

/** A redis-server holding a copy of the snapshot, with the AOF (appendfsync always) switched on before it is used. */
export async function redisFromSeed(rdb: string): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-redis-'));
  copyFileSync(rdb, join(dir, 'dump.rdb'));
  const server = await startRedisServer({ dir, extraArgs: ['--appendonly', 'no', '--dbfilename', 'dump.rdb'] });
  await command(server.port, 'CONFIG', 'SET', 'appendfsync', 'always');
  await command(server.port, 'CONFIG', 'SET', 'appendonly', 'yes');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const p = await info(server.port, 'persistence');
    if (/aof_enabled:1/.test(p) && /aof_rewrite_in_progress:0/.test(p) && /aof_rewrite_scheduled:0/.test(p)) break;
    if (Date.now() > deadline) throw new Error('redis: the AOF rewrite after loading the seed did not finish in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

/** Null when redis-server and redis-cli are on PATH, else why not. */
export function redisServerMissing(): string | null {
  try {
    requireRedisBinaries();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
