/**
 * Two gateway instances sharing one real Redis, talked to over HTTP: what
 * one records, the other enforces at once, and racing instances never pass
 * a frequency cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis';
import { AUTH, consentBody, post, precallBody, presendBody } from './http';

// 16:00 in New York, a weekday: inside the calling and texting windows.
const clock = new FixedClock(new Date('2026-04-10T20:00:00.000Z'));
let redis: RedisServer;
let a: TestGateway;
let b: TestGateway;

beforeAll(async () => {
  redis = await startRedisServer();
  const env = { STORE: 'redis', REDIS_URL: redis.url, SMS_DAILY_CAP: 3 };
  // Started together: both bootstrap the same org and admin key at once.
  [a, b] = await Promise.all([startTestGateway(env, { clock }), startTestGateway(env, { clock })]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

describe('two gateways on one Redis', () => {
  it('bootstrapped one org with one admin key between them', async () => {
    expect(a.ctx.ledger.engine).toBe('redis');
    expect(await a.ctx.ledger.listApiKeys('org_default')).toHaveLength(1);
  });

  it('an opt-out taken by one instance blocks the next precall on the other', async () => {
    const phone = '+12125550101';
    expect((await post(a.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    const before = await post(b.url, '/v1/precall', precallBody(phone));
    expect(before.status).toBe(200);
    expect(before.body.allowed).toBe(true);

    const revoked = await post(a.url, '/v1/revoke', {
      phone,
      calling_entity: 'Acme Insurance LLC',
      trigger: 'verbal_stop_during_call',
      transcript: 'stop calling me',
    });
    expect(revoked.status).toBe(201);

    const after = await post(b.url, '/v1/precall', precallBody(phone));
    expect(after.body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    // The decision B recorded is readable through A.
    const d = await fetch(`${a.url}/v1/decisions/${after.body.decision_id}`, { headers: { Authorization: `Bearer ${a.adminKey}` } });
    expect(d.status).toBe(200);
  });

  it('50 pre-sends raced through both instances allow exactly the daily cap', async () => {
    const phone = '+12125550102';
    expect((await post(b.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => post(i % 2 ? a.url : b.url, '/v1/sms/pre-send', presendBody(phone))));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => r.body.allowed === true)).toHaveLength(3);
    const refused = replies.filter((r) => r.body.reason === 'frequency_cap');
    expect(refused).toHaveLength(47);
    // Refused on the count read first or on losing the race to count it, a refusal says the same: the cap and the count.
    for (const r of refused) expect(r.body).toMatchObject({ daily_cap: 3, sent_today: 3 });
    const trail = await a.ctx.ledger.auditTrail('org_default', phone);
    expect(trail.filter((e) => e.kind === 'decision')).toHaveLength(50);
  });

  it("20 telemarketing calls to a Miami number raced through both instances allow exactly Florida's 3 a day", async () => {
    // The gate names Florida's cap in its decision; Redis counts under it. Were the cap not named, every racer could pass.
    const phone = '+13055550103';
    expect((await post(a.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? a.url : b.url, '/v1/precall', precallBody(phone))));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => r.body.allowed === true)).toHaveLength(3);
    const refused = replies.filter((r) => r.body.reason === 'frequency_cap');
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.body).toMatchObject({ jurisdiction: 'US-FL', limit: 3, window_hours: 24, contacts_in_window: 3 });
  });

  it('a state of emergency declared through one instance blocks the next call on the other, and ended through it, no longer does', async () => {
    // A New Orleans number, 15:00 there on a Friday: inside Louisiana's hours. Each instance decides once before the declaration.
    const phone = '+15045550104';
    expect((await post(a.url, '/v1/consents', consentBody(phone))).status).toBe(201);
    for (const gw of [a, b]) expect((await post(gw.url, '/v1/precall', precallBody(phone))).body.allowed).toBe(true);
    const declared = await post(a.url, '/v1/rules/emergencies', {
      jurisdiction: 'US-LA',
      from: '2026-04-10T00:00:00Z',
      to: '2026-04-12T00:00:00Z',
      note: 'storm',
    });
    expect(declared.status).toBe(201);
    expect((await post(b.url, '/v1/precall', precallBody(phone))).body).toMatchObject({ allowed: false, reason: 'state_of_emergency', jurisdiction: 'US-LA' });
    const ended = await fetch(`${b.url}/v1/rules/emergencies/${declared.body.id}`, { method: 'DELETE', headers: AUTH });
    expect(ended.status).toBe(200);
    expect((await post(a.url, '/v1/precall', precallBody(phone))).body.allowed).toBe(true);
  });
});
