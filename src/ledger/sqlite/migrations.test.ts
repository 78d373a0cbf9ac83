import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from './migrations';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

const steps: Migration[] = [
  { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x)') },
  { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (x)') },
];

describe('migrate', () => {
  it('runs the steps above the file’s version, in order, once', () => {
    const db = new Database(':memory:');
    migrate(db, 'test', steps.slice(0, 1));
    expect([tables(db), version(db)]).toEqual([['a'], 1]);
    migrate(db, 'test', steps);
    expect([tables(db), version(db)]).toEqual([['a', 'b'], 2]);
    // At its version: nothing runs again (a step that is not idempotent would fail here).
    migrate(db, 'test', steps);
    expect(version(db)).toBe(2);
  });

  it('all or nothing: a step that fails leaves the file at the version it had, with nothing of the earlier steps', () => {
    const db = new Database(':memory:');
    const fail = () => {
      throw new Error('disk full (simulated)');
    };
    const failing = [...steps, { version: 3, name: 'c', up: fail }];
    expect(() => migrate(db, 'test', failing)).toThrow('disk full (simulated)');
    expect([tables(db), version(db)]).toEqual([[], 0]);
  });

  it('the shipped steps are numbered 1, 2, 3… in order, each with a name', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name.length).toBeGreaterThan(10);
  });
});
