/**
 * Connecting to Redis — one server, a Cluster, or a master found through
 * Sentinel — so that a dead or hung store answers fast:
 *
 * - `enableOfflineQueue: false`: while disconnected a command fails at once
 *   instead of waiting in a queue for a reconnect that may never come;
 * - `commandTimeout`: a connected but unresponsive server (paused, swapping,
 *   a partition) fails the command after REDIS_COMMAND_TIMEOUT_MS;
 * - `autoResendUnfulfilledCommands: false`: a command that timed out is not
 *   replayed after a reconnect behind the caller's back (a counter would be
 *   counted twice and a decision written after its caller got a 503);
 * - `retryStrategy`: reconnect forever with a capped back-off, so the gateway
 *   heals without a restart.
 *
 * Every failure becomes LedgerUnavailableError in the engine, which callers
 * answer with 503 UNAVAILABLE, never "allowed".
 */
import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';
import type { Logger } from '../../observability/logger';

export interface RedisTarget {
  /** redis:// or rediss:// URL of one server, or redis+sentinel://host:port,host:port/master-name. */
  url?: string;
  /** host:port of some Cluster nodes; the rest are discovered. */
  clusterNodes?: string[];
  /** host:port of Sentinels (instead of a redis+sentinel:// URL). */
  sentinels?: string[];
  sentinelName?: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
}

export type RedisClient = Redis | Cluster;

export function parseHostPort(s: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(s.trim());
  if (!m) throw new Error(`not a host:port: ${s}`);
  return { host: m[1], port: m[2] ? Number(m[2]) : defaultPort };
}

export interface SentinelTarget {
  sentinels: { host: string; port: number }[];
  name: string;
  password?: string;
  username?: string;
  db?: number;
}

/** `redis+sentinel://[[user]:password@]host[:port][,host[:port]…]/master-name[/db]` */
export function parseSentinelUrl(url: string): SentinelTarget {
  const m = /^redis\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/]+)\/([^/]+)(?:\/(\d+))?\/?$/.exec(url);
  if (!m) throw new Error('REDIS_URL: a sentinel URL looks like redis+sentinel://host:26379,host:26379/mymaster');
  return {
    username: m[1] ? decodeURIComponent(m[1]) : undefined,
    password: m[2] !== undefined ? decodeURIComponent(m[2]) : undefined,
    sentinels: m[3].split(',').map((h) => parseHostPort(h, 26379)),
    name: decodeURIComponent(m[4]),
    db: m[5] ? Number(m[5]) : undefined,
  };
}

const retryStrategy = (times: number) => Math.min(50 * 2 ** Math.min(times, 5), 1000);

function commonOptions(t: RedisTarget): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: t.commandTimeoutMs,
    connectTimeout: t.connectTimeoutMs,
    enableReadyCheck: true,
    // Commands issued in the same turn of the event loop leave in one write:
    // under load, the requests of a turn share their round trips' system calls.
    enableAutoPipelining: true,
  };
}

export function createRedisClient(t: RedisTarget): RedisClient {
  if (t.clusterNodes?.length) {
    const nodes: ClusterNode[] = t.clusterNodes.map((n) => parseHostPort(n, 6379));
    const auth = t.url && !t.url.startsWith('redis+sentinel:') ? new URL(t.url) : undefined;
    return new Cluster(nodes, {
      lazyConnect: true,
      enableOfflineQueue: false,
      enableReadyCheck: true,
      // Not on a cluster: ioredis groups auto-pipelined commands by the slot of their first
      // argument, which for EVALSHA (every write here) is the script's SHA, not a key; scripts for
      // subjects on different nodes then share a pipeline and all fail ("All keys in the pipeline
      // should belong to the same slots allocation group", redis/ioredis#2109).
      enableAutoPipelining: false,
      scaleReads: 'master',
      clusterRetryStrategy: retryStrategy,
      slotsRefreshTimeout: t.connectTimeoutMs,
      redisOptions: {
        ...commonOptions(t),
        username: auth?.username ? decodeURIComponent(auth.username) : undefined,
        password: auth?.password ? decodeURIComponent(auth.password) : undefined,
        tls: auth?.protocol === 'rediss:' ? {} : undefined,
      },
    });
  }
  if (t.sentinels?.length || t.url?.startsWith('redis+sentinel:')) {
    const s: SentinelTarget = t.url?.startsWith('redis+sentinel:')
      ? parseSentinelUrl(t.url)
      : { sentinels: t.sentinels!.map((h) => parseHostPort(h, 26379)), name: t.sentinelName ?? 'mymaster' };
    return new Redis({
      ...commonOptions(t),
      sentinels: s.sentinels,
      name: s.name,
      username: s.username,
      password: s.password,
      sentinelPassword: s.password,
      db: s.db,
      retryStrategy,
      sentinelRetryStrategy: retryStrategy,
    });
  }
  if (!t.url) throw new Error('REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS is required for STORE=redis');
  return new Redis(t.url, { ...commonOptions(t), retryStrategy });
}

/** Connects, giving up after `timeoutMs`; the client keeps retrying in the background either way. */
export async function connectBounded(client: RedisClient, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().catch((err: Error) => {
        // ioredis rejects connect() on the first failure but keeps reconnecting; wait for 'ready' instead.
        if (/already connect/i.test(err.message)) return;
        return new Promise<void>((resolve) => client.once('ready', () => resolve()));
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The nodes that hold data: every master of a Cluster, or the one server. */
export function dataNodes(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

export interface DurabilityReport {
  node: string;
  appendonly: string | null;
  appendfsync: string | null;
  /** Null when the settings keep acknowledged opt-outs; otherwise why not. */
  warning: string | null;
}

/**
 * CONFIG GET appendonly/appendfsync on every data node. `appendfsync always`
 * is the setting that keeps every acknowledged opt-out; `everysec` can lose
 * about one second of acknowledged writes if the machine loses power; `no`
 * leaves it to the kernel (tens of seconds). Managed services often disable
 * CONFIG: then the check says so instead of failing the start.
 */
export async function checkDurability(client: RedisClient, logger?: Logger): Promise<DurabilityReport[]> {
  const reports: DurabilityReport[] = [];
  for (const node of dataNodes(client)) {
    const name = node.options.sentinels?.length ? `master ${node.options.name} (via Sentinel)` : `${node.options.host}:${node.options.port}`;
    let appendonly: string | null = null;
    let appendfsync: string | null = null;
    let warning: string | null = null;
    try {
      const a = (await node.config('GET', 'appendonly')) as string[];
      const f = (await node.config('GET', 'appendfsync')) as string[];
      appendonly = a[1] ?? null;
      appendfsync = f[1] ?? null;
      if (appendonly !== 'yes') {
        warning = 'appendonly is not yes: acknowledged opt-outs and consents are lost if Redis restarts';
      } else if (appendfsync === 'everysec') {
        warning = 'appendfsync is everysec: about 1 s of acknowledged opt-outs can be lost on power loss or an OS crash; use appendfsync always';
      } else if (appendfsync !== 'always') {
        warning = `appendfsync is ${appendfsync}: acknowledged opt-outs can be lost on power loss or an OS crash; use appendfsync always`;
      }
    } catch (err) {
      warning = `cannot read the persistence settings (CONFIG GET failed: ${(err as Error).message}); make sure appendonly yes and appendfsync always are set`;
    }
    reports.push({ node: name, appendonly, appendfsync, warning });
    if (warning) logger?.warn({ redis_node: name, appendonly, appendfsync }, `redis durability: ${warning}`);
  }
  return reports;
}
