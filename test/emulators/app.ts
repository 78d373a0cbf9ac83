/**
 * A customer's application, for tests: the HTTP server its carrier webhooks
 * reach (relayed through the gateway) and the websocket its AI agent
 * listens on. Carrier-neutral: the test says how to verify a request
 * (`verify`) and what to answer per path; Twilio tests check the re-signed
 * `X-Twilio-Signature` with `twilio.validateRequest`, Telnyx tests their own.
 *
 * Every request is recorded with whether it verified; an answer may be
 * delayed (a slow application) and the whole app can be stopped (down).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { closeServer } from '../support/loopbackServer';

export interface AppRequestRecord {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  form: Record<string, string>;
  verified: boolean;
}

export interface AppAnswerSpec {
  status?: number;
  contentType?: string;
  body: string;
  delayMs?: number;
}

export type AppHandler = (req: AppRequestRecord) => AppAnswerSpec | Promise<AppAnswerSpec>;

export interface AppSocketRecord {
  url: string;
  headers: IncomingMessage['headers'];
  verified: boolean;
  socket: WebSocket;
  /** Text frames received, parsed when JSON. */
  frames: unknown[];
  /** Every frame exactly as received, text or binary (for byte-for-byte comparisons). */
  raw: { data: Buffer; isBinary: boolean }[];
}

export interface FakeAppOptions {
  /** Is this request really from the carrier (via the gateway)? `fullUrl` is the app's own base + path + query. */
  verify?: (req: AppRequestRecord, fullUrl: string) => boolean;
  verifySocket?: (headers: IncomingMessage['headers'], fullUrl: string) => boolean;
  /** Websocket paths the app accepts (e.g. `/relay`). */
  socketPaths?: string[];
}

export class FakeApp {
  readonly requests: AppRequestRecord[] = [];
  readonly sockets: AppSocketRecord[] = [];
  private readonly handlers = new Map<string, AppHandler>();
  private server!: Server;
  private wss!: WebSocketServer;
  url = '';
  wsUrl = '';
  private socketWaiters: ((s: AppSocketRecord) => void)[] = [];

  constructor(private readonly options: FakeAppOptions = {}) {}

  /** Answer requests to `path` (exact, without query) with this. Unhandled paths answer 404. */
  on(path: string, handler: AppHandler | AppAnswerSpec): this {
    this.handlers.set(path, typeof handler === 'function' ? handler : () => handler);
    return this;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const path = (req.url ?? '/').split('?')[0];
      if (!(this.options.socketPaths ?? []).includes(path)) return socket.destroy();
      const fullUrl = this.wsUrl + (req.url ?? '/');
      const verified = this.options.verifySocket ? this.options.verifySocket(req.headers, fullUrl) : true;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const record: AppSocketRecord = { url: req.url ?? '/', headers: req.headers, verified, socket: ws, frames: [], raw: [] };
        ws.on('message', (data, isBinary) => {
          record.raw.push({ data: Buffer.from(data as Buffer), isBinary });
          if (isBinary) return void record.frames.push(data);
          const text = data.toString();
          try {
            record.frames.push(JSON.parse(text));
          } catch {
            record.frames.push(text);
          }
        });
        this.sockets.push(record);
        for (const w of this.socketWaiters.splice(0)) w(record);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    const p = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${p}`;
    this.wsUrl = `ws://127.0.0.1:${p}`;
    return this;
  }

  /** The next socket the app accepts (or the latest, if one is already open and unclaimed). */
  nextSocket(): Promise<AppSocketRecord> {
    return new Promise((resolve) => this.socketWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await closeServer(this.server);
  }

  received(path: string): AppRequestRecord[] {
    return this.requests.filter((r) => r.path === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const isForm = /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '');
    const record: AppRequestRecord = {
      method: req.method ?? 'GET',
      url,
      path,
      headers: req.headers,
      rawBody,
      form: isForm ? Object.fromEntries(new URLSearchParams(rawBody)) : Object.fromEntries(new URL(url, this.url).searchParams),
      verified: false,
    };
    record.verified = this.options.verify ? this.options.verify(record, this.url + url) : true;
    this.requests.push(record);
    if (!record.verified) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      return void res.end('signature check failed');
    }
    const handler = this.handlers.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('no handler');
    }
    const answer = await handler(record);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'text/xml' });
    res.end(answer.body);
  }
}
