/**
 * The SQLite side of console sessions: one row per session, found by the hash of its cookie id,
 * with the instant it expires and the key it was made from (to end all of a key's sessions). A
 * lookup is a read; it writes only to delete an expired row or to store a touch, and then only
 * while the row is still there, so a session ended by another process is never written back.
 * Each new session deletes a few expired rows (through the expiry index), so the table holds about
 * a lifetime's worth of sessions and needs no job of its own.
 */
import type Database from 'better-sqlite3';
import type { ConsoleSessionRecord, ConsoleSessionTouch } from '../consoleSessions';
import type { SqliteStore } from './store';

/** Created by the ledger's migrations (migrations.ts). */
export const CONSOLE_SESSIONS_TABLE = `
CREATE TABLE IF NOT EXISTS console_sessions (
  id_hash TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  data TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS console_sessions_expiry ON console_sessions (expires_at);
CREATE INDEX IF NOT EXISTS console_sessions_key ON console_sessions (org_id, key_id);
`;

/** Expired rows deleted per new session: more than one, so the table shrinks after a burst. */
const PRUNE_PER_CREATE = 8;

export class SqliteConsoleSessions {
  private readonly insert: Database.Statement<[string, string, string, number, string]>;
  private readonly get: Database.Statement<[string], { data: string; expires_at: number }>;
  private readonly update: Database.Statement<[string, number, string]>;
  private readonly deleteExpired: Database.Statement<[string, number]>;
  private readonly delete: Database.Statement<[string]>;
  private readonly deleteOfKey: Database.Statement<[string, string]>;
  private readonly prune: Database.Statement<[number]>;

  constructor(private readonly store: SqliteStore) {
    const { db } = store;
    this.insert = db.prepare('INSERT INTO console_sessions (id_hash, org_id, key_id, expires_at, data) VALUES (?, ?, ?, ?, ?)');
    this.get = db.prepare('SELECT data, expires_at FROM console_sessions WHERE id_hash = ?');
    this.update = db.prepare('UPDATE console_sessions SET data = ?, expires_at = ? WHERE id_hash = ?');
    this.deleteExpired = db.prepare('DELETE FROM console_sessions WHERE id_hash = ? AND expires_at <= ?');
    this.delete = db.prepare('DELETE FROM console_sessions WHERE id_hash = ?');
    this.deleteOfKey = db.prepare('DELETE FROM console_sessions WHERE org_id = ? AND key_id = ?');
    this.prune = db.prepare(
      `DELETE FROM console_sessions WHERE id_hash IN (SELECT id_hash FROM console_sessions WHERE expires_at <= ? ORDER BY expires_at LIMIT ${PRUNE_PER_CREATE})`,
    );
  }

  async create(s: ConsoleSessionRecord): Promise<void> {
    this.store.write(() => {
      this.prune.run(Date.parse(s.created_at));
      this.insert.run(s.id_hash, s.org_id, s.key_id, Date.parse(s.expires_at), JSON.stringify(s));
    });
  }

  async find(idHash: string, at: string, touch: ConsoleSessionTouch): Promise<ConsoleSessionRecord | null> {
    const now = Date.parse(at);
    const row = this.store.read(() => this.get.get(idHash));
    if (!row) return null;
    if (row.expires_at <= now) {
      this.store.write(() => this.deleteExpired.run(idHash, now));
      return null;
    }
    const session = JSON.parse(row.data) as ConsoleSessionRecord;
    const times = touch(session);
    if (!times) return session;
    const touched = { ...session, ...times };
    const { changes } = this.store.write(() => this.update.run(JSON.stringify(touched), Date.parse(touched.expires_at), idHash));
    return changes ? touched : null;
  }

  async end(idHash: string): Promise<void> {
    this.store.write(() => this.delete.run(idHash));
  }

  async endOfKey(orgId: string, keyId: string): Promise<number> {
    return this.store.write(() => this.deleteOfKey.run(orgId, keyId).changes);
  }
}
