/**
 * Retention through the running gateway: after the retention
 * period the opt-out's transcript and phone are gone from the store, yet the
 * number stays blocked for calls and texts, and its evidence still verifies.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { runRetention, scheduleRetention } from '../../src/gate/retention';
import { silentLogger } from '../../src/observability/logger';
import { configSchema } from '../../src/config';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { startTestGateway, type TestGateway } from '../support/gateway';

const PHONE = '+12125550143';
const DIGITS = '2125550143';

describe('retention', () => {
  const clock = new FixedClock(new Date('2026-01-05T15:00:00Z'));
  let gw: TestGateway;
  const api = () => request(gw.url);
  const post = (path: string, body: object) => api().post(path).set(gw.auth).send(body);
  let revocationId: string;

  beforeAll(async () => {
    gw = await startTestGateway({ RETENTION_DAYS: 30, RETENTION_SECRET: 'test-retention-secret-0001' }, { clock });
    await post('/v1/consents', {
      phone: PHONE,
      calling_entity: 'Acme Insurance LLC',
      type: 'prior_express_written',
      scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
      ai_specific_consent: true,
      captured_at: '2026-01-02T10:00:00Z',
      evidence: { text: 'I agree to calls from Acme', ip: '203.0.113.9', user_agent: 'Mozilla/5.0' },
    }).expect(201);
    const rev = await post('/v1/revoke', {
      phone: PHONE,
      calling_entity: 'Acme Insurance LLC',
      trigger: 'verbal_stop_during_call',
      transcript: 'This is Jane Doe, stop calling me',
      audio_segment_url: 'https://media.example/calls/1.wav',
    }).expect(201);
    revocationId = rev.body.revocation_id;
    await post('/v1/precall', {
      phone: PHONE,
      calling_entity: 'Acme Insurance LLC',
      purpose: 'telemarketing',
      call_type: 'ai_voice',
      metadata: { crm_name: 'Jane Doe' },
    }).expect(200);
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('does nothing to records younger than the retention period', async () => {
    expect(await runRetention(gw.ctx, 30)).toMatchObject({ consents: 0, revocations: 0, decisions: 0, audit_entries: 0 });
  });

  it('after the period: no phone or transcript left in the store, the number still blocked, the evidence still verified', async () => {
    clock.advance(40 * 86_400_000);
    const report = await runRetention(gw.ctx, 30);
    expect(report).toMatchObject({ revocations: 1, decisions: 1, cutoff: '2026-01-15T15:00:00.000Z' });

    // Read the database file itself, as someone with a copy of it would.
    const db = new Database(join(gw.dataDir, 'consent-gate.db'), { readonly: true });
    const dump = (sql: string) => JSON.stringify(db.prepare(sql).all());
    expect(dump('SELECT * FROM revocations')).not.toContain(DIGITS);
    expect(dump('SELECT * FROM revocations')).not.toContain('Jane Doe');
    expect(dump('SELECT * FROM decisions')).not.toContain(DIGITS);
    expect(dump('SELECT * FROM decisions')).not.toContain('Jane Doe');
    expect(dump('SELECT * FROM audit')).not.toContain(DIGITS);
    expect(dump('SELECT * FROM audit_heads')).not.toContain(DIGITS);
    // The consent is still in force, so it keeps its number: it is what a call relies on.
    expect(dump('SELECT phone FROM consents')).toContain(PHONE);
    db.close();

    const call = await post('/v1/precall', { phone: PHONE, calling_entity: 'Acme Insurance LLC', purpose: 'telemarketing', call_type: 'ai_voice' });
    expect(call.body).toMatchObject({ allowed: false, reason: 'consumer_revoked', revocation_id: revocationId });
    const text = await post('/v1/sms/pre-send', {
      phone: PHONE,
      sending_entity: 'Acme Insurance LLC',
      message_type: 'marketing',
      send_at: '2026-02-14T16:00:00Z',
    });
    expect(text.body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    // Saying stop again is not a problem either.
    expect((await post('/v1/revoke', { phone: PHONE, calling_entity: 'Acme Insurance LLC', trigger: 'sms_stop' })).status).toBeLessThan(300);

    const ev = await api().get(`/v1/evidence/${revocationId}`).set(gw.auth).expect(200);
    expect(ev.body.record).toMatchObject({ id: revocationId, transcript: null, audio_segment_url: null, phone: expect.stringMatching(/^hmac:/) });
    expect(ev.body.integrity).toMatchObject({ chain_verified: true, record_matches_chain: false });

    // The number's whole trail is still one verified chain: the evidence of a new decision shows it.
    const evNew = await api().get(`/v1/evidence/${call.body.decision_id}`).set(gw.auth).expect(200);
    expect(evNew.body.integrity).toMatchObject({ chain_verified: true, record_matches_chain: true });
    expect(evNew.body.integrity.chain_length).toBeGreaterThanOrEqual(5);
  });

  it('the consent in force keeps its evidence: it is the proof calls rely on', async () => {
    const list = await api()
      .get(`/v1/consents?phone=${encodeURIComponent(PHONE)}`)
      .set(gw.auth)
      .expect(200);
    expect(list.body.data[0].evidence).toMatchObject({ text: 'I agree to calls from Acme', ip: '203.0.113.9' });
  });

  it('the scheduled job runs on its own and stops cleanly', async () => {
    const runs: unknown[] = [];
    const logger = silentLogger();
    logger.info = ((obj: unknown) => void runs.push(obj)) as typeof logger.info;
    logger.debug = logger.info;
    const schedule = scheduleRetention(gw.ctx, { retentionDays: 30, intervalMs: 20, firstRunDelayMs: 0, logger });
    await new Promise((r) => setTimeout(r, 120));
    await schedule.stop();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const after = runs.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(runs.length).toBe(after);
  });

  it('RETENTION_DAYS without RETENTION_SECRET is a configuration error', () => {
    expect(() => loadConfig({ RETENTION_DAYS: '30' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS: '30' })).toThrow(/RETENTION_SECRET: required when RETENTION_DAYS is set/);
    expect(configSchema.parse({ RETENTION_DAYS: '30', RETENTION_SECRET: 'x'.repeat(16) }).RETENTION_INTERVAL_MINUTES).toBe(60);
  });
});
