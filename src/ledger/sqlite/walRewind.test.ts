import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { aDecision } from '../../../test/fixtures/records';
import { SqliteLedger } from './sqliteLedger';

describe('checkpointer under a steady stream of decisions', () => {
  it('keeps the log from growing: it is started over instead', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const holds: number[] = [];
    // The rewind point is scaled down from 32,768 pages, and the passes' interval with it: between two
    // passes the log must grow by a small part of the rewind point, as it does at full scale, or its
    // peak moves with where the passes fall and says nothing about whether it was started over.
    const ledger = new SqliteLedger({ file, rewindPages: 300, checkpointIntervalMs: 10, onWriteHold: (seconds) => holds.push(seconds) });
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
    // Every rewind held the writes briefly, and said for how long (the gateway's hold metric).
    expect(holds.length).toBeGreaterThan(0);
    for (const seconds of holds) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(1);
    }
  });
});
