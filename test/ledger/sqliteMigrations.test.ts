/**
 * The SQLite ledger's schema by `PRAGMA user_version` (src/ledger/sqlite/migrations.ts): a file
 * made by any earlier build opens and is brought to this build's version; a file from a newer
 * build is refused, untouched, with a message that says so.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/records';
import { LedgerUnavailableError } from '../../src/errors';
import { verifyChain } from '../../src/ledger/auditChain';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { SCHEMA_VERSION } from '../../src/ledger/sqlite/migrations';
import { upgradeConsentLayout } from '../../src/ledger/sqlite/upgradeConsentLayout';
import { aConsent, aDecision, reserveSending } from '../fixtures/records';
import { createSchema1Ledger } from '../fixtures/schema1';

const newFile = () => join(mkdtempSync(join(tmpdir(), 'cg-migrations-')), 'consent-gate.db');

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      meta: Object.fromEntries((db.prepare('SELECT key, value FROM meta ORDER BY key').all() as { key: string; value: string }[]).map((r) => [r.key, r.value])),
      headColumns: (db.prepare('PRAGMA table_info(audit_heads)').all() as { name: string }[]).map((c) => c.name),
      consentIndexes: (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consents' ORDER BY name").all() as { name: string }[]
      ).map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

/**
 * A file as a build of schema 2 (`withDaySends` false) or 3 left it: made by this build, then
 * aged: no version in the header, the schema it was created at in meta, and for 2 no `sends`
 * column on the chain heads.
 */
async function olderFile(schema: 2 | 3): Promise<string> {
  const file = newFile();
  await new SqliteLedger({ file }).close();
  const db = new Database(file);
  db.exec(`PRAGMA user_version = 0; INSERT INTO meta (key, value) VALUES ('schema_version', '${schema}');`);
  if (schema === 2) {
    db.exec(`
      DROP TABLE audit_heads;
      CREATE TABLE audit_heads (org_id TEXT NOT NULL, phone TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (org_id, phone)) WITHOUT ROWID;
      DELETE FROM meta WHERE key = 'legacy_day_counts_until';
    `);
  }
  db.close();
  return file;
}

const PHONE = '+15551234567';
const today = new Date().toISOString().slice(0, 10);
const limits = { entity: 'acme', day: today, month: today.slice(0, 7), dailyCap: 2, monthlyQuota: null };

async function usable(file: string): Promise<void> {
  const ledger = new SqliteLedger({ file });
  try {
    const c = aConsent({ phone: PHONE });
    expect((await ledger.captureConsent(c)).created).toBe(true);
    expect((await ledger.captureConsent({ ...c, id: 'con_copy' })).created).toBe(false);
    expect(await reserveSending(ledger, PHONE, limits)).toBe('reserved');
    expect(await reserveSending(ledger, PHONE, limits)).toBe('reserved');
    expect(await reserveSending(ledger, PHONE, limits)).toBe('frequency_cap');
  } finally {
    await ledger.close();
  }
}

describe('SQLite schema versions (PRAGMA user_version)', () => {
  it('a new ledger is at this build’s version, with the subject layout and nothing kept in meta about the schema', async () => {
    const file = newFile();
    await usable(file);
    const after = inspect(file);
    expect(after.version).toBe(SCHEMA_VERSION);
    expect(after.meta).not.toHaveProperty('schema_version');
    expect(after.meta).not.toHaveProperty('consents_layout');
    expect(after.consentIndexes).toContain('consents_subject_dedupe');
  });

  it('a schema-1 ledger opens, is brought to this version and keeps its consents layout until the offline upgrade', async () => {
    const file = newFile();
    createSchema1Ledger(file);
    expect(inspect(file).version).toBe(0);
    await usable(file);
    const opened = inspect(file);
    expect(opened).toMatchObject({ version: SCHEMA_VERSION, meta: { consents_layout: 'legacy' } });
    expect(opened.meta).not.toHaveProperty('schema_version');
    expect(opened.headColumns).toContain('sends');
    expect(opened.consentIndexes).toContain('consents_org_phone');
    expect(opened.consentIndexes).not.toContain('consents_subject_dedupe');

    expect((await upgradeConsentLayout(file)).from).toBe('legacy');
    const upgraded = inspect(file);
    expect(upgraded.version).toBe(SCHEMA_VERSION);
    expect(upgraded.meta).not.toHaveProperty('consents_layout');
    expect(upgraded.consentIndexes).toContain('consents_subject_dedupe');
    await new SqliteLedger({ file }).close();
  });

  it('the offline upgrade also takes a schema-1 file no build of this version has opened', async () => {
    const file = newFile();
    createSchema1Ledger(file);
    expect(await upgradeConsentLayout(file)).toEqual({ from: 'legacy', consents: 0 });
    expect(inspect(file)).toMatchObject({ version: SCHEMA_VERSION, meta: {} });
    expect(inspect(file).consentIndexes).toContain('consents_subject_dedupe');
  });

  it('schema-2 and schema-3 ledgers open and are brought to this version; 2 gets its day count column', async () => {
    for (const schema of [2, 3] as const) {
      const file = await olderFile(schema);
      expect(inspect(file).headColumns.includes('sends')).toBe(schema === 3);
      await usable(file);
      const after = inspect(file);
      expect(after.version).toBe(SCHEMA_VERSION);
      expect(after.headColumns).toContain('sends');
      expect(after.meta).not.toHaveProperty('schema_version');
      expect(after.meta).not.toHaveProperty('consents_layout');
      expect(after.consentIndexes).toContain('consents_subject_dedupe');
    }
  });

  it('a schema-8 file without the webhook marks table gets it from step 9, and a redelivered webhook is still told apart', async () => {
    const file = newFile();
    await new SqliteLedger({ file }).close();
    const db = new Database(file);
    db.exec('DROP TABLE webhook_marks; PRAGMA user_version = 8;');
    db.close();
    const ledger = new SqliteLedger({ file });
    try {
      expect(await ledger.markWebhookSeen('twilio:CA1:completed', 3600)).toBe(true);
      expect(await ledger.markWebhookSeen('twilio:CA1:completed', 3600)).toBe(false);
    } finally {
      await ledger.close();
    }
    expect(inspect(file).version).toBe(SCHEMA_VERSION);
  });

  it('a ledger from a newer build is refused, named, and left as it was; so is its offline upgrade', async () => {
    const file = newFile();
    await usable(file);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const copy = `${file}.before`;
    copyFileSync(file, copy);
    const opening = () => new SqliteLedger({ file });
    expect(opening).toThrow(LedgerUnavailableError);
    expect(opening).toThrow(
      `the SQLite ledger at ${file} was written by a newer Consent Gate (schema ${SCHEMA_VERSION + 1}; this build knows up to ${SCHEMA_VERSION})`,
    );
    await expect(upgradeConsentLayout(file)).rejects.toThrow(/written by a newer Consent Gate/);
    expect(inspect(file)).toEqual(inspect(copy));
  });
});

/** Rewrites a table's CREATE TABLE text in place, as step 10 does: the stored rows are the same either way. */
function setTableSql(db: Database.Database, name: string, from: string, to: string): void {
  db.unsafeMode(true);
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?").run(from, to, name);
  db.pragma(`schema_version = ${version + 1}`);
  db.pragma('writable_schema = OFF');
  db.unsafeMode(false);
}

describe('step 10: decisions and audit entries numbered by plain rowid', () => {
  const tableSql = (file: string, name: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) as { sql: string }).sql;
    } finally {
      db.close();
    }
  };

  /** A ledger as a schema-9 build left it: decisions and audit entries by AUTOINCREMENT, their sequences in sqlite_sequence. */
  async function schema9File(sequenceAboveHighest: number): Promise<{ file: string; decisions: Decision[] }> {
    const file = newFile();
    const ledger = new SqliteLedger({ file });
    const decisions = [aDecision({ phone: PHONE }), aDecision({ phone: PHONE, allowed: false, reason: 'no_consent_on_file' })];
    try {
      await ledger.captureConsent(aConsent({ phone: PHONE }));
      for (const d of decisions) await ledger.recordDecision(d);
    } finally {
      await ledger.close();
    }
    const db = new Database(file);
    for (const name of ['decisions', 'audit']) {
      setTableSql(db, name, 'seq INTEGER PRIMARY KEY,', 'seq INTEGER PRIMARY KEY AUTOINCREMENT,');
      const { seq } = db.prepare(`SELECT max(seq) AS seq FROM ${name}`).get() as { seq: number };
      db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, seq + (name === 'decisions' ? sequenceAboveHighest : 0));
    }
    db.pragma('user_version = 9');
    db.close();
    return { file, decisions };
  }

  it('a schema-9 ledger opens at this version: its records read back, its chain verifies, and what is written after numbers on above them', async () => {
    const { file, decisions } = await schema9File(0);
    expect(tableSql(file, 'audit')).toContain('AUTOINCREMENT');
    const ledger = new SqliteLedger({ file });
    try {
      for (const d of decisions) expect(await ledger.getDecision(d.org_id, d.id)).toEqual(d);
      const before = await ledger.auditTrail('org_test', PHONE);
      expect(verifyChain(before)).toMatchObject({ ok: true, length: 3 });
      const later = aDecision({ phone: PHONE });
      await ledger.recordDecision(later);
      const after = await ledger.auditTrail('org_test', PHONE);
      expect(verifyChain(after)).toMatchObject({ ok: true, length: 4 });
      expect(after.slice(0, 3)).toEqual(before);
      expect(after[3].seq).toBeGreaterThan(before[2].seq);
      expect(after[3].ref_id).toBe(later.id);
      expect((await ledger.listDecisions('org_test', { limit: 10 })).items.map((d) => d.id)).toContain(later.id);
    } finally {
      await ledger.close();
    }
    expect(inspect(file).version).toBe(SCHEMA_VERSION);
    for (const name of ['decisions', 'audit']) expect(tableSql(file, name)).not.toContain('AUTOINCREMENT');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT name FROM sqlite_sequence WHERE name IN ('decisions', 'audit')").all()).toEqual([]);
    db.close();
  });

  it('a table whose sequence stands above its highest seq (rows deleted by hand) keeps AUTOINCREMENT, so no seq is handed out twice', async () => {
    const { file } = await schema9File(5);
    const ledger = new SqliteLedger({ file });
    try {
      await ledger.recordDecision(aDecision({ phone: PHONE }));
    } finally {
      await ledger.close();
    }
    expect(tableSql(file, 'decisions')).toContain('AUTOINCREMENT');
    expect(tableSql(file, 'audit')).not.toContain('AUTOINCREMENT');
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT max(seq) AS seq FROM decisions').get() as { seq: number }).seq).toBe(2 + 5 + 1);
    db.close();
  });
});
