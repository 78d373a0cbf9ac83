/**
 * A service on the gateway's own network that no client may reach through
 * it (cloud metadata, an admin port): it records every request that reaches
 * it, and answers with a secret a test can look for in what leaks back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './loopbackServer';

export const INTERNAL_SECRET = 'internal secret';

export class InternalService {
  readonly seen: string[] = [];
  private server!: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.seen.push(`${req.method} ${req.url}`);
      res.end(INTERNAL_SECRET);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }
}
