/**
 * Migration step: the decisions and the audit trail number their rows as plain rowids, not
 * AUTOINCREMENT.
 *
 * AUTOINCREMENT keeps each table's highest seq in `sqlite_sequence`: every insert looks its row up
 * there and writes it back, so every decision read and rewrote that table twice (its row, its
 * audit entry) and every commit carried its page to the log. A plain INTEGER PRIMARY KEY takes the
 * highest rowid in the table plus one, which differs only after the highest rows are deleted: a
 * seq could then come back. Cursors and the order of a subject's trail are by seq, so that must
 * not happen; decisions and audit entries are never deleted (retention rewrites them in place), so
 * it cannot. A step that ever deletes from either table must bring AUTOINCREMENT back first.
 *
 * The tables' stored pages are the same either way: only the text of their CREATE TABLE in the
 * schema changes, which SQLite's documented way for a change that leaves the stored format alone
 * does in place (writable_schema, schema_version bumped so every connection reads the new text),
 * instead of copying tables that may hold many millions of rows while the gateway waits to start.
 */
import type Database from 'better-sqlite3';

/** Tables written with every decision. */
const TABLES = ['decisions', 'audit'] as const;

export function plainRowids(db: Database.Database): void {
  const sqlOf = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
  // Nothing deletes from these tables, so each one's sequence is its highest seq. Were it above (rows
  // deleted by hand), plain rowids would hand out the seqs between again: such a table keeps AUTOINCREMENT.
  const sequenceOf = db.prepare<[string], { seq: number }>('SELECT seq FROM sqlite_sequence WHERE name = ?');
  const highestSeq = (name: string) => (db.prepare(`SELECT max(seq) AS seq FROM ${name}`).get() as { seq: number | null }).seq ?? 0;
  const changes = TABLES.map((name) => ({ name, sql: sqlOf.get(name)?.sql ?? '' }))
    .map(({ name, sql }) => ({ name, sql, plain: sql.replace(/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/i, 'INTEGER PRIMARY KEY') }))
    .filter((t) => t.plain !== t.sql && (sequenceOf.get(t.name)?.seq ?? 0) <= highestSeq(t.name));
  if (!changes.length) return;
  // better-sqlite3 opens connections in defensive mode, which refuses any write to the schema table.
  db.unsafeMode(true);
  try {
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.pragma('writable_schema = ON');
    const rewrite = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
    for (const t of changes) rewrite.run(t.plain, t.name);
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  const forget = db.prepare('DELETE FROM sqlite_sequence WHERE name = ?');
  for (const t of changes) forget.run(t.name);
}
