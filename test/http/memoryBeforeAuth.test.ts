/**
 * Nothing before authentication costs memory. The gateway runs as a child
 * process so its resident memory can be read from /proc while gzip bombs
 * (a few tens of KB that inflate to 64 MB) are thrown at it concurrently.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGateway, type ChildGateway } from '../support/childGateway';
import { ADMIN_KEY } from '../support/adminKey';

const MB = 1024 * 1024;
/** What a handful of refused requests may cost the process at most. */
const GROWTH_BOUND = 50 * MB;

function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(kb![1]) * 1024;
}

/** The status of a POST, taken as soon as it comes (the gateway may answer before reading the body). */
function post(url: string, path: string, headers: OutgoingHttpHeaders, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { ...headers, 'Content-Length': body.length } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(body);
  });
}

/** Runs `attack` while sampling the child's resident memory; the highest growth over the baseline. */
async function peakGrowth(pid: number, attack: () => Promise<unknown>): Promise<number> {
  const baseline = residentBytes(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 5);
  try {
    await attack();
    await new Promise((r) => setTimeout(r, 300));
    peak = Math.max(peak, residentBytes(pid));
  } finally {
    clearInterval(sampler);
  }
  return peak - baseline;
}

describe('memory before authentication', () => {
  let gw: ChildGateway;
  const bomb = gzipSync(Buffer.alloc(64 * MB, 'a'));
  const gzipCsv = { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip' };

  beforeAll(async () => {
    gw = await spawnGateway({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-mem-')),
      CONSENT_GATE_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'error',
      IMPORT_BODY_LIMIT_BYTES: String(4 * MB),
      // Every bomb here comes from one address: the failed-auth throttle would answer the later ones 429
      // (also without reading them); this file is about memory, so let each one reach its 401.
      AUTH_FAILURES_PER_MINUTE: '1000',
    });
    // Warm up: the first requests load code the attack should not be billed for.
    for (let i = 0; i < 5; i++) await post(gw.url, '/v1/precall', { 'Content-Type': 'application/json' }, Buffer.from('{}'));
  }, 30_000);
  afterAll(async () => {
    gw.child.kill('SIGKILL');
    await gw.exited;
  });

  it('ten unauthenticated gzip bombs each to the import and to precall: all 401, memory flat', async () => {
    expect(bomb.length).toBeLessThan(100 * 1024);
    const statuses: number[] = [];
    const growth = await peakGrowth(gw.child.pid!, async () => {
      const sent = [];
      for (let i = 0; i < 10; i++) {
        sent.push(post(gw.url, '/v1/consents/import', gzipCsv, bomb), post(gw.url, '/v1/precall', gzipCsv, bomb));
        sent.push(post(gw.url, '/v1/precall', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, bomb));
      }
      statuses.push(...(await Promise.all(sent)));
    });
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(growth).toBeLessThan(GROWTH_BOUND);
  }, 30_000);

  it('authenticated gzip bombs to the import: 413 once the inflated size passes the limit, memory bounded', async () => {
    const statuses: number[] = [];
    const growth = await peakGrowth(gw.child.pid!, async () => {
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push(post(gw.url, '/v1/consents/import', { ...gzipCsv, Authorization: `Bearer ${ADMIN_KEY}` }, bomb));
      statuses.push(...(await Promise.all(sent)));
    });
    expect(statuses).toEqual([413, 413, 413, 413, 413]);
    expect(growth).toBeLessThan(GROWTH_BOUND);
  }, 30_000);
});
