/**
 * A turn's savepoint journals kept in memory (turnTransaction.ts runs each write of a turn in a
 * savepoint of the turn's transaction).
 *
 * Why: a savepoint keeps a copy of every page it changes in a statement journal, so that it can be
 * undone alone. SQLite holds that journal in memory up to a fixed size (16 pages of 4 KiB) and past
 * it moves the journal to a temporary file (in /var/tmp) for the rest of the transaction. One
 * decision that changed more pages than usual (a b-tree page split) then made every later decision
 * of the turn copy each page it touched into that file, a `pwrite` each, and the turn create and
 * delete the file. A pre-send changes about ten pages (the decision and its index, the audit entry
 * and its index, the chain head, the audit sequence, the day's and the month's counters), near
 * enough to the limit that turns crossed it often. With `temp_store = MEMORY` the journal stays in
 * memory, and a released savepoint frees it: a turn holds at most one write's pages there.
 *
 * Only while a turn is open: SQLite reads the setting for the journals when a write transaction
 * begins, and the connection's other transactions (a migration, a retention batch: `store.write`
 * ends the turn first) keep their temporary data in files as before, so a large one does not grow
 * the process's memory. A read that runs while a turn is open (until the end of the event-loop
 * turn) sorts in memory too: the ledger's reads are paged and follow their indexes. Changing the
 * setting outside a transaction costs a statement's parse, unless the connection has TEMP tables
 * (it would then drop them and re-read the schema): the ledger creates none.
 */
import type Database from 'better-sqlite3';

/** Before the turn's BEGIN: the transaction about to begin keeps its savepoint journals in memory. */
export function savepointJournalsInMemory(db: Database.Database): void {
  // Not a prepared statement: SQLite applies this pragma as the statement is compiled, so a prepared one misses its first run.
  db.exec('PRAGMA temp_store = MEMORY');
}

/** After the turn's COMMIT: temporary data in files again, for everything else the connection runs. */
export function savepointJournalsAsBefore(db: Database.Database): void {
  db.exec('PRAGMA temp_store = DEFAULT');
}
