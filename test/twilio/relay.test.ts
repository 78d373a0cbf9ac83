/**
 * ConversationRelay through the gateway with real `ws` sockets on both
 * sides: "Twilio" is a ws client opening the URL the gateway wrote into the
 * TwiML; the application is the fake app's websocket server.
 */
import request from 'supertest';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, elementsOf, parseTwiml, relayUrls, tagOf } from '../../adapters/twiml';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { ACME, ACME_NUMBER, seedConsent, startStack, TWIML, type Stack } from './harness';
import { connectedRelayCall, openAsTwilio, sendFrame } from './relaySockets';
import { waitUntil } from '../support/wait';

const send = sendFrame;

describe('ConversationRelay through /twilio/relay', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  const connectedCall = (consumer: string) => connectedRelayCall(s, consumer);

  it('the TwiML points the relay at the gateway; the app gets the socket with a signature valid for its own URL', async () => {
    const { twilioSide, app, relayUrl } = await connectedCall('+12125553001');
    expect(relayUrl.startsWith(s.gw.url.replace('http', 'ws') + '/twilio/relay?cg=')).toBe(true);
    expect(app.url).toBe('/relay?agent=7');
    expect(app.verified).toBe(true);
    twilioSide.ws.close();
  });

  it('frames are relayed both ways unchanged', async () => {
    const { twilioSide, app } = await connectedCall('+12125553002');
    const prompt = { type: 'prompt', voicePrompt: 'I want to hear about your rates', lang: 'en-US', last: true };
    send(twilioSide.ws, { type: 'prompt', voicePrompt: 'I want', lang: 'en-US', last: false });
    send(twilioSide.ws, prompt);
    send(twilioSide.ws, { type: 'interrupt', utteranceUntilInterrupt: 'Our rates', durationUntilInterruptMs: 460 });
    await waitUntil('the app to see the opening frames', () => app.frames.length >= 4, { intervalMs: 10 });
    expect(app.frames[0]).toMatchObject({ type: 'setup', to: '+12125553002' });
    expect(app.frames[2]).toEqual(prompt);
    send(app.socket, { type: 'text', token: 'Our rates start at', last: false });
    send(app.socket, { type: 'text', token: ' ten dollars.', last: true });
    await waitUntil('Twilio to get the replies', () => twilioSide.frames.length >= 2, { intervalMs: 10 });
    expect(twilioSide.frames).toEqual([
      { type: 'text', token: 'Our rates start at', last: false },
      { type: 'text', token: ' ten dollars.', last: true },
    ]);
    twilioSide.ws.close();
  });

  it('a final "stop calling me" revokes with the transcript, tells the app, confirms to the caller and ends the session', async () => {
    const consumer = '+12125553003';
    const { twilioSide, app } = await connectedCall(consumer);
    send(twilioSide.ws, { type: 'prompt', voicePrompt: 'Please stop calling me.', lang: 'en-US', last: true });
    await waitUntil('Twilio to be told to end the call', () => twilioSide.frames.some((f) => f.type === 'end'), { intervalMs: 10 });
    await waitUntil('the app to be told of the opt-out', () => app.frames.some((f) => (f as { type?: string }).type === 'consent.opt_out'), { intervalMs: 10 });
    const notice = app.frames.find((f) => (f as { type?: string }).type === 'consent.opt_out') as Record<string, unknown>;
    expect(notice).toMatchObject({
      type: 'consent.opt_out',
      trigger: 'verbal_stop_during_call',
      phone: consumer,
      calling_entity: ACME,
      transcript: 'Please stop calling me.',
    });
    expect(notice.revocation_id).toMatch(/^rev_/);
    expect(twilioSide.frames).toEqual([
      { type: 'text', token: optOutConfirmation(ACME), last: true, interruptible: false },
      { type: 'end', handoffData: expect.stringContaining('consent.opt_out') },
    ]);
    // Whatever the app still says does not reach the caller.
    if (app.socket.readyState === WebSocket.OPEN) send(app.socket, { type: 'text', token: 'But wait, a special offer', last: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(twilioSide.frames).toHaveLength(2);
    const evidence = await request(s.gw.url)
      .get(`/v1/evidence/${String(notice.revocation_id)}`)
      .set(s.gw.auth);
    expect(JSON.stringify(evidence.body)).toContain('Please stop calling me.');
    const pre = await request(s.gw.url)
      .post('/v1/precall')
      .set(s.gw.auth)
      .send({ phone: consumer, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' });
    expect(pre.body.reason).toBe('consumer_revoked');
    twilioSide.ws.close();
  });

  it('a partial transcript never revokes; DTMF 9 does', async () => {
    const consumer = '+12125553004';
    const { twilioSide, app } = await connectedCall(consumer);
    send(twilioSide.ws, { type: 'prompt', voicePrompt: 'stop calling me', lang: 'en-US', last: false });
    send(twilioSide.ws, { type: 'dtmf', digit: '1' });
    await waitUntil('the app to see the opening frames', () => app.frames.length >= 3, { intervalMs: 10 });
    await new Promise((r) => setTimeout(r, 30));
    expect(app.frames.some((f) => (f as { type?: string }).type === 'consent.opt_out')).toBe(false);
    send(twilioSide.ws, { type: 'dtmf', digit: '9' });
    await waitUntil('the app to be told of the opt-out', () => app.frames.some((f) => (f as { type?: string }).type === 'consent.opt_out'), { intervalMs: 10 });
    expect(app.frames.find((f) => (f as { type?: string }).type === 'consent.opt_out')).toMatchObject({ trigger: 'dtmf_opt_out' });
    await waitUntil('Twilio to be told to end the call', () => twilioSide.frames.some((f) => f.type === 'end'), { intervalMs: 10 });
    twilioSide.ws.close();
  });

  it("after an opt-out the Connect action hangs up; otherwise the call goes on as the app's document said", async () => {
    const consumer = '+12125553007';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/agent/next', {
      body: TWIML(`<Connect action="${s.app.url}/agent/after"><ConversationRelay url="${s.app.wsUrl}/relay"/></Connect><Say>never reached</Say>`),
    });
    s.app.on('/agent/after', { body: TWIML('<Say>Thanks for talking with us</Say><Hangup/>') });
    const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, url: s.app.url + '/agent/next' });
    const doc = parseTwiml(await s.emulator.answer(call.sid));
    const connect = elementsOf(doc.verbs).find((v) => tagOf(v) === 'Connect')!;
    const action = attrsOf(connect).action;
    expect(action.startsWith(`${s.gw.url}/twilio/voice?cg=`)).toBe(true);
    // A session that ended for another reason: the application's own action decides.
    const normal = await s.emulator.webhook(
      action,
      s.emulator.callWebhookParams(call.sid, { SessionStatus: 'completed', HandoffData: '{"reason":"transfer"}' }),
    );
    expect(normal).toContain('Thanks for talking with us');
    expect(s.app.received('/agent/after').at(-1)?.verified).toBe(true);
    // The gateway ended it on an opt-out: nothing more is said, the call ends.
    const handoff = JSON.stringify({ reason: 'consent.opt_out', revocation_id: 'rev_x' });
    const after = await s.emulator.webhook(action, s.emulator.callWebhookParams(call.sid, { SessionStatus: 'ended', HandoffData: handoff }));
    expect(elementsOf(parseTwiml(after).verbs).map(tagOf)).toEqual(['Hangup']);
  });

  it('a relay Connect without an action continues with the verbs that followed it', async () => {
    const consumer = '+12125553008';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    const call = await s.client.calls.create({
      to: consumer,
      from: ACME_NUMBER,
      twiml: TWIML(`<Connect><ConversationRelay url="${s.app.wsUrl}/relay"/></Connect><Say>follow-up words</Say>`),
    });
    const doc = parseTwiml(await s.emulator.answer(call.sid));
    const connect = elementsOf(doc.verbs).find((v) => tagOf(v) === 'Connect')!;
    const next = await s.emulator.webhook(attrsOf(connect).action, s.emulator.callWebhookParams(call.sid, { SessionStatus: 'completed' }));
    expect(elementsOf(parseTwiml(next).verbs).map(tagOf)).toEqual(['Say']);
    expect(next).toContain('follow-up words');
  });

  it('a relay target the gateway did not sign is refused: never an open relay', async () => {
    const base = s.gw.url.replace('http', 'ws') + '/twilio/relay';
    await expect(openAsTwilio(base)).rejects.toThrow(/403/);
    await expect(openAsTwilio(`${base}?cg=${Buffer.from(JSON.stringify({ u: 'wss://evil.example' })).toString('base64url')}.AAAA`)).rejects.toThrow(/403/);
    expect(s.app.sockets.filter((x) => x.url.includes('evil'))).toHaveLength(0);
  });

  it('a handshake with a bad X-Twilio-Signature is refused', async () => {
    await seedConsent(s, '+12125553005', ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/agent/sig', { body: TWIML(`<Connect><ConversationRelay url="${s.app.wsUrl}/relay"/></Connect>`) });
    const call = await s.client.calls.create({ to: '+12125553005', from: ACME_NUMBER, url: s.app.url + '/agent/sig' });
    const [relayUrl] = relayUrls(parseTwiml(await s.emulator.answer(call.sid)));
    await expect(openAsTwilio(relayUrl, 'bm90IGEgc2lnbmF0dXJl')).rejects.toThrow(/403/);
  });

  it('a handshake without X-Twilio-Signature is refused, even to a target the gateway signed', async () => {
    await seedConsent(s, '+12125553007', ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/agent/nosig', { body: TWIML(`<Connect><ConversationRelay url="${s.app.wsUrl}/relay"/></Connect>`) });
    const call = await s.client.calls.create({ to: '+12125553007', from: ACME_NUMBER, url: s.app.url + '/agent/nosig' });
    const [relayUrl] = relayUrls(parseTwiml(await s.emulator.answer(call.sid)));
    const socketsBefore = s.app.sockets.length;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(relayUrl);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => {
        ws.close();
        resolve(101);
      });
      ws.once('error', reject);
    });
    expect(status).toBe(403);
    expect(s.app.sockets.length).toBe(socketsBefore);
  });

  it('an oversized frame closes the session (1009) instead of being buffered', async () => {
    const { twilioSide } = await connectedCall('+12125553006');
    twilioSide.ws.send('x'.repeat(300 * 1024));
    const { code } = await twilioSide.closed;
    expect(code).toBe(1009);
  });
});

describe('ConversationRelay on shutdown', () => {
  it('close() ends open relays with a close frame and reason on both sides', async () => {
    const s = await startStack();
    try {
      await seedConsent(s, '+12125553010', ACME, ['ai_voice', 'telemarketing']);
      s.app.on('/agent', { body: TWIML(`<Connect><ConversationRelay url="${s.app.wsUrl}/relay"/></Connect>`) });
      const call = await s.client.calls.create({ to: '+12125553010', from: ACME_NUMBER, url: s.app.url + '/agent' });
      const [relayUrl] = relayUrls(parseTwiml(await s.emulator.answer(call.sid)));
      const appSocket = s.app.nextSocket();
      const twilioSide = await openAsTwilio(relayUrl);
      const app = await appSocket;
      const appClosed = new Promise<{ code: number; reason: string }>((r) => app.socket.on('close', (code, reason) => r({ code, reason: reason.toString() })));
      // Both legs up: a frame made it all the way through.
      send(twilioSide.ws, { type: 'setup', callSid: call.sid, from: ACME_NUMBER, to: '+12125553010' });
      await waitUntil('the app to see one frame', () => app.frames.length === 1, { intervalMs: 10 });
      await s.gw.close();
      expect(await twilioSide.closed).toEqual({ code: 1001, reason: 'gateway shutting down' });
      expect(await appClosed).toEqual({ code: 1001, reason: 'gateway shutting down' });
    } finally {
      await s.app.stop();
      await s.emulator.stop();
    }
  });
});
