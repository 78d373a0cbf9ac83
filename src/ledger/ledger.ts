/**
 * The ledger: the only code that touches storage. One interface, several
 * engines (SQLite embedded, Redis shared); every engine passes the contract
 * suite in `ledger/contract.ts`.
 *
 * Rules every engine keeps:
 * - A write has returned only once it is committed; `recordRevocation` and
 *   `captureConsent` are committed durably (fsync) before they resolve.
 * - Each consent, consent change, revocation and decision appends one entry
 *   to the audit chain of its (org, phone) subject in the same atomic step.
 * - A record of another org is invisible: lookups take the org id and answer
 *   null rather than someone else's record.
 * - Store failures reject with `LedgerUnavailableError` so callers fail closed.
 */
import { createHmac } from 'node:crypto';
import type { CallCarrier, CallEvent } from '../domain/calls/events';
import type { ConsentStatusChange } from '../domain/consentStatus';
import type { ApiKey, AuditEntry, Consent, Decision, Org, Revocation } from '../domain/records';
import type { CoveredContactWindow } from '../domain/stateLaw/coveredContacts';
import type { ActiveEmergency, StateOfEmergency } from '../domain/stateLaw/emergencies';
import { SUPPRESSION_KEY_PREFIX } from '../domain/suppressionKey';
import type { ConsentWrite } from './consentWrite';
import type { ConsoleSessionRecord, ConsoleSessionTouch } from './consoleSessions';
import type { DailyCount, HonorByQuery } from './dailyCounts';

export type { ConsoleSessionRecord, ConsoleSessionTouch } from './consoleSessions';
export type { DailyCount, HonorByQuery } from './dailyCounts';

// The records live in the domain; re-exported so the engines keep one import.
export type { ApiKey, Org } from '../domain/records';
export { isSuppressionKey, SUPPRESSION_KEY_PREFIX } from '../domain/suppressionKey';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `after` for the next page. Null on the last page. */
  next_cursor: string | null;
}

export interface ConsentQuery {
  phone?: string;
  /** Matched with `entityKey` (case-insensitive, trimmed). */
  calling_entity?: string;
  after?: string;
  limit: number;
}

export interface DecisionQuery {
  phone?: string;
  from?: string;
  to?: string;
  after?: string;
  limit: number;
}

/** A call as the ledger indexes it: enough to find its events, list it, and name its subject. */
export interface CallRef {
  call_id: string;
  org_id: string;
  carrier: CallCarrier;
  carrier_call_id: string;
  /** The consumer: the subject whose chain the call's events are on (a suppression key once anonymised). */
  phone: string;
  /** The earliest event's time recorded so far. */
  started_at: string;
}

/** Calls listed by start time (`from` inclusive, `to` exclusive), optionally of one phone. */
export interface CallQuery {
  phone?: string;
  from?: string;
  to?: string;
  after?: string;
  limit: number;
}

export interface ContactFacts {
  /** Every consent of the org for the phone (any entity, any status). */
  consents: Consent[];
  /** The org's revocations for the phone, plus every `all`-scope revocation of the phone from any org or peer. */
  revocations: Revocation[];
}

/**
 * What a covered contact (state law: a telemarketing call, a marketing or mixed text) is also
 * decided on: the allowed covered contacts to the phone from the entity in the window before it,
 * calls and texts together, and the org's states of emergency in force at its time. Both are
 * read only when the keys name a covered window; otherwise 0 and [].
 */
export interface CoveredFacts {
  coveredContactsInWindow: number;
  emergencies: ActiveEmergency[];
}

export type { CoveredContactWindow } from '../domain/stateLaw/coveredContacts';
export type { ActiveEmergency, StateOfEmergency } from '../domain/stateLaw/emergencies';

/** Where a precall is counted: its entity, and its covered-contact window when the call is a covered one. */
export interface CallKeys {
  /** `entityKey` of the caller. */
  entity: string;
  covered?: CoveredContactWindow;
}

/** What a precall is decided on: the contact's records and, for a covered call, its covered facts, read together. */
export interface CallFacts extends ContactFacts, CoveredFacts {}

/**
 * A precall's decision, with the cap on covered contacts it holds the call to (the strictest state
 * cap of the consumer's jurisdictions; null: none applies). An engine that counts apart from the read
 * (Redis) counts under that cap, so racing calls cannot pass it.
 */
export interface CallVerdict {
  decision: Decision;
  coveredLimit: number | null;
}

/** Decides a precall from its facts; `decideCall` may ask more than once (see there), so it must not act, only answer. */
export type CallDecider = (facts: CallFacts) => CallVerdict;

export interface SendCounterKeys {
  /** `entityKey` of the sender. */
  entity: string;
  /** Present when the text is a covered one: its covered-contact count is read, and an allowed text counted. */
  covered?: CoveredContactWindow;
  /** Recipient-local calendar day, YYYY-MM-DD. */
  day: string;
  /** UTC month, YYYY-MM. */
  month: string;
}

export interface SendReservation extends SendCounterKeys {
  dailyCap: number;
  monthlyQuota: number | null;
}

export type ReservationResult = 'reserved' | 'frequency_cap' | 'quota_exceeded';

/** What a pre-send is decided on: the org, the contact's records and the send counts, read together. */
export interface SendFacts extends ContactFacts, CoveredFacts {
  org: Org | null;
  sentToday: number;
  sentThisMonth: number;
}

/** A pre-send's decision; one that allows the text names the limits its send is counted under. */
export interface SendVerdict {
  decision: Decision;
  /**
   * Present when the decision allows the text: one send is counted, under these limits; a covered
   * text also under `coveredLimit`, the strictest state cap on covered contacts (null or absent: none
   * applies, and the text is still counted).
   */
  limits?: { dailyCap: number; monthlyQuota: number | null; coveredLimit?: number | null };
}

/** Decides a pre-send from its facts; `decideSend` may ask twice (see there), so it must not act, only answer. */
export type SendDecider = (facts: SendFacts) => SendVerdict;

/** A consent's status change: the rule of what it does is in the domain (consentStatus.ts). */
export type { ConsentStatusChange };

export interface OutboxMessage {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  next_attempt_at: string;
}

/**
 * How the phone of an anonymised record is stored: a keyed hash
 * (HMAC-SHA256 under RETENTION_SECRET), never a bare SHA — there are only
 * ~10^10 US numbers, so an unkeyed hash is reversed by trying them all.
 *
 * An engine opened with a keying finds a subject under both its phone and
 * its key: `contactFacts` returns anonymised revocations too (an opted-out
 * number stays blocked), `auditTrail` returns one chain across both keys
 * ordered by seq, and an append whose subject's chain head was moved to the
 * key continues that chain (and moves the head back to the phone).
 */
export interface SuppressionKeying {
  /** `hmac:` + hex HMAC-SHA256(secret, phone). */
  keyOf(phone: string): string;
  /** Names the secret without revealing it: a store anonymised under one secret refuses to open under another. */
  keyId: string;
}

export function suppressionKeying(secret: string): SuppressionKeying {
  const mac = (s: string) => createHmac('sha256', secret).update(s).digest('hex');
  return {
    keyOf: (phone) => SUPPRESSION_KEY_PREFIX + mac(phone),
    keyId: mac('consent-gate suppression key id').slice(0, 16),
  };
}

/** What `anonymiseBefore` changed. */
export interface AnonymiseResult {
  consents: number;
  revocations: number;
  decisions: number;
  audit_entries: number;
  /** Call events whose transcript was erased and phone keyed. */
  call_events: number;
}

/** One audit chain: its subject (a phone, or a suppression key once anonymised in full) and its head hash. */
export interface AuditSubject {
  org_id: string;
  phone: string;
  head: string;
}

export interface Ledger {
  readonly engine: string;
  /** Resolves when the store answers; rejects with LedgerUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;

  createOrg(org: Org): Promise<void>;
  getOrg(orgId: string): Promise<Org | null>;
  /**
   * False, and nothing stored, when the key names a parent that is not its org's or is revoked
   * (checked atomically with the insert, so a key cannot be made from one being revoked and
   * outlive it), or (Redis) when a key with the same hash exists.
   */
  createApiKey(key: ApiKey): Promise<boolean>;
  findApiKeyByHash(hash: string): Promise<ApiKey | null>;
  /** The org's key by its id (revoked ones too); null when it is not the org's. Read from the key's own record, as revocation writes it first. */
  getApiKey(orgId: string, keyId: string): Promise<ApiKey | null>;
  listApiKeys(orgId: string): Promise<ApiKey[]>;
  /**
   * Null when the key is not the org's. Revoking twice keeps the first time. Every key made from
   * it (`parent_key_id`), and every key made from those, is revoked with it, at the same time.
   */
  revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null>;

  /** Idempotent on (org, dedupe_key): the same capture twice returns the first record, created=false. */
  captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }>;
  /** Many at once (bulk import), serialised ahead by `consentWrite`; one transaction per call where the engine has them. */
  captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }>;
  getConsent(orgId: string, id: string): Promise<Consent | null>;
  listConsents(orgId: string, query: ConsentQuery): Promise<Page<Consent>>;
  /** Null when not the org's. A change to the status it already has writes nothing (changed=false). */
  changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null>;

  /** Idempotent on (org, dedupe_key). Durable before it resolves. Scope `all` also queues a network outbox message. */
  recordRevocation(revocation: Revocation): Promise<{ revocation: Revocation; created: boolean }>;
  getRevocation(orgId: string, id: string): Promise<Revocation | null>;

  /**
   * The org's daily counts (dailyCounts.ts) for UTC days in [fromDay, toDay], by day then name:
   * maintained as decisions and revocations are stored, never counted from the records on a read.
   */
  dailyCounts(orgId: string, fromDay: string, toDay: string): Promise<DailyCount[]>;
  /** The org's revocations whose honor-by date is in [from, to), soonest first, at most `limit`; read through an index. */
  revocationsByHonorBy(orgId: string, query: HonorByQuery): Promise<Revocation[]>;

  contactFacts(orgId: string, phone: string): Promise<ContactFacts>;
  sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }>;
  /**
   * A pre-send in one step: reads the facts, asks `decide`, and stores its decision; a decision
   * that allows the text also counts one send, atomically under its limits, so racing senders
   * cannot pass them. Resolves to the decision stored, once it is stored.
   *
   * SQLite reads, decides, counts and stores in one savepoint of the turn's transaction: the
   * facts are the ones the count is made on, `decide` is asked once, and nothing is kept if any
   * part fails. Redis reads the facts (one round trip), then counts with a script: if racing
   * senders took the last unit in between, `decide` is asked again with the count at that limit,
   * and its refusal is stored instead; a decision that fails to store after its send was counted
   * leaves the send counted (fail closed: a lost send, never one over a limit).
   */
  decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision>;

  /**
   * A precall in one step, as `decideSend` for a text: reads the facts, asks `decide`, and stores
   * its decision; an allowed call with a covered window (`keys.covered`) also adds its instant to
   * the covered-contact count, atomically with the count it was decided on, so racing callers
   * cannot both take the last unit under a state cap.
   *
   * SQLite does it all in one savepoint of the turn's transaction. Redis reads the facts (one
   * round trip), finds the count at which `decide` stops allowing the contact (by asking it: the
   * decider names no limit), then counts with a script under that limit: if racing contacts took
   * the last unit in between, `decide` is asked again with the count at the limit and its refusal
   * is stored instead. A decision that fails to store after its instant was added leaves it
   * counted (fail closed). Either way the decision stored is the one `decide` answered last.
   */
  decideCall(orgId: string, phone: string, keys: CallKeys, decide: CallDecider): Promise<Decision>;

  /** Declares a state of emergency for the org (id fresh, `ended_at` null). */
  declareEmergency(emergency: StateOfEmergency): Promise<void>;
  /** The org's emergencies, ended ones too, in the order they were declared. */
  listEmergencies(orgId: string): Promise<StateOfEmergency[]>;
  /** Ends one (null when not the org's); ending it again keeps the first time. */
  endEmergency(orgId: string, id: string, at: string): Promise<StateOfEmergency | null>;
  /** The org's emergencies in force at `at`: not ended, and `at` within [from, to). */
  activeEmergencies(orgId: string, at: string): Promise<ActiveEmergency[]>;

  recordDecision(decision: Decision): Promise<void>;
  getDecision(orgId: string, id: string): Promise<Decision | null>;
  listDecisions(orgId: string, query: DecisionQuery): Promise<Page<Decision>>;

  /**
   * Stores one event of a call and appends its audit entry to the consumer's chain, in one atomic
   * step; indexes the call by its id, the carrier's id, its start time and phone. Idempotent on
   * (org, call, event key): a redelivered event writes nothing (created=false). Events of one call
   * may be written by several instances at once; each is kept.
   */
  recordCallEvent(event: CallEvent): Promise<{ created: boolean }>;
  /** The call by our id (`call_…`) or the carrier's; null when it is not the org's. */
  findCall(orgId: string, id: string): Promise<CallRef | null>;
  /** Every stored event of the call (any order; `foldCallRecord` orders them); null when it is not the org's. */
  callEvents(orgId: string, id: string): Promise<{ call: CallRef; events: CallEvent[] } | null>;
  /** The org's calls by start time, oldest first, paged. */
  listCalls(orgId: string, query: CallQuery): Promise<Page<CallRef>>;

  /** The subject's audit chain, oldest first (with a suppression keying: the entries under the phone and its key, by seq). */
  auditTrail(orgId: string, phone: string): Promise<AuditEntry[]>;

  /**
   * Every audit chain of the store (all orgs), one per subject, paged; for
   * `consent-gate audit verify`.
   */
  auditSubjects(query: { after?: string; limit: number }): Promise<Page<AuditSubject>>;

  /**
   * The retention job, for records older than `cutoffIso`:
   * erases personal data — revocation transcripts and audio URLs, consent
   * evidence text/ip/user_agent, decision request metadata — and replaces
   * the phone of revocations, decisions, ended consents and audit entries
   * with its suppression key. Consents still in force keep their phone (it
   * is what allows a call). Audit entry bodies are never touched: they commit
   * to a digest of the personal data, so every chain still verifies.
   * Idempotent; rejects when the engine was opened without a keying.
   */
  anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult>;

  /**
   * Marks a carrier webhook (its event key) as acted on; true the first time
   * the key is offered, false while it is remembered. Atomic across
   * instances: of two racing marks exactly one is first. A key is remembered
   * for `ttlSeconds` from its first mark (by the store's clock), then
   * forgotten, so the record stays bounded.
   */
  markWebhookSeen(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a mark (acting on the webhook failed, so a redelivery must act). */
  forgetWebhookSeen(key: string): Promise<void>;

  /**
   * Keeps a small value under `key` for `ttlSeconds` (by the store's clock),
   * replacing any value held there: what a carrier must be told later in a
   * call, too long or too secret to ride in the URLs the carrier echoes back.
   */
  holdValue(key: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * The value held under `key`, removed in the same step: of instances racing
   * to take it exactly one gets it. Null when nothing is held (never held,
   * already taken, or expired).
   */
  takeHeldValue(key: string): Promise<string | null>;

  /**
   * Console sessions (consoleSessions.ts). A session is kept until its `expires_at` (by the
   * caller's clock, passed as `at`); the store deletes it then or at its next lookup.
   */
  createConsoleSession(session: ConsoleSessionRecord): Promise<void>;
  /**
   * The session live at `at`, or null (none, ended, or expired, and then deleted). `touch` is asked
   * with it and may name times to store for this use; they are stored only while the session still
   * exists, so a touch racing a sign-out on another instance never brings the session back (null then).
   */
  findConsoleSession(idHash: string, at: string, touch: ConsoleSessionTouch): Promise<ConsoleSessionRecord | null>;
  /** Ends one session, wherever it was made; ending an unknown one does nothing. */
  endConsoleSession(idHash: string): Promise<void>;
  /** Ends every session made from the key; answers how many it ended. */
  endConsoleSessionsOfKey(orgId: string, keyId: string): Promise<number>;

  /** Messages due for delivery (next_attempt_at ≤ now), oldest first. */
  dueOutbox(now: string, limit: number): Promise<OutboxMessage[]>;
  ackOutbox(id: string): Promise<void>;
  retryOutbox(id: string, nextAttemptAt: string): Promise<void>;
}

// The engines throw it and name it from here; it is defined, with its code, in the error registry.
export { LedgerUnavailableError } from '../errors';
