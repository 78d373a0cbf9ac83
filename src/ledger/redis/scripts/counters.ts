/** Scripts for send counters: count-and-check in one step, so racing instances cannot pass a limit. */
import type { RunScript } from './runner';

/** What cgBoundedIncr answers. */
export const COUNT = { refused: 0, counted: 1 } as const;

export const COUNTER_SCRIPTS = {
  /**
   * Count one unit if under the cap. KEYS: counter. ARGV: cap (-1 = no cap), ttl_seconds. → 1 counted, 0 refused
   */
  cgBoundedIncr: {
    numberOfKeys: 1,
    lua: `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
local cap = tonumber(ARGV[1])
if cap >= 0 and n >= cap then return 0 end
redis.call('INCR', KEYS[1])
if n == 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return 1
`,
  },

  /** Give back one unit counted by cgBoundedIncr. KEYS: counter. */
  cgRelease: {
    numberOfKeys: 1,
    lua: `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 1
`,
  },
};

type Run = RunScript<keyof typeof COUNTER_SCRIPTS>;

/** Counts one unit unless the counter is at `cap` (null = no cap); true when counted. The counter expires `ttlS` after its first unit. */
export async function countUnder(run: Run, counter: string, cap: number | null, ttlS: number): Promise<boolean> {
  return Number(await run<number>('cgBoundedIncr', [counter], [cap ?? -1, ttlS])) === COUNT.counted;
}

/** Gives back one unit counted by `countUnder`. */
export async function giveBack(run: Run, counter: string): Promise<void> {
  await run('cgRelease', [counter]);
}
