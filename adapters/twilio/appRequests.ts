/**
 * Calling the customer's application the way Twilio would: the webhook's
 * parameters as a form POST (or in the query string for a GET), signed with
 * `X-Twilio-Signature` for the application's URL. Two uses: relaying a
 * webhook to TWILIO_APP_URL + path, and fetching a call's TwiML from the
 * `Url` the application gave when it created the call.
 */
import { callApplication, type AppAnswer } from '../shared/appRelay';
import { serializeForm, type FormParams } from '../shared/form';
import { parseTwiml, type TwimlDocument } from '../twiml';
import type { TwilioContext } from './context';
import { signForApplication } from './signature';

/** Headers Twilio sends that an application may look at; everything else stays with us. */
const KEPT_HEADERS = ['user-agent', 'i-twilio-idempotency-token', 'x-home-region', 'x-twilio-webhook-retry'];

export interface TwilioAppCall {
  url: string;
  method: 'GET' | 'POST';
  pairs: [string, string][];
  params: FormParams;
  /** The inbound request's headers, a few of which are passed on. */
  inboundHeaders?: Record<string, string | string[] | undefined>;
  /** The gateway's own headers for the application (an opt-out it acted on). */
  extraHeaders?: Record<string, string>;
}

export async function callTwilioApp(t: TwilioContext, call: TwilioAppCall): Promise<AppAnswer> {
  const headers: Record<string, string> = {};
  for (const h of KEPT_HEADERS) {
    const v = call.inboundHeaders?.[h];
    if (typeof v === 'string') headers[h] = v;
  }
  Object.assign(headers, call.extraHeaders);
  let url = call.url;
  let body: string | undefined;
  if (call.method === 'GET') {
    // Twilio puts a GET webhook's parameters in the query string and signs that URL with no body parameters.
    const qs = serializeForm(call.pairs);
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  } else {
    body = serializeForm(call.pairs);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (t.authToken) headers['x-twilio-signature'] = signForApplication(t.authToken, url, call.method === 'GET' ? {} : call.params);
  return callApplication({ url, method: call.method, headers, body }, { timeoutMs: t.appTimeoutMs, metrics: t.metrics, label: 'twilio_app' });
}

export type AppTwiml = { ok: true; doc: TwimlDocument } | { ok: false; why: string };

/** The application's answer as a TwiML document; an empty answer is an empty document (Twilio reads it the same way). */
export function twimlOf(answer: AppAnswer): AppTwiml {
  if (!answer.ok) return { ok: false, why: answer.message };
  if (answer.body.trim() === '') return { ok: true, doc: { verbs: [], attributes: {} } };
  try {
    return { ok: true, doc: parseTwiml(answer.body) };
  } catch (err) {
    return { ok: false, why: `application answered something that is not TwiML: ${(err as Error).message}` };
  }
}

/** TWILIO_APP_URL + the webhook's path + its query (without our own token). */
export function appWebhookUrl(t: TwilioContext, path: string, query: URLSearchParams): string | undefined {
  if (!t.appUrl) return undefined;
  const qs = query.toString();
  return `${t.appUrl}${path}${qs ? `?${qs}` : ''}`;
}
