/**
 * The console's API door (`/console/api/v1/…`, authenticated by the session cookie) leads to the
 * /v1 API and nowhere else: dot segments, encoded or not, and paths outside /v1 reach no other
 * route (metrics, health, the carrier gateways), whatever a session may do.
 */
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';

/** A GET sent with its path exactly as written (no client resolves its dot segments). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console API door', () => {
  let gw: TestGateway;
  let headers: Record<string, string>;

  beforeAll(async () => {
    gw = await startTestGateway({ METRICS_DEFAULT: true });
    const signIn = await request(gw.url).post('/console/session').send({ api_key: gw.adminKey }).expect(201);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    headers = { Cookie: cookie, 'X-Console-Csrf': signIn.body.csrf };
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('leads a signed-in session to the /v1 API', async () => {
    const res = await rawGet(gw.url, '/console/api/v1/alerts', headers);
    expect(res.status).toBe(200);
  });

  it.each([
    '/console/api/v1/../metrics',
    '/console/api/v1/%2e%2e/metrics',
    '/console/api/v1/..%2fmetrics',
    '/console/api/metrics',
    '/console/api/v1/../twilio/status',
    '/console/api/v1/../../console/session',
  ])('%s reaches no route outside /v1', async (path) => {
    const res = await rawGet(gw.url, path, headers);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('consent_gate_');
  });
});
