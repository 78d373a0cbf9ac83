/**
 * Whether the SQLite file can take a write right now. A database that
 * answers reads can still refuse every write — another process holding the
 * write lock past the busy timeout, a full disk — and then every opt-out
 * would fail; `/readyz` and the opt-out queue's drainer must know.
 *
 * The probe is a real write, the one a revocation would make in miniature:
 * one meta row rewritten in place (the file does not grow), committed with
 * the connection's sync level. It waits for the lock only briefly, since
 * better-sqlite3 waits on the event loop, and its answer stands for a
 * moment, so a readiness endpoint polled often (or by anyone) costs at most
 * one commit a second.
 */
import type Database from 'better-sqlite3';
import { LedgerUnavailableError } from '../ledger';

/**
 * How long a probe (or another write that may fail harmlessly) waits for another writer's lock. A
 * real write waits longer (the busy timeout), so a probe that fails here may be a write that would
 * only have been slow.
 */
export const SHORT_BUSY_TIMEOUT_MS = 200;
/** How long one probe's answer stands. */
const PROBE_VALID_MS = 1000;

export class WriteProbe {
  private readonly write: Database.Statement<[string]>;
  private last: { at: number; error: LedgerUnavailableError | null } | null = null;

  constructor(private readonly db: Database.Database) {
    this.write = db.prepare("INSERT INTO meta (key, value) VALUES ('write_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  }

  /** Throws LedgerUnavailableError when the file cannot take a write. */
  check(): void {
    const now = Date.now();
    if (!this.last || now - this.last.at >= PROBE_VALID_MS) this.last = { at: now, error: this.probe(now) };
    if (this.last.error) throw this.last.error;
  }

  private probe(now: number): LedgerUnavailableError | null {
    // A transaction open on this connection holds the write lock already: the store is taking writes.
    if (this.db.inTransaction) return null;
    try {
      withShortBusyTimeout(this.db, () => this.write.run(new Date(now).toISOString()));
      return null;
    } catch (err) {
      return new LedgerUnavailableError(`SQLite ledger cannot take a write: ${(err as Error).message}`, { cause: err });
    }
  }
}

/** Runs `fn` waiting at most SHORT_BUSY_TIMEOUT_MS for another writer's lock. */
export function withShortBusyTimeout<T>(db: Database.Database, fn: () => T): T {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${SHORT_BUSY_TIMEOUT_MS}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
