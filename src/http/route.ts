/**
 * A route of the /v1 API declared once: method, path, scope, schemas and
 * handler. The app mounts these declarations and /openapi.json is generated
 * from the same list, so the documentation cannot drift from the validation.
 */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ApiScope } from '../domain/vocabulary';
import type { ApiKey } from '../domain/records';

export interface RouteResult {
  status?: number;
  body: unknown;
  /** `body` already serialised (JSON.stringify's bytes), when the use case made it anyway: sent as it is. */
  json?: string;
  headers?: Record<string, string>;
}

/** What a handler reads of its request, on either lane (express, or the fast lane of fastLane.ts). */
export interface RouteRequest {
  apiKey: ApiKey;
  params: Record<string, string | string[]>;
  requestId: string;
}

/** Express's own request and response, for the few handlers that answer in another shape than JSON (absent on the fast lane). */
export interface ExpressExchange {
  req: Request;
  res: Response;
}

export interface ApiRoute<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'delete';
  /** Express path syntax (`/v1/consents/:id`). */
  path: string;
  summary: string;
  /** The scope a key needs; 'any': any valid key of the org. Every /v1 route needs a key. */
  scope: ApiScope | 'any';
  optOut?: boolean;
  body?: B;
  query?: Q;
  /** The shape of a 200 answer, for /openapi.json only (answers are not validated against it). */
  response?: z.ZodType;
  /** Content type of the body when it is not JSON (CSV import). */
  rawBody?: string;
  /**
   * With `rawBody`: the body is not read ahead; the handler reads `http.req` as it arrives (a
   * do-not-call list of hundreds of megabytes). A body of another content type is refused first.
   */
  streamBody?: boolean;
  /**
   * The use case. Returns the answer, or sends it itself through `http` and returns nothing.
   * POST routes with a JSON body and no path parameters are served on the fast lane, without `http`.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answers through `http` is an async function returning nothing
  handler(req: RouteRequest, input: { body: z.output<B>; query: z.output<Q>; raw?: Buffer }, http?: ExpressExchange): Promise<RouteResult | void>;
}

export function route<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(r: ApiRoute<B, Q>): ApiRoute {
  return r as unknown as ApiRoute;
}
