/**
 * `kill -9` of a real gateway process (npm start's entry point) in the
 * middle of a stream of opt-outs — and then of Redis itself — loses no
 * opt-out the gateway acknowledged: each is in the ledger, with its audit
 * entry, after Redis replays its AOF.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/auditChain';
import { RedisLedger } from '../../src/ledger/redis/redisLedger';
import { ADMIN_KEY } from '../support/adminKey';
import { spawnGateway, type ChildGateway } from '../support/childGateway';
import { startRedisServer, type RedisServer } from '../support/redis';
import { waitUntil } from '../support/wait';
import { post } from './http';

let redis: RedisServer;
let gw: ChildGateway | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  gw?.child.kill('SIGKILL');
  await redis?.stop();
});

it('no acknowledged opt-out is lost when the gateway and then Redis are killed mid-load', async () => {
  gw = await spawnGateway({
    STORE: 'redis',
    REDIS_URL: redis.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-crash-')),
    CONSENT_GATE_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'error',
    METRICS_DEFAULT: 'false',
  });
  const base = gw.url;

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
  await waitUntil('some acknowledged opt-outs', () => acknowledged.length >= 60, { timeoutMs: 15_000 });
  gw.child.kill('SIGKILL');
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
