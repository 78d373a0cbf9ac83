/**
 * Operator-declared states of emergency in SQLite, per org. Declaring and ending commit with
 * synchronous=FULL (the operator is told it is in force only once it is durable); the active ones
 * are read inside a covered decision's own transaction (one index probe on the org).
 */
import type Database from 'better-sqlite3';
import { activeView, type ActiveEmergency, type StateOfEmergency } from '../../domain/stateLaw/emergencies';
import type { SqliteStore } from './store';

const parse = (row: { data: string }) => JSON.parse(row.data) as StateOfEmergency;

export class SqliteEmergencies {
  private readonly active: Database.Statement<[string, string, string], { data: string }>;
  private readonly all: Database.Statement<[string], { data: string }>;
  private readonly byId: Database.Statement<[string, string], { data: string }>;

  constructor(private readonly store: SqliteStore) {
    const { db } = store;
    this.active = db.prepare('SELECT data FROM emergencies WHERE org_id = ? AND ended_at IS NULL AND from_at <= ? AND to_at > ? ORDER BY seq');
    this.all = db.prepare('SELECT data FROM emergencies WHERE org_id = ? ORDER BY seq');
    this.byId = db.prepare('SELECT data FROM emergencies WHERE org_id = ? AND id = ?');
  }

  async declare(e: StateOfEmergency): Promise<void> {
    this.store.write(() =>
      this.store.db
        .prepare('INSERT INTO emergencies (id, org_id, from_at, to_at, ended_at, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(e.id, e.org_id, iso(e.from), iso(e.to), e.ended_at, JSON.stringify(e)),
    );
  }

  async list(orgId: string): Promise<StateOfEmergency[]> {
    return this.store.read(() => this.all.all(orgId).map(parse));
  }

  async end(orgId: string, id: string, at: string): Promise<StateOfEmergency | null> {
    return this.store.write(() => {
      const row = this.byId.get(orgId, id);
      if (!row) return null;
      const e = parse(row);
      if (e.ended_at !== null) return e;
      const ended = { ...e, ended_at: at };
      this.store.db.prepare('UPDATE emergencies SET ended_at = ?, data = ? WHERE org_id = ? AND id = ?').run(at, JSON.stringify(ended), orgId, id);
      return ended;
    });
  }

  /** In force at `at` (an ISO instant); runs inside the caller's read or transaction. */
  activeAt(orgId: string, at: string): ActiveEmergency[] {
    const t = iso(at);
    return this.active.all(orgId, t, t).map((row) => activeView(parse(row)));
  }
}

/** Instants compared as text must all be written one way. */
const iso = (s: string) => new Date(s).toISOString();
