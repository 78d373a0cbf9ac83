/**
 * Bearer-key authentication, scopes and rate limits for the /v1 API.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiScope } from '../domain/vocabulary';
import type { ApiKey } from '../domain/records';
import { AppError } from '../errors';
import { bearerToken } from '../gate/bearerToken';
import type { GateContext } from '../gate/context';
import { authenticate, requireScope } from '../gate/tenants';
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

/** The key behind an Authorization header, checked for scope and rate: what every /v1 request passes first, on either lane. */
export type Authorizer = (scope: ApiScope | 'any', optOut: boolean, authorization: string | undefined, remoteAddress: string | undefined) => Promise<ApiKey>;

export function authorizer(ctx: GateContext, buckets: TokenBuckets, limits: RateLimits): Authorizer {
  return async (scope, optOut, authorization, remoteAddress) => {
    const key = await authenticate(ctx, bearerToken(authorization), remoteAddress);
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
      req.apiKey = await authorize(scope, options.optOut ?? false, req.get('authorization'), req.socket.remoteAddress);
      next();
    };
}
