/**
 * Operator-declared states of emergency in SQLite, per org. Declaring and ending commit with
 * synchronous=FULL (the operator is told it is in force only once it is durable).
 *
 * A covered decision reads them inside its own transaction, from the org's emergencies not ended
 * as this handle last read them: kept until this handle declares or ends one, or another handle
 * on the file (another process) commits anything (SQLite's data_version, read in the same
 * transaction, moves then), so one declared elsewhere applies from the next decision on. The
 * decisions of one turn share its transaction, where no other handle can commit: data_version is
 * read by the first of them.
 */
import type Database from 'better-sqlite3';
import { activeView, isActiveAt, type ActiveEmergency, type StateOfEmergency } from '../../domain/stateLaw/emergencies';
import type { SqliteStore } from './store';

const parse = (row: { data: string }) => JSON.parse(row.data) as StateOfEmergency;

/** Orgs held at most; past it the copy starts over. */
const MAX_HELD_ORGS = 10_000;

export class SqliteEmergencies {
  private readonly notEnded: Database.Statement<[string], { data: string }>;
  private readonly all: Database.Statement<[string], { data: string }>;
  private readonly byId: Database.Statement<[string, string], { data: string }>;
  private readonly dataVersion: Database.Statement<[], number>;
  /** Per org, its emergencies not ended, in the order declared, as read at `heldAtVersion`. */
  private readonly held = new Map<string, StateOfEmergency[]>();
  private heldAtVersion = -1;
  /** The turn whose transaction `heldAtVersion` was read in: within it no other handle commits, so it is not read again. */
  private versionReadInTurn: number | null = null;

  constructor(private readonly store: SqliteStore) {
    const { db } = store;
    this.notEnded = db.prepare('SELECT data FROM emergencies WHERE org_id = ? AND ended_at IS NULL ORDER BY seq');
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.all = db.prepare('SELECT data FROM emergencies WHERE org_id = ? ORDER BY seq');
    this.byId = db.prepare('SELECT data FROM emergencies WHERE org_id = ? AND id = ?');
  }

  async declare(e: StateOfEmergency): Promise<void> {
    // This handle's own commits do not move data_version.
    this.held.clear();
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
    this.held.clear();
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

  /** In force at `atMs`; runs inside the caller's read or transaction. */
  activeAt(orgId: string, atMs: number): ActiveEmergency[] {
    const turn = this.store.turn.openTurn;
    if (turn === null || turn !== this.versionReadInTurn) {
      const version = this.dataVersion.get() as number;
      if (version !== this.heldAtVersion) {
        this.held.clear();
        this.heldAtVersion = version;
      }
      this.versionReadInTurn = turn;
    }
    let live = this.held.get(orgId);
    if (!live) {
      live = this.notEnded.all(orgId).map(parse);
      if (this.held.size >= MAX_HELD_ORGS) this.held.clear();
      this.held.set(orgId, live);
    }
    if (live.length === 0) return [];
    const at = new Date(atMs);
    return live.filter((e) => isActiveAt(e, at)).map(activeView);
  }
}

/** Instants compared as text must all be written one way. */
const iso = (s: string) => new Date(s).toISOString();
