/**
 * A rewind hold taken apart, from the checkpointer's trace (checkpointer.ts CheckpointTrace): where its
 * milliseconds went, what its checkpoint had to copy, and whether the log was started over after it.
 * The steps of one hold, in order: the worker's catch-up passes, its `rewind` message waiting for the
 * writer's event loop, the writer committing its open turn, `quiet` waiting for the worker, the
 * worker's checkpoint, and `rewound` waiting for the writer's event loop again.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { CheckpointTrace } from '../../src/ledger/sqlite/checkpointer';

export interface HoldSteps {
  /** The pass that found the log past the rewind point and the catch-up passes after it: frames each found to copy, ms each took. */
  catchUp: { found: number; ms: number }[];
  /** The worker's fsyncs of the database file before it asked (the copies SQLite left unsynced), ms each. */
  syncMs: number[];
  /** From the worker posting `rewind` to the writer reading it. */
  askWaitMs: number;
  /** The writer committing its open turn. */
  holdMs: number;
  /** From the writer holding to the worker starting its quiet checkpoint. */
  quietWaitMs: number;
  /** The quiet checkpoint: how long, and the frames it found uncopied. */
  quietMs: number;
  quietFrames: number;
  /** Frames still uncopied after it (a reader's snapshot or a busy lock stopped it short). */
  quietLeft: number;
  /** From the checkpoint's end to the writer releasing. */
  releaseWaitMs: number;
  /** The whole hold, as the writes felt it. */
  heldMs: number;
  byLimit: boolean;
  /** The log's length at the first pass after the hold, and whether it had been started over. */
  nextLog: number | null;
  restarted: boolean | null;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** A trace event as the bench saw it: with the -wal file's restart count (its header's checkpoint sequence) when it arrived. */
export type SeenTrace = CheckpointTrace & { walSeq: number };

/**
 * The -wal header's checkpoint sequence, which goes up by one each time the log is started over; -1 when
 * there is no log. (Read through a handle of its own: SQLite locks the database and -shm files, not the log.)
 */
export function walRestarts(databaseFile: string): number {
  try {
    const fd = openSync(`${databaseFile}-wal`, 'r');
    const b = Buffer.alloc(4);
    readSync(fd, b, 0, 4, 12);
    closeSync(fd);
    return b.readUInt32BE(0);
  } catch {
    return -1;
  }
}

/** Splits a run's trace into its holds. */
export function holdSteps(events: SeenTrace[]): HoldSteps[] {
  const holds: HoldSteps[] = [];
  let passes: { found: number; checkpointed: number; ms: number }[] = [];
  let syncs: number[] = [];
  let checkpointed = 0;
  let open: (Partial<HoldSteps> & { heldAt: number; quietEnd?: number }) | null = null;
  let awaitingPass: { hold: HoldSteps; walSeq: number }[] = [];
  for (const e of events) {
    if (e.kind === 'pass' || e.kind === 'catch-up') {
      if (e.kind === 'pass') {
        // The first pass after a hold: was the log started over meanwhile (the header's sequence moved)?
        for (const { hold, walSeq } of awaitingPass) {
          hold.nextLog = e.log;
          hold.restarted = e.walSeq > walSeq;
        }
        awaitingPass = [];
        passes = [];
        syncs = [];
      }
      passes.push({ found: e.log >= checkpointed ? e.log - checkpointed : e.log, checkpointed: e.checkpointed, ms: e.ms });
      checkpointed = e.checkpointed;
    } else if (e.kind === 'sync') {
      syncs.push(round(e.ms));
    } else if (e.kind === 'asked') {
      open = { catchUp: passes.map((p) => ({ found: p.found, ms: round(p.ms) })), syncMs: syncs, askWaitMs: round(e.received - e.at), heldAt: e.received };
    } else if (open && e.kind === 'held') {
      open.holdMs = round(e.at - open.heldAt);
      open.heldAt = e.at;
    } else if (!open && e.kind === 'quiet' && holds.at(-1)?.byLimit) {
      // The limit released the writes before the checkpoint answered: what it then found is still worth seeing.
      const late = holds.at(-1)!;
      late.quietMs = round(e.ms);
      late.quietFrames = e.log >= checkpointed ? e.log - checkpointed : e.log;
      checkpointed = e.checkpointed;
      late.quietLeft = e.log - e.checkpointed;
    } else if (open && e.kind === 'quiet') {
      open.quietWaitMs = round(e.at - open.heldAt);
      open.quietMs = round(e.ms);
      open.quietFrames = e.log >= checkpointed ? e.log - checkpointed : e.log;
      checkpointed = e.checkpointed;
      open.quietLeft = e.log - e.checkpointed;
      open.quietEnd = e.at + e.ms;
    } else if (open && e.kind === 'released') {
      const hold: HoldSteps = {
        catchUp: open.catchUp ?? [],
        syncMs: open.syncMs ?? [],
        askWaitMs: open.askWaitMs ?? 0,
        holdMs: open.holdMs ?? 0,
        quietWaitMs: open.quietWaitMs ?? Number.NaN,
        quietMs: open.quietMs ?? Number.NaN,
        quietFrames: open.quietFrames ?? Number.NaN,
        quietLeft: open.quietLeft ?? Number.NaN,
        releaseWaitMs: open.quietEnd ? round(e.at - open.quietEnd) : Number.NaN,
        heldMs: round(e.at - open.heldAt),
        byLimit: Boolean(e.byLimit),
        nextLog: null,
        restarted: null,
      };
      holds.push(hold);
      awaitingPass.push({ hold, walSeq: e.walSeq });
      open = null;
    }
  }
  return holds;
}

/** The holds of a run in a few numbers: per step, the mean; how many were cut by the limit; how many restarted the log. */
export function holdStepsSummary(holds: HoldSteps[], seconds: number) {
  const mean = (f: (h: HoldSteps) => number) => {
    const v = holds.map(f).filter((x) => Number.isFinite(x));
    return v.length ? round(v.reduce((a, b) => a + b, 0) / v.length) : null;
  };
  return {
    holds: holds.length,
    perSecond: Math.round((holds.length / seconds) * 100) / 100,
    byLimit: holds.filter((h) => h.byLimit).length,
    restarted: holds.filter((h) => h.restarted).length,
    notRestarted: holds.filter((h) => h.restarted === false).length,
    meanMs: {
      held: mean((h) => h.heldMs),
      askWait: mean((h) => h.askWaitMs),
      hold: mean((h) => h.holdMs),
      quietWait: mean((h) => h.quietWaitMs),
      quiet: mean((h) => h.quietMs),
      releaseWait: mean((h) => h.releaseWaitMs),
    },
    catchUpPasses: mean((h) => h.catchUp.length),
    lastCatchUpFound: mean((h) => h.catchUp.at(-1)?.found ?? 0),
    syncMsBeforeAsking: mean((h) => h.syncMs.reduce((a, b) => a + b, 0)),
    quietFrames: mean((h) => h.quietFrames),
    quietLeft: mean((h) => h.quietLeft),
  };
}
