import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitTurn } from './decisionsAndSends';

/** SQLite's temporary files this process holds open (named etilqs_*, deleted once opened). */
function openTemporaryFiles(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).includes('etilqs_');
    } catch {
      return false;
    }
  }).length;
}

// The file descriptors are read from /proc: Linux only.
describe.runIf(existsSync('/proc/self/fd'))('a turn’s savepoint journals', () => {
  let dir: string;
  let db: Database.Database;
  const ROWS = 20_000;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cg-savepoint-journals-'));
    db = new Database(join(dir, 'ledger.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (n, v) VALUES (?, ?)');
    db.transaction(() => {
      for (let n = 0; n < ROWS; n++) insert.run(n, 'a'.repeat(100));
    })();
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // One row in every 40 is a row on each of ~500 pages: far past what SQLite holds in memory before it moves a journal to a file.
  const touchManyPages = (v: string) => db.prepare('UPDATE t SET v = ? WHERE n % 40 = 0').run(v).changes;

  it('stay in memory however many pages a write changes, and a failed write is still undone alone', async () => {
    const turn = groupCommitTurn(db);
    let filesDuringTurn = -1;
    const kept = turn.run(() => {
      touchManyPages('b'.repeat(100));
      filesDuringTurn = openTemporaryFiles();
      return 'kept';
    });
    const failed = turn
      .run(() => {
        touchManyPages('c'.repeat(100));
        throw new Error('this write fails alone');
      })
      .then(
        () => 'stored',
        (err: Error) => err.message,
      );
    expect(filesDuringTurn).toBe(0);
    await expect(kept).resolves.toBe('kept');
    expect(await failed).toContain('this write fails alone');
    const values = db.prepare('SELECT DISTINCT v FROM t WHERE n % 40 = 0').pluck().all();
    expect(values).toEqual(['b'.repeat(100)]);
  });

  it('outside a turn, the connection keeps its temporary data in files as before', async () => {
    const turn = groupCommitTurn(db);
    await turn.run(() => touchManyPages('b'.repeat(100)));
    expect(db.pragma('temp_store', { simple: true })).toBe(0);
    db.exec('BEGIN');
    db.exec('SAVEPOINT outside_a_turn');
    touchManyPages('d'.repeat(100));
    expect(openTemporaryFiles()).toBe(1);
    db.exec('RELEASE outside_a_turn');
    db.exec('COMMIT');
  });
});
