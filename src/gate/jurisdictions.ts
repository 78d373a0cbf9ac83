/**
 * Where the consumer is, for a decision: the number's area code, the
 * request's `recipient_state`, and the `address_state` of every consent of
 * this org on file for the phone that is not opted out.
 */
import type { Consent } from '../domain/records';
import { jurisdictionsFor, type ConsumerJurisdiction } from '../domain/stateLaw/jurisdictions';
import type { GateContext } from './context';

export function consumerJurisdictions(
  ctx: Pick<GateContext, 'policy'>,
  phone: string,
  recipientState: string | undefined,
  consents: readonly Consent[],
): ConsumerJurisdiction[] {
  const addressStates: string[] = [];
  for (const c of consents) if (c.address_state && c.status !== 'opted_out' && !addressStates.includes(c.address_state)) addressStates.push(c.address_state);
  return jurisdictionsFor(phone, recipientState, addressStates, ctx.policy.stateRules.states);
}
