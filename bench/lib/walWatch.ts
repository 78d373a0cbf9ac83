/**
 * What the SQLite log did during a run: how large it grew (its -wal file, looked at every few
 * milliseconds) and the rewind holds the gateway met (its consent_gate_sqlite_write_hold_seconds
 * histogram). A change to the checkpointer trades one against the other, so an A/B reports both.
 */
import { statSync } from 'node:fs';
import { AUTH } from '../scenarios/decisions';
import type { ChildServer } from './proc';

/** The holds of a run: how many, their mean, and the histogram's upper bounds that hold the median and the longest (ms). */
export interface HoldSummary {
  count: number;
  meanMs: number;
  p50AtMostMs: number | null;
  maxAtMostMs: number | null;
}

interface HoldSnapshot {
  count: number;
  sum: number;
  /** Cumulative count per upper bound (seconds), Infinity last. */
  buckets: [number, number][];
}

async function holdSnapshot(server: ChildServer): Promise<HoldSnapshot> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: AUTH })).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? 0);
  const buckets: [number, number][] = [];
  for (const m of text.matchAll(/^consent_gate_sqlite_write_hold_seconds_bucket\{le="([^"]+)"\} ([0-9.e+-]+)$/gm))
    buckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2])]);
  return { count: value('consent_gate_sqlite_write_hold_seconds_count'), sum: value('consent_gate_sqlite_write_hold_seconds_sum'), buckets };
}

function holdSummary(before: HoldSnapshot, after: HoldSnapshot): HoldSummary {
  const count = after.count - before.count;
  const within = after.buckets.map(([le, n], i) => [le, n - (before.buckets[i]?.[1] ?? 0)] as const);
  const boundFor = (rank: number) => {
    const hit = within.find(([, n]) => n >= rank);
    return hit ? hit[0] * 1000 : null;
  };
  return {
    count,
    meanMs: count ? Math.round(((after.sum - before.sum) / count) * 1e5) / 100 : 0,
    p50AtMostMs: count ? boundFor(Math.ceil(count / 2)) : null,
    maxAtMostMs: count ? boundFor(count) : null,
  };
}

/** Watches the log of `ledgerFile` and the server's holds while fn runs. */
export async function withWalWatch<T>(
  server: ChildServer,
  ledgerFile: string,
  fn: () => Promise<T>,
): Promise<{ result: T; holds: HoldSummary; walPeakMb: number }> {
  let peak = 0;
  const look = () => {
    try {
      peak = Math.max(peak, statSync(`${ledgerFile}-wal`).size);
    } catch {
      // No log yet (or between a close and the next open): nothing to count.
    }
  };
  const timer = setInterval(look, 5);
  const before = await holdSnapshot(server);
  try {
    const result = await fn();
    const holds = holdSummary(before, await holdSnapshot(server));
    look();
    return { result, holds, walPeakMb: Math.round((peak / 2 ** 20) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}
