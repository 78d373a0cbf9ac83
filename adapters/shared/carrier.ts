/**
 * What every carrier adapter must be able to say in its own dialect. The
 * gate's outcomes are carrier-neutral values (`GateOutcome`); a dialect turns
 * them into the status, headers and body that carrier's SDK understands
 * (Twilio: `{code, message, more_info, status}`; Telnyx: `{errors:[…]}`).
 */
import type { ForwardFailure } from './forward';
import type { BlockedAnswer } from '../../src/gate/answers';
import type { HttpAnswer } from './httpAnswer';

// The answer shape has a file of its own (the path and forwarding code use it too); re-exported for the adapters.
export { sendAnswer, type HttpAnswer } from './httpAnswer';

export type GatedKind = 'call' | 'message';

/** What is wrong with the field an invalid request names: carriers answer a missing number with another code than a malformed one. */
export type FieldProblem = 'missing' | 'malformed';

/**
 * Why a request was refused before the gate because it is not its
 * account's to make: the carrier account maps to no org, the credentials
 * name another account than the path, or it names another org's entity.
 * Nothing about consents is read before these, so none can leak.
 */
export type OrgRefusal = 'account_not_mapped' | 'account_mismatch' | 'entity_not_in_org';

/** Whose traffic a gated request is (the org its account maps to), or the refusal, decided before its body is read. */
export type AccountAccess = { ok: true; orgId: string } | { ok: false; answer: HttpAnswer };

export interface CarrierDialect {
  /** A decision that said no: final, so the SDK must not retry it. `where` is the request's own numbers, for dialects that quote them. */
  blocked(kind: GatedKind, decision: BlockedAnswer, where?: { from?: string; to?: string }): HttpAnswer;
  /** The consent store cannot be reached: fail closed, nothing was forwarded. */
  unavailable(): HttpAnswer;
  /** The request cannot be gated as sent (no entity, bad header, bad number…). */
  invalid(message: string, field?: string, problem?: FieldProblem): HttpAnswer;
  /** No credentials on a request the gateway would gate. */
  unauthenticated(): HttpAnswer;
  /** Not this carrier account's to make (403, final); no decision was taken. */
  forbidden(reason: OrgRefusal, message: string): HttpAnswer;
  /** The carrier did not answer; `decision` is set when a decision was taken (and audited) first. */
  upstreamFailed(failure: ForwardFailure, decision?: { decision_id: string }): HttpAnswer;
}
