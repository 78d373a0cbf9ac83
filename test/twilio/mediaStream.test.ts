/**
 * Media Streams through the gateway with real websockets on both sides:
 * the real twilio SDK places the call through the gateway, the Twilio
 * emulator answers it and opens the `<Stream url>` its TwiML names, playing
 * Twilio's side of the stream; the stand-in application records every frame.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, parseTwiml, streamUrls, tagOf } from '../../adapters/twiml';
import { MAX_MEDIA_FRAME_BYTES } from '../../adapters/twilio/module';
import type { AppSocketRecord } from '../emulators/app';
import { TwilioMediaStream } from '../emulators/twilioMediaStream';
import { waitForValue, waitUntil } from '../support/wait';
import { ACCOUNT_SID, ACME, ACME_NUMBER, AUTH_TOKEN, seedConsent, startStack, TWIML, type Stack } from './harness';

const FRAMES = 50;

describe('Media Streams through /twilio/media', () => {
  let s: Stack;
  let nextConsumer = 4000;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  /** An AI call whose app answers `appTwiml` (a fetched `Url`, or inline `Twiml`), answered by the consumer. */
  async function answeredCall(appTwiml: string, how: 'url' | 'twiml' = 'url'): Promise<{ sid: string; phone: string; streamUrl: string }> {
    const phone = `+1212555${nextConsumer++}`;
    await seedConsent(s, phone, ACME, ['ai_voice', 'telemarketing']);
    const path = `/agent/${phone.slice(1)}`;
    s.app.on(path, { body: TWIML(appTwiml) });
    const call = await s.client.calls.create(
      how === 'url' ? { to: phone, from: ACME_NUMBER, url: s.app.url + path } : { to: phone, from: ACME_NUMBER, twiml: TWIML(appTwiml) },
    );
    const urls = streamUrls(parseTwiml(await s.emulator.answer(call.sid)));
    expect(urls).toHaveLength(1);
    return { sid: call.sid, phone, streamUrl: urls[0] };
  }

  async function connected(streamUrl: string, callSid: string): Promise<{ twilioSide: TwilioMediaStream; app: AppSocketRecord }> {
    const appSocket = s.app.nextSocket();
    const twilioSide = await TwilioMediaStream.open(streamUrl, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callSid, customParameters: { agent: '7' } });
    return { twilioSide, app: await appSocket };
  }

  const texts = (frames: { data: Buffer; isBinary: boolean }[]) => frames.map((f) => (f.isBinary ? 'BINARY' : f.data.toString('utf8')));
  const precall = (phone: string) =>
    request(s.gw.url).post('/v1/precall').set(s.gw.auth).send({ phone, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' });

  it("a <Connect><Stream> runs through the gateway: the app gets every frame byte for byte and in order, and Twilio gets the app's", async () => {
    const { sid, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/media"><Parameter name="agent" value="7"/></Stream></Connect>`);
    expect(streamUrl.startsWith(`${s.gw.url.replace(/^http/, 'ws')}/twilio/media/`)).toBe(true);
    // The same call is transcribed too: a spoken "stop" is heard whatever the stream's app does with the audio.
    expect(s.emulator.transcriptionOf(sid)?.track).toBe('inbound_track');
    const { twilioSide, app } = await connected(streamUrl, sid);
    expect(app.url).toBe('/media');
    expect(app.verified).toBe(true); // signed for the app's own URL, as Twilio would
    for (let i = 0; i < FRAMES; i++) twilioSide.media(randomBytes(160));
    twilioSide.stop();
    await waitUntil('the app to get every frame', () => app.raw.length >= FRAMES + 3, { intervalMs: 10 });
    expect(texts(app.raw)).toEqual(twilioSide.sent);
    expect(app.raw.every((f) => !f.isBinary)).toBe(true);

    // A bidirectional stream: the app's audio, mark and clear reach Twilio unchanged.
    const replies = [
      JSON.stringify({ event: 'media', streamSid: twilioSide.streamSid, media: { payload: randomBytes(320).toString('base64') } }),
      JSON.stringify({ event: 'mark', streamSid: twilioSide.streamSid, mark: { name: 'greeting' } }),
      JSON.stringify({ event: 'clear', streamSid: twilioSide.streamSid }),
    ];
    for (const r of replies) app.socket.send(r);
    await waitUntil('Twilio to get the replies', () => twilioSide.received.length >= replies.length, { intervalMs: 10 });
    expect(texts(twilioSide.received)).toEqual(replies);
    twilioSide.ws.close();
  });

  it('a <Start><Stream> in inline Twiml is rewritten too; binary frames stay binary', async () => {
    const { sid, streamUrl } = await answeredCall(`<Start><Stream url="${s.app.wsUrl}/media" track="both_tracks"/></Start><Say>Hello</Say>`, 'twiml');
    expect(streamUrl).toContain('/twilio/media/');
    const { twilioSide, app } = await connected(streamUrl, sid);
    const blob = randomBytes(64);
    twilioSide.ws.send(blob, { binary: true });
    await waitUntil('the app to get the frames', () => app.raw.length >= 3, { intervalMs: 10 });
    expect(app.raw[2].isBinary).toBe(true);
    expect(app.raw[2].data.equals(blob)).toBe(true);
    twilioSide.ws.close();
  });

  it("a relative <Stream url> is opened against the URL the app's TwiML came from, as Twilio would", async () => {
    const { sid, streamUrl } = await answeredCall('<Connect><Stream url="/media"/></Connect>');
    const { twilioSide, app } = await connected(streamUrl, sid);
    expect(app.url).toBe('/media');
    expect(app.verified).toBe(true);
    twilioSide.ws.close();
  });

  it('DTMF 9 revokes and the gateway ends the call; frames keep flowing until then', async () => {
    const { sid, phone, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/media"/></Connect>`);
    const { twilioSide, app } = await connected(streamUrl, sid);
    twilioSide.dtmf('1');
    twilioSide.media(randomBytes(160));
    await waitUntil('the app to see the first digit', () => app.raw.length >= 4, { intervalMs: 10 });
    expect((await precall(phone)).body.allowed).toBe(true);
    expect(s.emulator.callUpdates.filter((u) => u.sid === sid)).toHaveLength(0);

    twilioSide.dtmf('9');
    const [update] = await waitForValue(
      'the call update',
      () => s.emulator.callUpdates.filter((u) => u.sid === sid),
      (u) => u.length > 0,
    );
    const verbs = elementsOf(parseTwiml(update.form.Twiml).verbs).map(tagOf);
    expect(verbs).toEqual(['Say', 'Hangup']);
    expect((await precall(phone)).body.reason).toBe('consumer_revoked');

    // The app still hears the call (and the digit itself) until Twilio ends the stream.
    twilioSide.dtmf('9');
    twilioSide.media(randomBytes(160));
    twilioSide.stop();
    await waitUntil('the app to get the rest', () => app.raw.length >= twilioSide.sent.length, { intervalMs: 10 });
    expect(texts(app.raw)).toEqual(twilioSide.sent);
    await new Promise((r) => setTimeout(r, 30));
    expect(s.emulator.callUpdates.filter((u) => u.sid === sid)).toHaveLength(1); // the second 9 ends nothing twice
    twilioSide.ws.close();
  });

  it('a target the gateway did not sign, or altered, is refused before any socket reaches the app', async () => {
    const { sid, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/media"/></Connect>`);
    const before = s.app.sockets.length;
    const base = `${s.gw.url.replace(/^http/, 'ws')}/twilio/media`;
    const token = streamUrl.slice(base.length + 1);
    const altered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    for (const url of [base, `${base}/not-a-token`, `${base}/${altered}`, `${base}?cg=${token}`]) {
      await expect(TwilioMediaStream.open(url, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callSid: sid })).rejects.toMatchObject({ status: 403 });
    }
    // The gateway's own target, without Twilio's signature on the handshake.
    await expect(
      TwilioMediaStream.open(streamUrl, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callSid: sid, signature: 'forged' }),
    ).rejects.toMatchObject({ status: 403 });
    expect(s.app.sockets.length).toBe(before);
  });

  it("an app that refuses the stream's socket makes Twilio's handshake fail (502): nothing half-open is left", async () => {
    const { sid, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/not-a-socket"/></Connect>`);
    await expect(TwilioMediaStream.open(streamUrl, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callSid: sid })).rejects.toMatchObject({ status: 502 });
  });

  it('a frame over the size limit closes both sides with 1009', async () => {
    const { sid, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/media"/></Connect>`);
    const { twilioSide, app } = await connected(streamUrl, sid);
    const appClosed = new Promise<number>((r) => app.socket.on('close', (code) => r(code)));
    twilioSide.sendRaw('x'.repeat(MAX_MEDIA_FRAME_BYTES + 1));
    expect((await twilioSide.closed).code).toBe(1009);
    expect(await appClosed).toBe(1009);
  });

  it('either side closing closes the other', async () => {
    const { sid, streamUrl } = await answeredCall(`<Connect><Stream url="${s.app.wsUrl}/media"/></Connect>`);
    const { twilioSide, app } = await connected(streamUrl, sid);
    app.socket.close(1000, 'agent done');
    expect(await twilioSide.closed).toEqual({ code: 1000, reason: 'agent done' });

    const second = await connected(streamUrl, sid);
    const appClosed = new Promise<number>((r) => second.app.socket.on('close', (code) => r(code)));
    second.twilioSide.ws.close(1000);
    expect(await appClosed).toBe(1000);
    expect(second.app.socket.readyState).toBe(WebSocket.CLOSED);
  });
});
