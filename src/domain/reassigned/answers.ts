/**
 * Reassigned numbers: a consent given by a number's previous subscriber is
 * void once the number is permanently disconnected and given to someone
 * else. The question every source answers is the FCC Reassigned Numbers
 * Database's: has this number been permanently disconnected on or after
 * this date? (`yes`, `no`, or `no_data` when the source holds nothing for
 * that number and date.) The date asked about is the day the consent was
 * captured.
 */
import { isoTime } from '../time/isoTime';

export const REASSIGNED_RESULTS = ['yes', 'no', 'no_data'] as const;
export type ReassignedResult = (typeof REASSIGNED_RESULTS)[number];

/** Where an answer came from: the org's imported RND results, or Twilio Lookup's `reassigned_number`. */
export type ReassignedSourceName = 'rnd_import' | 'twilio_lookup';

/** One imported RND result: the date that was asked about (YYYY-MM-DD) and what the database said. */
export interface DatedResult {
  date: string;
  result: ReassignedResult;
}

const DAY_MS = 86_400_000;

/**
 * An instant in the form the gate stores them in (UTC, `Z`), on a day every month has and an hour
 * before 24: its UTC day is its first ten characters. (A 30 February or a 24:00 is read by the
 * Date as a later day, and is left to it.)
 */
const PLAIN_UTC_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?Z$/;

/**
 * The day (UTC, YYYY-MM-DD) a consent was captured: what a source is asked about. Asked on every
 * decision that relies on an old consent: read off the text where it can be, rather than parsed
 * and formatted again by the Date (same day, the same RangeError for an unreadable one).
 */
export function consentDateOf(capturedAt: string): string {
  return PLAIN_UTC_INSTANT.test(capturedAt) ? capturedAt.slice(0, 10) : isoTime(Date.parse(capturedAt)).slice(0, 10);
}

/** A consent is checked once it is older than `afterDays` at the time of the contact. */
export function needsReassignedCheck(capturedAt: string, at: Date, afterDays: number): boolean {
  return at.getTime() - Date.parse(capturedAt) > afterDays * DAY_MS;
}

/**
 * What the org's imported results say about a consent of `consentDate`:
 * the result for that very date first; else one that answers it too —
 * a disconnection on or after a later date is one on or after this one
 * (`yes`), and none since an earlier date means none since this one (`no`).
 * Null when no imported result speaks to the date.
 */
export function importedAnswer(results: readonly DatedResult[], consentDate: string): ReassignedResult | null {
  const exact = results.find((r) => r.date === consentDate);
  if (exact) return exact.result;
  if (results.some((r) => r.result === 'yes' && r.date >= consentDate)) return 'yes';
  if (results.some((r) => r.result === 'no' && r.date <= consentDate)) return 'no';
  return null;
}
