/**
 * `POST /v2/calls` — Call Control dial — as a precall decision per number
 * dialed. An allowed call is forwarded with its webhooks pointed at the
 * gateway: `webhook_url` (and every URL of `webhook_urls`) becomes
 * `/telnyx/webhooks?cg=<token>`, the token carrying who the call is with,
 * the decision, the disclosure script and where the application wanted the
 * webhooks. The gateway then sees `call.answered` (and speaks the
 * disclosure first), DTMF and transcripts (and acts on opt-outs), and relays
 * each event on unchanged.
 *
 * Keeping the call's state in the URL Telnyx echoes back, rather than in
 * this process's memory, means any instance can handle any webhook of any
 * call, and a restart forgets nothing.
 *
 * The gateway listens on the calls it gates: the token also says whether it
 * starts transcription of the consumer's track (`l`: unless the dial asked
 * for transcription itself, TRANSCRIBE_CALLS=off or the entity says
 * `transcribe: false`). On a call that opens with the disclosure, a media
 * stream (`stream_url` and its parameters) or an AI assistant the dial asks
 * for is held back and started by the gateway once the disclosure has been
 * said (`heldStarts.ts`, `afterDisclosure.ts`).
 *
 * Refused (fail closed) when the disclosure cannot be guaranteed to be the
 * first thing the consumer hears: dial options that play audio or hand the
 * call to a relay on answer by themselves (`audio_url`, `media_name`,
 * `conversation_relay_config`) — start them from the application on
 * `call.answered` instead, after the gateway's disclosure — and a gateway
 * without TELNYX_API_KEY, which could not speak it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPhone } from '../../src/domain/phone';
import { LedgerUnavailableError } from '../../src/errors';
import { sendAnswer } from '../shared/carrier';
import { consumerPhone, gateCall } from '../shared/outboundGate';
import { gatewayUrl, isHttpUrl, MAX_TELNYX_URL_LENGTH, TOKEN_KINDS, WEBHOOK_PATHS, type CallClaims, type TelnyxContext } from './context';
import { disclosureNotInjectable, telnyxDialect } from './errors';
import { forwardAllowed, refusalOf } from '../shared/gatedRequest';
import { gateEach, startGated } from './gatedRequest';
import { dialTranscribes, holdBackStarts, keepHeldStarts, newHoldKey, transcribesCallsOf } from './heldStarts';
import { recipients, type GatedBody } from './requestBody';
import { DIAL_FIELDS } from './requestShape';

/** Dial options that make Telnyx play or talk as soon as the call is answered, and that the gateway cannot start later itself. */
export const SPEAKS_ON_ANSWER: readonly string[] = ['audio_url', 'media_name', 'conversation_relay_config'];

export async function handleDial(t: TelnyxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = await startGated(
    t,
    req,
    res,
    (b) => [
      { kind: 'number', value: b.text('from') },
      { kind: 'telnyx_connection', value: b.text('connection_id') },
    ],
    false,
    DIAL_FIELDS,
  );
  if (!started) return;
  const { body, sender } = started;
  const from = body.text('from');
  const tos = recipients(body.get('to'));
  if (!tos) return sendAnswer(res, telnyxDialect.invalid("No 'to' number is specified", 'to', 'missing'));
  const outcome = await gateEach(tos, (to) =>
    gateCall(t.ctx, { sender, to, from, metadata: { carrier: 'telnyx', request: 'calls.dial', connection_id: body.text('connection_id') ?? null } }, 'to'),
  );
  if (outcome.kind !== 'allowed') return sendAnswer(res, refusalOf(t, 'call', outcome, from));
  const ids = outcome.decisions.map((d) => d.decision_id);
  const decisionId = ids.join(',');
  const disclosure = outcome.decisions[0]?.disclosure;
  const script = disclosure?.required && disclosure.script ? disclosure.script : undefined;

  if (script) {
    const talker = SPEAKS_ON_ANSWER.find((field) => body.get(field) !== undefined);
    if (talker) {
      return sendAnswer(
        res,
        disclosureNotInjectable(
          `Consent Gate must speak the AI disclosure before anything else on this call, and '${talker}' would play on answer: leave it out of the dial and start it from your application on call.answered`,
          decisionId,
          talker,
        ),
      );
    }
    if (!t.apiKey) {
      t.logger.error('telnyx: an AI call needs the disclosure spoken, and TELNYX_API_KEY is not set; call refused');
      return sendAnswer(
        res,
        disclosureNotInjectable('Consent Gate cannot speak the required AI disclosure: TELNYX_API_KEY is not configured on the gateway', decisionId),
      );
    }
  }

  const holding = script ? holdBackStarts(body) : ({ ok: true, held: undefined } as const);
  if (!holding.ok) return sendAnswer(res, holding.answer);
  const heldKey = holding.held ? newHoldKey() : undefined;
  const listen = !!t.apiKey && transcribesCallsOf(t, sender.entity) && !dialTranscribes(body);

  const consumers = tos.map((to) => consumerPhone(to)).filter((p): p is string => !!p);
  const claims: CallClaims = {
    o: sender.orgId,
    e: sender.entity,
    p: consumers,
    d: decisionId,
    ...(script ? { s: script } : {}),
    ...(listen ? { l: 1 as const } : {}),
    ...(heldKey ? { h: heldKey } : {}),
  };
  const pointed = pointWebhooksAtGateway(t, body, claims);
  if (!pointed.ok) return sendAnswer(res, disclosureNotInjectable(pointed.message, decisionId, pointed.field));

  if (holding.held && heldKey) {
    try {
      await keepHeldStarts(t, heldKey, holding.held);
    } catch (err) {
      if (!(err instanceof LedgerUnavailableError)) throw err;
      // Forwarded without it, the stream would never start; with it, before the disclosure: neither.
      t.logger.error({ decision_ids: ids, err: err.message }, 'telnyx: the stream or assistant to start after the disclosure could not be kept; call refused');
      return sendAnswer(res, telnyxDialect.unavailable());
    }
  }

  t.logger.info(
    { decision_ids: ids, to: consumers.map(maskPhone), disclosure: !!script, transcribed: listen, held_starts: !!heldKey },
    'telnyx: call allowed; forwarding',
  );
  await forwardAllowed(t, req, res, body.bytes(), ids);
}

type Pointed = { ok: true } | { ok: false; message: string; field: string };

/** `webhook_url` and each of `webhook_urls` through `/telnyx/webhooks`, remembering where they went. */
function pointWebhooksAtGateway(t: TelnyxContext, body: GatedBody, claims: CallClaims): Pointed {
  const own = body.get('webhook_url');
  if (own !== undefined && own !== null && !isHttpUrl(own))
    return { ok: false, field: 'webhook_url', message: `webhook_url is not a valid absolute http(s) URL: ${String(own)}` };
  const main = tokenUrl(t, { ...claims, ...(own ? { u: own as string } : {}) });
  if (!main)
    return { ok: false, field: 'webhook_url', message: 'webhook_url is too long to be carried through Consent Gate (Telnyx takes URLs up to 2000 characters)' };
  body.set('webhook_url', main);
  // The gateway receives webhooks as POST; the relay to the application is a POST too.
  if (body.get('webhook_url_method') !== undefined) body.set('webhook_url_method', 'POST');

  const perEvent = body.get('webhook_urls');
  if (perEvent !== undefined && perEvent !== null) {
    if (typeof perEvent !== 'object' || Array.isArray(perEvent))
      return { ok: false, field: 'webhook_urls', message: 'webhook_urls must map event types to arrays of URLs' };
    const rewritten: Record<string, string[]> = {};
    for (const [event, urls] of Object.entries(perEvent as Record<string, unknown>)) {
      if (!Array.isArray(urls) || !urls.every(isHttpUrl))
        return { ok: false, field: 'webhook_urls', message: `webhook_urls.${event} must be an array of absolute http(s) URLs` };
      const through = urls.map((u) => tokenUrl(t, { ...claims, u }));
      if (through.some((u) => !u))
        return { ok: false, field: 'webhook_urls', message: `a URL in webhook_urls.${event} is too long to be carried through Consent Gate` };
      rewritten[event] = through as string[];
    }
    body.set('webhook_urls', rewritten);
    if (body.get('webhook_urls_method') !== undefined) body.set('webhook_urls_method', 'POST');
  }
  return { ok: true };
}

/** The gateway URL carrying these claims, or undefined when Telnyx would refuse it as too long. */
function tokenUrl(t: TelnyxContext, claims: CallClaims): string | undefined {
  const url = gatewayUrl(t, WEBHOOK_PATHS.webhooks, t.signer.sign(TOKEN_KINDS.call, claims));
  return url.length <= MAX_TELNYX_URL_LENGTH ? url : undefined;
}
