/** Scripts of the outbox (../outbox.ts), all in the `{outbox}` slot. */
import type { RedisKeys } from '../keys';
import type { RunScript } from './runner';

type OutboxKeys = ReturnType<RedisKeys['outbox']>;

/** What the conditional outbox scripts answer. */
export const OUTBOX_REPLY = { unchanged: 0, done: 1 } as const;

export const OUTBOX_SCRIPTS = {
  /**
   * Queue an outbox message before the revocation is written (write-ahead: a
   * crash in between propagates an opt-out rather than losing one).
   * KEYS: messages, attempts, revocation, due. ARGV: id, json, revocation id, score_ms. → 1 inserted, 0 already queued
   */
  cgOutboxAdd: {
    numberOfKeys: 4,
    lua: `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], 0)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return 1
`,
  },

  /** The revocation was written: the message carries the stored record. Same KEYS/ARGV as cgOutboxAdd. */
  cgOutboxSet: {
    numberOfKeys: 4,
    lua: `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[1], 0)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if not redis.call('ZSCORE', KEYS[4], ARGV[1]) then redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1]) end
return 1
`,
  },

  /**
   * The revocation was a duplicate: drop the message this attempt queued,
   * unless it now carries the stored record (a racing first writer set it).
   * KEYS: messages, attempts, revocation, due. ARGV: id, candidate revocation id.
   */
  cgOutboxDropIf: {
    numberOfKeys: 4,
    lua: `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1
`,
  },

  /** KEYS: messages, attempts, due. ARGV: id, score_ms. */
  cgOutboxRetry: {
    numberOfKeys: 3,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 1
`,
  },

  /** KEYS: messages, attempts, revocation, due. ARGV: id. */
  cgOutboxAck: {
    numberOfKeys: 4,
    lua: `
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1
`,
  },

  /** KEYS: outbox messages. ARGV: id, expected json, new json. Only if the message is still the one read (not acknowledged or re-set meanwhile). */
  cgOutboxReplaceIf: {
    numberOfKeys: 1,
    lua: `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`,
  },
};

type Run = RunScript<keyof typeof OUTBOX_SCRIPTS>;

const all = (k: OutboxKeys) => [k.messages, k.attempts, k.revocation, k.due];

/** A message as queued: its id, its JSON, the revocation it carries and when it is due. */
export interface QueuedMessage {
  id: string;
  json: string;
  revocationId: string;
  dueMs: number;
}

/** Queues `m` unless a message with its id is queued; true when this call queued it. */
export async function addMessage(run: Run, k: OutboxKeys, m: QueuedMessage): Promise<boolean> {
  return Number(await run<number>('cgOutboxAdd', all(k), [m.id, m.json, m.revocationId, m.dueMs])) === OUTBOX_REPLY.done;
}

/** Sets the message to carry the stored revocation (queuing it if it is not). */
export async function setMessage(run: Run, k: OutboxKeys, m: QueuedMessage): Promise<void> {
  await run('cgOutboxSet', all(k), [m.id, m.json, m.revocationId, m.dueMs]);
}

/** Drops the message `id` if it still carries the revocation `revocationId`. */
export async function dropMessageIf(run: Run, k: OutboxKeys, id: string, revocationId: string): Promise<void> {
  await run('cgOutboxDropIf', all(k), [id, revocationId]);
}

/** Counts an attempt and schedules the next one, if the message is still queued. */
export async function retryMessage(run: Run, k: OutboxKeys, id: string, dueMs: number): Promise<void> {
  await run('cgOutboxRetry', [k.messages, k.attempts, k.due], [id, dueMs]);
}

/** Removes a delivered message. */
export async function ackMessage(run: Run, k: OutboxKeys, id: string): Promise<void> {
  await run('cgOutboxAck', all(k), [id]);
}

/** Replaces the message's JSON if it still reads `expectedJson`. */
export async function replaceMessageIf(run: Run, k: OutboxKeys, id: string, expectedJson: string, json: string): Promise<void> {
  await run('cgOutboxReplaceIf', [k.messages], [id, expectedJson, json]);
}
