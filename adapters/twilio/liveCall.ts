/**
 * Who a live call is between, asked of Twilio itself (`GET …/Calls/{sid}.json`
 * with the client's own credentials): a call update names neither number, yet
 * the numbers its new TwiML dials must be checked for the call's own sender,
 * found as for a create — by our number on the call, then the account.
 */
import { callApplication } from '../shared/appRelay';
import type { HttpAnswer } from '../shared/carrier';
import { upstreamUrl } from '../shared/forward';
import type { TwilioContext } from './context';
import { twilioDialect } from './errors';

export interface LiveCall {
  /** Our number on the call (`from` of a call we placed, `to` of one we received). */
  ours: string | undefined;
  /** The consumer's number, the other party. */
  theirs: string | undefined;
}

/** A call resource is a few KB; anything much larger is not one. */
const MAX_CALL_BYTES = 64 * 1024;

export async function liveCall(
  t: TwilioContext,
  authorization: string,
  accountSid: string,
  callSid: string,
): Promise<{ ok: true; call: LiveCall } | { ok: false; answer: HttpAnswer }> {
  const url = upstreamUrl(t.api.base, `/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Calls/${encodeURIComponent(callSid)}.json`).toString();
  const answer = await callApplication(
    { url, method: 'GET', headers: { authorization, accept: 'application/json' } },
    { timeoutMs: t.api.timeoutMs, maxBytes: MAX_CALL_BYTES, metrics: t.metrics, label: t.api.label },
  );
  if (!answer.ok) {
    // Twilio's own refusal (unknown call, bad credentials) is already in Twilio's dialect: the client gets it as it came.
    if (answer.reason === 'http_error' && answer.status && answer.body !== undefined) {
      return {
        ok: false,
        answer: { status: answer.status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-should-retry': 'false' }, body: answer.body },
      };
    }
    return {
      ok: false,
      answer: twilioDialect.upstreamFailed({ kind: answer.reason === 'timeout' ? 'timeout' : 'unreachable', message: 'the call could not be looked up' }),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    // handled below with any other answer that is not a call resource
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return { ok: false, answer: twilioDialect.upstreamFailed({ kind: 'unreachable', message: 'the call lookup answered something that is not a call' }) };
  }
  const resource = parsed as { from?: unknown; to?: unknown; direction?: unknown };
  const from = typeof resource.from === 'string' ? resource.from : undefined;
  const to = typeof resource.to === 'string' ? resource.to : undefined;
  const outbound = typeof resource.direction === 'string' && resource.direction.startsWith('outbound');
  return { ok: true, call: outbound ? { ours: from, theirs: to } : { ours: to, theirs: from } };
}
