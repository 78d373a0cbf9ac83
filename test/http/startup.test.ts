/**
 * A gateway that is still starting (its store open, its modules not yet
 * built) already accepts connections on its port: what reaches it then is
 * answered at once, 503 and "try again", rather than held open with no one
 * to answer it; once started, the same port serves as usual.
 */
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModuleFactory } from '../../src/module';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { freePort } from '../support/ports';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within the timeout`)));
    req.on('error', reject);
    req.end();
  });
}

function rawUpgrade(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      timeout: 3000,
    });
    req.on('response', (res) => resolve(`answered ${res.statusCode}`));
    req.on('upgrade', () => resolve('upgraded'));
    req.on('timeout', () => req.destroy(new Error(`no answer to the upgrade of ${path} within the timeout`)));
    req.on('error', reject);
    req.end();
  });
}

describe('a request that arrives while the gateway is starting', () => {
  let gw: TestGateway | undefined;
  let finishStarting = () => {};
  afterAll(async () => {
    finishStarting();
    await gw?.close();
  });

  it('is answered 503 with a Retry-After, and served once the gateway has started', async () => {
    const port = await freePort();
    let listening!: () => void;
    const reachedModules = new Promise<void>((r) => (listening = r));
    const modulesBuilt = new Promise<void>((r) => (finishStarting = r));
    // Modules are built after the port is open: holding this one holds the gateway in its start.
    const slowModule: ModuleFactory = async () => {
      listening();
      await modulesBuilt;
      return { name: 'slow-to-start' };
    };
    const starting = startTestGateway({ PORT: port }, { modules: [slowModule] });
    await reachedModules;

    const early = await rawGet(port, '/v1/consents?phone=%2B12125551234', { 'X-Request-Id': 'startup_probe_1' });
    expect(early.status).toBe(503);
    expect(early.headers['retry-after']).toBeDefined();
    expect(JSON.parse(early.body)).toMatchObject({ success: false, error: { code: 'UNAVAILABLE', request_id: 'startup_probe_1' } });
    expect((await rawGet(port, '/readyz')).status).toBe(503);
    expect(await rawUpgrade(port, '/v1/stream')).toBe('answered 503');

    finishStarting();
    gw = await starting;
    expect((await rawGet(port, '/readyz')).status).toBe(200);
    const served = await rawGet(port, '/v1/consents?phone=%2B12125551234', { Authorization: gw.auth.Authorization });
    expect(served.status).toBe(200);
  });
});
