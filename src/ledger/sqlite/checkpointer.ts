/**
 * WAL checkpoints off the event loop.
 *
 * SQLite checkpoints a WAL database automatically inside the commit that
 * makes the log pass 1000 pages: that commit copies the log into the
 * database file and fsyncs it. better-sqlite3 is synchronous, so whichever
 * request commits then — in practice a decision, committed with
 * synchronous=NORMAL precisely to keep fsync off the per-call path — blocks
 * the whole event loop for the copy and the fsync (≈10 ms on the bench
 * machine, every ~100 decisions: the precall p99).
 *
 * Instead a worker thread with its own connection runs PASSIVE checkpoints
 * on a timer (they never block the writer), and the request connection
 * keeps only a distant automatic checkpoint as a backstop. Durability is
 * unchanged: FULL commits still fsync the log before they return;
 * checkpoints only move committed pages.
 *
 * The backstop is not only for a dead worker: SQLite rewinds the log only
 * when a writer starts while every frame is already checkpointed, which a
 * checkpointer in another thread cannot arrange while decisions keep
 * arriving. So under steady load the log grows to the backstop and the
 * request connection checkpoints once (measured in-process at ~640
 * decisions/s: one ~20–40 ms pause per ~1,000–2,000 decisions, against one
 * ~11 ms pause per ~95 decisions with SQLite's default, and ~75% less
 * event-loop time spent on checkpoints in all).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Backstop for the request connection: checkpoint there only if the log passes this many pages (64 MB at 4 KB). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 16_384;
const INTERVAL_MS = 200;

// Plain CommonJS so the worker needs no TypeScript loader (tsx, the CLI's register()).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection (before the last connection closes, so that one checkpoints and removes the log). */
  stop(): Promise<void>;
}

/** Starts the checkpoint worker for a WAL database file; null when worker threads are unavailable (then SQLite's own autocheckpoint stays). */
export function startCheckpointer(file: string, onError: (message: string) => void = () => {}): Checkpointer | null {
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // No execArgv: the worker is plain CommonJS and must not start a TypeScript loader (--import tsx) of its own.
    worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver, intervalMs: INTERVAL_MS } });
  } catch {
    return null;
  }
  worker.unref();
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (err) => onError(err.message));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      const done = new Promise<void>((resolve) => worker.on('message', (m: { stopped?: boolean }) => m.stopped && resolve()));
      worker.postMessage('stop');
      // The 2 s limit is for a worker that does not answer; cleared once it does, or the
      // pending timer alone would keep every CLI command alive for 2 s after its work.
      let limit: NodeJS.Timeout | undefined;
      await Promise.race([done, exited, new Promise((r) => (limit = setTimeout(r, 2000)))]);
      clearTimeout(limit);
      await worker.terminate();
    },
  };
}
