/**
 * `/twilio/voice`, four ways in:
 *
 * 1. A `voice` token — Twilio fetching the TwiML of a call we placed or
 *    updated (its `Url` was rewritten): fetch the application's TwiML from
 *    the original URL, re-signed for it, and answer with the disclosure
 *    first (for a new call that needs one), and the call's transcription
 *    started before it (`transcriptionStart.ts`).
 * 2. A `gather` token — the disclosure Gather's action: 9 revokes
 *    (`dtmf_opt_out`), confirms and hangs up; any other digit continues with
 *    the application's TwiML.
 * 3. A `connect` token — a relay session ended: hang up if the gateway
 *    ended it on an opt-out, else continue as the application's document said.
 * 4. No token — a call webhook configured on our number: relayed to
 *    TWILIO_APP_URL/twilio/voice and the application's TwiML returned.
 *
 * In every case a ConversationRelay in the application's TwiML is pointed
 * through `/twilio/relay`. In 1–3 the numbers it `<Dial>`s are checked as
 * calls by the same sender; one that is not allowed and the document is not
 * served: the call hears a refusal and hangs up. The URLs it continues at
 * (`<Redirect>`, actions) come back here too, and are checked the same way. An unknown or altered token is refused (403): it
 * would otherwise choose what URL we fetch.
 *
 * A gather action is acted on once per call and digits (`CallSid` +
 * `Digits`, src/gate/webhookOnce.ts): a repeat of a 9 still hears goodbye
 * but records nothing again.
 */
import { dtmf, OPT_OUT_DIGIT } from '../../src/gate/optOutSignals';
import { firstDelivery, forgetDelivery } from '../../src/gate/webhookOnce';
import { maskPhone } from '../../src/domain/phone';
import { ForgedTokenError } from '../../src/errors';
import { renderTwiml, responseOf, hangup } from '../twiml';
import { first } from '../shared/form';
import { appWebhookUrl, callTwilioApp, twimlOf } from './appRequests';
import { apologyHangup, DIAL_REFUSED, dialRefusedHangup, disclosedDoc, disclosedHangup, gatedCallDoc, optOutGoodbye, throughRelay } from './callTwiml';
import { fetchedDialsAllowed } from './twimlDials';
import { withTranscription } from './transcriptionStart';
import type { TwilioContext } from './context';
import { partyOf, senderClaims, TOKEN_KINDS, type ConnectClaims, type GatherClaims, type VoiceClaims } from './tokens';
import { isOptOutHandoff } from '../shared/conversationRelaySession';
import { optOutDetails } from '../../src/gate/calls';
import { recordTwilioMoment } from './callRecords';
import { asParty, webhookParty } from './webhookParty';
import { twiml, type TwilioWebhook, type WebhookAnswer } from './webhook';

export async function handleVoice(t: TwilioContext, w: TwilioWebhook): Promise<WebhookAnswer> {
  if (w.token !== undefined) {
    const answer = t.signer.verify<VoiceClaims>(TOKEN_KINDS.voice, w.token);
    if (answer) return twiml(await answerCall(t, w, answer));
    const gather = t.signer.verify<GatherClaims>(TOKEN_KINDS.gather, w.token);
    if (gather) return twiml(await gatherAction(t, w, gather));
    const connect = t.signer.verify<ConnectClaims>(TOKEN_KINDS.connect, w.token);
    if (connect) return twiml(await connectAction(t, w, connect));
    t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
    throw new ForgedTokenError('gateway token invalid, altered or expired');
  }
  return twiml(await inboundCall(t, w));
}

/** The continuation after the disclosure: how to get the application's verbs again. */
function continuationOf(c: VoiceClaims): GatherClaims {
  return { ...senderClaims(c), u: c.u, m: c.m };
}

async function answerCall(t: TwilioContext, w: TwilioWebhook, c: VoiceClaims): Promise<string> {
  if (c.s) {
    // Twilio asks for a new call's TwiML once the consumer has answered, and says the disclosure first in what we answer.
    // Recorded beside the answer, never before it (callRecords.ts): the disclosure must not wait on the store.
    const source = 'gateway: TwiML request of the answered call';
    void recordTwilioMoment(t, w, c, { kind: 'answered', source, distinct: 'twiml-request' });
    void recordTwilioMoment(t, w, c, {
      kind: 'disclosure_started',
      source: `${source} (the disclosure is its first verb)`,
      distinct: 'twiml-request',
    });
  }
  const app = twimlOf(await callTwilioApp(t, { url: c.u, method: c.m, pairs: w.pairs, params: w.params, inboundHeaders: w.headers }));
  if (!app.ok) {
    // The consumer has answered: identify the call and offer the opt-out before ending it (see twiml/disclosure.ts).
    t.logger.warn(
      { decision_id: c.d, call_sid: first(w.params, 'CallSid'), why: app.why },
      'twilio voice: application TwiML unavailable; disclosure then hangup',
    );
    return c.s ? renderTwiml(withTranscription(t, disclosedHangup(t, c.s, continuationOf(c)), c, c.tr)) : apologyHangup();
  }
  if (!(await fetchedDialsAllowed(t, w, c, app.doc))) {
    return c.s ? renderTwiml(withTranscription(t, disclosedHangup(t, c.s, continuationOf(c), DIAL_REFUSED), c, c.tr)) : dialRefusedHangup();
  }
  const relayed = gatedCallDoc(t, app.doc, senderClaims(c), c.u);
  // No script: a live call's new Url, whose disclosure was spoken when the call began.
  // `tr` only on a new call's first document: a second <Start><Transcription> would transcribe (and bill) the call twice.
  return renderTwiml(withTranscription(t, c.s ? disclosedDoc(t, relayed, c.s, continuationOf(c)) : relayed, c, c.tr));
}

async function gatherAction(t: TwilioContext, w: TwilioWebhook, c: GatherClaims): Promise<string> {
  const digits = first(w.params, 'Digits') ?? '';
  const gatherSource = 'gateway: the disclosure Gather action';
  if (!digits) {
    // Nothing pressed: Twilio asks only once the disclosure was said in full and the gather timed out.
    void recordTwilioMoment(t, w, c, {
      kind: 'disclosure_completed',
      source: 'gateway: the disclosure Gather timed out after the script (actionOnEmptyResult)',
      distinct: 'gather-timeout',
    });
    if (c.n !== undefined) return c.n;
  } else void recordTwilioMoment(t, w, c, { kind: 'dtmf', source: gatherSource, distinct: digits, details: { digit: digits } });
  if (digits.includes(OPT_OUT_DIGIT)) {
    const callSid = first(w.params, 'CallSid');
    const onceKey = callSid ? `twilio:gather:${callSid}:${digits}` : undefined;
    if (onceKey && !(await firstDelivery(t.ctx, onceKey))) {
      t.logger.info({ decision_id: c.d, call_sid: callSid }, 'twilio voice: a repeat of a DTMF opt-out already acted on');
      return optOutGoodbye(c.e);
    }
    try {
      const outcome = await dtmf(t.ctx, partyOf(c), digits);
      t.logger.info({ decision_id: c.d, phone: maskPhone(c.p), queued: outcome?.queued }, 'twilio voice: DTMF opt-out');
      if (outcome)
        void recordTwilioMoment(t, w, c, { kind: 'opt_out', source: gatherSource, distinct: digits, details: optOutDetails(outcome, 'dtmf_opt_out', null) });
    } catch (err) {
      // Neither stored nor queued. The call still ends as promised; operators must record this one by hand.
      if (onceKey) await forgetDelivery(t.ctx, onceKey);
      t.logger.error({ decision_id: c.d, phone: maskPhone(c.p), err: (err as Error).message }, 'twilio voice: DTMF opt-out could NOT be recorded');
    }
    return optOutGoodbye(c.e);
  }
  if (c.t !== undefined) return c.t; // Inline TwiML, already passed through the relay rewrite when the call was created.
  if (!c.u) return renderTwiml(responseOf([hangup()]));
  const app = twimlOf(await callTwilioApp(t, { url: c.u, method: c.m ?? 'POST', pairs: w.pairs, params: w.params, inboundHeaders: w.headers }));
  if (!app.ok) {
    t.logger.warn({ decision_id: c.d, why: app.why }, 'twilio voice: application TwiML unavailable after the disclosure');
    return apologyHangup();
  }
  if (!(await fetchedDialsAllowed(t, w, c, app.doc))) return dialRefusedHangup();
  return renderTwiml(gatedCallDoc(t, app.doc, senderClaims(c), c.u));
}

async function connectAction(t: TwilioContext, w: TwilioWebhook, c: ConnectClaims): Promise<string> {
  if (isOptOutHandoff(first(w.params, 'HandoffData'))) {
    t.logger.info({ decision_id: c.d, call_sid: first(w.params, 'CallSid') }, 'twilio voice: relay ended on an opt-out; hanging up');
    return renderTwiml(responseOf([hangup()]));
  }
  if (c.t !== undefined) return c.t;
  if (!c.u) return renderTwiml(responseOf([hangup()]));
  const app = twimlOf(await callTwilioApp(t, { url: c.u, method: c.m ?? 'POST', pairs: w.pairs, params: w.params, inboundHeaders: w.headers }));
  if (!app.ok) {
    t.logger.warn({ decision_id: c.d, why: app.why }, 'twilio voice: application unavailable for a Connect action');
    return apologyHangup();
  }
  if (!(await fetchedDialsAllowed(t, w, c, app.doc))) return dialRefusedHangup();
  return renderTwiml(gatedCallDoc(t, app.doc, senderClaims(c), c.u));
}

async function inboundCall(t: TwilioContext, w: TwilioWebhook): Promise<string> {
  const url = appWebhookUrl(t, w.path, w.query);
  if (!url) return renderTwiml(responseOf([hangup()]));
  const app = twimlOf(await callTwilioApp(t, { url, method: w.method, pairs: w.pairs, params: w.params, inboundHeaders: w.headers }));
  if (!app.ok) {
    t.logger.warn({ call_sid: first(w.params, 'CallSid'), why: app.why }, 'twilio voice: application unavailable for a call webhook');
    return apologyHangup();
  }
  const party = asParty(webhookParty(t, w.params));
  if (!party) {
    t.logger.error({ call_sid: first(w.params, 'CallSid') }, 'twilio voice: no entity for this number; ConversationRelay passes uninspected');
    return renderTwiml(app.doc);
  }
  return renderTwiml(throughRelay(t, app.doc, { o: party.orgId, e: party.entity, p: party.phone }, url));
}
