/**
 * What the gateway saw on a gated Twilio call, reported to the call record (src/gate/calls.ts).
 * Every webhook the gateway minted for a gated call carries its party and precall decision (`d`);
 * the first one an instance sees for a call also records the call as gated (at the decision's time,
 * with the disclosure the decision required), so whichever instance Twilio reaches first the record
 * starts with its decision. Recording never fails or holds up the webhook: callers do not wait for
 * it (the TwiML of an answered call, with its disclosure, must not wait on the store), and a store
 * error is logged and counted.
 */
import type { CallEventDetails, CallEventKind } from '../../src/domain/calls/events';
import { maskPhone } from '../../src/domain/phone';
import { recordCallEvent, recordGatedOnce } from '../../src/gate/calls';
import { first } from '../shared/form';
import type { TwilioContext } from './context';
import type { PartyClaims } from './tokens';
import type { TwilioWebhook } from './webhook';

export interface TwilioCallMoment {
  kind: CallEventKind;
  source: string;
  at?: Date;
  distinct?: string;
  details?: CallEventDetails;
}

/** Records `moment` of the call this webhook is about (by its CallSid); nothing for a call without a precall decision. Never rejects. */
export async function recordTwilioMoment(t: TwilioContext, w: TwilioWebhook, c: PartyClaims, seen: TwilioCallMoment): Promise<void> {
  const callSid = first(w.params, 'CallSid');
  if (!callSid || !c.d) return;
  // The moment is now, when the webhook came, not when the store gets to it.
  const moment = { ...seen, at: seen.at ?? t.ctx.clock.now() };
  try {
    await recordGatedOnce(t.ctx, {
      orgId: c.o,
      carrier: 'twilio',
      carrierCallId: callSid,
      decisionId: c.d,
      entity: c.e,
      phone: c.p,
      source: 'precall decision (calls.create through the gateway)',
    });
    const outcome = await recordCallEvent(t.ctx, { orgId: c.o, carrier: 'twilio', carrierCallId: callSid, ...moment });
    if (outcome.error) throw outcome.error;
  } catch (err) {
    t.logger.warn(
      { call_sid: callSid, phone: maskPhone(c.p), kind: moment.kind, err: (err as Error).message },
      'twilio: call event not recorded; the call goes on',
    );
  }
}
