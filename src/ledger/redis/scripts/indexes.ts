/**
 * Scripts that keep an org's indexes in the org's slot: id → phone,
 * listings, and the chain and retention lists through which
 * `auditSubjects` and the retention job find a subject. They run beside
 * the subject's own write (another slot), each idempotent, so a write
 * interrupted between the two is completed by its retry.
 */
import type { RedisKeys } from '../keys';
import type { RunScript } from './runner';

type OrgKeys = ReturnType<RedisKeys['org']>;

export const INDEX_SCRIPTS = {
  /**
   * The org side of a decision, written before the decision itself: a
   * sequence number, id → phone, and the org's time index (trimmed past the
   * retention). An entry whose decision never got written is skipped by readers.
   * Also lists the subject for `auditSubjects` and the retention job.
   * KEYS: seq, id → phone, org time index, chains, retention. ARGV: id, phone, score_ms, ttl_seconds, cutoff_ms. → seq
   */
  cgDecisionIndex: {
    numberOfKeys: 5,
    lua: `
redis.call('ZADD', KEYS[4], 0, ARGV[2])
redis.call('ZADD', KEYS[5], 'LT', ARGV[3], ARGV[2])
local seq = redis.call('INCR', KEYS[1])
if tonumber(ARGV[4]) > 0 then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4])
else
  redis.call('SET', KEYS[2], ARGV[2])
end
redis.call('ZADD', KEYS[3], ARGV[3], string.format('%015d', seq) .. '|' .. ARGV[1] .. '|' .. ARGV[2])
if ARGV[5] ~= '' then redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[5]) end
return seq
`,
  },

  /**
   * The org's indexes of a consent (id → phone, listing order, per entity).
   * Idempotent: written after the consent, again on every duplicate capture,
   * so a crash between the two heals on the client's retry. Also lists the
   * subject for `auditSubjects` and the retention job.
   * KEYS: id → phone, seq, list, entity list, chains, retention. ARGV: id, phone, score_ms.
   */
  cgConsentIndex: {
    numberOfKeys: 6,
    lua: `
redis.call('ZADD', KEYS[5], 0, ARGV[2])
redis.call('ZADD', KEYS[6], 'LT', ARGV[3], ARGV[2])
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  local seq = redis.call('INCR', KEYS[2])
  local m = ARGV[1] .. '|' .. ARGV[2]
  redis.call('ZADD', KEYS[3], seq, m)
  redis.call('ZADD', KEYS[4], seq, m)
end
return 1
`,
  },

  /**
   * The org side of a revocation (written after it, idempotently): id → phone,
   * and the subject in the chain and retention lists.
   * KEYS: id → phone, chains, retention. ARGV: id, phone, score_ms.
   */
  cgRevocationIndex: {
    numberOfKeys: 3,
    lua: `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], 0, ARGV[2])
redis.call('ZADD', KEYS[3], 'LT', ARGV[3], ARGV[2])
return 1
`,
  },

  /**
   * A subject (re)gained a chain head under its phone: list it, drop the
   * suppression key it continued from ('' = none), and make sure the
   * retention job visits it.
   * KEYS: chains, retention. ARGV: phone, score_ms ('' = not a retention candidate), key to drop ('' = none).
   */
  cgSubjectIndex: {
    numberOfKeys: 2,
    lua: `
redis.call('ZADD', KEYS[1], 0, ARGV[1])
if ARGV[3] ~= '' then redis.call('ZREM', KEYS[1], ARGV[3]) end
if ARGV[2] ~= '' then redis.call('ZADD', KEYS[2], 'LT', ARGV[2], ARGV[1]) end
return 1
`,
  },
};

type Run = RunScript<keyof typeof INDEX_SCRIPTS>;

/** Indexes a decision about to be written; answers its sequence number in the org. `cutoffMs` '' keeps the whole time index. */
export async function indexDecision(run: Run, o: OrgKeys, d: { id: string; phone: string; atMs: number; ttlS: number; cutoffMs: string }): Promise<number> {
  const keys = [o.decisionSeq, o.decisionPhone(d.id), o.decisionsByTime, o.chains, o.retention];
  return Number(await run<number>('cgDecisionIndex', keys, [d.id, d.phone, d.atMs, d.ttlS, d.cutoffMs]));
}

/** Indexes a stored consent (a second call for the same id changes nothing but the subject's listing). */
export async function indexConsent(run: Run, o: OrgKeys, c: { id: string; phone: string; entityKey: string; score: string }): Promise<void> {
  await run('cgConsentIndex', [o.consentPhone, o.consentSeq, o.consentList, o.consentsOfEntity(c.entityKey), o.chains, o.retention], [c.id, c.phone, c.score]);
}

/** Indexes a stored revocation. */
export async function indexRevocation(run: Run, o: OrgKeys, r: { id: string; phone: string; score: string }): Promise<void> {
  await run('cgRevocationIndex', [o.revocationPhone, o.chains, o.retention], [r.id, r.phone, r.score]);
}

/** Lists a subject whose phone (re)gained a chain head; `score` '' = not a retention candidate, `droppedKey` '' = none. */
export async function indexSubject(run: Run, o: OrgKeys, s: { phone: string; score: string; droppedKey: string }): Promise<void> {
  await run('cgSubjectIndex', [o.chains, o.retention], [s.phone, s.score, s.droppedKey]);
}
