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
 */
import type { AuditEntry, Consent, Decision, Revocation } from '../../domain/records';
import { entityKey } from '../../domain/vocabulary';
import type { Logger } from '../../observability/logger';
import { chainHash, consentBody, consentEventBody, decisionBody, revocationBody, type AuditBody } from '../auditChain';
import {
  LedgerUnavailableError,
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
  type SendReservation,
} from '../ledger';
import { checkDurability, connectBounded, createRedisClient, dataNodes, type DurabilityReport, type RedisClient, type RedisTarget } from './connection';
import { RedisKeys, seqMember } from './keys';
import { RedisOutbox } from './outbox';
import { decodeCursor, encodeCursor, isPosition, pageByScore, splitOnce } from './paging';
import { SCRIPTS, type ScriptName } from './scripts';

export interface RedisLedgerOptions extends RedisTarget {
  /** Prepended to every key (default `cg:`), so several deployments or tests can share a server. */
  keyPrefix?: string;
  /** Decisions (request/response documents and their indexes) expire after this many days; unset = kept. */
  decisionRetentionDays?: number;
  /** How long `open` waits for the first connection (default: connectTimeoutMs × 2). */
  readyTimeoutMs?: number;
  logger?: Logger;
}

/** A write that collides with an existing record of another identity (a programming error, not an outage). */
export class LedgerConflictError extends Error {
  override readonly name = 'LedgerConflictError';
}

type Reply = [number, string?];
type SubjectKeys = ReturnType<RedisKeys['subject']>;

/** Chain-head races are retried; this many in a row means something is wrong. */
const MAX_CAS_ATTEMPTS = 100;
const DAY_COUNTER_TTL_S = 3 * 86_400;
const MONTH_COUNTER_TTL_S = 62 * 86_400;
const BULK_CONCURRENCY = 32;

const ms = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new LedgerConflictError(`not a timestamp: ${iso}`);
  return t;
};
export class RedisLedger implements Ledger {
  readonly engine = 'redis';
  readonly keys: RedisKeys;
  private readonly outbox: RedisOutbox;
  private readonly retentionS: number;
  private closed = false;
  /** Persistence settings of each data node, as read at open. */
  durability: DurabilityReport[] = [];

  private constructor(
    readonly client: RedisClient,
    private readonly options: RedisLedgerOptions,
  ) {
    this.keys = new RedisKeys(options.keyPrefix ?? 'cg:');
    this.outbox = new RedisOutbox(client, this.keys, (name, keys, args) => this.script(name, keys, args));
    this.retentionS = options.decisionRetentionDays ? Math.round(options.decisionRetentionDays * 86_400) : 0;
    for (const [name, def] of Object.entries(SCRIPTS)) client.defineCommand(name, { numberOfKeys: def.numberOfKeys, lua: def.lua });
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
    try {
      await connectBounded(client, options.readyTimeoutMs ?? options.connectTimeoutMs * 2);
      ledger.durability = await checkDurability(client, options.logger);
    } catch (err) {
      client.disconnect();
      throw new LedgerUnavailableError(`cannot connect to Redis: ${(err as Error).message}`, { cause: err });
    }
    return ledger;
  }

  // ---- plumbing -------------------------------------------------------------

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new LedgerUnavailableError('Redis ledger is closed');
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LedgerUnavailableError || err instanceof LedgerConflictError) throw err;
      throw new LedgerUnavailableError(`Redis ledger ${what} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  private script<T = unknown>(name: ScriptName, keys: string[], args: (string | number)[] = []): Promise<T> {
    return (this.client as unknown as Record<string, (...a: (string | number)[]) => Promise<T>>)[name](...keys, ...args);
  }

  /**
   * Appends `body` to a subject's chain with `write(prev, hash, entry)`,
   * recomputing the hash whenever another writer moved the head first.
   */
  private async appendChained(s: SubjectKeys, body: AuditBody, write: (prev: string, hash: string, entry: string) => Promise<Reply>, prev?: string | null): Promise<Reply> {
    let head = prev ?? (await this.client.get(s.head)) ?? '';
    for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
      const hash = chainHash(head, body);
      const reply = await write(head, hash, JSON.stringify({ p: head, h: hash, b: body }));
      if (reply[0] !== 2) return reply;
      head = reply[1] ?? '';
    }
    throw new LedgerUnavailableError('audit chain head kept moving; giving up');
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

  /**
   * Org side first, then the by-hash entry auth reads: a crash in between
   * leaves a listed key that cannot authenticate, never a usable key that
   * cannot be listed or revoked. A second key with the same hash (two
   * instances bootstrapping the same configured secret) is dropped.
   */
  async createApiKey(key: ApiKey): Promise<void> {
    const o = this.keys.org(key.org_id);
    const json = JSON.stringify(key);
    await this.run('createApiKey', async () => {
      await this.client.hset(o.keys, key.id, json);
      await this.client.rpush(o.keyOrder, key.id);
      const set = await this.client.set(this.keys.apiKeyByHash(key.hash), json, 'NX');
      if (set === null) {
        await this.client.hdel(o.keys, key.id);
        await this.client.lrem(o.keyOrder, -1, key.id);
      }
    });
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
    return this.run('revokeApiKey', async () => {
      const raw = await this.script<string | null>('cgRevokeKey', [this.keys.org(orgId).keys], [keyId, at]);
      if (!raw) return null;
      const key = JSON.parse(raw) as ApiKey;
      // Auth reads the by-hash copy; it gets the org's (first) revocation time, also on a repeat.
      await this.client.set(this.keys.apiKeyByHash(key.hash), raw, 'XX');
      return key;
    });
  }

  // ---- consents -------------------------------------------------------------

  async captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.run('captureConsent', () => this.insertConsent(consent));
  }

  private async insertConsent(c: Consent): Promise<{ consent: Consent; created: boolean }> {
    const s = this.keys.subject(c.org_id, c.phone);
    const doc = JSON.stringify(c);
    const reply = await this.appendChained(s, consentBody(c), (prev, hash, entry) =>
      this.script<Reply>('cgInsertOnce', [s.consents, s.consentOrder, s.consentDedupe, s.audit, s.head], [c.id, c.dedupe_key, doc, prev, hash, entry]),
    );
    const created = reply[0] === 1;
    const stored = created ? c : (JSON.parse(reply[1]!) as Consent);
    const o = this.keys.org(c.org_id);
    await this.script('cgConsentIndex', [o.consentPhone, o.consentSeq, o.consentList, o.consentsOfEntity(entityKey(stored.calling_entity))], [stored.id, stored.phone]);
    return { consent: stored, created };
  }

  /**
   * Bulk import: each consent is its own atomic step (Redis has no
   * transaction across slots). Phones are written in parallel, each phone's
   * rows in order, so duplicates within a batch are seen as duplicates.
   */
  async captureConsents(consents: Consent[]): Promise<{ created: number; duplicates: number }> {
    return this.run('captureConsents', async () => {
      const bySubject = new Map<string, Consent[]>();
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
          for (const c of group) if ((await this.insertConsent(c)).created) created++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, groups.length) }, worker));
      return { created, duplicates: consents.length - created };
    });
  }

  async getConsent(orgId: string, id: string): Promise<Consent | null> {
    return this.run('getConsent', async () => {
      const phone = await this.client.hget(this.keys.org(orgId).consentPhone, id);
      if (!phone) return null;
      const raw = await this.client.hget(this.keys.subject(orgId, phone).consents, id);
      return raw ? (JSON.parse(raw) as Consent) : null;
    });
  }

  async listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    return this.run('listConsents', async () => {
      const entity = q.calling_entity !== undefined ? entityKey(q.calling_entity) : undefined;
      if (q.phone) {
        // One phone: its own ordered list, filtered by entity here (a phone has few consents).
        const s = this.keys.subject(orgId, q.phone);
        let pos = decodeCursor(q.after, isPosition) ?? 0;
        const out: { item: Consent; next: number }[] = [];
        const batch = Math.max(q.limit + 1, 50);
        while (out.length <= q.limit) {
          const ids = await this.client.lrange(s.consentOrder, pos, pos + batch - 1);
          if (!ids.length) break;
          const docs = await this.client.hmget(s.consents, ...ids);
          docs.forEach((d, i) => {
            if (!d) return;
            const c = JSON.parse(d) as Consent;
            if (entity === undefined || entityKey(c.calling_entity) === entity) out.push({ item: c, next: pos + i + 1 });
          });
          pos += ids.length;
          if (ids.length < batch) break;
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
      const phone = await this.client.hget(this.keys.org(orgId).consentPhone, id);
      if (!phone) return null;
      const s = this.keys.subject(orgId, phone);
      for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
        const [raw, head] = await this.script<[string, string]>('cgDocAndHead', [s.consents, s.head], [id]);
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
        const body = consentEventBody(consent, change.event, change.at, change.source);
        const hash = chainHash(head, body);
        const reply = await this.script<Reply>(
          'cgReplaceDoc',
          [s.consents, s.audit, s.head],
          [id, raw, JSON.stringify(consent), head, hash, JSON.stringify({ p: head, h: hash, b: body })],
        );
        if (reply[0] === 1) return { consent, changed: true };
        if (reply[0] === 3) return null;
        // 2 (head moved) or 4 (document changed): read again and recompute.
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
      const [head, queued] = await Promise.all([
        this.client.get(s.head),
        propagate ? this.outbox.queueAhead(r) : Promise.resolve(false),
        network ? this.client.hset(netKey, netField, doc) : Promise.resolve(0),
      ]);
      const reply = await this.appendChained(
        s,
        revocationBody(r),
        (prev, hash, entry) =>
          this.script<Reply>('cgInsertOnce', [s.revocations, s.revocationOrder, s.revocationDedupe, s.audit, s.head], [r.id, r.dedupe_key, doc, prev, hash, entry]),
        head ?? '',
      );
      const created = reply[0] === 1;
      const stored = created ? r : (JSON.parse(reply[1]!) as Revocation);
      const storedDoc = created ? doc : reply[1]!;
      await Promise.all([
        this.client.hset(this.keys.org(r.org_id).revocationPhone, stored.id, stored.phone),
        network ? this.client.hset(netKey, netField, storedDoc) : null,
        propagate ? this.outbox.settle(r, stored, created, queued) : null,
      ]);
      return { revocation: stored, created };
    });
  }

  async getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return this.run('getRevocation', async () => {
      const phone = await this.client.hget(this.keys.org(orgId).revocationPhone, id);
      if (!phone) return null;
      const raw = await this.client.hget(this.keys.subject(orgId, phone).revocations, id);
      return raw ? (JSON.parse(raw) as Revocation) : null;
    });
  }

  async contactFacts(orgId: string, phone: string): Promise<ContactFacts> {
    return this.run('contactFacts', async () => {
      const s = this.keys.subject(orgId, phone);
      const [consents, own, network] = await Promise.all([
        this.script<string[]>('cgDocsInOrder', [s.consents, s.consentOrder]),
        this.script<string[]>('cgDocsInOrder', [s.revocations, s.revocationOrder]),
        this.client.hgetall(this.keys.network(phone)),
      ]);
      const revocations = own.map((d) => JSON.parse(d) as Revocation);
      const seen = new Set(revocations.map((r) => r.dedupe_key));
      for (const [field, d] of Object.entries(network)) {
        const [org, dedupe] = splitOnce(field, '\t');
        // The org's own network-wide opt-outs are already in its list (the stored record wins).
        if (org === orgId && seen.has(dedupe)) continue;
        revocations.push(JSON.parse(d) as Revocation);
      }
      return { consents: consents.map((d) => JSON.parse(d) as Consent), revocations };
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
  async reserveSend(orgId: string, phone: string, r: SendReservation): Promise<ReservationResult> {
    return this.run('reserveSend', async () => {
      const dayKey = this.keys.subject(orgId, phone).daySends(r.entity, r.day);
      const monthKey = this.keys.org(orgId).monthSends(r.month);
      const day = await this.script<number>('cgBoundedIncr', [dayKey], [r.dailyCap, DAY_COUNTER_TTL_S]);
      if (day === 0) {
        // Same precedence as the SQLite engine: a spent quota is reported before the cap.
        if (r.monthlyQuota !== null && Number((await this.client.get(monthKey)) ?? 0) >= r.monthlyQuota) return 'quota_exceeded';
        return 'frequency_cap';
      }
      const month = await this.script<number>('cgBoundedIncr', [monthKey], [r.monthlyQuota ?? -1, MONTH_COUNTER_TTL_S]);
      if (month === 0) {
        await this.script('cgRelease', [dayKey]).catch(() => undefined);
        return 'quota_exceeded';
      }
      return 'reserved';
    });
  }

  // ---- decisions ------------------------------------------------------------

  async recordDecision(d: Decision): Promise<void> {
    await this.run('recordDecision', async () => {
      const s = this.keys.subject(d.org_id, d.phone);
      const o = this.keys.org(d.org_id);
      const at = ms(d.decided_at);
      const cutoff = this.retentionS ? String(at - this.retentionS * 1000) : '';
      const [seq, head] = await Promise.all([
        this.script<number>('cgDecisionIndex', [o.decisionSeq, o.decisionPhone(d.id), o.decisionsByTime], [d.id, d.phone, at, this.retentionS, cutoff]),
        this.client.get(s.head),
      ]);
      const doc = JSON.stringify(d);
      const member = `${seqMember(Number(seq))}|${d.id}`;
      await this.appendChained(
        s,
        decisionBody(d),
        (prev, hash, entry) =>
          this.script<Reply>('cgDecision', [s.decision(d.id), s.decisionsByTime, s.audit, s.head], [doc, this.retentionS, at, member, cutoff, prev, hash, entry]),
        head ?? '',
      );
    });
  }

  async getDecision(orgId: string, id: string): Promise<Decision | null> {
    return this.run('getDecision', async () => {
      const phone = await this.client.get(this.keys.org(orgId).decisionPhone(id));
      if (!phone) return null;
      const raw = await this.client.get(this.keys.subject(orgId, phone).decision(id));
      return raw ? (JSON.parse(raw) as Decision) : null;
    });
  }

  async listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    return this.run('listDecisions', async () => {
      const min = q.from ? String(ms(q.from)) : '-inf';
      const max = q.to ? '(' + ms(q.to) : '+inf';
      if (q.phone) {
        const s = this.keys.subject(orgId, q.phone);
        return pageByScore<Decision>(this.client, s.decisionsByTime, min, max, q.after, q.limit, async (members) => {
          if (!members.length) return [];
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

  async auditTrail(orgId: string, phone: string): Promise<AuditEntry[]> {
    const raw = await this.run('auditTrail', () => this.client.lrange(this.keys.subject(orgId, phone).audit, 0, -1));
    return raw.map((line, i) => {
      const { p, h, b } = JSON.parse(line) as { p: string; h: string; b: AuditBody };
      return { seq: i + 1, org_id: orgId, phone, kind: b.kind, ref_id: b.ref_id, at: b.at, prev_hash: p, hash: h, body: b as unknown as Record<string, unknown> };
    });
  }

  // ---- outbox (outbox.ts) -------------------------------------------------

  async dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.run('dueOutbox', () => this.outbox.due(ms(now), limit));
  }

  async ackOutbox(id: string): Promise<void> {
    await this.run('ackOutbox', () => this.outbox.ack(id));
  }

  async retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    await this.run('retryOutbox', () => this.outbox.retry(id, ms(nextAttemptAt)));
  }
}
