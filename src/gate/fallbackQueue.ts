/**
 * The durable local queue for opt-outs detected while the shared store is
 * down (an opt-out must be honoured even then): an append-only JSON-lines file under DATA_DIR.
 *
 * - `enqueue` appends one line and fsyncs the file (and, the first time, its
 *   directory) before it resolves, so a queued opt-out survives `kill -9` and
 *   power loss exactly like one the store acknowledged.
 * - The drainer, once the ledger answers `ping` again, applies the lines in
 *   order through the gate's `revoke()`, recording after each one the byte
 *   offset applied so far (`<file>.offset`, replaced atomically by rename).
 *   A crash between applying a line and recording it re-applies that line
 *   on the next drain; `revoke()` is idempotent (the same opt-out returns the
 *   record already stored), so that repeats nothing.
 * - When every line is applied the file is compacted to empty: the offset is
 *   reset first, then the file truncated, with no await in between so no
 *   enqueue can slip in; a crash between the two re-applies the whole
 *   (idempotent) file rather than skipping anything.
 * - A line that can never be applied (unreadable, or refused by validation)
 *   is moved to `<file>.rejected` with the reason, so one bad line cannot
 *   block the opt-outs behind it; an unavailable store stops the drain and
 *   leaves the line for the next attempt.
 *
 * One process per file: give each gateway instance its own DATA_DIR.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RevocationFallbackQueue } from './optOutSignals';
import type { RevokeInput } from './revoke';
import type { Logger } from '../observability/logger';
import { LedgerUnavailableError } from '../ledger/ledger';
import { preparePrivateDir, preparePrivateFile, PRIVATE_FILE_MODE } from '../ledger/privateFiles';

interface QueuedLine {
  v: 1;
  queued_at: string;
  input: Omit<RevokeInput, 'captured_at'> & { captured_at?: string };
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

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems do not allow fsync on a directory; the file itself is fsynced.
  }
}

function writeDurably(file: string, data: string, flag: 'a' | 'w'): void {
  const fd = openSync(file, flag, PRIVATE_FILE_MODE);
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
  private draining: Promise<DrainResult> | null = null;

  constructor(
    readonly file: string,
    private readonly logger?: Logger,
  ) {
    this.offsetFile = file + '.offset';
    this.rejectedFile = file + '.rejected';
    preparePrivateDir(dirname(file), logger);
    if (!existsSync(file)) {
      writeDurably(file, '', 'a');
      fsyncDir(dirname(file));
    } else {
      // A crash mid-append can leave a torn last line (never acknowledged);
      // end it so the next append starts a line of its own.
      const size = statSync(file).size;
      if (size > 0) {
        const fd = openSync(file, 'r');
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        closeSync(fd);
        if (last[0] !== 0x0a) writeDurably(file, '\n', 'a');
      }
    }
    preparePrivateFile(file, [this.offsetFile, this.rejectedFile]);
  }

  async enqueue(input: RevokeInput): Promise<void> {
    const line: QueuedLine = {
      v: 1,
      queued_at: new Date().toISOString(),
      input: { ...input, captured_at: input.captured_at?.toISOString() },
    };
    writeDurably(this.file, JSON.stringify(line) + '\n', 'a');
    this.logger?.warn({ org_id: input.orgId, trigger: input.trigger }, 'ledger unavailable: opt-out queued locally');
  }

  private readOffset(): number {
    try {
      const n = Number(readFileSync(this.offsetFile, 'utf8').trim());
      return Number.isSafeInteger(n) && n >= 0 ? n : 0;
    } catch {
      return 0;
    }
  }

  private writeOffset(n: number): void {
    const tmp = this.offsetFile + '.tmp';
    writeDurably(tmp, String(n), 'w');
    renameSync(tmp, this.offsetFile);
    fsyncDir(dirname(this.offsetFile));
  }

  private size(): number {
    try {
      return statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  /** Lines not yet applied. */
  pending(): RevokeInput[] {
    const offset = Math.min(this.readOffset(), this.size());
    const text = readFileSync(this.file).subarray(offset).toString('utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [revive(JSON.parse(l) as QueuedLine)];
        } catch {
          return [];
        }
      });
  }

  hasPending(): boolean {
    return this.size() > this.readOffset();
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
    let offset = this.readOffset();
    for (;;) {
      const size = this.size();
      if (offset >= size) {
        // Everything applied: compact. Synchronous from the size check on, so no enqueue interleaves.
        if (size > 0 || offset > 0) {
          this.writeOffset(0);
          truncateSync(this.file, 0);
          writeDurably(this.file, '', 'a');
        }
        return result;
      }
      const chunk = readFileSync(this.file).subarray(offset, size);
      const end = chunk.lastIndexOf(0x0a);
      if (end < 0) return result; // a line still being written
      let pos = offset;
      for (const line of chunk.subarray(0, end + 1).toString('utf8').split('\n').slice(0, -1)) {
        const next = pos + Buffer.byteLength(line) + 1;
        if (line.trim()) {
          let input: RevokeInput | null = null;
          try {
            input = revive(JSON.parse(line) as QueuedLine);
          } catch (err) {
            this.reject(line, `unreadable: ${(err as Error).message}`);
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
              this.reject(line, (err as Error).message);
              result.rejected++;
            }
          }
        }
        this.writeOffset(next);
        pos = next;
      }
      offset = pos;
    }
  }

  private reject(line: string, why: string): void {
    this.logger?.error({ why }, 'queued opt-out cannot be applied; moved to the rejected file');
    writeDurably(this.rejectedFile, JSON.stringify({ rejected_at: new Date().toISOString(), why, line }) + '\n', 'a');
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
