/**
 * Two gateway instances on one real Redis, each hearing half of one call (an agent stream that
 * reconnects to the other instance mid-call, as behind a load balancer): the record read through
 * either is the one whole call, and its evidence verifies.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis';
import { FrameClient } from '../support/wsClient';
import { settledCallRecord, withEvents } from '../support/callRecords';

const clock = new FixedClock(new Date('2026-04-10T20:00:00.000Z'));
const PHONE = '+12125550199';
const START = { type: 'start', call_id: 'lb-call-1', phone: PHONE, calling_entity: 'Acme Insurance LLC' };
let redis: RedisServer;
let a: TestGateway;
let b: TestGateway;

beforeAll(async () => {
  redis = await startRedisServer();
  const env = { STORE: 'redis', REDIS_URL: redis.url };
  [a, b] = await Promise.all([startTestGateway(env, { clock }), startTestGateway(env, { clock })]);
  const onA = await FrameClient.connect(a.url.replace('http', 'ws') + '/v1/stream', a.auth);
  await onA.quietAfter([START]);
  clock.advance(2000);
  await onA.quietAfter([{ type: 'dtmf', call_id: 'lb-call-1', digit: '4' }]);
  onA.close();
  // The agent's connection lands on the other instance and starts the call again there.
  const onB = await FrameClient.connect(b.url.replace('http', 'ws') + '/v1/stream', b.auth);
  await onB.quietAfter([START]);
  clock.advance(2000);
  onB.send({ type: 'transcript', call_id: 'lb-call-1', text: 'take me off your list', is_final: true, speaker: 'customer' });
  await onB.next();
  clock.advance(1000);
  await onB.quietAfter([{ type: 'stop', call_id: 'lb-call-1' }]);
  onB.close();
  await settledCallRecord(b.url, b.auth, 'lb-call-1', withEvents(5));
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

describe('a call heard by two gateways on one Redis', () => {
  it('reads back as one whole record through either instance, its evidence verified', async () => {
    const [viaA, viaB] = await Promise.all([a, b].map((gw) => request(gw.url).get('/v1/calls/lb-call-1').set(gw.auth).expect(200)));
    // The same record; each instance links its evidence at its own address.
    const { evidence_url: _a, ...recordA } = viaA.body;
    const { evidence_url: _b, ...recordB } = viaB.body;
    expect(recordA).toEqual(recordB);
    expect(viaA.body).toMatchObject({
      answered_at: '2026-04-10T20:00:00.000Z',
      dtmf: [{ digit: '4', at: '2026-04-10T20:00:02.000Z' }],
      opt_outs: [{ trigger: 'verbal_stop_during_call', offset_seconds: 4, transcript: 'take me off your list' }],
      ended_at: '2026-04-10T20:00:05.000Z',
      status: 'completed',
    });
    // The second start is the same moment of the same call, not a second one.
    expect(viaA.body.events.map((e: { kind: string }) => e.kind)).toEqual(['gated', 'answered', 'dtmf', 'opt_out', 'ended']);
    const ev = await request(b.url).get(`/v1/evidence/${viaA.body.id}`).set(b.auth).set('Accept', 'application/json').expect(200);
    expect(ev.body.integrity).toMatchObject({ chain_verified: true, record_matches_chain: true });
  });
});
