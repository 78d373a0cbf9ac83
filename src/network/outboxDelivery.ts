/**
 * Delivers network-wide opt-outs (scope `all`) to the configured subscribers
 * through the ledger's durable outbox: a message stays due until every
 * subscriber acknowledged it with a 2xx, retried with exponential backoff
 * (capped at an hour). Receivers must be idempotent on the revocation id:
 * after a partial failure, the subscribers that already answered get the
 * message again.
 */
import type { Logger } from '../observability/logger';
import type { Ledger, OutboxMessage } from '../ledger/ledger';
import type { Clock } from '../gate/clock';
import { signNetworkBody } from './signature';

export interface Subscriber {
  url: string;
  secret: string;
}

export interface OutboxDeliveryOptions {
  ledger: Ledger;
  clock: Clock;
  logger: Logger;
  subscribers: Subscriber[];
  /** Identifies this deployment to its peers. */
  origin: string;
  timeoutMs?: number;
  batchSize?: number;
}

const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
}

/** One pass over the due messages; answers how many were delivered to everyone. */
export async function deliverDueOutbox(options: OutboxDeliveryOptions): Promise<number> {
  const { ledger, clock, logger, subscribers } = options;
  const due = await ledger.dueOutbox(clock.now().toISOString(), options.batchSize ?? 50);
  let delivered = 0;
  for (const message of due) {
    if (subscribers.length === 0 || (await deliverToAll(options, message))) {
      await ledger.ackOutbox(message.id);
      delivered++;
    } else {
      const next = new Date(clock.now().getTime() + backoffMs(message.attempts)).toISOString();
      await ledger.retryOutbox(message.id, next);
      logger.warn({ outbox_id: message.id, attempts: message.attempts + 1, next_attempt_at: next }, 'network opt-out delivery failed; will retry');
    }
  }
  return delivered;
}

async function deliverToAll(options: OutboxDeliveryOptions, message: OutboxMessage): Promise<boolean> {
  const body = JSON.stringify({ type: message.topic, id: message.id, origin: options.origin, revocation: message.payload });
  const results = await Promise.all(
    options.subscribers.map(async (s) => {
      try {
        const res = await fetch(s.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Consent-Gate-Signature': signNetworkBody(s.secret, body, options.clock.now()) },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        await res.arrayBuffer();
        return res.ok;
      } catch {
        return false;
      }
    }),
  );
  return results.every(Boolean);
}
