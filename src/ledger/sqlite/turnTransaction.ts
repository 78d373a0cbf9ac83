/**
 * One transaction per turn of the event loop for the writes that run before
 * every call and text: decisions and send reservations (group commit).
 *
 * Why: each of them on its own costs one SQLite commit — eight or so WAL
 * pages (the row, the audit entry, their indexes), written with a syscall
 * each, plus switching the sync level. Under load, the requests whose bodies
 * arrived in the same turn all want to write. The first write of a turn
 * opens a transaction; every write of that turn runs in it at once (so a
 * reservation sees the reservations before it, and answers right away); the
 * transaction commits at the end of the turn (`setImmediate`, after the poll
 * phase), and only then does any caller's promise resolve. The pages the
 * writes share — table tails, time-ordered indexes, the commit itself — are
 * written once per turn instead of once per request.
 *
 * What does not change: nobody is answered before their write is committed,
 * so no caller acts on an unrecorded decision or an uncounted send; if the
 * commit fails, every caller of the turn gets the error. Each write runs in
 * a savepoint, so one that throws leaves nothing behind and fails alone.
 * Writes that need `synchronous=FULL` (consents, revocations) commit the
 * open turn first (`end`) and then run in a transaction of their own. An
 * idle gateway pays one event-loop turn (microseconds), not a timer.
 */
import type Database from 'better-sqlite3';

export class TurnTransaction {
  private open = false;
  private opened = 0;
  private waiting: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  // While held (checkpointer.ts: the log is being rewound), writes wait here in order.
  private held = false;
  private queued: { fn: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void }[] = [];
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: (fn: () => unknown) => unknown;

  /**
   * @param hooks.onOpen / onClose run around the transaction (the sync level is set there, outside it);
   *   hooks.wrap turns a store error into what callers should see
   * @param maxWrites above this many writes the turn commits at once, so one transaction stays short
   */
  constructor(
    private readonly db: Database.Database,
    private readonly hooks: { onOpen(): void; onClose(): void; wrap(err: unknown): Error },
    private readonly maxWrites = 256,
  ) {
    // IMMEDIATE: the write lock is taken (or waited for) at the start, so no write of the turn can
    // meet SQLITE_BUSY halfway because another process (the CLI) committed since the turn's first read.
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    // Inside BEGIN, better-sqlite3 runs a transaction function as a savepoint.
    this.savepoint = db.transaction((fn: () => unknown) => fn());
  }

  /** Runs `fn` now, inside this turn's transaction; resolves with its result once the transaction is committed. */
  run<T>(fn: () => T): Promise<T> {
    if (this.held) return new Promise<T>((resolve, reject) => this.queued.push({ fn, resolve: resolve as (value: unknown) => void, reject }));
    let value: T;
    try {
      if (!this.open) this.start();
      value = this.savepoint(fn) as T;
    } catch (err) {
      return Promise.reject(this.hooks.wrap(err));
    }
    const committed = new Promise<T>((resolve, reject) => this.waiting.push({ resolve: () => resolve(value), reject }));
    if (this.waiting.length >= this.maxWrites) this.end();
    return committed;
  }

  /** Whether a turn's transaction is open: writes run now are in it. */
  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Which turn's transaction is open (a new number each time one opens), or null when none is. While one is,
   * this handle holds the write lock (BEGIN IMMEDIATE), so no other handle commits: what they can change reads the same.
   */
  get openTurn(): number | null {
    return this.open ? this.opened : null;
  }

  /** Commits whatever this turn wrote (also before every FULL write, and on close). */
  end(): void {
    if (!this.open) return;
    this.open = false;
    const waiting = this.waiting;
    this.waiting = [];
    let failure: Error | undefined;
    try {
      this.commit.run();
    } catch (err) {
      failure = this.hooks.wrap(err);
      try {
        if (this.db.open && this.db.inTransaction) this.rollback.run();
      } catch {
        // Nothing more to undo: the commit's own error is what callers hear.
      }
    }
    try {
      this.hooks.onClose();
    } catch {
      // A closed database has no sync level to restore; the next turn sets its own.
    }
    for (const w of waiting) failure ? w.reject(failure) : w.resolve();
  }

  /** Commits the open turn and makes new writes wait, until `release`. */
  hold(): void {
    this.end();
    this.held = true;
  }

  /** Runs the writes that waited, in order, in a new turn. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    const queued = this.queued;
    this.queued = [];
    for (const q of queued) this.run(q.fn).then(q.resolve, q.reject);
  }

  private start(): void {
    this.hooks.onOpen();
    try {
      this.begin.run();
    } catch (err) {
      this.hooks.onClose();
      throw err;
    }
    this.open = true;
    this.opened++;
    setImmediate(() => this.end());
  }
}
