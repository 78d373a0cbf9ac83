/**
 * The SQLite ledger counts an org's texts of the month in a send_counters
 * row, inside the group-committed turn (ledger/sqlite/turnTransaction.ts).
 * The quota itself is pinned for both engines in contract.ts; this file pins
 * what the turn must not change: the total reaches the file, a text whose
 * decision fails is not counted, and a turn starts from what other
 * connections committed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aDecision, reserveSending } from '../fixtures/records';

const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: 7 };
const phones = Array.from({ length: 60 }, (_, i) => `+1212555${String(3000 + i)}`);
const newFile = () => join(mkdtempSync(join(tmpdir(), 'cg-monthcounts-')), 'consent-gate.db');

describe('SQLite: an org’s texts of the month, counted in the group-committed turn', () => {
  it('texts of many numbers in one turn stop at the quota, and the count is on disk after the commit', async () => {
    const file = newFile();
    const first = new SqliteLedger({ file });
    const results = await Promise.all(phones.map((p) => reserveSending(first, p, r)));
    expect(results.filter((x) => x === 'reserved')).toHaveLength(7);
    expect(results.filter((x) => x === 'quota_exceeded')).toHaveLength(53);
    await first.close();
    const reopened = new SqliteLedger({ file });
    try {
      expect((await reopened.sendCounts('org_test', phones[0], r)).sentThisMonth).toBe(7);
      const more = await Promise.all(phones.slice(0, 5).map((p) => reserveSending(reopened, p, { ...r, monthlyQuota: 10 })));
      expect(more.filter((x) => x === 'reserved')).toHaveLength(3);
      expect((await reopened.sendCounts('org_test', phones[0], r)).sentThisMonth).toBe(10);
    } finally {
      await reopened.close();
    }
  });

  it('a text allowed in a turn whose decision cannot be stored counts nothing', async () => {
    const ledger = new SqliteLedger({ file: ':memory:' });
    try {
      const taken = aDecision({ kind: 'presend' });
      await ledger.recordDecision(taken);
      const limits = { dailyCap: 3, monthlyQuota: null };
      // Allowed, then refused by the store: its id is another decision's.
      const clash = ledger.decideSend('org_test', taken.phone, r, () => ({ decision: { ...taken }, limits }));
      const others = Promise.all(phones.slice(0, 4).map((p) => reserveSending(ledger, p, { ...r, monthlyQuota: null })));
      await expect(clash).rejects.toThrow(/UNIQUE/);
      expect(await others).toEqual(['reserved', 'reserved', 'reserved', 'reserved']);
      expect(await ledger.sendCounts('org_test', taken.phone, r)).toEqual({ sentToday: 0, sentThisMonth: 4 });
    } finally {
      await ledger.close();
    }
  });

  it('each turn starts from what the file says: texts another connection counted in between are seen', async () => {
    const file = newFile();
    const a = new SqliteLedger({ file });
    const b = new SqliteLedger({ file });
    try {
      const quota = { ...r, monthlyQuota: 3 };
      expect(await reserveSending(a, phones[0], quota)).toBe('reserved');
      expect(await reserveSending(b, phones[1], quota)).toBe('reserved');
      expect(await reserveSending(a, phones[2], quota)).toBe('reserved');
      expect(await reserveSending(b, phones[3], quota)).toBe('quota_exceeded');
      expect(await reserveSending(a, phones[4], quota)).toBe('quota_exceeded');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
