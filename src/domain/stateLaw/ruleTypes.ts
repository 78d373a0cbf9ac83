/**
 * The shape of the state calling rules: what the rule data file
 * (`reference/state-rules.json`) holds, one entry per rule. The values are the
 * law's own (hours, days, caps); every entry carries the citation and the
 * source it was read from, so an auditor can check each one.
 *
 * Covered contacts are telemarketing calls and marketing / mixed texts; for
 * each, `applies_to` says whether the statute itself reaches it or the gate
 * holds it there as policy (the safe reading where the text is silent).
 */

/** `US-FL`: ISO 3166-2 style, the country and the state or territory code. */
export type Jurisdiction = `US-${string}`;

export type StateRuleKind = 'calling_hours' | 'holiday' | 'frequency_cap' | 'state_of_emergency';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A contact the state rules can cover. */
export type CoveredContact = 'telemarketing_call' | 'marketing_text';

/** Whether the statute's text reaches a kind of contact, or the gate applies the rule as policy. */
export type CoverageBasis = 'statute' | 'policy';

/** How far the encoded values were checked: the statute's own text, or a secondary source only. */
export type Verification = 'primary' | 'secondary';

interface RuleCommon {
  /** Unique and stable: `US-FL/calling_hours`. */
  id: string;
  jurisdiction: Jurisdiction;
  kind: StateRuleKind;
  /** The statute or regulation, as a lawyer would cite it. */
  citation: string;
  /** `YYYY-MM-DD`, the first day the rule is in force. */
  effective_from: string;
  /** `YYYY-MM-DD`, the last day the rule is in force, when it has been replaced. */
  effective_until?: string;
  /** URL of the text the values were read from. */
  source: string;
  verified: Verification;
  applies_to: Record<CoveredContact, CoverageBasis>;
  /** What the text says, what is policy, what could not be verified. */
  note?: string;
}

/** `HH:mm` local time; `start` inclusive, `end` exclusive (as the federal window). */
export interface ClockWindow {
  start: string;
  end: string;
}

export interface CallingHoursRule extends RuleCommon {
  kind: 'calling_hours';
  /**
   * `recipient`: the consumer's local time (the zones of the number's area code, or of the
   * state when the state came from elsewhere). Otherwise a fixed IANA zone the statute names
   * (Mississippi's Central *Standard* Time all year is `Etc/GMT+6`).
   */
  time_zone: 'recipient' | string;
  /** The window per day of the week; a day missing or null allows no contact at all (a Sunday ban). */
  windows: Partial<Record<Weekday, ClockWindow | null>>;
}

export interface HolidayRule extends RuleCommon {
  kind: 'holiday';
  /** Whose holidays: `US` (federal, 5 U.S.C. 6103) or a state's legal holidays, e.g. `US-LA`. Several mean any of them. */
  calendars: string[];
}

export interface FrequencyCapRule extends RuleCommon {
  kind: 'frequency_cap';
  /** Allowed covered contacts per consumer phone and calling entity within the window. */
  limit: number;
  /** The rolling window, in hours, before the contact's time. */
  window_hours: number;
}

/** No covered contact while an operator-declared state of emergency is active in the jurisdiction. */
export interface EmergencyRule extends RuleCommon {
  kind: 'state_of_emergency';
}

export type StateRule = CallingHoursRule | HolidayRule | FrequencyCapRule | EmergencyRule;

export interface StateRuleSet {
  /** Changes whenever a rule changes; every decision records the version it was made under. */
  version: string;
  rules: StateRule[];
}
