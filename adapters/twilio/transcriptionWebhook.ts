/**
 * `/twilio/transcription`: the status callback of the real-time
 * transcription the gateway starts on every call it gates
 * (`transcriptionStart.ts`). The router has checked `X-Twilio-Signature`
 * before this runs; a forged or expired token in the URL is refused (403).
 *
 * Parameters Twilio posts (Twilio's "Real-Time Transcription" status
 * callback; the names as Twilio's own samples read them): `AccountSid`,
 * `CallSid`, `TranscriptionSid`, `Timestamp`, `SequenceId` (counts the
 * events of one transcription), `TranscriptionEvent` (`transcription-started`
 * | `transcription-content` | `transcription-stopped` | `transcription-error`),
 * and on content: `Track` (`inbound_track` | `outbound_track`), `Final`
 * (`true` | `false`), `LanguageCode`, `TranscriptionData` = JSON
 * `{"transcript": "…", "confidence": 0.9…}`.
 *
 * A final `transcription-content` on the inbound track (the consumer) with
 * opt-out intent revokes for the party in the token (`verbal_stop_during_call`,
 * the transcript kept with the revocation) — then, and only then, the
 * gateway asks Twilio to end the call (confirmation, hang-up:
 * `callHangups.ts`) and answers. Every event is relayed to
 * TWILIO_APP_URL/twilio/transcription as the other webhooks are, an opt-out
 * marked `X-Consent-Gate-Opt-Out: revoked|queued` (as on Telnyx).
 *
 * An event without our token belongs to a call the gateway did not start
 * transcribing (the application's own transcription): relayed, nothing
 * revoked — no consent subject can be named from its own fields.
 *
 * A repeat (the same `CallSid` and `SequenceId`) revokes once
 * (`src/gate/webhookOnce.ts`). An opt-out neither stored nor queued still
 * ends the call as promised, and answers 503 so Twilio redelivers it.
 */
import { hash } from 'node:crypto';
import { detectOptOut } from '../../src/domain/optout';
import { maskPhone } from '../../src/domain/phone';
import { ForgedTokenError, OptOutNotRecordedError } from '../../src/errors';
import { utterance, type OptOutOutcome } from '../../src/gate/optOutSignals';
import { firstDelivery, forgetDelivery } from '../../src/gate/webhookOnce';
import { first, type FormParams } from '../shared/form';
import { appWebhookUrl, callTwilioApp } from './appRequests';
import { optOutGoodbye } from './callTwiml';
import type { TwilioContext } from './context';
import { partyOf, TOKEN_KINDS, type TranscriptionClaims } from './tokens';
import type { TwilioWebhook, WebhookAnswer } from './webhook';

/** The consumer's side of a call the application placed: the audio Twilio receives. */
const CONSUMER_TRACK = 'inbound_track';

const OK: WebhookAnswer = { status: 200, contentType: 'text/plain; charset=utf-8', body: '' };

function invalid(field: string, why: string): WebhookAnswer {
  return { status: 400, contentType: 'text/plain; charset=utf-8', body: `${field} ${why}` };
}

type Heard = { kind: 'nothing' } | { kind: 'words'; text: string; lang?: string } | { kind: 'invalid'; answer: WebhookAnswer };

/** The consumer's final words in this event, if it carries any. */
export function consumerWords(params: FormParams): Heard {
  if (first(params, 'TranscriptionEvent') !== 'transcription-content') return { kind: 'nothing' };
  if (first(params, 'Track') !== CONSUMER_TRACK || first(params, 'Final') !== 'true') return { kind: 'nothing' };
  let data: unknown;
  try {
    data = JSON.parse(first(params, 'TranscriptionData') ?? '');
  } catch {
    return { kind: 'invalid', answer: invalid('TranscriptionData', 'is not JSON') };
  }
  const transcript = typeof data === 'object' && data !== null ? (data as { transcript?: unknown }).transcript : undefined;
  if (typeof transcript !== 'string') return { kind: 'invalid', answer: invalid('TranscriptionData', 'has no transcript string') };
  return { kind: 'words', text: transcript, lang: first(params, 'LanguageCode')?.slice(0, 2).toLowerCase() };
}

export async function handleTranscription(t: TwilioContext, w: TwilioWebhook): Promise<WebhookAnswer> {
  let claims: TranscriptionClaims | null = null;
  if (w.token !== undefined) {
    claims = t.signer.verify<TranscriptionClaims>(TOKEN_KINDS.transcription, w.token);
    if (!claims) {
      t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
      throw new ForgedTokenError('gateway token invalid, altered or expired');
    }
  }
  const heard = consumerWords(w.params);
  if (heard.kind === 'invalid') return heard.answer;
  let relayHeaders: Record<string, string> = {};
  if (claims && heard.kind === 'words') {
    const callSid = first(w.params, 'CallSid');
    if (!callSid || !/^CA[0-9a-fA-F]{32}$/.test(callSid)) return invalid('CallSid', 'is not a call SID');
    relayHeaders = await optOutHeard(t, claims, callSid, w.params, heard.text, heard.lang);
  }
  await relayToApp(t, w, relayHeaders);
  return OK;
}

async function optOutHeard(
  t: TwilioContext,
  c: TranscriptionClaims,
  callSid: string,
  params: FormParams,
  text: string,
  lang: string | undefined,
): Promise<Record<string, string>> {
  // Detected before the replay mark is written, so only opt-outs (not every sentence of every call) cost a store write.
  if (detectOptOut(text, { channel: 'voice', lang }).intent !== 'opt_out') return {};
  const onceKey = `twilio:transcription:${callSid}:${eventIdOf(params, text)}`;
  const who = { call_sid: callSid, decision_id: c.d, phone: maskPhone(c.p) };
  if (!(await firstDelivery(t.ctx, onceKey))) {
    t.logger.info(who, 'twilio transcription: a repeat of a spoken opt-out already acted on');
    return {};
  }
  let outcome: OptOutOutcome | undefined;
  try {
    outcome = (await utterance(t.ctx, partyOf(c), { text, isFinal: true, speaker: 'consumer', lang })).optOut;
  } catch (err) {
    await forgetDelivery(t.ctx, onceKey);
    t.logger.error(
      { ...who, err: (err as Error).message },
      'twilio transcription: spoken opt-out could NOT be recorded; ending the call, asking Twilio to redeliver',
    );
    t.hangups.end({ accountSid: c.a, callSid, phone: c.p, twiml: optOutGoodbye(c.e) });
    throw new OptOutNotRecordedError((err as Error).message);
  }
  if (!outcome) return {};
  t.logger.info({ ...who, queued: outcome.queued }, 'twilio transcription: spoken opt-out; ending the call');
  t.hangups.end({ accountSid: c.a, callSid, phone: c.p, twiml: optOutGoodbye(c.e) });
  return {
    'x-consent-gate-opt-out': outcome.queued ? 'queued' : 'revoked',
    ...(outcome.revocation ? { 'x-consent-gate-revocation-id': outcome.revocation.revocation_id } : {}),
  };
}

/** What tells this event from every other of the call: Twilio's `SequenceId` per transcription, else the words themselves. */
function eventIdOf(params: FormParams, text: string): string {
  const transcription = first(params, 'TranscriptionSid') ?? '';
  const sequence = first(params, 'SequenceId');
  return sequence ? `${transcription}:${sequence}` : `${transcription}:${hash('sha256', text)}`;
}

async function relayToApp(t: TwilioContext, w: TwilioWebhook, extraHeaders: Record<string, string>): Promise<void> {
  const url = appWebhookUrl(t, w.path, w.query);
  if (!url) return;
  const answer = await callTwilioApp(t, { url, method: w.method, pairs: w.pairs, params: w.params, inboundHeaders: w.headers, extraHeaders });
  // Twilio ignores what a status callback answers, so the application's failure changes nothing for Twilio.
  if (answer.ok) return;
  // An application that has no route for these events (it never asked for them) would otherwise log a warning per sentence.
  const log = answer.status === 404 || answer.status === 405 ? t.logger.debug : t.logger.warn;
  log.call(t.logger, { call_sid: first(w.params, 'CallSid'), why: answer.message }, 'twilio transcription: relay to the application failed');
}
