/**
 * The retention policy: which records have ended, and what an old record keeps once anonymised.
 * Every engine applies these rules; the engines only find the records and store the results.
 *
 * An anonymised record's phone becomes its suppression key (a keyed hash of the number), so an
 * opt-out still blocks the number while the record no longer names it.
 */
import type { CallEvent } from './calls/events';
import type { Consent, Decision, Revocation } from './records';

/** Turns a phone number into its suppression key (the ledger's keying, from RETENTION_SECRET). */
export interface PhoneKeying {
  keyOf(phone: string): string;
}

/** Milliseconds of an ISO timestamp; NaN for a missing or unreadable one (which is never "before" anything). */
const msOf = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);

/**
 * When a consent ended, or Infinity while it has not: opted out, expired, or left pending since
 * its creation, whichever came first. A consent in force is the proof a call relies on and is
 * kept as it is; an opt-out with no time recorded does not count as ended by the opt-out.
 */
export function consentEndedAt(consent: Consent): number {
  const ends = [
    consent.status === 'opted_out' ? msOf(consent.opted_out_at) : NaN,
    msOf(consent.expires_at),
    consent.status === 'pending' ? msOf(consent.created_at) : NaN,
  ].filter((t) => !Number.isNaN(t));
  return Math.min(Infinity, ...ends);
}

/** True for a consent that ended before the cutoff (see consentEndedAt): the retention job anonymises it. */
export function consentEndedBefore(consent: Consent, cutoffMs: number): boolean {
  return consentEndedAt(consent) < cutoffMs;
}

/**
 * An ended consent without the person: the phone becomes its key, the evidence loses the text,
 * IP and user agent (its URL and source stay), and the history records the anonymisation.
 */
export function anonymiseConsent(consent: Consent, keying: PhoneKeying, at: string): Consent {
  const { text: _text, ip: _ip, user_agent: _ua, ...evidence } = consent.evidence;
  return {
    ...consent,
    phone: keying.keyOf(consent.phone),
    evidence,
    history: [...consent.history, { event: 'anonymised', at, source: 'retention' }],
  };
}

/**
 * An old revocation without the person: the phone (also where the dedupe key names it) becomes
 * its key, and the transcript and recording that may quote the person are erased. It still
 * blocks the number, looked up by its key.
 */
export function anonymiseRevocation(revocation: Revocation, keying: PhoneKeying): Revocation {
  const key = keying.keyOf(revocation.phone);
  return {
    ...revocation,
    phone: key,
    dedupe_key: revocation.dedupe_key.split(revocation.phone).join(key),
    transcript: null,
    audio_segment_url: null,
  };
}

/** An old decision without the person: the phone becomes its key, in the request too, and the caller's metadata goes. */
export function anonymiseDecision(decision: Decision, keying: PhoneKeying): Decision {
  const key = keying.keyOf(decision.phone);
  return { ...decision, phone: key, request: { ...decision.request, phone: key, metadata: null } };
}

/**
 * An old network message's payload without what quotes the person (transcript, recording); null
 * when there is nothing to erase. The phone stays: peers that have not received it need it.
 */
export function scrubbedMessagePayload(payload: Record<string, unknown>): Record<string, unknown> | null {
  if (payload.transcript == null && payload.audio_segment_url == null) return null;
  return { ...payload, transcript: null, audio_segment_url: null };
}

/** An old call event without the person: the phone becomes its key, and an opt-out's transcript (the consumer's words) is erased. */
export function anonymiseCallEvent(event: CallEvent, keying: PhoneKeying): CallEvent {
  const details = event.details.transcript == null ? event.details : { ...event.details, transcript: null };
  return { ...event, phone: keying.keyOf(event.phone), details };
}
