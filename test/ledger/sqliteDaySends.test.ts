/**
 * The SQLite ledger counts a subject's texts of the day in its chain-head
 * row (ledger/sqlite/daySends.ts), where ledgers made before counted them in
 * send_counters. The caps themselves are pinned for both engines in
 * contract.ts; this file pins what is SQLite's own: the count outlives the
 * other entries of the chain and a restart, and a ledger made before keeps
 * the texts it had counted on the day it moves.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/auditChain';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aConsent, aDecision, aRevocation, reserveSending } from '../fixtures/records';

const PHONE = '+15551234567';
const today = new Date().toISOString().slice(0, 10);
const r = { entity: 'acme', day: today, month: today.slice(0, 7), dailyCap: 3, monthlyQuota: null };
const newFile = () => join(mkdtempSync(join(tmpdir(), 'cg-daysends-')), 'consent-gate.db');

describe('SQLite: texts of the day kept with the chain head', () => {
  it('other entries of the subject’s chain (a consent, a precall, a revocation) leave the count alone', async () => {
    const ledger = new SqliteLedger({ file: ':memory:' });
    try {
      expect(await reserveSending(ledger, PHONE, r)).toBe('reserved');
      expect(await reserveSending(ledger, PHONE, r)).toBe('reserved');
      await ledger.captureConsent(aConsent({ phone: PHONE }));
      await ledger.recordDecision(aDecision({ phone: PHONE }));
      await ledger.recordRevocation(aRevocation({ phone: PHONE, calling_entity: 'Someone Else LLC' }));
      expect(await ledger.sendCounts('org_test', PHONE, r)).toEqual({ sentToday: 2, sentThisMonth: 2 });
      expect(await reserveSending(ledger, PHONE, r)).toBe('reserved');
      expect(await reserveSending(ledger, PHONE, r)).toBe('frequency_cap');
      // The reservation reads the chain head once, for the count and for the chain: the chain stays whole.
      expect(verifyChain(await ledger.auditTrail('org_test', PHONE))).toMatchObject({ ok: true, length: 7 });
    } finally {
      await ledger.close();
    }
  });

  it('texts and other decisions racing for one subject in one turn: the cap holds and the chain is whole', async () => {
    const ledger = new SqliteLedger({ file: ':memory:' });
    try {
      const results = await Promise.all([
        ...Array.from({ length: 10 }, () => reserveSending(ledger, PHONE, r)),
        ...Array.from({ length: 5 }, () => ledger.recordDecision(aDecision({ phone: PHONE })).then(() => 'precall')),
      ]);
      expect(results.filter((x) => x === 'reserved')).toHaveLength(3);
      expect(results.filter((x) => x === 'frequency_cap')).toHaveLength(7);
      expect(verifyChain(await ledger.auditTrail('org_test', PHONE))).toMatchObject({ ok: true, length: 15 });
    } finally {
      await ledger.close();
    }
  });

  it('the count is on disk with the decision: a reopened ledger still refuses the fourth text', async () => {
    const file = newFile();
    const first = new SqliteLedger({ file });
    for (let i = 0; i < 3; i++) expect(await reserveSending(first, PHONE, r)).toBe('reserved');
    await first.close();
    const again = new SqliteLedger({ file });
    try {
      expect(await reserveSending(again, PHONE, r)).toBe('frequency_cap');
    } finally {
      await again.close();
    }
  });

  it('a ledger made before keeps the texts it counted in send_counters on the day it moves, and only then', async () => {
    const file = newFile();
    await new SqliteLedger({ file }).close();
    // As that ledger was: no `sends` column, two texts of today counted in send_counters, and no version in its header.
    const db = new Database(file);
    db.exec(`
      CREATE TABLE heads_before AS SELECT org_id, phone, hash FROM audit_heads;
      DROP TABLE audit_heads;
      CREATE TABLE audit_heads (org_id TEXT NOT NULL, phone TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (org_id, phone)) WITHOUT ROWID;
      DROP TABLE heads_before;
      DELETE FROM meta WHERE key = 'legacy_day_counts_until';
      PRAGMA user_version = 0;
    `);
    const day = (d: string) => `day:${PHONE}:acme:${d}`;
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const d of [today, later]) db.prepare('INSERT INTO send_counters (org_id, key, count) VALUES (?, ?, 2)').run('org_test', day(d));
    db.close();

    const ledger = new SqliteLedger({ file });
    try {
      expect(await ledger.sendCounts('org_test', PHONE, r)).toMatchObject({ sentToday: 2 });
      expect(await reserveSending(ledger, PHONE, r)).toBe('reserved');
      expect(await reserveSending(ledger, PHONE, r)).toBe('frequency_cap');
      // Three days on, a row there is not the old ledger's: it no longer counts.
      expect(await ledger.sendCounts('org_test', PHONE, { ...r, day: later })).toMatchObject({ sentToday: 0 });
    } finally {
      await ledger.close();
    }
  });
});
