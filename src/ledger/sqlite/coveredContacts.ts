/**
 * The covered-contact count in SQLite (state frequency caps): one row per allowed covered
 * contact, keyed by subject, entity and instant. It is read and written inside the decision's
 * savepoint of the turn's transaction (BEGIN IMMEDIATE: another process waits for the write
 * lock), so the count a decision is made on is the count it adds to. Rows older than any window
 * still in use are deleted as the subject's entity is written; the retention job deletes the
 * rest (they name the phone).
 */
import type Database from 'better-sqlite3';
import type { CoveredContactWindow, CoveredFacts } from '../ledger';
import { NOT_COVERED } from '../coveredDecision';
import type { SqliteEmergencies } from './emergencies';

const ms = (iso: string) => Date.parse(iso);

export class SqliteCoveredContacts {
  private readonly countIn: Database.Statement<[string, string, string, number, number], { n: number }>;
  private readonly insert: Database.Statement<[string, string, string, number, string]>;
  private readonly forget: Database.Statement<[string, string, string, number]>;

  constructor(
    db: Database.Database,
    private readonly emergencies: SqliteEmergencies,
  ) {
    this.countIn = db.prepare(
      'SELECT count(*) AS n FROM covered_contacts WHERE org_id = ? AND phone = ? AND entity_key = ? AND at_ms > ? AND at_ms <= ?',
    );
    this.insert = db.prepare('INSERT OR IGNORE INTO covered_contacts (org_id, phone, entity_key, at_ms, decision_id) VALUES (?, ?, ?, ?, ?)');
    this.forget = db.prepare('DELETE FROM covered_contacts WHERE org_id = ? AND phone = ? AND entity_key = ? AND at_ms < ?');
  }

  /** The covered facts of a contact: its count and the org's emergencies in force; nothing read when it is not covered. */
  read(orgId: string, phone: string, entity: string, window: CoveredContactWindow | undefined): CoveredFacts {
    if (!window) return NOT_COVERED;
    return {
      coveredContactsInWindow: this.countIn.get(orgId, phone, entity, ms(window.since), ms(window.at))?.n ?? 0,
      emergencies: this.emergencies.activeAt(orgId, window.at),
    };
  }

  /** Counts one allowed covered contact (the decision's id keeps two at one instant apart); run in the decision's savepoint. */
  add(orgId: string, phone: string, entity: string, window: CoveredContactWindow, decisionId: string): void {
    this.forget.run(orgId, phone, entity, ms(window.forgetBefore));
    this.insert.run(orgId, phone, entity, ms(window.at), decisionId);
  }
}

/** The retention job's part: rows before the cutoff name the phone and no window still needs them. */
export function forgetCoveredContactsBefore(db: Database.Database, cutoffIso: string): void {
  db.prepare('DELETE FROM covered_contacts WHERE at_ms < ?').run(ms(cutoffIso));
}
