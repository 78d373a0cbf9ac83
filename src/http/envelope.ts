/**
 * The error envelope (SPEC §2) and request ids. Every error leaves here as
 * `{ success: false, error: { code, message, request_id, details? } }` with
 * the request id also in `X-Request-Id` — never a stack trace.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { randomToken } from '../domain/ids';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors';
import { LedgerUnavailableError } from '../ledger/ledger';
import type { Logger } from '../observability/logger';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

const INBOUND_ID = /^[A-Za-z0-9_\-]{8,64}$/;

export const requestId: RequestHandler = (req, res, next) => {
  const inbound = req.get('x-request-id');
  req.requestId = inbound && INBOUND_ID.test(inbound) ? inbound : 'req_' + randomToken(20);
  res.setHeader('X-Request-Id', req.requestId);
  next();
};

export function sendError(res: Response, req: Request, code: ErrorCode, message?: string, details?: Record<string, string>): void {
  res.status(ERROR_CODES[code].status).json({
    success: false,
    error: { code, message: message ?? ERROR_CODES[code].message, request_id: req.requestId, ...(details ? { details } : {}) },
  });
}

/** Turns anything thrown into the envelope. Store failures are 503: decisions fail closed. */
export function errorHandler(logger: Logger, onLedgerError?: (route: string) => void): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (err instanceof AppError) {
      if (err.headers) for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      return sendError(res, req, err.code, err.message, err.details);
    }
    if (err instanceof LedgerUnavailableError) {
      onLedgerError?.(req.route?.path ?? req.path);
      logger.error({ request_id: req.requestId, err: err.message }, 'ledger unavailable');
      return sendError(res, req, 'UNAVAILABLE');
    }
    const e = err as { type?: string; status?: number; message?: string };
    // body-parser's own errors: oversized and malformed bodies.
    if (e.type === 'entity.too.large') return sendError(res, req, 'PAYLOAD_TOO_LARGE', 'request body is too large');
    if (e.type === 'entity.parse.failed') return sendError(res, req, 'VALIDATION_FAILED', undefined, { body: 'is not valid JSON' });
    if (e.type && e.status && e.status < 500) return sendError(res, req, 'VALIDATION_FAILED', undefined, { body: e.message ?? 'unreadable body' });
    logger.error({ request_id: req.requestId, err }, 'unhandled error');
    return sendError(res, req, 'INTERNAL');
  };
}

export const notFoundRoute: RequestHandler = (req, res) => sendError(res, req, 'NOT_FOUND', 'no such route');
