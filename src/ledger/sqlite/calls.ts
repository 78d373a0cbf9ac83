/**
 * Call records in SQLite: each event a row keyed by (org, call, event key), written with its audit
 * entry in one savepoint of the turn's transaction (as decisions are: an event is written while a
 * call is live, so it takes no fsync of its own), and one row per call indexing it by the
 * carrier's id, its start and its phone.
 */
import type Database from 'better-sqlite3';
import type { CallEvent } from '../../domain/calls/events';
import { auditText, callEventBody } from '../auditChain';
import { decodeCursor } from '../cursor';
import { anonymiseCallEvent } from '../../domain/retention';
import type { CallQuery, CallRef, Page, SuppressionKeying } from '../ledger';
import { pageOf } from './rows';
import type { SqliteStore } from './store';
import { appendAudit } from './subjectAudit';

/** Migration 5: a call's index row and its events. */
export const CALL_TABLES = `
CREATE TABLE IF NOT EXISTS calls (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  carrier TEXT NOT NULL,
  carrier_call_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS calls_carrier_id ON calls (org_id, carrier_call_id);
CREATE INDEX IF NOT EXISTS calls_by_time ON calls (org_id, started_at, id);
CREATE INDEX IF NOT EXISTS calls_by_phone ON calls (org_id, phone, started_at, id);

CREATE TABLE IF NOT EXISTS call_events (
  org_id TEXT NOT NULL,
  call_id TEXT NOT NULL,
  key TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (org_id, call_id, key)
) WITHOUT ROWID;
`;

type CallRow = Omit<CallRef, 'call_id'> & { id: string };

const refOf = ({ id, ...rest }: CallRow): CallRef => ({ call_id: id, ...rest });

/** A listing's position: the last call's (started_at, id). */
const isCallPosition = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');

export class SqliteCalls {
  private readonly insertEvent: Database.Statement;
  private readonly upsertCall: Database.Statement;
  private readonly byId: Database.Statement<[string, string], CallRow>;
  private readonly byCarrierId: Database.Statement<[string, string], CallRow>;
  private readonly eventsOf: Database.Statement<[string, string], { data: string }>;
  private readonly byTime: Database.Statement<[string, string, string, string, string, number], CallRow>;
  private readonly byPhone: Database.Statement<[string, string, string, string, string, string, string, number], CallRow>;

  constructor(private readonly store: SqliteStore) {
    const { db } = store;
    this.insertEvent = db.prepare('INSERT INTO call_events (org_id, call_id, key, at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    // The call starts at its earliest event, whichever instance or delivery order brought it.
    this.upsertCall = db.prepare(
      `INSERT INTO calls (org_id, id, carrier, carrier_call_id, phone, started_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (org_id, id) DO UPDATE SET started_at = min(calls.started_at, excluded.started_at)`,
    );
    this.byId = db.prepare('SELECT * FROM calls WHERE org_id = ? AND id = ?');
    this.byCarrierId = db.prepare('SELECT * FROM calls WHERE org_id = ? AND carrier_call_id = ? LIMIT 1');
    this.eventsOf = db.prepare('SELECT data FROM call_events WHERE org_id = ? AND call_id = ?');
    this.byTime = db.prepare(
      `SELECT * FROM calls INDEXED BY calls_by_time WHERE org_id = ? AND started_at >= ? AND started_at < ? AND (started_at, id) > (?, ?)
       ORDER BY started_at, id LIMIT ?`,
    );
    this.byPhone = db.prepare(
      `SELECT * FROM calls WHERE org_id = ? AND phone IN (?, ?) AND started_at >= ? AND started_at < ? AND (started_at, id) > (?, ?)
       ORDER BY started_at, id LIMIT ?`,
    );
  }

  recordCallEvent(e: CallEvent): Promise<{ created: boolean }> {
    return this.store.turn.run(() => {
      const written = this.insertEvent.run(e.org_id, e.call_id, e.key, e.at, JSON.stringify(e)).changes === 1;
      if (!written) return { created: false };
      this.upsertCall.run(e.org_id, e.call_id, e.carrier, e.carrier_call_id, e.phone, e.at);
      appendAudit(this.store, e.org_id, e.phone, auditText(callEventBody(e)));
      return { created: true };
    });
  }

  async findCall(orgId: string, id: string): Promise<CallRef | null> {
    const row = this.store.read(() => this.rowOf(orgId, id));
    return row ? refOf(row) : null;
  }

  private rowOf(orgId: string, id: string): CallRow | undefined {
    return this.byId.get(orgId, id) ?? this.byCarrierId.get(orgId, id);
  }

  async callEvents(orgId: string, id: string): Promise<{ call: CallRef; events: CallEvent[] } | null> {
    return this.store.read(() => {
      const row = this.rowOf(orgId, id);
      if (!row) return null;
      const events = this.eventsOf.all(orgId, row.id).map((r) => JSON.parse(r.data) as CallEvent);
      return { call: refOf(row), events };
    });
  }

  async listCalls(orgId: string, q: CallQuery): Promise<Page<CallRef>> {
    const [afterAt, afterId] = decodeCursor(q.after, isCallPosition) ?? ['', ''];
    const from = q.from ?? '';
    const to = q.to ?? '\uffff';
    const rows = this.store.read(() =>
      q.phone === undefined
        ? this.byTime.all(orgId, from, to, afterAt, afterId, q.limit + 1)
        : this.byPhone.all(orgId, q.phone, this.store.altKey(q.phone), from, to, afterAt, afterId, q.limit + 1),
    );
    return pageOf(rows, q.limit, refOf, (last) => [last.started_at, last.id]);
  }
}

/**
 * One batch of the retention job: the calls started before the cutoff whose phone is not yet a key
 * (after `after`, by id) get their events anonymised (the domain's rule) and their row keyed. Runs
 * inside the job's transaction; the audit entries move with the rest of the subject's chain.
 */
export function anonymiseCallsBefore(
  db: Database.Database,
  cutoff: string,
  keying: SuppressionKeying,
  after: [string, string],
): { done: number; next: [string, string] } {
  const calls = db
    .prepare<[string, string, string, number], CallRow>(
      `SELECT * FROM calls WHERE (org_id, id) > (?, ?) AND started_at < ? AND phone NOT LIKE 'hmac:%' ORDER BY org_id, id LIMIT ?`,
    )
    .all(after[0], after[1], cutoff, 200);
  const events = db.prepare<[string, string], { key: string; data: string }>('SELECT key, data FROM call_events WHERE org_id = ? AND call_id = ?');
  const updateEvent = db.prepare('UPDATE call_events SET data = ? WHERE org_id = ? AND call_id = ? AND key = ?');
  const updateCall = db.prepare('UPDATE calls SET phone = ? WHERE org_id = ? AND id = ?');
  let done = 0;
  for (const c of calls) {
    for (const row of events.all(c.org_id, c.id)) {
      const anonymised = anonymiseCallEvent(JSON.parse(row.data) as CallEvent, keying);
      updateEvent.run(JSON.stringify(anonymised), c.org_id, c.id, row.key);
      done++;
    }
    updateCall.run(keying.keyOf(c.phone), c.org_id, c.id);
  }
  const last = calls[calls.length - 1];
  return { done, next: last ? [last.org_id, last.id] : after };
}
