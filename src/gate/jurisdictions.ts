/**
 * Where the consumer is, for a decision: the number's area code, the
 * request's `recipient_state`, and the `address_state` of every consent of
 * this org on file for the phone that is not opted out.
 */
import type { Consent } from '../domain/records';
import { strictestCap } from '../domain/stateLaw/contactRules';
import { jurisdictionsFor, type ConsumerJurisdiction } from '../domain/stateLaw/jurisdictions';
import type { CompiledRuleSet } from '../domain/stateLaw/ruleSet';
import type { GateContext } from './context';

/** @param numberZones the phone's own zones, as the decision already looked them up */
export function consumerJurisdictions(
  ctx: Pick<GateContext, 'policy'>,
  phone: string,
  recipientState: string | undefined,
  consents: readonly Consent[],
  numberZones?: readonly string[],
): ConsumerJurisdiction[] {
  const addressStates: string[] = [];
  for (const c of consents) if (c.address_state && c.status !== 'opted_out' && !addressStates.includes(c.address_state)) addressStates.push(c.address_state);
  return jurisdictionsFor(phone, recipientState, addressStates, ctx.policy.stateRules.states, numberZones);
}

/** The cap an allowed covered contact is counted under (the strictest of its jurisdictions), or null when none has one. */
export function coveredLimitOf(facts: { at: Date; jurisdictions: readonly ConsumerJurisdiction[]; stateRules: CompiledRuleSet }): number | null {
  return strictestCap({ at: facts.at, jurisdictions: facts.jurisdictions, ruleSet: facts.stateRules })?.limit ?? null;
}
