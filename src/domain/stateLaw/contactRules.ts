/**
 * The state rules that are not about the time of day: a declared state of
 * emergency and the frequency cap. Both hold covered contacts only; the
 * caller decides what is covered (`isCoveredCall`, `isCoveredText`).
 */
import type { EmergencyFields, StateCapFields } from '../checks/blocks';
import type { MessageType, Purpose } from '../vocabulary';
import { emergencyAt, type ActiveEmergency } from './emergencies';
import type { ConsumerJurisdiction } from './jurisdictions';
import type { CompiledRuleSet } from './ruleSet';
import { rulesOf } from './timeRules';

/** Telemarketing calls are what the state statutes reach. */
export const isCoveredCall = (purpose: Purpose): boolean => purpose === 'telemarketing';
/** Marketing and mixed texts are held to the same rules: the statute in some states, the gate's policy in the rest. */
export const isCoveredText = (messageType: MessageType): boolean => messageType === 'marketing' || messageType === 'mixed';

export interface StateLawContext {
  at: Date;
  jurisdictions: readonly ConsumerJurisdiction[];
  ruleSet: CompiledRuleSet;
}

/** The answer's fields when a declared state of emergency is active in one of the contact's jurisdictions; null otherwise. */
export function emergencyBlockFields(ctx: StateLawContext, emergencies: readonly ActiveEmergency[]): EmergencyFields | null {
  if (emergencies.length === 0) return null;
  const atMs = ctx.at.getTime();
  for (const j of ctx.jurisdictions) {
    const emergency = emergencyAt(emergencies, j.jurisdiction, atMs);
    if (!emergency) continue;
    const rule = rulesOf(ctx.ruleSet, j, atMs).emergencies[0];
    return {
      jurisdiction: j.jurisdiction,
      // A declaration in a state whose statute names no emergency ban still blocks: the operator declared it.
      citation: rule?.citation ?? null,
      emergency_id: emergency.id,
      emergency_to: emergency.to,
      next_allowed_at: emergency.to,
    };
  }
  return null;
}

/**
 * The answer's fields when the contact would exceed the strictest state cap
 * of its jurisdictions, counting `contactsInWindow` covered contacts already
 * allowed in the window before it; null otherwise.
 */
export function stateCapBlockFields(ctx: StateLawContext, contactsInWindow: number): StateCapFields | null {
  const strictest = strictestCap(ctx);
  if (!strictest || contactsInWindow < strictest.limit) return null;
  return { ...strictest, contacts_in_window: contactsInWindow };
}

/**
 * The strictest state cap on covered contacts among the contact's jurisdictions, or null when none
 * has one: what an allowed contact is counted under.
 */
export function strictestCap(ctx: StateLawContext): Omit<StateCapFields, 'contacts_in_window'> | null {
  const atMs = ctx.at.getTime();
  let strictest: Omit<StateCapFields, 'contacts_in_window'> | null = null;
  for (const j of ctx.jurisdictions) {
    for (const cap of rulesOf(ctx.ruleSet, j, atMs).caps) {
      if (!strictest || cap.limit < strictest.limit)
        strictest = { jurisdiction: j.jurisdiction, citation: cap.citation, limit: cap.limit, window_hours: cap.window_hours };
    }
  }
  return strictest;
}
