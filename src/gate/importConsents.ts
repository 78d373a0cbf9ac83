/**
 * Bulk consent import from CSV (SPEC §2.4), used by the API and the CLI.
 *
 * Streamed (csv-parse), validated row by row with the same schema as
 * POST /v1/consents (importRows.ts), written in batches of one transaction
 * each. A bad row is reported with its line number; the import goes on or
 * stops per `onError`. Re-running the same file creates nothing new: capture
 * is idempotent on the consent's content.
 */
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { GateContext } from './context';
import { RowReader, type ParsedChunk, type RowOptions } from './importRows';
import type { FromWorker, ToWorker } from './importWorker';
import type { ConsentWrite } from '../ledger/consentWrite';

export interface ImportOptions {
  orgId: string;
  onError?: 'continue' | 'stop';
  batchSize?: number;
  /** CSV header → consent field, for files whose columns are named otherwise. */
  columnMap?: Record<string, string>;
  /** Called after each batch with the running totals. */
  onProgress?: (progress: ImportProgress) => void;
  /** Rejections kept in the answer (all are counted). */
  maxReportedRejections?: number;
  /**
   * Parse and validate in a worker thread while this one writes to the store
   * (same results, in the same order). Worth its start-up (~0.3 s) for large
   * files; the CLI uses it for files over a few MB.
   */
  worker?: boolean;
}

export interface ImportProgress {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

export interface ImportResult extends ImportProgress {
  rejections: { line: number; reason: string }[];
  stopped_early: boolean;
}

/** Each chunk of the input's row results, in file order; stops after a chunk with an error. */
async function* rowsInThisThread(ctx: GateContext, input: Readable, options: RowOptions): AsyncGenerator<ParsedChunk> {
  const reader = new RowReader(options, ctx.clock);
  for await (const chunk of input) {
    const parsed = await reader.write(chunk);
    yield parsed;
    if (parsed.error) return;
  }
  yield await reader.end();
}

/**
 * Chunks handed to the worker and not yet answered (64 KB each). This thread cannot hand over more
 * while it writes a batch (one synchronous transaction, ~0.6 s for the CLI's 20,000 rows into a
 * large ledger), so the window must hold more than a batch of rows or the worker runs dry halfway:
 * 8 MB is ~48,000 rows of a typical file. At 32 chunks (~12,000 rows) a million-row import ran
 * 7-9% slower; the rows waiting here cost ~70 MB more at the peak.
 */
const WORKER_WINDOW = 128;

/** The same as rowsInThisThread, parsed in a worker (importWorker.ts) while the caller writes the previous rows. */
async function* rowsInWorker(ctx: GateContext, input: Readable, options: RowOptions): AsyncGenerator<ParsedChunk> {
  const worker = new Worker(new URL('./importWorker.mjs', import.meta.url), { workerData: options });
  const inbox: FromWorker[] = [];
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure ??= err;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the import worker exited (code ${code})`);
    notify();
  });
  const post = (m: ToWorker) => worker.postMessage(m);
  let inFlight = 0;
  let stopped = false;
  let slot: (() => void) | undefined;
  // Reads ahead of the worker by at most WORKER_WINDOW chunks.
  void (async () => {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      if (stopped) return;
      post({ chunk, now: ctx.clock.now().getTime() });
      if (++inFlight >= WORKER_WINDOW) await new Promise<void>((resolve) => (slot = resolve));
    }
    if (!stopped) post({ end: true, now: ctx.clock.now().getTime() });
  })().catch((err) => {
    failure ??= err;
    notify();
  });
  try {
    for (;;) {
      while (!inbox.length) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const m = inbox.shift()!;
      inFlight--;
      const s = slot;
      slot = undefined;
      s?.();
      yield m;
      if (m.last || m.error) return;
    }
  } finally {
    stopped = true;
    slot?.();
    await worker.terminate();
  }
}

export async function importConsents(ctx: GateContext, input: Readable, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxReported = options.maxReportedRejections ?? 1000;
  const result: ImportResult = { rows: 0, imported: 0, duplicates: 0, rejected: 0, rejections: [], stopped_early: false };
  let batch: ConsentWrite[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const { created, duplicates } = await ctx.ledger.captureConsents(batch);
    result.imported += created;
    result.duplicates += duplicates;
    batch = [];
    options.onProgress?.({ rows: result.rows, imported: result.imported, duplicates: result.duplicates, rejected: result.rejected });
  };
  const reject = (line: number, reason: string) => {
    result.rejected++;
    if (result.rejections.length < maxReported) result.rejections.push({ line, reason });
  };
  const rowOptions: RowOptions = { orgId: options.orgId, columnMap: options.columnMap };
  const chunks = options.worker ? rowsInWorker(ctx, input, rowOptions) : rowsInThisThread(ctx, input, rowOptions);
  read: for await (const { rows, error } of chunks) {
    for (const row of rows) {
      result.rows++;
      if (row.reason !== undefined) reject(row.line, row.reason);
      else batch.push(row.consent);
      if (result.rejected && options.onError === 'stop') {
        result.stopped_early = true;
        break read;
      }
      if (batch.length >= batchSize) await flush();
    }
    if (error) {
      reject(error.line, `unreadable CSV: ${error.message}`);
      result.stopped_early = true;
    }
  }
  await flush();
  return result;
}
