/**
 * The outbox in Redis: network-wide opt-outs waiting for delivery to peers,
 * all in the `{outbox}` slot. A revocation lives in its subject's slot, so
 * its message cannot be written in the same script; instead it is queued
 * *ahead* of the revocation and settled after it:
 *
 * - ahead: queue a message under an id derived from (org, dedupe_key), so
 *   every attempt at the same opt-out names the same message;
 * - settled, revocation created: the message carries the stored record;
 * - settled, revocation was a duplicate: drop the message this attempt
 *   queued — unless it already carries another attempt's stored record.
 *
 * A crash between the two leaves a message for an opt-out that was asked
 * for but not acknowledged: peers get told once too often, never once too
 * few.
 */
import { createHash } from 'node:crypto';
import type { Revocation } from '../../domain/records';
import { scrubbedMessagePayload } from '../../domain/retention';
import type { OutboxMessage } from '../ledger';
import type { RedisClient } from './connection';
import type { RedisKeys } from './keys';
import type { ScriptRunner } from './scripts';
import { ackMessage, addMessage, dropMessageIf, replaceMessageIf, retryMessage, setMessage, type QueuedMessage } from './scripts/outbox';

const TOPIC = 'revocation.network';

export class RedisOutbox {
  private readonly k;

  constructor(
    private readonly client: RedisClient,
    keys: RedisKeys,
    private readonly run: ScriptRunner,
  ) {
    this.k = keys.outbox();
  }

  private static idOf(r: Revocation): string {
    return 'evt_' + createHash('sha256').update(`${r.org_id}\u0000${r.dedupe_key}`).digest('hex').slice(0, 24);
  }

  /** The message that carries `r`, under the id of its opt-out. */
  private static message(id: string, r: Revocation): QueuedMessage {
    return { id, json: JSON.stringify({ topic: TOPIC, payload: r }), revocationId: r.id, dueMs: Date.parse(r.created_at) };
  }

  /** Before the revocation is written. Resolves true when this call queued the message. */
  async queueAhead(candidate: Revocation): Promise<boolean> {
    return addMessage(this.run, this.k, RedisOutbox.message(RedisOutbox.idOf(candidate), candidate));
  }

  /** After the revocation is written: `stored` is what the ledger holds (the candidate, or the earlier record it duplicated). */
  async settle(candidate: Revocation, stored: Revocation, created: boolean, queuedByThisCall: boolean): Promise<void> {
    const id = RedisOutbox.idOf(candidate);
    if (created) await setMessage(this.run, this.k, RedisOutbox.message(id, stored));
    else if (queuedByThisCall) await dropMessageIf(this.run, this.k, id, candidate.id);
  }

  async due(nowMs: number, limit: number): Promise<OutboxMessage[]> {
    const due = await this.client.zrangebyscore(this.k.due, '-inf', nowMs, 'WITHSCORES', 'LIMIT', 0, limit);
    if (!due.length) return [];
    const ids: string[] = [];
    const scores: number[] = [];
    for (let i = 0; i < due.length; i += 2) {
      ids.push(due[i]);
      scores.push(Number(due[i + 1]));
    }
    const [docs, attempts] = await Promise.all([this.client.hmget(this.k.messages, ...ids), this.client.hmget(this.k.attempts, ...ids)]);
    const out: OutboxMessage[] = [];
    ids.forEach((id, i) => {
      const doc = docs[i];
      if (!doc) return; // acknowledged meanwhile
      const { topic, payload } = JSON.parse(doc) as { topic: string; payload: Record<string, unknown> };
      out.push({ id, topic, payload, attempts: Number(attempts[i] ?? 0), next_attempt_at: new Date(scores[i]).toISOString() });
    });
    return out;
  }

  async ack(id: string): Promise<void> {
    await ackMessage(this.run, this.k, id);
  }

  /**
   * The retention job: messages still undelivered whose attempts started
   * before the cutoff keep the phone (peers need it) but lose the transcript
   * and audio URL. Delivered messages are already gone (acknowledged = deleted).
   */
  async scrubBefore(cutoffMs: number): Promise<void> {
    const ids = await this.client.zrangebyscore(this.k.due, '-inf', `(${cutoffMs}`);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const docs = await this.client.hmget(this.k.messages, ...chunk);
      for (const [j, doc] of docs.entries()) {
        if (!doc) continue;
        const message = JSON.parse(doc) as { topic: string; payload: Record<string, unknown> };
        const payload = scrubbedMessagePayload(message.payload);
        if (payload) await replaceMessageIf(this.run, this.k, chunk[j], doc, JSON.stringify({ ...message, payload }));
      }
    }
  }

  async retry(id: string, nextAttemptMs: number): Promise<void> {
    await retryMessage(this.run, this.k, id, nextAttemptMs);
  }
}
