/**
 * What precall and pre-send do alike once the chain has spoken: shape a
 * blocked answer, store the decision (before anyone sees the answer), and
 * tell the observer how long it took.
 */
import type { Decision, DecisionKind } from '../domain/records';
import { isoTime } from '../domain/time/isoTime';
import { REASON_NOTES, type BlockReason } from '../domain/vocabulary';
import type { BlockOf, PrecallBlock, PresendBlock } from '../domain/checks/blocks';
import type { BlockedAnswerOf, BlockedPrecall, BlockedPresend, PrecallResponse, PresendResponse } from './answers';
import type { GateContext } from './context';

/** A chain's block as the answer: the reason, its fields beside it, then its note. */
export function blockedAnswer(decisionId: string, block: PrecallBlock): BlockedPrecall;
export function blockedAnswer(decisionId: string, block: PresendBlock): BlockedPresend;
export function blockedAnswer<M, R extends keyof M & BlockReason>(decisionId: string, block: BlockOf<R, M>): BlockedAnswerOf<M, R> {
  return { allowed: false, decision_id: decisionId, reason: block.reason, ...block.fields, compliance_notes: [REASON_NOTES[block.reason]] };
}

export interface DecisionToRecord<R extends PrecallResponse | PresendResponse = PrecallResponse | PresendResponse> {
  id: string;
  orgId: string;
  kind: DecisionKind;
  phone: string;
  entity: string;
  reason: BlockReason | null;
  request: Record<string, unknown>;
  response: R;
  /** process.hrtime.bigint() when the request arrived. */
  started: bigint;
}

/** The ledger record of a decision, stamped now. */
export function decisionOf(ctx: GateContext, d: DecisionToRecord): Decision {
  return {
    id: d.id,
    org_id: d.orgId,
    kind: d.kind,
    phone: d.phone,
    entity: d.entity,
    allowed: d.response.allowed,
    reason: d.reason,
    request: d.request,
    response: d.response,
    decided_at: isoTime(ctx.clock.now().getTime()),
  };
}

/** Tells the observer about a decision once it is stored. */
export function decisionStored(ctx: GateContext, d: DecisionToRecord): void {
  ctx.observer.decision?.(d.kind, d.response.allowed, d.reason, Number(process.hrtime.bigint() - d.started) / 1e9);
}

export async function recordDecision(ctx: GateContext, d: DecisionToRecord): Promise<void> {
  await ctx.ledger.recordDecision(decisionOf(ctx, d));
  decisionStored(ctx, d);
}
