/**
 * Opening the SQLite file: the directory, the pragmas, the schema's migrations (migrations.ts), the
 * guard against reading anonymised records without their key, and the checkpoints in a worker.
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerUnavailableError, type SuppressionKeying } from '../ledger';
import { refusalToOpen } from '../retentionKey';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer, type CheckpointerOptions } from './checkpointer';
import { consentLayoutOf, migrate } from './migrations';
import { CONSENT_LAYOUTS, legacyDayCountsUntil, type ConsentLayoutSql } from './schema';

export interface SqliteLedgerOptions {
  /** Path of the database file, or ':memory:' for tests that need no durability. */
  file: string;
  /** How anonymised phones are keyed (from RETENTION_SECRET); needed to read and continue anonymised subjects. */
  suppression?: SuppressionKeying;
  /** WAL pages after which the log is rewound (checkpointer.ts); tests set it low. */
  rewindPages?: number;
  /** Milliseconds between the checkpointer's passes (checkpointer.ts); the bench compares settings, a test scales it down with rewindPages. */
  checkpointIntervalMs?: number;
  /** Seconds the writes waited in each of those rewinds (the gateway's metric). */
  onWriteHold?: (seconds: number) => void;
  /** The checkpointer's passes and rewinds, step by step (checkpointer.ts CheckpointTrace; the bench's diagnosis). */
  onCheckpointTrace?: CheckpointerOptions['onTrace'];
  /** The memory map's size (SQLITE_MMAP_MB; see mapSize): a ledger larger than this at opening is not mapped. Default 256 MB. */
  mmapBytes?: number;
}

export interface OpenedFile {
  db: Database.Database;
  /** The consents table's indexes and the statements that match them (schema.ts). */
  consents: ConsentLayoutSql;
  /** The last local day whose texts may also be counted in send_counters' `day:` rows (schema.ts, addDaySendsColumn); '' = none. */
  legacyDayCountsUntil: string;
}

/**
 * How much of the file to read through a memory map: a page is then a memory access, not a pread
 * (a system call each, several per precall on a ledger larger than SQLite's page cache). Writes
 * still go through the WAL. The mapped pages are the kernel's page cache, shared and reclaimable,
 * but they count in the process's RSS, up to the map's size.
 *
 * Only a ledger the map holds whole is mapped. SQLite maps the first bytes of the file, and a
 * precall's pages are spread across all of it: mapping the start of a ledger much larger than the
 * map answered no more precalls, at the same CPU per request, and held more memory
 * (docs/performance.md). A ledger that grows past the map once open stays mapped up to the map's size.
 */
function mapSize(file: string, mapBytes: number): number {
  let fileBytes = 0;
  try {
    if (file !== ':memory:') fileBytes = statSync(file).size;
  } catch {
    // A new ledger: nothing on disk yet.
  }
  return fileBytes <= mapBytes ? Math.floor(mapBytes) : 0;
}

/**
 * Dirty pages a transaction may hold in memory before SQLite starts writing them to the log
 * mid-transaction (64 MB of 4 KB pages; the page cache itself stays at SQLite's default). By
 * default it spills as soon as the small cache is full, and a bulk import's batch, whose new rows
 * and index pages are spread all over the file, then wrote a page to the log, read it back and wrote
 * it again as later rows touched it. With this bound an import makes far fewer read and write calls
 * and spends less system time, for a larger peak RSS. The gateway's own transactions (a turn's
 * decisions, one revocation) are far below it; memory is bounded by it.
 */
const SPILL_AFTER_PAGES = 16_384;

/** Opens (creating or migrating) the ledger file; any failure is the store being unavailable. */
export function openLedgerFile(options: SqliteLedgerOptions): OpenedFile {
  let opened: OpenedFile;
  let db: Database.Database | undefined;
  try {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    db = new Database(options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_spill = ${SPILL_AFTER_PAGES}`);
    db.pragma(`mmap_size = ${mapSize(options.file, options.mmapBytes ?? 256 * 2 ** 20)}`);
    migrate(db, `the SQLite ledger at ${options.file}`);
    opened = { db, consents: CONSENT_LAYOUTS[consentLayoutOf(db)], legacyDayCountsUntil: legacyDayCountsUntil(db) };
  } catch (err) {
    if (db?.open) db.close();
    // A refusal (a file from a newer build) already says which file and why.
    if (err instanceof LedgerUnavailableError) throw err;
    throw new LedgerUnavailableError(`cannot open SQLite ledger at ${options.file}: ${(err as Error).message}`, { cause: err });
  }
  refuseWithoutTheirKey(opened.db, options);
  return opened;
}

/** The retention key guard (retentionKey.ts) on the key id the file recorded when it was first anonymised. */
function refuseWithoutTheirKey(db: Database.Database, options: SqliteLedgerOptions): void {
  const keyId = (db.prepare("SELECT value FROM meta WHERE key = 'suppression_key_id'").get() as { value: string } | undefined)?.value;
  const refusal = refusalToOpen(keyId, options.suppression, `the SQLite ledger at ${options.file}`);
  if (!refusal) return;
  db.close();
  throw refusal;
}

/**
 * Checkpoints run in a worker, off the event loop (see checkpointer.ts); if it fails, SQLite's own
 * come back. None for a database in memory.
 * @param writes holds and releases the ledger's writes around a rewind; called only after the
 *   ledger's constructor has returned (the worker answers asynchronously)
 */
export function startBackgroundCheckpoints(
  db: Database.Database,
  options: SqliteLedgerOptions,
  writes: { hold(): void; release(): void },
): Checkpointer | null {
  if (options.file === ':memory:') return null;
  const checkpointer = startCheckpointer(options.file, {
    onError: () => {
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
    writes,
    rewindPages: options.rewindPages,
    passIntervalMs: options.checkpointIntervalMs,
    onHold: options.onWriteHold,
    onTrace: options.onCheckpointTrace,
  });
  if (checkpointer) db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  return checkpointer;
}
