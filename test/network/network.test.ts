/**
 * Two deployments subscribed to each other: a network-wide opt-out on one
 * reaches the other through the signed, durable outbox and blocks there as
 * honor_window_active; forged and replayed deliveries are refused.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports';
import { waitForValue } from '../support/wait';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { signNetworkBody } from '../../src/network/signature';

const SECRET = 'network-shared-secret-0123456789';

describe('opt-out network', () => {
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    const [pa, pb] = [await freePort(), await freePort()];
    const sub = (port: number) => [{ url: `http://127.0.0.1:${port}/network/revocations`, secret: SECRET }];
    a = await startTestGateway({ PORT: pa, NETWORK_POLL_MS: 100, network_subscribers: sub(pb) });
    b = await startTestGateway({ PORT: pb, NETWORK_POLL_MS: 100, network_subscribers: sub(pa) });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a scope-all revocation on A blocks calls on B as honor_window_active', async () => {
    const rev = await request(a.url).post('/v1/revoke').set(a.auth).send({ phone: '+12125550160', calling_entity: 'Acme', trigger: 'sms_stop', scope: 'all' });
    expect(rev.body).toMatchObject({ revoked: true, propagated_to_network: true });
    const precallOnB = () =>
      request(b.url)
        .post('/v1/precall')
        .set(b.auth)
        .send({ phone: '+12125550160', calling_entity: 'Other Co', purpose: 'informational', call_type: 'human_voice' });
    const res = await waitForValue(
      'the opt-out to reach B',
      async () => precallOnB(),
      (r) => r.body.reason === 'honor_window_active',
      { timeoutMs: 8000 },
    );
    expect(res.body).toMatchObject({ allowed: false, reason: 'honor_window_active', honor_by_date: rev.body.honor_by_date });
    // B does not echo the peer's revocation back to A as a new one.
    expect(await b.ctx.ledger.dueOutbox('2100-01-01T00:00:00.000Z', 10)).toEqual([]);
  });

  it('refuses deliveries with a bad signature or an old timestamp', async () => {
    const body = JSON.stringify({
      type: 'revocation.network',
      id: 'evt_x',
      origin: 'evil',
      revocation: { id: 'rev_x', phone: '+12125550161', trigger: 'manual', captured_at: '2026-01-01T00:00:00Z', honor_by_date: '2026-01-15T00:00:00Z' },
    });
    const forged = await request(b.url)
      .post('/network/revocations')
      .set('Content-Type', 'application/json')
      .set('X-Consent-Gate-Signature', signNetworkBody('wrong-secret-wrong-secret', body, new Date()))
      .send(body);
    expect(forged.status).toBe(403);
    const replayed = await request(b.url)
      .post('/network/revocations')
      .set('Content-Type', 'application/json')
      .set('X-Consent-Gate-Signature', signNetworkBody(SECRET, body, new Date(Date.now() - 3600_000)))
      .send(body);
    expect(replayed.status).toBe(403);
    const good = await request(b.url)
      .post('/network/revocations')
      .set('Content-Type', 'application/json')
      .set('X-Consent-Gate-Signature', signNetworkBody(SECRET, body, new Date()))
      .send(body);
    expect(good.status).toBe(201);
    const again = await request(b.url)
      .post('/network/revocations')
      .set('Content-Type', 'application/json')
      .set('X-Consent-Gate-Signature', signNetworkBody(SECRET, body, new Date()))
      .send(body);
    expect(again.status).toBe(200);
  });

  it('refuses a signed peer revocation whose dates are impossible, stores nothing and echoes none of it', async () => {
    const phone = '+12125550162';
    const send = (revocation: Record<string, unknown>) => {
      const body = JSON.stringify({
        type: 'revocation.network',
        id: `evt_${revocation.id}`,
        origin: 'https://peer.example',
        revocation: { phone, trigger: 'manual', ...revocation },
      });
      return request(b.url)
        .post('/network/revocations')
        .set('Content-Type', 'application/json')
        .set('X-Consent-Gate-Signature', signNetworkBody(SECRET, body, new Date()))
        .send(body);
    };
    const future = await send({ id: 'rev_future', captured_at: '2099-01-01T00:00:00Z', honor_by_date: '2099-01-15T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { 'revocation.captured_at': 'must not be in the future' } });
    const garbage = await send({ id: 'rev_garbage', captured_at: '2026-01-01T00:00:00Z', honor_by_date: '<img src=x onerror=alert(1)>' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details).toEqual({ 'revocation.honor_by_date': 'must be an ISO 8601 instant' });
    expect(JSON.stringify(garbage.body)).not.toContain('<img');
    const inconsistent = await send({ id: 'rev_far', captured_at: '2026-01-01T00:00:00Z', honor_by_date: '2030-01-01T00:00:00Z' });
    expect(inconsistent.status).toBe(400);
    expect((await b.ctx.ledger.contactFacts(b.bootstrap.orgId, phone)).revocations).toEqual([]);
    const precall = await request(b.url)
      .post('/v1/precall')
      .set(b.auth)
      .send({ phone, calling_entity: 'Other Co', purpose: 'informational', call_type: 'human_voice' });
    expect(precall.body.reason).not.toBe('honor_window_active');
  });

  it('stores a valid peer revocation with the honor-by date this deployment computes, not the one it was sent', async () => {
    const phone = '+12125550163';
    const body = JSON.stringify({
      type: 'revocation.network',
      id: 'evt_ok',
      origin: 'https://peer.example',
      revocation: {
        id: 'rev_ok',
        phone: '(212) 555-0163',
        trigger: 'manual',
        captured_at: '2026-04-10T15:43:10.123+00:00',
        honor_by_date: '2026-04-20T00:00:00Z',
      },
    });
    const res = await request(b.url)
      .post('/network/revocations')
      .set('Content-Type', 'application/json')
      .set('X-Consent-Gate-Signature', signNetworkBody(SECRET, body, new Date()))
      .send(body);
    expect(res.status).toBe(201);
    const [stored] = (await b.ctx.ledger.contactFacts(b.bootstrap.orgId, phone)).revocations;
    expect(stored).toMatchObject({ phone, scope: 'all', captured_at: '2026-04-10T15:43:10Z', honor_by_date: '2026-04-24T15:43:10Z' });
  });
});
