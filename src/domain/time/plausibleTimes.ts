/**
 * Which claimed times the gate believes. A capture time is what a client says
 * happened; it may run a little fast (the client's clock), never far ahead of
 * ours. A planned call or send time may look ahead (a scheduler) or back (an
 * auditor replaying a decision), within reason; years away it is a mistake or
 * an attempt to reach dates the calendar code was never meant to handle.
 */

/** How far ahead of our clock a claimed capture time may be: a client's clock that runs fast. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** How far from now, either way, a planned call or send may be: two years. */
export const MAX_PLAN_DISTANCE_MS = 2 * 365 * 86_400_000;

/**
 * The earliest capture time believed: nothing this gateway keeps was said before
 * 1970, and the honor-by calendar is not meant for centuries ago.
 */
export const EARLIEST_CAPTURE_MS = Date.UTC(1970, 0, 1);

export const PLAN_RANGE_REASON = 'must be within 2 years of now';

/** Why a claimed capture time is not believed — ahead of now beyond clock skew, or before 1970 — or null when it is. */
export function captureTimeProblem(capturedAt: Date, now: Date): string | null {
  const at = capturedAt.getTime();
  if (!(at <= now.getTime() + MAX_CLOCK_SKEW_MS)) return 'must not be in the future';
  if (at < EARLIEST_CAPTURE_MS) return 'must not be before 1970';
  return null;
}

/** True when a planned call or send time is too far from `now`, either way, to be meant (or is no time at all). */
export function isOutsidePlanRange(plannedAt: Date, now: Date): boolean {
  return !(Math.abs(plannedAt.getTime() - now.getTime()) <= MAX_PLAN_DISTANCE_MS);
}
