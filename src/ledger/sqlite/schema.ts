/**
 * The SQLite schema. Records are kept as JSON documents (`data`) with the
 * columns we look them up by alongside; the JSON is what the API returns, so
 * reads never rebuild objects column by column.
 */
import type Database from 'better-sqlite3';

/** The consents table as schema 2 on creates it, under a name: the layout upgrade builds it beside the old one. */
export function consentsTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  data TEXT NOT NULL
);`;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS orgs (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS api_keys_org ON api_keys (org_id);

${consentsTable('consents')}
-- Found by phone and deduplicated through the index of its layout (CONSENT_LAYOUTS, below).
CREATE INDEX IF NOT EXISTS consents_org_entity ON consents (org_id, entity_key);

CREATE TABLE IF NOT EXISTS revocations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  scope TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (org_id, dedupe_key)
);
CREATE INDEX IF NOT EXISTS revocations_phone ON revocations (phone, org_id);

CREATE TABLE IF NOT EXISTS decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  data TEXT NOT NULL
);
-- No index by phone: it cost a random b-tree page per decision, on the path before every call and
-- text; a subject's decisions are listed through its audit trail (audit_subject) instead.
DROP INDEX IF EXISTS decisions_org_phone;
CREATE INDEX IF NOT EXISTS decisions_org_time ON decisions (org_id, decided_at);

CREATE TABLE IF NOT EXISTS send_counters (
  org_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (org_id, key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_subject ON audit (org_id, phone, seq);
-- Nothing looks audit entries up by record id (evidence reads a subject's trail), and
-- the index cost a random b-tree insert on every write: dropped from databases that had it.
DROP INDEX IF EXISTS audit_ref;

-- sends: the subject's texts on its current local day, per entity (daySends.ts); covered: its
-- covered contacts' instants, per entity (coveredContacts.ts), added by migration 4; ledgers made
-- before the day count get its column when opened (addDaySendsColumn).
CREATE TABLE IF NOT EXISTS audit_heads (
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  hash TEXT NOT NULL,
  sends TEXT,
  PRIMARY KEY (org_id, phone)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  topic TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (delivered_at, next_attempt_at);
`;

/**
 * How a ledger's consents are found and deduplicated, by the layout its
 * consents table was created with.
 *
 * - `subject` (schema 2 on): one unique index, (org_id, phone, dedupe_key),
 *   both finds a subject's consents (its prefix) and refuses a second copy
 *   of one. A duplicate is the same content for the same subject, as in the
 *   Redis engine, whose dedupe keys live in the subject's own hash: a
 *   consent anonymised by retention no longer stands in for a new capture
 *   under the plain number.
 * - `legacy` (schema 1): the table's inline UNIQUE (org_id, dedupe_key) and
 *   consents_org_phone. The dedupe key is a digest, so that index put every
 *   capture on a random page of its own b-tree, even in a file sorted by
 *   phone (a large import is markedly slower: docs/performance.md). An inline
 *   constraint cannot be dropped without rebuilding the table, so a ledger
 *   created before keeps its layout, and its statements, until
 *   `consent-gate ledger upgrade` rebuilds it (upgradeConsentLayout.ts).
 */
export type ConsentLayout = 'subject' | 'legacy';

export interface ConsentLayoutSql {
  /** The layout's lookup index, created when missing. */
  indexes: string;
  /** The ON CONFLICT target that makes a capture of the same content a duplicate. */
  conflictTarget: string;
  /** The consent a duplicate capture stands for (named parameters: org_id, phone, dedupe_key). */
  byDedupe: string;
  /** What an anonymised consent's dedupe_key column becomes (an SQL expression over the row). */
  anonymisedDedupeKey: string;
}

export const CONSENT_LAYOUTS: Record<ConsentLayout, ConsentLayoutSql> = {
  subject: {
    indexes: 'CREATE UNIQUE INDEX IF NOT EXISTS consents_subject_dedupe ON consents (org_id, phone, dedupe_key)',
    conflictTarget: '(org_id, phone, dedupe_key)',
    byDedupe: 'SELECT data FROM consents WHERE org_id = @org_id AND phone = @phone AND dedupe_key = @dedupe_key',
    // An anonymised consent is never the twin of a new capture (a capture's phone is a number, not a
    // key), and the same content may be anonymised twice under one key (captured again after the
    // first was anonymised, and ended again): its column takes the id along so both fit the index.
    // The document keeps its dedupe key.
    anonymisedDedupeKey: "dedupe_key || ':' || id",
  },
  legacy: {
    indexes: 'CREATE INDEX IF NOT EXISTS consents_org_phone ON consents (org_id, phone)',
    conflictTarget: '(org_id, dedupe_key)',
    byDedupe: 'SELECT data FROM consents WHERE org_id = @org_id AND dedupe_key = @dedupe_key',
    anonymisedDedupeKey: 'dedupe_key',
  },
};

/**
 * Gives a ledger made before daySends.ts its `audit_heads.sends` column (an O(1) change in SQLite)
 * and records the last local day whose texts may still be counted in send_counters' `day:` rows,
 * which that ledger wrote until now: the UTC day after today (no zone is more than 14 hours ahead).
 * A ledger made with the column has none: ''. Run inside a write transaction (migrations.ts).
 */
export function addDaySendsColumn(db: Database.Database, now: Date): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(audit_heads)').all();
  if (!columns.some((c) => c.name === 'sends')) {
    db.exec('ALTER TABLE audit_heads ADD COLUMN sends TEXT');
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('legacy_day_counts_until', ?)").run(tomorrow);
  } else {
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('legacy_day_counts_until', '')").run();
  }
}

/** The day addDaySendsColumn recorded: '' for a ledger made with the column. */
export function legacyDayCountsUntil(db: Database.Database): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'legacy_day_counts_until'").get() as { value: string } | undefined)?.value ?? '';
}

/**
 * Migration 4: what the state rules keep in the ledger. Covered contacts' instants (state caps) ride
 * on the subject's chain head, as the day's sends do. Written to hold on a file that already has them
 * too, as steps 1-3 are: a file aged to version 0 by hand reruns every step.
 */
export function addStateRuleRecords(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(audit_heads)').all();
  if (!columns.some((c) => c.name === 'covered')) db.exec('ALTER TABLE audit_heads ADD COLUMN covered TEXT');
  db.exec(EMERGENCIES_TABLE);
}

const EMERGENCIES_TABLE = `
-- Operator-declared states of emergency, per org (emergencies.ts); instants as toISOString().
CREATE TABLE IF NOT EXISTS emergencies (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  from_at TEXT NOT NULL,
  to_at TEXT NOT NULL,
  ended_at TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS emergencies_org ON emergencies (org_id, seq);
`;
