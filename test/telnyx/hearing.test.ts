/**
 * The gateway hears every Telnyx call it gates: once the disclosure has been
 * said (`call.speak.ended`), it starts transcription of the consumer's track,
 * and the media stream or AI assistant the dial asked for — held back from
 * the dial so nothing talks before the disclosure. The telnyx SDK dials
 * through the gateway; the emulator plays Telnyx, signing every webhook.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { ACME, ACME_CONNECTION, ACME_NUMBER, APP_EVENTS, API_KEY, CLINIC_NUMBER, ENTITIES, rejection, seedConsent, startStack, type Stack } from './harness';

const STREAM = {
  stream_url: 'wss://agent.example/telnyx-media?room=42',
  stream_track: 'both_tracks',
  stream_codec: 'PCMU',
  stream_auth_token: 'agent-ws-secret-0123456789',
  stream_bidirectional_mode: 'rtp',
  stream_bidirectional_codec: 'PCMU',
  stream_bidirectional_sampling_rate: 8000,
  stream_bidirectional_target_legs: 'self',
} as const;

const ASSISTANT = { id: 'assistant-7f1c2a', instructions: 'You are a friendly insurance agent.', dynamic_variables: { policy: 'HX-1' } };

/** The Call Control actions Telnyx received for a call, by name, in order (repeats Telnyx ignored included). */
function actionsSent(s: Stack, id: string): string[] {
  const prefix = `/v2/calls/${id}/actions/`;
  return s.telnyx.requests.filter((r) => decodeURIComponent(r.path).startsWith(prefix)).map((r) => decodeURIComponent(r.path).slice(prefix.length));
}

async function placeAiCall(s: Stack, to: string, extra: Record<string, unknown> = {}): Promise<string> {
  await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
  const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, ...extra } as never);
  return res.data!.call_control_id;
}

async function revocationsOf(s: Stack, phone: string): Promise<{ trigger: string; transcript?: string | null }[]> {
  return (await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, phone)).revocations as never;
}

describe('Telnyx: transcription after the disclosure', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('the disclosure is said first; transcription of the inbound track starts on its call.speak.ended, once', async () => {
    const id = await placeAiCall(s, '+12125556001');
    await s.telnyx.answer(id);
    expect(actionsSent(s, id)).toEqual(['speak']);
    await s.telnyx.speakStarted(id);
    expect(actionsSent(s, id)).toEqual(['speak']);
    const [ended] = await s.telnyx.speakEnded(id);
    expect(ended.status).toBe(200);
    expect(actionsSent(s, id)).toEqual(['speak', 'transcription_start']);
    expect(s.telnyx.commands(id)[1].body).toEqual({ transcription_tracks: 'inbound', command_id: expect.any(String) });
    // The application's own speech ending later starts nothing more.
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'transcription_start']);
    // Every event still reaches the application, verifiable as Telnyx's.
    const relayed = s.app.received(APP_EVENTS).filter((r) => JSON.parse(r.rawBody).data.payload.call_control_id === id);
    expect(relayed.map((r) => JSON.parse(r.rawBody).data.event_type)).toEqual(['call.answered', 'call.speak.started', 'call.speak.ended', 'call.speak.ended']);
    expect(relayed.every((r) => r.verified)).toBe(true);
  });

  it('a final "stop calling me" from that transcription revokes (transcript kept), confirms and hangs up; the next dial is blocked', async () => {
    const to = '+12125556002';
    const id = await placeAiCall(s, to);
    await s.telnyx.answer(id);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'transcription_start']);
    await s.telnyx.transcribe(id, 'stop calling me', { isFinal: false });
    expect(await revocationsOf(s, to)).toHaveLength(0);
    const [res] = await s.telnyx.transcribe(id, 'stop calling me');
    expect(res.status).toBe(200);
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'verbal_stop_during_call', transcript: 'stop calling me' }]);
    expect(s.app.received(APP_EVENTS).at(-1)!.headers['x-consent-gate-opt-out']).toBe('revoked');
    expect(s.telnyx.commands(id).at(-1)!.body).toMatchObject({ payload: optOutConfirmation(ACME), stop: 'all' });
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'transcription_start', 'speak', 'hangup']);
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'consumer_revoked' });
  });

  it('a dial that asked for transcription itself gets no second one from the gateway', async () => {
    const id = await placeAiCall(s, '+12125556003', { transcription: true, transcription_config: { transcription_tracks: 'inbound' } });
    expect(s.telnyx.calls.get(id)!.dial).toMatchObject({ transcription: true });
    await s.telnyx.answer(id);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak']);
  });

  it('a call with no disclosure to say (a clinic reminder) is transcribed from the answer on', async () => {
    const to = '+12125556004';
    await seedConsent(s, to, 'Beta Clinic', ['human_voice', 'appointment_reminder'], { ai: false });
    const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: CLINIC_NUMBER });
    const id = res.data!.call_control_id;
    await s.telnyx.answer(id);
    expect(actionsSent(s, id)).toEqual(['transcription_start']);
  });

  it('a forged call.speak.ended (unsigned) is refused and starts nothing; the signed one does', async () => {
    const id = await placeAiCall(s, '+12125556005');
    await s.telnyx.answer(id);
    const url = s.telnyx.calls.get(id)!.webhook_url!;
    const payload = { call_control_id: id, connection_id: ACME_CONNECTION, status: 'completed' };
    const forged = await s.telnyx.deliver(url, s.telnyx.envelope('call.speak.ended', payload, url), {});
    expect(forged.status).toBe(403);
    expect(actionsSent(s, id)).toEqual(['speak']);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'transcription_start']);
  });

  it('the call hangs up during the disclosure: nothing is started', async () => {
    const id = await placeAiCall(s, '+12125556006');
    await s.telnyx.answer(id);
    await s.telnyx.hangUp(id);
    await s.telnyx.speakEnded(id, 'call_hangup');
    expect(actionsSent(s, id)).toEqual(['speak']);
  });
});

describe('Telnyx: streams and AI assistants held back until the disclosure has been said', () => {
  let s: Stack;
  /** A second gateway instance on the same store, behind the same webhook URL (a load balancer's choice). */
  let other: TestGateway;
  beforeAll(async () => {
    s = await startStack();
    other = await startTestGateway(
      {
        DATA_DIR: s.gw.dataDir,
        TELNYX_API_BASE: s.telnyx.url,
        TELNYX_PUBLIC_KEY: s.telnyx.publicKeyBase64,
        TELNYX_API_KEY: API_KEY,
        TELNYX_APP_URL: s.app.url + APP_EVENTS,
        entities: ENTITIES,
      },
      { clock: s.clock },
    );
  });
  afterEach(() => {
    s.telnyx.redirect = undefined;
  });
  afterAll(async () => {
    await other.close();
    await s.stop();
  });

  it('a dial with a bidirectional stream is accepted; Telnyx gets it without the stream, and streaming_start with exactly those parameters after call.speak.ended', async () => {
    const id = await placeAiCall(s, '+12125557001', { ...STREAM, stream_establish_before_call_originate: true });
    const dialed = s.telnyx.calls.get(id)!.dial;
    expect(Object.keys(dialed).filter((k) => k.startsWith('stream_'))).toEqual([]);
    expect(dialed).toMatchObject({ to: '+12125557001', from: ACME_NUMBER, connection_id: ACME_CONNECTION });
    await s.telnyx.answer(id);
    await s.telnyx.speakStarted(id);
    expect(actionsSent(s, id)).toEqual(['speak']);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id).sort()).toEqual(['speak', 'streaming_start', 'transcription_start']);
    const stream = s.telnyx.commands(id).find((c) => c.action === 'streaming_start')!;
    expect(stream.body).toEqual({ ...STREAM, command_id: expect.any(String) });
    // Redelivered, or the app's later speech ending: the stream is not started twice.
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id).filter((a) => a === 'streaming_start')).toHaveLength(1);
  });

  it('the whole call: a stream dial is accepted, the disclosure is said, stream and transcription start, "please stop calling me" ends the call', async () => {
    const to = '+12125557010';
    const id = await placeAiCall(s, to, STREAM);
    await s.telnyx.answer(id);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id).sort()).toEqual(['speak', 'streaming_start', 'transcription_start']);
    await s.telnyx.transcribe(id, 'please stop calling me');
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'verbal_stop_during_call', transcript: 'please stop calling me' }]);
    await s.telnyx.speakEnded(id); // the confirmation has been said
    expect(actionsSent(s, id).slice(-2)).toEqual(['speak', 'hangup']);
    expect(s.telnyx.calls.get(id)!.alive).toBe(false);
  });

  it('a dial with an AI assistant: ai_assistant_start with the same assistant after the disclosure', async () => {
    const id = await placeAiCall(s, '+12125557002', { assistant: ASSISTANT });
    expect(s.telnyx.calls.get(id)!.dial).not.toHaveProperty('assistant');
    await s.telnyx.answer(id);
    expect(actionsSent(s, id)).toEqual(['speak']);
    await s.telnyx.speakEnded(id);
    const started = s.telnyx.commands(id).find((c) => c.action === 'ai_assistant_start')!;
    expect(started.body).toEqual({ assistant: ASSISTANT, command_id: expect.any(String) });
  });

  it('the call ends before the disclosure has been said: no stream is ever started', async () => {
    const id = await placeAiCall(s, '+12125557003', { stream_url: STREAM.stream_url });
    await s.telnyx.answer(id);
    await s.telnyx.hangUp(id);
    await s.telnyx.speakEnded(id, 'call_hangup');
    expect(actionsSent(s, id)).toEqual(['speak']);
  });

  it('the consumer presses 9 during the disclosure: the call is ended, and the stream is not started when the disclosure stops', async () => {
    const to = '+12125557004';
    const id = await placeAiCall(s, to, { stream_url: STREAM.stream_url });
    await s.telnyx.answer(id);
    await s.telnyx.pressDigit(id, '9');
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'dtmf_opt_out' }]);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'speak', 'hangup']);
  });

  it('a stream parameter Telnyx would not take is refused up front, naming it; nothing is dialed', async () => {
    const to = '+12125557005';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const before = s.telnyx.received('POST', '/v2/calls').length;
    const err = await rejection(
      s.client.calls.dial({
        connection_id: ACME_CONNECTION,
        to,
        from: ACME_NUMBER,
        stream_url: 'https://not-a-websocket.example/',
        stream_track: 'inbound_track',
      }),
    );
    expect(err.status).toBe(400);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'invalid_request', field: 'stream_url' });
    const bad = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, assistant: { instructions: 'no id' } as never }));
    expect(bad.error.errors[0].meta).toMatchObject({ field: 'assistant' });
    expect(s.telnyx.received('POST', '/v2/calls').length).toBe(before);
  });

  it('Telnyx refuses the stream start: logged and counted, the call goes on (transcription still started)', async () => {
    const failures = async () => (await s.gw.metrics.callStartFailures.get()).values.find((v) => v.labels.what === 'stream')?.value ?? 0;
    const before = await failures();
    const id = await placeAiCall(s, '+12125557009', { stream_url: STREAM.stream_url });
    await s.telnyx.answer(id);
    s.telnyx.failActions.add('streaming_start');
    try {
      const [ended] = await s.telnyx.speakEnded(id);
      expect(ended.status).toBe(200);
    } finally {
      s.telnyx.failActions.delete('streaming_start');
    }
    expect(await failures()).toBe(before + 1);
    expect(actionsSent(s, id).sort()).toEqual(['speak', 'streaming_start', 'streaming_start', 'transcription_start']); // one retry
    expect(s.telnyx.calls.get(id)!.alive).toBe(true);
  });

  it('a dial without a disclosure to say keeps its stream_url: Telnyx starts it on answer as before', async () => {
    const to = '+12125557006';
    await seedConsent(s, to, 'Beta Clinic', ['human_voice', 'appointment_reminder'], { ai: false });
    const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: CLINIC_NUMBER, stream_url: STREAM.stream_url });
    expect(s.telnyx.calls.get(res.data!.call_control_id)!.dial).toMatchObject({ stream_url: STREAM.stream_url });
  });

  it('another gateway instance on the same store gets call.speak.ended: it starts the held stream', async () => {
    const id = await placeAiCall(s, '+12125557007', STREAM);
    await s.telnyx.answer(id);
    s.telnyx.redirect = (url) => url.replace(s.gw.url, other.url);
    const [ended] = await s.telnyx.speakEnded(id);
    expect(ended.url.startsWith(other.url)).toBe(true);
    expect(s.telnyx.commands(id).find((c) => c.action === 'streaming_start')?.body).toEqual({ ...STREAM, command_id: expect.any(String) });
  });

  it('9 pressed during the disclosure on one instance, its end heard by another: nothing is started there', async () => {
    const to = '+12125557008';
    const id = await placeAiCall(s, to, { stream_url: STREAM.stream_url });
    await s.telnyx.answer(id);
    await s.telnyx.pressDigit(id, '9');
    s.telnyx.redirect = (url) => url.replace(s.gw.url, other.url);
    await s.telnyx.speakEnded(id);
    expect(actionsSent(s, id)).toEqual(['speak', 'speak']);
  });
});

describe('Telnyx: transcription turned off', () => {
  it('entity transcribe: false: no transcription_start, the held stream still starts after the disclosure', async () => {
    const s = await startStack({ entities: ENTITIES.map((e) => (e.name === ACME ? { ...e, transcribe: false } : e)) });
    try {
      const id = await placeAiCall(s, '+12125558001', { stream_url: STREAM.stream_url });
      await s.telnyx.answer(id);
      await s.telnyx.speakEnded(id);
      expect(actionsSent(s, id)).toEqual(['speak', 'streaming_start']);
    } finally {
      await s.stop();
    }
  });

  it('TRANSCRIBE_CALLS=off: no transcription_start', async () => {
    const s = await startStack({ TRANSCRIBE_CALLS: 'off' });
    try {
      const id = await placeAiCall(s, '+12125558002');
      await s.telnyx.answer(id);
      await s.telnyx.speakEnded(id);
      expect(actionsSent(s, id)).toEqual(['speak']);
    } finally {
      await s.stop();
    }
  });
});
