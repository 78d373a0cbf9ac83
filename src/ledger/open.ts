/** Opens the ledger engine the configuration names. */
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { LedgerUnavailableError, suppressionKeying, type Ledger } from './ledger';
import type { RedisLedgerOptions } from './redis/redisLedger';
import { SqliteLedger } from './sqlite/sqliteLedger';
import { preparePrivateDir, preparePrivateFile } from './privateFiles';
import type { DncStore } from './dnc/dncStore';
import { FileDncStore } from './dnc/fileDncStore';
import type { ReassignedStore } from './reassigned/reassignedStore';
import { SqliteReassignedStore } from './reassigned/sqliteReassignedStore';

export function redisOptionsFromConfig(config: Config, logger?: Logger): RedisLedgerOptions {
  return {
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    sentinels: config.REDIS_SENTINELS,
    sentinelName: config.REDIS_SENTINEL_NAME,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS,
    keyPrefix: config.REDIS_KEY_PREFIX,
    decisionRetentionDays: config.DECISION_RETENTION_DAYS,
    suppression: config.RETENTION_SECRET ? suppressionKeying(config.RETENTION_SECRET) : undefined,
    logger,
  };
}

/** What a running gateway learns from its store as it goes (metrics). */
export interface LedgerHooks {
  /** SQLite: seconds writes waited while the log was rewound (see sqlite/checkpointer.ts). */
  onWriteHold?: (seconds: number) => void;
}

/** Where the SQLite engine keeps its ledger: one file in DATA_DIR. */
export function sqliteLedgerFile(config: Pick<Config, 'DATA_DIR'>): string {
  return join(resolve(config.DATA_DIR), 'consent-gate.db');
}

export async function openLedger(config: Config, logger?: Logger, hooks: LedgerHooks = {}): Promise<Ledger> {
  if (config.STORE === 'redis') {
    // Loaded only when asked for: ioredis and the engine's scripts would otherwise weigh on a SQLite gateway's memory.
    const { RedisLedger } = await import('./redis/redisLedger');
    return RedisLedger.open(redisOptionsFromConfig(config, logger));
  }
  const suppression = config.RETENTION_SECRET ? suppressionKeying(config.RETENTION_SECRET) : undefined;
  const file = sqliteLedgerFile(config);
  try {
    preparePrivateDir(dirname(file), logger);
    preparePrivateFile(file, [file + '-wal', file + '-shm']);
  } catch (err) {
    // Said like any other failure to open the file: a DATA_DIR that is a file, or not ours to write.
    throw new LedgerUnavailableError(`cannot open SQLite ledger at ${file}: ${(err as Error).message}`, { cause: err });
  }
  return new SqliteLedger({
    file,
    suppression,
    mmapBytes: config.SQLITE_MMAP_MB * 2 ** 20,
    onWriteHold: hooks.onWriteHold,
  });
}

/** Where the embedded engine keeps its do-not-call lists: a directory beside the ledger file. */
export function dncDirectory(config: Pick<Config, 'DATA_DIR'>): string {
  return join(resolve(config.DATA_DIR), 'dnc');
}

/**
 * The do-not-call lists of the configured store: on Redis, in the ledger's Redis (every instance
 * reads the one copy), on the same connection; otherwise files beside the SQLite ledger.
 */
export async function openDncStore(config: Config, ledger: Ledger): Promise<DncStore> {
  if (config.STORE === 'redis' && 'client' in ledger) {
    const { RedisDncStore } = await import('./dnc/redisDncStore');
    const { RedisLedger } = await import('./redis/redisLedger');
    if (ledger instanceof RedisLedger) return new RedisDncStore(ledger.client, config.REDIS_KEY_PREFIX);
  }
  try {
    return new FileDncStore(dncDirectory(config));
  } catch (err) {
    throw new LedgerUnavailableError(`cannot open the do-not-call lists at ${dncDirectory(config)}: ${(err as Error).message}`, { cause: err });
  }
}

/** Where the embedded engine keeps its reassigned-number answers: a SQLite file of their own beside the ledger. */
export function reassignedFile(config: Pick<Config, 'DATA_DIR'>): string {
  return join(resolve(config.DATA_DIR), 'reassigned.db');
}

/**
 * The reassigned-number answers of the configured store: on Redis, in the ledger's Redis (every
 * instance reads the one copy), on the same connection; otherwise a SQLite file beside the ledger.
 */
export async function openReassignedStore(config: Config, ledger: Ledger): Promise<ReassignedStore> {
  if (config.STORE === 'redis' && 'client' in ledger) {
    const { RedisReassignedStore } = await import('./reassigned/redisReassignedStore');
    const { RedisLedger } = await import('./redis/redisLedger');
    if (ledger instanceof RedisLedger) return new RedisReassignedStore(ledger.client, config.REDIS_KEY_PREFIX);
  }
  const file = reassignedFile(config);
  try {
    preparePrivateFile(file, [file + '-wal', file + '-shm']);
  } catch (err) {
    throw new LedgerUnavailableError(`cannot open the reassigned-number answers at ${file}: ${(err as Error).message}`, { cause: err });
  }
  return new SqliteReassignedStore(file);
}
