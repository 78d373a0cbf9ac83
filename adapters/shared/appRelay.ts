/**
 * The one place the gateway talks to the customer's application over HTTP:
 * relayed webhooks and TwiML/TeXML fetches. Bounded in time and size, so a
 * slow or chatty application cannot hold a carrier webhook past the
 * carrier's own timeout; every failure comes back as a value, so the caller
 * can still give the carrier a valid answer.
 */
import { BodyTooLargeError } from '../../src/errors';
import type { Metrics } from '../../src/observability/metrics';

export interface AppRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface AppRelayOptions {
  timeoutMs: number;
  /** Answers larger than this are refused (TwiML is a few KB). */
  maxBytes?: number;
  metrics: Metrics;
  /** Metrics label, e.g. `twilio_app`. */
  label: string;
}

export type AppAnswer =
  | { ok: true; status: number; contentType: string | undefined; body: string }
  | { ok: false; reason: 'timeout' | 'unreachable' | 'too_large' | 'http_error'; status?: number; message: string; body?: string };

export const DEFAULT_APP_MAX_BYTES = 256 * 1024;

export async function callApplication(request: AppRequest, options: AppRelayOptions): Promise<AppAnswer> {
  const started = process.hrtime.bigint();
  const maxBytes = options.maxBytes ?? DEFAULT_APP_MAX_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const observe = (statusClass: string) =>
    options.metrics.upstreamSeconds.observe({ target: options.label, status_class: statusClass }, Number(process.hrtime.bigint() - started) / 1e9);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'POST' ? request.body : undefined,
      signal,
    });
  } catch (err) {
    options.metrics.upstreamErrors.inc({ target: options.label });
    const timedOut = signal.aborted;
    return { ok: false, reason: timedOut ? 'timeout' : 'unreachable', message: timedOut ? `no answer within ${options.timeoutMs} ms` : (err as Error).message };
  }
  let body: string;
  try {
    body = await readLimited(response, maxBytes);
  } catch (err) {
    options.metrics.upstreamErrors.inc({ target: options.label });
    if (err instanceof BodyTooLargeError) return { ok: false, reason: 'too_large', status: response.status, message: `answer larger than ${maxBytes} bytes` };
    return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable', message: (err as Error).message };
  }
  observe(`${Math.floor(response.status / 100)}xx`);
  if (response.status < 200 || response.status >= 300) {
    // The body is kept: an error answer often says why (a carrier's error code, for one).
    return { ok: false, reason: 'http_error', status: response.status, message: `application answered HTTP ${response.status}`, body };
  }
  return { ok: true, status: response.status, contentType: response.headers.get('content-type') ?? undefined, body };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw new BodyTooLargeError();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
