/**
 * The shared engine: many gateway instances on one Redis (or a Redis
 * Cluster, or a master behind Sentinel). Key layout in keys.ts, the atomic
 * steps in scripts.ts, connection and fault behaviour in connection.ts.
 *
 * What is atomic: every write that must be — a consent or revocation with its
 * dedupe check and audit entry, a consent status change with its audit entry,
 * a decision with its audit entry, a count-and-check of a send counter — is
 * one Lua script on one hash slot. What is not per phone (the org's monthly
 * quota, id → phone lookups, listings by org, network-wide revocations, the
 * outbox) lives in other slots and is written in a separate step whose order
 * is chosen so that a crash between the two fails closed:
 *
 * - send reservation: the per-phone daily cap first, then the org quota; a
 *   refused quota gives the day unit back; a crash between leaves one unit
 *   over-counted (a send refused later), never one under-counted;
 * - network-wide revocations and their outbox message are written *before*
 *   the revocation (write-ahead), then set to the stored record: a crash in
 *   between blocks the number network-wide for an opt-out that was requested
 *   but not yet acknowledged, rather than missing one that was;
 * - id → phone indexes of consents and revocations are written after the
 *   record, idempotently, also when the capture was a duplicate: a client's
 *   retry of an unacknowledged write heals them;
 * - decision indexes are written before the decision (in parallel with
 *   reading the chain head); an index entry whose decision was never written
 *   is skipped by readers.
 *
 * Durability: Redis acknowledges a write after appending it to the AOF; with
 * `appendfsync always` that append is fsynced first, which is what makes
 * `recordRevocation` and `captureConsent` durable before they resolve. The
 * engine checks the setting at start and logs a warning when it is weaker.
 *
 * Anonymised subjects (SPEC §2.5, retention.ts): opened with a
 * `SuppressionKeying`, every lookup by phone also reads the slot of the
 * phone's suppression key (`{org:hmac:…}`, `{net:hmac:…}`), where the
 * retention job moves old records, and a chain whose head was moved there
 * continues from it.
 */
import type { AuditEntry, Consent, Decision, Revocation } from '../../domain/records';
import { entityKey } from '../../domain/vocabulary';
import type { Logger } from '../../observability/logger';
import { auditText, chainHashOf, consentEventBody, decisionBody, revocationBody, type AuditBody, type AuditText } from '../auditChain';
import { consentWrite, type ConsentWrite } from '../consentWrite';
import {
  LedgerUnavailableError,
  isSuppressionKey,
  type AnonymiseResult,
  type AuditSubject,
  type SuppressionKeying,
  type ApiKey,
  type ConsentQuery,
  type ConsentStatusChange,
  type ContactFacts,
  type DecisionQuery,
  type Ledger,
  type Org,
  type OutboxMessage,
  type Page,
  type ReservationResult,
  type SendCounterKeys,
  type SendDecider,
  type SendFacts,
  type SendReservation,
} from '../ledger';
import { deciderFor, refusedDecision } from '../sendDecision';
import { checkDurability, connectBounded, createRedisClient, dataNodes, type DurabilityReport, type RedisClient, type RedisTarget } from './connection';
import { RedisKeys, seqMember } from './keys';
import { RedisOutbox } from './outbox';
import { pageByScore, splitOnce } from './paging';
import { decodeCursor, encodeCursor, isPosition, isSubjectPosition, UnreadableCursorError } from '../cursor';
import { anonymiseBefore } from './retention';
import { loadScripts, type ScriptRunner } from './scripts';
import { countUnder, giveBack } from './scripts/counters';
import { indexConsent, indexDecision, indexRevocation, indexSubject } from './scripts/indexes';
import { delIfEqual } from './scripts/moves';
import { docAndHead, docsInOrder, insertOnce, REPLY, replaceDoc, writeDecision, type ChainReply, type ChainStep } from './scripts/records';
import { createApiKey, revokeApiKey, type ApiKeyStore } from './apiKeys';

export interface RedisLedgerOptions extends RedisTarget {
  /** Prepended to every key (default `cg:`), so several deployments or tests can share a server. */
  keyPrefix?: string;
  /** Decisions (request/response documents and their indexes) expire after this many days; unset = kept. */
  decisionRetentionDays?: number;
  /** How long `open` waits for the first connection (default: connectTimeoutMs × 2). */
  readyTimeoutMs?: number;
  /** How anonymised phones are keyed (from RETENTION_SECRET); needed to read and continue anonymised subjects, and to anonymise. */
  suppression?: SuppressionKeying;
  /**
   * How long the retention job keeps a moved record in both slots before
   * removing it from the phone's (retention.ts): longer than any gateway's
   * read can take. Default 2 × commandTimeoutMs + 1 s (a script read may be
   * sent twice, after a NOSCRIPT). Only tests without concurrent readers
   * shorten it.
   */
  retentionGraceMs?: number;
  logger?: Logger;
}

/** A write that collides with an existing record of another identity (a programming error, not an outage). */
export class LedgerConflictError extends Error {
  override readonly name = 'LedgerConflictError';
}

type SubjectKeys = ReturnType<RedisKeys['subject']>;

/** Chain-head races are retried; this many in a row means something is wrong. */
const MAX_CAS_ATTEMPTS = 100;
const DAY_COUNTER_TTL_S = 3 * 86_400;
const MONTH_COUNTER_TTL_S = 62 * 86_400;
const BULK_CONCURRENCY = 32;

/** A retention-list score: when a record written at `iso` may be anonymised (0, visited at once, if unreadable). */
const scoreOf = (iso: string) => String(Date.parse(iso) || 0);

/** An audit entry as the subject's list keeps it: previous hash, hash, and the body (its canonical JSON, spliced in as is). */
const storedEntry = (prev: string, hash: string, text: AuditText) => `{"p":${JSON.stringify(prev)},"h":"${hash}","b":${text.canonical}}`;

/** What the org indexes of a consent are written from. */
const indexFieldsOf = (c: Consent) => ({ id: c.id, phone: c.phone, entity_key: entityKey(c.calling_entity), created_at: c.created_at });

const ms = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new LedgerConflictError(`not a timestamp: ${iso}`);
  return t;
};
export class RedisLedger implements Ledger {
  readonly engine = 'redis';
  readonly keys: RedisKeys;
  private readonly outbox: RedisOutbox;
  private readonly scripts: ScriptRunner;
  private readonly retentionS: number;
  private readonly suppression: SuppressionKeying | undefined;
  /** Orgs this process has listed in the store's org set (the retention job and auditSubjects walk that set). */
  private readonly listedOrgs = new Map<string, Promise<unknown>>();
  private closed = false;
  /** Persistence settings of each data node, as read at open. */
  durability: DurabilityReport[] = [];

  private constructor(
    readonly client: RedisClient,
    private readonly options: RedisLedgerOptions,
  ) {
    this.keys = new RedisKeys(options.keyPrefix ?? 'cg:');
    this.scripts = loadScripts(client);
    this.outbox = new RedisOutbox(client, this.keys, this.scripts);
    this.retentionS = options.decisionRetentionDays ? Math.round(options.decisionRetentionDays * 86_400) : 0;
    this.suppression = options.suppression;
    // Without a listener ioredis prints every reconnect failure; outages surface as LedgerUnavailableError instead.
    client.on('error', (err: Error) => options.logger?.debug({ err: err.message }, 'redis connection error'));
  }

  /** Connects (bounded), checks persistence settings, and answers a ready ledger; rejects with LedgerUnavailableError. */
  static async open(options: RedisLedgerOptions): Promise<RedisLedger> {
    let client: RedisClient;
    try {
      client = createRedisClient(options);
    } catch (err) {
      throw new LedgerUnavailableError(`cannot configure Redis: ${(err as Error).message}`, { cause: err });
    }
    const ledger = new RedisLedger(client, options);
    let keyId: string | null;
    try {
      await connectBounded(client, options.readyTimeoutMs ?? options.connectTimeoutMs * 2);
      ledger.durability = await checkDurability(client, options.logger);
      keyId = await client.get(ledger.keys.store().keyId);
    } catch (err) {
      client.disconnect();
      throw new LedgerUnavailableError(`cannot connect to Redis: ${(err as Error).message}`, { cause: err });
    }
    // Anonymised revocations are found only through their key: opening such a
    // store without it (or with another secret) would unblock opted-out numbers.
    if (keyId && keyId !== options.suppression?.keyId) {
      client.disconnect();
      throw new LedgerUnavailableError(
        options.suppression
          ? 'the Redis ledger was anonymised under a different RETENTION_SECRET; refusing to open it with this one'
          : 'the Redis ledger holds anonymised records: set the RETENTION_SECRET it was anonymised with',
      );
    }
    return ledger;
  }

  // ---- plumbing -------------------------------------------------------------

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new LedgerUnavailableError('Redis ledger is closed');
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LedgerUnavailableError || err instanceof LedgerConflictError || err instanceof UnreadableCursorError) throw err;
      throw new LedgerUnavailableError(`Redis ledger ${what} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** The suppression key a subject may also be stored under; null without a keying or when `phone` already is one. */
  private altKey(phone: string): string | null {
    return this.suppression && !isSuppressionKey(phone) ? this.suppression.keyOf(phone) : null;
  }

  /** The phone slot and, with a keying, the key slot: the places a subject's records can be. Key first (it holds the older records). */
  private slotsOf(phone: string): string[] {
    const key = this.altKey(phone);
    return key ? [key, phone] : [phone];
  }

  /** Once per org and process, before its first subject write: the store's org set is how the retention job and auditSubjects find it. */
  private listOrg(orgId: string): Promise<unknown> {
    let listed = this.listedOrgs.get(orgId);
    if (!listed) {
      listed = this.client.sadd(this.keys.store().orgs, orgId);
      listed.catch(() => this.listedOrgs.delete(orgId));
      this.listedOrgs.set(orgId, listed);
    }
    return listed;
  }

  /**
   * Appends `body` to the chain of (org, phone) with `write(expected, hash,
   * entry)`, where `expected` is the head the phone's slot must still hold
   * ('' = none), recomputing the hash whenever another writer moved it first.
   *
   * A subject with no head under its phone may have one under its key (the
   * retention job moved the whole chain there): the entry continues that
   * chain, and the head comes back to the phone — the key's copy is deleted
   * and the org lists name the phone again.
   *
   * `heads` is what `readHeads` answered, when the caller read it beside
   * other work.
   */
  private async appendChained(
    orgId: string,
    phone: string,
    text: AuditText,
    write: (step: ChainStep) => Promise<ChainReply>,
    heads?: [string, string],
  ): Promise<ChainReply> {
    let [head, moved] = heads ?? (await this.readHeads(orgId, phone));
    await this.listOrg(orgId);
    for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
      const chainPrev = head || moved;
      const hash = chainHashOf(chainPrev, text.canonical);
      const reply = await write({ expected: head, hash, entry: storedEntry(chainPrev, hash, text) });
      if (reply[0] === REPLY.written && !head) await this.headCreated(orgId, phone, text.at, moved);
      if (reply[0] !== REPLY.headMoved) return reply;
      head = reply[1] ?? '';
      moved = head ? '' : await this.movedHead(orgId, phone);
    }
    throw new LedgerUnavailableError('audit chain head kept moving; giving up');
  }

  /** The chain head under the phone ('' = none) and, with a keying, the one under its key, read in parallel. */
  private readHeads(orgId: string, phone: string): Promise<[string, string]> {
    return Promise.all([this.client.get(this.keys.subject(orgId, phone).head).then((h) => h ?? ''), this.movedHead(orgId, phone)]);
  }

  /** The chain head under the phone's suppression key, '' when there is none (or no keying). */
  private async movedHead(orgId: string, phone: string): Promise<string> {
    const key = this.altKey(phone);
    return key ? ((await this.client.get(this.keys.subject(orgId, key).head)) ?? '') : '';
  }

  /**
   * The phone's slot got a head (a new subject, or a chain continued from
   * the key): list the subject again, after the write, so that it follows a
   * retention job that dropped the phone from the lists while the write was
   * under way (retention.ts). Without a keying there is no chain to
   * continue and no retention job in this process; the write's own index
   * step listed the subject, so no extra round trip.
   */
  private async headCreated(orgId: string, phone: string, at: string, movedHead: string): Promise<void> {
    if (!this.suppression) return;
    const o = this.keys.org(orgId);
    const key = movedHead ? this.altKey(phone)! : '';
    // A suppression key is never a retention candidate (it names no phone to anonymise).
    const score = isSuppressionKey(phone) ? '' : scoreOf(at);
    await Promise.all([
      indexSubject(this.scripts, o, { phone, score, droppedKey: key }),
      key ? delIfEqual(this.scripts, this.keys.subject(orgId, key).head, movedHead) : null,
    ]);
  }

  async ping(): Promise<void> {
    await this.run('ping', async () => {
      const nodes = dataNodes(this.client);
      if (this.client.status !== 'ready' || nodes.length === 0) throw new LedgerUnavailableError(`Redis is not connected (${this.client.status})`);
      await Promise.all(nodes.map((n) => n.ping()));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.client.quit(), new Promise((r) => (timer = setTimeout(r, this.options.commandTimeoutMs)))]);
    } catch {
      // already disconnected
    } finally {
      clearTimeout(timer);
      this.client.disconnect();
    }
  }

  // ---- orgs and keys --------------------------------------------------------

  /** Idempotent on the id: instances starting together may both create the default org; the first record stays. */
  async createOrg(org: Org): Promise<void> {
    await this.run('createOrg', () => this.client.set(this.keys.org(org.id).record, JSON.stringify(org), 'NX'));
  }

  async getOrg(orgId: string): Promise<Org | null> {
    const raw = await this.run('getOrg', () => this.client.get(this.keys.org(orgId).record));
    return raw ? (JSON.parse(raw) as Org) : null;
  }

  /** See apiKeys.ts. */
  async createApiKey(key: ApiKey): Promise<boolean> {
    return this.run('createApiKey', () => createApiKey(this.keyStore(), key));
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const raw = await this.run('findApiKeyByHash', () => this.client.get(this.keys.apiKeyByHash(hash)));
    return raw ? (JSON.parse(raw) as ApiKey) : null;
  }

  async listApiKeys(orgId: string): Promise<ApiKey[]> {
    const o = this.keys.org(orgId);
    return this.run('listApiKeys', async () => {
      const ids = await this.client.lrange(o.keyOrder, 0, -1);
      if (!ids.length) return [];
      const docs = await this.client.hmget(o.keys, ...ids);
      return docs.filter((d): d is string => d !== null).map((d) => JSON.parse(d) as ApiKey);
    });
  }

  async revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
    return this.run('revokeApiKey', () => revokeApiKey(this.keyStore(), orgId, keyId, at));
  }

  private keyStore(): ApiKeyStore {
    return { client: this.client, keys: this.keys, run: this.scripts };
  }

  // ---- consents -------------------------------------------------------------

  async captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.run('captureConsent', async () => {
      const existing = await this.insertConsent(consentWrite(consent));
      return existing === null ? { consent, created: true } : { consent: JSON.parse(existing) as Consent, created: false };
    });
  }

  /** Null when this consent was created; else the document of the one with its content, which stands. */
  private async insertConsent(c: ConsentWrite): Promise<string | null> {
    const s = this.keys.subject(c.org_id, c.phone);
    const reply = await this.appendChained(c.org_id, c.phone, c.audit, (step) =>
      insertOnce(this.scripts, { docs: s.consents, order: s.consentOrder, dedupe: s.consentDedupe, audit: s.audit, head: s.head }, { id: c.id, dedupeKey: c.dedupe_key, json: c.doc }, step),
    );
    const existing = reply[0] === REPLY.written ? null : reply[1]!;
    // The indexes are (re)written for the consent that stands, so a capture interrupted between the two scripts is completed by its retry.
    const stored = existing === null ? c : indexFieldsOf(JSON.parse(existing) as Consent);
    const o = this.keys.org(c.org_id);
    await indexConsent(this.scripts, o, { id: stored.id, phone: stored.phone, entityKey: stored.entity_key, score: scoreOf(stored.created_at) });
    return existing;
  }

  /**
   * Bulk import: each consent is its own atomic step (Redis has no
   * transaction across slots). Phones are written in parallel, each phone's
   * rows in order, so duplicates within a batch are seen as duplicates.
   */
  async captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
    return this.run('captureConsents', async () => {
      const bySubject = new Map<string, ConsentWrite[]>();
      for (const c of consents) {
        const k = c.org_id + '\u0000' + c.phone;
        const list = bySubject.get(k);
        if (list) list.push(c);
        else bySubject.set(k, [c]);
      }
      const groups = [...bySubject.values()];
      let created = 0;
      let next = 0;
      const worker = async () => {
        while (next < groups.length) {
          const group = groups[next++];
          for (const c of group) if ((await this.insertConsent(c)) === null) created++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, groups.length) }, worker));
      return { created, duplicates: consents.length - created };
    });
  }

  /**
   * A record found through an org index (id → phone or key). The record may
   * have moved to the key while the index still names the phone (the
   * retention job rewrites the index last): then it is read from there.
   */
  private async byIndex(orgId: string, subject: string | null, read: (s: SubjectKeys) => Promise<string | null>): Promise<string | null> {
    if (!subject) return null;
    const raw = await read(this.keys.subject(orgId, subject));
    const key = raw === null ? this.altKey(subject) : null;
    return key ? read(this.keys.subject(orgId, key)) : raw;
  }

  async getConsent(orgId: string, id: string): Promise<Consent | null> {
    return this.run('getConsent', async () => {
      const phone = await this.client.hget(this.keys.org(orgId).consentPhone, id);
      const raw = await this.byIndex(orgId, phone, (s) => this.client.hget(s.consents, id));
      return raw ? (JSON.parse(raw) as Consent) : null;
    });
  }

  async listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    return this.run('listConsents', async () => {
      const entity = q.calling_entity !== undefined ? entityKey(q.calling_entity) : undefined;
      if (q.phone) {
        // One phone: its own ordered list, filtered by entity here (a phone has few consents).
        // With a keying, positions run over the key's list (anonymised, older) and then the phone's.
        const lists = this.slotsOf(q.phone).map((p) => this.keys.subject(orgId, p));
        const firstLength = lists.length > 1 ? await this.client.llen(lists[0].consentOrder) : Infinity;
        let pos = decodeCursor(q.after, isPosition) ?? 0;
        const out: { item: Consent; next: number }[] = [];
        const batch = Math.max(q.limit + 1, 50);
        while (out.length <= q.limit) {
          const inFirst = pos < firstLength;
          const s = inFirst ? lists[0] : lists[1];
          const from = inFirst ? pos : pos - firstLength;
          const ids = await this.client.lrange(s.consentOrder, from, from + batch - 1);
          if (!ids.length && inFirst && lists.length > 1) {
            pos = firstLength;
            continue;
          }
          if (!ids.length) break;
          const docs = await this.client.hmget(s.consents, ...ids);
          docs.forEach((d, i) => {
            if (!d) return;
            const c = JSON.parse(d) as Consent;
            if (entity === undefined || entityKey(c.calling_entity) === entity) out.push({ item: c, next: pos + i + 1 });
          });
          pos += ids.length;
          if (ids.length < batch && !(inFirst && lists.length > 1)) break;
        }
        return {
          items: out.slice(0, q.limit).map((x) => x.item),
          next_cursor: out.length > q.limit ? encodeCursor(out[q.limit - 1].next) : null,
        };
      }
      const o = this.keys.org(orgId);
      const key = entity !== undefined ? o.consentsOfEntity(entity) : o.consentList;
      return pageByScore<Consent>(this.client, key, '-inf', '+inf', q.after, q.limit, (members) =>
        Promise.all(
          members.map(async (m) => {
            const [id, phone] = splitOnce(m);
            const raw = await this.client.hget(this.keys.subject(orgId, phone).consents, id);
            return raw ? (JSON.parse(raw) as Consent) : null;
          }),
        ),
      );
    });
  }

  async changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null> {
    return this.run('changeConsentStatus', async () => {
      const indexed = await this.client.hget(this.keys.org(orgId).consentPhone, id);
      if (!indexed) return null;
      // Where the consent is now (the index may still name the phone of a consent just moved to the key).
      const key = this.altKey(indexed);
      const phone = key && !(await this.client.hexists(this.keys.subject(orgId, indexed).consents, id)) ? key : indexed;
      const s = this.keys.subject(orgId, phone);
      for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
        const { doc: raw, head } = await docAndHead(this.scripts, { docs: s.consents, head: s.head }, id);
        if (!raw) return null;
        const consent = JSON.parse(raw) as Consent;
        if (consent.status === change.to) return { consent, changed: false };
        consent.status = change.to;
        consent.updated_at = change.at;
        if (change.to === 'opted_out') {
          consent.opted_out_at = change.at;
          consent.opt_out_source = change.source;
        } else {
          consent.confirmed_at = change.at;
        }
        consent.history.push({ event: change.event, at: change.at, source: change.source });
        const text = auditText(consentEventBody(consent, change.event, change.at, change.source));
        // No head under the phone: the chain may continue from its key (see appendChained).
        const moved = head ? '' : await this.movedHead(orgId, phone);
        const chainPrev = head || moved;
        const hash = chainHashOf(chainPrev, text.canonical);
        const [code] = await replaceDoc(
          this.scripts,
          { docs: s.consents, audit: s.audit, head: s.head },
          { id, expectedJson: raw, json: JSON.stringify(consent) },
          { expected: head, hash, entry: storedEntry(chainPrev, hash, text) },
        );
        if (code === REPLY.written && !head) await this.headCreated(orgId, phone, change.at, moved);
        if (code === REPLY.written) return { consent, changed: true };
        if (code === REPLY.notFound) return null;
        // The head moved or the document changed: read again and recompute.
      }
      throw new LedgerUnavailableError('consent kept changing under a status change; giving up');
    });
  }

  // ---- revocations ----------------------------------------------------------

  async recordRevocation(r: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
    return this.run('recordRevocation', async () => {
      const s = this.keys.subject(r.org_id, r.phone);
      const doc = JSON.stringify(r);
      const network = r.scope === 'all';
      // Only this deployment's own network-wide opt-outs are propagated; a peer's are not echoed back.
      const propagate = network && r.origin === 'local';
      const netKey = this.keys.network(r.phone);
      const netField = `${r.org_id}\t${r.dedupe_key}`;

      // Write-ahead (with the chain head read): the network index and the outbox message.
      const [heads, queued] = await Promise.all([
        this.readHeads(r.org_id, r.phone),
        propagate ? this.outbox.queueAhead(r) : Promise.resolve(false),
        network ? this.client.hset(netKey, netField, doc) : Promise.resolve(0),
      ]);
      const reply = await this.appendChained(
        r.org_id,
        r.phone,
        auditText(revocationBody(r)),
        (step) =>
          insertOnce(
            this.scripts,
            { docs: s.revocations, order: s.revocationOrder, dedupe: s.revocationDedupe, audit: s.audit, head: s.head },
            { id: r.id, dedupeKey: r.dedupe_key, json: doc },
            step,
          ),
        heads,
      );
      const created = reply[0] === REPLY.written;
      const stored = created ? r : (JSON.parse(reply[1]!) as Revocation);
      const storedDoc = created ? doc : reply[1]!;
      const o = this.keys.org(r.org_id);
      await Promise.all([
        indexRevocation(this.scripts, o, { id: stored.id, phone: stored.phone, score: scoreOf(stored.created_at) }),
        network ? this.client.hset(netKey, netField, storedDoc) : null,
        propagate ? this.outbox.settle(r, stored, created, queued) : null,
      ]);
      return { revocation: stored, created };
    });
  }

  async getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return this.run('getRevocation', async () => {
      const phone = await this.client.hget(this.keys.org(orgId).revocationPhone, id);
      const raw = await this.byIndex(orgId, phone, (s) => this.client.hget(s.revocations, id));
      return raw ? (JSON.parse(raw) as Revocation) : null;
    });
  }

  /**
   * With a keying, the phone's slots and its key's slots (`{org:…}` and
   * `{net:…}`) are read in parallel. A record the retention job is moving
   * stays in both for longer than a command can take (retention.ts), so a
   * read of both never misses it; a copy seen twice is kept once, by id.
   */
  async contactFacts(orgId: string, phone: string): Promise<ContactFacts> {
    return this.run('contactFacts', async () => {
      const slots = this.slotsOf(phone);
      const read = await Promise.all(
        slots.map((p) => {
          const s = this.keys.subject(orgId, p);
          return Promise.all([
            docsInOrder(this.scripts, s.consents, s.consentOrder),
            docsInOrder(this.scripts, s.revocations, s.revocationOrder),
            this.client.hgetall(this.keys.network(p)),
          ]);
        }),
      );
      const consents = new Map<string, Consent>();
      const own = new Map<string, Revocation>();
      for (const [c, r] of read) {
        // Later slots (the phone's) win: a consent that changed while being moved is the phone's.
        for (const d of c) {
          const consent = JSON.parse(d) as Consent;
          consents.set(consent.id, consent);
        }
        for (const d of r) {
          const revocation = JSON.parse(d) as Revocation;
          own.set(revocation.id, revocation);
        }
      }
      const revocations = [...own.values()];
      const seen = new Set(revocations.map((r) => r.dedupe_key));
      for (const [, , network] of read) {
        for (const [field, d] of Object.entries(network)) {
          const [org, dedupe] = splitOnce(field, '\t');
          // The org's own network-wide opt-outs are already in its list (the stored record wins).
          if (org === orgId && seen.has(dedupe)) continue;
          const r = JSON.parse(d) as Revocation;
          if (own.has(r.id)) continue;
          own.set(r.id, r);
          revocations.push(r);
        }
      }
      return { consents: [...consents.values()], revocations };
    });
  }

  // ---- send counters --------------------------------------------------------

  async sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }> {
    return this.run('sendCounts', async () => {
      const [day, month] = await Promise.all([
        this.client.get(this.keys.subject(orgId, phone).daySends(keys.entity, keys.day)),
        this.client.get(this.keys.org(orgId).monthSends(keys.month)),
      ]);
      return { sentToday: Number(day ?? 0), sentThisMonth: Number(month ?? 0) };
    });
  }

  /**
   * Two slots, two scripts: the phone's daily cap (`{org:phone}`), then the
   * org's monthly quota (`{org}`). Each is count-and-check in one step, so
   * racing instances cannot pass either limit. If the quota refuses, the day
   * unit is given back; if the process or Redis dies between the two, the
   * day keeps one unit too many — a later send is refused (fail closed); no
   * path counts less than was allowed.
   */
  private async reserve(orgId: string, phone: string, r: SendReservation): Promise<ReservationResult> {
    return this.run('reserveSend', async () => {
      const dayKey = this.keys.subject(orgId, phone).daySends(r.entity, r.day);
      const monthKey = this.keys.org(orgId).monthSends(r.month);
      if (!(await countUnder(this.scripts, dayKey, r.dailyCap, DAY_COUNTER_TTL_S))) {
        // Same precedence as the SQLite engine: a spent quota is reported before the cap.
        if (r.monthlyQuota !== null && Number((await this.client.get(monthKey)) ?? 0) >= r.monthlyQuota) return 'quota_exceeded';
        return 'frequency_cap';
      }
      if (!(await countUnder(this.scripts, monthKey, r.monthlyQuota, MONTH_COUNTER_TTL_S))) {
        await giveBack(this.scripts, dayKey).catch(() => undefined);
        return 'quota_exceeded';
      }
      return 'reserved';
    });
  }

  // The facts in one round trip, the count in a script of its own; two slots and a chain append,
  // so no single script spans them (see Ledger.decideSend for what a race or a failure leaves).
  async decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision> {
    const ask = deciderFor(orgId, phone, decide);
    const [org, contact, counts] = await Promise.all([this.getOrg(orgId), this.contactFacts(orgId, phone), this.sendCounts(orgId, phone, keys)]);
    const facts: SendFacts = { org, ...contact, ...counts };
    const verdict = ask(facts);
    let decision = verdict.decision;
    if (verdict.limits) {
      const result = await this.reserve(orgId, phone, { ...keys, ...verdict.limits });
      if (result !== 'reserved') decision = refusedDecision(ask, facts, result, verdict.limits);
    }
    await this.recordDecision(decision);
    return decision;
  }

  // ---- decisions ------------------------------------------------------------

  async recordDecision(d: Decision): Promise<void> {
    await this.run('recordDecision', async () => {
      const s = this.keys.subject(d.org_id, d.phone);
      const o = this.keys.org(d.org_id);
      const at = ms(d.decided_at);
      const cutoff = this.retentionS ? String(at - this.retentionS * 1000) : '';
      const [seq, heads] = await Promise.all([
        indexDecision(this.scripts, o, { id: d.id, phone: d.phone, atMs: at, ttlS: this.retentionS, cutoffMs: cutoff }),
        this.readHeads(d.org_id, d.phone),
      ]);
      const doc = JSON.stringify(d);
      const member = `${seqMember(seq)}|${d.id}`;
      await this.appendChained(
        d.org_id,
        d.phone,
        auditText(decisionBody(d)),
        (step) =>
          writeDecision(
            this.scripts,
            { doc: s.decision(d.id), byTime: s.decisionsByTime, audit: s.audit, head: s.head },
            { json: doc, ttlS: this.retentionS, atMs: at, member, cutoffMs: cutoff },
            step,
          ),
        heads,
      );
    });
  }

  async getDecision(orgId: string, id: string): Promise<Decision | null> {
    return this.run('getDecision', async () => {
      const phone = await this.client.get(this.keys.org(orgId).decisionPhone(id));
      const raw = await this.byIndex(orgId, phone, (s) => this.client.get(s.decision(id)));
      return raw ? (JSON.parse(raw) as Decision) : null;
    });
  }

  async listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    return this.run('listDecisions', async () => {
      const min = q.from ? String(ms(q.from)) : '-inf';
      const max = q.to ? '(' + ms(q.to) : '+inf';
      if (q.phone) {
        // The phone's decisions and, with a keying, its anonymised ones: one order (members are `seq|id` in both).
        const subjects = new Map(this.slotsOf(q.phone).map((p) => [this.keys.subject(orgId, p).decisionsByTime, this.keys.subject(orgId, p)]));
        return pageByScore<Decision>(this.client, [...subjects.keys()], min, max, q.after, q.limit, async (members, key) => {
          if (!members.length) return [];
          const s = subjects.get(key)!;
          const docs = await this.client.mget(...members.map((m) => s.decision(splitOnce(m)[1])));
          return docs.map((d) => (d ? (JSON.parse(d) as Decision) : null));
        });
      }
      const o = this.keys.org(orgId);
      return pageByScore<Decision>(this.client, o.decisionsByTime, min, max, q.after, q.limit, (members) =>
        Promise.all(
          members.map(async (m) => {
            const [, rest] = splitOnce(m);
            const [id, phone] = splitOnce(rest);
            const raw = await this.client.get(this.keys.subject(orgId, phone).decision(id));
            return raw ? (JSON.parse(raw) as Decision) : null;
          }),
        ),
      );
    });
  }

  // ---- audit ----------------------------------------------------------------

  /**
   * With a keying: the entries under the key (a prefix of the chain, moved
   * there by the retention job) then those under the phone; seq numbers run
   * over both, so they are the ones the entries had before they moved. An
   * entry seen in both (read while being moved, see contactFacts) is kept once.
   */
  async auditTrail(orgId: string, phone: string): Promise<AuditEntry[]> {
    const slots = this.slotsOf(phone);
    const lists = await this.run('auditTrail', () => Promise.all(slots.map((p) => this.client.lrange(this.keys.subject(orgId, p).audit, 0, -1))));
    const out: AuditEntry[] = [];
    const seen = new Set<string>();
    slots.forEach((subject, i) => {
      for (const line of lists[i]) {
        const { p, h, b } = JSON.parse(line) as { p: string; h: string; b: AuditBody };
        if (seen.has(h)) continue;
        seen.add(h);
        out.push({ seq: out.length + 1, org_id: orgId, phone: subject, kind: b.kind, ref_id: b.ref_id, at: b.at, prev_hash: p, hash: h, body: b as unknown as Record<string, unknown> });
      }
    });
    return out;
  }

  /**
   * Every chain of the store: the orgs of the store's org set, in order, and
   * each org's chain list by lex (phones, and keys of subjects anonymised in
   * full). A listed subject whose head is gone (it moved on meanwhile) is
   * skipped.
   */
  async auditSubjects(query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
    return this.run('auditSubjects', async () => {
      const cursor = decodeCursor(query.after, isSubjectPosition);
      const orgs = (await this.client.smembers(this.keys.store().orgs)).sort();
      const items: AuditSubject[] = [];
      const batch = Math.max(query.limit + 1, 100);
      for (const orgId of orgs) {
        if (cursor && orgId < cursor[0]) continue;
        let from = cursor && orgId === cursor[0] ? '(' + cursor[1] : '-';
        while (items.length <= query.limit) {
          const names = await this.client.zrangebylex(this.keys.org(orgId).chains, from, '+', 'LIMIT', 0, batch);
          const heads = await Promise.all(names.map((n) => this.client.get(this.keys.subject(orgId, n).head)));
          names.forEach((phone, i) => {
            if (heads[i]) items.push({ org_id: orgId, phone, head: heads[i]! });
          });
          if (names.length < batch) break;
          from = '(' + names[names.length - 1];
        }
        if (items.length > query.limit) break;
      }
      const last = items[query.limit - 1];
      return { items: items.slice(0, query.limit), next_cursor: items.length > query.limit ? encodeCursor([last.org_id, last.phone]) : null };
    });
  }

  /** The retention job (retention.ts); rejects without a keying. */
  async anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult> {
    const keying = this.suppression;
    if (!keying) throw new Error('anonymisation needs a suppression keying (RETENTION_SECRET)');
    const cutoffMs = Date.parse(cutoffIso);
    if (Number.isNaN(cutoffMs)) throw new Error(`not a timestamp: ${cutoffIso}`);
    return this.run('anonymiseBefore', () =>
      anonymiseBefore(
        {
          client: this.client,
          keys: this.keys,
          run: this.scripts,
          keying,
          graceMs: this.options.retentionGraceMs ?? 2 * this.options.commandTimeoutMs + 1000,
          decisionRetentionS: this.retentionS,
          outbox: this.outbox,
        },
        cutoffMs,
      ),
    );
  }

  // ---- outbox (outbox.ts) -------------------------------------------------

  async dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.run('dueOutbox', () => this.outbox.due(ms(now), limit));
  }

  async markWebhookSeen(key: string, ttlSeconds: number): Promise<boolean> {
    return this.run('markWebhookSeen', async () => (await this.client.set(this.keys.webhookSeen(key), '1', 'EX', ttlSeconds, 'NX')) === 'OK');
  }

  async forgetWebhookSeen(key: string): Promise<void> {
    await this.run('forgetWebhookSeen', () => this.client.del(this.keys.webhookSeen(key)));
  }

  async ackOutbox(id: string): Promise<void> {
    await this.run('ackOutbox', () => this.outbox.ack(id));
  }

  async retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    await this.run('retryOutbox', () => this.outbox.retry(id, ms(nextAttemptAt)));
  }
}
