/**
 * Call records of agent-stream calls, end to end: a real `ws` client streams a call to a running
 * gateway (start, a key press, a spoken opt-out, stop), and the record is read back over HTTP by the
 * client's call id and by ours, listed, and served as evidence whose chain verifies.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';
import { settledCallRecord, withEvents } from '../support/callRecords';

const ENTITY = 'Acme Insurance LLC';
const PHONE = '+12125550177';
const T0 = '2026-04-10T18:00:00.000Z';

describe('call records of agent-stream calls', () => {
  let gw: TestGateway;
  const clock = new FixedClock(new Date(T0));
  let optOut: Record<string, unknown>;
  let otherOrgKey: string;
  let noAuditKey: string;

  beforeAll(async () => {
    gw = await startTestGateway({}, { clock });
    const c = await FrameClient.connect(gw.url.replace('http', 'ws') + '/v1/stream', gw.auth);
    await c.quietAfter([{ type: 'start', call_id: 'agent-call-7', phone: PHONE, calling_entity: ENTITY }]);
    clock.advance(3000);
    await c.quietAfter([{ type: 'dtmf', call_id: 'agent-call-7', digit: '5' }]);
    clock.advance(2000);
    c.send({ type: 'transcript', call_id: 'agent-call-7', text: 'no thanks, stop calling me', is_final: true, speaker: 'customer' });
    optOut = await c.next();
    clock.advance(1000);
    await c.quietAfter([{ type: 'stop', call_id: 'agent-call-7' }]);
    c.close();
    await settledCallRecord(gw.url, gw.auth, 'agent-call-7', withEvents(5));
    const org = await request(gw.url).post('/v1/orgs').set(gw.auth).send({ name: 'Other Org' }).expect(201);
    otherOrgKey = org.body.api_key;
    const narrow = await request(gw.url)
      .post('/v1/keys')
      .set(gw.auth)
      .send({ scopes: ['precall', 'revoke'] })
      .expect(201);
    noAuditKey = narrow.body.api_key;
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("one record keyed by the client's call_id: answer, the key pressed, the opt-out at its offset with its words, the end", async () => {
    const res = await request(gw.url).get('/v1/calls/agent-call-7').set(gw.auth).expect(200);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^call_/),
      carrier: 'stream',
      carrier_call_id: 'agent-call-7',
      phone: PHONE,
      entity: ENTITY,
      answered_at: T0,
      ended_at: '2026-04-10T18:00:06.000Z',
      status: 'completed',
      disclosure: null,
      dtmf: [{ digit: '5', at: '2026-04-10T18:00:03.000Z' }],
      opt_outs: [{ revocation_id: optOut.revocation_id, trigger: 'verbal_stop_during_call', offset_seconds: 5, transcript: 'no thanks, stop calling me' }],
      sources: { answered_at: expect.stringContaining('start frame'), ended_at: 'agent stream: stop frame' },
    });
    expect(res.body.evidence_url).toMatch(new RegExp(`/v1/evidence/${res.body.id}\\?org=`));
    const byOurs = await request(gw.url).get(`/v1/calls/${res.body.id}`).set(gw.auth).expect(200);
    expect(byOurs.body).toEqual(res.body);
  });

  it('lists the call by phone and start time; a bad phone or date is 400 naming the field', async () => {
    const listed = await request(gw.url)
      .get(`/v1/calls?phone=${encodeURIComponent(PHONE)}`)
      .set(gw.auth)
      .expect(200);
    expect(listed.body.data.map((c: { carrier_call_id: string }) => c.carrier_call_id)).toEqual(['agent-call-7']);
    const later = await request(gw.url).get('/v1/calls?from=2026-04-11T00:00:00Z').set(gw.auth).expect(200);
    expect(later.body.data).toEqual([]);
    const badPhone = await request(gw.url).get('/v1/calls?phone=12').set(gw.auth).expect(400);
    expect(badPhone.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { phone: expect.any(String) } });
    const badDate = await request(gw.url).get('/v1/calls?from=yesterday').set(gw.auth).expect(400);
    expect(badDate.body.error.details).toHaveProperty('from');
  });

  it('evidence for the call: every event an entry on the consumer’s verified chain, the record matching it', async () => {
    const ev = await request(gw.url).get('/v1/calls/agent-call-7').set(gw.auth);
    const res = await request(gw.url).get(`/v1/evidence/${ev.body.id}`).set(gw.auth).set('Accept', 'application/json').expect(200);
    expect(res.body).toMatchObject({ id: ev.body.id, type: 'call', integrity: { chain_verified: true, record_matches_chain: true } });
    expect(res.body.history.map((e: { kind: string }) => e.kind)).toEqual(Array(5).fill('call_event'));
    // The chain also holds the revocation the opt-out made, between the call's events.
    expect(res.body.integrity.chain_length).toBe(6);
    const page = await fetch(ev.body.evidence_url, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Call record');
    expect(html).toContain('no thanks, stop calling me');
  });

  it("another org's call is 404 by either id; a key without audit:read is 403", async () => {
    const ours = await request(gw.url).get('/v1/calls/agent-call-7').set(gw.auth);
    for (const id of ['agent-call-7', ours.body.id]) {
      const res = await request(gw.url).get(`/v1/calls/${id}`).set('Authorization', `Bearer ${otherOrgKey}`).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      await request(gw.url).get(`/v1/evidence/${id}`).set('Authorization', `Bearer ${otherOrgKey}`).set('Accept', 'application/json').expect(404);
    }
    expect((await request(gw.url).get('/v1/calls/agent-call-7').set('Authorization', `Bearer ${noAuditKey}`)).status).toBe(403);
    expect((await request(gw.url).get('/v1/calls').set('Authorization', `Bearer ${noAuditKey}`)).status).toBe(403);
  });
});
