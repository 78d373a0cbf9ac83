/**
 * The HTTP application: the /v1 API, health, metrics and OpenAPI, plus
 * whatever carrier routers the composition root mounts. Carrier routers come
 * before the JSON body parser because they verify signatures over raw bodies.
 */
import express, { type Express, type Router } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GateContext } from '../gate/context';
import { dncReadiness } from '../gate/dncFreshness';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { authorizer, requireKey, type RateLimits } from './auth';
import { consoleServer } from './console/consoleServer';
import { answerForThrown, errorHandler, notFoundRoute, sendError, sendJson } from './envelope';
import { fastLane } from './fastLane';
import { metricsGuard } from './metricsGuard';
import type { ModuleLane } from '../module';
import { openApiDocument } from './openapi';
import { tagRequest } from './requestLog';
import { TokenBuckets } from './rateLimit';
import type { ApiRoute } from './route';
import { consentRoutes } from './routes/consents';
import { callRoutes } from './routes/calls';
import { decisionRoutes } from './routes/decisions';
import { detectRoutes } from './routes/detect';
import { evidenceRoutes } from './routes/evidence';
import { revokeRoutes } from './routes/revoke';
import { emergencyRoutes } from './routes/emergencies';
import { ruleRoutes } from './routes/rules';
import { tenantRoutes } from './routes/tenants';
import { dncRoutes } from './routes/dnc';
import { overviewRoutes } from './routes/overview';
import type { AlertSources } from '../gate/alerts';
import { reassignedRoutes } from './routes/reassigned';
import { validate } from './validate';
import { validationError } from '../errors';

export interface HttpOptions {
  ctx: GateContext;
  logger: Logger;
  metrics: Metrics;
  rateLimits?: RateLimits;
  /** JSON bodies larger than this are refused with 413. */
  bodyLimitBytes?: number;
  /** CSV import bodies larger than this (inflated) are refused with 413. */
  importBodyLimitBytes?: number;
  /** When set, /metrics wants `Authorization: Bearer <this>`. */
  metricsToken?: string;
  /** Routers mounted ahead of the API (carrier adapters, the stream upgrade is separate). */
  carrierRouters?: Router[];
  /** Requests modules serve ahead of express (the carriers' REST APIs). */
  lanes?: ModuleLane[];
  /** Extra /v1 routes contributed by other modules (e.g. /v1/detect). */
  extraRoutes?: ApiRoute[];
  /** What the alerts read that lives in the running gateway rather than the store (the fallback queue, a metric). */
  alertSources?: AlertSources;
  /** Whether the app is shutting down (readyz answers 503 then). */
  draining?: () => boolean;
  version?: string;
}

/** What /readyz says of a store that failed its check; the reason goes to the log. */
export const STORE_NOT_READY = 'the store cannot be reached or cannot take a write; the gateway log says why';

export function apiRoutes(options: Pick<HttpOptions, 'ctx' | 'extraRoutes' | 'alertSources'>): ApiRoute[] {
  const { ctx } = options;
  return [
    ...decisionRoutes(ctx),
    ...revokeRoutes(ctx),
    ...consentRoutes(ctx),
    ...evidenceRoutes(ctx),
    ...callRoutes(ctx),
    ...tenantRoutes(ctx),
    ...emergencyRoutes(ctx),
    ...dncRoutes(ctx),
    ...reassignedRoutes(ctx),
    ...detectRoutes(),
    ...ruleRoutes(ctx),
    ...overviewRoutes(ctx, options.alertSources),
    ...(options.extraRoutes ?? []),
  ];
}

export interface HttpApp {
  /** Every route, as an express application. */
  app: Express;
  /** The request listener to mount: the fast lane (fastLane.ts) for what it serves, express for the rest. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function createHttpApp(options: HttpOptions): HttpApp {
  const { ctx, logger, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached; an ETag would only cost a hash per response (and the fast lane sends none).
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    req.requestId = tagRequest(logger, req, res, req.path);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Public: a stale do-not-call copy leaves the gateway ready (it blocks or warns per contact) and is named
  // without the orgs holding it; a store failure is told in fixed words, its detail (paths, hosts) only logged.
  app.get('/readyz', async (_req, res) => {
    if (options.draining?.()) return void res.status(503).json({ status: 'draining', store: ctx.ledger.engine });
    try {
      await ctx.ledger.ping();
      res.json({ status: 'ready', store: ctx.ledger.engine, dnc: await dncReadiness(ctx) });
    } catch (err) {
      metrics.ledgerErrors.inc({ operation: 'readyz' });
      logger.warn({ error: (err as Error).message }, 'readyz: store not ready');
      res.status(503).json({ status: 'unavailable', store: ctx.ledger.engine, error: STORE_NOT_READY });
    }
  });
  const metricsAllowed = metricsGuard(options.metricsToken);
  app.get('/metrics', async (req, res) => {
    if (!metricsAllowed(req.get('authorization'))) return void sendError(res, req, 'UNAUTHORIZED');
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  for (const router of options.carrierRouters ?? []) app.use(router);
  const onLedgerError = (route: string) => metrics.ledgerErrors.inc({ operation: route });
  const consoleApp = consoleServer(ctx, { secureCookies: ctx.policy.publicBaseUrl.startsWith('https:'), logger, onLedgerError });
  app.use(consoleApp.router);

  const routes = apiRoutes(options);
  const openapi = openApiDocument(routes, options.version ?? '0.1.0');
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const limit = options.bodyLimitBytes ?? 256 * 1024;
  // One authorizer (and one set of rate buckets) for both lanes.
  const authorize = authorizer(ctx, new TokenBuckets(), options.rateLimits ?? { perMinute: 6000, revokeFloorPerMinute: 6000 });
  const auth = requireKey(authorize);
  const v1 = express.Router();
  // Bodies are read per route and only once the key is known, so a caller without one costs no memory.
  // Compressed bodies are inflated under the same limit, measured inflated.
  const jsonBody = express.json({ limit, type: ['application/json', 'application/*+json'] });
  const importLimit = options.importBodyLimitBytes ?? 64 * 1024 * 1024;
  for (const r of routes) {
    const readRouteBody = r.rawBody ? (r.streamBody ? requireContentType(r.rawBody) : express.raw({ limit: importLimit, type: r.rawBody })) : jsonBody;
    v1[r.method](r.path, auth(r.scope, { optOut: r.optOut }), readRouteBody, async (req, res) => {
      const body = r.body ? validate(r.body, req.body) : undefined;
      const query = r.query ? validate(r.query, req.query) : undefined;
      const raw = r.rawBody && Buffer.isBuffer(req.body) ? req.body : undefined;
      const result = await r.handler(req, { body, query, raw }, { req, res });
      if (result) sendJson(res, { status: result.status ?? 200, headers: result.headers, body: result.body, json: result.json });
    });
  }
  app.use(v1);
  app.use(notFoundRoute);
  app.use(errorHandler(logger, onLedgerError));
  const fast = fastLane({ routes, authorize, logger, bodyLimitBytes: limit, onLedgerError });
  const lanes = options.lanes ?? [];
  const serveOnLane = (lane: ModuleLane, req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = tagRequest(logger, req, res, path);
    lane.serve(req, res).catch((err: unknown) => sendJson(res, answerForThrown(err, requestId, path, logger, onLedgerError)));
  };
  // What a request goes to once the console's API door (if it is for that door) has let it through.
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (fast(req, res)) return;
    for (const lane of lanes) if (lane.claims(req)) return serveOnLane(lane, req, res);
    app(req, res);
  };
  return {
    app,
    handle: (req, res) => {
      if (consoleApp.claimApi(req, res, () => serve(req, res))) return;
      serve(req, res);
    },
  };
}

/** A streamed body is left unread for its handler; one of another content type is refused before it starts. */
function requireContentType(type: string): express.RequestHandler {
  return (req, _res, next) => next(req.is(type) ? undefined : validationError({ body: `must be sent with Content-Type: ${type}` }));
}
