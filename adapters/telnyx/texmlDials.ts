import { servedDialsAllowed } from '../shared/dialGate';
import { first, type FormParams } from '../shared/form';
import { senderOfClaims } from '../shared/outboundGate';
import type { TwimlDocument } from '../twiml';
import type { SenderKindClaims, TelnyxContext } from './context';

/** May the application's fetched document be served as it is? Logs why not. */
export async function fetchedTexmlDialsAllowed(
  t: TelnyxContext,
  params: FormParams,
  c: SenderKindClaims & { o: string; e: string; d: string },
  doc: TwimlDocument,
): Promise<boolean> {
  const callSid = first(params, 'CallSid');
  return servedDialsAllowed(t.ctx, t.logger, doc, {
    sender: senderOfClaims(t.directory, c),
    // Telnyx fetches a call we placed: its From is our number.
    from: first(params, 'From'),
    metadata: { carrier: 'telnyx', request: 'texml.dial', call_sid: callSid ?? null, call_decision_id: c.d },
    field: 'Url',
    callSid,
    refusal: 'telnyx texml: application TeXML dials a number the gate did not allow; refusing it',
  });
}
