/**
 * The request id and access-log line every answer gets, whichever lane
 * serves it (express's middleware in app.ts does the same for its own).
 * The path only: query strings may carry phone numbers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { requestIdFor } from './envelope';

export function logRequest(logger: Logger, requestId: string, method: string, path: string, status: number, started: bigint): void {
  logger.info({ request_id: requestId, method, path, status, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
}

/** Gives a request served outside express its id (X-Request-Id) and its access-log line on finish; returns the id. */
export function tagRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, path: string): string {
  const started = process.hrtime.bigint();
  const inbound = req.headers['x-request-id'];
  const requestId = requestIdFor(typeof inbound === 'string' ? inbound : undefined);
  res.setHeader('X-Request-Id', requestId);
  res.once('finish', () => logRequest(logger, requestId, req.method ?? 'GET', path, res.statusCode, started));
  return requestId;
}
