/**
 * The composition root: config → ledger → gate → http (+ carrier adapters,
 * agent stream) → listen. `main.ts` and the CLI's `serve` call this; tests
 * call it to run a real gateway on a free port.
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve as resolvePath } from 'node:path';
import type { Express } from 'express';
import type { Config } from './config';
import { systemClock, type Clock } from './gate/clock';
import { bootstrap, type BootstrapResult } from './gate/bootstrap';
import { FailedAuthThrottle } from './gate/authThrottle';
import { dncListAges } from './gate/dncFreshness';
import { policyFromConfig } from './gate/policyFromConfig';
import { loadStateRules } from './gate/stateRules';
import { shippedNgramModel } from './domain/optout';
import { evidenceLinksFromConfig } from './gate/context';
import { scheduleRetention } from './gate/retention';
import { signedEvidenceRouter } from './http/routes/evidence';
import { createHttpApp } from './http/app';
import { errorAnswer, requestIdFor, sendJson } from './http/envelope';
import type { Ledger } from './ledger/ledger';
import { openDncStore, openLedger, openReassignedStore } from './ledger/open';
import { reassignedLookupFromConfig } from '../adapters/twilio/reassignedLookup';
import { FileRevocationQueue } from './gate/fallbackQueue';
import { revoke } from './gate/revoke';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import type { GatewayModule, ModuleFactory } from './module';
import { MODULES } from './modules';
import type { RevocationFallbackQueue, SignalContext } from './gate/optOutSignals';
import type { AlertSources } from './gate/alerts';

export interface Gateway {
  config: Config;
  ctx: SignalContext;
  app: Express;
  modules: GatewayModule[];
  server: Server;
  logger: Logger;
  metrics: Metrics;
  bootstrap: BootstrapResult;
  /** http://host:port the gateway listens on. */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Use this ledger instead of opening the configured one (tests). */
  ledger?: Ledger;
  /** Where opt-outs wait while the store is down. */
  fallbackQueue?: RevocationFallbackQueue;
  /** Replace the module list (tests); default `MODULES`. */
  modules?: ModuleFactory[];
}

export async function startGateway(config: Config, options: StartOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = new Metrics({ defaultMetrics: config.METRICS_DEFAULT });
  // Read and validated before anything is opened or listened on: a bad rule file stops the start cleanly.
  loadStateRules();
  // The opt-out classifier too (read on first use otherwise): a damaged model file stops the start, not the first opt-out check.
  shippedNgramModel();
  const ledger = options.ledger ?? (await openLedger(config, logger, { onWriteHold: (seconds) => metrics.writeHoldSeconds.observe(seconds) }));
  // Opt-outs detected while the store cannot take them (Redis down; SQLite locked or its disk full) wait in
  // a fsynced file of their own in DATA_DIR, and are applied once the store takes writes again.
  const fallbackQueue = options.fallbackQueue ?? new FileRevocationQueue(join(resolvePath(config.DATA_DIR), 'revocation-fallback.jsonl'), logger);
  const server = createServer(serverTimeouts(config));
  let draining = false;
  // The listeners go on before `listen`: the port must be open to know it (PORT=0) before the modules are
  // built, and what connects in between is answered "starting" at once rather than held with no one to answer.
  let serveRequest: (req: IncomingMessage, res: ServerResponse) => void = answerStarting;
  let serveUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void = refuseUpgradeWhileStarting;
  // While draining, every answer closes its connection: keep-alive clients reconnect (to another instance).
  const inFlight = new Set<ServerResponse>();
  server.on('request', (req, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    serveRequest(req, res);
  });
  server.on('upgrade', (req, socket, head) => serveUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? url;
  const dnc = await openDncStore(config, ledger);
  // Read before the first decision needs them, not by it.
  await dnc.load();
  const reassigned = await openReassignedStore(config, ledger);
  const reassignedLookup = reassignedLookupFromConfig(config, metrics);
  if (config.REASSIGNED_SOURCE === 'twilio' && !reassignedLookup)
    logger.warn('REASSIGNED_SOURCE=twilio without Twilio credentials: no reassigned-number lookup will be made');
  const ctx: SignalContext = {
    ledger,
    dnc,
    reassigned,
    reassignedLookup,
    clock: options.clock ?? systemClock,
    policy: policyFromConfig(config, publicBaseUrl),
    observer: metrics.observer(),
    evidenceLinks: evidenceLinksFromConfig(config),
    fallbackQueue,
    authThrottle: new FailedAuthThrottle(config.AUTH_FAILURES_PER_MINUTE),
  };
  metrics.reportDncListAges(async () => (await dncListAges(ctx)).map((a) => ({ org: a.orgId, list: a.list, ageSeconds: a.ageSeconds })));
  const boot = await bootstrap(ctx, config.CONSENT_GATE_API_KEY, { retirePrevious: true });
  if (boot.retiredKeyIds.length)
    logger.warn({ key_ids: boot.retiredKeyIds }, 'CONSENT_GATE_API_KEY changed: the previous bootstrap admin key and the keys it made are revoked');
  if (boot.configuredKeyRetired) logger.error('CONSENT_GATE_API_KEY was retired by an earlier change and authenticates nothing: configure a new secret');
  if (!config.METRICS_TOKEN && !isLoopback(config.HOST)) {
    logger.warn({ host: config.HOST }, '/metrics is open to anyone who can reach the gateway: set METRICS_TOKEN, or firewall it');
  }
  const retention = config.RETENTION_DAYS
    ? scheduleRetention(ctx, { retentionDays: config.RETENTION_DAYS, intervalMs: config.RETENTION_INTERVAL_MINUTES * 60_000, logger })
    : undefined;
  const drainer =
    fallbackQueue instanceof FileRevocationQueue
      ? fallbackQueue.startDrainer({ ping: () => ledger.ping(), apply: (input) => revoke(ctx, input), intervalMs: config.FALLBACK_DRAIN_INTERVAL_MS, logger })
      : undefined;
  const modules: GatewayModule[] = [];
  for (const factory of options.modules ?? MODULES) {
    modules.push(await factory({ config, ctx, logger, metrics, defaultOrgId: boot.orgId, publicBaseUrl }));
  }
  const http = createHttpApp({
    carrierRouters: [signedEvidenceRouter(ctx), ...modules.flatMap((m) => m.routers ?? [])],
    extraRoutes: modules.flatMap((m) => m.apiRoutes ?? []),
    lanes: modules.flatMap((m) => m.lanes ?? []),
    ctx,
    logger,
    metrics,
    rateLimits: { perMinute: config.RATE_LIMIT_PER_MINUTE, revokeFloorPerMinute: config.REVOKE_RATE_FLOOR_PER_MINUTE },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    importBodyLimitBytes: config.IMPORT_BODY_LIMIT_BYTES,
    metricsToken: config.METRICS_TOKEN,
    alertSources: alertSources(fallbackQueue, metrics),
    draining: () => draining,
  });
  serveUpgrade = (req, socket, head) => {
    for (const m of modules) if (m.upgrade?.(req, socket, head)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  };
  serveRequest = http.handle;
  return {
    config,
    ctx,
    app: http.app,
    modules,
    server,
    logger,
    metrics,
    bootstrap: boot,
    url,
    async close() {
      // Graceful: stop accepting (new connections are refused), let requests in
      // flight finish, close websockets with a reason (modules), cut off what
      // is still running after SHUTDOWN_GRACE_MS, then close the store.
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cutOff = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      cutOff.unref();
      for (const m of [...modules].reverse()) await m.close?.();
      await closed;
      clearTimeout(cutOff);
      await retention?.stop();
      await drainer?.stop();
      await reassigned.close();
      await ledger.close();
    },
  };
}

/**
 * Slow clients are cut off in seconds: the headers within HEADERS_TIMEOUT_MS,
 * the whole request within REQUEST_TIMEOUT_MS (answered 408 and closed). The
 * request timeout covers the body of every route, the CSV import's too: Node
 * cannot time one route apart from the others, and a minutes-long upload
 * window would be one for every slow-loris connection. A file too large to
 * upload in that time is imported with the CLI (`consent-gate consents import`), which
 * reads it locally, or REQUEST_TIMEOUT_MS is raised. Websocket upgrades leave
 * the HTTP parser once upgraded, so these do not limit a stream's lifetime.
 */
function serverTimeouts(config: Config): ServerOptions {
  return {
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    // Node checks these timeouts on this interval (30 s by default), which would stretch a 10 s timeout to 40.
    connectionsCheckingInterval: Math.min(1000, Math.ceil(config.HEADERS_TIMEOUT_MS / 4)),
  };
}

/** Fails closed while starting: no decision can be made before the store and the modules are ready. */
function answerStarting(req: IncomingMessage, res: ServerResponse): void {
  const requestId = requestIdFor(req.headers['x-request-id'] as string | undefined);
  sendJson(res, { ...errorAnswer('UNAVAILABLE', requestId, 'the gateway is starting; try again'), headers: { 'Retry-After': '1', 'X-Request-Id': requestId } });
}

function refuseUpgradeWhileStarting(_req: IncomingMessage, socket: Duplex): void {
  socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n\r\n');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The alerts' view of this gateway: its fallback queue (by org) and its count of refused carrier webhooks. */
function alertSources(queue: RevocationFallbackQueue, metrics: Metrics): AlertSources {
  return {
    queuedOptOuts: (orgId) => (queue instanceof FileRevocationQueue ? queue.pending().filter((p) => p.orgId === orgId).length : 0),
    webhookSignatureFailures: async () => (await metrics.webhookSignatureFailures.get()).values.reduce((sum, v) => sum + v.value, 0),
  };
}
