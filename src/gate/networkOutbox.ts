/**
 * The outbox pass behind network-wide opt-outs: each due message is handed
 * to a transport's delivery, acknowledged once it reached everyone, and
 * otherwise kept due with exponential backoff (capped at an hour). The
 * transport decides how a message travels; the gate decides when it is done.
 */
import type { OutboxMessage } from '../ledger/ledger';
import type { Logger } from '../observability/logger';
import type { GateContext } from './context';

export type { OutboxMessage };

export interface OutboxPass extends Pick<GateContext, 'ledger' | 'clock'> {
  logger: Logger;
  batchSize?: number;
}

const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
}

/** One pass over the due messages; answers how many `deliver` reported delivered to everyone. */
export async function deliverDueOutbox(pass: OutboxPass, deliver: (message: OutboxMessage) => Promise<boolean>): Promise<number> {
  const { ledger, clock, logger } = pass;
  const due = await ledger.dueOutbox(clock.now().toISOString(), pass.batchSize ?? 50);
  let delivered = 0;
  for (const message of due) {
    if (await deliver(message)) {
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
