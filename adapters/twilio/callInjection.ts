/**
 * An allowed AI-voice or automated-voice call gets its disclosure before the
 * request reaches Twilio (docs/twilio.md):
 *
 * - `Twiml` given inline: the disclosure Gather is put first in it.
 * - `Url` given: `Url` becomes the gateway's `/twilio/voice`, carrying the
 *   original URL and method, the decision and the script in a signed token;
 *   when Twilio fetches it, the gateway fetches the application's TwiML and
 *   answers with the disclosure first. `FallbackUrl` is treated the same, so
 *   the fallback path cannot skip the disclosure either.
 * - `ApplicationSid` (TwiML App) or nothing: there is no document we can put
 *   the disclosure into, so the call is refused (fail closed) — use `Url` or
 *   `Twiml` for AI calls.
 */
import { renderTwiml, parseTwiml } from '../twiml';
import { TwimlError } from '../../src/errors';
import { first, withParam, type FormParams } from '../shared/form';
import { gatewayUrl, WEBHOOK_PATHS, type TwilioContext } from './context';
import { disclosedDoc, gatedCallDoc } from './callTwiml';
import { withTranscription } from './transcriptionStart';
import { methodOf, senderClaims, TOKEN_KINDS, type PartyClaims } from './tokens';

export type Injection = { ok: true; pairs: [string, string][] } | { ok: false; message: string; field: string };

/** `listenFor`: the account SID when the call is to be transcribed (see `transcriptionStart.ts`), else undefined. */
export function injectDisclosure(
  t: TwilioContext,
  pairs: [string, string][],
  params: FormParams,
  party: PartyClaims,
  script: string,
  listenFor?: string,
): Injection {
  const inline = first(params, 'Twiml');
  const url = first(params, 'Url');
  if (inline !== undefined) {
    let appDoc;
    try {
      appDoc = gatedCallDoc(t, parseTwiml(inline), party);
    } catch (err) {
      if (!(err instanceof TwimlError)) throw err;
      return { ok: false, field: 'Twiml', message: `Twiml is not a valid TwiML document (${err.message}); Consent Gate cannot put the AI disclosure in it` };
    }
    // A digit other than 9 continues with the application's own verbs, carried in the gather token.
    const doc = withTranscription(t, disclosedDoc(t, appDoc, script, { ...party, t: renderTwiml(appDoc) }), party, listenFor);
    return { ok: true, pairs: withParam(pairs, 'Twiml', renderTwiml(doc)) };
  }
  if (url !== undefined) return urlsThroughGateway(t, pairs, params, party, script, listenFor);
  if (first(params, 'ApplicationSid') !== undefined) {
    return {
      ok: false,
      field: 'ApplicationSid',
      message: 'Consent Gate cannot put the required AI disclosure into a call placed with ApplicationSid; pass Url or Twiml instead',
    };
  }
  return { ok: false, field: 'Url', message: 'Url or Twiml is required: Consent Gate must put the AI disclosure at the start of the call' };
}

/**
 * `Url` (and `FallbackUrl`) pointed at `/twilio/voice`, carrying the original
 * URL and method in a signed token, so the gateway fetches the application's
 * TwiML itself when Twilio asks for it: to speak `script` first, when there
 * is one, and always to check whom that TwiML dials.
 */
export function urlsThroughGateway(
  t: TwilioContext,
  pairs: [string, string][],
  params: FormParams,
  party: PartyClaims,
  script?: string,
  listenFor?: string,
): Injection {
  let out = pairs;
  for (const [urlKey, methodKey] of [
    ['Url', 'Method'],
    ['FallbackUrl', 'FallbackMethod'],
  ] as const) {
    const url = first(params, urlKey);
    // An empty FallbackUrl is no fallback; an empty Url is no URL, and refused below.
    if (url === undefined || (url === '' && urlKey === 'FallbackUrl')) continue;
    if (!isHttpUrl(url)) return { ok: false, field: urlKey, message: `${urlKey} is not a valid absolute http(s) URL: ${url}` };
    const token = t.signer.sign(TOKEN_KINDS.voice, {
      ...senderClaims(party),
      u: url,
      m: methodOf(first(params, methodKey)),
      ...(script ? { s: script } : {}),
      ...(listenFor ? { tr: listenFor } : {}),
    });
    out = withParam(withParam(out, urlKey, gatewayUrl(t, WEBHOOK_PATHS.voice, token)), methodKey, 'POST');
  }
  return { ok: true, pairs: out };
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
