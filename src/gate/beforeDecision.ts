/**
 * What a precall or a pre-send learns before the ledger's decision step,
 * whose decider cannot wait: what the do-not-call lists say of the number,
 * and which reassigned-number sources could answer for it.
 *
 * Both are answered from memory on the common path (the file engine's lists,
 * the remembered "imported results?"), so they come back as plain values
 * and the use case goes on to the ledger without waiting: this runs before
 * every call and text, and each promise awaited would cost the request a
 * turn of the microtask queue for nothing. Where an engine must ask (Redis,
 * an expired memo), the answer is a promise and the use case awaits it.
 */
import type { DncListFacts } from '../domain/checks/doNotCall';
import type { GateContext } from './context';
import { dncListsFor } from './doNotCall';
import { reassignedPlanFor, type ReassignedPlan } from './reassignedNumbers';

export interface BeforeDecision {
  dncLists: DncListFacts[];
  reassigned: ReassignedPlan;
}

export function beforeDecision(ctx: GateContext, orgId: string, phone: string): BeforeDecision | Promise<BeforeDecision> {
  const dncLists = dncListsFor(ctx, orgId, phone);
  const reassigned = reassignedPlanFor(ctx, orgId, phone);
  if (dncLists instanceof Promise || reassigned instanceof Promise)
    return Promise.all([dncLists, reassigned]).then(([lists, plan]) => ({ dncLists: lists, reassigned: plan }));
  return { dncLists, reassigned };
}
