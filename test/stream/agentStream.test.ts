/**
 * The agent stream with real websocket clients against a running gateway.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';

const ENTITY = 'Acme Insurance LLC';

describe('GET /v1/stream', () => {
  let gw: TestGateway;
  let wsUrl: string;
  const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));

  beforeAll(async () => {
    gw = await startTestGateway({}, { clock });
    wsUrl = gw.url.replace('http', 'ws') + '/v1/stream';
  });
  afterAll(async () => {
    await gw.close();
  });

  const connect = () => FrameClient.connect(wsUrl, { Authorization: `Bearer ${gw.adminKey}` });
  const precall = (phone: string) =>
    request(gw.url).post('/v1/precall').set(gw.auth).send({ phone, calling_entity: ENTITY, purpose: 'informational', call_type: 'human_voice' });

  it('refuses a connection without a valid key', async () => {
    await expect(FrameClient.connect(wsUrl)).rejects.toThrow(/401/);
    await expect(FrameClient.connect(wsUrl + '?token=cg_live_wrong')).rejects.toThrow(/401/);
  });

  it('accepts the key as ?token= for platforms that cannot set headers', async () => {
    const c = await FrameClient.connect(`${wsUrl}?token=${gw.adminKey}`);
    expect(await c.quietAfter([])).toEqual([]);
    c.close();
  });

  it('a final "stop calling me" from the consumer revokes once and answers opt_out', async () => {
    const c = await connect();
    c.send({ type: 'start', call_id: 'call-1', phone: '+12125550101', calling_entity: ENTITY });
    c.send({ type: 'transcript', call_id: 'call-1', text: 'uh yeah no just stop calling me', is_final: true, speaker: 'customer' });
    const frame = await c.next();
    expect(frame).toMatchObject({
      type: 'opt_out',
      call_id: 'call-1',
      revocation_id: expect.stringMatching(/^rev_/),
      honor_by_date: '2026-04-24T18:00:00Z',
      action: 'end_call',
      say: expect.stringContaining(ENTITY),
    });
    // Saying it again is not a second revocation nor a second frame.
    const after = await c.quietAfter([{ type: 'transcript', call_id: 'call-1', text: 'STOP. STOP!', is_final: true, speaker: 'customer' }]);
    expect(after).toEqual([]);
    const blocked = await precall('+12125550101');
    expect(blocked.body).toMatchObject({ allowed: false, reason: 'consumer_revoked', revocation_id: frame.revocation_id });
    const evidence = await request(gw.url).get(`/v1/evidence/${frame.revocation_id}`).set(gw.auth);
    expect(evidence.body.record).toMatchObject({ trigger: 'verbal_stop_during_call', transcript: 'uh yeah no just stop calling me' });
    c.close();
  });

  it("partial transcripts and the agent's own disclosure never revoke", async () => {
    const c = await connect();
    c.send({ type: 'start', call_id: 'call-2', phone: '+12125550102', calling_entity: ENTITY });
    const frames = await c.quietAfter([
      { type: 'transcript', call_id: 'call-2', text: 'If you would like to opt out at any time, just say stop or press 9.', is_final: true, speaker: 'agent' },
      { type: 'transcript', call_id: 'call-2', text: 'stop calling', is_final: false, speaker: 'consumer' },
    ]);
    expect(frames).toEqual([]);
    expect((await precall('+12125550102')).body.reason).not.toBe('consumer_revoked');
    c.close();
  });

  it('DTMF 9 revokes with the dtmf trigger; other digits do nothing', async () => {
    const c = await connect();
    c.send({ type: 'start', call_id: 'call-3', phone: '+12125550103', calling_entity: ENTITY });
    expect(await c.quietAfter([{ type: 'dtmf', call_id: 'call-3', digit: '1' }])).toEqual([]);
    c.send({ type: 'dtmf', call_id: 'call-3', digit: '9' });
    const frame = await c.next();
    expect(frame.type).toBe('opt_out');
    const ev = await request(gw.url).get(`/v1/evidence/${frame.revocation_id}`).set(gw.auth);
    expect(ev.body.record.trigger).toBe('dtmf_opt_out');
    c.close();
  });

  it('answers malformed frames and unknown calls with an error frame and keeps the connection', async () => {
    const c = await connect();
    c.send('not json');
    expect(await c.next()).toEqual({ type: 'error', code: 'VALIDATION_FAILED', message: 'frame is not valid JSON' });
    c.send({ type: 'transcript', call_id: 'x', text: 'hi' });
    expect(await c.next()).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED', message: expect.stringContaining('is_final') });
    c.send({ type: 'start', call_id: 'c', phone: '123', calling_entity: ENTITY });
    expect(await c.next()).toMatchObject({ type: 'error', message: expect.stringContaining('phone') });
    c.send({ type: 'transcript', call_id: 'never-started', text: 'stop', is_final: true, speaker: 'consumer' });
    expect(await c.next()).toMatchObject({ type: 'error', code: 'NOT_FOUND', call_id: 'never-started' });
    c.send({ type: 'dance', call_id: 'x' });
    expect(await c.next()).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    c.close();
  });

  it('closes a connection that sends a frame over the size limit', async () => {
    const c = await connect();
    c.send({ type: 'transcript', call_id: 'big', text: 'x'.repeat(70 * 1024), is_final: true });
    const closed = await c.closed;
    expect(closed.code).toBe(1009);
  });

  it('keeps calls of one connection apart', async () => {
    const c = await connect();
    c.send({ type: 'start', call_id: 'a', phone: '+12125550104', calling_entity: ENTITY });
    c.send({ type: 'start', call_id: 'b', phone: '+12125550105', calling_entity: ENTITY });
    c.send({ type: 'transcript', call_id: 'b', text: 'take me off your list', is_final: true, speaker: 'consumer' });
    expect(await c.next()).toMatchObject({ type: 'opt_out', call_id: 'b' });
    expect((await precall('+12125550104')).body.reason).not.toBe('consumer_revoked');
    expect((await precall('+12125550105')).body.reason).toBe('consumer_revoked');
    c.close();
  });
});
