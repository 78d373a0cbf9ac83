/**
 * One of the import's parsing threads (see `rowsInWorkers` in
 * importConsents.ts): segments of whole CSV records in (csvSegments.ts),
 * each segment's row results out, in the order the segments came. The
 * importing thread keeps the store; this one parses, validates, builds the
 * consents and serialises them for the store (consentWrite.ts), with the
 * importing thread's clock (`now` comes with every segment).
 *
 * Every thread reads the header (the prefix) first, for its columns; its
 * other segments are parsed against those columns, each on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseSegment, type ParsedSegment, type RowOptions } from './importRows';

export type ToWorker = { segment: Uint8Array; prefix: boolean; now: number };
export type FromWorker = ParsedSegment;

const port = parentPort!;
const options = workerData as RowOptions;
let columns: string[] | undefined;
let queue = Promise.resolve();

async function handle(m: ToWorker): Promise<void> {
  const clock = { now: () => new Date(m.now) };
  const bytes = Buffer.from(m.segment.buffer, m.segment.byteOffset, m.segment.byteLength);
  const out = await parseSegment(bytes, options, clock, m.prefix ? undefined : columns);
  if (m.prefix) columns = out.columns;
  port.postMessage(out);
}

port.on('message', (m: ToWorker) => {
  // One segment at a time, in order; a fault ends the thread with its error (the 'error' event of the Worker).
  queue = queue
    .then(() => handle(m))
    .catch((err) => {
      setImmediate(() => {
        throw err;
      });
    });
});
