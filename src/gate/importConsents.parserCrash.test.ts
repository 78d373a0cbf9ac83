/**
 * A parsing thread that dies while the import's writer waits for the reader:
 * the import must end with the thread's error, not wait for more input, and
 * keep the batches it had committed (a re-run imports only the rest).
 *
 * Before each batch the writer waits until the reader has refilled the
 * parsers' window (`stocked`). A reader waiting on a slow producer (stdin)
 * has not, so the writer waits with a full batch; a thread dying then must
 * wake it. Nothing in the import's options can kill a thread, so this file
 * keeps a handle on every Worker the import starts (the real class, the real
 * parser) and terminates one. Reader, window, writer and SQLite are the real
 * import.
 */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importConsents } from './importConsents';
import { FixedClock } from './clock';
import { defaultPolicy } from './policy';
import type { GateContext } from './context';
import { SqliteLedger } from '../ledger/sqlite/sqliteLedger';

const started = vi.hoisted(() => ({ workers: [] as Worker[] }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.workers.push(this);
    }
  }
  return { ...real, default: { ...real, Worker: RecordedWorker }, Worker: RecordedWorker };
});

const HEADER = 'phone,calling_entity,type,scope,ai_specific_consent,captured_at';
const row = (i: number) => `+1212555${String(i).padStart(4, '0')},Acme Insurance LLC,prior_express_written,ai_voice|telemarketing,true,2026-03-15T14:23:11Z`;
const ROWS = 3000;
const LINES = [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))];
const BATCH = 1000;
/** Rows the producer sends before it goes quiet: two batches, and one more row so the second batch's last row is complete. */
const BEFORE_PAUSE = 2 * BATCH + 1;

/** A producer that sends the first rows, then nothing until `resume` (stdin from a slow program). */
function pausingProducer(): { input: Readable; paused: Promise<void>; resume: () => void } {
  let resume!: () => void;
  const resumed = new Promise<void>((r) => (resume = r));
  let onPause!: () => void;
  const paused = new Promise<void>((r) => (onPause = r));
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(LINES.slice(0, 1 + BEFORE_PAUSE).join('\n') + '\n');
    onPause();
    await resumed;
    yield Buffer.from(LINES.slice(1 + BEFORE_PAUSE).join('\n'));
  }
  return { input: Readable.from(chunks()), paused, resume };
}

let ledger: SqliteLedger | undefined;
afterEach(async () => {
  started.workers.length = 0;
  await ledger?.close();
  ledger = undefined;
});

function context(): GateContext {
  ledger = new SqliteLedger({ file: ':memory:' });
  return { ledger, clock: new FixedClock(new Date('2026-04-10T15:43:10Z')), policy: defaultPolicy(), observer: {} };
}

describe('importConsents when a parsing thread dies', () => {
  it('ends with the thread error while the writer waits on a quiet producer, keeps its batches, and a re-run imports the rest', {
    timeout: 30_000,
  }, async () => {
    const ctx = context();
    const options = { orgId: 'org_a', worker: true, parsers: 2, segmentBytes: 4096, batchSize: BATCH };
    const producer = pausingProducer();
    const committed: number[] = [];
    const running = importConsents(ctx, producer.input, { ...options, onProgress: (p) => committed.push(p.imported) });
    running.catch(() => {});

    await producer.paused;
    // The parsers (once started: tsx loads in each) get through the rows sent in well under a
    // second; then the writer holds a full batch and waits for the reader, which waits for the
    // producer. Wait until the threads have answered everything handed to them.
    let answers = 0;
    for (const w of started.workers) w.on('message', () => answers++);
    for (let last = -1, i = 0; i < 60 && (answers === 0 || answers !== last); i++) {
      last = answers;
      await sleep(300);
    }
    const before = committed.length;
    await sleep(300);
    expect(committed).toHaveLength(before);
    const writtenBefore = committed.at(-1) ?? 0;
    expect(writtenBefore).toBeLessThan(2 * BATCH);
    expect(started.workers).toHaveLength(2);

    await started.workers[0]!.terminate();
    const ended = await Promise.race([
      running.then(
        () => 'finished',
        (err: Error) => err.message,
      ),
      sleep(5000).then(() => 'still waiting after 5 s'),
    ]);
    expect(ended).toBe('an import worker exited (code 1)');
    // The batch it held went in before the import ended, and every batch it wrote is there.
    const written = committed.at(-1) ?? 0;
    expect(written).toBeGreaterThan(writtenBefore);
    expect((await ctx.ledger.listConsents('org_a', { limit: 5000 })).items).toHaveLength(written);
    producer.resume();

    const again = await importConsents(ctx, Readable.from([Buffer.from(LINES.join('\n'))]), options);
    expect(again).toMatchObject({ rows: ROWS, imported: ROWS - written, duplicates: written, rejected: 0 });
    expect((await ctx.ledger.listConsents('org_a', { limit: 5000 })).items).toHaveLength(ROWS);
  });
});
