/**
 * What every carrier adapter must be able to say in its own dialect. The
 * gate's outcomes are carrier-neutral values (`GateOutcome`); a dialect turns
 * them into the status, headers and body that carrier's SDK understands
 * (Twilio: `{code, message, more_info, status}`; Telnyx: `{errors:[…]}`).
 */
import type { ServerResponse } from 'node:http';
import type { ForwardFailure } from './forward';
import type { GatedDecision } from './outboundGate';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type GatedKind = 'call' | 'message';

export interface CarrierDialect {
  /** A decision that said no: final, so the SDK must not retry it. */
  blocked(kind: GatedKind, decision: GatedDecision): HttpAnswer;
  /** The consent store cannot be reached: fail closed, nothing was forwarded. */
  unavailable(): HttpAnswer;
  /** The request cannot be gated as sent (no entity, bad header, bad number…). */
  invalid(message: string, field?: string): HttpAnswer;
  /** No credentials on a request the gateway would gate. */
  unauthenticated(): HttpAnswer;
  /** The carrier did not answer; `decision` is set when a decision was taken (and audited) first. */
  upstreamFailed(failure: ForwardFailure, decision?: GatedDecision): HttpAnswer;
}

export function sendAnswer(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, { 'content-length': String(Buffer.byteLength(answer.body)), ...answer.headers });
  res.end(answer.body);
}
