import { mkdtempSync, statSync } from 'node:fs';
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
    expect(timers()).toBe(before);
    expect(performance.now() - started).toBeLessThan(2000);
    db.close();
  });
});

describe('checkpointer under a steady stream of decisions', () => {
  it('keeps the log from growing: it is started over instead', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const ledger = new SqliteLedger({ file, rewindPages: 300 });
    let recorded = 0;
    // Like the gateway under load: a few decisions every millisecond, never a quiet moment.
    const writeFor = async (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        await Promise.all(Array.from({ length: 8 }, () => ledger.recordDecision(aDecision({ phone: `+1212555${String(1000 + (recorded++ % 9000))}` }))));
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    const walPages = () => statSync(`${file}-wal`).size / 4096;
    await writeFor(800);
    const half = { wal: walPages(), recorded };
    await writeFor(800);
    const end = walPages();
    await ledger.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n).toBe(recorded);
    db.close();
    // The second half wrote as much again, into the same log: its file did not grow (it would double, never rewound).
    expect(recorded).toBeGreaterThan(half.recorded * 1.5);
    expect(half.wal).toBeGreaterThan(300);
    expect(end).toBeLessThan(half.wal * 1.3);
  });
});
