/**
 * Graceful shutdown of a real gateway process (`node --import tsx
 * src/main.ts`): on SIGTERM it stops accepting connections, lets a request
 * in flight finish — here a CSV import whose body is still arriving — closes
 * websockets with a close frame and a reason, closes the store, and exits 0;
 * everything it acknowledged is there after a restart.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { spawnGateway, type ChildGateway } from '../support/childGateway';
import { ADMIN_KEY } from '../support/adminKey';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = (i: number) => `+1646555${String(1000 + i)},Acme Insurance LLC,prior_express,human_voice|informational,false,2026-03-01T00:00:00Z\n`;

describe('graceful shutdown', () => {
  let gw: ChildGateway | undefined;
  afterEach(() => {
    if (gw && gw.child.exitCode === null) gw.child.kill('SIGKILL');
  });

  it('SIGTERM: the in-flight import completes with 200, new connections are refused, websockets get 1001, exit 0, data intact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-shutdown-'));
    const env = { DATA_DIR: dataDir, CONSENT_GATE_API_KEY: ADMIN_KEY };
    gw = await spawnGateway(env);
    const { port } = new URL(gw.url);

    // An agent-stream websocket that should be told why it is closed.
    const ws = new WebSocket(`${gw.url.replace('http', 'ws')}/v1/stream`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const wsClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );

    // A slow upload: headers and half the rows now, the rest after SIGTERM.
    const req = httpRequest({
      host: '127.0.0.1',
      port: Number(port),
      method: 'POST',
      path: '/v1/consents/import',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' },
    });
    const answered = new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      req.once('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      });
      req.once('error', reject);
    });
    req.write('phone,calling_entity,type,scope,ai_specific_consent,captured_at\n');
    for (let i = 0; i < 50; i++) req.write(row(i));
    await sleep(300);

    gw.child.kill('SIGTERM');
    const closedFrame = await wsClosed;
    expect(closedFrame).toEqual({ code: 1001, reason: 'gateway shutting down' });
    // The listening socket is closed: a new connection is refused.
    await expect(fetch(`${gw.url}/healthz`)).rejects.toThrow();
    expect(gw.child.exitCode).toBeNull();

    for (let i = 50; i < 100; i++) req.write(row(i));
    req.end();
    const res = await answered;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ rows: 100, imported: 100, rejected: 0 });
    expect(res.connection).toBe('close');

    expect(await gw.exited).toEqual({ code: 0, signal: null });
    expect(gw.output()).toContain('"msg":"stopped"');

    gw = await spawnGateway(env);
    const check = await fetch(`${gw.url}/v1/precall`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+16465551099', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' }),
    });
    expect(await check.json()).toMatchObject({ allowed: true });
    gw.child.kill('SIGTERM');
    expect((await gw.exited).code).toBe(0);
  }, 60_000);

  it('an idle keep-alive connection does not hold the shutdown up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-shutdown-'));
    gw = await spawnGateway({ DATA_DIR: dataDir, CONSENT_GATE_API_KEY: ADMIN_KEY });
    const agent = new (await import('node:http')).Agent({ keepAlive: true });
    const { port } = new URL(gw.url);
    await new Promise<void>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: Number(port), path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
        .once('error', reject)
        .end(),
    );
    const started = Date.now();
    gw.child.kill('SIGTERM');
    expect((await gw.exited).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    agent.destroy();
  }, 30_000);
});
