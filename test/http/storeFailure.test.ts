/**
 * When the store cannot be used, decisions fail closed: 503 UNAVAILABLE,
 * never "allowed", and /readyz says so.
 */
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config';
import type { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { openLedger } from '../../src/ledger/open';
import { LedgerUnavailableError } from '../../src/ledger/ledger';
import { STORE_NOT_READY } from '../../src/http/app';
import { startTestGateway, type TestGateway } from '../support/gateway';

describe('store failure', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
    // The database handle goes away underneath the running gateway.
    (gw.ctx.ledger as SqliteLedger).database.close();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('precall and pre-send answer 503 UNAVAILABLE', async () => {
    const api = request(gw.url);
    const pre = await api.post('/v1/precall').set(gw.auth).send({ phone: '+12125550100', calling_entity: 'Acme', purpose: 'survey', call_type: 'human_voice' });
    // The key lookup itself needs the store: still 503, not 401.
    expect(pre.status).toBe(503);
    expect(pre.body.error.code).toBe('UNAVAILABLE');
    const sms = await api.post('/v1/sms/pre-send').set(gw.auth).send({ phone: '+12125550100', sending_entity: 'Acme', message_type: 'transactional' });
    expect(sms.status).toBe(503);
    expect(sms.body).not.toHaveProperty('allowed');
  });

  it('readyz reports the store unavailable', async () => {
    const res = await request(gw.url).get('/readyz');
    expect(res.status).toBe(503);
    // In fixed words: the store's own error (a file path, a host) is for the log, not for an unauthenticated caller.
    expect(res.body).toEqual({ status: 'unavailable', store: 'sqlite', error: STORE_NOT_READY });
  });

  it('a data directory that cannot hold the database fails with a clear error', async () => {
    const notADir = join(mkdtempSync(join(tmpdir(), 'cg-bad-')), 'file');
    writeFileSync(notADir, 'not a directory');
    const config = configSchema.parse({ DATA_DIR: notADir });
    await expect(openLedger(config)).rejects.toThrow(LedgerUnavailableError);
    await expect(openLedger(config)).rejects.toThrow(/cannot open SQLite ledger/);
  });
});
