import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { aDecision } from '../../../test/fixtures/records';
import { startCheckpointer, type CheckpointTrace } from './checkpointer';
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
    cp!.closeFile();
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

describe('rewind holds', () => {
  const walRestarts = (file: string) => {
    // The -wal header's checkpoint sequence: one more each time a writer starts the log over.
    const fd = openSync(`${file}-wal`, 'r');
    const b = Buffer.alloc(4);
    readSync(fd, b, 0, 4, 12);
    closeSync(fd);
    return b.readUInt32BE(0);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('hold the writes once per rewind point: while the writes pause, the log waits for the next one to start it over', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const holds: number[] = [];
    let held = false;
    const ledger = new SqliteLedger({
      file,
      rewindPages: 300,
      checkpointIntervalMs: 10,
      onWriteHold: (seconds) => holds.push(seconds),
      onCheckpointTrace: (e) => (held ||= e.kind === 'held'),
    });
    let recorded = 0;
    const write = () => ledger.recordDecision(aDecision({ phone: `+1212555${String(1000 + (recorded++ % 9000))}` }));
    // Writes until the first hold, and none during it: nothing the release lets through starts the log over.
    const until = performance.now() + 5000;
    while (!held && performance.now() < until) {
      await Promise.all(Array.from({ length: 8 }, write));
      await sleep(1);
    }
    const restarts = walRestarts(file);
    // Fifty passes with nothing written: the log is checkpointed whole, and a writer held again and again
    // for nothing would make every write that arrives wait.
    await sleep(500);
    expect(holds).toHaveLength(1);
    await write();
    expect(walRestarts(file)).toBe(restarts + 1);
    await ledger.close();
  });

  it('come after the worker caught up with the log and wrote the database file back, so a hold copies only the last few writes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const events: CheckpointTrace[] = [];
    const ledger = new SqliteLedger({ file, rewindPages: 300, onCheckpointTrace: (e) => events.push(e) });
    let recorded = 0;
    const until = performance.now() + 1500;
    while (performance.now() < until) {
      await Promise.all(Array.from({ length: 8 }, () => ledger.recordDecision(aDecision({ phone: `+1212555${String(1000 + (recorded++ % 9000))}` }))));
      await sleep(1);
    }
    await ledger.close();
    const asked = events.flatMap((e, i) => (e.kind === 'asked' ? [i] : []));
    expect(asked.length).toBeGreaterThan(0);
    for (const at of asked) {
      const since = events
        .slice(
          events.findLastIndex((e, i) => i < at && e.kind === 'pass'),
          at,
        )
        .map((e) => e.kind);
      // The pass that found the log past the rewind point, then at least one more to catch up (a pass's result
      // is the log it started from: what was written while it copied is left), and last the fsync of the
      // database file that SQLite skips in every checkpoint that does not reach the log's end.
      expect(since[0]).toBe('pass');
      expect(since).toContain('catch-up');
      expect(since.at(-1)).toBe('sync');
    }
  });
});

describe("the worker's handle on the database file", () => {
  // /proc/self/fd lists the process's open files (Linux).
  it.skipIf(process.platform !== 'linux')('is closed with the ledger, after its connection: no handle of the process on the file is left', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
    const handlesOn = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false;
        }
      }).length;
    const ledger = new SqliteLedger({ file });
    await ledger.recordDecision(aDecision());
    // The request connection's and the worker's (its connection's, and the one it fsyncs the file through).
    await new Promise((r) => setTimeout(r, 200));
    expect(handlesOn()).toBeGreaterThanOrEqual(3);
    await ledger.close();
    expect(handlesOn()).toBe(0);
  });

  // /proc/locks lists every POSIX lock with its process and the file's inode (Linux).
  it.skipIf(process.platform !== 'linux')(
    "is shared by the process's ledgers on one file: closing one leaves the other's locks on the file in place",
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'cg-ckpt-')), 'x.db');
      const ownLocks = () => {
        const inode = `:${statSync(file).ino} `;
        return readFileSync('/proc/locks', 'utf8')
          .split('\n')
          .filter((line) => line.includes(inode) && line.includes(` ${process.pid} `)).length;
      };
      const first = new SqliteLedger({ file });
      await first.recordDecision(aDecision());
      const second = new SqliteLedger({ file });
      await second.recordDecision(aDecision());
      const held = ownLocks();
      // A connection in WAL mode holds a shared lock on the database file while it is open.
      expect(held).toBeGreaterThan(0);
      await second.close();
      // Closing a handle of its own would have dropped every lock the process held on the file, the first ledger's too.
      expect(ownLocks()).toBe(held);
      await first.recordDecision(aDecision());
      await first.close();
      expect(ownLocks()).toBe(0);
    },
  );
});
