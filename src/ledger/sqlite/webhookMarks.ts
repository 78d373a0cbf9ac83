/**
 * The SQLite side of `markWebhookSeen`: one row per carrier webhook acted
 * on, with the instant it may be forgotten. A mark is an insert, or the
 * take-over of an expired row, in one statement, so of two processes racing
 * on one file exactly one is first. Each mark also deletes a few expired
 * rows (through the expiry index), so the table holds about one TTL's worth
 * of webhooks and never needs a job of its own.
 */
import type Database from 'better-sqlite3';

/** Created by the ledger's migration step 9 (migrations.ts), like every other table of the file. */
export const WEBHOOK_MARKS_TABLE = `
CREATE TABLE IF NOT EXISTS webhook_marks (
  key TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS webhook_marks_expiry ON webhook_marks (expires_at);
`;

/** Expired rows deleted per mark: more than one, so the table shrinks after a burst. */
const PRUNE_PER_MARK = 8;

export class WebhookMarks {
  private readonly mark: Database.Statement<[string, number, number]>;
  private readonly forget: Database.Statement<[string]>;
  private readonly prune: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.mark = db.prepare(
      `INSERT INTO webhook_marks (key, expires_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE webhook_marks.expires_at <= ?`,
    );
    this.forget = db.prepare('DELETE FROM webhook_marks WHERE key = ?');
    this.prune = db.prepare(
      `DELETE FROM webhook_marks WHERE key IN (SELECT key FROM webhook_marks WHERE expires_at <= ? ORDER BY expires_at LIMIT ${PRUNE_PER_MARK})`,
    );
  }

  /** Run inside a write transaction. True when this call made the mark. */
  markSeen(key: string, ttlSeconds: number, nowMs: number): boolean {
    this.prune.run(nowMs);
    return this.mark.run(key, nowMs + ttlSeconds * 1000, nowMs).changes > 0;
  }

  forgetSeen(key: string): void {
    this.forget.run(key);
  }
}
