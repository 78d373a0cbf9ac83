/**
 * The request id and access-log line every answer gets, whichever lane
 * serves it (express's middleware in app.ts does the same for its own).
 * The path only: query strings may carry phone numbers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { requestIdFor } from './envelope';

// A request line holds no field the logger redacts (an id, a method, a path, a status, a time), yet a
// redaction with a wildcard path sends every value of every line through a stringifier of its own:
// request lines go through a child that redacts nothing (the same bindings, destination and level,
// which a child reads from its parent), so they come out byte for byte as before.
const unredacted = new WeakMap<Logger, Logger>();

function requestLogger(logger: Logger): Logger {
  let child = unredacted.get(logger);
  if (!child) {
    child = logger.child({}, { redact: [] });
    unredacted.set(logger, child);
  }
  return child;
}

export function logRequest(logger: Logger, requestId: string, method: string, path: string, status: number, started: bigint): void {
  requestLogger(logger).info({ request_id: requestId, method, path, status, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
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
