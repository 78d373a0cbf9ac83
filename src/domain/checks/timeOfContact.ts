/**
 * The time-of-day part of both chains: the federal window and, for a covered
 * contact, every state's hours, days and holidays. Read once per decision
 * (the `quiet_hours` and `holiday` checks share it), and with no state rule
 * of time in play it is the federal window check alone, as before.
 */
import type { ConsumerJurisdiction } from '../stateLaw/jurisdictions';
import type { CompiledRuleSet } from '../stateLaw/ruleSet';
import { FEDERAL_CITATION, FEDERAL_JURISDICTION, firstTimeBlock, hasTimeRules, type TimeBlock } from '../stateLaw/timeRules';
import { checkCallingWindow, type DailyWindow } from '../time/callingWindow';
import type { HolidayFields, RecipientClockFields } from './blocks';

/** A holiday block's fields: the clock fields and the holiday itself. */
export function holidayBlockFields(block: TimeBlock | null): HolidayFields | null {
  return block?.reason === 'holiday' && block.holiday ? { ...timeBlockFields(block), holiday: block.holiday } : null;
}

export interface TimeOfContactFacts {
  at: Date;
  recipientZones: string[];
  jurisdictions: ConsumerJurisdiction[];
  stateRules: CompiledRuleSet;
}

/**
 * The last facts asked about and their verdict: the `quiet_hours` and `holiday` checks ask one after the
 * other about the same facts (a chain never changes its facts object), so one entry is all the memory needs,
 * without a table entry per decision.
 */
let last: { facts: TimeOfContactFacts; window: DailyWindow; verdict: TimeBlock | null } | undefined;

/** The first time-based rule that blocks a covered contact, or null; remembered for the facts object last asked about. */
export function timeOfContact(facts: TimeOfContactFacts, window: DailyWindow): TimeBlock | null {
  if (last?.facts === facts && last.window === window) return last.verdict;
  let verdict: TimeBlock | null;
  if (facts.jurisdictions.length === 0 || !hasTimeRules({ at: facts.at, jurisdictions: facts.jurisdictions, ruleSet: facts.stateRules })) {
    const w = checkCallingWindow(facts.at, facts.recipientZones, window);
    verdict = w.inside
      ? null
      : {
          reason: 'quiet_hours',
          jurisdiction: FEDERAL_JURISDICTION,
          citation: FEDERAL_CITATION,
          timezone: w.timezone,
          localTime: w.localTime,
          window: { start: window.start, end: window.end },
          nextAllowedAt: w.nextAllowedAt,
        };
  } else {
    verdict = firstTimeBlock({
      at: facts.at,
      federal: { zones: facts.recipientZones, window },
      jurisdictions: facts.jurisdictions,
      ruleSet: facts.stateRules,
    });
  }
  last = { facts, window, verdict };
  return verdict;
}

/** The fields every time-based block carries: who ruled, under what, where and when it next allows. */
export function timeBlockFields(block: TimeBlock): RecipientClockFields {
  return {
    jurisdiction: block.jurisdiction,
    citation: block.citation,
    recipient_timezone: block.timezone,
    recipient_local_time: block.localTime,
    next_allowed_at: block.nextAllowedAt,
  };
}
