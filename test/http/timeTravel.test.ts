/**
 * Time travel is refused, over real HTTP against a running gateway on a real
 * SQLite file: a consent dated in the future is refused (API and CSV import),
 * planned call and send times far from now are 400 (never 500), and no consent
 * dated ahead of an opt-out, or backdated and recorded after it, undoes it.
 * Only a consent both captured and recorded after the opt-out lifts it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { aConsent } from '../fixtures/records';
import { startTestGateway, type TestGateway } from '../support/gateway';

// 14:00 in New York: inside every calling and texting window.
const NOW = '2026-04-10T18:00:00Z';
const ENTITY = 'Acme Insurance LLC';
const MINUTE = 60_000;

describe('time travel is refused', () => {
  let gw: TestGateway;
  let api: ReturnType<typeof request>;
  let key: string;
  const clock = new FixedClock(new Date(NOW));
  // A consent dated 2099, stored before future capture times were refused.
  const LEGACY_PHONE = '+12125550199';

  const post = (path: string, body: unknown) =>
    api
      .post(path)
      .set('Authorization', `Bearer ${key}`)
      .send(body as object);
  const get = (path: string) => api.get(path).set('Authorization', `Bearer ${key}`);
  const consent = (phone: string, overrides: Record<string, unknown> = {}) => ({
    phone,
    calling_entity: ENTITY,
    type: 'prior_express_written',
    scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
    ai_specific_consent: true,
    captured_at: '2026-03-15T14:23:11Z',
    ...overrides,
  });
  const precall = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/precall', { phone, calling_entity: ENTITY, purpose: 'telemarketing', call_type: 'ai_voice', ...overrides });
  const presend = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/sms/pre-send', { phone, sending_entity: ENTITY, message_type: 'marketing', ...overrides });
  const revoke = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/revoke', { phone, calling_entity: ENTITY, trigger: 'sms_stop', ...overrides });
  /** Each step a little later, as requests arrive in life. */
  const later = () => clock.advance(MINUTE);
  const decisionsOf = async (phone: string) => (await get(`/v1/decisions?phone=${encodeURIComponent(phone)}`)).body.data as unknown[];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-time-'));
    const file = join(dataDir, 'consent-gate.db');
    const seeded = new SqliteLedger({ file });
    await seeded.captureConsent(
      aConsent({
        org_id: DEFAULT_ORG_ID,
        phone: LEGACY_PHONE,
        calling_entity: ENTITY,
        captured_at: '2099-01-01T00:00:00Z',
        created_at: '2026-04-01T00:00:00.000Z',
      }),
    );
    await seeded.close();
    gw = await startTestGateway({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: 100000 }, { clock });
    api = request(gw.url);
    key = gw.adminKey;
  });
  afterAll(async () => {
    await gw.close();
  });

  describe('a capture time in the future', () => {
    it('POST /v1/consents dated 2099 is 400 naming captured_at, and nothing is stored', async () => {
      const phone = '+12125550101';
      const res = await post('/v1/consents', consent(phone, { captured_at: '2099-01-01T00:00:00Z' }));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { captured_at: 'must not be in the future' } });
      expect((await get(`/v1/consents?phone=${encodeURIComponent(phone)}`)).body.data).toEqual([]);
    });

    it('a few minutes ahead (a fast clock) is accepted; beyond the skew it is refused', async () => {
      const inSkew = await post('/v1/consents', consent('+12125550102', { captured_at: '2026-04-10T18:04:00Z' }));
      expect(inSkew.status).toBe(201);
      const beyond = await post('/v1/consents', consent('+12125550102', { captured_at: '2026-04-10T18:06:00Z' }));
      expect(beyond.status).toBe(400);
    });

    it('a capture time centuries ago is 400 too, on a revoke as on a consent (a revoke dated year 100 was a 500)', async () => {
      const rev = await revoke('+12125550116', { trigger: 'manual', captured_at: '0100-01-01T00:00:00Z' });
      expect(rev.status).toBe(400);
      expect(rev.body.error.details).toEqual({ captured_at: 'must not be before 1970' });
      const old = await post('/v1/consents', consent('+12125550116', { captured_at: '1960-01-01T00:00:00Z' }));
      expect(old.status).toBe(400);
      expect(old.body.error.details).toEqual({ captured_at: 'must not be before 1970' });
    });

    it('a CSV import rejects the future-dated row with its line and reason, and imports the others', async () => {
      const csv = [
        'phone,calling_entity,type,scope,ai_specific_consent,captured_at',
        `+12125550103,${ENTITY},prior_express_written,ai_voice|telemarketing,true,2026-01-02T10:00:00Z`,
        `+12125550104,${ENTITY},prior_express_written,ai_voice|telemarketing,true,2099-01-02T10:00:00Z`,
        `+12125550105,${ENTITY},prior_express_written,ai_voice|telemarketing,true,2026-01-02T10:00:00Z`,
      ].join('\n');
      const res = await api.post('/v1/consents/import').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(csv);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
      expect(res.body.rejections).toEqual([{ line: 3, reason: 'captured_at must not be in the future' }]);
      expect((await precall('+12125550104')).body.reason).toBe('no_consent_on_file');
    });
  });

  describe('planned call and send times', () => {
    it('call_at in year 9999 is 400 naming call_at, not 500, and no decision is recorded', async () => {
      const phone = '+12125550106';
      const res = await precall(phone, { call_at: '9999-12-31T23:59:59Z' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { call_at: expect.stringContaining('2 years') } });
      expect(await decisionsOf(phone)).toEqual([]);
    });

    it('send_at in year 9999, or years ago, is 400 naming send_at', async () => {
      for (const send_at of ['9999-12-31T23:59:59Z', '2020-01-01T00:00:00Z']) {
        const res = await presend('+12125550107', { send_at });
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual({ send_at: expect.stringContaining('2 years') });
      }
    });

    it('a call planned within the range (a scheduler a year ahead, an auditor a year back) is decided as before', async () => {
      const phone = '+12125550108';
      await post('/v1/consents', consent(phone));
      expect((await precall(phone, { call_at: '2027-04-09T18:00:00Z' })).body.allowed).toBe(true);
      expect((await precall(phone, { call_at: '2025-04-11T18:00:00Z' })).status).toBe(200);
      expect((await precall(phone, { call_at: '2029-04-11T18:00:00Z' })).status).toBe(400);
    });

    it('an expiry at the end of year 9999 (never, in some exports) is kept and usable; one past it is 400, not 500', async () => {
      const res = await post('/v1/consents', consent('+12125550109', { expires_at: '9999-12-31T23:59:59Z' }));
      expect(res.status).toBe(201);
      expect((await precall('+12125550109')).body.allowed).toBe(true);
      const offset = await post('/v1/consents', consent('+12125550114', { expires_at: '9999-12-31T23:59:59-05:00' }));
      expect(offset.status).toBe(400);
      expect(offset.body.error.details).toEqual({ expires_at: expect.stringContaining('9999') });
    });
  });

  describe('no consent undoes a later opt-out', () => {
    it('a consent stored dated 2099: the revoke says future calls are blocked, and they are', async () => {
      later();
      expect((await precall(LEGACY_PHONE)).body.allowed).toBe(true);
      later();
      const rev = await revoke(LEGACY_PHONE);
      expect(rev.body.future_calls_blocked).toBe(true);
      later();
      expect((await precall(LEGACY_PHONE)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
      expect((await presend(LEGACY_PHONE)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('a consent dated a few minutes ahead (inside the skew), then a revoke: blocked', async () => {
      const phone = '+12125550110';
      later();
      const ahead = new Date(clock.now().getTime() + 4 * MINUTE).toISOString();
      expect((await post('/v1/consents', consent(phone, { captured_at: ahead }))).status).toBe(201);
      later();
      await revoke(phone);
      later();
      expect((await precall(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
      expect((await presend(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('an opt-out reported late (captured earlier than a consent already on file) still blocks', async () => {
      const phone = '+12125550111';
      later();
      await post('/v1/consents', consent(phone, { captured_at: new Date(clock.now().getTime() - 10 * MINUTE).toISOString() }));
      later();
      await revoke(phone, { trigger: 'verbal_stop_during_call', captured_at: new Date(clock.now().getTime() - 30 * MINUTE).toISOString() });
      later();
      expect((await precall(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('consent, opt-out, then a backdated consent imported: still blocked', async () => {
      const phone = '+12125550112';
      later();
      await post('/v1/consents', consent(phone, { captured_at: '2026-01-05T10:00:00Z' }));
      later();
      await revoke(phone);
      later();
      const csv = [
        'phone,calling_entity,type,scope,ai_specific_consent,captured_at',
        `${phone},${ENTITY},prior_express_written,ai_voice|telemarketing|sms|marketing,true,2026-02-01T10:00:00Z`,
      ].join('\n');
      const imported = await api.post('/v1/consents/import').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(csv);
      expect(imported.body).toMatchObject({ imported: 1 });
      later();
      expect((await precall(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
      expect((await presend(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('a genuine re-consent, captured and recorded after the opt-out, lifts it', async () => {
      const phone = '+12125550113';
      later();
      await post('/v1/consents', consent(phone, { captured_at: '2026-01-05T10:00:00Z' }));
      later();
      await revoke(phone);
      later();
      expect((await precall(phone)).body.reason).toBe('consumer_revoked');
      later();
      expect((await post('/v1/consents', consent(phone, { captured_at: clock.now().toISOString() }))).status).toBe(201);
      expect((await precall(phone)).body.allowed).toBe(true);
      expect((await presend(phone)).body.allowed).toBe(true);
    });

    it('after a re-consent, the next opt-out is a new one and blocks, even with a consent dated ahead on file', async () => {
      for (const phone of ['+12125550115', LEGACY_PHONE]) {
        later();
        if (phone !== LEGACY_PHONE) {
          expect((await post('/v1/consents', consent(phone, { captured_at: new Date(clock.now().getTime() + 4 * MINUTE).toISOString() }))).status).toBe(201);
          later();
        }
        const first = await revoke(phone);
        later();
        expect((await post('/v1/consents', consent(phone, { captured_at: clock.now().toISOString() }))).status).toBe(201);
        expect((await precall(phone)).body.allowed).toBe(true);
        later();
        const second = await revoke(phone);
        expect(second.status).toBe(201);
        expect(second.body.revocation_id).not.toBe(first.body.revocation_id);
        later();
        expect((await precall(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
        expect((await presend(phone)).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
      }
    });
  });
});
