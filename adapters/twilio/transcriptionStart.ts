/**
 * The gateway listens on every Twilio call it gates: the first document a
 * new call runs (inline `Twiml`, or the application's TwiML served through
 * `/twilio/voice`) begins with
 *
 *   <Start><Transcription name="consent-gate" statusCallbackUrl="{PUBLIC_BASE_URL}/twilio/transcription?cg=…"
 *                         track="inbound_track" partialResults="false"/></Start>
 *
 * ahead of the disclosure, so a consumer who says "stop" while it plays is
 * heard too. `<Start>` forks the audio and goes straight on to the next verb,
 * so the call sounds the same.
 *
 * Wire format, from twilio-node (`lib/twiml/VoiceResponse.d.ts`,
 * `TranscriptionAttributes`) and Twilio's "TwiML Voice: <Transcription>"
 * page: `statusCallbackUrl` (absolute URL the events are posted to),
 * `statusCallbackMethod`, `track` (`inbound_track` | `outbound_track` |
 * `both_tracks`), `name`, `partialResults` (default false), `languageCode`,
 * `transcriptionEngine`, `speechModel`, `hints`, `profanityFilter`,
 * `enableAutomaticPunctuation`, `intelligenceService`, track labels.
 * `inbound_track` is the audio Twilio receives from the called party — the
 * consumer on a call the application placed. Only final results are asked
 * for: a partial never revokes, and each would be one more webhook.
 *
 * Who an opt-out heard there belongs to (org, entity, consumer's number, the
 * decision, the account) rides in a gateway-signed token in the callback URL,
 * as for `/twilio/relay` targets, rather than in a record kept by CallSid: the
 * CallSid is only known once Twilio has answered the create, while the token
 * is minted with the decision, costs no store write per call, works on every
 * instance, and cannot be altered (HMAC, and Twilio's own signature covers the
 * whole URL). The webhook's `To`/`From` are never used for it.
 *
 * Off for the whole gateway with TRANSCRIBE_CALLS=off, or for one entity with
 * `transcribe: false` in its configuration: then the gateway hears a spoken
 * "stop" only where the application streams its transcript.
 */
import { element, type TwimlDocument, type TwimlNode } from '../twiml';
import { gatewayUrl, WEBHOOK_PATHS, type TwilioContext } from './context';
import { TOKEN_KINDS, type PartyClaims, type TranscriptionClaims } from './tokens';

/** The transcription's name, so an application that stops transcriptions by name can leave ours alone. */
export const TRANSCRIPTION_NAME = 'consent-gate';

/** Whether calls by this entity are transcribed: on unless the gateway or the entity turns it off. */
export function transcribesCallsOf(t: TwilioContext, entity: string): boolean {
  return t.transcribeCalls && t.directory.byName(entity)?.transcribe !== false;
}

export function transcriptionStart(t: TwilioContext, party: PartyClaims, accountSid: string): TwimlNode {
  const claims: TranscriptionClaims = { o: party.o, e: party.e, p: party.p, ...(party.d ? { d: party.d } : {}), a: accountSid };
  return element('Start', {}, [
    element('Transcription', {
      name: TRANSCRIPTION_NAME,
      statusCallbackUrl: gatewayUrl(t, WEBHOOK_PATHS.transcription, t.signer.sign(TOKEN_KINDS.transcription, claims)),
      statusCallbackMethod: 'POST',
      track: 'inbound_track',
      partialResults: 'false',
    }),
  ]);
}

/** The document with transcription started first, when `accountSid` says to (undefined: off). */
export function withTranscription(t: TwilioContext, doc: TwimlDocument, party: PartyClaims, accountSid: string | undefined): TwimlDocument {
  if (accountSid === undefined) return doc;
  return { attributes: doc.attributes, verbs: [transcriptionStart(t, party, accountSid), ...doc.verbs] };
}
