/**
 * API-key authentication (a Bearer header, or a console session's key), scopes and rate limits for the /v1 API.
 */
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiScope } from '../domain/vocabulary';
import type { ApiKey } from '../domain/records';
import { AppError } from '../errors';
import { bearerToken } from '../gate/bearerToken';
import { consoleSessionKey } from '../gate/consoleSessions';
import type { GateContext } from '../gate/context';
import { authenticate, requireScope } from '../gate/tenants';
import { consoleCallerOf } from './consoleCaller';
import type { TokenBuckets } from './rateLimit';

declare module 'express-serve-static-core' {
  interface Request {
    apiKey: ApiKey;
  }
}

export interface RateLimits {
  perMinute: number;
  /** Opt-outs are limited only above this floor (an opt-out is never rate limited below it: a refused opt-out is a consumer not heard). */
  revokeFloorPerMinute: number;
}

/**
 * The key a request is made as, checked for scope and rate: what every /v1 request passes first, on
 * either lane. The key is its Authorization header's, or, for a request the console's API door
 * forwarded (consoleCaller.ts), its session's, found by id and held to the same checks.
 */
export type Authorizer = (scope: ApiScope | 'any', optOut: boolean, req: IncomingMessage) => Promise<ApiKey>;

export function authorizer(ctx: GateContext, buckets: TokenBuckets, limits: RateLimits): Authorizer {
  return async (scope, optOut, req) => {
    const ip = req.socket.remoteAddress;
    const session = consoleCallerOf(req);
    const key = session ? await consoleSessionKey(ctx, session, ip) : await authenticate(ctx, bearerToken(req.headers.authorization), ip);
    if (scope !== 'any') requireScope(key, scope);
    const perMinute = optOut
      ? Math.max(limits.revokeFloorPerMinute, key.rate_limit_per_minute ?? limits.perMinute)
      : (key.rate_limit_per_minute ?? limits.perMinute);
    const wait = buckets.take(optOut ? `revoke:${key.id}` : key.id, perMinute);
    if (wait > 0) throw new AppError('RATE_LIMITED', undefined, undefined, { 'Retry-After': String(wait) });
    return key;
  };
}

/** The authorizer as express middleware: sets `req.apiKey`. */
export function requireKey(authorize: Authorizer) {
  return (scope: ApiScope | 'any', options: { optOut?: boolean } = {}): RequestHandler =>
    async (req: Request, _res: Response, next: NextFunction) => {
      req.apiKey = await authorize(scope, options.optOut ?? false, req);
      next();
    };
}
