/**
 * Group commit: many writes that arrive together share one transaction.
 *
 * Why: a decision is stored before it is answered, and each decision on its
 * own costs one SQLite commit — eight or so WAL pages (the row, the audit
 * entry, their indexes), written with a syscall each. Under load, the
 * requests whose bodies arrived in the same turn of the event loop all want
 * to commit; `enqueue` holds each one until the end of that turn
 * (`setImmediate`, after the poll phase), then `commit` writes the whole
 * batch in one transaction and only then resolves every caller. The pages
 * they share (table tails, time-ordered indexes, the commit itself) are
 * written once per batch instead of once per decision.
 *
 * What does not change: nobody's promise resolves before its record is
 * committed, so a caller never answers on an unrecorded decision; if the
 * commit fails, every caller in the batch gets the error. An idle gateway
 * pays one event-loop turn (microseconds), not a timer.
 */
export class GroupCommit<T> {
  private pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];

  /**
   * @param commit writes the whole batch atomically (throws on failure)
   * @param maxBatch above this many waiting items the batch is written at once, so one transaction stays short
   */
  constructor(
    private readonly commit: (items: T[]) => void,
    private readonly maxBatch = 256,
  ) {}

  enqueue(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
    });
  }

  /** Writes whatever is waiting now (also called on close, so nothing enqueued is dropped). */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.commit(batch.map((b) => b.item));
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    for (const b of batch) b.resolve();
  }
}
