/**
 * `/telnyx/webhooks`: Telnyx's events, verified before anything else
 * happens. A missing, bad or stale signature (ed25519 over
 * `timestamp|raw body`, ±300 s of the gateway's clock) is 403: nothing is
 * relayed, nothing revoked, and the failure is counted. Only then is the
 * body read as JSON (400 if it is not).
 *
 * Then: the event is acted on once (see `callEvents.ts`,
 * `messageEvents.ts`), and relayed — raw body and signature headers exactly
 * as Telnyx sent them, so the application's own verification still passes —
 * to the application: the `webhook_url` the call was dialed with (carried in
 * our token), else TELNYX_APP_URL. Event types the gateway does not read are
 * relayed untouched. The application's answer (status and body) goes back
 * to Telnyx, so a failing application gets Telnyx's redelivery as before.
 */
import { Router, type Request, type Response } from 'express';
import { callApplication } from '../shared/appRelay';
import { readBody } from '../../src/http/rawBody';
import { BodyTooLargeError, OptOutNotRecordedError } from '../../src/errors';
import { handleCallEvent, type EventEffects } from './callEvents';
import { TOKEN_KINDS, TOKEN_PARAM, WEBHOOK_PATHS, type CallClaims, type TelnyxContext } from './context';
import { eventOf, type TelnyxEvent } from './events';
import { firstDelivery, forgetDelivery } from '../../src/gate/webhookOnce';
import { handleMessageReceived } from './messageEvents';
import { recordTelnyxMoments } from './callRecords';
import { checkTelnyxSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

const WEBHOOK_BODY_LIMIT = 256 * 1024;

/** Headers Telnyx sends that the application may check; the rest stay with us. */
const RELAYED_HEADERS = ['content-type', SIGNATURE_HEADER, TIMESTAMP_HEADER, 'user-agent'];

function refuse(res: Response, status: number, message: string): void {
  res.status(status).type('text/plain').send(message);
}

/** Verify, or answer 403 and count it. Returns the raw body when the request is Telnyx's. */
export async function verifiedBody(t: TelnyxContext, req: Request, res: Response, path: string): Promise<Buffer | null> {
  const fail = (why: string) => {
    t.metrics.webhookSignatureFailures.inc({ carrier: 'telnyx' });
    t.logger.warn({ path, why }, 'telnyx webhook refused');
    refuse(res, 403, 'Telnyx signature validation failed');
    return null;
  };
  // Without the public key no signature can be checked, and an unchecked webhook could revoke or relay anything.
  if (!t.publicKey) return fail('TELNYX_PUBLIC_KEY is not configured');
  let raw: Buffer;
  try {
    raw = await readBody(req, WEBHOOK_BODY_LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      refuse(res, 413, 'webhook body too large');
      return null;
    }
    throw err;
  }
  const check = checkTelnyxSignature(t.publicKey, req.headers, raw, t.ctx.clock.now());
  return check.ok ? raw : fail(check.why);
}

/**
 * Whether an event is new. A text can re-consent, so its id is marked in the ledger, shared by every
 * instance and kept across restarts (src/gate/webhookOnce.ts); a call event's effects repeat
 * harmlessly across instances (see seenEvents.ts), so this instance's memory is enough for them.
 */
async function firstDeliveryOf(t: TelnyxContext, event: TelnyxEvent): Promise<boolean> {
  if (event.id && event.type === 'message.received') return firstDelivery(t.ctx, `telnyx:event:${event.id}`);
  return t.seen.firstTime(event.id);
}

async function forgetDeliveryOf(t: TelnyxContext, event: TelnyxEvent): Promise<void> {
  if (event.id && event.type === 'message.received') await forgetDelivery(t.ctx, `telnyx:event:${event.id}`);
  else t.seen.forget(event.id);
}

export function telnyxWebhookRouter(t: TelnyxContext): Router {
  const router = Router();
  router.all(WEBHOOK_PATHS.webhooks, async (req: Request, res: Response) => {
    if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
    const raw = await verifiedBody(t, req, res, WEBHOOK_PATHS.webhooks);
    if (!raw) return;
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(res, 400, 'webhook body is not JSON');
    }
    const token = new URL(req.originalUrl, 'http://placeholder').searchParams.get(TOKEN_PARAM);
    const claims = token ? (t.signer.verify<CallClaims>(TOKEN_KINDS.call, token) ?? undefined) : undefined;
    // Telnyx's signature already proved the event is Telnyx's; a token we cannot read (another signing
    // secret, a restart without one) only loses where the call said to relay: TELNYX_APP_URL is used.
    if (token && !claims) t.logger.warn('telnyx webhook: gateway token unreadable or expired; relaying to TELNYX_APP_URL');

    const event = eventOf(body);
    let effects: EventEffects = {};
    if (event && (await firstDeliveryOf(t, event))) {
      try {
        effects =
          event.type === 'message.received'
            ? await handleMessageReceived(t, event)
            : event.type.startsWith('call.')
              ? await handleCallEvent(t, event, claims)
              : {};
      } catch (err) {
        await forgetDeliveryOf(t, event);
        if (err instanceof OptOutNotRecordedError) return refuse(res, 503, 'opt-out could not be recorded; please redeliver');
        t.logger.error({ event_type: event.type, err: (err as Error).message }, 'telnyx webhook: handling failed; relaying anyway');
      }
      if (claims && event.type.startsWith('call.')) void recordTelnyxMoments(t, body, event, claims, effects);
    }

    const target = claims?.u ?? t.appUrl;
    if (!target) return void res.status(200).json({});
    const headers: Record<string, string> = { ...effects.relayHeaders };
    for (const h of RELAYED_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const answer = await callApplication(
      { url: target, method: 'POST', headers, body: raw.toString('utf8') },
      { timeoutMs: t.appTimeoutMs, metrics: t.metrics, label: 'telnyx_app' },
    );
    if (answer.ok)
      return void res
        .status(answer.status)
        .type(answer.contentType ?? 'text/plain')
        .send(answer.body);
    t.logger.warn({ event_type: event?.type, why: answer.message }, 'telnyx webhook: application did not take the event');
    if (answer.reason === 'http_error') return refuse(res, answer.status ?? 502, answer.body ?? '');
    refuse(res, answer.reason === 'timeout' ? 504 : 502, `application ${answer.reason === 'timeout' ? 'timed out' : 'unreachable'}`);
  });
  return router;
}
