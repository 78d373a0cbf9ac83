/**
 * Servers under test run in their own process (`node --import tsx
 * bench/servers/<x>.ts`), never in the load generator's: each prints
 * `BENCH_READY {"port":…}` on stdout when it listens on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const READY_PREFIX = 'BENCH_READY ';

export interface ChildServer {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  info: Record<string, unknown>;
  /** Resident set size now, MB (VmRSS). */
  rssMb(): number;
  /** Peak resident set size so far, MB (VmHWM). */
  peakRssMb(): number;
  /** RSS now split into anonymous memory (heaps) and file pages (the node binary, a memory-mapped ledger), MB. */
  rssSplitMb(): { anon: number; file: number };
  /** CPU time the process has used so far (user + system, all threads), seconds. */
  cpuSeconds(): number;
  /** The last lines the child wrote to stderr (and non-log stdout), for error messages. */
  output(): string;
  /** SIGTERM, wait for a clean exit (that is when --cpu-prof writes its profile); SIGKILL after a grace period. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  /** The checkout whose bench/servers script runs (default: this one); another tree for an A/B of two builds. */
  cwd?: string;
  /** Directory for `node --cpu-prof` output; no profiling when unset. */
  cpuProfDir?: string;
  /** Microseconds between samples (node's default: 1000). A finer one shows the short frames of a fast request. */
  cpuProfIntervalUs?: number;
  timeoutMs?: number;
}

function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon' | 'RssFile'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * The name, utime and stime of a /proc `stat` file (a process's or a thread's), in clock ticks of
 * 1/100 s on Linux; null when it cannot be read. The name sits in parentheses and may hold spaces:
 * the fields count from after its closing one.
 */
export function statTicks(path: string): { name: string; user: number; system: number } | null {
  try {
    const stat = readFileSync(path, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, close), user: Number(fields[11]), system: Number(fields[12]) };
  } catch {
    return null;
  }
}

/** utime + stime from /proc/<pid>/stat, in seconds. */
export function procCpuSeconds(pid: number): number {
  const t = statTicks(`/proc/${pid}/stat`);
  return t ? (t.user + t.system) / 100 : NaN;
}

export async function spawnServer(name: string, script: string, options: SpawnOptions = {}): Promise<ChildServer> {
  // Each thread writes its own CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; the main thread is 0 (tsx's loader is a worker).
  const profiling = options.cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, ...(options.cpuProfIntervalUs ? [`--cpu-prof-interval=${options.cpuProfIntervalUs}`] : [])]
    : [];
  const args = [...profiling, '--import', 'tsx', join('bench/servers', script)];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((res) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      res();
    }),
  );
  const ready = new Promise<Record<string, unknown>>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${name}: not ready in ${options.timeoutMs ?? 60_000} ms\n${tail.join('\n')}`)), options.timeoutMs ?? 60_000);
    // stdout carries the request log at LOG_LEVEL=info: read every line (a full pipe would stall the server).
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) {
        clearTimeout(timer);
        res(JSON.parse(line.slice(READY_PREFIX.length)));
      } else if (!line.startsWith('{"level":30')) keep(line);
    });
    createInterface({ input: child.stderr! }).on('line', keep);
    void exited.then(() => {
      clearTimeout(timer);
      rej(new Error(`${name} exited before it was ready (${JSON.stringify(exit)}):\n${tail.join('\n')}`));
    });
  });
  let info: Record<string, unknown>;
  try {
    info = await ready;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const pid = child.pid!;
  const port = Number(info.port);
  return {
    name,
    child,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    info,
    rssMb: () => procStatusKb(pid, 'VmRSS') / 1024,
    peakRssMb: () => procStatusKb(pid, 'VmHWM') / 1024,
    rssSplitMb: () => ({ anon: procStatusKb(pid, 'RssAnon') / 1024, file: procStatusKb(pid, 'RssFile') / 1024 }),
    cpuSeconds: () => procCpuSeconds(pid),
    output: () => tail.join('\n'),
    async stop() {
      if (exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** For the server scripts: announce the port once listening. */
/** The main thread's profile among those `node --cpu-prof` wrote into dir for the process pid. */
export function mainThreadProfile(dir: string, pid: number): string | null {
  const f = readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.0.`));
  return f ? join(dir, f) : null;
}

export function announceReady(info: Record<string, unknown>): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`);
}

/** For the server scripts: exit cleanly on SIGTERM/SIGINT after `close` (so --cpu-prof writes its file). */
export function exitOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`close failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
