/**
 * What every part of the SQLite engine shares: the connection and its statements, how a read or a
 * write runs (and what a failure becomes), and the keys a subject may be stored under.
 *
 * better-sqlite3 is synchronous: each call runs to completion before any other request is served,
 * so read-then-write sequences inside one transaction are atomic without locks.
 */
import type Database from 'better-sqlite3';
import { isSuppressionKey, LedgerUnavailableError, type SuppressionKeying } from '../ledger';
import type { Statements } from './statements';
import type { TurnTransaction } from './turnTransaction';

/** What a caller's function threw inside a transaction (a pre-send's decider): handed back as it is, not as the store failing. */
export class CallerFailure {
  constructor(readonly error: unknown) {}
}

/** What callers see of an error met in the store: an unavailable store, unless it is theirs or a programming error. */
export function asLedgerError(err: unknown): Error {
  if (err instanceof LedgerUnavailableError) return err;
  if (err instanceof CallerFailure) return err.error as Error;
  const code = (err as { code?: string }).code ?? '';
  // Constraint violations are programming errors, not an unavailable store.
  if (code.startsWith('SQLITE_CONSTRAINT')) return err as Error;
  return new LedgerUnavailableError(`SQLite ledger failed: ${(err as Error).message}`, { cause: err });
}

export class SqliteStore {
  private readonly inTransaction: (fn: () => unknown) => unknown;

  /**
   * @param turn the event-loop turn's transaction, where decisions and send reservations are written
   *   (synchronous=NORMAL, see turnTransaction.ts)
   * @param suppression how anonymised phones are keyed, when the ledger was opened with one
   */
  constructor(
    readonly db: Database.Database,
    readonly stmt: Statements,
    readonly turn: TurnTransaction,
    readonly suppression: SuppressionKeying | undefined,
  ) {
    // IMMEDIATE, as the turn's: most writes read before they write (a dedupe key, a chain head), and a
    // deferred transaction would fail with SQLITE_BUSY, not wait, had another process (the CLI) committed between.
    const transaction = db.transaction((fn: () => unknown) => fn());
    this.inTransaction = (fn) => transaction.immediate(fn);
  }

  /**
   * Runs `fn` in a transaction of its own, committed with synchronous=FULL
   * (after committing the writes of the current turn); maps store failures to
   * LedgerUnavailableError. NORMAL-level writes go through `turn`.
   */
  write<T>(fn: () => T): T {
    try {
      this.turn.end();
      return this.inTransaction(fn) as T;
    } catch (err) {
      throw asLedgerError(err);
    }
  }

  read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw asLedgerError(err);
    }
  }

  /** The key a subject may also be stored under; the phone itself when there is no keying (so `IN (?, ?)` matches once). */
  altKey(phone: string): string {
    return this.suppression && !isSuppressionKey(phone) ? this.suppression.keyOf(phone) : phone;
  }
}
