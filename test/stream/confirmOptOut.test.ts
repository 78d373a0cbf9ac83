/**
 * The confirm step on the agent stream, with a real websocket client against
 * a running gateway: speech that may be an opt-out is asked about once per
 * call, and only a yes in the next two consumer turns revokes.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';

const ENTITY = 'Acme Insurance LLC';
const QUESTION = 'Would you like us to stop calling you?';

describe('GET /v1/stream: the confirm step', () => {
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
  const precallReason = async (phone: string) =>
    (await request(gw.url).post('/v1/precall').set(gw.auth).send({ phone, calling_entity: ENTITY, purpose: 'informational', call_type: 'human_voice' })).body
      .reason;
  const consumer = (callId: string, text: string, extra: Record<string, unknown> = {}) => ({
    type: 'transcript',
    call_id: callId,
    text,
    is_final: true,
    speaker: 'customer',
    ...extra,
  });
  async function startCall(callId: string, phone: string): Promise<FrameClient> {
    const c = await connect();
    c.send({ type: 'start', call_id: callId, phone, calling_entity: ENTITY });
    return c;
  }

  it('possible → confirm_opt_out → "yes" revokes, with both utterances in the evidence', async () => {
    const phone = '+12125556001';
    const c = await startCall('cf-1', phone);
    c.send(consumer('cf-1', "I'm not interested."));
    expect(await c.next()).toEqual({ type: 'confirm_opt_out', call_id: 'cf-1', say: QUESTION });
    // Nothing is revoked by the possible opt-out alone.
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.send(consumer('cf-1', 'Yes, please.'));
    const frame = await c.next();
    expect(frame).toMatchObject({
      type: 'opt_out',
      call_id: 'cf-1',
      revocation_id: expect.stringMatching(/^rev_/),
      honor_by_date: '2026-04-24T18:00:00Z',
      action: 'end_call',
      say: expect.stringContaining(ENTITY),
      confirmed: true,
    });
    expect(await precallReason(phone)).toBe('consumer_revoked');
    const evidence = await request(gw.url).get(`/v1/evidence/${frame.revocation_id}`).set(gw.auth);
    expect(evidence.body.record).toMatchObject({ trigger: 'verbal_stop_during_call', phone });
    expect(evidence.body.record.transcript).toBe(`I'm not interested. | asked: ${QUESTION} | Yes, please.`);
    c.close();
  });

  it('a phrase opt-out the classifier doubts is asked about rather than revoked at once; "sim" revokes', async () => {
    const phone = '+12125556007';
    const c = await startCall('cf-7', phone);
    c.send(consumer('cf-7', 'o cara do telemarketing da outra empresa eu mandei parar de ligar'));
    expect(await c.next()).toEqual({ type: 'confirm_opt_out', call_id: 'cf-7', say: QUESTION });
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.send(consumer('cf-7', 'sim'));
    expect(await c.next()).toMatchObject({ type: 'opt_out', call_id: 'cf-7', confirmed: true });
    expect(await precallReason(phone)).toBe('consumer_revoked');
    c.close();
  });

  it('possible → "no, go on" → nothing, and a later "yes" is not taken as the answer', async () => {
    const phone = '+12125556002';
    const c = await startCall('cf-2', phone);
    c.send(consumer('cf-2', 'who gave you my number?'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out' });
    expect(await c.quietAfter([consumer('cf-2', 'no, go on'), consumer('cf-2', 'yes')])).toEqual([]);
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.close();
  });

  it('asks once per call: a second possible opt-out, in the window or after it, asks nothing', async () => {
    const phone = '+12125556003';
    const c = await startCall('cf-3', phone);
    c.send(consumer('cf-3', 'why do you keep calling'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out', call_id: 'cf-3' });
    const later = await c.quietAfter([
      consumer('cf-3', "I'm just not interested"),
      consumer('cf-3', 'what plans do you have'),
      consumer('cf-3', 'who gave you my number'),
      consumer('cf-3', 'yes'),
    ]);
    expect(later).toEqual([]);
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.close();
  });

  it('possible, then two unrelated turns, then "yes": the window has closed, nothing is revoked', async () => {
    const phone = '+12125556004';
    const c = await startCall('cf-4', phone);
    c.send(consumer('cf-4', 'not interested'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out' });
    const after = await c.quietAfter([consumer('cf-4', 'what did you say'), consumer('cf-4', 'sorry the line is bad'), consumer('cf-4', 'yes')]);
    expect(after).toEqual([]);
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.close();
  });

  it("the agent's words and partials are not turns: the yes may come after them", async () => {
    const phone = '+12125556005';
    const c = await startCall('cf-5', phone);
    c.send(consumer('cf-5', 'not interested'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out' });
    const quiet = await c.quietAfter([
      { type: 'transcript', call_id: 'cf-5', text: 'Would you like us to stop calling you? yes or no', is_final: true, speaker: 'agent' },
      { type: 'transcript', call_id: 'cf-5', text: 'yes', is_final: true, speaker: 'assistant' },
      consumer('cf-5', 'hmm', { is_final: false }),
      consumer('cf-5', 'what was that'),
    ]);
    expect(quiet).toEqual([]);
    expect(await precallReason(phone)).not.toBe('consumer_revoked');
    c.send(consumer('cf-5', 'yeah'));
    expect(await c.next()).toMatchObject({ type: 'opt_out', call_id: 'cf-5', confirmed: true });
    expect(await precallReason(phone)).toBe('consumer_revoked');
    c.close();
  });

  it('a clear opt-out while the question is open revokes at once, not as a confirmation', async () => {
    const phone = '+12125556006';
    const c = await startCall('cf-6', phone);
    c.send(consumer('cf-6', 'not interested'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out' });
    c.send(consumer('cf-6', 'just stop calling me'));
    const frame = await c.next();
    expect(frame).toMatchObject({ type: 'opt_out', call_id: 'cf-6' });
    expect(frame.confirmed).toBeUndefined();
    const evidence = await request(gw.url).get(`/v1/evidence/${frame.revocation_id}`).set(gw.auth);
    expect(evidence.body.record.transcript).toBe('just stop calling me');
    c.close();
  });

  it('in Spanish: "no me interesa" → the question → "sí, por favor" revokes', async () => {
    const phone = '+12125556007';
    const c = await connect();
    c.send({ type: 'start', call_id: 'cf-7', phone, calling_entity: ENTITY, lang: 'es' });
    c.send(consumer('cf-7', 'No me interesa'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out', say: QUESTION });
    c.send(consumer('cf-7', 'Sí, por favor'));
    expect(await c.next()).toMatchObject({ type: 'opt_out', call_id: 'cf-7', confirmed: true });
    expect(await precallReason(phone)).toBe('consumer_revoked');
    c.close();
  });

  it('calls of one connection have their own question', async () => {
    const c = await connect();
    c.send({ type: 'start', call_id: 'cf-8a', phone: '+12125556008', calling_entity: ENTITY });
    c.send({ type: 'start', call_id: 'cf-8b', phone: '+12125556009', calling_entity: ENTITY });
    c.send(consumer('cf-8a', 'not interested'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out', call_id: 'cf-8a' });
    c.send(consumer('cf-8b', 'not interested'));
    expect(await c.next()).toMatchObject({ type: 'confirm_opt_out', call_id: 'cf-8b' });
    c.send(consumer('cf-8b', 'yes'));
    expect(await c.next()).toMatchObject({ type: 'opt_out', call_id: 'cf-8b' });
    expect(await precallReason('+12125556008')).not.toBe('consumer_revoked');
    expect(await precallReason('+12125556009')).toBe('consumer_revoked');
    c.close();
  });
});
