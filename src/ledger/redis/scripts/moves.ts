/**
 * The three steps of the retention job (../retention.ts) that move old
 * records from the phone's slot to its suppression key's slot and point the
 * org's indexes at the key.
 */
import type { RedisKeys } from '../keys';
import type { RunScript } from './runner';

type SubjectKeys = ReturnType<RedisKeys['subject']>;
type OrgKeys = ReturnType<RedisKeys['org']>;

/** What cgMoveIn answers: copied, or another run appended to the key since its tail was read. */
export const MOVE_IN = { copied: 1, keyMoved: 2 } as const;

/** What cgMoveOut did to the phone's audit list. */
export const AUDIT_MOVED = {
  none: 0,
  /** The moved prefix was trimmed; the phone keeps the rest and its head. */
  trimmed: 1,
  /** The whole list and the head went (nothing was appended since the copy). */
  gone: 2,
  /** The prefix was no longer there: another run moved it. */
  prefixGone: 3,
} as const;
export type AuditMoved = (typeof AUDIT_MOVED)[keyof typeof AUDIT_MOVED];

export const MOVE_SCRIPTS = {
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
   * the copy); one already gone was moved by another run. The audit prefix
   * is trimmed only if it is still the one copied; list and head go only if
   * nothing was appended since. When nothing is left, every key of the
   * subject goes, so no key name keeps the number.
   * KEYS: as cgMoveIn, in the phone's slot.
   * ARGV: #consents, #revocations, #decisions, #audit entries moved, the last of them, the head for a full move ('' = partial),
   *       then (id, dedupe, expected doc) per consent, (id, dedupe) per revocation, member per decision.
   * → {audit (AUDIT_MOVED), empty 1/0, consents, revocations and decisions removed (by this call), changed consent ids…}
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
};

type Run = RunScript<keyof typeof MOVE_SCRIPTS>;

/** The keys cgMoveIn / cgMoveOut take first, in their order. */
const slotKeys = (s: SubjectKeys) => [
  s.consents,
  s.consentOrder,
  s.consentDedupe,
  s.revocations,
  s.revocationOrder,
  s.revocationDedupe,
  s.audit,
  s.head,
  s.decisionsByTime,
];

/** A consent or revocation as the move scripts take it. */
export interface MovedDoc {
  id: string;
  dedupe: string;
  json: string;
}

/** Step 1: what is copied into the key's slot. */
export interface MoveIn {
  /** The key's last audit entry as read ('' = none). */
  expectedTail: string;
  /** '' = leave the key's head, '-' = delete it, else the head to set. */
  head: string;
  /** Trim the key's decision index before this ('' = keep). */
  decisionCutoffMs: string;
  consents: MovedDoc[];
  revocations: MovedDoc[];
  decisions: { id: string; member: string; scoreMs: number; json: string; pttl: number }[];
  entries: string[];
}

/** Step 1; true when copied, false when another run appended to the key since its tail was read. */
export async function moveIn(run: Run, ks: SubjectKeys, m: MoveIn): Promise<boolean> {
  const reply = await run<[number, string?]>(
    'cgMoveIn',
    [...slotKeys(ks), ...m.decisions.map((d) => ks.decision(d.id))],
    [
      m.expectedTail,
      m.head,
      m.decisionCutoffMs,
      m.consents.length,
      m.revocations.length,
      m.decisions.length,
      m.entries.length,
      ...m.consents.flatMap((c) => [c.id, c.dedupe, c.json]),
      ...m.revocations.flatMap((r) => [r.id, r.dedupe, r.json]),
      ...m.decisions.flatMap((d) => [d.member, String(d.scoreMs), d.json, String(d.pttl)]),
      ...m.entries,
    ],
  );
  return reply[0] === MOVE_IN.copied;
}

/** Step 2: what is removed from a slot. Consents go only if they still read `json`. */
export interface MoveOut {
  consents: MovedDoc[];
  revocations: { id: string; dedupe: string }[];
  decisions: { id: string; member: string }[];
  /** How many audit entries were moved, the last of them, and the head when the whole chain moved ('' = part of it). */
  auditMoved: number;
  lastMoved: string;
  fullHead: string;
}

export interface MoveOutResult {
  audit: AuditMoved;
  /** Nothing is left in the slot. */
  empty: boolean;
  /** What this call removed (two runs at once count each record once). */
  removed: { consents: number; revocations: number; decisions: number };
  /** Consents that changed since they were read, and stayed. */
  changed: string[];
}

/** Step 2 (also used on the key's slot to remove the copy of a consent that stayed). */
export async function moveOut(run: Run, s: SubjectKeys, m: MoveOut): Promise<MoveOutResult> {
  const [audit, empty, consents, revocations, decisions, ...changed] = await run<[AuditMoved, number, number, number, number, ...string[]]>(
    'cgMoveOut',
    [...slotKeys(s), ...m.decisions.map((d) => s.decision(d.id))],
    [
      m.consents.length,
      m.revocations.length,
      m.decisions.length,
      m.auditMoved,
      m.lastMoved,
      m.fullHead,
      ...m.consents.flatMap((c) => [c.id, c.dedupe, c.json]),
      ...m.revocations.flatMap((r) => [r.id, r.dedupe]),
      ...m.decisions.map((d) => d.member),
    ],
  );
  return { audit, empty: empty === 1, removed: { consents, revocations, decisions }, changed };
}

/** Step 3: what the org's indexes now find under the key. */
export interface IndexMove {
  phone: string;
  key: string;
  consents: { id: string; entityKey: string }[];
  revocationIds: string[];
  decisions: { id: string; member: string }[];
  /** The chain head moved to the key. */
  headMoved: boolean;
  /** The retention score the visit started from, and the one to set ('' = drop the phone from the lists). */
  expectedScore: string;
  newScore: string;
}

/** Step 3. */
export async function moveIndex(run: Run, o: OrgKeys, m: IndexMove): Promise<void> {
  await run(
    'cgMoveIndex',
    [
      o.consentPhone,
      o.consentList,
      o.revocationPhone,
      o.decisionsByTime,
      o.chains,
      o.retention,
      ...m.consents.map((c) => o.consentsOfEntity(c.entityKey)),
      ...m.decisions.map((d) => o.decisionPhone(d.id)),
    ],
    [
      m.phone,
      m.key,
      m.consents.length,
      m.revocationIds.length,
      m.decisions.length,
      m.headMoved ? '1' : '0',
      m.expectedScore,
      m.newScore,
      ...m.consents.map((c) => c.id),
      ...m.revocationIds,
      ...m.decisions.map((d) => d.member),
    ],
  );
}
