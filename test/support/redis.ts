/**
 * Real redis-server processes for tests: one standalone server, or a
 * 3-master Redis Cluster, each on free loopback ports with its own temporary
 * directory, AOF on with `appendfsync always`. Never the system service.
 *
 * If redis-server is not installed the helpers throw (the tests fail with a
 * message saying how to install it) rather than skipping silently.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './ports';
import { waitUntil } from './wait';

const INSTALL_HINT = 'redis-server is required for the Redis tests: apt-get update && apt-get install -y redis-server';

export function requireRedisBinaries(): void {
  for (const bin of ['redis-server', 'redis-cli']) {
    const found = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (found.status !== 0) throw new Error(`${bin} not found on PATH. ${INSTALL_HINT}`);
  }
}

/** One PING over a fresh connection that gives up quickly. */
async function pingOnce(port: number): Promise<boolean> {
  const c = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 300,
    commandTimeout: 300,
    maxRetriesPerRequest: 0,
  });
  c.on('error', () => {});
  try {
    await c.connect();
    return (await c.ping()) === 'PONG';
  } finally {
    c.disconnect();
  }
}

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  process: ChildProcess;
  /** SIGKILL: as a crash or power loss of the process (the AOF is fsynced per write). */
  kill(): Promise<void>;
  /** Starts redis-server again on the same port and directory (replays the AOF). */
  restart(): Promise<void>;
  /** Kills the server and removes its directory. */
  stop(): Promise<void>;
  /** Empties the server through a client of its own: before a ledger opens, so nothing an earlier test left can refuse the open. */
  flushAll(): Promise<void>;
}

export interface RedisServerOptions {
  extraArgs?: string[];
  dir?: string;
}

function spawnRedis(args: string[], dir: string): ChildProcess {
  const child = spawn('redis-server', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  return child;
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGKILL');
  });
}

/** FLUSHALL on one server, through a short-lived client of its own. */
async function flushPort(port: number): Promise<void> {
  const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, connectTimeout: 1000, commandTimeout: 2000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.flushall();
  } finally {
    c.disconnect();
  }
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  requireRedisBinaries();
  const port = await freePort();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'cg-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--dir',
    dir,
    ...(options.extraArgs ?? []),
  ];
  const start = async () => {
    const child = spawnRedis(args, dir);
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitUntil(
      `redis-server on port ${port}`,
      async () => {
        if (exited) throw new Error(`redis-server exited at start (port ${port})`);
        return pingOnce(port);
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    return child;
  };
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    process: await start(),
    async kill() {
      await killChild(server.process);
    },
    async restart() {
      await killChild(server.process);
      server.process = await start();
    },
    async stop() {
      await killChild(server.process);
      rmSync(dir, { recursive: true, force: true });
    },
    flushAll: () => flushPort(port),
  };
  return server;
}

export interface RedisClusterProcesses {
  ports: number[];
  /** `host:port` list as REDIS_CLUSTER_NODES takes it. */
  nodes: string[];
  stop(): Promise<void>;
  /** FLUSHALL on every master: a fresh keyspace. */
  flushAll(): Promise<void>;
  /** SIGKILL one master (by index into `ports`). */
  killNode(index: number): Promise<void>;
}

/** Three masters, no replicas, slots spread by `redis-cli --cluster create`. */
export async function startRedisCluster(): Promise<RedisClusterProcesses> {
  requireRedisBinaries();
  const ports: number[] = [];
  while (ports.length < 3) {
    const p = await freePort();
    // The cluster bus listens on port + 10000: keep both in range and distinct.
    if (p + 10000 <= 65535 && !ports.includes(p)) ports.push(p);
  }
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(killChild));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const dir = mkdtempSync(join(tmpdir(), 'cg-rcluster-'));
      dirs.push(dir);
      children.push(
        spawnRedis(
          [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            join(dir, 'nodes.conf'),
            '--cluster-node-timeout',
            '2000',
            '--save',
            '',
            '--appendonly',
            'yes',
            '--appendfsync',
            'always',
            '--dir',
            dir,
          ],
          dir,
        ),
      );
    }
    for (const port of ports) await waitUntil(`cluster node ${port}`, () => pingOnce(port), { timeoutMs: 10_000, intervalMs: 50 });
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}\n${create.stderr}`);
    for (const port of ports) {
      await waitUntil(
        `cluster_state:ok on ${port}`,
        () => /cluster_state:ok/.test(spawnSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8', timeout: 2000 }).stdout),
        { timeoutMs: 15_000, intervalMs: 50 },
      );
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    ports,
    nodes: ports.map((p) => `127.0.0.1:${p}`),
    stop,
    killNode: (index) => killChild(children[index]),
    async flushAll() {
      for (const port of ports) await flushPort(port);
    },
  };
}
