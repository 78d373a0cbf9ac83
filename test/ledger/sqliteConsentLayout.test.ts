/**
 * The consents table's layout (schema.ts, CONSENT_LAYOUTS): a new ledger
 * finds and deduplicates a subject's consents through one index; a ledger
 * created before schema 2 opens as it was and keeps working, with no index
 * built at start (on a large ledger that would hold the start for minutes).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { consentWrite } from '../../src/ledger/consentWrite';
import { suppressionKeying } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aConsent } from '../fixtures/records';

/** The consents table and its indexes exactly as schema 1 created them. */
const SCHEMA_1_CONSENTS = `
CREATE TABLE consents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (org_id, dedupe_key)
);
CREATE INDEX consents_org_phone ON consents (org_id, phone);
CREATE INDEX consents_org_entity ON consents (org_id, entity_key);
`;

const consentIndexes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consents' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

async function withLedger(file: string, fn: (ledger: SqliteLedger) => Promise<void>, options: { retentionSecret?: string } = {}): Promise<void> {
  const ledger = new SqliteLedger({ file, suppression: options.retentionSecret ? suppressionKeying(options.retentionSecret) : undefined });
  try {
    await fn(ledger);
  } finally {
    await ledger.close();
  }
}

describe('SQLite consents layout', () => {
  it('a new ledger indexes consents by subject and content in one index, not by the content digest alone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-layout-')), 'consent-gate.db');
    await withLedger(file, async (ledger) => {
      const c = aConsent();
      expect((await ledger.captureConsent(c)).created).toBe(true);
      expect(await ledger.captureConsent({ ...c, id: 'con_copy' })).toEqual({ consent: c, created: false });
      expect((await ledger.contactFacts(c.org_id, c.phone)).consents.map((x) => x.id)).toEqual([c.id]);
    });
    // The id's own unique index, the entity index and the subject index: nothing keyed by the digest alone,
    // which put every capture on a random page (a million-row import ran ~40% longer with it).
    expect(consentIndexes(file)).toEqual(['consents_org_entity', 'consents_subject_dedupe', 'sqlite_autoindex_consents_1']);
  });

  it('a ledger created before schema 2 opens as it was: duplicates are still refused and consents found by phone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-layout-')), 'consent-gate.db');
    const old = new Database(file);
    old.exec(SCHEMA_1_CONSENTS);
    old.close();
    const before = consentIndexes(file);
    const c = aConsent();
    await withLedger(file, async (ledger) => {
      expect((await ledger.captureConsent(c)).created).toBe(true);
      expect(await ledger.captureConsent({ ...c, id: 'con_copy' })).toEqual({ consent: c, created: false });
      expect(await ledger.captureConsents([consentWrite({ ...c, id: 'con_copy_2' })])).toEqual({ created: 0, duplicates: 1 });
    });
    // Reopened: the same layout, the same answers.
    await withLedger(file, async (ledger) => {
      expect((await ledger.contactFacts(c.org_id, c.phone)).consents.map((x) => x.id)).toEqual([c.id]);
      expect((await ledger.captureConsent({ ...c, id: 'con_copy_3' })).created).toBe(false);
    });
    expect(consentIndexes(file)).toEqual(before);
    expect(before).toContain('consents_org_phone');
  });

  it('a ledger created before schema 2 keeps its duplicates through retention: a consent anonymised is still the one a re-capture finds', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-layout-')), 'consent-gate.db');
    const old = new Database(file);
    old.exec(SCHEMA_1_CONSENTS);
    old.close();
    const OLD = '2025-06-01T12:00:00.000Z';
    const ended = aConsent({ created_at: OLD, captured_at: OLD, status: 'opted_out', opted_out_at: OLD });
    await withLedger(
      file,
      async (ledger) => {
        await ledger.captureConsent(ended);
        expect((await ledger.anonymiseBefore('2026-01-01T00:00:00.000Z')).consents).toBe(1);
        // Schema 1 deduplicated by content across the org, and a ledger of that layout still does (the new layout, and Redis, by subject).
        const again = await ledger.captureConsent({ ...ended, id: 'con_again' });
        expect(again).toMatchObject({ created: false, consent: { id: ended.id, phone: expect.stringMatching(/^hmac:/) } });
      },
      { retentionSecret: 'layout-test-retention-secret' },
    );
  });
});
