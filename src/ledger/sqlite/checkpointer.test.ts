import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';

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
