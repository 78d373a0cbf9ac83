/**
 * A /v1 request sent from a chosen loopback address (127.0.0.2, 127.0.0.3…):
 * IP allowlists and the failed-auth throttle are about where a request comes
 * from, and on loopback every address of 127/8 is ours to send from.
 */
import { request } from 'node:http';

export interface AddressedAnswer {
  status: number;
  retryAfter?: string;
  body: { error?: { code: string } } & Record<string, unknown>;
}

export function callFrom(gatewayUrl: string, method: string, path: string, key: string, from = '127.0.0.1', body?: unknown): Promise<AddressedAnswer> {
  const { port } = new URL(gatewayUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        localAddress: from,
        headers: { Authorization: `Bearer ${key}`, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
