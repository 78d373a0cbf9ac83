/**
 * Counters every text of a turn shares (an org's sends of the month), kept in
 * memory while the turn's transaction is open and written once as it commits.
 *
 * Why: each allowed text read its org's month row and wrote it back, a
 * visible share of what a pre-send costs in-process, and under load every
 * text of a turn reads and rewrites that same row. Now the first text of a turn reads
 * it, the others count on from memory, and the turn writes the total before
 * its COMMIT (turnTransaction.ts, `beforeCommit`).
 *
 * Why this is exact: the turn's transaction is BEGIN IMMEDIATE, so no other
 * connection can commit between the read and the write; the counts are
 * forgotten when the turn ends, committed or not, and the next turn reads
 * again. A text is counted here only as the last step of its savepoint, so
 * a text that fails before it counts nothing; if the commit fails, the
 * total is never written, as nothing of that turn is.
 */
export class TurnCounts {
  private readonly counts = new Map<string, { orgId: string; key: string; count: number; added: boolean }>();

  constructor(
    private readonly read: (orgId: string, key: string) => number,
    private readonly write: (orgId: string, key: string, count: number) => void,
  ) {}

  /** The count as this turn stands: read once, then as counted since. */
  get(orgId: string, key: string): number {
    return this.entry(orgId, key).count;
  }

  /** One more, written with the turn. */
  add(orgId: string, key: string): void {
    const e = this.entry(orgId, key);
    e.count++;
    e.added = true;
  }

  /** Writes what this turn counted: just before its COMMIT. */
  flush(): void {
    for (const e of this.counts.values()) if (e.added) this.write(e.orgId, e.key, e.count);
  }

  /** The turn has ended (committed or rolled back): the next one reads again. */
  forget(): void {
    this.counts.clear();
  }

  private entry(orgId: string, key: string) {
    const id = `${orgId}\u0000${key}`;
    let e = this.counts.get(id);
    if (!e) {
      e = { orgId, key, count: this.read(orgId, key), added: false };
      this.counts.set(id, e);
    }
    return e;
  }
}
