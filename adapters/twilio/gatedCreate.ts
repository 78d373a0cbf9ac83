/**
 * One gated create (call, message, conference participant): read the form
 * body, find the entity, ask the gate, and either answer in Twilio's error
 * dialect or forward — with the disclosure injected into allowed AI calls.
 * Nothing is forwarded unless a decision allowed it and was stored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, MalformedFormError } from '../../src/errors';
import { maskPhone } from '../../src/domain/phone';
import { readBody } from '../../src/http/rawBody';
import { sendAnswer, type GatedKind, type HttpAnswer } from '../shared/carrier';
import { gateDials } from '../shared/dialGate';
import { first, isFormContentType, parseForm, serializeForm, type Form } from '../shared/form';
import { forwardAllowed, refusalOf, startGatedRequest, type GatedRequestReading } from '../shared/gatedRequest';
import { consumerPhone, gateCall, gateMessage, type GatedDecision, type GateOutcome } from '../shared/outboundGate';
import type { TwimlDocument } from '../twiml';
import type { TwilioContext } from './context';
import { twilioAccountAccess } from './accountAccess';
import { injectDisclosure, urlsThroughGateway } from './callInjection';
import { twilioDialect, twilioError, twilioMessageDialect, TWILIO_ERRORS } from './errors';
import type { PartyClaims } from './tokens';
import { ambiguousRequest, scheduledFor } from './requestShape';
import { inlinePairsThroughGateway, inlineTwimlOf } from './twimlDials';
import { transcribesCallsOf } from './transcriptionStart';
import { withGatewayStatusCallback } from './statusCallbacks';

/**
 * A gated Twilio request's form, the bytes it came as (forwarded as they are
 * unless the gate changes a field), and what is read of it before the
 * sender: when a text goes out (`SendAt`), and a call's inline TwiML.
 */
export interface TwilioBody {
  form: Form;
  raw: Buffer;
  at?: Date;
  inline?: TwimlDocument;
}

/**
 * How a gated Twilio request is read: the path's account and its
 * credentials, then the form, refused when it names a field twice or in the
 * query (Twilio might read the other copy), or when a text's `SendAt` or a
 * call's `Twiml` does not read.
 */
export function twilioReading(
  t: TwilioContext,
  req: IncomingMessage,
  accountSid: string,
  kind: GatedKind,
): Pick<GatedRequestReading<TwilioBody>, 'access' | 'readBody'> {
  return {
    access: () => twilioAccountAccess(t, req.headers.authorization, accountSid),
    async readBody() {
      const read = await readForm(t, req);
      if ('status' in read) return { ok: false, answer: read };
      const ambiguous = ambiguousRequest(req.url ?? '/', read.form.pairs);
      if (ambiguous) return { ok: false, answer: ambiguous };
      const scheduled = kind === 'message' ? scheduledFor(read.form.params) : { ok: true as const };
      if (!scheduled.ok) return scheduled;
      const inline = kind === 'message' ? { ok: true as const } : inlineTwimlOf(read.form.params);
      if (!inline.ok) return inline;
      return { ok: true, value: { ...read, at: scheduled.at, inline: inline.doc } };
    },
  };
}

export type GatedRoute = 'calls' | 'messages' | 'participants';

const REQUEST_NAMES: Record<GatedRoute, string> = { calls: 'calls.create', messages: 'messages.create', participants: 'participants.create' };

async function readForm(t: TwilioContext, req: IncomingMessage): Promise<Pick<TwilioBody, 'form' | 'raw'> | HttpAnswer> {
  if (!isFormContentType(req.headers['content-type'])) {
    return twilioError(TWILIO_ERRORS.invalidParameter.code, 400, 'Consent Gate expects an application/x-www-form-urlencoded body, as Twilio does', {
      reason: 'invalid_request',
    });
  }
  try {
    const raw = await readBody(req, t.bodyLimitBytes);
    return { form: parseForm(raw.toString('utf8')), raw };
  } catch (err) {
    if (err instanceof BodyTooLargeError) return twilioError(TWILIO_ERRORS.tooLarge.code, 413, TWILIO_ERRORS.tooLarge.message, { reason: 'invalid_request' });
    if (err instanceof MalformedFormError)
      return twilioError(TWILIO_ERRORS.invalidParameter.code, 400, `Malformed form body: ${err.message}`, { reason: 'invalid_request' });
    throw err;
  }
}

export async function handleGatedCreate(t: TwilioContext, req: IncomingMessage, res: ServerResponse, route: GatedRoute, accountSid: string): Promise<void> {
  const kind = route === 'messages' ? 'message' : 'call';
  const started = await startGatedRequest(t, req, res, {
    ...twilioReading(t, req, accountSid, kind),
    lookupsOf: ({ form }) => [
      { kind: 'number', value: first(form.params, 'From') },
      ...(route === 'messages' ? [{ kind: 'twilio_messaging_service' as const, value: first(form.params, 'MessagingServiceSid') }] : []),
      { kind: 'twilio_account', value: accountSid },
    ],
  });
  if (!started) return;
  const { sender, body: read } = started;
  const { form, raw } = read;
  const { params } = form;
  const from = first(params, 'From');
  const contact = {
    sender,
    to: first(params, 'To'),
    from,
    metadata: { carrier: 'twilio', request: REQUEST_NAMES[route], account_sid: accountSid },
    at: read.at,
  };
  const outcome: GateOutcome<GatedDecision> = route === 'messages' ? await gateMessage(t.ctx, contact) : await gateCall(t.ctx, contact);
  if (outcome.kind !== 'allowed') return sendAnswer(res, refusalOf(route === 'messages' ? { ...t, dialect: twilioMessageDialect } : t, kind, outcome));
  const decision = outcome.decision;
  if (read.inline) {
    const dials = await gateDials(t.ctx, read.inline, {
      sender,
      from,
      metadata: { ...contact.metadata, call_decision_id: decision.decision_id },
      field: 'Twiml',
    });
    if (dials.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', dials));
  }

  // Forwarded as it came, byte for byte, unless the disclosure goes in.
  let body = raw;
  const consumer = consumerPhone(contact.to) ?? '';
  const listenFor = route === 'calls' && transcribesCallsOf(t, sender.entity) ? accountSid : undefined;
  const disclosure = 'disclosure' in decision ? decision.disclosure : undefined;
  // Who the call is for, carried signed in the URLs the gateway writes into its TwiML.
  const party: PartyClaims = {
    o: sender.orgId,
    e: sender.entity,
    p: consumer,
    d: decision.decision_id,
    pu: sender.purpose,
    ct: sender.call_type,
    sr: sender.source,
  };
  if (route !== 'messages' && disclosure?.required) {
    if (!disclosure.script) throw new Error(`decision ${decision.decision_id} requires a disclosure but has no script`);
    if (route === 'participants') {
      return sendAnswer(
        res,
        twilioError(
          TWILIO_ERRORS.invalidParameter.code,
          400,
          'Consent Gate cannot put the required AI disclosure into a conference participant call; place the call with Calls (Url or Twiml) instead',
          {
            reason: 'disclosure_not_injectable',
            decision_id: decision.decision_id,
          },
        ),
      );
    }
    const injected = injectDisclosure(t, form.pairs, params, party, disclosure.script, listenFor);
    if (!injected.ok) {
      return sendAnswer(
        res,
        twilioError(TWILIO_ERRORS.invalidParameter.code, 400, injected.message, {
          reason: 'disclosure_not_injectable',
          field: injected.field,
          decision_id: decision.decision_id,
        }),
      );
    }
    // Its status events go to its call record through the gateway (and on to the application's own callback).
    body = Buffer.from(serializeForm(withGatewayStatusCallback(t, injected.pairs, params, party)), 'utf8');
  } else if (route === 'calls' && (read.inline || first(params, 'Url') !== undefined)) {
    // No disclosure to add, yet whom the call's TwiML dials must still be checked: inline now, a Url when
    // Twilio fetches it. The call's status events come to its record too, as for a disclosed call. (With
    // ApplicationSid, Twilio ignores a create's StatusCallback: such a call is forwarded as it came.)
    let pairs = form.pairs;
    if (read.inline) pairs = inlinePairsThroughGateway(t, form.pairs, read.inline, party, listenFor) ?? pairs;
    else {
      const pointed = urlsThroughGateway(t, form.pairs, params, party, undefined, listenFor);
      if (!pointed.ok) return sendAnswer(res, twilioDialect.invalid(pointed.message, pointed.field));
      pairs = pointed.pairs;
    }
    body = Buffer.from(serializeForm(withGatewayStatusCallback(t, pairs, params, party)), 'utf8');
  }
  t.logger.info({ route, decision_id: decision.decision_id, to: maskPhone(consumer) }, 'twilio: allowed; forwarding');
  await forwardAllowed(t, req, res, body, [decision.decision_id]);
}
