/**
 * Telnyx's message-send endpoints, each a pre-send decision per recipient
 * before anything reaches Telnyx. The body is forwarded byte for byte when
 * every recipient is allowed.
 *
 * Which entity: `from` (one of our numbers), else `messaging_profile_id`
 * (number-pool and alphanumeric sends name no number of ours). A scheduled
 * send (`send_at`) is checked for the time it will go out — quiet hours are
 * about when the phone buzzes, not when the request was made.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAnswer } from '../shared/carrier';
import { gateMessage } from '../shared/outboundGate';
import type { TelnyxContext } from './context';
import { telnyxDialect } from './errors';
import { forwardAllowed, refusalOf } from '../shared/gatedRequest';
import { gateEach, startGated } from './gatedRequest';
import { recipients } from './requestBody';
import { MESSAGE_FIELDS, sendAtOf } from './requestShape';
import { maskPhone } from '../../src/domain/phone';
import { consumerPhone } from '../shared/outboundGate';

/** The send endpoints (after `/v2`), by the SDK method that calls them. */
export const MESSAGE_SEND_PATHS: Record<string, string> = {
  '/messages': 'messages.send',
  '/messages/long_code': 'messages.sendLongCode',
  '/messages/number_pool': 'messages.sendNumberPool',
  '/messages/short_code': 'messages.sendShortCode',
  '/messages/schedule': 'messages.schedule',
  '/messages/group_mms': 'messages.sendGroupMms',
  '/messages/alphanumeric_sender_id': 'messages.sendWithAlphanumericSender',
  '/messages/whatsapp': 'messages.sendWhatsapp',
};

export async function handleMessageSend(t: TelnyxContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const started = await startGated(
    t,
    req,
    res,
    (b) => [
      { kind: 'number', value: b.text('from') },
      { kind: 'telnyx_messaging_profile', value: b.text('messaging_profile_id') },
    ],
    false,
    MESSAGE_FIELDS,
  );
  if (!started) return;
  const { body, sender } = started;
  const from = body.text('from');
  const tos = recipients(body.get('to'));
  if (!tos) return sendAnswer(res, telnyxDialect.invalid("No 'to' number is specified", 'to', 'missing'));
  const request = MESSAGE_SEND_PATHS[path];
  const scheduled = sendAtOf(body);
  if (!scheduled.ok) return sendAnswer(res, scheduled.answer);
  const at = scheduled.at;
  const outcome = await gateEach(tos, (to) =>
    gateMessage(
      t.ctx,
      { sender, to, from, at, metadata: { carrier: 'telnyx', request, messaging_profile_id: body.text('messaging_profile_id') ?? null } },
      'to',
    ),
  );
  if (outcome.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'message', outcome, from));
  const ids = outcome.decisions.map((d) => d.decision_id);
  t.logger.info({ request, decision_ids: ids, to: tos.map((to) => maskPhone(consumerPhone(to) ?? '')) }, 'telnyx: message allowed; forwarding');
  await forwardAllowed(t, req, res, body.bytes(), ids);
}
