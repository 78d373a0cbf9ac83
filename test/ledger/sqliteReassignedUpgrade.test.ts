/**
 * A reassigned.db written before imported results carried their import time opens, keeps its
 * results, and the retention job does not count them as old: they are aged from the upgrade.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteReassignedStore } from '../../src/ledger/reassigned/sqliteReassignedStore';

describe('SQLite reassigned-number answers: a file from before import times', () => {
  it('keeps its results through the next retention pass', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-rnd-old-')), 'reassigned.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE rnd_results (org_id TEXT NOT NULL, phone TEXT NOT NULL, date TEXT NOT NULL, result TEXT NOT NULL,
      PRIMARY KEY (org_id, phone, date)) WITHOUT ROWID`);
    old.prepare('INSERT INTO rnd_results VALUES (?, ?, ?, ?)').run('org_a', '+12125550143', '2026-10-01', 'yes');
    old.close();

    const store = new SqliteReassignedStore(file);
    try {
      expect(await store.importedResults('org_a', '+12125550143')).toEqual([{ date: '2026-10-01', result: 'yes' }]);
      expect(await store.removeBefore(Date.now() - 86_400_000)).toEqual({ rnd_results: 0, cached_answers: 0 });
      expect(await store.importedResults('org_a', '+12125550143')).toHaveLength(1);
      // A full period after the upgrade it is as old as any result imported then.
      expect(await store.removeBefore(Date.now() + 60_000)).toEqual({ rnd_results: 1, cached_answers: 0 });
    } finally {
      await store.close();
    }
  });

  it('refuses a file written by a newer build, naming it, rather than reading a layout it does not know', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-rnd-new-')), 'reassigned.db');
    new SqliteReassignedStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${(db.pragma('user_version', { simple: true }) as number) + 1}`);
    db.close();
    expect(() => new SqliteReassignedStore(file)).toThrow(/reassigned-number answers at .*written by a newer Consent Gate/);
  });
});
