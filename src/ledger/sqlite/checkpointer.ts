/**
 * WAL checkpoints off the event loop.
 *
 * SQLite checkpoints a WAL database automatically inside the commit that
 * makes the log pass 1000 pages: that commit copies the log into the
 * database file and fsyncs it. better-sqlite3 is synchronous, so whichever
 * request commits then — in practice a decision, committed with
 * synchronous=NORMAL precisely to keep fsync off the per-call path — blocks
 * the whole event loop for the copy and the fsync, every hundred or so
 * decisions: that pause was the precall p99.
 *
 * Instead a worker thread with its own connection runs PASSIVE checkpoints
 * on a timer (they never block the writer), and the request connection
 * keeps only a distant automatic checkpoint as a backstop. Durability is
 * unchanged: FULL commits still fsync the log before they return;
 * checkpoints only move committed pages.
 *
 * Rewinding the log: SQLite starts the log over only when a writer begins
 * while every frame is already checkpointed, which a checkpointer in another
 * thread cannot arrange while decisions keep arriving. Left alone, the log
 * grew to the backstop and the request connection then checkpointed inline:
 * under sustained load, a long pause every few thousand decisions, which
 * made the p99 at half load. So when the log passes REWIND_PAGES the worker
 * asks the writer for a quiet moment (`rewind`), after a few passes back to
 * back to catch up and an fsync of the database file (see syncDatabase in
 * the worker): the writer commits its open turn and holds new writes (they
 * wait in memory, the event loop runs on), the worker checkpoints the few
 * frames written since its last pass, and the writer resumes — its next
 * transaction starts the log over. A hold lasts one small checkpoint (metric
 * consent_gate_sqlite_write_hold_seconds), at most MAX_HOLD_MS, once per
 * REWIND_PAGES of log: until the writer has started the log over, the worker
 * does not ask again.
 * The backstop remains for a dead worker.
 */
import { closeSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Past this many pages (128 MB at 4 KB) the worker asks for a rewind. A hold costs the same whatever
 * the length of the log (one checkpoint of the frames since the last pass, and its fsync), so a
 * longer log means rarer holds. Under load a decision committed alone writes several pages, and
 * with a much shorter log the holds came often enough to make the p99; at this length the p99 is
 * lower and the CPU per request unchanged (the longer log's index is not felt in reads;
 * docs/performance.md). The cost is disk: a log of up to 128 MB beside the database (more with the
 * backstop).
 */
export const REWIND_PAGES = 32_768;
/**
 * Backstop for the request connection, above the rewind point: checkpoint inline only if the log
 * passes this many pages (256 MB at 4 KB), which only a dead worker lets happen.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 2 * REWIND_PAGES;
/**
 * A pass every PASS_INTERVAL_MS, whether the log grows or not. Each pass copies every page changed
 * since the one before and fsyncs the log, and the pages every commit rewrites (the tails of the
 * append-only b-trees and their indexes, the org's daily counts, hot chain heads) are copied once a
 * pass whatever the interval: passes close together spent the worker's CPU, mostly in the kernel,
 * on copying the same pages over and over, taken from the request thread on a small machine. The
 * interval does not lengthen a hold: a hold copies only what was written since the last of the
 * catch-up passes, which run back to back just before a rewind is asked for, and writes back only
 * those pages, since the worker fsyncs the database file before it asks. A pass that finds nothing
 * new copies and fsyncs nothing.
 */
const PASS_INTERVAL_MS = 100;
const MAX_HOLD_MS = 100;
/**
 * Passes run back to back before a rewind is asked for. On a large ledger one pass copies pages
 * scattered over the whole file and its fsync is slow, so the frames written meanwhile made the
 * hold that followed long; a few more passes first leave the hold less to copy. At least
 * CATCH_UP_PASSES; more, up to MAX_CATCH_UP_PASSES, while each still finds fewer new frames than
 * the one before; none once a pass finds nothing new.
 */
const CATCH_UP_PASSES = 3;
const MAX_CATCH_UP_PASSES = 8;

// Plain CommonJS so the worker needs no TypeScript loader (tsx, the CLI's register()).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { fsyncSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
// The handle the database file is fsynced through, opened by the writer's thread (see startCheckpointer).
const dbFile = workerData.dbFile;
let asked = false;
// The log's length when it was last checkpointed whole in a hold: not asked again until the writer has started it over.
let rewoundLog = 0;
const now = () => performance.timeOrigin + performance.now();
function checkpoint(kind) {
  const at = workerData.trace ? now() : 0;
  let result;
  try {
    result = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
    return { log: 0, checkpointed: 0 };
  }
  if (workerData.trace) parentPort.postMessage({ trace: { kind, at, ms: now() - at, log: result.log, checkpointed: result.checkpointed, busy: result.busy } });
  return result;
}
// SQLite fsyncs the database file only in a checkpoint that reaches the end of the log; under load a
// pass rarely does (the writer appends while it copies), so the pages of pass after pass stay dirty
// in the kernel until one does. The checkpoint in a hold always does, and then wrote them all back
// with every write waiting. Writing them back here first leaves the hold its own pages only.
function syncDatabase() {
  if (dbFile === undefined) return;
  const at = workerData.trace ? now() : 0;
  try {
    fsyncSync(dbFile);
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
  if (workerData.trace) parentPort.postMessage({ trace: { kind: 'sync', at, ms: now() - at } });
}
let timer;
function pass() {
  let result = checkpoint('pass');
  if (result.log < rewoundLog) rewoundLog = 0;
  if (workerData.rewindPages && !asked && result.log >= workerData.rewindPages && result.log > rewoundLog) {
    // What the passes before copied, written back while the writes go on; then what the catch-up passes copied.
    syncDatabase();
    // Catch up before asking: a pass leaves behind what was written while it ran (the result's log is
    // the length it started from), and the hold must copy that with every write waiting. Each pass in
    // a row finds less, down to what one pass takes to write.
    for (let i = 0, found = Infinity; i < workerData.maxCatchUpPasses; i++) {
      const from = result.checkpointed;
      result = checkpoint('catch-up');
      const nowFound = result.log - from;
      if (nowFound <= 0 || (i + 1 >= workerData.catchUpPasses && nowFound >= found)) break;
      found = nowFound;
    }
    syncDatabase();
    asked = true;
    parentPort.postMessage({ rewind: true, at: now() });
  }
  timer = setTimeout(pass, workerData.passIntervalMs);
}
timer = setTimeout(pass, workerData.passIntervalMs);
parentPort.on('message', (m) => {
  if (m === 'quiet') {
    // The writer holds its writes: what is checkpointed now is the whole log.
    rewoundLog = checkpoint('quiet').log;
    asked = false;
    parentPort.postMessage({ rewound: true });
    return;
  }
  if (m !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

/**
 * One read-only handle per database file for the whole process, counted: a ledger's checkpoint worker fsyncs
 * through it. Closing a handle would drop the POSIX locks every connection of this process holds on the
 * file (SQLite keeps its own handles open while any of its connections has a lock, for that reason), so
 * the handle is closed only when the last ledger using it gives it back, after its own connection closed.
 */
const syncHandles = (() => {
  const open = new Map<string, { fd: number; users: number }>();
  return {
    take(file: string): number {
      const key = resolve(file);
      const held = open.get(key) ?? { fd: openSync(key, 'r'), users: 0 };
      held.users++;
      open.set(key, held);
      return held.fd;
    },
    give(file: string): void {
      const key = resolve(file);
      const held = open.get(key);
      if (!held || --held.users > 0) return;
      open.delete(key);
      closeSync(held.fd);
    },
  };
})();

export interface Checkpointer {
  /** Stops the worker and closes its connection (before the last connection closes, so that one checkpoints and removes the log). */
  stop(): Promise<void>;
  /** Closes the handle the worker fsyncs the database file through, once stopped: only after this process's last connection to the file has closed. */
  closeFile(): void;
}

/** The writer's side of a rewind: hold new writes once the open transaction is committed; release them. */
export interface WriteHold {
  hold(): void;
  release(): void;
}

export interface CheckpointerOptions {
  onError?: (message: string) => void;
  /** Without it the log is never rewound by the worker (only by the backstop). */
  writes?: WriteHold;
  rewindPages?: number;
  /** Milliseconds between passes (default PASS_INTERVAL_MS); the bench compares settings. */
  passIntervalMs?: number;
  /** Called after each hold with how long writes waited, in seconds (a metric: holds are what the p99 of a busy gateway is made of). */
  onHold?: (seconds: number) => void;
  /** Every pass and every step of a rewind, with wall-clock times in ms (the bench's diagnosis of holds); off unless given. */
  onTrace?: (event: CheckpointTrace) => void;
}

/**
 * One event of the checkpointer's life: a checkpoint the worker ran (kind pass, catch-up or quiet, at its start,
 * how long it took and its result), a rewind asked (`asked`: when posted, `received` when the writer read it),
 * the writer holding (`held`) and releasing (`released`, `byLimit` when MAX_HOLD_MS ran out first).
 */
export type CheckpointTrace =
  | { kind: 'pass' | 'catch-up' | 'quiet'; at: number; ms: number; log: number; checkpointed: number; busy: number }
  | { kind: 'sync'; at: number; ms: number }
  | { kind: 'asked'; at: number; received: number }
  | { kind: 'held' | 'released'; at: number; byLimit?: boolean };

/** Starts the checkpoint worker for a WAL database file; null when worker threads are unavailable (then SQLite's own autocheckpoint stays). */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer | null {
  const onError = options.onError ?? (() => {});
  const writes = options.writes;
  // The handle the worker fsyncs the database file through. Opened here, not in the worker: Node closes a
  // worker's descriptors when it ends, and closing any handle on a file drops every POSIX lock the process
  // holds on it, the request connection's among them; so it is shared by every ledger of this process on
  // the file and closed only after the last of them has closed its connection (closeFile).
  let dbFile: number | undefined;
  try {
    dbFile = syncHandles.take(file);
  } catch {
    // Then the worker does not fsync the file itself: holds write back more, nothing else changes.
  }
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // No execArgv: the worker is plain CommonJS and must not start a TypeScript loader (--import tsx) of its own.
    const rewindPages = writes ? (options.rewindPages ?? REWIND_PAGES) : 0;
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: {
        file,
        driver,
        passIntervalMs: options.passIntervalMs ?? PASS_INTERVAL_MS,
        rewindPages,
        catchUpPasses: CATCH_UP_PASSES,
        maxCatchUpPasses: MAX_CATCH_UP_PASSES,
        trace: Boolean(options.onTrace),
        dbFile,
      },
    });
  } catch {
    if (dbFile !== undefined) syncHandles.give(file);
    return null;
  }
  worker.unref();
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let holdLimit: NodeJS.Timeout | undefined;
  let heldSince = 0;
  const trace = options.onTrace;
  const wallClock = () => performance.timeOrigin + performance.now();
  const release = (byLimit = false) => {
    if (!holdLimit) return;
    clearTimeout(holdLimit);
    holdLimit = undefined;
    writes?.release();
    options.onHold?.((performance.now() - heldSince) / 1000);
    trace?.({ kind: 'released', at: wallClock(), byLimit });
  };
  worker.on('message', (m: { error?: string; rewind?: boolean; rewound?: boolean; at?: number; trace?: CheckpointTrace }) => {
    if (m.error) onError(m.error);
    if (m.trace) trace?.(m.trace);
    if (m.rewind && writes && !stopped) {
      trace?.({ kind: 'asked', at: m.at ?? 0, received: wallClock() });
      heldSince = performance.now();
      writes.hold();
      trace?.({ kind: 'held', at: wallClock() });
      holdLimit = setTimeout(() => release(true), MAX_HOLD_MS);
      holdLimit.unref();
      worker.postMessage('quiet');
    }
    if (m.rewound) release();
  });
  worker.on('error', (err) => onError(err.message));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      release();
      const done = new Promise<void>((resolve) => worker.on('message', (m: { stopped?: boolean }) => m.stopped && resolve()));
      worker.postMessage('stop');
      // The 2 s limit is for a worker that does not answer; cleared once it does, or the
      // pending timer alone would keep every CLI command alive for 2 s after its work.
      let limit: NodeJS.Timeout | undefined;
      await Promise.race([done, exited, new Promise((r) => (limit = setTimeout(r, 2000)))]);
      clearTimeout(limit);
      await worker.terminate();
    },
    closeFile() {
      if (dbFile !== undefined) syncHandles.give(file);
      dbFile = undefined;
    },
  };
}
