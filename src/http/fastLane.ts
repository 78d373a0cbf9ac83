/**
 * The fast lane: POST routes with a JSON body and no path parameters —
 * above all /v1/precall and /v1/sms/pre-send, which run before every call
 * and every text — served straight from Node's http server, ahead of express.
 *
 * Why it is kept beside express: express's router, body parser and response
 * helpers cost a gated request a large share of its CPU, before every call
 * and text (docs/performance.md, "Second paths").
 *
 * What stays the same: the very route declarations, authorizer (and its rate
 * buckets), validation, use cases, error envelope and access log the express
 * lane uses, in the same order (key, then body, then validation), so an
 * answer does not depend on the lane. The key comes first so that nothing
 * unauthenticated is read. The lane only takes a request whose
 * headers it can serve exactly like express would: the exact path (no query
 * string, no trailing slash, same case), `Content-Type: application/json`
 * (UTF-8), a Content-Length within the body limit and no Content-Encoding.
 * Anything else goes to express untouched (its body is still unread).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import type { Authorizer } from './auth';
import { answerForThrown, errorAnswer, sendJson, type JsonAnswer } from './envelope';
import { readBody } from './rawBody';
import { tagRequest } from './requestLog';
import type { ApiRoute } from './route';
import { validate } from './validate';

export interface FastLaneOptions {
  routes: ApiRoute[];
  authorize: Authorizer;
  logger: Logger;
  bodyLimitBytes: number;
  onLedgerError?: (route: string) => void;
}

/** A request listener that answers the requests it can and returns false for the others. */
export type Lane = (req: IncomingMessage, res: ServerResponse) => boolean;

const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const DIGITS = /^\d+$/;

export function fastLane(options: FastLaneOptions): Lane {
  const byPath = new Map<string, ApiRoute>();
  for (const r of options.routes) if (r.method === 'post' && r.body && !r.rawBody && !r.path.includes(':')) byPath.set(r.path, r);
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const route = byPath.get(req.url ?? '');
    if (!route) return false;
    const { 'content-type': type, 'content-length': length, 'content-encoding': encoding } = req.headers;
    if (!type || !JSON_UTF8.test(type) || encoding || !length || !DIGITS.test(length) || Number(length) > options.bodyLimitBytes) return false;
    void serve(options, route, req, res);
    return true;
  };
}

async function serve(options: FastLaneOptions, route: ApiRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = tagRequest(options.logger, req, res, route.path);
  let answer: JsonAnswer;
  try {
    const apiKey = await options.authorize(route.scope, route.optOut ?? false, req);
    const json = parseJsonBody(await readBody(req, options.bodyLimitBytes));
    const body = validate(route.body!, json);
    const result = await route.handler({ apiKey, params: {}, requestId }, { body, query: undefined });
    answer = result ? { status: result.status ?? 200, headers: result.headers, body: result.body, json: result.json } : errorAnswer('INTERNAL', requestId);
  } catch (err) {
    // The client went away mid-request: nobody to answer.
    if (req.destroyed && !req.complete) return;
    answer = answerForThrown(err, requestId, route.path, options.logger, options.onLedgerError);
  }
  sendJson(res, answer);
}

/**
 * JSON as express.json (body-parser, strict) reads it: a UTF-8 BOM is dropped,
 * an empty body is `{}`, and only an object or an array is JSON here.
 */
function parseJsonBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('request body is not valid JSON'), { type: 'entity.parse.failed', status: 400 });
  }
}
