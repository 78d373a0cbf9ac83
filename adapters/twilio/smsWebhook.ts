/**
 * `/twilio/sms`: an inbound text. Opt-outs (STOP and plain language) revoke
 * with trigger `sms_stop` — for calls as well as texts, since a revocation
 * is per entity, not per channel; START/UNSTOP/YES record a fresh consent;
 * HELP is only relayed. Then the text is relayed to the application.
 *
 * After an opt-out the consumer gets exactly one confirmation text, with no
 * marketing (47 CFR 64.1200(a)(12)): ours, as a `<Message>` in the answer —
 * unless Twilio's Advanced Opt-Out already sent its own (`OptOutType` is
 * set). Any `<Message>` the application answers with is dropped then: it
 * would be a second text to someone who just said stop.
 *
 * A text is acted on once, by its `MessageSid` (src/gate/webhookOnce.ts): a
 * repeat is relayed to the application, but revokes and re-consents
 * nothing, and its answer carries no `<Message>` (the first delivery's
 * answer sent the texts already).
 */
import { maskPhone } from '../../src/domain/phone';
import { OptOutNotRecordedError } from '../../src/errors';
import { inboundText, inboundTextToUnmappedNumber, revokeFromTraffic, smsOptOutConfirmation, type InboundTextResult } from '../../src/gate/optOutSignals';
import { firstDelivery, forgetDelivery } from '../../src/gate/webhookOnce';
import { message, renderTwiml, responseOf, withoutVerbs, type TwimlNode } from '../twiml';
import { first } from '../shared/form';
import { appWebhookUrl, callTwilioApp, twimlOf } from './appRequests';
import type { TwilioContext } from './context';
import { asParty, webhookParty } from './webhookParty';
import { twiml, type TwilioWebhook, type WebhookAnswer } from './webhook';

export async function handleSms(t: TwilioContext, w: TwilioWebhook): Promise<WebhookAnswer> {
  const messageSid = first(w.params, 'MessageSid') ?? first(w.params, 'SmsSid');
  const onceKey = messageSid ? `twilio:sms:${messageSid}` : undefined;
  const repeat = onceKey ? !(await firstDelivery(t.ctx, onceKey)) : false;
  let acted: TextActed = { optedOut: false };
  if (repeat) {
    t.logger.info({ message_sid: messageSid }, 'twilio sms: a repeat of a text already acted on; relayed only');
  } else {
    try {
      acted = await actOnText(t, w);
    } catch (err) {
      if (onceKey) await forgetDelivery(t.ctx, onceKey);
      throw err;
    }
  }
  const { optedOut, confirmFor } = acted;
  const twilioOptOut = first(w.params, 'OptOutType')?.toUpperCase();

  const ours: TwimlNode[] = [];
  if (optedOut && !twilioOptOut) ours.push(message(smsOptOutConfirmation(confirmFor)));

  let appVerbs: TwimlNode[] = [];
  const url = appWebhookUrl(t, w.path, w.query);
  if (url) {
    const app = twimlOf(await callTwilioApp(t, { url, method: w.method, pairs: w.pairs, params: w.params, inboundHeaders: w.headers }));
    if (app.ok) appVerbs = optedOut || repeat ? withoutVerbs(app.doc.verbs, 'Message') : app.doc.verbs;
    else t.logger.warn({ message_sid: messageSid, why: app.why }, 'twilio sms: application unavailable; answering with our verbs only');
  }
  return twiml(renderTwiml(responseOf([...ours, ...appVerbs])));
}

interface TextActed {
  optedOut: boolean;
  /** The entity the opt-out confirmation names, when there is one. */
  confirmFor?: string;
}

/** Revokes or re-consents as the text says. Throws OptOutNotRecordedError when an opt-out was neither stored nor queued. */
async function actOnText(t: TwilioContext, w: TwilioWebhook): Promise<TextActed> {
  const who = webhookParty(t, w.params);
  const party = asParty(who);
  const body = first(w.params, 'Body') ?? '';
  const messageSid = first(w.params, 'MessageSid') ?? first(w.params, 'SmsSid');
  const twilioOptOut = first(w.params, 'OptOutType')?.toUpperCase();
  let optedOut = false;
  let confirmFor: string | undefined;
  if (!party && who.phone) {
    // No entity mapped to this number: an opt-out still counts, for every entity the consumer could hear from.
    let unmapped;
    try {
      unmapped = await inboundTextToUnmappedNumber(t.ctx, { orgId: who.orgId, phone: who.phone }, body, t.directory.namesOf(who.orgId));
    } catch (err) {
      throw new OptOutNotRecordedError(`inbound text could not be processed: ${(err as Error).message}`);
    }
    optedOut = unmapped.optOuts.length > 0;
    if (unmapped.entities.length === 1) confirmFor = unmapped.entities[0];
    t.logger.warn(
      { to: who.ourNumber ? maskPhone(who.ourNumber) : null, message_sid: messageSid, revoked_for: unmapped.entities.length },
      'twilio sms: no entity for this number (map it in entities[]); an opt-out revokes every entity the consumer consented to',
    );
  } else if (party) {
    confirmFor = party.entity;
    let result: InboundTextResult;
    try {
      result = await inboundText(t.ctx, party, body, undefined, messageSid);
      // Twilio's own STOP handling saw an opt-out our words did not (a custom keyword): the carrier
      // already blocks this sender, so the record must say the same.
      if (!result.optOut && twilioOptOut === 'STOP') {
        result = {
          ...result,
          optOut: await revokeFromTraffic(t.ctx, {
            orgId: party.orgId,
            phone: party.phone,
            calling_entity: party.entity,
            trigger: 'sms_stop',
            transcript: body,
          }),
        };
      }
    } catch (err) {
      // Not stored and not queued: answer an error so Twilio logs it (and uses the fallback URL, if any).
      throw new OptOutNotRecordedError(`inbound text could not be processed: ${(err as Error).message}`);
    }
    optedOut = !!result.optOut;
    if (optedOut) t.logger.info({ phone: maskPhone(party.phone), queued: result.optOut?.queued }, 'twilio sms: opt-out');
    if (result.optedIn) t.logger.info({ phone: maskPhone(party.phone), consent_id: result.optedIn.consent_id }, 'twilio sms: opt-in');
  }
  return { optedOut, confirmFor };
}
