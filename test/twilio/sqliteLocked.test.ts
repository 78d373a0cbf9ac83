/**
 * No opt-out lost on the embedded store either. With the SQLite file
 * write-locked by another process (a long CLI import, a backup tool) a STOP
 * cannot be committed; it is queued durably beside the database, Twilio is
 * answered as usual, `/readyz` says the store cannot take writes, and once
 * the lock is gone the queued opt-out is applied.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';
import { sqliteLedgerFile } from '../../src/ledger/open';
import { waitForValue } from '../support/wait';
import { ACCOUNT_SID, ACME, ACME_NUMBER, seedConsent, signedWebhook, startStack, TWIML, type Stack } from './harness';
import { STORE_NOT_READY } from '../../src/http/app';

describe('a STOP while SQLite is write-locked', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ FALLBACK_DRAIN_INTERVAL_MS: 100 });
    s.app.on('/twilio/sms', { body: TWIML('') });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('is acknowledged and queued beside the database, readyz reports the store unwritable, and the opt-out is applied once the lock is released', async () => {
    const consumer = '+12125554001';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
    const precall = () =>
      request(s.gw.url).post('/v1/precall').set(s.gw.auth).send({ phone: consumer, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' });
    expect((await precall()).body).toMatchObject({ allowed: true });

    const other = new Database(sqliteLedgerFile({ DATA_DIR: s.gw.dataDir }));
    other.exec('BEGIN IMMEDIATE');
    try {
      const params = {
        AccountSid: ACCOUNT_SID,
        ApiVersion: '2010-04-01',
        MessageSid: 'SM' + '4'.repeat(32),
        From: consumer,
        To: ACME_NUMBER,
        Body: 'STOP',
        NumMedia: '0',
      };
      const res = await signedWebhook(s, '/twilio/sms', params);
      expect(res.status).toBe(200);
      expect(elementsOf(parseTwiml(await res.text()).verbs).map(tagOf)).toEqual(['Message']);

      const queued = readFileSync(join(s.gw.dataDir, 'revocation-fallback.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(queued).toEqual([expect.objectContaining({ input: expect.objectContaining({ phone: consumer, calling_entity: ACME, trigger: 'sms_stop' }) })]);

      const ready = await waitForValue(
        'readyz while locked',
        async () => request(s.gw.url).get('/readyz'),
        (r) => r.status === 503,
        { timeoutMs: 6000 },
      );
      expect(ready.body).toMatchObject({ status: 'unavailable', store: 'sqlite', error: STORE_NOT_READY });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    const blocked = await waitForValue(
      'precall after the lock',
      async () => (await precall()).body,
      (b) => b.reason === 'consumer_revoked',
      { timeoutMs: 6000 },
    );
    expect(blocked).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    await waitForValue(
      'readyz after the lock',
      async () => request(s.gw.url).get('/readyz'),
      (r) => r.status === 200,
      { timeoutMs: 6000 },
    );
    // Emptied once the drain has recorded the line applied (flushed writes, so a moment after the revocation shows).
    const queue = join(s.gw.dataDir, 'revocation-fallback.jsonl');
    expect(
      await waitForValue(
        'the queue compacted',
        async () => readFileSync(queue, 'utf8'),
        (text) => text === '',
        { timeoutMs: 6000 },
      ),
    ).toBe('');
  }, 60_000);
});
