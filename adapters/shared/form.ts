/**
 * `application/x-www-form-urlencoded` bodies (Twilio REST requests and
 * webhooks, Telnyx TeXML webhooks), parsed once at the edge.
 *
 * Pairs keep their order and repeats, so a body we only add to goes back
 * upstream as the client sent it. `params` is the shape twilio's
 * `validateRequest`/`getExpectedTwilioSignature` take: a repeated key
 * becomes an array.
 */
import { MalformedFormError } from '../../src/errors';

export type FormParams = Record<string, string | string[]>;

export interface Form {
  pairs: [string, string][];
  params: FormParams;
}

/** A `%` not followed by two hex digits: URLSearchParams would keep it silently; we refuse it. */
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/;

export function parseForm(body: string): Form {
  if (BAD_ESCAPE.test(body)) throw new MalformedFormError('malformed percent-encoding in form body');
  for (const piece of body.split('&')) {
    // decodeURIComponent throws on escapes that are not UTF-8 (e.g. `%E0%A4`).
    try {
      decodeURIComponent(piece.replace(/\+/g, ' '));
    } catch {
      throw new MalformedFormError('form body is not valid UTF-8');
    }
  }
  const pairs = [...new URLSearchParams(body)] as [string, string][];
  return { pairs, params: paramsOf(pairs) };
}

export function paramsOf(pairs: readonly [string, string][]): FormParams {
  const params: FormParams = {};
  for (const [k, v] of pairs) {
    const prev = params[k];
    if (prev === undefined) params[k] = v;
    else params[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return params;
}

/** The first value of a key. */
export function first(params: FormParams, key: string): string | undefined {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export function serializeForm(pairs: readonly [string, string][]): string {
  return new URLSearchParams(pairs as [string, string][]).toString();
}

/** The pairs with `key` set to `value` (replacing every earlier value, in the first one's place), or removed when value is undefined. */
export function withParam(pairs: readonly [string, string][], key: string, value: string | undefined): [string, string][] {
  const out: [string, string][] = [];
  let placed = false;
  for (const [k, v] of pairs) {
    if (k !== key) out.push([k, v]);
    else if (!placed && value !== undefined) {
      out.push([k, value]);
      placed = true;
    }
  }
  if (!placed && value !== undefined) out.push([key, value]);
  return out;
}

export function isFormContentType(contentType: string | undefined): boolean {
  return !!contentType && /^application\/x-www-form-urlencoded\b/i.test(contentType.trim());
}
