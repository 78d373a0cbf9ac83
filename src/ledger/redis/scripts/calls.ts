/**
 * Scripts of call records: the call's index entries in the org slot (written ahead of its events,
 * idempotently), and each event with its audit entry in the subject's slot (compare-and-set on the
 * chain head, as every chained write: records.ts).
 */
import type { RedisKeys } from '../keys';
import type { ChainReply, ChainStep } from './records';
import type { RunScript } from './runner';

export const CALL_SCRIPTS = {
  /**
   * The call in the org's indexes; its start is the earliest time any instance gave (ZADD LT). Also
   * lists the subject for auditSubjects and the retention job, as every subject write does.
   * KEYS: calls, by carrier id, by time, chains, retention. ARGV: call id, ref JSON, carrier call id, start ms, phone.
   */
  cgIndexCall: {
    numberOfKeys: 5,
    lua: `
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], 'LT', ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[4], 0, ARGV[5])
redis.call('ZADD', KEYS[5], 'LT', ARGV[4], ARGV[5])
return 1
`,
  },

  /**
   * The retention job's last step for one call: its index entry names the suppression key.
   * KEYS: calls. ARGV: call id, ref JSON.
   */
  cgRekeyCall: {
    numberOfKeys: 1,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`,
  },

  /**
   * One event once per key, with its audit entry; the call listed under its subject.
   * KEYS: call events, subject's calls by time, audit, head. ARGV: event key, doc, start ms, call id, expected_prev, hash, entry.
   */
  cgCallEvent: {
    numberOfKeys: 4,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return {0} end
local head = redis.call('GET', KEYS[4]) or ''
if head ~= ARGV[5] then return {2, head} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], 'LT', ARGV[3], ARGV[4])
redis.call('RPUSH', KEYS[3], ARGV[7])
redis.call('SET', KEYS[4], ARGV[6])
return {1}
`,
  },
};

type Run = RunScript<keyof typeof CALL_SCRIPTS>;

type OrgKeys = ReturnType<RedisKeys['org']>;

export function indexCall(run: Run, o: OrgKeys, c: { id: string; ref: string; carrierId: string; startMs: number; phone: string }) {
  return run<number>('cgIndexCall', [o.calls, o.callByCarrierId, o.callsByTime, o.chains, o.retention], [c.id, c.ref, c.carrierId, c.startMs, c.phone]);
}

export function rekeyCall(run: Run, o: OrgKeys, c: { id: string; ref: string }) {
  return run<number>('cgRekeyCall', [o.calls], [c.id, c.ref]);
}

export function writeCallEvent(
  run: Run,
  k: { events: string; byTime: string; audit: string; head: string },
  e: { key: string; doc: string; startMs: number; callId: string },
  step: ChainStep,
): Promise<ChainReply> {
  return run<ChainReply>('cgCallEvent', [k.events, k.byTime, k.audit, k.head], [e.key, e.doc, e.startMs, e.callId, step.expected, step.hash, step.entry]);
}
