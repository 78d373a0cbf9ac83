/**
 * The confirm step on ConversationRelay, with real sockets on both sides:
 * the consumer hears the question as a `text` frame, the application is told
 * of it, and the answer is read from the next `prompt`s. Texts never ask.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import type { AppSocketRecord } from '../emulators/app';
import { waitUntil } from '../support/wait';
import { ACCOUNT_SID, ACME, ACME_NUMBER, seedConsent, signedWebhook, startStack, TWIML, type Stack } from './harness';
import { connectedRelayCall, sendFrame, type CarrierSide } from './relaySockets';

const QUESTION = 'Would you like us to stop calling you?';
const prompt = (voicePrompt: string, lang = 'en-US') => ({ type: 'prompt', voicePrompt, lang, last: true });
const ofType = (frames: unknown[], type: string) => frames.filter((f) => (f as { type?: string }).type === type) as Record<string, unknown>[];

describe('ConversationRelay: the confirm step', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
    s.app.on('/twilio/sms', { body: TWIML('<Message>Thanks for your message!</Message>') });
  });
  afterAll(async () => {
    await s.stop();
  });

  const precallReason = async (phone: string) =>
    (await request(s.gw.url).post('/v1/precall').set(s.gw.auth).send({ phone, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' })).body
      .reason;

  /** Says each prompt and waits until the application has seen it (so the gateway has too). */
  async function say(call: { twilioSide: CarrierSide; app: AppSocketRecord }, ...texts: string[]): Promise<void> {
    for (const text of texts) {
      const seen = ofType(call.app.frames, 'prompt').length;
      sendFrame(call.twilioSide.ws, prompt(text));
      await waitUntil(`the app to hear ${JSON.stringify(text)}`, () => ofType(call.app.frames, 'prompt').length > seen, { intervalMs: 5 });
    }
  }
  /** A clear opt-out after the frames under test: inspections run in order, so once it ends the call every earlier prompt was judged. */
  async function endWithClearOptOut(call: { twilioSide: CarrierSide; app: AppSocketRecord }): Promise<Record<string, unknown>> {
    sendFrame(call.twilioSide.ws, prompt('stop calling me'));
    await waitUntil('the call to end', () => call.twilioSide.frames.some((f) => f.type === 'end'), { intervalMs: 5 });
    await waitUntil('the app to be told', () => ofType(call.app.frames, 'consent.opt_out').length > 0, { intervalMs: 5 });
    return ofType(call.app.frames, 'consent.opt_out')[0];
  }

  it('possible → the question as a text frame → "yes" revokes, tells the app and ends the call', async () => {
    const consumer = '+12125557001';
    const call = await connectedRelayCall(s, consumer);
    await say(call, "I'm not interested");
    await waitUntil('Twilio to get the question', () => call.twilioSide.frames.length > 0, { intervalMs: 5 });
    expect(call.twilioSide.frames).toEqual([{ type: 'text', token: QUESTION, last: true }]);
    await waitUntil('the app to be told of the question', () => ofType(call.app.frames, 'consent.confirm_opt_out').length > 0, { intervalMs: 5 });
    expect(ofType(call.app.frames, 'consent.confirm_opt_out')).toEqual([
      { type: 'consent.confirm_opt_out', call_sid: expect.stringMatching(/^CA/), say: QUESTION },
    ]);
    expect(await precallReason(consumer)).not.toBe('consumer_revoked');

    sendFrame(call.twilioSide.ws, prompt("Yes, that's right"));
    await waitUntil('Twilio to be told to end the call', () => call.twilioSide.frames.some((f) => f.type === 'end'), { intervalMs: 5 });
    expect(call.twilioSide.frames).toEqual([
      { type: 'text', token: QUESTION, last: true },
      { type: 'text', token: optOutConfirmation(ACME), last: true, interruptible: false },
      { type: 'end', handoffData: expect.stringContaining('consent.opt_out') },
    ]);
    await waitUntil('the app to be told of the opt-out', () => ofType(call.app.frames, 'consent.opt_out').length > 0, { intervalMs: 5 });
    const notice = ofType(call.app.frames, 'consent.opt_out')[0];
    expect(notice).toMatchObject({
      trigger: 'verbal_stop_during_call',
      phone: consumer,
      confirmed: true,
      transcript: `I'm not interested | asked: ${QUESTION} | Yes, that's right`,
    });
    expect(await precallReason(consumer)).toBe('consumer_revoked');
    const evidence = await request(s.gw.url)
      .get(`/v1/evidence/${String(notice.revocation_id)}`)
      .set(s.gw.auth);
    expect(evidence.body.record).toMatchObject({ trigger: 'verbal_stop_during_call', transcript: notice.transcript });
    call.twilioSide.ws.close();
  });

  it('possible → "no, go on" → nothing is revoked, and a later "yes" is no answer', async () => {
    const consumer = '+12125557002';
    const call = await connectedRelayCall(s, consumer);
    await say(call, 'who gave you my number?', 'no, go on', 'yes');
    expect(await precallReason(consumer)).not.toBe('consumer_revoked');
    const notice = await endWithClearOptOut(call);
    // The opt-out on record is the clear one that followed, not a confirmation of the earlier yes.
    expect(notice.transcript).toBe('stop calling me');
    expect(notice.confirmed).toBeUndefined();
    expect(ofType(call.twilioSide.frames, 'text').map((f) => f.token)).toEqual([QUESTION, optOutConfirmation(ACME)]);
    call.twilioSide.ws.close();
  });

  it('a second possible opt-out in the same call does not ask twice; two turns without a yes close the question', async () => {
    const consumer = '+12125557003';
    const call = await connectedRelayCall(s, consumer);
    await say(call, 'why do you keep calling', 'what is this about', 'I said I am not interested', 'who gave you my number', 'yes');
    expect(await precallReason(consumer)).not.toBe('consumer_revoked');
    const notice = await endWithClearOptOut(call);
    expect(notice.confirmed).toBeUndefined();
    expect(ofType(call.twilioSide.frames, 'text').map((f) => f.token)).toEqual([QUESTION, optOutConfirmation(ACME)]);
    expect(ofType(call.app.frames, 'consent.confirm_opt_out')).toHaveLength(1);
    call.twilioSide.ws.close();
  });

  it('partial prompts are not turns: "no me interesa" → partials → "sí" revokes', async () => {
    const consumer = '+12125557004';
    const call = await connectedRelayCall(s, consumer);
    sendFrame(call.twilioSide.ws, prompt('No me interesa', 'es-US'));
    sendFrame(call.twilioSide.ws, { type: 'prompt', voicePrompt: 'eh', lang: 'es-US', last: false });
    sendFrame(call.twilioSide.ws, { type: 'prompt', voicePrompt: 'pues no sé', lang: 'es-US', last: false });
    sendFrame(call.twilioSide.ws, prompt('¿Cómo?', 'es-US'));
    sendFrame(call.twilioSide.ws, prompt('Sí', 'es-US'));
    await waitUntil('the app to be told of the opt-out', () => ofType(call.app.frames, 'consent.opt_out').length > 0, { intervalMs: 5 });
    expect(ofType(call.app.frames, 'consent.opt_out')[0]).toMatchObject({ confirmed: true, transcript: `No me interesa | asked: ${QUESTION} | Sí` });
    expect(await precallReason(consumer)).toBe('consumer_revoked');
    call.twilioSide.ws.close();
  });

  it('SMS never asks: "I\'m not interested" by text revokes nothing and gets no question', async () => {
    const consumer = '+12125557005';
    await seedConsent(s, consumer, ACME, ['sms', 'telemarketing']);
    const res = await signedWebhook(s, '/twilio/sms', {
      AccountSid: ACCOUNT_SID,
      MessageSid: 'SM' + '7'.repeat(32),
      From: consumer,
      To: ACME_NUMBER,
      Body: "I'm not interested",
      NumMedia: '0',
    });
    expect(res.status).toBe(200);
    const twiml = await res.text();
    // The application's own answer, relayed; nothing of the gateway's.
    expect(twiml).toContain('Thanks for your message!');
    expect(twiml).not.toContain(QUESTION);
    expect(await precallReason(consumer)).not.toBe('consumer_revoked');
    const sms = await request(s.gw.url).post('/v1/sms/pre-send').set(s.gw.auth).send({ phone: consumer, sending_entity: ACME, message_type: 'marketing' });
    expect(sms.status).toBe(200);
    expect(sms.body.reason).not.toBe('consumer_revoked');
  });
});
