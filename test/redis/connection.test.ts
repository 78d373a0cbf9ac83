/**
 * Connecting: the persistence check at start (warns when acknowledged
 * opt-outs could be lost, tolerates a disabled CONFIG), Sentinel, a store
 * that is not there, and the configuration that names it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { LedgerUnavailableError } from '../../src/ledger/ledger';
import { parseSentinelUrl } from '../../src/ledger/redis/connection';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import type { Logger } from '../../src/observability/logger';
import { aRevocation } from '../fixtures/records';
import { freePort } from '../support/ports';
import { startRedisServer, type RedisServer } from '../support/redis';
import { waitUntil } from '../support/wait';

const started: RedisServer[] = [];
const cleanups: (() => void)[] = [];
afterAll(async () => {
  for (const c of cleanups) c();
  await Promise.all(started.map((s) => s.stop()));
});

async function server(extraArgs: string[] = []): Promise<RedisServer> {
  const s = await startRedisServer({ extraArgs });
  started.push(s);
  return s;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const noop = () => undefined;
  return { warnings, warn: (_o: unknown, msg: string) => warnings.push(msg), debug: noop, info: noop, error: noop } as unknown as Logger & {
    warnings: string[];
  };
}

const opts = { commandTimeoutMs: 1000, connectTimeoutMs: 500 };

describe('persistence check at start', () => {
  it('is quiet with appendonly yes and appendfsync always', async () => {
    const s = await server();
    const logger = recordingLogger();
    const ledger = await RedisLedger.open({ url: s.url, ...opts, logger });
    await ledger.close();
    expect(ledger.durability).toEqual([{ node: `127.0.0.1:${s.port}`, appendonly: 'yes', appendfsync: 'always', warning: null }]);
    expect(logger.warnings).toEqual([]);
  });

  it('warns that about a second of acknowledged opt-outs can be lost with appendfsync everysec', async () => {
    const s = await server(['--appendfsync', 'everysec']);
    const logger = recordingLogger();
    await (await RedisLedger.open({ url: s.url, ...opts, logger })).close();
    expect(logger.warnings.join('\n')).toMatch(/everysec.*1 s of acknowledged opt-outs/);
  });

  it('warns without the AOF', async () => {
    const s = await server(['--appendonly', 'no']);
    const logger = recordingLogger();
    await (await RedisLedger.open({ url: s.url, ...opts, logger })).close();
    expect(logger.warnings.join('\n')).toMatch(/appendonly is not yes/);
  });

  it('starts anyway, with a warning, where CONFIG is disabled', async () => {
    const s = await server(['--rename-command', 'CONFIG', '']);
    const logger = recordingLogger();
    const ledger = await RedisLedger.open({ url: s.url, ...opts, logger });
    await ledger.ping();
    await ledger.close();
    expect(logger.warnings.join('\n')).toMatch(/cannot read the persistence settings/);
  });
});

describe('no store', () => {
  it('open rejects with LedgerUnavailableError within the connect bound', async () => {
    const port = await freePort();
    const t0 = Date.now();
    await expect(RedisLedger.open({ url: `redis://127.0.0.1:${port}`, ...opts })).rejects.toBeInstanceOf(LedgerUnavailableError);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('Sentinel', () => {
  it('finds the master through a redis+sentinel:// URL', async () => {
    const master = await server();
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'cg-sentinel-'));
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor cgmaster 127.0.0.1 ${master.port} 1`,
        'sentinel down-after-milliseconds cgmaster 2000',
        '',
      ].join('\n'),
    );
    const sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    cleanups.push(() => sentinel.kill('SIGKILL'));
    let ledger: RedisLedger | undefined;
    await waitUntil(
      'sentinel',
      async () => {
        ledger = await RedisLedger.open({ url: `redis+sentinel://127.0.0.1:${port}/cgmaster`, ...opts });
        return true;
      },
      { timeoutMs: 10_000 },
    );
    try {
      const r = aRevocation();
      expect((await ledger!.recordRevocation(r)).created).toBe(true);
      expect(await ledger!.getRevocation('org_test', r.id)).toEqual(r);
      expect(ledger!.durability[0]).toMatchObject({ node: 'master cgmaster (via Sentinel)', appendfsync: 'always' });
      // It wrote to the master the Sentinel named.
      const direct = await RedisLedger.open({ url: master.url, ...opts });
      expect(await direct.getRevocation('org_test', r.id)).toEqual(r);
      await direct.close();
    } finally {
      await ledger!.close();
    }
  });

  it('parses sentinel URLs', () => {
    expect(parseSentinelUrl('redis+sentinel://:s3cret@10.0.0.1:26379,10.0.0.2/mymaster/2')).toEqual({
      username: undefined,
      password: 's3cret',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
      ],
      name: 'mymaster',
      db: 2,
    });
    expect(() => parseSentinelUrl('redis+sentinel://10.0.0.1')).toThrow(/mymaster/);
  });
});

describe('configuration', () => {
  it('STORE=redis needs somewhere to connect', () => {
    expect(() => loadConfig({ STORE: 'redis' })).toThrow(ConfigError);
    expect(() => loadConfig({ STORE: 'redis', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL: must start with/);
    expect(loadConfig({ STORE: 'redis', REDIS_SENTINELS: 'a:26379,b:26379' }).REDIS_SENTINELS).toEqual(['a:26379', 'b:26379']);
    const c = loadConfig({ STORE: 'redis', REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7000', DECISION_RETENTION_DAYS: '90' });
    expect(c).toMatchObject({ REDIS_CLUSTER_NODES: ['10.0.0.1:7000', '10.0.0.2:7000'], DECISION_RETENTION_DAYS: 90, REDIS_COMMAND_TIMEOUT_MS: 1000 });
  });
});
