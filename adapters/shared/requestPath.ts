/**
 * The one reading of a client's request target that routing, gating and
 * forwarding share, so the gate decides on exactly the path the carrier
 * will be sent. A target is either refused or accepted as `{ path, query }`:
 * `path` with its percent-escapes decoded (Twilio and Telnyx decode them
 * too: `/%43alls` is `/Calls`), `query` as the client sent it.
 *
 * Refused, because a carrier, a URL parser or a proxy on the way could
 * read them as a different path (or host) than the gate did:
 * - anything but origin-form (`http://host/…`, `*`);
 * - empty segments (`//`), `.` and `..` segments, raw or percent-encoded,
 *   and segments ending in a dot (`Calls.json.`);
 * - encoded `/`, `\` or `%` (a second decoding would change the path);
 * - raw or encoded: `\`, `@`, `#`, `?` (only the query's own `?` is raw),
 *   `;` (some servers cut a segment at it: `Calls.json;x` could be a create
 *   the gate did not recognise), spaces, control characters and anything
 *   outside ASCII (a server that normalises Unicode could read `ｃalls` as
 *   `calls`). No carrier path needs them;
 * - malformed percent-encoding.
 * A trailing slash is not an empty segment: the carriers accept it.
 */
import type { IncomingMessage } from 'node:http';
import type { HttpAnswer } from './httpAnswer';

export interface AcceptedTarget {
  /** Decoded, every segment non-empty (but the last) and no dot segment. */
  path: string;
  /** After the `?`, as sent (empty when there is none). */
  query: string;
}

export type TargetReading = ({ ok: true } & AcceptedTarget) | { ok: false; reason: string };

const refuse = (reason: string): TargetReading => ({ ok: false, reason });

/** Printable ASCII but `#`, `@` and `\`: what a raw path may hold (`;` and the rest are caught once decoded). */
const RAW_PATH = /^[\x21\x22\x24-\x3f\x41-\x5b\x5d-\x7e]*$/;
const MALFORMED_ESCAPE = /%(?![0-9a-fA-F]{2})/;
/** Escapes of `/`, `\`, `%`: once decoded they would read as (or make) path syntax. */
const SYNTAX_ESCAPE = /%(?:2f|5c|25)/i;
/** What a decoded path may not hold: anything but printable ASCII, and `#`, `;`, `?`, `@`, `\`. */
const DECODED_FORBIDDEN = /[^\x21-\x7e]|[#;?@\\]/;

export function readRequestTarget(target: string): TargetReading {
  if (!target.startsWith('/')) return refuse('the request target must be a path starting with /');
  const mark = target.indexOf('?');
  const rawPath = mark === -1 ? target : target.slice(0, mark);
  const query = mark === -1 ? '' : target.slice(mark + 1);
  if (!RAW_PATH.test(rawPath)) return refuse('the path holds a character a path may not (\\, @, #, a space, a control character or non-ASCII)');
  if (MALFORMED_ESCAPE.test(rawPath)) return refuse('the path is not valid percent-encoding');
  if (SYNTAX_ESCAPE.test(rawPath)) return refuse('the path encodes a slash, backslash or %');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse('the path is not valid percent-encoding');
  }
  if (DECODED_FORBIDDEN.test(path))
    return refuse('the path holds, raw or encoded, a character no carrier path holds (\\, @, #, ?, ;, a space, a control character or non-ASCII)');
  const segments = path.split('/').slice(1);
  if (segments.slice(0, -1).some((s) => s === '')) return refuse('the path has an empty segment (//)');
  if (segments.some((s) => s === '.' || s === '..')) return refuse('the path has a . or .. segment');
  // Some servers drop a segment's trailing dots (`Calls.json.` read as `Calls.json`), past a gate that matched exactly.
  if (segments.some((s) => s.endsWith('.'))) return refuse('a path segment ends with a dot');
  return { ok: true, path, query };
}

/** Escapes of characters RFC 3986 allows raw in a segment (sub-delims, `:`) that encodeURIComponent still escapes. */
const SEGMENT_SAFE_ESCAPE = /%(?:24|26|2B|2C|3D|3A)/g;

/** The path as sent upstream: each segment re-encoded, so the carrier decodes it back to `path` and nothing else. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(SEGMENT_SAFE_ESCAPE, (encoded) => decodeURIComponent(encoded)))
    .join('/');
}

/**
 * Which carrier lane answers a request is decided from a forgiving reading
 * of its target (escapes decoded, `\` as `/`, slashes collapsed, dot
 * segments resolved, any case), so a hostile spelling of a carrier path is
 * refused in that carrier's dialect rather than left to another handler.
 * Never used to route or forward: that is `readRequestTarget`'s.
 */
export function looselyUnder(target: string, prefix: string): boolean {
  if (target.startsWith(prefix)) return true;
  let path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '');
  const mark = path.indexOf('?');
  if (mark !== -1) path = path.slice(0, mark);
  for (let round = 0; round < 3 && path.includes('%'); round++) {
    path = path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  const segments = path.replace(/\\/g, '/').split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.' && segment !== '') resolved.push(segment);
  }
  const trailing = ['', '.', '..'].includes(segments.at(-1) ?? '') ? '/' : '';
  return `/${resolved.join('/')}${trailing}`.toLowerCase().startsWith(prefix.toLowerCase());
}

/**
 * The target a carrier lane accepted, kept with its request so the gated
 * handlers forward exactly the path that was routed and gated, not `req.url`.
 */
const accepted = new WeakMap<IncomingMessage, AcceptedTarget>();

export function acceptRequestTarget(req: IncomingMessage): TargetReading {
  const reading = readRequestTarget(req.url ?? '');
  if (reading.ok) accepted.set(req, { path: reading.path, query: reading.query });
  return reading;
}

export function acceptedTargetOf(req: IncomingMessage): AcceptedTarget {
  const target = accepted.get(req);
  // Only a lane that read the target may forward it; anything else is a wiring mistake, and nothing is sent.
  if (!target) throw new Error('the request target was never accepted; refusing to forward');
  return target;
}

/** A refused target's answer closes the connection, so its unread body is dropped with the socket rather than read. */
export function closingConnection(answer: HttpAnswer): HttpAnswer {
  return { ...answer, headers: { ...answer.headers, connection: 'close' } };
}
