/**
 * `POST …/Calls/{CallSid}.json` — changing a live call. Giving it new `Twiml`
 * or a new `Url` can dial someone, so such an update is gated like a create:
 *
 * - `Twiml` that `<Dial>`s: each number is checked as a call by the call's
 *   sender (who the call is between is asked of Twilio, see `liveCall.ts`);
 *   one that is not allowed refuses the update before Twilio sees it.
 * - `Url` (and `FallbackUrl`): pointed at the gateway's `/twilio/voice` with
 *   a signed token, so when Twilio fetches the new TwiML the gateway fetches
 *   it from the application and checks its dials before serving it. No
 *   disclosure is added: the call is already under way and had its own.
 *
 * - `Twiml` that continues elsewhere (`<Redirect>`, a `<Gather>` action…):
 *   those URLs are pointed at `/twilio/voice` too.
 *
 * An update that changes neither (`Status=completed`, a new
 * `StatusCallback`…) passes through untouched, as does `Twiml` that dials
 * nobody and continues nowhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPhone } from '../../src/domain/phone';
import { sendAnswer } from '../shared/carrier';
import { gateDials } from '../shared/dialGate';
import { forward } from '../shared/forward';
import { first, serializeForm, withParam } from '../shared/form';
import { readGatedRequest, refusalOf, senderOf } from '../shared/gatedRequest';
import { consumerPhone } from '../shared/outboundGate';
import { dialTargets, renderTwiml, rewriteContinuations } from '../twiml';
import { continuationsThroughGateway } from './callTwiml';
import { isHttpUrl, urlsThroughGateway } from './callInjection';
import type { TwilioContext } from './context';
import { twilioDialect } from './errors';
import { twilioReading } from './gatedCreate';
import { liveCall } from './liveCall';
import { acceptedTargetOf } from '../shared/requestPath';
import type { PartyClaims } from './tokens';

const URL_FIELDS = [
  ['Url', 'Method'],
  ['FallbackUrl', 'FallbackMethod'],
] as const;

export async function handleCallUpdate(t: TwilioContext, req: IncomingMessage, res: ServerResponse, accountSid: string, callSid: string): Promise<void> {
  const read = await readGatedRequest(res, twilioReading(t, req, accountSid, 'call'));
  if (!read) return;
  const {
    orgId,
    body: { form, raw, inline: doc },
  } = read;
  const { params } = form;
  const authorization = req.headers.authorization ?? '';
  const dials = doc ? dialTargets(doc) : { ok: true as const, targets: [] };
  if (!dials.ok) return sendAnswer(res, twilioDialect.invalid(dials.message, 'Twiml'));
  const urls = URL_FIELDS.filter(([urlKey]) => first(params, urlKey) !== undefined);
  for (const [urlKey] of urls) {
    const url = first(params, urlKey)!;
    if (!isHttpUrl(url)) return sendAnswer(res, twilioDialect.invalid(`${urlKey} is not a valid absolute http(s) URL: ${url}`, urlKey));
  }

  let body = raw;
  // Twiml that continues anywhere (a <Redirect>, an action) must be pointed back at the gateway, for which the call's sender is needed.
  const continues = doc !== undefined && rewriteContinuations(doc, () => '').rewritten > 0;
  if (dials.targets.length > 0 || urls.length > 0 || continues) {
    const call = await liveCall(t, authorization, accountSid, callSid);
    if (!call.ok) return sendAnswer(res, call.answer);
    const resolved = senderOf(t, req, orgId, [
      { kind: 'number', value: call.call.ours },
      { kind: 'twilio_account', value: accountSid },
    ]);
    if (!resolved.ok) return sendAnswer(res, resolved.answer);
    const sender = resolved.value;
    if (doc && dials.targets.length > 0) {
      const metadata = { carrier: 'twilio', request: 'calls.update', account_sid: accountSid, call_sid: callSid };
      const dialed = await gateDials(t.ctx, doc, { sender, from: call.call.ours, metadata, field: 'Twiml' });
      if (dialed.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', dialed));
    }
    const party: PartyClaims = {
      o: sender.orgId,
      e: sender.entity,
      p: consumerPhone(call.call.theirs) ?? '',
      pu: sender.purpose,
      ct: sender.call_type,
      sr: sender.source,
    };
    let pairs = form.pairs;
    if (doc && continues) pairs = withParam(pairs, 'Twiml', renderTwiml(continuationsThroughGateway(t, doc, party).doc));
    if (urls.length > 0) {
      const pointed = urlsThroughGateway(t, pairs, params, party);
      if (!pointed.ok) return sendAnswer(res, twilioDialect.invalid(pointed.message, pointed.field));
      pairs = pointed.pairs;
    }
    if (pairs !== form.pairs) body = Buffer.from(serializeForm(pairs), 'utf8');
    t.logger.info(
      { call_sid: callSid, to: maskPhone(consumerPhone(call.call.theirs) ?? ''), dialed: dials.targets.length, url: urls.length > 0 },
      'twilio: call update checked; forwarding',
    );
  }
  await forward(t.api, { method: 'POST', target: acceptedTargetOf(req), headers: req.headers, body }, res, t.metrics, (failure) => {
    t.logger.warn({ call_sid: callSid, failure: failure.kind }, 'twilio: upstream failed for a call update');
    sendAnswer(res, twilioDialect.upstreamFailed(failure));
  });
}
