/**
 * The covered-contact count (state frequency caps) on Redis: count-and-check in one step, on
 * condition that the window still holds the count the decision was made on, so of racing
 * instances after the last unit exactly one counts, and the others learn the count they met.
 */
import type { RunScript } from './runner';

export const COVERED_SCRIPTS = {
  /**
   * KEYS: the subject's covered-contact ZSET for one entity. ARGV: since_ms (exclusive), at_ms,
   * expected count, member (the decision id), forget_before_ms, margin_ms.
   * Drops instants before forget_before; if ZCOUNT (since, at] is the expected count, adds the
   * contact at at_ms and keeps the key until the newest instant leaves every window (plus the
   * margin). → {1, count after} counted, {0, count met} not.
   */
  cgCountCovered: {
    numberOfKeys: 1,
    lua: `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[5])
local n = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[1], ARGV[2])
if n ~= tonumber(ARGV[3]) then return {0, n} end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(newest - tonumber(ARGV[5]) + tonumber(ARGV[6]))))
return {1, n + 1}
`,
  },
};

/** What cgCountCovered answers first. */
export const COVERED = { notCounted: 0, counted: 1 } as const;

type Run = RunScript<keyof typeof COVERED_SCRIPTS>;

export interface CoveredCount {
  sinceMs: number;
  atMs: number;
  expected: number;
  member: string;
  forgetBeforeMs: number;
  marginMs: number;
}

/** Counts the contact if the window still holds `expected`; otherwise answers the count met. */
export async function countCoveredIf(run: Run, key: string, c: CoveredCount): Promise<{ counted: boolean; count: number }> {
  const [code, count] = await run<[number, number]>('cgCountCovered', [key], [c.sinceMs, c.atMs, c.expected, c.member, c.forgetBeforeMs, c.marginMs]);
  return { counted: Number(code) === COVERED.counted, count: Number(count) };
}
