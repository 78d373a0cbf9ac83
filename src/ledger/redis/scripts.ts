/**
 * The Lua scripts. Each runs atomically on one hash slot (all its KEYS share
 * one tag, see keys.ts). ioredis `defineCommand` loads each once and calls it
 * by SHA (EVALSHA, falling back to EVAL after a restart flushed the script
 * cache).
 *
 * The audit chain hash is SHA-256, which Redis' Lua does not have, so the
 * writing scripts are compare-and-set: the caller reads the chain head,
 * computes the entry's hash in Node (auditChain.ts), and the script appends
 * only if the head is still the one the hash was computed over; otherwise it
 * answers the current head and the caller recomputes. Every atomic step —
 * record + audit entry + head — is one script, so a record never exists
 * without its audit entry.
 *
 * Reply conventions: `{1}` written; `{0, existing}` deduplicated; `{2, head}`
 * the head moved (retry); `{3}` not found; `{4, doc}` the document moved.
 */
export interface ScriptDef {
  numberOfKeys: number;
  lua: string;
}

export const SCRIPTS = {
  /**
   * Insert a consent or revocation once per dedupe key, with its audit entry.
   * KEYS: docs, order, dedupe, audit, head. ARGV: id, dedupe_key, doc, expected_prev, hash, entry.
   */
  cgInsertOnce: {
    numberOfKeys: 5,
    lua: `
local existing = redis.call('HGET', KEYS[3], ARGV[2])
if existing then
  local doc = redis.call('HGET', KEYS[1], existing)
  if doc then return {0, doc} end
end
local head = redis.call('GET', KEYS[5]) or ''
if head ~= ARGV[4] then return {2, head} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[1])
redis.call('RPUSH', KEYS[4], ARGV[6])
redis.call('SET', KEYS[5], ARGV[5])
return {1}
`,
  },

  /**
   * Replace a document (consent status change) if it is still the one the
   * change was computed from, with its audit entry.
   * KEYS: docs, audit, head. ARGV: id, expected_doc, new_doc, expected_prev, hash, entry.
   */
  cgReplaceDoc: {
    numberOfKeys: 3,
    lua: `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return {3} end
if cur ~= ARGV[2] then return {4, cur} end
local head = redis.call('GET', KEYS[3]) or ''
if head ~= ARGV[4] then return {2, head} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[6])
redis.call('SET', KEYS[3], ARGV[5])
return {1}
`,
  },

  /** KEYS: docs, head. ARGV: id. → {doc or '', head or ''} */
  cgDocAndHead: {
    numberOfKeys: 2,
    lua: `
return {redis.call('HGET', KEYS[1], ARGV[1]) or '', redis.call('GET', KEYS[2]) or ''}
`,
  },

  /**
   * A decision and its audit entry; trims the subject's time index past the retention.
   * KEYS: decision doc, subject time index, audit, head.
   * ARGV: doc, ttl_seconds (0 = keep), score_ms, member, cutoff_ms ('' = none), expected_prev, hash, entry.
   */
  cgDecision: {
    numberOfKeys: 4,
    lua: `
local head = redis.call('GET', KEYS[4]) or ''
if head ~= ARGV[6] then return {2, head} end
if tonumber(ARGV[2]) > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
if ARGV[5] ~= '' then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5]) end
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('SET', KEYS[4], ARGV[7])
return {1}
`,
  },

  /**
   * The org side of a decision, written before the decision itself: a
   * sequence number, id → phone, and the org's time index (trimmed past the
   * retention). An entry whose decision never got written is skipped by readers.
   * KEYS: seq, id → phone, org time index. ARGV: id, phone, score_ms, ttl_seconds, cutoff_ms. → seq
   */
  cgDecisionIndex: {
    numberOfKeys: 3,
    lua: `
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
   * so a crash between the two heals on the client's retry.
   * KEYS: id → phone, seq, list, entity list. ARGV: id, phone.
   */
  cgConsentIndex: {
    numberOfKeys: 4,
    lua: `
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

  /** Both in one slot. KEYS: docs, order. → docs in order */
  cgDocsInOrder: {
    numberOfKeys: 2,
    lua: `
local ids = redis.call('LRANGE', KEYS[2], 0, -1)
local out = {}
for i = 1, #ids, 500 do
  local chunk = {}
  for j = i, math.min(i + 499, #ids) do chunk[#chunk + 1] = ids[j] end
  local docs = redis.call('HMGET', KEYS[1], unpack(chunk))
  for _, d in ipairs(docs) do if d then out[#out + 1] = d end end
end
return out
`,
  },

  /**
   * Queue an outbox message before the revocation is written (write-ahead: a
   * crash in between propagates an opt-out rather than losing one).
   * KEYS: messages, attempts, revocation, due. ARGV: id, json, revocation id, score_ms. → 1 inserted, 0 already queued
   */
  cgOutboxAdd: {
    numberOfKeys: 4,
    lua: `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], 0)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return 1
`,
  },

  /** The revocation was written: the message carries the stored record. Same KEYS/ARGV as cgOutboxAdd. */
  cgOutboxSet: {
    numberOfKeys: 4,
    lua: `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[1], 0)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if not redis.call('ZSCORE', KEYS[4], ARGV[1]) then redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1]) end
return 1
`,
  },

  /**
   * The revocation was a duplicate: drop the message this attempt queued,
   * unless it now carries the stored record (a racing first writer set it).
   * KEYS: messages, attempts, revocation, due. ARGV: id, candidate revocation id.
   */
  cgOutboxDropIf: {
    numberOfKeys: 4,
    lua: `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1
`,
  },

  /** KEYS: messages, attempts, due. ARGV: id, score_ms. */
  cgOutboxRetry: {
    numberOfKeys: 3,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 1
`,
  },

  /** KEYS: messages, attempts, revocation, due. ARGV: id. */
  cgOutboxAck: {
    numberOfKeys: 4,
    lua: `
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1
`,
  },

  /**
   * Revoke an api key in its org, keeping the first time.
   * KEYS: org keys hash. ARGV: key id, at. → key JSON after, or false
   */
  cgRevokeKey: {
    numberOfKeys: 1,
    lua: `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local k = cjson.decode(raw)
if k.revoked_at == nil or k.revoked_at == cjson.null then
  local at = string.gsub(cjson.encode(ARGV[2]), '%%', '%%%%')
  raw = string.gsub(raw, '"revoked_at":null', '"revoked_at":' .. at, 1)
  redis.call('HSET', KEYS[1], ARGV[1], raw)
end
return raw
`,
  },
} satisfies Record<string, ScriptDef>;

export type ScriptName = keyof typeof SCRIPTS;
