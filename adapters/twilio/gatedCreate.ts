/**
 * One gated create (call, message, conference participant): read the form
 * body, find the entity, ask the gate, and either answer in Twilio's error
 * dialect or forward — with the disclosure injected into allowed AI calls.
 * Nothing is forwarded unless a decision allowed it and was stored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAnswer, type HttpAnswer } from '../shared/carrier';
import { readConsentHeaders } from '../shared/consentHeaders';
import { forward } from '../shared/forward';
import { acceptedTargetOf } from '../shared/requestPath';
import { first, isFormContentType, parseForm, serializeForm, type Form } from '../shared/form';
import { BodyTooLargeError, MalformedFormError } from '../../src/errors';
import { consumerPhone, gateCall, gateMessage, resolveSender, type GatedDecision, type GateOutcome } from '../shared/outboundGate';
import { readBody } from '../../src/http/rawBody';
import type { EntityLookup } from '../shared/entityDirectory';
import type { TwilioContext } from './context';
import { twilioAccountAccess } from './accountAccess';
import { injectDisclosure, urlsThroughGateway } from './callInjection';
import { messageInvalid, twilioDialect, twilioError, TWILIO_ERRORS } from './errors';
import type { PartyClaims } from './tokens';
import { maskPhone } from '../../src/domain/phone';
import { gateDials } from '../shared/dialGate';
import { ambiguousRequest, scheduledFor } from './requestShape';
import { dialRefusal, inlineBodyThroughGateway, inlineTwimlOf } from './twimlDials';
import { transcribesCallsOf } from './transcriptionStart';

/** What every gated Twilio request starts with, or the refusal already sent. */
export interface ReadRequest {
  /** The org the path's account is mapped to. */
  orgId: string;
  form: Form;
  raw: Buffer;
}

/**
 * The account checked before the body is read — a request that is not its
 * account's to make (or has no or wrong credentials) spends no decision, no
 * send under the daily cap and no memory — then the form, refused when it
 * names a field twice or in the query (Twilio might read the other copy).
 */
export async function readGatedRequest(t: TwilioContext, req: IncomingMessage, res: ServerResponse, accountSid: string): Promise<ReadRequest | null> {
  const access = twilioAccountAccess(t, req.headers.authorization, accountSid);
  if (!access.ok) return refuse(res, access.answer);
  const read = await readForm(t, req);
  if ('status' in read) return refuse(res, read);
  const ambiguous = ambiguousRequest(req.url ?? '/', read.form.pairs);
  if (ambiguous) return refuse(res, ambiguous);
  return { orgId: access.orgId, ...read };
}

function refuse(res: ServerResponse, answer: HttpAnswer): null {
  sendAnswer(res, answer);
  return null;
}

export type GatedRoute = 'calls' | 'messages' | 'participants';

const REQUEST_NAMES: Record<GatedRoute, string> = { calls: 'calls.create', messages: 'messages.create', participants: 'participants.create' };

async function readForm(t: TwilioContext, req: IncomingMessage): Promise<{ form: Form; raw: Buffer } | HttpAnswer> {
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
    if (err instanceof MalformedFormError) return twilioError(TWILIO_ERRORS.invalidParameter.code, 400, `Malformed form body: ${err.message}`, { reason: 'invalid_request' });
    throw err;
  }
}

export async function handleGatedCreate(t: TwilioContext, req: IncomingMessage, res: ServerResponse, route: GatedRoute, accountSid: string): Promise<void> {
  const read = await readGatedRequest(t, req, res, accountSid);
  if (!read) return;
  const { orgId, form, raw } = read;
  const { params } = form;
  const scheduled = route === 'messages' ? scheduledFor(params) : { ok: true as const };
  if (!scheduled.ok) return sendAnswer(res, scheduled.answer);
  const inline = route === 'messages' ? { ok: true as const } : inlineTwimlOf(params);
  if (!inline.ok) return sendAnswer(res, inline.answer);
  const headers = readConsentHeaders(req.headers);
  if (!headers.ok) return sendAnswer(res, twilioDialect.invalid(headers.message, headers.header));

  const from = first(params, 'From');
  const lookups: EntityLookup[] = [{ kind: 'number', value: from }];
  if (route === 'messages') lookups.push({ kind: 'twilio_messaging_service', value: first(params, 'MessagingServiceSid') });
  lookups.push({ kind: 'twilio_account', value: accountSid });
  const resolved = resolveSender(t.directory, orgId, headers.overrides, lookups);
  if (!resolved.ok) {
    return sendAnswer(res, resolved.refusal === 'invalid' ? twilioDialect.invalid(resolved.message, 'X-Consent-Entity') : twilioDialect.forbidden(resolved.refusal, resolved.message));
  }
  const { sender } = resolved;

  const contact = {
    sender,
    to: first(params, 'To'),
    from,
    metadata: { carrier: 'twilio', request: REQUEST_NAMES[route], account_sid: accountSid },
    at: scheduled.at,
  };
  const outcome: GateOutcome<GatedDecision> = route === 'messages' ? await gateMessage(t.ctx, contact) : await gateCall(t.ctx, contact);
  switch (outcome.kind) {
    case 'invalid':
      return sendAnswer(res, route === 'messages' ? messageInvalid(outcome.message, outcome.field, outcome.problem) : twilioDialect.invalid(outcome.message, outcome.field, outcome.problem));
    case 'unavailable':
      t.logger.error({ route, err: outcome.message }, 'twilio: consent store unavailable; request refused');
      return sendAnswer(res, twilioDialect.unavailable());
    case 'blocked':
      return sendAnswer(res, twilioDialect.blocked(route === 'messages' ? 'message' : 'call', outcome.decision));
  }
  const decision = outcome.decision;
  if (inline.doc) {
    const dials = await gateDials(t.ctx, inline.doc, { sender, from, metadata: { ...contact.metadata, call_decision_id: decision.decision_id }, field: 'Twiml' });
    const refused = dialRefusal(t, dials);
    if (refused) return sendAnswer(res, refused);
  }

  // Forwarded as it came, byte for byte, unless the disclosure goes in.
  let body = raw;
  const consumer = consumerPhone(contact.to) ?? '';
  const listenFor = route === 'calls' && transcribesCallsOf(t, sender.entity) ? accountSid : undefined;
  const disclosure = 'disclosure' in decision ? decision.disclosure : undefined;
  if (route !== 'messages' && disclosure?.required) {
    if (!disclosure.script) throw new Error(`decision ${decision.decision_id} requires a disclosure but has no script`);
    const party: PartyClaims = { o: sender.orgId, e: sender.entity, p: consumer, d: decision.decision_id, pu: sender.purpose, ct: sender.call_type, sr: sender.source };
    if (route === 'participants') {
      return sendAnswer(
        res,
        twilioError(TWILIO_ERRORS.invalidParameter.code, 400, 'Consent Gate cannot put the required AI disclosure into a conference participant call; place the call with Calls (Url or Twiml) instead', {
          reason: 'disclosure_not_injectable',
          decision_id: decision.decision_id,
        }),
      );
    }
    const injected = injectDisclosure(t, form.pairs, params, party, disclosure.script, listenFor);
    if (!injected.ok) {
      return sendAnswer(res, twilioError(TWILIO_ERRORS.invalidParameter.code, 400, injected.message, { reason: 'disclosure_not_injectable', field: injected.field, decision_id: decision.decision_id }));
    }
    body = Buffer.from(serializeForm(injected.pairs), 'utf8');
  } else if (route === 'calls') {
    // No disclosure to add, yet whom the call's TwiML dials must still be checked: inline now, a Url when Twilio fetches it.
    const party: PartyClaims = { o: sender.orgId, e: sender.entity, p: consumer, d: decision.decision_id, pu: sender.purpose, ct: sender.call_type, sr: sender.source };
    if (inline.doc) body = inlineBodyThroughGateway(t, form.pairs, inline.doc, party, listenFor) ?? body;
    else if (first(params, 'Url') !== undefined) {
      const pointed = urlsThroughGateway(t, form.pairs, params, party, undefined, listenFor);
      if (!pointed.ok) return sendAnswer(res, twilioDialect.invalid(pointed.message, pointed.field));
      body = Buffer.from(serializeForm(pointed.pairs), 'utf8');
    }
  }
  t.logger.info({ route, decision_id: decision.decision_id, to: maskPhone(consumer) }, 'twilio: allowed; forwarding');
  await forward(t.api, { method: 'POST', target: acceptedTargetOf(req), headers: req.headers, body }, res, t.metrics, (failure) => {
    t.logger.warn({ route, decision_id: decision.decision_id, failure: failure.kind, err: failure.message }, 'twilio: upstream failed after an allowed decision');
    sendAnswer(res, twilioDialect.upstreamFailed(failure, decision));
  });
}
