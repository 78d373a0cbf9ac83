/**
 * Bulk consent import from CSV, used by the API and the CLI.
 *
 * Streamed (csv-parse), validated row by row with the same schema as
 * POST /v1/consents (importRows.ts), written in batches of one transaction
 * each. A bad row is reported with its line number; the import goes on or
 * stops per `onError`. Re-running the same file creates nothing new: capture
 * is idempotent on the consent's content.
 */
import type { Readable } from 'node:stream';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GateContext } from './context';
import { RowReader, type ParsedChunk, type RowOptions } from './importRows';
import type { FromWorker, ToWorker } from './importWorker';
import { CsvSegmenter, type CsvSegment } from './csvSegments';
import { RecordTooLargeError } from '../errors';
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
   * Parse and validate in worker threads while this one writes to the store
   * (same results, in the same order). Worth their start-up (~0.3 s) for large
   * files; the CLI uses them for files over a few MB.
   */
  worker?: boolean;
  /** Parsing threads when `worker` is set (default: one a core beside this thread's, at most four). */
  parsers?: number;
  /** Bytes of CSV a parsing thread is handed at a time (tests make it small to deal out many). */
  segmentBytes?: number;
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

/**
 * The input's row results, and a way to wait until the parsing threads have work enough to go on
 * with while this thread writes a batch (it cannot hand them more during the write: one synchronous
 * transaction).
 */
interface RowSource {
  chunks: AsyncGenerator<ParsedChunk>;
  stocked(): Promise<void>;
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
 * CSV handed to a parsing thread at a time (several hundred rows), and how many such segments may
 * be out and unanswered. This thread cannot hand over more while it writes a batch (one synchronous
 * transaction), so the window must hold what the parsers get through in that time or they run dry.
 * Small segments keep each parser's heap small (it grows with the rows of its segment); a wide
 * window keeps the parsers fed. Larger segments cost memory and bought no speed, a narrower window
 * cost speed (docs/performance.md, "What the speed rests on").
 */
const SEGMENT_BYTES = 128 * 1024;
const WINDOW_SEGMENTS = 32;

/**
 * Parsing threads by default: one a core beside the writing thread's, at most four. On two cores a
 * second parser bought little speed for much more memory at the peak (each thread loads the schemas
 * and holds a heap of its own), so there it is one.
 */
export function defaultParsers(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/**
 * A parsing thread's young generation, about twice V8's default on 64-bit. A parser allocates fast
 * (every row's record, consent and strings) and keeps its segment's rows until they are posted, so
 * each scavenge copies those survivors again; with twice the room there are half the scavenges, and
 * the parser's share of time in garbage collection and its CPU per row both fell. Twice again
 * bought little more.
 */
const PARSER_YOUNG_GENERATION_MB = 96;

// A worker does not inherit the TypeScript loader of its parent: run from the sources, the thread
// starts through a shim that registers tsx; built, this module sits beside the compiled worker.
const PARSER_SCRIPT = import.meta.url.endsWith('.ts') ? new URL('./importWorker.mjs', import.meta.url) : new URL('./importWorker.js', import.meta.url);

interface Parser {
  worker: Worker;
  /** Answers owed by this thread, oldest first (it answers its segments in the order they came). */
  owed: { resolve: (m: FromWorker) => void; reject: (err: unknown) => void }[];
}

function startParser(options: RowOptions, onFailure: (err: unknown) => void): Parser {
  const parser: Parser = {
    worker: new Worker(PARSER_SCRIPT, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: PARSER_YOUNG_GENERATION_MB } }),
    owed: [],
  };
  const fail = (err: unknown) => {
    for (const o of parser.owed.splice(0)) o.reject(err);
    onFailure(err);
  };
  parser.worker.on('message', (m: FromWorker) => parser.owed.shift()?.resolve(m));
  parser.worker.on('error', fail);
  parser.worker.on('exit', (code) => fail(new Error(`an import worker exited (code ${code})`)));
  return parser;
}

function send(parser: Parser, segment: CsvSegment, now: number): Promise<FromWorker> {
  const answer = new Promise<FromWorker>((resolve, reject) => {
    parser.owed.push({ resolve, reject });
    // A segment is a view into a larger buffer, and posting a view copies the whole buffer behind
    // it: the reads it was cut from, joined (up to half as much again as the segment with 64 KB
    // reads), or all of a large chunk for every segment cut from it. Post a copy of the segment's
    // own bytes instead, moved to the thread rather than copied a second time.
    const bytes = Uint8Array.prototype.slice.call(segment.bytes);
    const m: ToWorker = { segment: bytes, prefix: segment.prefix, now };
    parser.worker.postMessage(m, [bytes.buffer]);
  });
  // A thread that fails rejects every answer it owes at once, while the reader may still be awaiting
  // an earlier one: marked handled here, so that is not an unhandled rejection; each is awaited in turn.
  answer.catch(() => {});
  return answer;
}

/**
 * The same as rowsInThisThread, parsed by `count` worker threads (importWorker.ts) while the caller
 * writes the previous rows. The input is cut at record boundaries (csvSegments.ts), the segments
 * dealt out in turn, and the answers taken back in file order, each segment's lines counted on from
 * the one before, so the rows, their line numbers and the first error are the same as in one thread.
 */
function rowsInWorkers(ctx: GateContext, input: Readable, options: RowOptions, count: number, segmentBytes?: number): RowSource {
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  // Set when the consumer is done (finished, stopped at an error, or failed): the reader and parsers stop.
  let stopped = false;
  // The reader is stocked when it waits for a free place in the window, has dealt out all the input, or failed.
  let readerStocked = false;
  const onStocked: (() => void)[] = [];
  // Once the import has stopped, it stays stocked: the reader may still wake from the window and return.
  const markStocked = (stocked: boolean) => {
    readerStocked = stocked || stopped;
    if (readerStocked) for (const resolve of onStocked.splice(0)) resolve();
  };
  const fail = (err: unknown) => {
    failure ??= err;
    notify();
    markStocked(true);
  };
  const parsers = Array.from({ length: count }, () => startParser(options, fail));
  // Answers in file order; `null` is the end of the input; an error is a record too long to hold.
  const answers: (Promise<FromWorker> | RecordTooLargeError | null)[] = [];
  let slot: (() => void) | undefined;
  let next = 0;
  const dispatch = (segment: CsvSegment) => {
    const now = ctx.clock.now().getTime();
    if (!segment.prefix) return answers.push(send(parsers[next++ % count], segment, now));
    // Every parser reads the header for its columns; the rows of one of them are the answer.
    answers.push(parsers.map((p) => send(p, segment, now))[0]);
  };
  // Reads ahead of the parsers by at most WINDOW_SEGMENTS segments.
  void (async () => {
    const segmenter = new CsvSegmenter(segmentBytes ?? SEGMENT_BYTES);
    try {
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        if (stopped) return;
        for (const segment of segmenter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) dispatch(segment);
        notify();
        while (answers.length >= WINDOW_SEGMENTS && !stopped) {
          markStocked(true);
          await new Promise<void>((resolve) => (slot = resolve));
          markStocked(false);
        }
      }
      for (const segment of segmenter.end()) dispatch(segment);
    } catch (err) {
      if (!(err instanceof RecordTooLargeError)) throw err;
      answers.push(err);
    }
    answers.push(null);
    notify();
    markStocked(true);
  })().catch(fail);
  return {
    chunks: answersInOrder(),
    stocked: () => (readerStocked ? Promise.resolve() : new Promise<void>((resolve) => onStocked.push(resolve))),
  };

  async function* answersInOrder(): AsyncGenerator<ParsedChunk> {
    let line = 1;
    try {
      for (;;) {
        while (!answers.length) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const answer = answers.shift()!;
        const s = slot;
        slot = undefined;
        s?.();
        if (answer === null) return;
        if (answer instanceof RecordTooLargeError) {
          yield { rows: [], error: { line, message: answer.message } };
          return;
        }
        const { rows, error, lines } = await answer;
        for (const row of rows) row.line += line;
        if (error) error.line += line;
        line += lines;
        yield error ? { rows, error } : { rows };
        if (error) return;
      }
    } finally {
      stopped = true;
      slot?.();
      markStocked(true);
      await Promise.all(
        parsers.map((p) => {
          p.worker.removeAllListeners('exit');
          return p.worker.terminate();
        }),
      );
    }
  }
}

export async function importConsents(ctx: GateContext, input: Readable, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxReported = options.maxReportedRejections ?? 1000;
  const result: ImportResult = { rows: 0, imported: 0, duplicates: 0, rejected: 0, rejections: [], stopped_early: false };
  const rowOptions: RowOptions = { orgId: options.orgId, columnMap: options.columnMap };
  const source: RowSource = options.worker
    ? rowsInWorkers(ctx, input, rowOptions, options.parsers ?? defaultParsers(), options.segmentBytes)
    : { chunks: rowsInThisThread(ctx, input, rowOptions), stocked: async () => {} };
  let batch: ConsentWrite[] = [];
  const flush = async () => {
    if (!batch.length) return;
    // Top the parsers up first: the answers just taken freed their places in the window, and while
    // the batch is written (a synchronous transaction) nothing can be handed to them.
    await source.stocked();
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
  read: for await (const { rows, error } of source.chunks) {
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
