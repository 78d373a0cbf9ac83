/**
 * Scripts that write a subject's records with their audit entry, in the
 * subject's slot, and read its documents.
 *
 * The audit chain hash is SHA-256, which Redis' Lua does not have, so the
 * writing scripts are compare-and-set: the caller reads the chain head,
 * computes the entry's hash in Node (../../auditChain.ts), and the script
 * appends only if the head is still the one the hash was computed over;
 * otherwise it answers the current head and the caller recomputes. Every
 * atomic step (record, audit entry, head) is one script, so a record never
 * exists without its audit entry.
 */
import type { RedisKeys } from '../keys';
import type { RunScript } from './runner';

/** What a chained write answers: `[code]`, or `[code, document or head]`. */
export const REPLY = {
  /** Deduplicated: the second element is the document that stands. */
  duplicate: 0,
  written: 1,
  /** Another writer moved the chain head: the second element is the head now; recompute and retry. */
  headMoved: 2,
  notFound: 3,
  /** The document changed since it was read: the second element is the document now. */
  docChanged: 4,
  /** A covered contact's cap is met: nothing written; the second element is the count it met. */
  capMet: 5,
} as const;

export type ReplyCode = (typeof REPLY)[keyof typeof REPLY];
export type ChainReply = [code: ReplyCode, value?: string];

/** The compare-and-set part of a chained write: the head the slot must still hold ('' = none), the entry's hash, the stored entry. */
export interface ChainStep {
  expected: string;
  hash: string;
  entry: string;
}

/**
 * Lua: a decision's document and audit entry, once the head is checked (cgDecision's KEYS 1-4 and
 * ARGV 1-8). Shared with the covered precall's script, which counts the contact in between.
 */
export const DECISION_WRITE_LUA = `
if tonumber(ARGV[2]) > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
if ARGV[5] ~= '' then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5]) end
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('SET', KEYS[4], ARGV[7])
`;

/** Lua: the documents of a HASH in the order of a LIST of ids (in chunks, so unpack stays small). */
export const DOCS_IN_ORDER_LUA = `
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

export const RECORD_SCRIPTS = {
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
${DECISION_WRITE_LUA}
return {1}
`,
  },

  /** Both in one slot. KEYS: docs, order. → docs in order */
  cgDocsInOrder: {
    numberOfKeys: 2,
    lua: DOCS_IN_ORDER_LUA + `return docs(KEYS[1], KEYS[2])`,
  },
};

type Run = RunScript<keyof typeof RECORD_SCRIPTS>;

/** Where a consent's or a revocation's records are kept in its subject's slot. */
export interface DocKeys {
  docs: string;
  order: string;
  dedupe: string;
  audit: string;
  head: string;
}

type SubjectKeys = ReturnType<RedisKeys['subject']>;
export const consentDocKeys = (s: SubjectKeys): DocKeys => ({
  docs: s.consents,
  order: s.consentOrder,
  dedupe: s.consentDedupe,
  audit: s.audit,
  head: s.head,
});
export const revocationDocKeys = (s: SubjectKeys): DocKeys => ({
  docs: s.revocations,
  order: s.revocationOrder,
  dedupe: s.revocationDedupe,
  audit: s.audit,
  head: s.head,
});

/** Stores `doc` unless a record with its dedupe key exists (then answers that one's document). */
export function insertOnce(run: Run, k: DocKeys, doc: { id: string; dedupeKey: string; json: string }, step: ChainStep): Promise<ChainReply> {
  return run<ChainReply>('cgInsertOnce', [k.docs, k.order, k.dedupe, k.audit, k.head], [doc.id, doc.dedupeKey, doc.json, step.expected, step.hash, step.entry]);
}

/** Replaces the document `id` if it still reads `expectedJson`. */
export function replaceDoc(
  run: Run,
  k: { docs: string; audit: string; head: string },
  doc: { id: string; expectedJson: string; json: string },
  step: ChainStep,
): Promise<ChainReply> {
  return run<ChainReply>('cgReplaceDoc', [k.docs, k.audit, k.head], [doc.id, doc.expectedJson, doc.json, step.expected, step.hash, step.entry]);
}

/** The document `id` ('' = none) and the chain head ('' = none), read at one instant. */
export async function docAndHead(run: Run, k: { docs: string; head: string }, id: string): Promise<{ doc: string; head: string }> {
  const [doc, head] = await run<[string, string]>('cgDocAndHead', [k.docs, k.head], [id]);
  return { doc, head };
}

/** A decision's document and its audit entry; `cutoffMs` '' keeps the whole time index. */
export function writeDecision(
  run: Run,
  k: { doc: string; byTime: string; audit: string; head: string },
  d: { json: string; ttlS: number; atMs: number; member: string; cutoffMs: string },
  step: ChainStep,
): Promise<ChainReply> {
  const args = [d.json, d.ttlS, d.atMs, d.member, d.cutoffMs, step.expected, step.hash, step.entry];
  return run<ChainReply>('cgDecision', [k.doc, k.byTime, k.audit, k.head], args);
}

/** The documents of a hash in the order of its id list. */
export function docsInOrder(run: Run, docs: string, order: string): Promise<string[]> {
  return run<string[]>('cgDocsInOrder', [docs, order]);
}
