/**
 * The covered-contact count (state frequency caps) on Redis: count-and-check in one step, so of
 * racing instances after the last unit under a cap exactly one counts, and the others learn the
 * count they met.
 */
import type { RunScript } from './runner';

export const COVERED_SCRIPTS = {
  /**
   * KEYS: the subject's covered-contact ZSET for one entity. ARGV: since_ms, until_ms (both
   * exclusive), at_ms, limit (-1 = none), member (the decision id), forget_before_ms, margin_ms.
   * Drops instants before forget_before; unless ZCOUNT (since, until) is at the limit, adds the
   * contact at at_ms and keeps the key until the newest instant leaves every window (plus the
   * margin). → {1, count after} counted, {0, count met} refused.
   */
  cgCountCovered: {
    numberOfKeys: 1,
    lua: `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[6])
local n = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[1], '(' .. ARGV[2])
local limit = tonumber(ARGV[4])
if limit >= 0 and n >= limit then return {0, n} end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[5])
local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(newest - tonumber(ARGV[6]) + tonumber(ARGV[7]))))
return {1, n + 1}
`,
  },
};

/** What cgCountCovered answers first. */
export const COVERED = { notCounted: 0, counted: 1 } as const;

type Run = RunScript<keyof typeof COVERED_SCRIPTS>;

export interface CoveredCount {
  sinceMs: number;
  untilMs: number;
  atMs: number;
  /** null: no cap, counted whatever the count. */
  limit: number | null;
  member: string;
  forgetBeforeMs: number;
  marginMs: number;
}

/** Counts the contact unless the window holds `limit` already; answers whether it did, and the count. */
export async function countCoveredUnder(run: Run, key: string, c: CoveredCount): Promise<{ counted: boolean; count: number }> {
  const [code, count] = await run<[number, number]>(
    'cgCountCovered',
    [key],
    [c.sinceMs, c.untilMs, c.atMs, c.limit ?? -1, c.member, c.forgetBeforeMs, c.marginMs],
  );
  return { counted: Number(code) === COVERED.counted, count: Number(count) };
}
