import type { HttpAnswer } from '../shared/carrier';
import { servedDialsAllowed } from '../shared/dialGate';
import { senderOfClaims } from '../shared/outboundGate';
import { first, withParam, type FormParams } from '../shared/form';
import { parseTwiml, renderTwiml, type TwimlDocument } from '../twiml';
import { TwimlError } from '../../src/errors';
import { continuationsThroughGateway } from './callTwiml';
import { withTranscription } from './transcriptionStart';
import type { TwilioContext } from './context';
import { twilioDialect } from './errors';
import type { PartyClaims } from './tokens';
import type { TwilioWebhook } from './webhook';
import { webhookParty } from './webhookParty';

/** The request's inline `Twiml`, parsed (none → `doc` undefined); a document we cannot read is refused, since it may hide a dial. */
export function inlineTwimlOf(params: FormParams): { ok: true; doc?: TwimlDocument } | { ok: false; answer: HttpAnswer } {
  const inline = first(params, 'Twiml');
  if (inline === undefined) return { ok: true };
  try {
    return { ok: true, doc: parseTwiml(inline) };
  } catch (err) {
    if (!(err instanceof TwimlError)) throw err;
    return { ok: false, answer: twilioDialect.invalid(`Twiml is not a valid TwiML document (${err.message}); Consent Gate must read whom it dials`, 'Twiml') };
  }
}

/**
 * The form body with its inline `Twiml` continuing through the gateway (see
 * `continuationsThroughGateway`) and its transcription started when
 * `listenFor` says so, or undefined when neither changes it and it goes as it came.
 */
export function inlinePairsThroughGateway(
  t: TwilioContext,
  pairs: [string, string][],
  doc: TwimlDocument,
  party: PartyClaims,
  listenFor?: string,
): [string, string][] | undefined {
  const next = continuationsThroughGateway(t, doc, party);
  if (next.rewritten === 0 && listenFor === undefined) return undefined;
  return withParam(pairs, 'Twiml', renderTwiml(withTranscription(t, next.doc, party, listenFor)));
}

/** May the application's fetched document be served as it is? Logs why not. */
export async function fetchedDialsAllowed(t: TwilioContext, w: TwilioWebhook, c: PartyClaims, doc: TwimlDocument): Promise<boolean> {
  const callSid = first(w.params, 'CallSid');
  return servedDialsAllowed(t.ctx, t.logger, doc, {
    sender: senderOfClaims(t.directory, c),
    from: webhookParty(t, w.params).ourNumber,
    metadata: { carrier: 'twilio', request: 'voice.dial', call_sid: callSid ?? null, ...(c.d ? { call_decision_id: c.d } : {}) },
    field: 'Url',
    callSid,
    refusal: 'twilio voice: application TwiML dials a number the gate did not allow; refusing it',
  });
}
