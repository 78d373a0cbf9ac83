/**
 * Decisions and send counts in SQLite: what runs before every call and text. Decisions and send
 * reservations commit with synchronous=NORMAL, which in WAL mode survives a crash of the process
 * (`kill -9`) but not of the machine, and keeps an fsync off that path; those of one event-loop
 * turn share one transaction (group commit, turnTransaction.ts).
 *
 * Counts: a subject's texts of the day ride on its chain-head row (daySends.ts); an org's texts of
 * the month are a send_counters row, counted up by each allowed text in its own savepoint.
 */
import type Database from 'better-sqlite3';
import { decisionJson } from '../../domain/decisionJson';
import type { Decision } from '../../domain/records';
import { auditText, decisionBody } from '../auditChain';
import { decodeCursor, isPosition } from '../cursor';
import { decisionCountName, utcDay } from '../dailyCounts';
import type { SqliteDailyCounts } from './dailyCounts';
import { callDeciderFor } from '../coveredDecision';
import type { CallDecider, CallFacts, CallKeys, DecisionQuery, Org, Page, SendCounterKeys, SendDecider, SendFacts } from '../ledger';
import { deciderFor, limitReached, refusedDecision } from '../sendDecision';
import { readContactFacts } from './contactFacts';
import { readCoveredFacts, withCoveredContact } from './coveredContacts';
import type { SqliteEmergencies } from './emergencies';
import { sentTodayIn, withOneMoreSend } from './daySends';
import { savepointJournalsAsBefore, savepointJournalsInMemory } from './savepointJournals';
import { pageOf, parse, parseData } from './rows';
import type { Statements } from './statements';
import { asLedgerError, CallerFailure, type SqliteStore } from './store';
import { appendAudit, type HeadAsRead } from './subjectAudit';
import { TurnTransaction } from './turnTransaction';

/** A decision listing's position: the last (decided_at, seq) seen. */
const isTimePosition = (v: unknown): v is [string, number] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isPosition(v[1]);

/** Where ledgers made before daySends.ts counted a subject's texts of a day. */
const legacyDayKey = (phone: string, k: SendCounterKeys) => `day:${phone}:${k.entity}:${k.day}`;
const monthKey = (k: SendCounterKeys) => `month:${k.month}`;

const readCounter = (stmt: Statements, orgId: string, key: string): number => stmt.counter.get(orgId, key)?.count ?? 0;

/**
 * The transaction the writes of one event-loop turn share: at synchronous=NORMAL, FULL put back after,
 * with its savepoints' journals in memory (savepointJournals.ts).
 */
export function groupCommitTurn(db: Database.Database): TurnTransaction {
  // Prepared once: every turn with decisions switches the sync level, before every call.
  const syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
  const syncFull = db.prepare('PRAGMA synchronous = FULL');
  const open = () => {
    savepointJournalsInMemory(db);
    syncNormal.run();
  };
  const close = () => {
    syncFull.run();
    savepointJournalsAsBefore(db);
  };
  return new TurnTransaction(db, { onOpen: open, onClose: close, wrap: asLedgerError });
}

export class SqliteDecisionsAndSends {
  /** @param legacyDayCountsUntil the last local day whose texts may also be counted in send_counters' `day:` rows; '' = none */
  constructor(
    private readonly store: SqliteStore,
    private readonly legacyDayCountsUntil: string,
    private readonly emergencies: SqliteEmergencies,
    private readonly dailyCounts: SqliteDailyCounts,
  ) {}

  async sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }> {
    const { sentToday, sentThisMonth } = this.store.read(() => this.counts(orgId, phone, keys));
    return { sentToday, sentThisMonth };
  }

  private counts(orgId: string, phone: string, keys: SendCounterKeys) {
    const row = this.store.stmt.headRow.get(orgId, phone);
    return {
      hash: row?.hash,
      sends: row?.sends,
      covered: row?.covered,
      sentToday: sentTodayIn(row?.sends, keys) + this.legacySentToday(orgId, phone, keys),
      // Inside a turn, with the texts this turn has counted so far.
      sentThisMonth: readCounter(this.store.stmt, orgId, monthKey(keys)),
    };
  }

  /** Texts of the day that a ledger made before daySends.ts counted in send_counters, on the day it moved. */
  private legacySentToday(orgId: string, phone: string, keys: SendCounterKeys): number {
    return keys.day <= this.legacyDayCountsUntil ? readCounter(this.store.stmt, orgId, legacyDayKey(phone, keys)) : 0;
  }

  // One savepoint of the turn for all of it: a pre-send waits for one commit, and its facts are the ones its count is made on.
  decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision> {
    const held = deciderFor(orgId, phone, decide);
    const ask: SendDecider = (facts) => {
      try {
        return held(facts);
      } catch (err) {
        throw new CallerFailure(err);
      }
    };
    return this.store.turn.run(() => {
      const { hash, sends, covered, sentToday, sentThisMonth } = this.counts(orgId, phone, keys);
      const facts: SendFacts = {
        org: parse<Org>(this.store.stmt.getOrg.get(orgId)),
        ...readContactFacts(this.store, orgId, phone),
        ...readCoveredFacts(this.emergencies, orgId, covered, keys.entity, keys.covered),
        sentToday,
        sentThisMonth,
      };
      const verdict = ask(facts);
      // Nothing can come between the read and the count here; a refusal means the decider allowed a send past its own limits.
      const refusal = verdict.limits ? limitReached(facts, verdict.limits) : null;
      if (refusal) {
        const refused = refusedDecision(ask, facts, refusal, verdict.limits!);
        this.insertDecision(refused, { hash, sends: null });
        return refused;
      }
      // The day's count and the covered contacts ride on the subject's chain head, which this decision's audit entry writes.
      this.insertDecision(verdict.decision, {
        hash,
        sends: verdict.limits ? withOneMoreSend(sends, keys) : null,
        covered: verdict.limits && keys.covered ? withCoveredContact(covered, keys.entity, keys.covered) : null,
      });
      // In the text's savepoint: a text whose decision is not stored counts nothing.
      if (verdict.limits) this.store.stmt.bumpCounter.run(orgId, monthKey(keys));
      return verdict.decision;
    });
  }

  recordDecision(d: Decision): Promise<void> {
    return this.store.turn.run(() => this.insertDecision(d));
  }

  /** A precall in one savepoint of the turn (Ledger.decideCall): read, decide, count an allowed covered call, store. */
  decideCall(orgId: string, phone: string, keys: CallKeys, decide: CallDecider): Promise<Decision> {
    const held = callDeciderFor(orgId, phone, decide);
    return this.store.turn.run(() => {
      // The head row is read only for a covered call: it holds the covered contacts, and the append reads it otherwise.
      const head = keys.covered ? this.store.stmt.headRow.get(orgId, phone) : undefined;
      const facts: CallFacts = {
        ...readContactFacts(this.store, orgId, phone),
        ...readCoveredFacts(this.emergencies, orgId, head?.covered, keys.entity, keys.covered),
      };
      let decision: Decision;
      try {
        decision = held(facts).decision;
      } catch (err) {
        throw new CallerFailure(err);
      }
      if (!keys.covered) this.insertDecision(decision);
      else
        this.insertDecision(decision, {
          hash: head?.hash,
          sends: null,
          covered: decision.allowed ? withCoveredContact(head?.covered, keys.entity, keys.covered) : null,
        });
      return decision;
    });
  }

  private insertDecision(d: Decision, head?: HeadAsRead): void {
    this.store.stmt.insertDecision.run(d.id, d.org_id, d.phone, d.decided_at, decisionJson(d));
    this.dailyCounts.bump(d.org_id, utcDay(d.decided_at), decisionCountName(d));
    appendAudit(this.store, d.org_id, d.phone, auditText(decisionBody(d)), head);
  }

  async getDecision(orgId: string, id: string): Promise<Decision | null> {
    return parse<Decision>(this.store.read(() => this.store.stmt.decisionById.get(id, orgId)));
  }

  /**
   * Decisions in (decided_at, seq) order — the Redis engine's order (its index is by time), and
   * the order of decisions_org_time, so a page without a phone is a walk of that index from its
   * cursor. (In seq order every page of a time window read the whole window and sorted it: an
   * export of n decisions cost n²/page.) Decisions have no index by phone (it cost a random page
   * per decision, schema.ts): a subject's are found through its audit trail, which holds one
   * 'decision' entry per decision, and sorted (a subject has few).
   */
  async listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    const { stmt } = this.store;
    const [at, seq] = decodeCursor(q.after, isTimePosition) ?? ['', 0];
    const window = [orgId, q.from ?? '', q.to ?? '\uffff', at, seq] as const;
    const rows = this.store.read(() =>
      q.phone
        ? stmt.decisionsOfSubject.all(orgId, q.phone, this.store.altKey(q.phone), ...window, q.limit + 1)
        : stmt.decisionsInWindow.all(...window, q.limit + 1),
    );
    return pageOf(rows, q.limit, parseData<Decision>, (last) => [last.decided_at, last.seq]);
  }
}
