/**
 * The body of a gated Telnyx request, read once at the edge. Telnyx's v2 API
 * takes JSON (the SDK always sends it); TeXML's Twilio-compatible endpoints
 * also take form bodies. Either way the gate reads a few fields and may set a
 * few (the call's webhook URL, the TeXML document), and everything else goes
 * upstream as the client wrote it.
 */
import type { IncomingMessage } from 'node:http';
import type { HttpAnswer } from '../shared/carrier';
import { first, isFormContentType, parseForm, serializeForm, withParam, type Form } from '../shared/form';
import { BodyTooLargeError, MalformedFormError } from '../../src/errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/http/jsonDepth';
import { readBody } from '../../src/http/rawBody';
import { jsonTopLevelKeys } from '../shared/requestShape';
import { badRequest, TELNYX_ERRORS } from './errors';

/** Read and (perhaps) amended: the fields by their wire names, and the bytes to send upstream. */
export interface GatedBody {
  get(key: string): unknown;
  /** A string field, or undefined when absent or not a string. */
  text(key: string): string | undefined;
  set(key: string, value: unknown): void;
  /** The top-level field names as sent, in order, repeats kept: what the parsed view hides. */
  names(): string[];
  /** JSON objects never legitimately repeat a key; form bodies may (a list field). */
  json: boolean;
  changed: boolean;
  /** The body to forward: the original bytes unless a field was set. */
  bytes(): Buffer;
}

export type JsonObject = Record<string, unknown>;

function jsonBody(raw: Buffer, value: JsonObject): GatedBody {
  return {
    changed: false,
    json: true,
    names: () => jsonTopLevelKeys(raw.toString('utf8')),
    get: (key) => value[key],
    text: (key) => (typeof value[key] === 'string' ? (value[key] as string) : undefined),
    set(key, v) {
      if (v === undefined) delete value[key];
      else value[key] = v;
      this.changed = true;
    },
    bytes() {
      return this.changed ? Buffer.from(JSON.stringify(value), 'utf8') : raw;
    },
  };
}

function formBody(raw: Buffer, form: Form): GatedBody {
  let pairs = form.pairs;
  return {
    changed: false,
    json: false,
    names: () => form.pairs.map(([k]) => k),
    get: (key) => first(form.params, key),
    text: (key) => pairs.find(([k]) => k === key)?.[1],
    set(key, v) {
      pairs = withParam(pairs, key, v === undefined ? undefined : String(v));
      this.changed = true;
    },
    bytes() {
      return this.changed ? Buffer.from(serializeForm(pairs), 'utf8') : raw;
    },
  };
}

function isJsonContentType(contentType: string | undefined): boolean {
  return !!contentType && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

/**
 * The body as a GatedBody, or the refusal to answer. `allowForm` for TeXML.
 * A gated request we cannot read is refused, never forwarded unread.
 */
export async function readGatedBody(req: IncomingMessage, limitBytes: number, allowForm = false): Promise<GatedBody | HttpAnswer> {
  const type = req.headers['content-type'];
  const json = isJsonContentType(type);
  const form = allowForm && isFormContentType(type);
  if (!json && !form) {
    return badRequest(`Consent Gate expects an application/json${allowForm ? ' or application/x-www-form-urlencoded' : ''} body, as Telnyx does`);
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, limitBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return badRequest('Request body too large', TELNYX_ERRORS.tooLarge);
    throw err;
  }
  if (form) {
    try {
      return formBody(raw, parseForm(raw.toString('utf8')));
    } catch (err) {
      if (err instanceof MalformedFormError) return badRequest(`Malformed form body: ${err.message}`);
      throw err;
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return badRequest('The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRequest('The request body must be a JSON object');
  // Refused here, before the gate: re-serialising the body to forward it would overflow the stack after the decision.
  if (nestsDeeperThan(value)) return badRequest(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  return jsonBody(raw, value as JsonObject);
}

/** `to` as Telnyx takes it: one number, or (dial, group MMS) an array of them. */
export function recipients(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}
