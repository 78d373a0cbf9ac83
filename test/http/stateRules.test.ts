/**
 * State rules over real HTTP against a running gateway on a real SQLite
 * file, under the rule data the repository ships (reference/state-rules.json;
 * Florida's hours are the seed every version keeps): a telemarketing call or
 * marketing text to Miami at 20:30 is quiet_hours under Florida's statute,
 * an informational one is not; a New York number is held to Florida when the
 * request or a consent on file puts the consumer there; bad state codes are
 * 400 naming the field; the rule set and its explanation are served.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';

// 20:30 in Miami and New York (EDT): inside the federal window, outside Florida's 08:00–20:00.
const NOW = '2026-04-11T00:30:00Z';
const ENTITY = 'Acme Insurance LLC';
const MIAMI = '+13055550123';
const FLORIDA_HOURS = expect.stringContaining('501.616');

describe('state rules over HTTP', () => {
  let gw: TestGateway;
  let api: ReturnType<typeof request>;
  const clock = new FixedClock(new Date(NOW));

  const post = (path: string, body: unknown) =>
    api
      .post(path)
      .set(gw.auth)
      .send(body as object);
  const get = (path: string) => api.get(path).set(gw.auth);
  const consent = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/consents', {
      phone,
      calling_entity: ENTITY,
      type: 'prior_express_written',
      scope: ['ai_voice', 'telemarketing', 'informational', 'sms', 'marketing', 'transactional'],
      ai_specific_consent: true,
      captured_at: '2026-03-15T14:23:11Z',
      ...overrides,
    });
  const precall = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/precall', { phone, calling_entity: ENTITY, purpose: 'telemarketing', call_type: 'ai_voice', ...overrides });
  const presend = (phone: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/sms/pre-send', { phone, sending_entity: ENTITY, message_type: 'marketing', ...overrides });

  beforeAll(async () => {
    gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: 100000 }, { clock });
    api = request(gw.url);
    expect((await consent(MIAMI)).status).toBe(201);
  });
  afterAll(async () => {
    await gw.close();
  });

  describe('POST /v1/precall', () => {
    it("a telemarketing call to Miami at 20:30 is quiet_hours under Florida's statute, with the next opening", async () => {
      const res = await precall(MIAMI);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        allowed: false,
        reason: 'quiet_hours',
        jurisdiction: 'US-FL',
        citation: FLORIDA_HOURS,
        recipient_timezone: 'America/New_York',
        recipient_local_time: '20:30',
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      });
    });

    it('an informational call at 20:30 is allowed as before: the state rules hold telemarketing only', async () => {
      const res = await precall(MIAMI, { purpose: 'informational' });
      expect(res.body).toMatchObject({ allowed: true });
    });

    it('the federal window names itself: 21:30 is quiet_hours under 47 CFR 64.1200(c)(1)', async () => {
      const res = await precall(MIAMI, { call_at: '2026-04-11T01:30:00Z' });
      expect(res.body).toMatchObject({ reason: 'quiet_hours', jurisdiction: 'US', citation: '47 CFR 64.1200(c)(1)' });
    });

    it('a New York number at 20:30 is allowed, and held to Florida when recipient_state says the consumer is there (any case)', async () => {
      const phone = '+12125550123';
      await consent(phone);
      expect((await precall(phone)).body).toMatchObject({ allowed: true });
      for (const state of ['FL', 'fl']) {
        expect((await precall(phone, { recipient_state: state })).body).toMatchObject({ allowed: false, reason: 'quiet_hours', jurisdiction: 'US-FL' });
      }
    });

    it("a consent's address_state holds the consumer to that state's rules, and the consent shows it", async () => {
      const phone = '+12125550124';
      const created = await consent(phone, { address_state: 'FL' });
      expect(created.status).toBe(201);
      expect(created.body.address_state).toBe('FL');
      expect((await get(`/v1/consents/${created.body.consent_id}`)).body.address_state).toBe('FL');
      expect((await precall(phone)).body).toMatchObject({ allowed: false, reason: 'quiet_hours', jurisdiction: 'US-FL', citation: FLORIDA_HOURS });
    });

    it('the decision records the rule-set version it was made under, and its audit entry keeps the rule that blocked', async () => {
      const version = (await get('/v1/rules')).body.version;
      const res = await precall(MIAMI);
      const decision = (await get(`/v1/decisions/${res.body.decision_id}`)).body;
      expect(decision.request).toMatchObject({ rules_version: version });
      const entry = (await gw.ctx.ledger.auditTrail(DEFAULT_ORG_ID, MIAMI)).find((e) => e.ref_id === res.body.decision_id);
      expect(entry?.body.facts).toMatchObject({ reason: 'quiet_hours', rules_version: version, jurisdiction: 'US-FL', citation: FLORIDA_HOURS });
    });
  });

  describe('POST /v1/sms/pre-send', () => {
    it("a marketing text to Miami at 20:30 is quiet_hours under Florida's rule; a transactional one is allowed", async () => {
      const blocked = await presend(MIAMI);
      expect(blocked.body).toMatchObject({
        allowed: false,
        reason: 'quiet_hours',
        jurisdiction: 'US-FL',
        citation: FLORIDA_HOURS,
        quiet_hours: { start: '20:00', end: '08:00' },
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      });
      expect((await presend(MIAMI, { message_type: 'transactional' })).body).toMatchObject({ allowed: true });
    });
  });

  describe('bad state codes are 400 naming the field', () => {
    it.each([['ZZ'], ['Florida'], [''], [12], ['US-FL']])('recipient_state %j on precall and pre-send', async (value) => {
      for (const res of [await precall(MIAMI, { recipient_state: value }), await presend(MIAMI, { recipient_state: value })]) {
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details).toHaveProperty('recipient_state');
      }
    });

    it('address_state on a consent', async () => {
      const res = await consent('+12125550125', { address_state: 'XX' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { address_state: expect.any(String) } });
    });

    it('the CSV import reads an address_state column and rejects a bad one with its line', async () => {
      const csv = [
        'phone,calling_entity,type,scope,ai_specific_consent,captured_at,address_state',
        `+12125550126,${ENTITY},prior_express_written,ai_voice|telemarketing,true,2026-01-02T10:00:00Z,FL`,
        `+12125550127,${ENTITY},prior_express_written,ai_voice|telemarketing,true,2026-01-02T10:00:00Z,Narnia`,
      ].join('\n');
      const res = await api.post('/v1/consents/import').set(gw.auth).set('Content-Type', 'text/csv').send(csv);
      expect(res.body).toMatchObject({ imported: 1, rejected: 1 });
      expect(res.body.rejections).toEqual([{ line: 3, reason: expect.stringContaining('address_state') }]);
      expect((await precall('+12125550126')).body).toMatchObject({ reason: 'quiet_hours', jurisdiction: 'US-FL' });
    });
  });

  describe('GET /v1/rules and /v1/rules/explain', () => {
    it('lists the rule set with its version to any valid key, and nothing without one', async () => {
      const res = await get('/v1/rules');
      expect(res.status).toBe(200);
      expect(res.body.version).toEqual(expect.any(String));
      expect(res.body.rules).toEqual(
        expect.arrayContaining([expect.objectContaining({ jurisdiction: 'US-FL', kind: 'calling_hours', citation: FLORIDA_HOURS })]),
      );
      expect((await api.get('/v1/rules')).status).toBe(401);
      const openapi = (await api.get('/openapi.json')).body;
      expect(openapi.paths['/v1/rules/explain'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['phone', 'at', 'purpose', 'recipient_state']);
    });

    it('explains a Miami number at 20:30: Florida does not allow it, and says when it will', async () => {
      const res = await get(`/v1/rules/explain?phone=${encodeURIComponent(MIAMI)}&at=${NOW}&purpose=telemarketing`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        phone: MIAMI,
        at: NOW,
        version: expect.any(String),
        considers: expect.arrayContaining(['calling_hours', 'holiday']),
        jurisdictions: [
          {
            jurisdiction: 'US-FL',
            source: 'area_code',
            allowed: false,
            reason: 'quiet_hours',
            citation: FLORIDA_HOURS,
            next_allowed_at: '2026-04-11T08:00:00-04:00',
          },
        ],
        allowed: false,
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      });
    });

    it('a toll-free number is held to every state with rules; an informational purpose is not covered', async () => {
      const tollFree = await get(`/v1/rules/explain?phone=%2B18005550123&at=${NOW}&purpose=marketing`);
      expect(tollFree.body.jurisdictions).toEqual(
        expect.arrayContaining([expect.objectContaining({ jurisdiction: 'US-FL', source: 'non_geographic', allowed: false })]),
      );
      const informational = await get(`/v1/rules/explain?phone=${encodeURIComponent(MIAMI)}&at=${NOW}&purpose=informational`);
      expect(informational.body).toMatchObject({
        covered: false,
        allowed: true,
        next_allowed_at: NOW,
        jurisdictions: [{ jurisdiction: 'US-FL', source: 'area_code', allowed: true }],
      });
    });

    it.each([
      ['purpose', `phone=${encodeURIComponent(MIAMI)}&purpose=cold_call`],
      ['phone', 'purpose=telemarketing'],
      ['phone', 'phone=banana&purpose=telemarketing'],
      ['at', `phone=${encodeURIComponent(MIAMI)}&purpose=telemarketing&at=yesterday`],
      ['at', `phone=${encodeURIComponent(MIAMI)}&purpose=telemarketing&at=1200-01-01T00:00:00Z`],
      ['recipient_state', `phone=${encodeURIComponent(MIAMI)}&purpose=telemarketing&recipient_state=ZZ`],
    ])('bad input is 400 naming %s', async (field, query) => {
      const res = await get(`/v1/rules/explain?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { [field]: expect.any(String) } });
    });
  });
});
