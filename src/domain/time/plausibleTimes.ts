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

export const FUTURE_CAPTURE_REASON = 'must not be in the future';
export const PLAN_RANGE_REASON = 'must be within 2 years of now';

/** True when `capturedAt` is later than `now` by more than clock skew explains (or is no time at all). */
export function isCapturedInFuture(capturedAt: Date, now: Date): boolean {
  return !(capturedAt.getTime() <= now.getTime() + MAX_CLOCK_SKEW_MS);
}

/** True when a planned call or send time is too far from `now`, either way, to be meant (or is no time at all). */
export function isOutsidePlanRange(plannedAt: Date, now: Date): boolean {
  return !(Math.abs(plannedAt.getTime() - now.getTime()) <= MAX_PLAN_DISTANCE_MS);
}
