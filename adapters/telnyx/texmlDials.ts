/**
 * `<Dial>` numbers in the TeXML of a Telnyx call, checked as calls by the
 * call's own sender (`shared/dialGate.ts`): inline `Texml` refuses the create
 * (see gatedTexml.ts); the application's document fetched through
 * `/telnyx/texml` is not served when it would dial someone the gate did not
 * allow — the caller answers with a spoken refusal and a hangup instead.
 */
import { maskPhone } from '../../src/domain/phone';
import { gateDials } from '../shared/dialGate';
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
  const outcome = await gateDials(t.ctx, doc, {
    sender: senderOfClaims(t.directory, c),
    // Telnyx fetches a call we placed: its From is our number.
    from: first(params, 'From'),
    metadata: { carrier: 'telnyx', request: 'texml.dial', call_sid: callSid ?? null, call_decision_id: c.d },
    field: 'Url',
  });
  if (outcome.kind === 'allowed') return true;
  t.logger.warn(
    {
      call_sid: callSid,
      decision_id: outcome.kind === 'blocked' ? outcome.decision.decision_id : undefined,
      outcome: outcome.kind,
      to: outcome.to ? maskPhone(outcome.to) : undefined,
    },
    'telnyx texml: application TeXML dials a number the gate did not allow; refusing it',
  );
  return false;
}
