/**
 * The baseline: bare express 5 on loopback, the same JSON body parser, and
 * routes answering the very JSON the gateway answered for the same request
 * (captured by the parent and passed in BENCH_RESPONSES), serialized per
 * request with res.json like the gateway does. No auth, no validation, no
 * store, no logging: what any express service pays before doing anything.
 */
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { announceReady, exitOnSignal } from '../lib/proc';

const responses: Record<string, unknown> = process.env.BENCH_RESPONSES ? JSON.parse(readFileSync(process.env.BENCH_RESPONSES, 'utf8')) : {};
const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: 256 * 1024 }));
for (const [path, body] of Object.entries(responses)) {
  app.post(path, (_req, res) => {
    res.json(body);
  });
}
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
const server = app.listen(0, '127.0.0.1', () => {
  announceReady({ port: (server.address() as AddressInfo).port, routes: Object.keys(responses) });
});
exitOnSignal(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
