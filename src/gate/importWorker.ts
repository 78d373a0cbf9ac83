/**
 * The import's second thread (see `rowsInWorker` in importConsents.ts): CSV
 * chunks in, each chunk's row results out, in the order the chunks came.
 * The importing thread keeps the store; this one parses, validates, builds
 * the consents and serialises them for the store (consentWrite.ts), with
 * the importing thread's clock (`now` comes with every chunk).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RowReader, type ParsedChunk, type RowOptions } from './importRows';

export type ToWorker = { chunk: Uint8Array | string; now: number } | { end: true; now: number };
export type FromWorker = ParsedChunk & { last?: boolean };

const port = parentPort!;
let now = Date.now();
const reader = new RowReader(workerData as RowOptions, { now: () => new Date(now) });
let queue = Promise.resolve();

async function handle(m: ToWorker): Promise<void> {
  now = m.now;
  let out: FromWorker;
  if ('end' in m) out = { ...(await reader.end()), last: true };
  else out = await reader.write(typeof m.chunk === 'string' ? m.chunk : Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
  port.postMessage(out);
}

port.on('message', (m: ToWorker) => {
  // One chunk at a time, in order; a fault ends the thread with its error (the 'error' event of the Worker).
  queue = queue.then(() => handle(m)).catch((err) => {
    setImmediate(() => {
      throw err;
    });
  });
});
