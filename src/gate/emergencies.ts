/**
 * States of emergency as use cases: an org's operator (a key with `admin`) declares and ends
 * them; any key of the org lists them. Another org's emergency is not found, never forbidden.
 * While one is in force, covered contacts to consumers in its state are blocked (the chains
 * read the active ones from the ledger with the contact's facts).
 */
import { newId } from '../domain/ids';
import type { Jurisdiction } from '../domain/stateLaw/ruleTypes';
import type { StateOfEmergency } from '../domain/stateLaw/emergencies';
import { notFound } from '../errors';
import type { GateContext } from './context';

export interface EmergencyDeclaration {
  jurisdiction: Jurisdiction;
  from: Date;
  to: Date;
  note?: string | null;
}

/** The record as the API shows it (the org is the caller's). */
export function emergencyView(e: StateOfEmergency) {
  return { id: e.id, jurisdiction: e.jurisdiction, from: e.from, to: e.to, note: e.note, created_at: e.created_at, ended_at: e.ended_at };
}

export async function declareEmergency(ctx: GateContext, orgId: string, input: EmergencyDeclaration): Promise<StateOfEmergency> {
  const emergency: StateOfEmergency = {
    id: newId('emg'),
    org_id: orgId,
    jurisdiction: input.jurisdiction,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    note: input.note ?? null,
    created_at: ctx.clock.now().toISOString(),
    ended_at: null,
  };
  await ctx.ledger.declareEmergency(emergency);
  return emergency;
}

export function listEmergencies(ctx: GateContext, orgId: string): Promise<StateOfEmergency[]> {
  return ctx.ledger.listEmergencies(orgId);
}

/** Ends it now (an emergency already ended keeps its end); 404 when it is not the org's. */
export async function endEmergency(ctx: GateContext, orgId: string, id: string): Promise<StateOfEmergency> {
  const ended = await ctx.ledger.endEmergency(orgId, id, ctx.clock.now().toISOString());
  if (!ended) throw notFound();
  return ended;
}
