/**
 * Forwards one client request to a carrier's real API and streams the answer
 * back verbatim (status, headers, body). Bodies are piped, never buffered, so
 * a recording download or a large list passes through in constant memory;
 * a gated request whose body the gateway has read (and perhaps amended)
 * passes it as a Buffer instead.
 *
 * Bounded: no answer headers within `timeoutMs` → `timeout`; a connection
 * that cannot be made → `unreachable`. Either is handed to `onFailure`, which
 * answers in the carrier's own error dialect (the request may or may not have
 * reached the carrier: the caller decides what to say). Once streaming has
 * begun, an idle socket of `timeoutMs` ends the response.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Metrics } from '../../src/observability/metrics';
import { CONSENT_HEADER_PREFIX } from './consentHeaders';
import { encodePath, readRequestTarget, type AcceptedTarget } from './requestPath';

export interface UpstreamTarget {
  /** `https://api.twilio.com`, or an emulator's `http://127.0.0.1:port`. A path in it is kept as a prefix. */
  base: string;
  /** Metrics label: `twilio_api`, `telnyx_api`… */
  label: string;
  timeoutMs: number;
}

export interface ForwardRequest {
  method: string;
  /** The path and query as the lane accepted them (requestPath.ts): what was routed and gated is what is sent. */
  target: AcceptedTarget;
  headers: IncomingHttpHeaders;
  /** A Buffer replaces the body (gated requests); a stream is piped (pass-through). */
  body?: Buffer | IncomingMessage;
}

/** `message` is for the log only: a network error's text names hosts and ports, and is never shown to the client. */
export type ForwardFailure = { kind: 'timeout' | 'unreachable'; message: string };

/** What a client may be told about a failure. */
export function failureSummary(failure: ForwardFailure): string {
  return failure.kind === 'timeout' ? 'no answer in time' : 'no connection';
}

/** Connection-level headers (RFC 9110 §7.6.1) are the hop's own and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export function upstreamHeaders(headers: IncomingHttpHeaders, replacedBody?: Buffer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const named = new Set(
    (headers.connection ?? '')
      .toString()
      .toLowerCase()
      .split(',')
      .map((s) => s.trim()),
  );
  for (const [k, v] of Object.entries(headers)) {
    const key = k.toLowerCase();
    if (v === undefined || HOP_BY_HOP.has(key) || named.has(key) || key === 'host') continue;
    if (key.startsWith(CONSENT_HEADER_PREFIX)) continue;
    if (replacedBody && key === 'content-length') continue;
    out[k] = v;
  }
  if (replacedBody) out['content-length'] = String(replacedBody.length);
  return out;
}

function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) out[k] = v;
  return out;
}

/**
 * The base URL with the target's path (after the base's own path) and query
 * set on it. Client input is never parsed as a URL, so it cannot name
 * another host; and should the result still leave the base (a dot segment
 * resolved away, a different origin), nothing is sent.
 */
export function targetUrl(base: string, target: AcceptedTarget): URL {
  const url = new URL(base);
  const origin = url.origin;
  const pathname = url.pathname.replace(/\/+$/, '') + encodePath(target.path);
  url.pathname = pathname;
  url.search = target.query ? `?${target.query}` : '';
  url.hash = '';
  if (url.origin !== origin || url.pathname !== pathname) throw new Error(`refusing to forward outside the configured upstream ${origin}`);
  return url;
}

/** For requests the gateway makes itself: the same policy as a client's path, and the same URL building. */
export function upstreamUrl(base: string, pathAndQuery: string): URL {
  const reading = readRequestTarget(pathAndQuery);
  if (!reading.ok) throw new Error(`refusing an upstream path: ${reading.reason}`);
  return targetUrl(base, reading);
}

export function forward(
  target: UpstreamTarget,
  request: ForwardRequest,
  res: ServerResponse,
  metrics: Metrics,
  onFailure: (failure: ForwardFailure) => void,
): Promise<void> {
  const url = targetUrl(target.base, request.target);
  const replaced = Buffer.isBuffer(request.body) ? request.body : undefined;
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<void>((resolve) => {
    let settled = false;
    const fail = (failure: ForwardFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      upstream.destroy();
      metrics.upstreamErrors.inc({ target: target.label });
      if (!res.headersSent) onFailure(failure);
      else res.destroy();
      resolve();
    };
    const upstream = transport.request(url, { method: request.method, headers: upstreamHeaders(request.headers, replaced) });
    const timer = setTimeout(() => fail({ kind: 'timeout', message: `no answer from ${url.origin} within ${target.timeoutMs} ms` }), target.timeoutMs);
    upstream.on('error', (err) => fail({ kind: 'unreachable', message: err.message }));
    upstream.on('response', (answer) => {
      if (settled) return answer.resume();
      clearTimeout(timer);
      settled = true;
      metrics.upstreamSeconds.observe({ target: target.label, status_class: `${Math.floor((answer.statusCode ?? 0) / 100)}xx` }, seconds());
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(answer.headers));
      // A stalled download is cut rather than holding the client forever.
      let idle = setTimeout(() => answer.destroy(), target.timeoutMs);
      answer.on('data', () => {
        clearTimeout(idle);
        idle = setTimeout(() => answer.destroy(), target.timeoutMs);
      });
      const done = () => {
        clearTimeout(idle);
        resolve();
      };
      answer.pipe(res);
      answer.on('error', () => res.destroy());
      answer.on('end', done);
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
        done();
      });
    });
    // The client went away: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (replaced) upstream.end(replaced);
    else if (request.body && !Buffer.isBuffer(request.body)) request.body.pipe(upstream);
    else upstream.end();
  });
}
