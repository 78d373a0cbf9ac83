/**
 * GET /v1/rules/explain as a use case: which jurisdictions hold a number and
 * whether each allows a contact at a time, by the time-based rules only
 * (hours, days, holidays, the states of emergency it is given). It reads no
 * consent and counts nothing: caps, consent and revocations are the
 * decision's, not the explanation's, and the answer says so (`considers`).
 */
import { emergencyBlockFields, isCoveredCall, isCoveredText } from '../domain/stateLaw/contactRules';
import type { ActiveEmergency } from '../domain/stateLaw/emergencies';
import { jurisdictionsFor, type JurisdictionSource } from '../domain/stateLaw/jurisdictions';
import { firstTimeBlock } from '../domain/stateLaw/timeRules';
import { isOutsidePlanRange, PLAN_RANGE_REASON } from '../domain/time/plausibleTimes';
import { timeZonesForNumber } from '../domain/time/timezones';
import type { MessageType, Purpose } from '../domain/vocabulary';
import { validationError } from '../errors';
import { isoSeconds, type GateContext } from './context';

export interface ExplainInput {
  phone: string;
  at?: Date;
  /** A precall purpose or a message type. */
  purpose: Purpose | MessageType;
  recipient_state?: string;
}

export interface JurisdictionVerdict {
  jurisdiction: string;
  source: JurisdictionSource;
  allowed: boolean;
  reason?: string;
  citation?: string | null;
  next_allowed_at?: string | null;
}

export interface ExplainAnswer {
  phone: string;
  at: string;
  version: string;
  /** Whether the state rules cover this purpose at all (telemarketing calls, marketing and mixed texts). */
  covered: boolean;
  considers: string[];
  jurisdictions: JurisdictionVerdict[];
  allowed: boolean;
  next_allowed_at: string | null;
}

export const EXPLAIN_CONSIDERS = ['federal_calling_window', 'calling_hours', 'holiday', 'state_of_emergency'];

const isCovered = (purpose: Purpose | MessageType) => isCoveredCall(purpose as Purpose) || isCoveredText(purpose as MessageType);

export function explainRules(ctx: GateContext, input: ExplainInput, emergencies: readonly ActiveEmergency[] = []): ExplainAnswer {
  const now = ctx.clock.now();
  if (input.at && isOutsidePlanRange(input.at, now)) throw validationError({ at: PLAN_RANGE_REASON });
  const at = input.at ?? now;
  const ruleSet = ctx.policy.stateRules;
  const jurisdictions = jurisdictionsFor(input.phone, input.recipient_state, [], ruleSet.states);
  const covered = isCovered(input.purpose);
  const base = { phone: input.phone, at: isoSeconds(at), version: ruleSet.version, covered, considers: EXPLAIN_CONSIDERS };
  if (!covered) {
    return {
      ...base,
      jurisdictions: jurisdictions.map((j) => ({ jurisdiction: j.jurisdiction, source: j.source, allowed: true })),
      allowed: true,
      next_allowed_at: base.at,
    };
  }
  const verdicts = jurisdictions.map((j): JurisdictionVerdict => {
    const emergency = emergencyBlockFields({ at, jurisdictions: [j], ruleSet }, emergencies);
    if (emergency) {
      return {
        jurisdiction: j.jurisdiction,
        source: j.source,
        allowed: false,
        reason: 'state_of_emergency',
        citation: emergency.citation as string | null,
        next_allowed_at: emergency.next_allowed_at as string,
      };
    }
    const block = firstTimeBlock({ at, federal: null, jurisdictions: [j], ruleSet });
    if (!block) return { jurisdiction: j.jurisdiction, source: j.source, allowed: true };
    return {
      jurisdiction: j.jurisdiction,
      source: j.source,
      allowed: false,
      reason: block.reason,
      citation: block.citation,
      next_allowed_at: block.nextAllowedAt,
    };
  });
  const window = input.purpose === 'telemarketing' ? ctx.policy.callingWindow : ctx.policy.smsWindow;
  const all = firstTimeBlock({ at, federal: { zones: timeZonesForNumber(input.phone), window }, jurisdictions, ruleSet });
  const emergencyHit = verdicts.find((v) => v.reason === 'state_of_emergency');
  const allowed = !all && !emergencyHit;
  return {
    ...base,
    jurisdictions: verdicts,
    allowed,
    // While an emergency lasts no time is known to be allowed: its end is the earliest candidate.
    next_allowed_at: allowed ? isoSeconds(at) : emergencyHit ? (emergencyHit.next_allowed_at ?? null) : (all?.nextAllowedAt ?? null),
  };
}
