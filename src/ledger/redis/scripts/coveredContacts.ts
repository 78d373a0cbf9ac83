/**
 * The covered-contact count (state frequency caps) on Redis: count-and-check in one step, so of
 * racing instances after the last unit under a cap exactly one counts, and the others learn the
 * count they met. A precall's count is taken by the script that writes its decision
 * (cgCountedDecision): the set lives in the subject's slot beside the chain, so counting costs
 * the call no round trip of its own.
 */
import { DECISION_WRITE_LUA, REPLY, type ChainReply, type ChainStep } from './records';
import type { RunScript } from './runner';

/** Lua: count-and-check on KEYS[k] with the ARGV from index a on (the order of CoveredCount); returns {0, n} when the limit is met, nil once counted. */
const countCoveredLua = (k: number, a: number) => `
redis.call('ZREMRANGEBYSCORE', KEYS[${k}], '-inf', '(' .. ARGV[${a + 5}])
local n = redis.call('ZCOUNT', KEYS[${k}], '(' .. ARGV[${a}], '(' .. ARGV[${a + 1}])
local limit = tonumber(ARGV[${a + 3}])
if limit >= 0 and n >= limit then return {${REPLY.capMet}, n} end
redis.call('ZADD', KEYS[${k}], ARGV[${a + 2}], ARGV[${a + 4}])
local newest = tonumber(redis.call('ZRANGE', KEYS[${k}], -1, -1, 'WITHSCORES')[2])
redis.call('PEXPIRE', KEYS[${k}], math.max(1, math.floor(newest - tonumber(ARGV[${a + 5}]) + tonumber(ARGV[${a + 6}]))))
`;

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
    lua: `${countCoveredLua(1, 1)}
return {${REPLY.written}, n + 1}
`,
  },

  /**
   * A covered precall's decision, written with its audit entry only if its contact is counted
   * (cgCountCovered then cgDecision, at one instant). KEYS: decision doc, subject time index,
   * audit, head, covered-contact ZSET. ARGV: cgDecision's eight, then cgCountCovered's seven.
   * → {2, head} the chain head moved (nothing written); {5, count met} refused (nothing written
   * but instants past every window); {1} counted and written.
   */
  cgCountedDecision: {
    numberOfKeys: 5,
    lua: `
local head = redis.call('GET', KEYS[4]) or ''
if head ~= ARGV[6] then return {${REPLY.headMoved}, head} end
${countCoveredLua(5, 9)}
${DECISION_WRITE_LUA}
return {${REPLY.written}}
`,
  },
};

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
  const [code, count] = await run<[number, number]>('cgCountCovered', [key], coveredArgs(c));
  return { counted: Number(code) === REPLY.written, count: Number(count) };
}

const coveredArgs = (c: CoveredCount) => [c.sinceMs, c.untilMs, c.atMs, c.limit ?? -1, c.member, c.forgetBeforeMs, c.marginMs];

/** A decision's document and audit entry, written only if its contact is counted under `c.limit` (REPLY.capMet and the count met otherwise). */
export function writeCountedDecision(
  run: Run,
  k: { doc: string; byTime: string; audit: string; head: string; covered: string },
  d: { json: string; ttlS: number; atMs: number; member: string; cutoffMs: string },
  step: ChainStep,
  c: CoveredCount,
): Promise<ChainReply> {
  const args = [d.json, d.ttlS, d.atMs, d.member, d.cutoffMs, step.expected, step.hash, step.entry, ...coveredArgs(c)];
  return run<ChainReply>('cgCountedDecision', [k.doc, k.byTime, k.audit, k.head, k.covered], args);
}
