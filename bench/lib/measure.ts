/** What a row reads around a load run besides the load's own figures: server CPU, WAL rewind holds, a quiet server. */
import { AUTH } from '../scenarios/decisions';
import type { LoadResult } from './load';
import type { ChildServer } from './proc';
import { round } from './stats';

export type Measured = LoadResult & { server_cpu_us_per_request: number };
/** The log's rewind holds met during a run: how many, and their mean. */
export type RewindHolds = { count: number; mean_ms: number };

/** CPU the server used per answered request during fn, µs: steadier than wall-clock rates on a shared machine. */
export async function withCpu<T extends { ok: number }>(server: ChildServer, fn: () => Promise<T>): Promise<T & { server_cpu_us_per_request: number }> {
  const c0 = server.cpuSeconds();
  const r = await fn();
  return { ...r, server_cpu_us_per_request: Math.round(((server.cpuSeconds() - c0) / Math.max(1, r.ok)) * 1e6) };
}

/** The rewind holds the gateway reported during fn (its consent_gate_sqlite_write_hold_seconds histogram). */
export async function withHolds<T>(server: ChildServer, fn: () => Promise<T>): Promise<T & { rewind_holds: RewindHolds }> {
  const read = async () => {
    const text = await (await fetch(`${server.url}/metrics`, { headers: AUTH })).text();
    const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? 0);
    return { count: value('consent_gate_sqlite_write_hold_seconds_count'), sum: value('consent_gate_sqlite_write_hold_seconds_sum') };
  };
  const before = await read();
  const r = await fn();
  const after = await read();
  const count = after.count - before.count;
  return { ...r, rewind_holds: { count, mean_ms: count ? round(((after.sum - before.sum) / count) * 1000, 2) : 0 } };
}

/** Throws (a harness failure, not a missed target) when a run got errors instead of answers. */
export function checkLoad(what: string, r: LoadResult, minAccepted = 0.5): void {
  const problems = [];
  if (r.ok === 0) problems.push('no 2xx answers');
  if (r.errors > 0) problems.push(`${r.errors} connection errors`);
  if (r.non2xx > 0) problems.push(`${r.non2xx} non-2xx answers`);
  if (r.accepted !== null && r.accepted < minAccepted) problems.push(`only ${(r.accepted * 100).toFixed(1)}% allowed`);
  if (problems.length) throw new Error(`${what}: ${problems.join(', ')}`);
}

/** Waits (at most 10 s) until a server uses under 5% of a core; answers the seconds waited. */
export async function settle(server: ChildServer): Promise<number> {
  const started = performance.now();
  for (let before = server.cpuSeconds(); performance.now() - started < 10_000; ) {
    await new Promise((r) => setTimeout(r, 250));
    const now = server.cpuSeconds();
    if (now - before < 0.25 * 0.05) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}
