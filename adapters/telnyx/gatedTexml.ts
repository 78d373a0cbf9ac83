/**
 * TeXML, Telnyx's TwiML dialect, over its Twilio-style REST API:
 * `POST /v2/texml/Accounts/{account_sid}/Calls`, `POST /v2/texml/calls/{connection_id}`
 * (JSON from the SDK, or a form body from a Twilio-style client) and
 * `…/Conferences/{sid}/Participants`, which dials a number too. Each is a
 * precall decision on `To`.
 *
 * An allowed AI or automated call gets the disclosure first, spoken inside a
 * one-digit DTMF `<Gather>` whose action is the gateway (the carrier-neutral
 * edit in `adapters/twiml`):
 * - `Texml` given inline: the Gather is put first in it.
 * - `Url` given: `Url` (and `FallbackUrl`) become the gateway's
 *   `/telnyx/texml`, carrying the original URL, method and script in a signed
 *   token; when Telnyx fetches it, the gateway fetches the application's
 *   TeXML and answers with the disclosure first.
 * - Neither (the TeXML application's configured URL) or a conference
 *   participant: there is no document we can put the disclosure into, so the
 *   call is refused (fail closed) — pass `Url` or `Texml`.
 *
 * Every call, AI or not, has the numbers its TeXML `<Dial>`s checked as calls
 * by the same sender: inline `Texml` before it is forwarded, a `Url` (pointed
 * at `/telnyx/texml` without a script when no disclosure is needed) when
 * Telnyx fetches it, and the `<Redirect>` / action URLs in either likewise.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPhone } from '../../src/domain/phone';
import { parseTwiml, renderTwiml, type TwimlDocument } from '../twiml';
import { TwimlError } from '../../src/errors';
import { gateDials } from '../shared/dialGate';
import { sendAnswer } from '../shared/carrier';
import { consumerPhone, gateCall } from '../shared/outboundGate';
import {
  gatewayUrl,
  isHttpUrl,
  methodOf,
  TOKEN_KINDS,
  WEBHOOK_PATHS,
  type GatherClaims,
  type SenderKindClaims,
  type TelnyxContext,
  type TexmlClaims,
} from './context';
import { disclosureNotInjectable, telnyxError, TELNYX_ERRORS } from './errors';
import { forwardAllowed, refusalOf } from '../shared/gatedRequest';
import { gateEach, startGated } from './gatedRequest';
import type { GatedBody } from './requestBody';
import { TEXML_FIELDS } from './requestShape';
import { disclosedTexml, texmlContinuationsThroughGateway } from './texmlDocs';

export type TexmlRoute =
  | { kind: 'calls'; accountSid: string }
  | { kind: 'connection_calls'; connectionId: string }
  | { kind: 'participants'; accountSid: string };

type Party = { o: string; e: string; p: string; d: string } & SenderKindClaims;

function texmlInvalid(message: string) {
  return texmlFieldInvalid(message, 'Texml');
}

function texmlFieldInvalid(message: string, field: string) {
  return telnyxError(TELNYX_ERRORS.badRequest, message, { pointer: `/${field}`, meta: { reason: 'invalid_request', field } });
}

function inlineTexmlOf(body: GatedBody): { ok: true; doc?: TwimlDocument } | { ok: false; message: string } {
  const inline = body.get('Texml');
  if (inline === undefined) return { ok: true };
  if (typeof inline !== 'string') return { ok: false, message: 'Texml must be a string holding a TeXML document' };
  try {
    return { ok: true, doc: parseTwiml(inline) };
  } catch (err) {
    if (!(err instanceof TwimlError)) throw err;
    return { ok: false, message: `Texml is not a valid TeXML document (${err.message}); Consent Gate must read whom it dials` };
  }
}

export async function handleTexmlCall(t: TelnyxContext, req: IncomingMessage, res: ServerResponse, route: TexmlRoute): Promise<void> {
  const connectionId = route.kind === 'connection_calls' ? route.connectionId : undefined;
  const started = await startGated(
    t,
    req,
    res,
    (b) => [
      { kind: 'number', value: b.text('From') },
      { kind: 'telnyx_connection', value: connectionId ?? b.text('ApplicationSid') },
    ],
    true,
    TEXML_FIELDS,
  );
  if (!started) return;
  const { body, sender } = started;
  const from = body.text('From');
  const to = body.text('To');
  const request = route.kind === 'participants' ? 'texml.participants.create' : 'texml.calls.create';
  // One set of instructions: the gate must check, and disclose in, the one Telnyx will run.
  if (body.get('Texml') !== undefined && body.get('Url') !== undefined) {
    return sendAnswer(res, texmlFieldInvalid('Texml and Url are both given; Consent Gate checks one set of call instructions, so give only one', 'Texml'));
  }
  // Read before any decision: a document we cannot read may hide a dial.
  const inline = inlineTexmlOf(body);
  if (!inline.ok) return sendAnswer(res, texmlInvalid(inline.message));
  const outcome = await gateEach([to ?? ''], (n) =>
    gateCall(t.ctx, { sender, to: n || undefined, from, metadata: { carrier: 'telnyx', request, connection_id: connectionId ?? null } }, 'To'),
  );
  if (outcome.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', outcome, from));
  const decision = outcome.decisions[0];
  const partyOf = (d: string): Party => ({
    o: sender.orgId,
    e: sender.entity,
    p: consumerPhone(to) ?? '',
    d,
    pu: sender.purpose,
    ct: sender.call_type,
    sr: sender.source,
  });
  if (inline.doc) {
    const metadata = { carrier: 'telnyx', request, connection_id: connectionId ?? null, call_decision_id: decision.decision_id };
    const dials = await gateDials(t.ctx, inline.doc, { sender, from, metadata, field: 'Texml' });
    if (dials.kind === 'invalid') return sendAnswer(res, texmlInvalid(dials.message));
    if (dials.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', dials, from));
  }
  const disclosure = decision.disclosure;
  if (disclosure?.required && disclosure.script) {
    if (route.kind === 'participants') {
      return sendAnswer(
        res,
        disclosureNotInjectable(
          'Consent Gate cannot put the required AI disclosure into a conference participant call; place the call with TeXML Calls (Url or Texml) instead',
          decision.decision_id,
        ),
      );
    }
    const injected = injectTexmlDisclosure(t, body, partyOf(decision.decision_id), disclosure.script);
    if (!injected.ok) return sendAnswer(res, disclosureNotInjectable(injected.message, decision.decision_id, injected.field));
  } else if (route.kind !== 'participants') {
    // No disclosure to add, yet whom the call's TeXML dials must still be checked: inline now, a Url when Telnyx fetches it.
    const party = partyOf(decision.decision_id);
    if (inline.doc) {
      const next = texmlContinuationsThroughGateway(t, inline.doc, party);
      if (next.rewritten > 0) body.set('Texml', renderTwiml(next.doc));
    } else if (body.get('Url') !== undefined) {
      const pointed = urlsThroughGateway(t, body, party);
      if (!pointed.ok) return sendAnswer(res, texmlFieldInvalid(pointed.message, pointed.field));
    }
  }
  t.logger.info({ request, decision_id: decision.decision_id, to: maskPhone(consumerPhone(to) ?? '') }, 'telnyx: TeXML call allowed; forwarding');
  await forwardAllowed(t, req, res, body.bytes(), [decision.decision_id]);
}

type Injection = { ok: true } | { ok: false; message: string; field: string };

function injectTexmlDisclosure(t: TelnyxContext, body: GatedBody, party: Party, script: string): Injection {
  const inline = body.text('Texml');
  if (inline !== undefined) {
    let appDoc;
    try {
      appDoc = parseTwiml(inline);
    } catch (err) {
      if (!(err instanceof TwimlError)) throw err;
      return { ok: false, field: 'Texml', message: `Texml is not a valid TeXML document (${err.message}); Consent Gate cannot put the AI disclosure in it` };
    }
    appDoc = texmlContinuationsThroughGateway(t, appDoc, party).doc;
    // Any digit but 9 continues with the application's own verbs, carried in the gather token.
    const continuation: GatherClaims = { ...party, t: renderTwiml(appDoc) };
    body.set('Texml', renderTwiml(disclosedTexml(t, appDoc, script, continuation)));
    return { ok: true };
  }
  if (body.get('Url') !== undefined) return urlsThroughGateway(t, body, party, script);
  return { ok: false, field: 'Url', message: 'Url or Texml is required: Consent Gate must put the AI disclosure at the start of the call' };
}

/** `Url` (and `FallbackUrl`) through `/telnyx/texml`: the gateway fetches the application's TeXML, speaks `script` first if any, and checks whom it dials. */
function urlsThroughGateway(t: TelnyxContext, body: GatedBody, party: Party, script?: string): Injection {
  const url = body.get('Url');
  if (!isHttpUrl(url)) return { ok: false, field: 'Url', message: `Url is not a valid absolute http(s) URL: ${String(url)}` };
  const fallback = body.get('FallbackUrl');
  if (fallback !== undefined && !isHttpUrl(fallback))
    return { ok: false, field: 'FallbackUrl', message: `FallbackUrl is not a valid absolute http(s) URL: ${String(fallback)}` };
  // Telnyx fetches the fallback with the same method as the main URL; both now come to us by POST.
  const m = methodOf(body.get('UrlMethod'));
  const spoken = script ? { s: script } : {};
  pointAtGateway(t, body, 'Url', { ...party, u: url, m, ...spoken });
  if (fallback !== undefined) pointAtGateway(t, body, 'FallbackUrl', { ...party, u: fallback, m, ...spoken });
  body.set('UrlMethod', 'POST');
  return { ok: true };
}

function pointAtGateway(t: TelnyxContext, body: GatedBody, urlKey: string, claims: TexmlClaims): void {
  body.set(urlKey, gatewayUrl(t, WEBHOOK_PATHS.texml, t.signer.sign(TOKEN_KINDS.texml, claims)));
}
