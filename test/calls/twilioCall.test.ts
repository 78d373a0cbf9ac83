/**
 * Call records of Twilio calls, end to end with the real twilio SDK, the Twilio emulator and the
 * fake application: an AI call placed through the gateway gets the gateway's status callback, is
 * answered (the TwiML request), hears the disclosure, presses 9, and completes; its record, its
 * evidence and what the application's own status callback received are read back.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_SID, ACME, ACME_NUMBER, CLINIC, CLINIC_NUMBER, seedConsent, signedWebhook, startStack, TWIML, type Stack } from '../twilio/harness';
import { attrsOf, parseTwiml, tagOf, elementsOf } from '../../adapters/twiml';
import { settledCallRecord, withEvents } from '../support/callRecords';

const CONSUMER = '+12125553030';
const rfc2822 = (iso: string) => new Date(iso).toUTCString();

describe('call records of Twilio calls', () => {
  let s: Stack;
  let sid: string;
  let start: string;

  beforeAll(async () => {
    s = await startStack();
    await seedConsent(s, CONSUMER, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/voice/record', { body: TWIML('<Say>Hi from the app</Say>') });
    s.app.on('/status', { body: '' });
    start = s.clock.now().toISOString();
    const call = await s.client.calls.create({
      to: CONSUMER,
      from: ACME_NUMBER,
      url: `${s.app.url}/voice/record`,
      statusCallback: `${s.app.url}/status`,
      statusCallbackEvent: ['answered', 'completed'],
    });
    sid = call.sid;
    const at = (ms: number) => new Date(Date.parse(start) + ms).toISOString();
    await s.emulator.statusCallback(sid, 'initiated', { Timestamp: rfc2822(at(1000)) });
    await s.emulator.statusCallback(sid, 'ringing', { Timestamp: rfc2822(at(2000)) });
    s.clock.set(at(9000));
    const first = await s.emulator.answer(sid);
    await s.emulator.statusCallback(sid, 'in-progress', { Timestamp: rfc2822(at(9000)) });
    s.clock.set(at(15000));
    const gather = elementsOf(parseTwiml(first).verbs).find((v) => tagOf(v) === 'Gather')!;
    await s.emulator.pressDigits(sid, attrsOf(gather).action, '9');
    const completed = { Timestamp: rfc2822(at(16000)), CallDuration: '7' };
    await s.emulator.statusCallback(sid, 'completed', completed);
    // Twilio redelivers: the same callback, the same sequence number.
    await s.emulator.statusCallback(sid, 'completed', { ...completed, SequenceNumber: '3' });
    // gated, initiated, ringing, answered twice (TwiML request, callback), disclosure started, the key, its opt-out, the end.
    await settledCallRecord(s.gw.url, s.gw.auth, sid, withEvents(9));
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("the create asks Twilio for every call event at the gateway's StatusCallback, in place of the application's", () => {
    const sent = s.emulator.callParams.get(sid)!;
    expect(sent.StatusCallback).toMatch(new RegExp(`^${s.gw.url}/twilio/status\\?cg=`));
    expect(sent.StatusCallbackMethod).toBe('POST');
  });

  it('one record: the decision, the answer, the disclosure started within its window, DTMF 9 and its opt-out, the final status and duration', async () => {
    const res = await request(s.gw.url).get(`/v1/calls/${sid}`).set(s.gw.auth).expect(200);
    expect(res.body).toMatchObject({
      carrier: 'twilio',
      carrier_call_id: sid,
      decision_id: expect.stringMatching(/^dec_/),
      phone: CONSUMER,
      entity: ACME,
      answered_at: new Date(Date.parse(start) + 9000).toISOString(),
      status: 'completed',
      duration_seconds: 7,
      ended_at: new Date(Date.parse(start) + 16000).toISOString(),
      disclosure: { script: expect.stringContaining(ACME), started_at: new Date(Date.parse(start) + 9000).toISOString(), within_window: true },
      dtmf: [{ digit: '9' }],
      opt_outs: [{ revocation_id: expect.stringMatching(/^rev_/), trigger: 'dtmf_opt_out', offset_seconds: 6, transcript: null }],
      sources: { answered_at: expect.stringMatching(/TwiML request|status callback/), ended_at: 'twilio status callback: completed' },
    });
    expect(res.body.events.filter((e: { kind: string }) => e.kind === 'ended')).toHaveLength(1);
    expect(res.body.events.filter((e: { kind: string }) => e.kind === 'status').map((e: { source: string }) => e.source)).toEqual([
      'twilio status callback: initiated',
      'twilio status callback: ringing',
    ]);
    const ev = await request(s.gw.url).get(`/v1/evidence/${res.body.id}`).set(s.gw.auth).set('Accept', 'application/json').expect(200);
    expect(ev.body.integrity).toMatchObject({ chain_verified: true, record_matches_chain: true });
  });

  it('a call where nothing is pressed: the Gather timing out after the script tells when the disclosure had been said, and the call goes on with the app’s verbs, not fetched again', async () => {
    const consumer = '+12125553031';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/voice/quiet', { body: TWIML('<Say>Hi from the app</Say>') });
    const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, url: `${s.app.url}/voice/quiet` });
    const answeredAt = s.clock.now().getTime();
    const first = await s.emulator.answer(call.sid);
    const gather = elementsOf(parseTwiml(first).verbs).find((v) => tagOf(v) === 'Gather')!;
    expect(attrsOf(gather).actionOnEmptyResult).toBe('true');
    s.clock.set(new Date(answeredAt + 6500));
    const next = await s.emulator.pressDigits(call.sid, attrsOf(gather).action, '');
    expect(next).toContain('Hi from the app');
    expect(s.app.received('/voice/quiet')).toHaveLength(1);
    const record = (await settledCallRecord(s.gw.url, s.gw.auth, call.sid, withEvents(4))) as {
      disclosure: unknown;
      sources: { disclosure_completed_at: string };
      dtmf: unknown[];
    };
    expect(record.disclosure).toMatchObject({
      started_at: new Date(answeredAt).toISOString(),
      completed_at: new Date(answeredAt + 6500).toISOString(),
      within_window: true,
    });
    expect(record.sources.disclosure_completed_at).toContain('actionOnEmptyResult');
    expect(record.dtmf).toEqual([]);
  });

  it('a status callback for a call the gateway never gated is relayed and not recorded', async () => {
    const stranger = 'CA' + 'e'.repeat(32);
    const res = await signedWebhook(s, '/twilio/status', { AccountSid: ACCOUNT_SID, CallSid: stranger, CallStatus: 'completed', CallDuration: '3' });
    expect(res.status).toBe(200);
    expect(s.app.received('/twilio/status').at(-1)?.form.CallSid).toBe(stranger);
    await request(s.gw.url).get(`/v1/calls/${stranger}`).set(s.gw.auth).expect(404);
  });

  it("the application's own StatusCallback gets the events it asked for, unchanged and re-signed for its URL", () => {
    const got = s.app.received('/status');
    expect(got.map((r) => r.form.CallStatus)).toEqual(['in-progress', 'completed', 'completed']);
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got[1].form).toMatchObject({ CallSid: sid, CallDuration: '7', SequenceNumber: '3' });
  });

  it('a human call, which needs no disclosure, gets its record too: the decision, the answer and the end, with no disclosure', async () => {
    const human = '+13125553031';
    await seedConsent(s, human, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const call = await s.client.calls.create({ to: human, from: CLINIC_NUMBER, twiml: '<Response><Say>Your appointment is at 3</Say></Response>' });
    // Twilio's Timestamp is RFC 2822, to the second.
    const startedAt = Math.floor(s.clock.now().getTime() / 1000) * 1000;
    const at = (ms: number) => rfc2822(new Date(startedAt + ms).toISOString());
    await s.emulator.statusCallback(call.sid, 'in-progress', { Timestamp: at(4000) });
    await s.emulator.statusCallback(call.sid, 'completed', { Timestamp: at(34000), CallDuration: '30' });
    const record = (await settledCallRecord(s.gw.url, s.gw.auth, call.sid, withEvents(3))) as Record<string, unknown>;
    expect(record).toMatchObject({
      carrier: 'twilio',
      carrier_call_id: call.sid,
      phone: human,
      entity: CLINIC,
      status: 'completed',
      duration_seconds: 30,
      disclosure: null,
    });
    expect(record.answered_at).toBe(new Date(startedAt + 4000).toISOString());
  });

  it("an application whose own status callback is down: Twilio still gets a 200 and the call's record still ends", async () => {
    const human = '+13125553032';
    await seedConsent(s, human, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    s.app.on('/status-down', { status: 500, body: 'boom' });
    const call = await s.client.calls.create({
      to: human,
      from: CLINIC_NUMBER,
      twiml: '<Response><Say>Your appointment is at 3</Say></Response>',
      statusCallback: `${s.app.url}/status-down`,
    });
    const answer = await s.emulator.statusCallback(call.sid, 'completed', { CallDuration: '12' });
    expect(answer.status).toBe(200);
    expect(s.app.received('/status-down')).toHaveLength(1);
    const record = (await settledCallRecord(s.gw.url, s.gw.auth, call.sid, withEvents(2))) as Record<string, unknown>;
    expect(record).toMatchObject({ status: 'completed', duration_seconds: 12 });
  });
});
