/**
 * The FCC honor-by deadline of an opt-out: the 10th business day after the
 * day it was captured, at the same time of day (the `honor_by_date` of a revocation).
 *
 * Days are counted on the UTC calendar. One calendar for every deployment
 * means two instances (or a replay years later) always agree on a deadline,
 * whatever the server's or the consumer's zone, and it is the calendar of the
 * contract's own example (`2026-04-10T15:43:10Z` → `2026-04-24T15:43:10Z`).
 * A reader should know the consequence: a capture at 22:00 on a Friday in New
 * York is already Saturday in UTC, so its deadline is the second Friday after
 * at 02:00Z (Thursday evening in New York), one day earlier than counting on
 * New York's calendar would give.
 *
 * @example
 * honorByDate(new Date('2026-04-10T15:43:10Z')) // 2026-04-24T15:43:10.000Z
 */
import { isBusinessDay } from './holidays';
import { isoDateOfDay } from './isoTime';

const HONOR_BUSINESS_DAYS = 10;
const DAY_MS = 86_400_000;

export function honorByDate(capturedAt: Date): Date {
  const capturedMs = capturedAt.getTime();
  if (!Number.isFinite(capturedMs)) throw new RangeError('honorByDate: capturedAt is not a valid date');
  const captureDayStart = Math.floor(capturedMs / DAY_MS) * DAY_MS;
  // UTC has no DST, so "same time of day" is the same offset from midnight.
  const timeOfDayMs = capturedMs - captureDayStart;
  let dayStart = captureDayStart;
  let counted = 0;
  while (counted < HONOR_BUSINESS_DAYS) {
    dayStart += DAY_MS;
    if (isBusinessDay(isoDateOfDay(dayStart / DAY_MS))) counted++;
  }
  return new Date(dayStart + timeOfDayMs);
}
