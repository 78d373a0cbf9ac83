import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TurnTransaction } from './turnTransaction';

describe('TurnTransaction', () => {
  let db: Database.Database;
  let turn: TurnTransaction;
  let commits: number;
  const rows = () => (db.prepare('SELECT n FROM t ORDER BY n').all() as { n: number }[]).map((r) => r.n);
  const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    commits = 0;
    turn = new TurnTransaction(db, { onOpen: () => {}, onClose: () => void commits++, wrap: (err) => err as Error }, 4);
  });
  afterEach(() => {
    if (db.open) db.close();
  });

  it('writes of one turn run at once, commit together at its end, and resolve only after the commit', async () => {
    let resolved = 0;
    const waits = [1, 2, 3].map((n) => turn.run(insert(n)).then(() => resolved++));
    // Written (visible to this connection) but not committed, nobody answered yet.
    expect(rows()).toEqual([1, 2, 3]);
    expect(db.inTransaction).toBe(true);
    expect(resolved).toBe(0);
    await Promise.all(waits);
    expect(db.inTransaction).toBe(false);
    expect(commits).toBe(1);
    await turn.run(insert(4));
    expect(commits).toBe(2);
  });

  it('answers each write with its own result', async () => {
    const results = await Promise.all([turn.run(() => 'a'), turn.run(() => 42)]);
    expect(results).toEqual(['a', 42]);
  });

  it('a write that throws leaves nothing behind and fails alone', async () => {
    const ok = turn.run(insert(1));
    const bad = turn.run(() => {
      insert(2)();
      throw new Error('constraint');
    });
    await expect(bad).rejects.toThrow('constraint');
    await ok;
    expect(rows()).toEqual([1]);
  });

  it('a failed commit fails every write of the turn and keeps none of them', async () => {
    const first = turn.run(insert(1));
    const second = turn.run(insert(2));
    // Make COMMIT fail: a deferred foreign-key violation is checked at commit time.
    const results = await Promise.allSettled([
      first,
      second,
      turn.run(() => db.exec('CREATE TABLE c (p INTEGER REFERENCES t(n) DEFERRABLE INITIALLY DEFERRED); INSERT INTO c VALUES (99)')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(db.inTransaction).toBe(false);
    expect(rows()).toEqual([]);
    await turn.run(insert(5));
    expect(rows()).toEqual([5]);
  });

  it('commits at once when a turn holds the most writes it may', async () => {
    const waits = Array.from({ length: 6 }, (_, i) => turn.run(insert(i)));
    expect(commits).toBe(1);
    await Promise.all(waits);
    expect(commits).toBe(2);
    expect(rows()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('end commits what is waiting without waiting for the event loop', () => {
    void turn.run(insert(7));
    turn.end();
    expect(db.inTransaction).toBe(false);
    expect(commits).toBe(1);
  });
});

describe('TurnTransaction held (while the log is rewound)', () => {
  it('commits the open turn on hold, keeps new writes waiting in order, and runs them on release', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const turn = new TurnTransaction(db, { onOpen: () => {}, onClose: () => {}, wrap: (err) => err as Error });
    const first = turn.run(() => db.prepare('INSERT INTO t (n) VALUES (1)').run());
    turn.hold();
    expect(db.inTransaction).toBe(false);
    await first;
    const order: number[] = [];
    const later = [2, 3].map((n) =>
      turn.run(() => {
        order.push(n);
        return db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    turn.release();
    expect(await Promise.all(later)).toEqual([1, 1]);
    expect(order).toEqual([2, 3]);
    db.close();
  });
});
