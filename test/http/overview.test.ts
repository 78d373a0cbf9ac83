/**
 * The read endpoints behind the console, over real HTTP as a script would use them: counts per day,
 * opt-outs by honor-by date, one number's whole record, alerts, filtered decisions — each within
 * the caller's org, and a malformed query answered 400 naming the field.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { freePort } from '../support/ports';

const PHONE = '+12125550143';
const today = () => new Date().toISOString().slice(0, 10);

describe('console read endpoints', () => {
  let gw: TestGateway;
  let other: { Authorization: string };
  let revocationId: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    const api = request(gw.url);
    await api
      .post('/v1/consents')
      .set(gw.auth)
      .send({
        phone: PHONE,
        calling_entity: 'Acme',
        type: 'prior_express_written',
        scope: ['ai_voice', 'human_voice', 'telemarketing', 'informational'],
        ai_specific_consent: true,
        captured_at: '2026-03-15T14:23:11Z',
      })
      .expect(201);
    const call = { calling_entity: 'Acme', purpose: 'informational', call_type: 'human_voice' };
    await api
      .post('/v1/precall')
      .set(gw.auth)
      .send({ ...call, phone: PHONE })
      .expect(200);
    await api
      .post('/v1/precall')
      .set(gw.auth)
      .send({ ...call, phone: '+13055550100' })
      .expect(200);
    await api
      .post('/v1/precall')
      .set(gw.auth)
      .send({ ...call, phone: '+13055550101', calling_entity: 'Other Co' })
      .expect(200);
    const rev = await api.post('/v1/revoke').set(gw.auth).send({ phone: PHONE, calling_entity: 'Acme', trigger: 'sms_stop' }).expect(201);
    revocationId = rev.body.revocation_id;
    await api
      .post('/v1/precall')
      .set(gw.auth)
      .send({ ...call, phone: PHONE })
      .expect(200);
    const org = await api.post('/v1/orgs').set(gw.auth).send({ name: 'Another org' }).expect(201);
    other = { Authorization: `Bearer ${org.body.api_key}` };
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
  });

  it("counts today's decisions by outcome and reason, for the caller's org only", async () => {
    const res = await request(gw.url).get('/v1/stats/decisions').set(gw.auth).expect(200);
    expect(res.body).toEqual({
      from: today(),
      to: today(),
      data: [
        { day: today(), kind: 'precall', outcome: 'allowed', reason: null, count: 1 },
        { day: today(), kind: 'precall', outcome: 'blocked', reason: 'consumer_revoked', count: 1 },
        { day: today(), kind: 'precall', outcome: 'blocked', reason: 'no_consent_on_file', count: 2 },
      ],
    });
    expect((await request(gw.url).get('/v1/stats/decisions').set(other).expect(200)).body.data).toEqual([]);
  });

  it('lists 30 days of opt-outs, every day, and the opt-outs whose honor-by date is near', async () => {
    const res = await request(gw.url).get('/v1/stats/opt-outs').set(gw.auth).expect(200);
    expect(res.body.data).toHaveLength(30);
    expect(res.body.data.at(-1)).toEqual({ day: today(), count: 1, by_trigger: { sms_stop: 1 } });
    const due = await request(gw.url).get('/v1/revocations').set(gw.auth).expect(200);
    expect(due.body.data.map((r: { id: string }) => r.id)).toEqual([revocationId]);
    expect((await request(gw.url).get('/v1/revocations').set(other).expect(200)).body.data).toEqual([]);
  });

  it("answers everything about one number, its chain verified, and nothing of it to another org's key", async () => {
    const res = await request(gw.url)
      .get(`/v1/number?phone=${encodeURIComponent(PHONE)}`)
      .set(gw.auth)
      .expect(200);
    expect(res.body.phone).toBe(PHONE);
    expect(res.body.consents).toHaveLength(1);
    expect(res.body.revocations.map((r: { id: string }) => r.id)).toEqual([revocationId]);
    expect(res.body.decisions.data.map((d: { reason: string | null }) => d.reason)).toEqual([null, 'consumer_revoked']);
    expect(res.body.chain).toMatchObject({ verified: true, length: 4 });
    expect(res.body.revocations[0].evidence_url).toMatch(/\/v1\/evidence\/rev_\w+\?org=/);
    const theirs = await request(gw.url)
      .get(`/v1/number?phone=${encodeURIComponent(PHONE)}`)
      .set(other)
      .expect(200);
    expect(theirs.body).toMatchObject({ consents: [], revocations: [], decisions: { data: [] }, chain: { length: 0 } });
  });

  it('filters decisions by outcome, reason and entity', async () => {
    const reasons = async (query: string) =>
      (await request(gw.url).get(`/v1/decisions?${query}`).set(gw.auth).expect(200)).body.data.map((d: { entity: string; reason: string | null }) => [
        d.entity,
        d.reason,
      ]);
    expect(await reasons('reason=no_consent_on_file')).toEqual([
      ['Acme', 'no_consent_on_file'],
      ['Other Co', 'no_consent_on_file'],
    ]);
    expect(await reasons('entity=%20other%20co')).toEqual([['Other Co', 'no_consent_on_file']]);
    expect(await reasons('outcome=allowed')).toEqual([['Acme', null]]);
    // A page of one walks on with a cursor to the next match.
    const first = await request(gw.url).get('/v1/decisions?outcome=blocked&limit=1').set(gw.auth).expect(200);
    const second = await request(gw.url).get(`/v1/decisions?outcome=blocked&limit=1&after=${first.body.next_cursor}`).set(gw.auth).expect(200);
    expect([first.body.data[0].phone, second.body.data[0].phone]).toEqual(['+13055550100', '+13055550101']);
  });

  it('answers alerts (none here) and refuses malformed queries naming the field', async () => {
    expect((await request(gw.url).get('/v1/alerts').set(gw.auth).expect(200)).body).toEqual({ data: [] });
    const bad = async (path: string) => (await request(gw.url).get(path).set(gw.auth).expect(400)).body.error.details;
    expect(await bad('/v1/stats/decisions?from=2026-02-30')).toHaveProperty('from');
    expect(await bad('/v1/stats/decisions?from=2026-12-02&to=2026-12-01')).toHaveProperty('from');
    expect(await bad('/v1/stats/opt-outs?from=2024-01-01&to=2026-01-01')).toHaveProperty('from');
    expect(await bad('/v1/revocations?honor_by_to=soon')).toHaveProperty('honor_by_to');
    expect(await bad('/v1/decisions?reason=bored')).toHaveProperty('reason');
    expect(await bad('/v1/number?phone=not-a-phone')).toHaveProperty('phone');
    await request(gw.url).get('/v1/stats/decisions').expect(401);
  });
});

describe('alerts', () => {
  let gw: TestGateway;
  let other: { Authorization: string };
  let reader: { Authorization: string };

  beforeAll(async () => {
    // A network peer that never answers: a network-wide opt-out stays in the outbox.
    const deadPeer = await freePort();
    gw = await startTestGateway({
      NETWORK_POLL_MS: 60_000,
      network_subscribers: [{ url: `http://127.0.0.1:${deadPeer}/network/revocations`, secret: 'network-shared-secret-0123456789' }],
      TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-the-alerts-test',
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    });
    const org = await request(gw.url).post('/v1/orgs').set(gw.auth).send({ name: 'Another org' }).expect(201);
    other = { Authorization: `Bearer ${org.body.api_key}` };
    const key = await request(gw.url)
      .post('/v1/keys')
      .set(gw.auth)
      .send({ scopes: ['audit:read'] })
      .expect(201);
    reader = { Authorization: `Bearer ${key.body.api_key}` };
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
  });

  it('tells an org of its undelivered network opt-outs, and an admin of refused carrier webhooks; another org of neither', async () => {
    await request(gw.url).post('/v1/revoke').set(gw.auth).send({ phone: PHONE, calling_entity: 'Acme', trigger: 'sms_stop', scope: 'all' }).expect(201);
    await request(gw.url).post('/twilio/voice').set('X-Twilio-Signature', 'forged').type('form').send({ CallSid: 'CA1', To: PHONE }).expect(403);
    const codes = async (auth: { Authorization: string }) =>
      (await request(gw.url).get('/v1/alerts').set(auth).expect(200)).body.data.map((a: { code: string; count: number }) => [a.code, a.count]);
    expect(await codes(gw.auth)).toEqual([
      ['network_outbox_backlog', 1],
      ['webhook_signature_failures', 1],
    ]);
    expect(await codes(reader)).toEqual([['network_outbox_backlog', 1]]);
    expect(await codes(other)).toEqual([]);
  });

  it('shows another org a network-wide opt-out of the number by its dates only, never the record', async () => {
    const theirs = (
      await request(gw.url)
        .get(`/v1/number?phone=${encodeURIComponent(PHONE)}`)
        .set(other)
        .expect(200)
    ).body;
    expect(theirs.revocations).toEqual([]);
    expect(theirs.network_opt_outs).toEqual([{ captured_at: expect.any(String), honor_by_date: expect.any(String) }]);
    expect(JSON.stringify(theirs)).not.toContain('rev_');
    const ours = (
      await request(gw.url)
        .get(`/v1/number?phone=${encodeURIComponent(PHONE)}`)
        .set(gw.auth)
        .expect(200)
    ).body;
    expect(ours.revocations).toHaveLength(1);
    expect(ours.network_opt_outs).toEqual([]);
  });
});
