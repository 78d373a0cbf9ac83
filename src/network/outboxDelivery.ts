/**
 * Delivers network-wide opt-outs (scope `all`) to the configured subscribers
 * through the ledger's durable outbox: a message stays due until every
 * subscriber acknowledged it with a 2xx, retried with exponential backoff
 * (capped at an hour). Receivers must be idempotent on the revocation id:
 * after a partial failure, the subscribers that already answered get the
 * message again.
 */
import { deliverDueOutbox as runOutboxPass, type OutboxMessage, type OutboxPass } from '../gate/networkOutbox';
import { signNetworkBody } from './signature';

export { backoffMs } from '../gate/networkOutbox';

export interface Subscriber {
  url: string;
  secret: string;
}

export interface OutboxDeliveryOptions extends OutboxPass {
  subscribers: Subscriber[];
  /** Identifies this deployment to its peers. */
  origin: string;
  timeoutMs?: number;
}

/** One pass over the due messages, each signed and posted to every subscriber; answers how many were delivered to everyone. */
export function deliverDueOutbox(options: OutboxDeliveryOptions): Promise<number> {
  return runOutboxPass(options, async (message) => options.subscribers.length === 0 || (await deliverToAll(options, message)));
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
