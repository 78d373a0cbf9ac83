/**
 * The network outbox in SQLite: messages queued with the revocation they carry (revocations.ts),
 * handed out when due, then acknowledged or put back for a later attempt.
 */
import type { OutboxMessage } from '../ledger';
import type { SqliteStore } from './store';

export class SqliteOutbox {
  constructor(private readonly store: SqliteStore) {}

  async dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.store
      .read(() => this.store.stmt.dueOutbox.all(now, limit))
      .map((r) => ({
        id: r.id,
        topic: r.topic,
        payload: JSON.parse(r.payload),
        attempts: r.attempts,
        next_attempt_at: r.next_attempt_at,
      }));
  }

  async ackOutbox(id: string): Promise<void> {
    this.store.write(() => this.store.stmt.ackOutbox.run(id));
  }

  async retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    this.store.write(() => this.store.stmt.retryOutbox.run(nextAttemptAt, id));
  }
}
