/**
 * A spoken opt-out on the agent stream while the SQLite file is
 * write-locked by another process: the agent is told to end the call at
 * once, the opt-out waits in the durable queue beside the database, and it
 * blocks the number once the lock is released.
 */
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { sqliteLedgerFile } from '../../src/ledger/open';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';

const ENTITY = 'Acme Insurance LLC';

describe('GET /v1/stream with SQLite write-locked', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ FALLBACK_DRAIN_INTERVAL_MS: 100 }, { clock: new FixedClock(new Date('2026-04-10T18:00:00Z')) });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a final "stop calling me" is answered opt_out (queued) and applied once the lock is released', async () => {
    const phone = '+12125557001';
    const c = await FrameClient.connect(gw.url.replace('http', 'ws') + '/v1/stream', { Authorization: `Bearer ${gw.adminKey}` });
    c.send({ type: 'start', call_id: 'call-locked', phone, calling_entity: ENTITY });
    const other = new Database(sqliteLedgerFile({ DATA_DIR: gw.dataDir }));
    other.exec('BEGIN IMMEDIATE');
    try {
      c.send({ type: 'transcript', call_id: 'call-locked', text: 'stop calling me', is_final: true, speaker: 'customer' });
      // The write waits out SQLite's busy timeout (on the event loop this test shares) before it is queued.
      expect(await c.next(20_000)).toMatchObject({ type: 'opt_out', call_id: 'call-locked', revocation_id: null, action: 'end_call', queued: true });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      c.close();
    }
    const precall = () =>
      request(gw.url).post('/v1/precall').set(gw.auth).send({ phone, calling_entity: ENTITY, purpose: 'informational', call_type: 'human_voice' });
    let reason: string | undefined;
    for (let i = 0; i < 60 && reason !== 'consumer_revoked'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      reason = (await precall()).body.reason;
    }
    expect(reason).toBe('consumer_revoked');
  }, 60_000);
});
