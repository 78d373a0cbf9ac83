/**
 * The Redis key layout. Every key carries a hash tag (`{...}`) so that each
 * Lua script touches exactly one hash slot and runs unchanged on a Redis
 * Cluster:
 *
 * | slot | tag | what lives there |
 * |---|---|---|
 * | subject | `{org:phone}` | the org's consents, revocations, decisions and audit chain for one phone, its daily send counters and covered-contact counts, its calls' events — everything a precall/pre-send reads and every atomic write |
 * | org | `{org}` | the org record, its api keys, its monthly send counter, its daily counts and honor-by index, its states of emergency, its calls' index, and the id → phone indexes for lookups and listings by id, entity or time, and its subject lists (chain heads; retention work) |
 * | api key | `{kh:hash}` | an api key by the SHA-256 of its secret (auth on every request: one GET) |
 * | network | `{net:phone}` | network-wide (`all`) revocations of one phone from every org |
 * | outbox | `{outbox}` | messages waiting for delivery to network peers |
 * | webhook | `{wh:key}` | one carrier webhook acted on (`markWebhookSeen`), expiring with its TTL |
 * | held | `{hv:key}` | one value a carrier adapter keeps for later in a call (`holdValue`), expiring with its TTL |
 * | console session | `{cs:hash}` | one console session by the SHA-256 of its cookie id, expiring with it |
 * | key's sessions | `{csk:org:key}` | the console sessions made from one API key (to end them all), expiring with the last |
 * | store | `{store}` | the set of org ids (the retention job and `auditSubjects` walk it) and the id of the suppression keying the store was anonymised under |
 *
 * Anonymised subjects (retention.ts): the retention job moves a subject's old
 * records from `{org:phone}` to `{org:hmac:…}` — the same layout with the
 * suppression key in place of the phone, so key names stop naming the number
 * — and its network-wide revocations from `{net:phone}` to `{net:hmac:…}`.
 * Readers opened with the keying read both slots. The org-slot indexes
 * (id → phone, listings) are rewritten to name the key.
 *
 * Hash tags use the first `{`…`}` of a key, so braces inside tag parts are
 * replaced to keep the slot what it says.
 */
const safe = (s: string) => s.replace(/[{}]/g, '_');

export class RedisKeys {
  constructor(readonly prefix: string) {}

  subject(orgId: string, phone: string) {
    const t = `${this.prefix}{${safe(orgId)}:${safe(phone)}}:`;
    return {
      /** HASH consent id → consent JSON */
      consents: t + 'c',
      /** LIST consent ids in capture order */
      consentOrder: t + 'co',
      /** HASH dedupe_key → consent id */
      consentDedupe: t + 'cd',
      revocations: t + 'r',
      revocationOrder: t + 'ro',
      revocationDedupe: t + 'rd',
      /** LIST audit entries `{"p":prev,"h":hash,"b":body}`, oldest first; seq = position + 1 */
      audit: t + 'a',
      /** STRING hash of the newest audit entry (the chain head) */
      head: t + 'h',
      /** STRING decision JSON (expires after the decision retention) */
      decision: (id: string) => t + 'd:' + id,
      /** ZSET score = decided_at (ms), member = `seq|id` */
      decisionsByTime: t + 'dz',
      /** STRING count of sends to this phone by one entity on one recipient-local day */
      daySends: (entity: string, day: string) => `${t}n:${entity}:${day}`,
      /** ZSET score = instant (ms), member = decision id: allowed covered contacts from one entity (state caps); expires after the newest's window */
      coveredContacts: (entity: string) => `${t}cc:${entity}`,
      /** HASH event key → call event JSON: one call's events (calls.ts) */
      callEvents: (callId: string) => `${t}ce:${callId}`,
      /** ZSET score = the call's start (ms), member = call id: the subject's calls */
      callsByTime: t + 'cz',
    };
  }

  org(orgId: string) {
    const t = `${this.prefix}{${safe(orgId)}}:`;
    return {
      record: t + 'o',
      /** HASH key id → api key JSON, plus a LIST of ids in creation order */
      keys: t + 'k',
      keyOrder: t + 'ko',
      /** STRING count of allowed sends in one UTC month */
      monthSends: (month: string) => t + 'm:' + month,
      /** HASH consent id → phone */
      consentPhone: t + 'cl',
      consentSeq: t + 'cs',
      /** ZSET score = seq, member = `id|phone`: all consents, and per entity */
      consentList: t + 'cz',
      consentsOfEntity: (entity: string) => t + 'ce:' + entity,
      /** HASH revocation id → phone */
      revocationPhone: t + 'rl',
      /** STRING decision id → phone (expires with the decision) */
      decisionPhone: (id: string) => t + 'dl:' + id,
      decisionSeq: t + 'ds',
      /** ZSET score = decided_at (ms), member = `seq|id|phone` */
      decisionsByTime: t + 'dz',
      /** ZSET score 0, member = phone or suppression key: every subject with an audit chain head (`auditSubjects`, by lex). */
      chains: t + 'sh',
      /**
       * ZSET score = ms from which the subject may hold something to
       * anonymise, member = phone: the retention job's work list. A phone
       * leaves it when nothing is left under `{org:phone}`.
       */
      retention: t + 'sp',
      /** HASH count name → count: the org's counts of one UTC day (dailyCounts.ts) */
      dailyCounts: (day: string) => t + 'dc:' + day,
      /** ZSET score = honor-by date (ms), member = `id|phone`: revocations by when they must be honored, trimmed past it */
      revocationsByHonorBy: t + 'hb',
      /** HASH emergency id → state of emergency JSON (declared by the org's operator; ended ones kept) */
      emergencies: t + 'em',
      /** STRING counter moved by every declaration and end: instances keep the org's emergencies while it stands still */
      emergencyVersion: t + 'ev',
      /** HASH call id → the call's index entry JSON (its carrier, carrier id and subject) */
      calls: t + 'cr',
      /** HASH carrier call id → call id */
      callByCarrierId: t + 'cx',
      /** ZSET score = the call's start (ms), member = call id */
      callsByTime: t + 'ct',
    };
  }

  apiKeyByHash(hash: string): string {
    return `${this.prefix}{kh:${safe(hash)}}`;
  }

  /** STRING set once (NX) with a TTL: a carrier webhook already acted on. */
  webhookSeen(key: string): string {
    return `${this.prefix}{wh:${safe(key)}}`;
  }

  /** STRING with a TTL, read and deleted in one transaction: a value held for later in a call. */
  heldValue(key: string): string {
    return `${this.prefix}{hv:${safe(key)}}`;
  }

  /** STRING session JSON with a TTL: one console session, by the hash of its cookie id. */
  consoleSession(idHash: string): string {
    return `${this.prefix}{cs:${safe(idHash)}}`;
  }

  /** ZSET score = expires_at (ms), member = session id hash: the console sessions made from one API key. */
  consoleSessionsOfKey(orgId: string, keyId: string): string {
    return `${this.prefix}{csk:${safe(orgId)}:${safe(keyId)}}`;
  }

  /** HASH `org\tdedupe_key` → revocation JSON: the network-wide opt-outs of one phone. */
  network(phone: string): string {
    return `${this.prefix}{net:${safe(phone)}}:all`;
  }

  store() {
    const t = `${this.prefix}{store}:`;
    return {
      /** SET of every org id that has written a subject record. */
      orgs: t + 'orgs',
      /** STRING `SuppressionKeying.keyId` the store was anonymised under. */
      keyId: t + 'kid',
    };
  }

  outbox() {
    const t = `${this.prefix}{outbox}:`;
    return {
      /** HASH message id → `{"topic","payload"}` JSON */
      messages: t + 'm',
      /** HASH message id → attempts */
      attempts: t + 'n',
      /** HASH message id → revocation id the payload carries */
      revocation: t + 'rv',
      /** ZSET score = next attempt (ms), member = message id */
      due: t + 'q',
    };
  }
}

/** Sequence numbers as fixed-width decimals (as the Lua side writes them), so members sort in sequence order within one score. */
export const seqMember = (seq: number) => String(seq).padStart(15, '0');
