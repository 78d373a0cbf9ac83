/**
 * The /v1 API end to end over real HTTP (supertest against a running
 * gateway on a real SQLite file): every route, the error envelope, scopes,
 * tenant isolation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';

// 14:00 in New York: inside every calling window used below.
const NOW = '2026-04-10T18:00:00Z';
const NYC = '+12125550143';

describe('/v1 API', () => {
  let gw: TestGateway;
  let api: ReturnType<typeof request>;
  let orgKey: string;
  let otherOrgKey: string;
  const clock = new FixedClock(new Date(NOW));

  const post = (path: string, body: unknown, key = orgKey) =>
    api
      .post(path)
      .set('Authorization', `Bearer ${key}`)
      .send(body as object);
  const get = (path: string, key = orgKey) => api.get(path).set('Authorization', `Bearer ${key}`);

  const consent = (overrides: Record<string, unknown> = {}) => ({
    phone: NYC,
    calling_entity: 'Acme Insurance LLC',
    type: 'prior_express_written',
    scope: ['ai_voice', 'telemarketing', 'marketing'],
    ai_specific_consent: true,
    captured_at: '2026-03-15T14:23:11Z',
    ...overrides,
  });
  const precallBody = (overrides: Record<string, unknown> = {}) => ({
    phone: NYC,
    calling_entity: 'Acme Insurance LLC',
    calling_number: '+18005550100',
    purpose: 'telemarketing',
    call_type: 'ai_voice',
    ...overrides,
  });

  beforeAll(async () => {
    gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: 100000 }, { clock });
    api = request(gw.url);
    const org = await api.post('/v1/orgs').set(gw.auth).send({ name: 'Acme' });
    expect(org.status).toBe(201);
    orgKey = org.body.api_key;
    otherOrgKey = (await api.post('/v1/orgs').set(gw.auth).send({ name: 'Other' })).body.api_key;
  });
  afterAll(async () => {
    await gw.close();
  });

  describe('orgs and keys', () => {
    it('a new org gets a first key with every scope except admin, shown once', async () => {
      const res = await get('/v1/keys');
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      expect(res.body.data[0].scopes).not.toContain('admin');
      expect(res.body.data[0].scopes).toEqual(expect.arrayContaining(['precall', 'presend', 'revoke', 'consent:read', 'consent:write', 'audit:read']));
      expect(JSON.stringify(res.body)).not.toContain(orgKey);
      expect(res.body.data[0]).not.toHaveProperty('hash');
    });

    it('only an admin key creates orgs', async () => {
      const res = await post('/v1/orgs', { name: 'Sneaky' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('creates a narrower key, refuses escalation, and revokes keys', async () => {
      const narrow = await post('/v1/keys', { scopes: ['precall'] });
      expect(narrow.status).toBe(201);
      expect(narrow.body.api_key).toMatch(/^cg_live_/);
      const escalate = await post('/v1/keys', { scopes: ['admin'] }, narrow.body.api_key);
      expect(escalate.status).toBe(403);
      const denied = await post('/v1/revoke', { phone: NYC, calling_entity: 'Acme', trigger: 'manual' }, narrow.body.api_key);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe('missing required scope');
      const del = await api.delete(`/v1/keys/${narrow.body.id}`).set('Authorization', `Bearer ${orgKey}`);
      expect(del.status).toBe(200);
      expect(del.body.revoked_at).toBe(new Date(NOW).toISOString());
      const after = await post('/v1/precall', precallBody(), narrow.body.api_key);
      expect(after.status).toBe(401);
    });

    it("another org's key id is 404", async () => {
      const mine = await post('/v1/keys', { scopes: ['precall'] });
      const res = await api.delete(`/v1/keys/${mine.body.id}`).set('Authorization', `Bearer ${otherOrgKey}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('an IP allowlist refuses other addresses with 403', async () => {
      const k = await post('/v1/keys', { scopes: ['precall'], ip_allowlist: ['10.1.0.0/16'] });
      const res = await post('/v1/precall', precallBody(), k.body.api_key);
      expect(res.status).toBe(403);
      const loopback = await post('/v1/keys', { scopes: ['precall'], ip_allowlist: ['127.0.0.0/8'] });
      expect((await post('/v1/precall', precallBody(), loopback.body.api_key)).status).toBe(200);
    });

    it('rate limits per key with Retry-After, but opt-outs still go through', async () => {
      const k = await post('/v1/keys', { scopes: ['precall', 'revoke'], rate_limit_per_minute: 2 });
      const key = k.body.api_key;
      expect((await post('/v1/precall', precallBody(), key)).status).toBe(200);
      expect((await post('/v1/precall', precallBody(), key)).status).toBe(200);
      const limited = await post('/v1/precall', precallBody(), key);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const optOut = await post('/v1/revoke', { phone: '+12125550199', calling_entity: 'Acme', trigger: 'manual' }, key);
      expect(optOut.status).toBe(201);
    });
  });

  describe('authentication and the error envelope', () => {
    it('no key, a wrong key and a malformed header are 401 with a request id', async () => {
      for (const auth of [undefined, 'Bearer cg_live_nope', 'Basic abc']) {
        const req = api.post('/v1/precall').send(precallBody());
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          success: false,
          error: { code: 'UNAUTHORIZED', message: 'authentication failed', request_id: expect.stringMatching(/^req_/) },
        });
        expect(res.headers['x-request-id']).toBe(res.body.error.request_id);
      }
    });

    it('malformed JSON is 400 VALIDATION_FAILED naming the body', async () => {
      const res = await api.post('/v1/precall').set('Authorization', `Bearer ${orgKey}`).set('Content-Type', 'application/json').send('{"phone": "+1212');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { body: 'is not valid JSON' } });
    });

    it('names every bad field: unknown enum, wrong type, missing, impossible date, bad phone, unknown field', async () => {
      const res = await post('/v1/precall', { phone: '555123', calling_entity: 7, purpose: 'spam', call_at: '2026-02-30T10:00:00Z', colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({
        phone: 'must be E.164 or 10-11 digits',
        calling_entity: 'must be string',
        purpose: expect.stringContaining('must be one of: telemarketing'),
        call_type: 'is required',
        call_at: 'is not a real date',
        _: 'unknown field(s): colour',
      });
    });

    it('a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await post('/v1/precall', precallBody({ metadata: { blob: 'x'.repeat(300 * 1024) } }));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('an unknown route is a 404 envelope', async () => {
      const res = await get('/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body.success).toBe(false);
    });
  });

  describe('consents, precall and revoke', () => {
    it('captures a consent (201), repeats idempotently (200), reads it back, and 404s across orgs', async () => {
      const first = await post('/v1/consents', consent({ evidence: { url: 'https://acme.example/form', ip: '203.0.113.9', source: 'web' } }));
      expect(first.status).toBe(201);
      expect(first.body.consent_id).toMatch(/^cst_/);
      expect(first.body).toMatchObject({ phone: NYC, opted_in: true, status: 'active' });
      const again = await post('/v1/consents', consent({ evidence: { url: 'https://acme.example/form', ip: '203.0.113.9', source: 'web' } }));
      expect(again.status).toBe(200);
      expect(again.body.consent_id).toBe(first.body.consent_id);
      expect((await get(`/v1/consents/${first.body.consent_id}`)).body.phone).toBe(NYC);
      expect((await get(`/v1/consents/${first.body.consent_id}`, otherOrgKey)).status).toBe(404);
      const list = await get(`/v1/consents?phone=${encodeURIComponent('(212) 555-0143')}&calling_entity=acme%20insurance%20llc`);
      expect(list.body.data.map((c: { consent_id: string }) => c.consent_id)).toContain(first.body.consent_id);
      expect((await get('/v1/consents', otherOrgKey)).body.data).toEqual([]);
    });

    it('allows an AI call with the consent and the disclosure script', async () => {
      const res = await post('/v1/precall', precallBody());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        allowed: true,
        decision_id: expect.stringMatching(/^dec_/),
        consent: { type: 'prior_express_written', ai_specific_consent: true, scope: expect.arrayContaining(['ai_voice']) },
        honor_by_date: null,
        disclosure: { required: true, script: expect.stringContaining('Acme Insurance LLC'), delivery_window_seconds: 2 },
        compliance_notes: [],
      });
      expect(res.body.consent.evidence_url).toMatch(/\/v1\/evidence\/cst_/);
      const decision = await get(`/v1/decisions/${res.body.decision_id}`);
      expect(decision.body).toMatchObject({ allowed: true, kind: 'precall', response: res.body });
      expect((await get(`/v1/decisions/${res.body.decision_id}`, otherOrgKey)).status).toBe(404);
    });

    it("another org's consent does not let it call", async () => {
      const res = await post('/v1/precall', precallBody(), otherOrgKey);
      expect(res.body).toMatchObject({ allowed: false, reason: 'no_consent_on_file' });
    });

    it('reports quiet hours with the recipient zone, local time and next allowed time', async () => {
      const res = await post('/v1/precall', precallBody({ call_at: '2026-04-11T01:45:00Z' }));
      expect(res.body).toMatchObject({
        allowed: false,
        reason: 'quiet_hours',
        recipient_timezone: 'America/New_York',
        recipient_local_time: '21:45',
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      });
    });

    it('pre-send allows up to the daily cap and then blocks with frequency_cap', async () => {
      const body = { phone: NYC, sending_entity: 'Acme Insurance LLC', message_type: 'marketing' };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await post('/v1/sms/pre-send', body)).body);
      expect(answers.slice(0, 3).every((a) => a.allowed === true && /^dec_sms_/.test(a.decision_id))).toBe(true);
      expect(answers[3]).toMatchObject({ allowed: false, reason: 'frequency_cap' });
    });

    it('revokes (201), repeats to the same record (200), and the next precall is blocked with the honor-by date', async () => {
      const body = {
        phone: NYC,
        calling_entity: 'Acme Insurance LLC',
        trigger: 'verbal_stop_during_call',
        transcript: 'Stop calling me',
        captured_at: '2026-04-10T15:43:10Z',
      };
      const first = await post('/v1/revoke', body);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        revoked: true,
        revocation_id: expect.stringMatching(/^rev_/),
        honor_by_date: '2026-04-24T15:43:10Z',
        propagated_to_network: false,
        evidence_url: expect.stringMatching(/\/v1\/evidence\/rev_/),
        future_calls_blocked: true,
      });
      const again = await post('/v1/revoke', body);
      expect(again.status).toBe(200);
      expect(again.body.revocation_id).toBe(first.body.revocation_id);
      const blocked = await post('/v1/precall', precallBody());
      expect(blocked.body).toMatchObject({
        allowed: false,
        reason: 'consumer_revoked',
        revoked_at: '2026-04-10T15:43:10Z',
        honor_by_date: '2026-04-24T15:43:10Z',
        compliance_notes: [expect.stringContaining('honor window')],
      });
    });

    it('refuses a revocation captured in the future beyond clock skew', async () => {
      const res = await post('/v1/revoke', { phone: NYC, calling_entity: 'Acme', trigger: 'manual', captured_at: '2026-04-10T19:00:00Z' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({ captured_at: 'must not be in the future' });
    });

    it('serves evidence with a verified hash chain, 404 across orgs', async () => {
      const rev = await post('/v1/revoke', { phone: '+12125550177', calling_entity: 'Acme', trigger: 'sms_stop', transcript: 'STOP' });
      const ev = await get(`/v1/evidence/${rev.body.revocation_id}`);
      expect(ev.status).toBe(200);
      expect(ev.body).toMatchObject({
        type: 'revocation',
        record: { transcript: 'STOP', trigger: 'sms_stop' },
        integrity: { chain_verified: true, record_matches_chain: true },
      });
      expect((await get(`/v1/evidence/${rev.body.revocation_id}`, otherOrgKey)).status).toBe(404);
      expect((await get('/v1/evidence/xyz_123')).status).toBe(404);
    });

    it('lists decisions by phone and time window, paged', async () => {
      const page1 = await get(`/v1/decisions?phone=${encodeURIComponent(NYC)}&limit=2`);
      expect(page1.body.data).toHaveLength(2);
      const page2 = await get(`/v1/decisions?phone=${encodeURIComponent(NYC)}&limit=2&after=${page1.body.next_cursor}`);
      expect(page2.body.data[0].id).not.toBe(page1.body.data[0].id);
      const none = await get(`/v1/decisions?from=2030-01-01T00:00:00Z`);
      expect(none.body.data).toEqual([]);
      expect((await get('/v1/decisions?from=yesterday')).status).toBe(400);
    });

    it('answers 400 for a cursor it did not hand out, rather than the first page again', async () => {
      for (const path of ['/v1/consents', '/v1/decisions']) {
        expect((await get(`${path}?limit=1`)).status).toBe(200);
        const bad = await get(`${path}?limit=1&after=not-a-cursor`);
        expect(bad.status).toBe(400);
        expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { after: expect.stringContaining('next_cursor') } });
      }
    });
  });

  describe('consent opt-out and double opt-in', () => {
    it('DELETE opts out once: opted_in false, source api, one history entry, idempotent, 404 across orgs', async () => {
      const c = await post('/v1/consents', consent({ phone: '+12125550111' }));
      const id = c.body.consent_id;
      expect((await api.delete(`/v1/consents/${id}`).set('Authorization', `Bearer ${otherOrgKey}`)).status).toBe(404);
      const first = await api.delete(`/v1/consents/${id}`).set('Authorization', `Bearer ${orgKey}`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ opted_in: false, opted_out_at: new Date(NOW).toISOString(), source: 'api' });
      const second = await api.post(`/v1/consents/${id}/revoke`).set('Authorization', `Bearer ${orgKey}`);
      expect(second.status).toBe(200);
      expect(second.body.history.filter((h: { event: string }) => h.event === 'opted_out')).toHaveLength(1);
      const blocked = await post('/v1/precall', precallBody({ phone: '+12125550111' }));
      expect(blocked.body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('a double opt-in consent is pending until confirmed', async () => {
      const c = await post('/v1/consents', consent({ phone: '+12125550122', double_opt_in: true }));
      expect(c.body.status).toBe('pending');
      const body = { phone: '+12125550122', sending_entity: 'Acme Insurance LLC', message_type: 'marketing' };
      expect((await post('/v1/sms/pre-send', body)).body).toMatchObject({ allowed: false, reason: 'pending_double_optin' });
      const confirmed = await post(`/v1/consents/${c.body.consent_id}/confirm`, {});
      expect(confirmed.body).toMatchObject({ status: 'active', opted_in: true });
      expect((await post('/v1/sms/pre-send', body)).body.allowed).toBe(true);
    });
  });

  describe('CSV import', () => {
    const csv = [
      'phone,calling_entity,type,scope,ai_specific_consent,captured_at,evidence_url',
      '+12125550301,Acme Insurance LLC,prior_express_written,ai_voice|telemarketing,true,2026-01-02T10:00:00Z,https://acme.example/1',
      '2125550302,Acme Insurance LLC,prior_express,sms|transactional,false,2026-01-02T10:00:00Z,',
      'not-a-phone,Acme Insurance LLC,prior_express,sms,false,2026-01-02T10:00:00Z,',
      '+12125550304,Acme Insurance LLC,verbal,sms,false,2026-01-02T10:00:00Z,',
    ].join('\n');

    it('imports good rows, rejects bad ones with line numbers, and a re-run creates nothing', async () => {
      const send = () => api.post('/v1/consents/import').set('Authorization', `Bearer ${orgKey}`).set('Content-Type', 'text/csv').send(csv);
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ rows: 4, imported: 2, duplicates: 0, rejected: 2 });
      expect(first.body.rejections).toEqual([
        { line: 4, reason: 'phone must be E.164 or 10-11 digits' },
        { line: 5, reason: expect.stringContaining('type must be one of') },
      ]);
      const second = await send();
      expect(second.body).toMatchObject({ imported: 0, duplicates: 2, rejected: 2 });
      const allowed = await post('/v1/precall', precallBody({ phone: '+12125550301' }));
      expect(allowed.body.allowed).toBe(true);
    });

    it('refuses a JSON body on the CSV route', async () => {
      const res = await post('/v1/consents/import', { rows: [] });
      expect(res.status).toBe(400);
    });
  });

  describe('operations', () => {
    it('healthz, readyz, metrics and openapi answer', async () => {
      expect((await api.get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await api.get('/readyz')).body).toEqual({ status: 'ready', store: 'sqlite', dnc: { stale: [] } });
      const metrics = await api.get('/metrics');
      expect(metrics.text).toMatch(/consent_gate_decisions_total\{kind="precall",allowed="true",reason="none"\} \d+/);
      const openapi = await api.get('/openapi.json');
      expect(openapi.body.openapi).toBe('3.1.0');
      expect(openapi.body.paths['/v1/precall'].post.requestBody.content['application/json'].schema.properties.purpose.enum).toContain('telemarketing');
      expect(Object.keys(openapi.body.paths)).toEqual(
        expect.arrayContaining(['/v1/revoke', '/v1/sms/pre-send', '/v1/consents/{id}', '/v1/evidence/{id}', '/v1/orgs', '/v1/keys']),
      );
    });
  });
});
