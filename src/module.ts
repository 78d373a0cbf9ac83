/**
 * A gateway module: a piece that plugs into the running gateway (a carrier
 * adapter, the agent stream, /v1/detect…) without the composition root
 * knowing its insides. Modules are listed in `modules.ts`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { Config } from './config';
import type { SignalContext } from './gate/optOutSignals';
import type { ApiRoute } from './http/route';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';

export interface ModuleDeps {
  config: Config;
  ctx: SignalContext;
  logger: Logger;
  metrics: Metrics;
  /** The org carrier traffic belongs to unless the config maps it elsewhere. */
  defaultOrgId: string;
  /** The gateway's public base URL (PUBLIC_BASE_URL, or where it listens). */
  publicBaseUrl: string;
}

/**
 * Requests a module serves straight from Node's http server, ahead of
 * express and its per-request cost (see http/fastLane.ts): the carriers' REST
 * APIs, which every gated call and text passes through. `claims` decides from
 * the request line and headers alone (the body is unread); the gateway gives
 * a claimed request its request id and access-log line, and answers an
 * exception `serve` lets out with a 500 envelope.
 */
export interface ModuleLane {
  claims(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface GatewayModule {
  name: string;
  /** Served ahead of express, in order. */
  lanes?: ModuleLane[];
  /** Mounted ahead of the /v1 API and its JSON parser (carrier webhooks need raw bodies). */
  routers?: Router[];
  /** More /v1 routes, authenticated and documented like the built-in ones. */
  apiRoutes?: ApiRoute[];
  /** Handles a websocket upgrade; answers false when the path is not its own. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Graceful shutdown: close sockets with a reason, finish work in flight. */
  close?(): Promise<void>;
}

export type ModuleFactory = (deps: ModuleDeps) => GatewayModule | Promise<GatewayModule>;
