/**
 * Webhook event ids this instance has already acted on. Telnyx redelivers a
 * webhook that was not answered 2xx (an application that was down, say), and
 * the redelivery must be relayed again but must not revoke, re-consent or
 * speak a second time.
 *
 * In memory, bounded, for a few minutes: enough to absorb Telnyx's
 * redeliveries of call events on one instance. Across instances their side
 * effects are idempotent anyway (revocations repeat as the same record;
 * commands carry a `command_id` Telnyx deduplicates). Inbound texts are not
 * kept here: a replayed START could re-consent someone who opted out since,
 * so their ids are marked in the ledger instead (webhookRoutes.ts).
 */
import type { Clock } from '../../src/gate/clock';

export class SeenEvents {
  private readonly expiry = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly maxEntries = 100_000,
  ) {}

  /** True the first time an id is offered (within the TTL), false after. */
  firstTime(id: string | undefined): boolean {
    if (!id) return true;
    const now = this.clock.now().getTime();
    const until = this.expiry.get(id);
    if (until !== undefined && until > now) return false;
    this.expiry.delete(id);
    this.expiry.set(id, now + this.ttlMs);
    this.prune(now);
    return true;
  }

  /** Forget an id (its handling failed, so a redelivery should try again). */
  forget(id: string | undefined): void {
    if (id) this.expiry.delete(id);
  }

  private prune(now: number): void {
    // Insertion order is expiry order (same TTL for all), so the oldest are first.
    for (const [id, until] of this.expiry) {
      if (until > now && this.expiry.size <= this.maxEntries) break;
      this.expiry.delete(id);
    }
  }
}
