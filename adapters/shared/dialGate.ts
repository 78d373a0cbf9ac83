/**
 * The numbers a call's TwiML / TeXML would `<Dial>`, each checked as a call
 * by the same sender (see `twiml/dialTargets.ts` for which nouns count). The
 * first that is not allowed decides for the whole document: a document that
 * would ring someone who may not be called is not passed on at all.
 */
import type { GateContext } from '../../src/gate/context';
import type { AllowedPrecall } from '../../src/gate/answers';
import { maskPhone } from '../../src/domain/phone';
import type { Logger } from '../../src/observability/logger';
import { dialTargets, type TwimlDocument } from '../twiml';
import type { AllOutcome } from './gatedRequest';
import { gateCall, type ResolvedSender } from './outboundGate';

export interface DialContext {
  sender: ResolvedSender;
  /** The calling number of the call the document runs in; a `<Dial callerId>` overrides it for its own legs. */
  from?: string;
  metadata: Record<string, unknown>;
  /** The request field the document came from, named in an `invalid` outcome. */
  field: string;
}

export async function gateDials(ctx: GateContext, doc: TwimlDocument, dial: DialContext): Promise<AllOutcome<AllowedPrecall>> {
  const read = dialTargets(doc);
  if (!read.ok) return { kind: 'invalid', message: read.message, field: dial.field };
  const decisions: AllowedPrecall[] = [];
  for (const target of read.targets) {
    const outcome = await gateCall(ctx, {
      sender: dial.sender,
      to: target.phone,
      from: target.callerId ?? dial.from,
      metadata: { ...dial.metadata, dialed_by: 'twiml' },
    });
    if (outcome.kind !== 'allowed') return { ...outcome, to: target.phone };
    decisions.push(outcome.decision);
  }
  return { kind: 'allowed', decisions };
}

/**
 * May a document the application served (fetched by the carrier, not sent through the gateway) run
 * as it is? Every dial it would make is gated; when one is not allowed, why is logged (the phone
 * masked) under `refusal`, and the caller answers the carrier in its own dialect.
 */
export async function servedDialsAllowed(
  ctx: GateContext,
  logger: Logger,
  doc: TwimlDocument,
  dial: DialContext & { callSid: string | undefined; refusal: string },
): Promise<boolean> {
  const outcome = await gateDials(ctx, doc, dial);
  if (outcome.kind === 'allowed') return true;
  logger.warn(
    {
      call_sid: dial.callSid,
      decision_id: outcome.kind === 'blocked' ? outcome.decision.decision_id : undefined,
      outcome: outcome.kind,
      to: outcome.to ? maskPhone(outcome.to) : undefined,
    },
    dial.refusal,
  );
  return false;
}
