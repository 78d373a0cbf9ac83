/**
 * Carrier webhooks act once. A signed webhook can be sent again by anyone
 * who captured it — a carrier signature carries no timestamp (Twilio's) or
 * a window of minutes (Telnyx's) — and a carrier itself redelivers one it
 * thinks failed. A repeat is relayed to the application like the first,
 * but it must not revoke, re-consent or speak a second time.
 *
 * Two guards, because neither alone is enough:
 *
 * - `firstDelivery` marks the webhook's event key (a Twilio `MessageSid`, a
 *   `CallSid` with the digits pressed, a Telnyx event id) in the ledger:
 *   shared by every instance and kept across restarts, so a repeat sent to
 *   another instance, or after a restart, is known. The mark expires after
 *   WEBHOOK_MEMORY_SECONDS so the record stays bounded; carriers redeliver
 *   within minutes to hours, so a week covers every genuine repeat.
 * - An opt-in can be replayed after the mark has expired: a captured START
 *   sent again months later, after the consumer said STOP. So the consent
 *   an inbound text creates is keyed by that text's carrier id (see
 *   `keywordConsentDedupeKey`): a replay, at any time, finds the consent the
 *   first delivery made — captured before the later opt-out — and records
 *   nothing, and the later opt-out stands. The consent record is kept as
 *   long as the consent, so this guard needs no expiry.
 *
 * An opt-out replayed after its mark expired is recorded again: that blocks
 * contact (fail closed) and the consumer can opt in again; it never lets a
 * call or text through.
 *
 * When the store cannot record the mark, the webhook is acted on: an opt-out
 * then reaches the durable fallback queue rather than being dropped, and an
 * opt-in fails with the store as it would have anyway.
 */
import { hash } from 'node:crypto';
import { entityKey } from '../domain/vocabulary';
import { LedgerUnavailableError } from '../errors';
import type { GateContext } from './context';

export const WEBHOOK_MEMORY_SECONDS = 7 * 24 * 60 * 60;

/** True when this is the first delivery of the webhook `key` names (or the store cannot tell). */
export async function firstDelivery(ctx: GateContext, key: string): Promise<boolean> {
  try {
    return await ctx.ledger.markWebhookSeen(key, WEBHOOK_MEMORY_SECONDS);
  } catch (err) {
    if (err instanceof LedgerUnavailableError) return true;
    throw err;
  }
}

/** Acting on a first delivery failed: forget it, so the carrier's redelivery acts. Best effort. */
export async function forgetDelivery(ctx: GateContext, key: string): Promise<void> {
  await ctx.ledger.forgetWebhookSeen(key).catch(() => undefined);
}

/**
 * The dedupe key of the consent an inbound opt-in text records: one consent
 * per carrier message, whatever time it is replayed at (the content key of
 * other consents includes their capture time, which a replay would change).
 */
export function keywordConsentDedupeKey(phone: string, entity: string, carrierMessageId: string): string {
  return hash('sha256', `sms_keyword\n${phone}\n${entityKey(entity)}\n${carrierMessageId}`);
}
