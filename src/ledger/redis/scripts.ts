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
 *
 * Scripts without `numberOfKeys` take a variable number of KEYS (the
 * retention moves name one key per decision document); every KEY of one
 * call still shares one tag.
 */
import { KEY_SCRIPTS } from './keyScripts';

export interface ScriptDef {
  /** Unset: variable, the caller passes the count (RedisLedger.script does). */
  numberOfKeys?: number;
  lua: string;
}

/** Lua: the documents of a HASH in the order of a LIST of ids (in chunks, so unpack stays small). */
const DOCS_IN_ORDER_LUA = `
local function docs(h, o)
  local ids = redis.call('LRANGE', o, 0, -1)
  local out = {}
  for i = 1, #ids, 500 do
    local chunk = {}
    for j = i, math.min(i + 499, #ids) do chunk[#chunk + 1] = ids[j] end
    local d = redis.call('HMGET', h, unpack(chunk))
    for k = 1, #chunk do if d[k] then out[#out + 1] = d[k] end end
  end
  return out
end
`;

export const SCRIPTS = {
  ...KEY_SCRIPTS,
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
    lua: DOCS_IN_ORDER_LUA + `return docs(KEYS[1], KEYS[2])`,
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

  // ---- retention (SPEC §2.5): subject lists, and the move of old records to the suppression key ----

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

  /**
   * Deletes a value only if it is still the one the caller means: a chain
   * head that moved back to the phone, a network revocation moved to the key
   * (not one a later write put in the same field).
   * KEYS: key. ARGV: value, hash field ('' or absent = the key is a string).
   */
  cgDelIfEqual: {
    numberOfKeys: 1,
    lua: `
if ARGV[2] and ARGV[2] ~= '' then
  if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[1] then return redis.call('HDEL', KEYS[1], ARGV[2]) end
  return 0
end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`,
  },

  /**
   * Everything one subject slot holds, read at one instant.
   * KEYS: consents, consent order, revocations, revocation order, audit, head, decision time index.
   * → {consent docs, revocation docs, audit entries, head or '', decision members and scores}
   */
  cgSubjectDump: {
    numberOfKeys: 7,
    lua:
      DOCS_IN_ORDER_LUA +
      `
return {docs(KEYS[1], KEYS[2]), docs(KEYS[3], KEYS[4]), redis.call('LRANGE', KEYS[5], 0, -1), redis.call('GET', KEYS[6]) or '', redis.call('ZRANGE', KEYS[7], 0, -1, 'WITHSCORES')}
`,
  },

  /** KEYS: documents of one slot. → value ('' if gone) and PTTL of each, flattened. */
  cgGetWithTtl: {
    lua: `
local out = {}
for i = 1, #KEYS do
  out[#out + 1] = redis.call('GET', KEYS[i]) or ''
  out[#out + 1] = redis.call('PTTL', KEYS[i])
end
return out
`,
  },

  /**
   * Anonymising a subject, step 1, in the suppression key's slot: add the
   * anonymised records and the audit prefix being moved. Compare-and-set on
   * the key's last audit entry, so two retention jobs (two gateways) never
   * append the same prefix twice: the loser skips the subject.
   * KEYS: consents, consent order, consent dedupe, revocations, revocation order, revocation dedupe,
   *       audit, head, decision time index, then one decision document key per decision.
   * ARGV: expected last audit entry ('' = none), head ('' = leave, '-' = delete, else the head to set),
   *       decision index trim cutoff_ms ('' = none), #consents, #revocations, #decisions, #audit entries,
   *       then (id, dedupe, doc) per consent and per revocation, (member, score, doc, pttl) per decision, the entries.
   * → {1} or {2, last entry}
   */
  cgMoveIn: {
    lua: `
local tail = redis.call('LINDEX', KEYS[7], -1) or ''
if tail ~= ARGV[1] then return {2, tail} end
local i = 8
local function docs(h, o, d, n)
  for _ = 1, n do
    if redis.call('HSET', KEYS[h], ARGV[i], ARGV[i + 2]) == 1 then redis.call('RPUSH', KEYS[o], ARGV[i]) end
    redis.call('HSET', KEYS[d], ARGV[i + 1], ARGV[i])
    i = i + 3
  end
end
docs(1, 2, 3, tonumber(ARGV[4]))
docs(4, 5, 6, tonumber(ARGV[5]))
for k = 1, tonumber(ARGV[6]) do
  local pttl = tonumber(ARGV[i + 3])
  if pttl > 0 then redis.call('SET', KEYS[9 + k], ARGV[i + 2], 'PX', pttl) else redis.call('SET', KEYS[9 + k], ARGV[i + 2]) end
  redis.call('ZADD', KEYS[9], ARGV[i + 1], ARGV[i])
  i = i + 4
end
if ARGV[3] ~= '' then redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', '(' .. ARGV[3]) end
for _ = 1, tonumber(ARGV[7]) do
  redis.call('RPUSH', KEYS[7], ARGV[i])
  i = i + 1
end
if ARGV[2] == '-' then redis.call('DEL', KEYS[8]) elseif ARGV[2] ~= '' then redis.call('SET', KEYS[8], ARGV[2]) end
return {1}
`,
  },

  /**
   * Step 2, in the phone's slot: remove what step 1 copied. A consent that
   * changed since it was read stays (its id is answered; the caller removes
   * the copy); one already gone was moved by another run. The audit prefix is trimmed only if it is still the one
   * copied; list and head go only if nothing was appended since. When nothing
   * is left, every key of the subject goes, so no key name keeps the number.
   * KEYS: as cgMoveIn, in the phone's slot.
   * ARGV: #consents, #revocations, #decisions, #audit entries moved, the last of them, the head for a full move ('' = partial),
   *       then (id, dedupe, expected doc) per consent, (id, dedupe) per revocation, member per decision.
   * → {audit: 0 nothing / 1 trimmed / 2 list and head gone / 3 prefix gone (another run moved it), empty 1/0,
   *    consents, revocations and decisions removed (by this call), changed consent ids…}
   */
  cgMoveOut: {
    lua: `
local i = 7
local changed = {}
local removed = {0, 0, 0}
local function drop(h, o, d, id, dedupe)
  redis.call('LREM', KEYS[o], 0, id)
  if redis.call('HGET', KEYS[d], dedupe) == id then redis.call('HDEL', KEYS[d], dedupe) end
  return redis.call('HDEL', KEYS[h], id)
end
for _ = 1, tonumber(ARGV[1]) do
  local cur = redis.call('HGET', KEYS[1], ARGV[i])
  if cur == ARGV[i + 2] then removed[1] = removed[1] + drop(1, 2, 3, ARGV[i], ARGV[i + 1]) elseif cur then changed[#changed + 1] = ARGV[i] end
  i = i + 3
end
for _ = 1, tonumber(ARGV[2]) do
  removed[2] = removed[2] + drop(4, 5, 6, ARGV[i], ARGV[i + 1])
  i = i + 2
end
for k = 1, tonumber(ARGV[3]) do
  removed[3] = removed[3] + redis.call('DEL', KEYS[9 + k])
  redis.call('ZREM', KEYS[9], ARGV[i])
  i = i + 1
end
local audit = 0
local n = tonumber(ARGV[4])
if n > 0 then
  if redis.call('LINDEX', KEYS[7], n - 1) ~= ARGV[5] then
    audit = 3
  elseif ARGV[6] ~= '' and redis.call('LLEN', KEYS[7]) == n and redis.call('GET', KEYS[8]) == ARGV[6] then
    redis.call('DEL', KEYS[7], KEYS[8])
    audit = 2
  else
    redis.call('LTRIM', KEYS[7], n, -1)
    audit = 1
  end
end
local empty = 0
if redis.call('EXISTS', KEYS[1], KEYS[4], KEYS[7], KEYS[8], KEYS[9]) == 0 then
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[5], KEYS[6])
  empty = 1
end
local out = {audit, empty, removed[1], removed[2], removed[3]}
for _, id in ipairs(changed) do out[#out + 1] = id end
return out
`,
  },

  /**
   * Step 3, in the org's slot: the indexes name the key instead of the phone
   * for what moved; the chain list follows the head; the retention score is
   * set (or the phone leaves both lists when nothing is left under it)
   * unless a writer lowered it meanwhile.
   * KEYS: consent id → subject, consent list, revocation id → subject, decision time index, chains, retention,
   *       then the entity list of each consent, then the decision id → subject key of each decision.
   * ARGV: phone, key, #consents, #revocations, #decisions, head moved '1'/'0', expected score, new score ('' = drop),
   *       then consent ids, revocation ids, decision members (`seq|id`).
   */
  cgMoveIndex: {
    lua: `
local phone, key = ARGV[1], ARGV[2]
local nc, nr, nd = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function rename(z, old, new)
  local score = redis.call('ZSCORE', z, old)
  if score then
    redis.call('ZREM', z, old)
    redis.call('ZADD', z, score, new)
  end
end
local i = 9
for c = 1, nc do
  redis.call('HSET', KEYS[1], ARGV[i], key)
  rename(KEYS[2], ARGV[i] .. '|' .. phone, ARGV[i] .. '|' .. key)
  rename(KEYS[6 + c], ARGV[i] .. '|' .. phone, ARGV[i] .. '|' .. key)
  i = i + 1
end
for _ = 1, nr do
  redis.call('HSET', KEYS[3], ARGV[i], key)
  i = i + 1
end
for d = 1, nd do
  redis.call('SET', KEYS[6 + nc + d], key, 'XX', 'KEEPTTL')
  rename(KEYS[4], ARGV[i] .. '|' .. phone, ARGV[i] .. '|' .. key)
  i = i + 1
end
if ARGV[6] == '1' then
  redis.call('ZREM', KEYS[5], phone)
  redis.call('ZADD', KEYS[5], 0, key)
end
if redis.call('ZSCORE', KEYS[6], phone) == ARGV[7] then
  if ARGV[8] == '' then
    redis.call('ZREM', KEYS[6], phone)
    redis.call('ZREM', KEYS[5], phone)
  else
    redis.call('ZADD', KEYS[6], ARGV[8], phone)
  end
end
return 1
`,
  },

  /** KEYS: outbox messages. ARGV: id, expected json, new json. Only if the message is still the one read (not acknowledged or re-set meanwhile). */
  cgOutboxReplaceIf: {
    numberOfKeys: 1,
    lua: `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`,
  },
} satisfies Record<string, ScriptDef>;


export type ScriptName = keyof typeof SCRIPTS;
