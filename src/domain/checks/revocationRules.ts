/**
 * When does a revocation block? (Precall check 2, pre-send `consumer_revoked`.)
 * An active revocation for this phone and entity, or one with scope `all`,
 * blocks unless the consumer gave a fresh consent to this entity after it.
 *
 * "After" holds on two clocks at once. A record's `captured_at` is what the
 * client claims (when the consumer said yes or stop); its `created_at` is when
 * this gateway recorded it, which no client chooses. A consent lifts a
 * revocation only when it is both captured at or after the revocation's
 * capture and recorded strictly after the revocation was. So a consent dated
 * in the future, or one backdated and imported after an opt-out, never undoes
 * that opt-out; neither does a consent on file before an opt-out that is
 * reported late with an earlier capture time. A tie in recording time blocks:
 * when the order is unknown, the opt-out wins.
 */
import type { Consent, Revocation } from '../records';
import { entityKey } from '../vocabulary';
import { isForEntity } from './consentRules';

export interface BlockingRevocation {
  revocation: Revocation;
  /** From the network (another org or deployment) rather than this org. */
  fromNetwork: boolean;
}

/**
 * A record's two times as keys that compare as text: ISO 8601 UTC with
 * milliseconds. The gateway writes its own times in that shape (or to the
 * second), so the common case costs a pattern test, not a date parse; any
 * other shape is parsed once. A time that does not read is null, and null
 * never counts as "after".
 */
interface Times {
  captured: string | null;
  recorded: string | null;
}

const UTC_TEXT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z$/;

export function instantKey(text: string): string | null {
  if (UTC_TEXT.test(text)) return text.length === 20 ? text.slice(0, 19) + '.000Z' : text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  // Outside years 0000-9999 the ISO text grows a sign and stops sorting; pin it to the ends instead.
  const at = new Date(ms);
  const year = at.getUTCFullYear();
  if (year < 0) return '0000-01-01T00:00:00.000Z';
  if (year > 9999) return '9999-12-31T23:59:59.999Z';
  return at.toISOString();
}

const timesOf = (r: { captured_at: string; created_at: string }): Times => ({ captured: instantKey(r.captured_at), recorded: instantKey(r.created_at) });

/** Does a consent with these times lift a revocation with those? Captured no earlier, and recorded later. */
export function liftsRevocation(consent: Times, revocation: Times): boolean {
  if (consent.captured === null || consent.recorded === null || revocation.captured === null || revocation.recorded === null) return false;
  return consent.captured >= revocation.captured && consent.recorded > revocation.recorded;
}

export function blockingRevocation(orgId: string, entity: string, revocations: Revocation[], consents: Consent[]): BlockingRevocation | null {
  if (revocations.length === 0) return null;
  const key = entityKey(entity);
  let fresh: Times[] | undefined;
  let found: BlockingRevocation | null = null;
  for (const r of revocations) {
    const applies = r.scope === 'all' || (r.calling_entity !== null && entityKey(r.calling_entity) === key);
    if (!applies) continue;
    fresh ??= consents.filter((c) => c.status !== 'opted_out' && isForEntity(c, entity)).map(timesOf);
    const times = timesOf(r);
    if (fresh.some((c) => liftsRevocation(c, times))) continue;
    const fromNetwork = r.scope === 'all' && (r.org_id !== orgId || r.origin !== 'local');
    // The org's own revocation is the stronger statement; prefer it, then the newest.
    if (!found || (found.fromNetwork && !fromNetwork) || (found.fromNetwork === fromNetwork && r.captured_at > found.revocation.captured_at)) {
      found = { revocation: r, fromNetwork };
    }
  }
  return found;
}
