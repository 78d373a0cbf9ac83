/**
 * The contacts state frequency caps count: allowed telemarketing calls and
 * marketing / mixed texts, together, per consumer phone and calling entity,
 * over a rolling window before the contact's time.
 */
import type { MessageType, Purpose } from '../vocabulary';

/** Every state cap counts over the 24 hours before the contact (the rule data's `window_hours`). */
export const COVERED_CONTACT_WINDOW_MS = 24 * 3_600_000;

export const isCoveredCall = (purpose: Purpose): boolean => purpose === 'telemarketing';
export const isCoveredText = (messageType: MessageType): boolean => messageType === 'marketing' || messageType === 'mixed';

/** The count a covered contact at `at` is decided on, as the ledger takes it (see Ledger.decideCall). */
export interface CoveredContactWindow {
  /** The contact's instant: counted there when the contact is allowed. */
  at: string;
  /** The window's start, exclusive: contacts in (since, at] count. */
  since: string;
  /**
   * Instants before this can no longer fall in the window of any contact at or after now, and are
   * dropped as the count is written. A contact planned in the past sees only what is kept.
   */
  forgetBefore: string;
}

export function coveredContactWindow(at: Date, now: Date): CoveredContactWindow {
  const t = at.getTime();
  return {
    at: at.toISOString(),
    since: new Date(t - COVERED_CONTACT_WINDOW_MS).toISOString(),
    forgetBefore: new Date(Math.min(t, now.getTime()) - COVERED_CONTACT_WINDOW_MS).toISOString(),
  };
}
