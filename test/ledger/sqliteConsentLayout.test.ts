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
import { LedgerUnavailableError, suppressionKeying } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { LedgerInUseError } from '../../src/errors';
import { upgradeConsentLayout } from '../../src/ledger/sqlite/upgradeConsentLayout';
import { aConsent } from '../fixtures/records';
import { createSchema1Ledger } from '../fixtures/schema1';

const consentIndexes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consents' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
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
    // which put every capture on a random page (a large import ran markedly longer with it).
    expect(consentIndexes(file)).toEqual(['consents_org_entity', 'consents_subject_dedupe', 'sqlite_autoindex_consents_1']);
  });

  it('a ledger created before schema 2 opens as it was: duplicates are still refused and consents found by phone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-layout-')), 'consent-gate.db');
    createSchema1Ledger(file);
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
    createSchema1Ledger(file);
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

describe('consent-gate ledger upgrade (upgradeConsentLayout)', () => {
  const SECRET = { retentionSecret: 'layout-test-retention-secret' };
  const OLD = '2025-06-01T12:00:00.000Z';

  /** A schema-1 ledger with three consents: one for another number, one anonymised by retention, one deleted from the end. */
  async function schema1Ledger() {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-upgrade-')), 'consent-gate.db');
    createSchema1Ledger(file);
    const kept = aConsent({ id: 'con_kept', phone: '+12125550199' });
    const ended = aConsent({ id: 'con_ended', created_at: OLD, captured_at: OLD, status: 'opted_out', opted_out_at: OLD });
    const last = aConsent({ id: 'con_last', phone: '+12125550198' });
    await withLedger(
      file,
      async (ledger) => {
        await ledger.captureConsent(kept);
        await ledger.captureConsent(ended);
        await ledger.captureConsent(last);
        expect((await ledger.anonymiseBefore('2026-01-01T00:00:00.000Z')).consents).toBe(1);
      },
      SECRET,
    );
    const db = new Database(file);
    db.prepare("DELETE FROM consents WHERE id = 'con_last'").run();
    db.close();
    return { file, kept, ended };
  }

  const rows = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT seq, id, phone, data FROM consents ORDER BY seq').all();
    } finally {
      db.close();
    }
  };

  it('rebuilds a schema-1 ledger in the subject layout, every consent and seq kept; a second run has nothing to do', async () => {
    const { file, kept, ended } = await schema1Ledger();
    const before = rows(file);
    const progress: [number, number][] = [];
    expect(await upgradeConsentLayout(file, { batchRows: 1, onProgress: (moved, total) => progress.push([moved, total]) })).toEqual({
      from: 'legacy',
      consents: 2,
    });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(consentIndexes(file)).toEqual(['consents_org_entity', 'consents_subject_dedupe', 'sqlite_autoindex_consents_1']);
    expect(rows(file)).toEqual(before);
    // As the subject layout's retention writes it: an anonymised consent's dedupe column carries its id.
    const db = new Database(file, { readonly: true });
    const dedupeColumns = db.prepare('SELECT id, dedupe_key FROM consents ORDER BY seq').all() as { id: string; dedupe_key: string }[];
    db.close();
    expect(dedupeColumns.map((r) => r.dedupe_key.endsWith(`:${r.id}`))).toEqual([false, true]);
    expect(await upgradeConsentLayout(file)).toEqual({ from: 'subject', consents: 0 });

    await withLedger(
      file,
      async (ledger) => {
        // Deduplicated by subject now, as a new ledger and Redis do: the anonymised consent no longer stands for a re-capture.
        expect((await ledger.captureConsent({ ...ended, id: 'con_again' })).created).toBe(true);
        // The seq of the consent deleted before the upgrade is not handed out again.
        expect(rows(file).map((r) => (r as { seq: number }).seq)).toEqual([1, 2, 4]);
        expect((await ledger.contactFacts(kept.org_id, kept.phone)).consents.map((c) => c.id)).toEqual([kept.id]);
        expect((await ledger.captureConsent({ ...kept, id: 'con_copy' })).created).toBe(false);
      },
      SECRET,
    );
  });

  it('a failure halfway leaves the old table whole, and a second run completes', async () => {
    const { file } = await schema1Ledger();
    const before = rows(file);
    const failing = upgradeConsentLayout(file, {
      batchRows: 1,
      onProgress: (moved) => {
        if (moved === 1) throw new Error('disk full (simulated)');
      },
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    expect(consentIndexes(file)).toContain('consents_org_phone');
    expect(rows(file)).toEqual(before);
    expect(await upgradeConsentLayout(file)).toEqual({ from: 'legacy', consents: 2 });
    expect(rows(file)).toEqual(before);
  });

  it('a gateway started while the upgrade runs cannot open the ledger: it fails, it does not serve', { timeout: 20_000 }, async () => {
    const { file } = await schema1Ledger();
    let opened: unknown;
    let startedDuring = false;
    const upgraded = await upgradeConsentLayout(file, {
      batchRows: 1,
      onProgress: (moved) => {
        if (moved !== 1) return;
        startedDuring = true;
        // The gateway's store opens mid-upgrade (it waits its busy timeout, then gives up).
        try {
          opened = new SqliteLedger({ file, suppression: suppressionKeying(SECRET.retentionSecret) });
        } catch (err) {
          opened = err;
        }
      },
    });
    expect(startedDuring).toBe(true);
    expect(opened).toBeInstanceOf(LedgerUnavailableError);
    expect((opened as Error).message).toMatch(/cannot open SQLite ledger .*locked/);
    expect(upgraded).toEqual({ from: 'legacy', consents: 2 });
    // Afterwards it opens, in the new layout.
    await withLedger(file, async (ledger) => expect((await ledger.contactFacts('org_test', '+12125550199')).consents).toHaveLength(1), SECRET);
  });

  it('refuses while the ledger is open elsewhere (a running gateway) and changes nothing', async () => {
    const { file } = await schema1Ledger();
    const before = consentIndexes(file);
    const running = new SqliteLedger({ file, suppression: suppressionKeying(SECRET.retentionSecret) });
    try {
      await expect(upgradeConsentLayout(file)).rejects.toThrow(LedgerInUseError);
    } finally {
      await running.close();
    }
    expect(consentIndexes(file)).toEqual(before);
    expect(before).toContain('consents_org_phone');
    expect((await upgradeConsentLayout(file)).from).toBe('legacy');
  });
});
