/**
 * The composition root: config → ledger → gate → http (+ carrier adapters,
 * agent stream) → listen. `main.ts` and the CLI's `serve` call this; tests
 * call it to run a real gateway on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Config } from './config';
import { systemClock, type Clock } from './gate/clock';
import type { GateContext } from './gate/context';
import { bootstrap, type BootstrapResult } from './gate/bootstrap';
import { policyFromConfig } from './gate/policyFromConfig';
import { createHttpApp } from './http/app';
import type { Ledger } from './ledger/ledger';
import { openLedger } from './ledger/open';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';

export interface Gateway {
  config: Config;
  ctx: GateContext;
  app: Express;
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
}

export async function startGateway(config: Config, options: StartOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = new Metrics({ defaultMetrics: config.METRICS_DEFAULT });
  const ledger = options.ledger ?? (await openLedger(config));
  const server = createServer();
  let draining = false;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? url;
  const ctx: GateContext = { ledger, clock: options.clock ?? systemClock, policy: policyFromConfig(config, publicBaseUrl), observer: metrics.observer() };
  const boot = await bootstrap(ctx, config.CONSENT_GATE_API_KEY);
  const app = createHttpApp({
    ctx,
    logger,
    metrics,
    rateLimits: { perMinute: config.RATE_LIMIT_PER_MINUTE, revokeFloorPerMinute: config.REVOKE_RATE_FLOOR_PER_MINUTE },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    draining: () => draining,
  });
  server.on('request', app);
  return {
    config,
    ctx,
    app,
    server,
    logger,
    metrics,
    bootstrap: boot,
    url,
    async close() {
      draining = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ledger.close();
    },
  };
}
