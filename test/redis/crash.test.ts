/**
 * `kill -9` of a real gateway process (npm start's entry point) in the
 * middle of a stream of opt-outs — and then of Redis itself — loses no
 * opt-out the gateway acknowledged: each is in the ledger, with its audit
 * entry, after Redis replays its AOF.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/auditChain';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { freePort, startRedisServer, type RedisServer } from '../support/redis';
import { ADMIN_KEY, get, post, waitUntil } from './http';

let redis: RedisServer;
let child: ChildProcess | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await redis?.stop();
});

async function startGatewayProcess(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      STORE: 'redis',
      REDIS_URL: redis.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-crash-')),
      CONSENT_GATE_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'error',
      METRICS_DEFAULT: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += d));
  let exited = false;
  proc.once('exit', () => (exited = true));
  await waitUntil('the gateway process to be ready', 20_000, async () => {
    if (exited) throw new Error(`gateway exited at start: ${stderr}`);
    return (await get(`http://127.0.0.1:${port}`, '/readyz')).status === 200;
  }).catch((err) => {
    throw new Error(`${(err as Error).message}\n${stderr}`);
  });
  return proc;
}

it('no acknowledged opt-out is lost when the gateway and then Redis are killed mid-load', async () => {
  const port = await freePort();
  child = await startGatewayProcess(port);
  const base = `http://127.0.0.1:${port}`;

  const acknowledged: { id: string; phone: string }[] = [];
  let n = 0;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const phone = `+1212555${String(2000 + n++).padStart(4, '0')}`;
      try {
        const r = await post(base, '/v1/revoke', { phone, calling_entity: 'Acme Insurance LLC', trigger: 'verbal_stop_during_call', transcript: 'stop' });
        if (r.status === 201) acknowledged.push({ id: String(r.body.revocation_id), phone });
      } catch {
        return; // the process died with this request in flight: not acknowledged
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  await waitUntil('some acknowledged opt-outs', 15_000, async () => acknowledged.length >= 60);
  child.kill('SIGKILL');
  stop = true;
  await Promise.all(workers);
  expect(n).toBeGreaterThan(acknowledged.length); // some were in flight when it died

  // Now Redis dies too, and replays its AOF.
  await redis.restart();

  const ledger = await RedisLedger.open({ url: redis.url, commandTimeoutMs: 2000, connectTimeoutMs: 1000 });
  try {
    for (const { id, phone } of acknowledged) {
      const stored = await ledger.getRevocation('org_default', id);
      expect(stored?.phone).toBe(phone);
      const trail = await ledger.auditTrail('org_default', phone);
      expect(trail.map((e) => e.ref_id)).toContain(id);
      expect(verifyChain(trail).ok).toBe(true);
    }
  } finally {
    await ledger.close();
  }
}, 45_000);
