import { closeSync, mkdtempSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { aDecision } from '../../../test/fixtures/records';
import { startCheckpointer } from './checkpointer';
import { SqliteLedger } from './sqliteLedger';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('checkpointer', () => {
  it('stop() leaves no timer behind (a pending one kept every CLI command alive 2 s after its work)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const before = timers();
    const cp = startCheckpointer(file);
    expect(cp).not.toBeNull();
    const started = performance.now();
    await cp!.stop();
    // At most as many as before: a timer of the test runner's own may end meanwhile (seen as 1 → 0).
    expect(timers()).toBeLessThanOrEqual(before);
    expect(performance.now() - started).toBeLessThan(2000);
    db.close();
  });
});

describe('checkpointer passes under a steady stream of decisions', () => {
  it('are spaced out while the log grows: each pass copies and fsyncs the pages every commit rewrites', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const ledger = new SqliteLedger({ file });
    // How far the log is checkpointed (nBackfill, after the two copies of the index header in the
    // -shm file): every pass that copied something moves it.
    const shm = openSync(`${file}-shm`, 'r');
    const backfilled = () => {
      const b = Buffer.alloc(4);
      readSync(shm, b, 0, 4, 96);
      return b.readUInt32LE(0);
    };
    let moves = 0;
    let last = backfilled();
    let recorded = 0;
    const until = performance.now() + 1500;
    while (performance.now() < until) {
      await Promise.all(Array.from({ length: 4 }, () => ledger.recordDecision(aDecision({ phone: `+1212555${String(1000 + (recorded++ % 9000))}` }))));
      const now = backfilled();
      if (now !== last) moves++;
      last = now;
      await new Promise((r) => setTimeout(r, 1));
    }
    closeSync(shm);
    await ledger.close();
    // The log is checkpointed as it grows, but a few times a second, not a hundred.
    expect(recorded).toBeGreaterThan(400);
    expect(moves).toBeGreaterThanOrEqual(3);
    expect(moves).toBeLessThanOrEqual(25);
  });
});
