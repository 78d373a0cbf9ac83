/**
 * Call records of Telnyx calls, end to end with the real telnyx SDK, the Telnyx emulator and the
 * fake application: an AI call placed through the gateway is answered, speaks its disclosure
 * (Telnyx reports the speak starting and ending), hears "stop calling me", and hangs up; its record
 * and evidence are read back.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledCallRecord, withEvents } from '../support/callRecords';
import { ACME, ACME_CONNECTION, ACME_NUMBER, seedConsent, startStack, type Stack } from '../telnyx/harness';

const CONSUMER = '+12125554040';

describe('call records of Telnyx calls', () => {
  let s: Stack;
  let id: string;
  let t0: number;
  const at = (ms: number) => new Date(t0 + ms).toISOString();

  beforeAll(async () => {
    s = await startStack();
    await seedConsent(s, CONSUMER, ACME, ['ai_voice', 'telemarketing']);
    id = (await s.client.calls.dial({ connection_id: ACME_CONNECTION, to: CONSUMER, from: ACME_NUMBER })).data!.call_control_id;
    t0 = s.clock.now().getTime();
    await s.telnyx.answer(id);
    s.clock.set(at(500));
    await s.telnyx.callEvent(id, 'call.speak.started', {});
    s.clock.set(at(6000));
    // Telnyx redelivers the same event (same id): one event in the record.
    await s.telnyx.callEvent(id, 'call.speak.ended', { status: 'completed' }, 'disclosure-ended');
    await s.telnyx.callEvent(id, 'call.speak.ended', { status: 'completed' }, 'disclosure-ended');
    s.clock.set(at(10000));
    await s.telnyx.transcribe(id, 'please stop calling me');
    s.clock.set(at(12000));
    await s.telnyx.speakEnded(id);
    s.clock.set(at(13000));
    await s.telnyx.callEvent(id, 'call.hangup', { hangup_cause: 'normal_clearing', start_time: at(0), end_time: at(13000) });
    // gated, answered, two speaks started and ended (disclosure, confirmation), the opt-out, the hang-up.
    await settledCallRecord(s.gw.url, s.gw.auth, id, withEvents(7));
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('one record: answer, the disclosure spoken within its window (from speak.started / speak.ended), the spoken opt-out, the hang-up', async () => {
    const res = await request(s.gw.url)
      .get(`/v1/calls/${encodeURIComponent(id)}`)
      .set(s.gw.auth)
      .expect(200);
    expect(res.body).toMatchObject({
      carrier: 'telnyx',
      carrier_call_id: id,
      decision_id: expect.stringMatching(/^dec_/),
      phone: CONSUMER,
      entity: ACME,
      answered_at: at(0),
      ended_at: at(13000),
      status: 'completed',
      duration_seconds: 13,
      hangup_cause: 'normal_clearing',
      disclosure: { script: expect.stringContaining(ACME), started_at: at(500), completed_at: at(6000), within_window: true },
      opt_outs: [
        { revocation_id: expect.stringMatching(/^rev_/), trigger: 'verbal_stop_during_call', offset_seconds: 10, transcript: 'please stop calling me' },
      ],
      sources: { answered_at: 'telnyx call.answered', disclosure_completed_at: 'telnyx call.speak.ended', ended_at: 'telnyx call.hangup' },
    });
    expect(res.body.events.filter((e: { kind: string }) => e.kind === 'disclosure_completed')).toHaveLength(2);
    const ev = await request(s.gw.url).get(`/v1/evidence/${res.body.id}`).set(s.gw.auth).set('Accept', 'application/json').expect(200);
    expect(ev.body.integrity).toMatchObject({ chain_verified: true, record_matches_chain: true });
  });

  it('a disclosure cut off by the hang-up is not recorded as said: the record has its start, no completion, and the end', async () => {
    const consumer = '+12125554041';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    const cut = (await s.client.calls.dial({ connection_id: ACME_CONNECTION, to: consumer, from: ACME_NUMBER })).data!.call_control_id;
    const start = s.clock.now().getTime();
    const when = (ms: number) => new Date(start + ms).toISOString();
    await s.telnyx.answer(cut);
    s.clock.set(when(400));
    await s.telnyx.callEvent(cut, 'call.speak.started', {});
    s.clock.set(when(2000));
    await s.telnyx.speakEnded(cut, 'call_hangup');
    await s.telnyx.callEvent(cut, 'call.hangup', { hangup_cause: 'normal_clearing', start_time: when(0), end_time: when(2000) });
    // gated, answered, the speak's start, the hang-up (the cut speech's end is no event of the record).
    const record = (await settledCallRecord(s.gw.url, s.gw.auth, cut, withEvents(4))) as { disclosure: Record<string, unknown>; ended_at: string };
    expect(record.disclosure).toMatchObject({ started_at: when(400), completed_at: null });
    expect(record.ended_at).toBe(when(2000));
  });
});
