/**
 * The shared engine: many gateway instances on one Redis (or a Redis
 * Cluster, or a master behind Sentinel). This class is the engine's face:
 * it opens and closes the connection and turns every failure into
 * LedgerUnavailableError; each concern lives in a file of its own (consents,
 * revocations, contactFacts, sends, decisions, calls, audit, apiKeys, retention,
 * outbox, consoleSessions), over what they share (store.ts). Key layout in keys.ts, the
 * atomic steps in scripts/, connection and fault behaviour in connection.ts.
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
 * Anonymised subjects (retention.ts): opened with a
 * `SuppressionKeying`, every lookup by phone also reads the slot of the
 * phone's suppression key (`{org:hmac:…}`, `{net:hmac:…}`), where the
 * retention job moves old records, and a chain whose head was moved there
 * continues from it.
 */
import type { CallEvent } from '../../domain/calls/events';
import type { AuditEntry, Consent, Decision, Revocation } from '../../domain/records';
import type { Logger } from '../../observability/logger';
import { consentWrite, type ConsentWrite } from '../consentWrite';
import { LedgerConflictError, UnreadableCursorError } from '../../errors';
import {
  LedgerUnavailableError,
  type AnonymiseResult,
  type ApiKey,
  type AuditSubject,
  type ConsentQuery,
  type ConsentStatusChange,
  type ContactFacts,
  type DecisionQuery,
  type Ledger,
  type Org,
  type OutboxMessage,
  type Page,
  type ActiveEmergency,
  type CallDecider,
  type CallFacts,
  type CallKeys,
  type CallQuery,
  type CallRef,
  type ConsoleSessionRecord,
  type ConsoleSessionTouch,
  type SendCounterKeys,
  type SendDecider,
  type SendFacts,
  type StateOfEmergency,
  type SuppressionKeying,
} from '../ledger';
import { keyingToAnonymise, refusalToOpen } from '../retentionKey';
import { callDeciderFor, callLimit, countCovered } from '../coveredDecision';
import { deciderFor, refusedDecision } from '../sendDecision';
import { activeEmergencies, countCoveredContact, coveredCount, coveredFacts, listEmergencies, uncountCoveredContact } from './coveredContacts';
import { declareEmergencyRecord, endEmergencyRecord } from './scripts/emergencies';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './apiKeys';
import { parseKeyDoc } from '../keyDocs';
import * as consoleSessions from './consoleSessions';
import { auditSubjects, readAuditLists, trailFromLists } from './audit';
import { callEvents, findCall, listCalls, recordCallEvent } from './calls';
import { checkDurability, connectBounded, createRedisClient, dataNodes, type DurabilityReport, type RedisClient, type RedisTarget } from './connection';
import { contactFacts } from './contactFacts';
import { changeConsentStatus, getConsent, insertConsent, insertConsents, listConsents } from './consents';
import { getDecision, listDecisions, recordCountedDecision, recordDecision } from './decisions';
import { RedisKeys } from './keys';
import { RedisOutbox } from './outbox';
import { anonymiseBefore } from './retention';
import { getRevocation, recordRevocation } from './revocations';
import { dailyCounts, revocationsByHonorBy } from './dailyCounts';
import type { DailyCount, HonorByQuery } from '../dailyCounts';
import { loadScripts } from './scripts';
import { reserveSend, sendCounts } from './sends';
import { RedisStore } from './store';
import { ms } from './time';

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

export class RedisLedger implements Ledger {
  readonly engine = 'redis';
  readonly keys: RedisKeys;
  private readonly store: RedisStore;
  private readonly outbox: RedisOutbox;
  private closed = false;
  /** Persistence settings of each data node, as read at open. */
  durability: DurabilityReport[] = [];

  private constructor(
    readonly client: RedisClient,
    private readonly options: RedisLedgerOptions,
  ) {
    this.keys = new RedisKeys(options.keyPrefix ?? 'cg:');
    const scripts = loadScripts(client);
    const retentionS = options.decisionRetentionDays ? Math.round(options.decisionRetentionDays * 86_400) : 0;
    this.store = new RedisStore(client, this.keys, scripts, options.suppression, retentionS);
    this.outbox = new RedisOutbox(client, this.keys, scripts);
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
    const refusal = refusalToOpen(keyId, options.suppression, 'the Redis ledger');
    if (refusal) {
      client.disconnect();
      throw refusal;
    }
    return ledger;
  }

  /** Every call goes through here: a closed ledger or a failed command is LedgerUnavailableError; the caller's own errors pass. */
  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new LedgerUnavailableError('Redis ledger is closed');
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LedgerUnavailableError || err instanceof LedgerConflictError || err instanceof UnreadableCursorError) throw err;
      throw new LedgerUnavailableError(`Redis ledger ${what} failed: ${(err as Error).message}`, { cause: err });
    }
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

  async createApiKey(key: ApiKey): Promise<boolean> {
    return this.run('createApiKey', () => createApiKey(this.store, key));
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const raw = await this.run('findApiKeyByHash', () => this.client.get(this.keys.apiKeyByHash(hash)));
    return raw ? parseKeyDoc(raw) : null;
  }

  async getApiKey(orgId: string, keyId: string): Promise<ApiKey | null> {
    return this.run('getApiKey', () => getApiKey(this.store, orgId, keyId));
  }

  async listApiKeys(orgId: string): Promise<ApiKey[]> {
    return this.run('listApiKeys', () => listApiKeys(this.store, orgId));
  }

  async revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
    return this.run('revokeApiKey', () => revokeApiKey(this.store, orgId, keyId, at));
  }

  // ---- consents and revocations ---------------------------------------------

  async captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.run('captureConsent', async () => {
      const existing = await insertConsent(this.store, consentWrite(consent));
      return existing === null ? { consent, created: true } : { consent: JSON.parse(existing) as Consent, created: false };
    });
  }

  async captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
    return this.run('captureConsents', () => insertConsents(this.store, consents));
  }

  async getConsent(orgId: string, id: string): Promise<Consent | null> {
    return this.run('getConsent', () => getConsent(this.store, orgId, id));
  }

  async listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    return this.run('listConsents', () => listConsents(this.store, orgId, q));
  }

  async changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null> {
    return this.run('changeConsentStatus', () => changeConsentStatus(this.store, orgId, id, change));
  }

  async recordRevocation(r: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
    return this.run('recordRevocation', () => recordRevocation(this.store, this.outbox, r));
  }

  async getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return this.run('getRevocation', () => getRevocation(this.store, orgId, id));
  }

  async dailyCounts(orgId: string, fromDay: string, toDay: string): Promise<DailyCount[]> {
    return this.run('dailyCounts', () => dailyCounts(this.store, orgId, fromDay, toDay));
  }

  async revocationsByHonorBy(orgId: string, q: HonorByQuery): Promise<Revocation[]> {
    return this.run('revocationsByHonorBy', () => revocationsByHonorBy(this.store, orgId, q));
  }

  async contactFacts(orgId: string, phone: string): Promise<ContactFacts> {
    return this.run('contactFacts', () => contactFacts(this.store, orgId, phone));
  }

  // ---- sends and decisions --------------------------------------------------

  async sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }> {
    return this.run('sendCounts', () => sendCounts(this.store, orgId, phone, keys));
  }

  // The facts in one round trip, the count in a script of its own; two slots and a chain append,
  // so no single script spans them (see Ledger.decideSend for what a race or a failure leaves).
  async decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision> {
    const ask = deciderFor(orgId, phone, decide);
    const [org, contact, counts, covered] = await Promise.all([
      this.getOrg(orgId),
      this.contactFacts(orgId, phone),
      this.sendCounts(orgId, phone, keys),
      this.run('coveredFacts', () => coveredFacts(this.store, orgId, phone, keys.entity, keys.covered)),
    ]);
    let facts: SendFacts = { org, ...contact, ...counts, ...covered };
    let verdict = ask(facts);
    const window = keys.covered;
    // The covered contact first (the subject's slot), then the send counters: a text they refuse takes its contact back.
    if (window) {
      ({ facts, verdict } = await countCovered(
        facts,
        verdict,
        (v) => (v.limits ? (v.limits.coveredLimit ?? null) : undefined),
        ask,
        (limit, v) => this.run('countCovered', () => countCoveredContact(this.store, orgId, phone, keys.entity, window, limit, v.decision.id)),
      ));
    }
    let decision = verdict.decision;
    if (verdict.limits) {
      const limits = verdict.limits;
      const result = await this.run('reserveSend', () => reserveSend(this.store, orgId, phone, { ...keys, ...limits }));
      if (result !== 'reserved') {
        // Left counted if this fails: a contact too many (a later one refused), never one too few.
        if (window) await uncountCoveredContact(this.store, orgId, phone, keys.entity, decision.id).catch(() => undefined);
        decision = refusedDecision(ask, facts, result, limits);
      }
    }
    await this.recordDecision(decision);
    return decision;
  }

  // The facts in one round trip; an allowed covered call is counted by the script that writes its
  // decision (the subject's slot holds both), so counting adds no round trip (see Ledger.decideCall).
  async decideCall(orgId: string, phone: string, keys: CallKeys, decide: CallDecider): Promise<Decision> {
    const ask = callDeciderFor(orgId, phone, decide);
    const [contact, covered] = await Promise.all([
      this.contactFacts(orgId, phone),
      this.run('coveredFacts', () => coveredFacts(this.store, orgId, phone, keys.entity, keys.covered)),
    ]);
    const facts: CallFacts = { ...contact, ...covered };
    let verdict = ask(facts);
    const window = keys.covered;
    let recorded = false;
    if (window) {
      const coveredKey = this.keys.subject(orgId, phone).coveredContacts(keys.entity);
      ({ verdict } = await countCovered(facts, verdict, callLimit, ask, async (limit, v) => {
        const count = coveredCount(window, limit, v.decision.id);
        const result = await this.run('recordCountedDecision', () => recordCountedDecision(this.store, v.decision, coveredKey, count));
        recorded = result.counted;
        return result;
      }));
    }
    if (!recorded) await this.recordDecision(verdict.decision);
    return verdict.decision;
  }

  // ---- states of emergency (org slot) ----------------------------------------

  async declareEmergency(e: StateOfEmergency): Promise<void> {
    await this.run('declareEmergency', () => declareEmergencyRecord(this.store.scripts, this.keys.org(e.org_id), e.id, JSON.stringify(e)));
  }

  async listEmergencies(orgId: string): Promise<StateOfEmergency[]> {
    return this.run('listEmergencies', () => listEmergencies(this.store, orgId));
  }

  async endEmergency(orgId: string, id: string, at: string): Promise<StateOfEmergency | null> {
    const raw = await this.run('endEmergency', () => endEmergencyRecord(this.store.scripts, this.keys.org(orgId), id, at));
    return raw ? (JSON.parse(raw) as StateOfEmergency) : null;
  }

  async activeEmergencies(orgId: string, at: string): Promise<ActiveEmergency[]> {
    return this.run('activeEmergencies', () => activeEmergencies(this.store, orgId, Date.parse(at)));
  }

  async recordDecision(d: Decision): Promise<void> {
    await this.run('recordDecision', () => recordDecision(this.store, d));
  }

  async getDecision(orgId: string, id: string): Promise<Decision | null> {
    return this.run('getDecision', () => getDecision(this.store, orgId, id));
  }

  async listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    return this.run('listDecisions', () => listDecisions(this.store, orgId, q));
  }

  // ---- call records (calls.ts) ------------------------------------------------

  async recordCallEvent(event: CallEvent): Promise<{ created: boolean }> {
    return this.run('recordCallEvent', () => recordCallEvent(this.store, event));
  }

  async findCall(orgId: string, id: string): Promise<CallRef | null> {
    return this.run('findCall', () => findCall(this.store, orgId, id));
  }

  async callEvents(orgId: string, id: string): Promise<{ call: CallRef; events: CallEvent[] } | null> {
    return this.run('callEvents', () => callEvents(this.store, orgId, id));
  }

  async listCalls(orgId: string, q: CallQuery): Promise<Page<CallRef>> {
    return this.run('listCalls', () => listCalls(this.store, orgId, q));
  }

  // ---- audit and retention --------------------------------------------------

  async auditTrail(orgId: string, phone: string): Promise<AuditEntry[]> {
    const lists = await this.run('auditTrail', () => readAuditLists(this.store, orgId, phone));
    return trailFromLists(this.store, orgId, phone, lists);
  }

  async auditSubjects(query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
    return this.run('auditSubjects', () => auditSubjects(this.store, query));
  }

  /** The retention job (retention.ts); rejects without a keying. */
  async anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult> {
    const keying = keyingToAnonymise(this.options.suppression);
    const cutoffMs = Date.parse(cutoffIso);
    if (Number.isNaN(cutoffMs)) throw new Error(`not a timestamp: ${cutoffIso}`);
    return this.run('anonymiseBefore', () =>
      anonymiseBefore(
        {
          client: this.client,
          keys: this.keys,
          run: this.store.scripts,
          keying,
          graceMs: this.options.retentionGraceMs ?? 2 * this.options.commandTimeoutMs + 1000,
          decisionRetentionS: this.store.decisionRetentionS,
          outbox: this.outbox,
        },
        cutoffMs,
      ),
    );
  }

  // ---- console sessions (consoleSessions.ts) ---------------------------------

  async createConsoleSession(s: ConsoleSessionRecord): Promise<void> {
    await this.run('createConsoleSession', () => consoleSessions.createConsoleSession(this.store, s));
  }

  async findConsoleSession(idHash: string, at: string, touch: ConsoleSessionTouch): Promise<ConsoleSessionRecord | null> {
    return this.run('findConsoleSession', () => consoleSessions.findConsoleSession(this.store, idHash, at, touch));
  }

  async endConsoleSession(idHash: string): Promise<void> {
    await this.run('endConsoleSession', () => consoleSessions.endConsoleSession(this.store, idHash));
  }

  async endConsoleSessionsOfKey(orgId: string, keyId: string): Promise<number> {
    return this.run('endConsoleSessionsOfKey', () => consoleSessions.endConsoleSessionsOfKey(this.store, orgId, keyId));
  }

  // ---- outbox (outbox.ts) and webhook replay marks ---------------------------

  async dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.run('dueOutbox', () => this.outbox.due(ms(now), limit));
  }

  async ackOutbox(id: string): Promise<void> {
    await this.run('ackOutbox', () => this.outbox.ack(id));
  }

  async retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    await this.run('retryOutbox', () => this.outbox.retry(id, ms(nextAttemptAt)));
  }

  async markWebhookSeen(key: string, ttlSeconds: number): Promise<boolean> {
    return this.run('markWebhookSeen', async () => (await this.client.set(this.keys.webhookSeen(key), '1', 'EX', ttlSeconds, 'NX')) === 'OK');
  }

  async forgetWebhookSeen(key: string): Promise<void> {
    await this.run('forgetWebhookSeen', () => this.client.del(this.keys.webhookSeen(key)));
  }

  async holdValue(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.run('holdValue', () => this.client.set(this.keys.heldValue(key), value, 'EX', ttlSeconds));
  }

  async takeHeldValue(key: string): Promise<string | null> {
    // GET and DEL in one MULTI (one key, one slot): of racing takers exactly one reads the value. GETDEL would need Redis 6.2.
    const k = this.keys.heldValue(key);
    return this.run('takeHeldValue', async () => {
      const replies = await this.client.multi().get(k).del(k).exec();
      const [err, value] = replies?.[0] ?? [null, null];
      if (err) throw err;
      return typeof value === 'string' ? value : null;
    });
  }
}
