/**
 * Status callbacks of gated calls, for their call records. A gated call's create gets the gateway's
 * own `StatusCallback` (signed with the party, the application's own callback and the events it
 * asked for) and asks Twilio for every call event (initiated, ringing, answered, completed). Each
 * callback is recorded — the answer, each status, the end with its duration — and relayed, unchanged
 * and re-signed, to the application's own StatusCallback when it set one and asked for that event
 * (Twilio's default when none are named: `completed` only).
 */
import { first, withParam, type FormParams } from '../shared/form';
import { callTwilioApp } from './appRequests';
import { recordTwilioMoment } from './callRecords';
import { gatewayUrl, WEBHOOK_PATHS, type TwilioContext } from './context';
import { methodOf, senderClaims, TOKEN_KINDS, type PartyClaims, type StatusClaims } from './tokens';
import type { TwilioWebhook, WebhookAnswer } from './webhook';

const GATEWAY_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** The create's form with the gateway's StatusCallback in place of the application's (carried in its token). */
export function withGatewayStatusCallback(t: TwilioContext, pairs: [string, string][], params: FormParams, party: PartyClaims): [string, string][] {
  const appUrl = first(params, 'StatusCallback');
  // Twilio takes the events as repeated parameters or space-separated in one.
  const named = params.StatusCallbackEvent ?? [];
  const appEvents = (Array.isArray(named) ? named : [named]).flatMap((v) => v.split(/\s+/)).filter(Boolean);
  const claims: StatusClaims = {
    ...senderClaims(party),
    ...(appUrl ? { u: appUrl, m: methodOf(first(params, 'StatusCallbackMethod')) } : {}),
    ...(appEvents.length ? { ev: appEvents } : {}),
  };
  const kept = withParam(
    withParam(pairs, 'StatusCallback', gatewayUrl(t, WEBHOOK_PATHS.status, t.signer.sign(TOKEN_KINDS.status, claims))),
    'StatusCallbackMethod',
    'POST',
  );
  return [...kept.filter(([k]) => k !== 'StatusCallbackEvent'), ...GATEWAY_EVENTS.map((e): [string, string] => ['StatusCallbackEvent', e])];
}

/** The callback event Twilio reports: `in-progress` is the answer; a final status is the end. */
function eventOf(status: string): string {
  if (status === 'in-progress') return 'answered';
  return FINAL.has(status) ? 'completed' : status;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** A callback with the gateway's status token: recorded, then relayed to the application's own callback if it asked for it. */
export async function handleGatedStatus(t: TwilioContext, w: TwilioWebhook, c: StatusClaims): Promise<WebhookAnswer> {
  const status = first(w.params, 'CallStatus') ?? '';
  const event = eventOf(status);
  const stamp = Date.parse(first(w.params, 'Timestamp') ?? '');
  const at = Number.isNaN(stamp) ? undefined : new Date(stamp);
  const distinct = first(w.params, 'SequenceNumber') ?? status;
  // Only a number Twilio sent: an absent or empty CallDuration is no duration (Number('') would read 0).
  const duration = Number(first(w.params, 'CallDuration') || Number.NaN);
  const source = `twilio status callback: ${status}`;
  if (event === 'answered') void recordTwilioMoment(t, w, c, { kind: 'answered', source, at, distinct: 'status-callback' });
  else if (event === 'completed') {
    void recordTwilioMoment(t, w, c, {
      kind: 'ended',
      source,
      at,
      distinct,
      details: { status, ...(Number.isFinite(duration) ? { duration_seconds: duration } : {}) },
    });
  } else if (status) void recordTwilioMoment(t, w, c, { kind: 'status', source, at, distinct, details: { status } });

  const wanted = c.ev ?? ['completed'];
  if (c.u && wanted.includes(event)) {
    const answer = await callTwilioApp(t, { url: c.u, method: c.m ?? 'POST', pairs: w.pairs, params: w.params, inboundHeaders: w.headers });
    if (answer.ok) return { status: answer.status, contentType: answer.contentType ?? 'text/plain', body: answer.body };
    t.logger.warn({ why: answer.message }, 'twilio status: application did not take the callback');
  }
  return { status: 200, contentType: 'text/xml; charset=utf-8', body: EMPTY_TWIML };
}
