/**
 * Call Control commands that ring someone new on a live call —
 * `actions/transfer` (`to`) and `actions/refer` (`sip_address`) — gated as a
 * dial of that number by the sender the request names (`from`, else the
 * `X-Consent-Entity` header; a live call's own sender is not known to the
 * gateway, so a command naming neither is refused rather than guessed).
 *
 * A SIP address whose user part is a phone number reaches that phone and is
 * checked as it; any other SIP address is the business's own endpoint and
 * passes. The request is forwarded byte for byte when allowed. No disclosure
 * is added: the call is already under way and the command cannot carry one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPhone } from '../../src/domain/phone';
import { sendAnswer } from '../shared/carrier';
import { consumerPhone, gateCall } from '../shared/outboundGate';
import { sipPhone } from '../twiml';
import type { TelnyxContext } from './context';
import { telnyxDialect } from './errors';
import { forwardAllowed, refusalOf } from '../shared/gatedRequest';
import { gateEach, startGated } from './gatedRequest';
import { TRANSFER_FIELDS } from './requestShape';

export type DialingAction = 'transfer' | 'refer';

const TARGET_FIELD: Record<DialingAction, string> = { transfer: 'to', refer: 'sip_address' };

export async function handleDialingAction(
  t: TelnyxContext,
  req: IncomingMessage,
  res: ServerResponse,
  action: DialingAction,
  callControlId: string,
): Promise<void> {
  const started = await startGated(t, req, res, (b) => [{ kind: 'number', value: b.text('from') }], false, TRANSFER_FIELDS);
  if (!started) return;
  const { body, sender } = started;
  const field = TARGET_FIELD[action];
  const target = body.text(field);
  if (!target) return sendAnswer(res, telnyxDialect.invalid(`No '${field}' is specified`, field, 'missing'));
  const isSip = /^sips?:/i.test(target.trim());
  const phone = isSip ? sipPhone(target) : target;
  const request = `calls.actions.${action}`;
  if (phone === undefined) {
    t.logger.info({ request, call_control_id: callControlId }, 'telnyx: call command to a SIP endpoint that is not a phone number; forwarding');
    return forwardAllowed(t, req, res, body.bytes(), []);
  }
  const from = body.text('from');
  const outcome = await gateEach([phone], (to) =>
    gateCall(t.ctx, { sender, to, from, metadata: { carrier: 'telnyx', request, call_control_id: callControlId } }, field),
  );
  if (outcome.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', outcome, from));
  const ids = outcome.decisions.map((d) => d.decision_id);
  t.logger.info({ request, decision_ids: ids, to: maskPhone(consumerPhone(phone) ?? '') }, 'telnyx: call command allowed; forwarding');
  await forwardAllowed(t, req, res, body.bytes(), ids);
}
