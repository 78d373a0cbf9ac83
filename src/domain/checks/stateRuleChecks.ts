/**
 * The checks of state law that both chains run, after quiet hours and in the
 * contract's order: a state's legal holiday, a declared state of emergency,
 * a state's frequency cap. A call and a text differ only in what makes the
 * contact a covered one and which federal window it is held to, so each
 * chain passes those two and the checks are written once.
 */
import { emergencyBlockFields, stateCapBlockFields } from '../stateLaw/contactRules';
import type { ActiveEmergency } from '../stateLaw/emergencies';
import type { DailyWindow } from '../time/callingWindow';
import type { EmergencyFields, HolidayFields, StateCapFields } from './blocks';
import type { Check } from './chain';
import { holidayBlockFields, timeOfContact, type TimeOfContactFacts } from './timeOfContact';

/** What the state rules read besides the time of contact: the contacts already made and the emergencies declared. */
export interface StateRuleFacts extends TimeOfContactFacts {
  /**
   * Allowed telemarketing calls and marketing/mixed texts to this phone from this entity in the
   * 24 hours before `at` — and after it: contacts decided out of order count too, so no window
   * passes the cap (domain/stateLaw/coveredContacts.ts) — (0 when the contact is not a covered one: the ledger is not asked).
   */
  coveredContactsInWindow: number;
  /** The org's declared states of emergency in force at `at` (read only for a covered contact). */
  emergencies: ActiveEmergency[];
}

/** What a chain's contact is, as the state rules see it: covered or not, and its federal window. */
export interface CoveredContact<F> {
  isCovered(facts: F): boolean;
  window(facts: F): DailyWindow;
}

export function holidayCheck<F extends StateRuleFacts>(contact: CoveredContact<F>): Check<F, { reason: 'holiday'; fields: HolidayFields }> {
  return {
    name: 'holiday',
    run: (f) => {
      if (!contact.isCovered(f)) return null;
      const fields = holidayBlockFields(timeOfContact(f, contact.window(f)));
      return fields ? { reason: 'holiday', fields } : null;
    },
  };
}

export function emergencyCheck<F extends StateRuleFacts>(contact: CoveredContact<F>): Check<F, { reason: 'state_of_emergency'; fields: EmergencyFields }> {
  return {
    name: 'state_of_emergency',
    run: (f) => {
      if (!contact.isCovered(f)) return null;
      const fields = emergencyBlockFields({ at: f.at, jurisdictions: f.jurisdictions, ruleSet: f.stateRules }, f.emergencies);
      return fields ? { reason: 'state_of_emergency', fields } : null;
    },
  };
}

/** The strictest state cap this covered contact would pass, or null; the chain decides whether the contact is covered. */
export function stateCapFields(f: StateRuleFacts): StateCapFields | null {
  return stateCapBlockFields({ at: f.at, jurisdictions: f.jurisdictions, ruleSet: f.stateRules }, f.coveredContactsInWindow);
}
