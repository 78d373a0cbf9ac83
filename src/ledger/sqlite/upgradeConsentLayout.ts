/**
 * `consent-gate ledger upgrade`: rebuilds the consents table of a ledger
 * created before schema 2 in the subject layout (schema.ts,
 * CONSENT_LAYOUTS), which a new ledger has from the start. Imports are
 * faster (docs/performance.md) and a duplicate is the same content for
 * the same subject, as in the Redis engine.
 *
 * Offline, and all or nothing: the ledger is opened with an exclusive lock,
 * which SQLite refuses while any other connection has the file open (a
 * running gateway, its checkpoint worker, another command), and the rebuild
 * is one transaction, so a crash or a full disk leaves the old table as it
 * was. Every consent keeps its seq (cursors stay valid) and its document;
 * the audit chain is not touched. The database file grows by about the size
 * of the consents table (the old pages are free afterwards and reused).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LedgerInUseError } from '../../errors';
import { SUPPRESSION_KEY_PREFIX } from '../ledger';
import { addCoveredColumn, addDaySendsColumn, CONSENT_LAYOUTS, consentLayout, consentsTable, SCHEMA, SCHEMA_VERSION, type ConsentLayout } from './schema';

export interface LayoutUpgrade {
  /** The layout the ledger had; `subject` means there was nothing to do. */
  from: ConsentLayout;
  /** Consents moved into the new table. */
  consents: number;
}

export interface UpgradeOptions {
  /** Consents copied per statement; between two, the event loop runs (a progress bar draws). */
  batchRows?: number;
  onProgress?: (moved: number, total: number) => void;
}

const REBUILT = 'consents_subject_layout';

export async function upgradeConsentLayout(file: string, options: UpgradeOptions = {}): Promise<LayoutUpgrade> {
  if (!existsSync(file)) throw new Error(`no ledger at ${file}`);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    // Held from the first write to the close: also keeps a gateway from opening the file meanwhile.
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new LedgerInUseError(`the ledger at ${file} is open elsewhere (a running gateway?): stop it, then upgrade`);
      }
      throw err;
    }
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'consents'").get();
    if (!table || consentLayout(table.sql) === 'subject') return { from: 'subject', consents: 0 };
    db.exec('BEGIN');
    let consents: number;
    try {
      consents = await rebuild(db, options);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    // Fold the rebuilt table into the database file now, not at some later open.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { from: 'legacy', consents };
  } finally {
    db.close();
  }
}

async function rebuild(db: Database.Database, options: UpgradeOptions): Promise<number> {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const total = count('consents');
  const sequence = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'consents'").get() as { seq: number } | undefined)?.seq ?? 0;
  db.exec(consentsTable(REBUILT));
  // In seq order, a batch at a time. An anonymised consent's dedupe column carries its id in the
  // subject layout (see CONSENT_LAYOUTS).
  const copy = db.prepare(
    `INSERT INTO ${REBUILT} (seq, id, org_id, phone, entity_key, dedupe_key, data)
     SELECT seq, id, org_id, phone, entity_key,
            CASE WHEN substr(phone, 1, ?) = ? THEN ${CONSENT_LAYOUTS.subject.anonymisedDedupeKey} ELSE dedupe_key END, data
     FROM consents WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const lastCopied = db.prepare<[], { seq: number }>(`SELECT max(seq) AS seq FROM ${REBUILT}`);
  let moved = 0;
  let last = 0;
  for (;;) {
    const copied = copy.run(SUPPRESSION_KEY_PREFIX.length, SUPPRESSION_KEY_PREFIX, last, options.batchRows ?? 50_000).changes;
    if (!copied) break;
    moved += copied;
    last = lastCopied.get()!.seq;
    options.onProgress?.(moved, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (count(REBUILT) !== total) throw new Error(`the rebuilt consents table has ${count(REBUILT)} rows, not ${total}; nothing was changed`);
  // Dropping the table drops its indexes and its sequence; the rename carries the new table's over.
  db.exec(`DROP TABLE consents; ALTER TABLE ${REBUILT} RENAME TO consents;`);
  db.exec(SCHEMA);
  db.exec(CONSENT_LAYOUTS.subject.indexes);
  // A seq is never handed out twice, not even one of a consent deleted before the upgrade.
  db.prepare("DELETE FROM sqlite_sequence WHERE name = 'consents'").run();
  db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('consents', CAST(? AS INTEGER))").run(Math.max(sequence, last));
  // What the ledger would add when next opened, so the file is at the current schema as the meta says.
  addCoveredColumn(db);
  addDaySendsColumn(db, new Date());
  db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(SCHEMA_VERSION));
  return moved;
}
