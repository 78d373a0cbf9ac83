/**
 * The SQLite side of `holdValue` / `takeHeldValue`: one row per value, with
 * the instant it may be forgotten. A take is one `DELETE … RETURNING`, so of
 * two processes racing on one file exactly one gets the value. Each hold
 * deletes a few expired rows (through the expiry index), so the table holds
 * about one TTL's worth of values and never needs a job of its own.
 */
import type Database from 'better-sqlite3';

/** Created by the ledger's migrations (migrations.ts). */
export const HELD_VALUES_TABLE = `
CREATE TABLE IF NOT EXISTS held_values (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS held_values_expiry ON held_values (expires_at);
`;

/** Expired rows deleted per hold: more than one, so the table shrinks after a burst. */
const PRUNE_PER_HOLD = 8;

export class HeldValues {
  private readonly hold: Database.Statement<[string, string, number]>;
  private readonly take: Database.Statement<[string, number], { value: string }>;
  private readonly prune: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.hold = db.prepare(
      `INSERT INTO held_values (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    );
    this.take = db.prepare('DELETE FROM held_values WHERE key = ? AND expires_at > ? RETURNING value');
    this.prune = db.prepare(
      `DELETE FROM held_values WHERE key IN (SELECT key FROM held_values WHERE expires_at <= ? ORDER BY expires_at LIMIT ${PRUNE_PER_HOLD})`,
    );
  }

  /** Run inside a write transaction. */
  holdValue(key: string, value: string, ttlSeconds: number, nowMs: number): void {
    this.prune.run(nowMs);
    this.hold.run(key, value, nowMs + ttlSeconds * 1000);
  }

  /** Run inside a write transaction. The value, now gone from the table; null when none was held or it expired. */
  takeValue(key: string, nowMs: number): string | null {
    return this.take.get(key, nowMs)?.value ?? null;
  }
}
