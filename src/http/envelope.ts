/**
 * The error envelope and request ids. Every error leaves here as
 * `{ success: false, error: { code, message, request_id, details? } }` with
 * the request id also in `X-Request-Id` — never a stack trace.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomToken } from '../domain/ids';
import { AppError, ERROR_CODES, LedgerUnavailableError, UnreadableCursorError, type ErrorCode } from '../errors';
import type { Logger } from '../observability/logger';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

const INBOUND_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The caller's own request id when it is well formed, else a fresh one. */
export function requestIdFor(inbound: string | undefined): string {
  return inbound && INBOUND_ID.test(inbound) ? inbound : 'req_' + randomToken(20);
}

/** A JSON answer to send, independent of the HTTP framework that sends it. */
export interface JsonAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** `body` already serialised (JSON.stringify's bytes): sent instead of serialising it again. */
  json?: string;
}

export function errorAnswer(code: ErrorCode, requestId: string, message?: string, details?: Record<string, string>): JsonAnswer {
  return {
    status: ERROR_CODES[code].status,
    body: { success: false, error: { code, message: message ?? ERROR_CODES[code].message, request_id: requestId, ...(details ? { details } : {}) } },
  };
}

export function sendError(res: Response, req: Request, code: ErrorCode, message?: string, details?: Record<string, string>): void {
  sendJson(res, errorAnswer(code, req.requestId, message, details));
}

/**
 * Turns anything thrown into the envelope. Store failures are 503: decisions fail closed.
 * `route` names the route for the ledger-error metric.
 */
export function answerForThrown(err: unknown, requestId: string, route: string, logger: Logger, onLedgerError?: (route: string) => void): JsonAnswer {
  if (err instanceof AppError) return { ...errorAnswer(err.code, requestId, err.message, err.details), headers: err.headers };
  if (err instanceof UnreadableCursorError) return errorAnswer('VALIDATION_FAILED', requestId, undefined, { after: err.message });
  if (err instanceof LedgerUnavailableError) {
    onLedgerError?.(route);
    logger.error({ request_id: requestId, err: err.message }, 'ledger unavailable');
    return errorAnswer('UNAVAILABLE', requestId);
  }
  // The router decodes path parameters with decodeURIComponent, which throws on a stray `%`.
  if (err instanceof URIError) return errorAnswer('VALIDATION_FAILED', requestId, undefined, { path: 'has malformed percent-encoding' });
  const e = err as { type?: string; status?: number; message?: string; code?: unknown };
  // body-parser's own errors: oversized and malformed bodies.
  if (e.type === 'entity.too.large') return errorAnswer('PAYLOAD_TOO_LARGE', requestId, 'request body is too large');
  if (e.type === 'entity.parse.failed') return errorAnswer('VALIDATION_FAILED', requestId, undefined, { body: 'is not valid JSON' });
  // zlib's, passed on by body-parser untyped: a body that does not inflate as its Content-Encoding says
  // (gzip and deflate fail with Z_… codes, brotli with ERR__ERROR_… or ERR_BROTLI…).
  if (typeof e.code === 'string' && /^(Z_|ERR__ERROR|ERR_BROTLI)/.test(e.code))
    return errorAnswer('VALIDATION_FAILED', requestId, undefined, { body: 'does not decompress as its Content-Encoding says' });
  if (e.type && e.status && e.status < 500) return errorAnswer('VALIDATION_FAILED', requestId, undefined, { body: e.message ?? 'unreadable body' });
  logger.error({ request_id: requestId, err }, 'unhandled error');
  return errorAnswer('INTERNAL', requestId);
}

/**
 * Every /v1 JSON answer and error leaves through here, on either lane, so the bytes cannot depend
 * on the lane: as express's res.json sends it (the same Content-Type, a Content-Length, no ETag).
 */
export function sendJson(res: ServerResponse, answer: JsonAnswer): void {
  if (res.headersSent || res.destroyed) return;
  const payload = answer.json ?? JSON.stringify(answer.body);
  for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
  if (res.req && bodyStillComing(res.req)) res.setHeader('Connection', 'close');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.statusCode = answer.status;
  res.end(payload);
}

/**
 * Whether a request is answered before its body has arrived (no key, a bad path, too large). Its
 * connection is then closed rather than kept alive, which would mean reading, for nothing, a body
 * that may be gigabytes long or dribbled in a byte at a time. A request without a body is not
 * `complete` until its handler returns either, hence the framing headers.
 */
function bodyStillComing(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function errorHandler(logger: Logger, onLedgerError?: (route: string) => void): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    sendJson(res, answerForThrown(err, req.requestId, req.route?.path ?? req.path, logger, onLedgerError));
  };
}

export const notFoundRoute: RequestHandler = (req, res) => sendError(res, req, 'NOT_FOUND', 'no such route');
