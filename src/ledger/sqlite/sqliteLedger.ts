/**
 * The embedded engine: one SQLite file under DATA_DIR, WAL mode. This class puts its parts
 * together; each concern is a file of its own beside it:
 * - openFile.ts: the file, its pragmas and schema, the checkpoint worker (checkpointer.ts);
 * - statements.ts, rows.ts: the prepared statements, and rows back into records and pages;
 * - store.ts: how a read or a write runs and fails, and the keys a subject is stored under;
 * - subjectAudit.ts: the audit chains, appended in each write's own transaction;
 * - orgsAndKeys.ts, consents.ts, revocations.ts, contactFacts.ts, outbox.ts: the records;
 * - decisionsAndSends.ts: decisions and send counts, one transaction per event-loop turn;
 * - calls.ts: call records (events of a call, indexed by call);
 * - retention.ts: anonymisation; webhookMarks.ts, writeProbe.ts: webhook marks, the write probe;
 * - heldValues.ts: values a carrier adapter keeps for later in a call;
 * - consoleSessions.ts: the console's sign-in sessions.
 *
 * Durability: consents, revocations, keys and orgs commit with
 * `synchronous=FULL` (the WAL is fsynced before the commit returns), so an
 * acknowledged opt-out survives a power cut. Decisions and send counters
 * commit with `synchronous=NORMAL`: in WAL mode that survives a crash of the
 * process (`kill -9`) but not of the machine, and it keeps an fsync off the
 * path that runs before every call and text; they also share one transaction
 * per event-loop turn (group commit, see turnTransaction.ts).
 *
 * better-sqlite3 is synchronous: each method runs to completion before any
 * other request is served, so read-then-write sequences inside one
 * transaction are atomic without locks.
 *
 * Anonymised subjects: opened with a `SuppressionKeying`, every lookup by
 * phone also matches the phone's suppression key (store.ts, `altKey`; the
 * keying itself is in ledger.ts).
 */
import type Database from 'better-sqlite3';
import type { AuditEntry, Consent, Decision, Revocation } from '../../domain/records';
import type { ConsentWrite } from '../consentWrite';
import type {
  AnonymiseResult,
  ApiKey,
  AuditSubject,
  ConsentQuery,
  ConsentStatusChange,
  ContactFacts,
  DecisionQuery,
  Ledger,
  Org,
  OutboxMessage,
  Page,
  ActiveEmergency,
  CallDecider,
  CallQuery,
  CallRef,
  CallKeys,
  ConsoleSessionRecord,
  ConsoleSessionTouch,
  SendCounterKeys,
  SendDecider,
  StateOfEmergency,
} from '../ledger';
import type { CallEvent } from '../../domain/calls/events';
import { SqliteCalls } from './calls';
import type { Checkpointer } from './checkpointer';
import type { DailyCount, HonorByQuery } from '../dailyCounts';
import { SqliteConsents } from './consents';
import { SqliteConsoleSessions } from './consoleSessions';
import { SqliteDailyCounts } from './dailyCounts';
import { readContactFacts } from './contactFacts';
import { groupCommitTurn, SqliteDecisionsAndSends } from './decisionsAndSends';
import { SqliteEmergencies } from './emergencies';
import { openLedgerFile, startBackgroundCheckpoints, type SqliteLedgerOptions } from './openFile';
import { SqliteOrgsAndKeys } from './orgsAndKeys';
import { SqliteOutbox } from './outbox';
import { SqliteRetention } from './retention';
import { SqliteRevocations } from './revocations';
import { prepareStatements } from './statements';
import { SqliteStore } from './store';
import * as audit from './subjectAudit';
import type { TurnTransaction } from './turnTransaction';
import { WebhookMarks } from './webhookMarks';
import { HeldValues } from './heldValues';
import { withShortBusyTimeout, WriteProbe } from './writeProbe';

export type { SqliteLedgerOptions } from './openFile';

export class SqliteLedger implements Ledger {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly store: SqliteStore;
  private readonly checkpointer: Checkpointer | null;
  // Decisions and send reservations of one event-loop turn share a transaction (see turnTransaction.ts).
  private readonly turn: TurnTransaction;
  private readonly orgsAndKeys: SqliteOrgsAndKeys;
  private readonly consents: SqliteConsents;
  private readonly revocations: SqliteRevocations;
  private readonly counts: SqliteDailyCounts;
  private readonly sends: SqliteDecisionsAndSends;
  private readonly emergencies: SqliteEmergencies;
  private readonly calls: SqliteCalls;
  private readonly retention: SqliteRetention;
  private readonly outbox: SqliteOutbox;
  private readonly webhookMarks: WebhookMarks;
  private readonly heldValues: HeldValues;
  private readonly consoleSessions: SqliteConsoleSessions;
  private readonly writeProbe: WriteProbe;

  constructor(options: SqliteLedgerOptions) {
    const { db, consents, legacyDayCountsUntil } = openLedgerFile(options);
    this.db = db;
    const stmt = prepareStatements(db, consents);
    const turn = groupCommitTurn(db);
    this.turn = turn;
    this.checkpointer = startBackgroundCheckpoints(db, options, { hold: () => turn.hold(), release: () => turn.release() });
    this.store = new SqliteStore(db, stmt, turn, options.suppression);
    this.orgsAndKeys = new SqliteOrgsAndKeys(this.store);
    this.consents = new SqliteConsents(this.store);
    this.counts = new SqliteDailyCounts(db);
    this.revocations = new SqliteRevocations(this.store, this.counts);
    this.emergencies = new SqliteEmergencies(this.store);
    this.calls = new SqliteCalls(this.store);
    this.sends = new SqliteDecisionsAndSends(this.store, legacyDayCountsUntil, this.emergencies, this.counts);
    this.retention = new SqliteRetention(this.store, consents);
    this.outbox = new SqliteOutbox(this.store);
    this.webhookMarks = new WebhookMarks(db);
    this.heldValues = new HeldValues(db);
    this.consoleSessions = new SqliteConsoleSessions(this.store);
    this.writeProbe = new WriteProbe(db);
  }

  /** Answers when the file can be read and take a write (writeProbe.ts). */
  async ping(): Promise<void> {
    this.store.read(() => this.db.prepare('SELECT 1').get());
    this.store.read(() => this.writeProbe.check());
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.turn.release();
      this.turn.end();
    }
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
    this.checkpointer?.closeFile();
  }

  createOrg(org: Org): Promise<void> {
    return this.orgsAndKeys.createOrg(org);
  }

  getOrg(orgId: string): Promise<Org | null> {
    return this.orgsAndKeys.getOrg(orgId);
  }

  createApiKey(key: ApiKey): Promise<boolean> {
    return this.orgsAndKeys.createApiKey(key);
  }

  findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    return this.orgsAndKeys.findApiKeyByHash(hash);
  }

  getApiKey(orgId: string, keyId: string): Promise<ApiKey | null> {
    return this.orgsAndKeys.getApiKey(orgId, keyId);
  }

  listApiKeys(orgId: string): Promise<ApiKey[]> {
    return this.orgsAndKeys.listApiKeys(orgId);
  }

  revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
    return this.orgsAndKeys.revokeApiKey(orgId, keyId, at);
  }

  captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.consents.captureConsent(consent);
  }

  captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
    return this.consents.captureConsents(consents);
  }

  getConsent(orgId: string, id: string): Promise<Consent | null> {
    return this.consents.getConsent(orgId, id);
  }

  listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    return this.consents.listConsents(orgId, q);
  }

  changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null> {
    return this.consents.changeConsentStatus(orgId, id, change);
  }

  recordRevocation(revocation: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
    return this.revocations.recordRevocation(revocation);
  }

  getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return this.revocations.getRevocation(orgId, id);
  }

  async dailyCounts(orgId: string, fromDay: string, toDay: string): Promise<DailyCount[]> {
    return this.store.read(() => this.counts.list(orgId, fromDay, toDay));
  }

  async revocationsByHonorBy(orgId: string, q: HonorByQuery): Promise<Revocation[]> {
    return this.store.read(() => this.counts.byHonorBy(orgId, q));
  }

  async contactFacts(orgId: string, phone: string): Promise<ContactFacts> {
    return this.store.read(() => readContactFacts(this.store, orgId, phone));
  }

  sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }> {
    return this.sends.sendCounts(orgId, phone, keys);
  }

  decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision> {
    return this.sends.decideSend(orgId, phone, keys, decide);
  }

  decideCall(orgId: string, phone: string, keys: CallKeys, decide: CallDecider): Promise<Decision> {
    return this.sends.decideCall(orgId, phone, keys, decide);
  }

  declareEmergency(emergency: StateOfEmergency): Promise<void> {
    return this.emergencies.declare(emergency);
  }

  listEmergencies(orgId: string): Promise<StateOfEmergency[]> {
    return this.emergencies.list(orgId);
  }

  endEmergency(orgId: string, id: string, at: string): Promise<StateOfEmergency | null> {
    return this.emergencies.end(orgId, id, at);
  }

  async activeEmergencies(orgId: string, at: string): Promise<ActiveEmergency[]> {
    return this.store.read(() => this.emergencies.activeAt(orgId, Date.parse(at)));
  }

  recordDecision(d: Decision): Promise<void> {
    return this.sends.recordDecision(d);
  }

  getDecision(orgId: string, id: string): Promise<Decision | null> {
    return this.sends.getDecision(orgId, id);
  }

  listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    return this.sends.listDecisions(orgId, q);
  }

  recordCallEvent(event: CallEvent): Promise<{ created: boolean }> {
    // A call event is not worth holding the event loop for while another process has the write lock
    // (better-sqlite3 waits synchronously): it gives up soon, and the call goes on without it.
    return withShortBusyTimeout(this.db, () => this.calls.recordCallEvent(event));
  }

  findCall(orgId: string, id: string): Promise<CallRef | null> {
    return this.calls.findCall(orgId, id);
  }

  callEvents(orgId: string, id: string): Promise<{ call: CallRef; events: CallEvent[] } | null> {
    return this.calls.callEvents(orgId, id);
  }

  listCalls(orgId: string, q: CallQuery): Promise<Page<CallRef>> {
    return this.calls.listCalls(orgId, q);
  }

  auditTrail(orgId: string, phone: string): Promise<AuditEntry[]> {
    return audit.auditTrail(this.store, orgId, phone);
  }

  auditSubjects(query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
    return audit.auditSubjects(this.store, query);
  }

  anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult> {
    return this.retention.anonymiseBefore(cutoffIso);
  }

  async markWebhookSeen(key: string, ttlSeconds: number): Promise<boolean> {
    // A mark that cannot be made is answered as a first delivery (the webhook is acted on, an opt-out
    // queued if need be): waiting the full busy timeout for it would only delay that opt-out.
    return withShortBusyTimeout(this.db, () => this.store.write(() => this.webhookMarks.markSeen(key, ttlSeconds, Date.now())));
  }

  async forgetWebhookSeen(key: string): Promise<void> {
    this.store.write(() => this.webhookMarks.forgetSeen(key));
  }

  async holdValue(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.store.write(() => this.heldValues.holdValue(key, value, ttlSeconds, Date.now()));
  }

  async takeHeldValue(key: string): Promise<string | null> {
    return this.store.write(() => this.heldValues.takeValue(key, Date.now()));
  }

  createConsoleSession(session: ConsoleSessionRecord): Promise<void> {
    return this.consoleSessions.create(session);
  }

  findConsoleSession(idHash: string, at: string, touch: ConsoleSessionTouch): Promise<ConsoleSessionRecord | null> {
    return this.consoleSessions.find(idHash, at, touch);
  }

  endConsoleSession(idHash: string): Promise<void> {
    return this.consoleSessions.end(idHash);
  }

  endConsoleSessionsOfKey(orgId: string, keyId: string): Promise<number> {
    return this.consoleSessions.endOfKey(orgId, keyId);
  }

  dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.outbox.dueOutbox(now, limit);
  }

  ackOutbox(id: string): Promise<void> {
    return this.outbox.ackOutbox(id);
  }

  retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    return this.outbox.retryOutbox(id, nextAttemptAt);
  }

  /** For the CLI and tests: the raw database (e.g. to tamper with a row and prove verification catches it). */
  get database(): Database.Database {
    return this.db;
  }
}
