/**
 * The contacts state frequency caps count: allowed telemarketing calls and
 * marketing / mixed texts, together, per consumer phone and calling entity,
 * over a rolling window before the contact's time.
 *
 * A contact is decided on those within the window either side of its time,
 * not only before it: contacts are not decided in the order of their times
 * (gateways race, clocks differ, calls are planned ahead), and a contact
 * decided before an earlier one must still count against it. Then every
 * window holds at most the cap: of the contacts in one, the last decided saw
 * all the others.
 */
export { isCoveredCall, isCoveredText } from './contactRules';

/** Every state cap counts over the 24 hours before the contact (the rule data's `window_hours`). */
export const COVERED_CONTACT_WINDOW_MS = 24 * 3_600_000;

/** The count a covered contact at `at` is decided on, as the ledger takes it (see Ledger.decideCall); instants in ms since the epoch, as the engines keep them. */
export interface CoveredContactWindow {
  /** The contact's instant: counted there when the contact is allowed. */
  atMs: number;
  /** The window's start, exclusive: contacts in (since, until) count. */
  sinceMs: number;
  /** The window's end, exclusive: a window after `at`, for contacts decided out of order. */
  untilMs: number;
  /**
   * Instants before this can no longer fall in the window of any contact at or after now, and are
   * dropped as the count is written. A contact planned in the past sees only what is kept.
   */
  forgetBeforeMs: number;
}

export function coveredContactWindow(at: Date, now: Date): CoveredContactWindow {
  const t = at.getTime();
  return {
    atMs: t,
    sinceMs: t - COVERED_CONTACT_WINDOW_MS,
    untilMs: t + COVERED_CONTACT_WINDOW_MS,
    forgetBeforeMs: Math.min(t, now.getTime()) - COVERED_CONTACT_WINDOW_MS,
  };
}
