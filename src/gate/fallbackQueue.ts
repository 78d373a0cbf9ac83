/**
 * The durable local queue for opt-outs detected while the shared store is
 * down (an opt-out must be honoured even then): an append-only JSON-lines file under DATA_DIR.
 *
 * - `enqueue` appends one line and flushes it to disk (the file was created,
 *   and its directory flushed, at start) before it resolves, so a queued
 *   opt-out survives `kill -9` and power loss exactly like one the store
 *   acknowledged. Appends are asynchronous (the event loop keeps serving) and
 *   run one at a time, so lines never interleave.
 * - The file is read once, at start. From then on the queue keeps the lines
 *   not yet applied in memory, adding each line it appends, and the byte
 *   offset applied so far; a drain pass reads nothing back from disk.
 * - The drainer, once the ledger answers `ping` again, applies the lines in
 *   order through the gate's `revoke()`, recording after each one the byte
 *   offset applied so far (`<file>.offset`, replaced atomically by rename).
 *   A crash between applying a line and recording it re-applies that line
 *   on the next drain; `revoke()` is idempotent (the same opt-out returns the
 *   record already stored), so that repeats nothing.
 * - When every line is applied the file is compacted to empty: the offset is
 *   reset first, then the file truncated, in the same turn of the append
 *   sequence so no append can slip in between; a crash between the two
 *   re-applies the whole (idempotent) file rather than skipping anything.
 * - A line that can never be applied (unreadable, or refused by validation)
 *   is moved to `<file>.rejected` with the reason, so one bad line cannot
 *   block the opt-outs behind it; an unavailable store stops the drain and
 *   leaves the line for the next attempt.
 *
 * One process per file: give each gateway instance its own DATA_DIR.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RevocationFallbackQueue } from './optOutSignals';
import type { RevokeInput } from './revoke';
import type { Logger } from '../observability/logger';
import { LedgerUnavailableError } from '../errors';
import { preparePrivateDir, preparePrivateFile, PRIVATE_FILE_MODE } from '../ledger/privateFiles';
import { appendDurably, replaceDurably, truncateDurably } from './durableFile';

interface QueuedLine {
  v: 1;
  queued_at: string;
  input: Omit<RevokeInput, 'captured_at'> & { captured_at?: string };
}

/** A line of the file not yet applied, and the byte offset just past it (what the offset file records once it is). */
interface WaitingLine {
  text: string;
  end: number;
}

export interface DrainResult {
  applied: number;
  rejected: number;
  /** True when the store failed mid-drain and lines remain. */
  interrupted: boolean;
}

export interface DrainerOptions {
  /** Resolves when the store answers (ledger.ping). */
  ping: () => Promise<void>;
  apply: (input: RevokeInput) => Promise<unknown>;
  intervalMs: number;
  logger?: Logger;
}

export interface Drainer {
  /** Drains now if the store answers; resolves when done. */
  drainNow(): Promise<DrainResult | null>;
  stop(): Promise<void>;
}

const NEWLINE = 0x0a;

function fsyncDirAtStart(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems do not allow fsync on a directory; the file itself is flushed.
  }
}

function appendAtStart(file: string, data: string): void {
  const fd = openSync(file, 'a', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class FileRevocationQueue implements RevocationFallbackQueue {
  readonly offsetFile: string;
  readonly rejectedFile: string;
  /** The lines after the applied offset, in file order. */
  private readonly waiting: WaitingLine[] = [];
  /** The byte offset applied so far (what the offset file says). */
  private applied: number;
  /** The file's length, as this process last wrote it. */
  private size: number;
  /** An append failed part-way: the next one starts on a line of its own. */
  private mayBeTorn = false;
  /** Appends and compaction, one at a time in the order asked. */
  private writes: Promise<unknown> = Promise.resolve();
  private draining: Promise<DrainResult> | null = null;

  constructor(
    readonly file: string,
    private readonly logger?: Logger,
  ) {
    this.offsetFile = file + '.offset';
    this.rejectedFile = file + '.rejected';
    // At start only, before any request is served: synchronous is the simple way to be ready.
    preparePrivateDir(dirname(file), logger);
    const created = !existsSync(file);
    preparePrivateFile(file, [this.offsetFile, this.rejectedFile]);
    if (created) fsyncDirAtStart(dirname(file));
    let content = readFileSync(file);
    // A crash mid-append can leave a torn last line (never acknowledged); end it so the next
    // append starts a line of its own, and so it is read (and set aside) as a line.
    if (content.length > 0 && content[content.length - 1] !== NEWLINE) {
      appendAtStart(file, '\n');
      content = Buffer.concat([content, Buffer.from('\n')]);
    }
    this.size = content.length;
    this.applied = Math.min(this.readOffsetAtStart(), this.size);
    let pos = this.applied;
    for (const text of content.subarray(this.applied).toString('utf8').split('\n').slice(0, -1)) {
      pos += Buffer.byteLength(text) + 1;
      if (text.trim()) this.waiting.push({ text, end: pos });
    }
  }

  private readOffsetAtStart(): number {
    try {
      const n = Number(readFileSync(this.offsetFile, 'utf8').trim());
      return Number.isSafeInteger(n) && n >= 0 ? n : 0;
    } catch {
      return 0;
    }
  }

  /** Runs `task` after every write asked before it (appends and compaction never overlap). */
  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writes.then(task);
    this.writes = run.catch(() => undefined);
    return run;
  }

  async enqueue(input: RevokeInput): Promise<void> {
    const line: QueuedLine = {
      v: 1,
      queued_at: new Date().toISOString(),
      input: { ...input, captured_at: input.captured_at?.toISOString() },
    };
    const text = JSON.stringify(line);
    await this.inTurn(async () => {
      try {
        this.size = await appendDurably(this.file, (this.mayBeTorn ? '\n' : '') + text + '\n');
      } catch (err) {
        this.mayBeTorn = true;
        throw err;
      }
      this.mayBeTorn = false;
      this.waiting.push({ text, end: this.size });
    });
    this.logger?.warn({ org_id: input.orgId, trigger: input.trigger }, 'ledger unavailable: opt-out queued locally');
  }

  /** Lines not yet applied. */
  pending(): RevokeInput[] {
    return this.waiting.flatMap(({ text }) => {
      try {
        return [revive(JSON.parse(text) as QueuedLine)];
      } catch {
        return [];
      }
    });
  }

  hasPending(): boolean {
    return this.waiting.length > 0;
  }

  /** Applies every queued line in order; one drain at a time. */
  drain(apply: (input: RevokeInput) => Promise<unknown>): Promise<DrainResult> {
    if (!this.draining) {
      this.draining = this.drainOnce(apply).finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  private async drainOnce(apply: (input: RevokeInput) => Promise<unknown>): Promise<DrainResult> {
    const result: DrainResult = { applied: 0, rejected: 0, interrupted: false };
    for (;;) {
      const next = this.waiting[0];
      if (!next) {
        if (await this.inTurn(() => this.compactIfApplied())) return result;
        continue; // an opt-out was queued meanwhile
      }
      let input: RevokeInput | null = null;
      try {
        input = revive(JSON.parse(next.text) as QueuedLine);
      } catch (err) {
        await this.reject(next.text, `unreadable: ${(err as Error).message}`);
        result.rejected++;
      }
      if (input) {
        try {
          await apply(input);
          result.applied++;
        } catch (err) {
          if (err instanceof LedgerUnavailableError) {
            result.interrupted = true;
            return result;
          }
          await this.reject(next.text, (err as Error).message);
          result.rejected++;
        }
      }
      await replaceDurably(this.offsetFile, String(next.end));
      this.applied = next.end;
      this.waiting.shift();
    }
  }

  /** Empties the file when every line in it is applied; false when one was queued since the drain looked. */
  private async compactIfApplied(): Promise<boolean> {
    if (this.waiting.length > 0) return false;
    if (this.size > 0 || this.applied > 0) {
      await replaceDurably(this.offsetFile, '0');
      this.applied = 0;
      await truncateDurably(this.file);
      this.size = 0;
    }
    return true;
  }

  private async reject(line: string, why: string): Promise<void> {
    this.logger?.error({ why }, 'queued opt-out cannot be applied; moved to the rejected file');
    await appendDurably(this.rejectedFile, JSON.stringify({ rejected_at: new Date().toISOString(), why, line }) + '\n');
  }

  /** Every `intervalMs`: if lines are waiting and the store answers, drain. */
  startDrainer(options: DrainerOptions): Drainer {
    let stopped = false;
    const tick = async (): Promise<DrainResult | null> => {
      if (stopped || !this.hasPending()) return null;
      try {
        await options.ping();
      } catch {
        return null;
      }
      const r = await this.drain(options.apply);
      if (r.applied || r.rejected) options.logger?.info({ ...r }, 'queued opt-outs applied');
      return r;
    };
    const timer = setInterval(() => void tick().catch((err) => options.logger?.error({ err }, 'opt-out queue drain failed')), options.intervalMs);
    timer.unref();
    void tick().catch(() => undefined);
    return {
      drainNow: tick,
      stop: async () => {
        stopped = true;
        clearInterval(timer);
        await this.draining?.catch(() => undefined);
      },
    };
  }
}

function revive(line: QueuedLine): RevokeInput {
  if (line?.v !== 1 || typeof line.input?.orgId !== 'string' || typeof line.input.phone !== 'string') throw new Error('not a queued opt-out');
  const { captured_at, ...rest } = line.input;
  return { ...rest, captured_at: captured_at ? new Date(captured_at) : undefined };
}
