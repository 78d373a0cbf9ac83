/**
 * `/telnyx/webhooks` end to end: the emulator plays Telnyx (signing every
 * event with its own ed25519 key, timestamped by the same fixed clock the
 * gateway checks against), the fake application verifies what the gateway
 * relays, and the telnyx SDK places the calls and texts.
 */
import request from 'supertest';
import Telnyx from 'telnyx';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderDisclosure } from '../../src/domain/disclosure';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { ACME, ACME_CONNECTION, ACME_NUMBER, ACME_PROFILE, APP_EVENTS, CLINIC_NUMBER, rejection, seedConsent, startStack, type Stack } from './harness';
import { waitUntil } from '../support/wait';

const WEBHOOKS = '/telnyx/webhooks';

async function revocationsOf(s: Stack, phone: string): Promise<{ trigger: string; transcript?: string | null }[]> {
  const facts = await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, phone);
  return facts.revocations as never;
}

async function signatureFailures(s: Stack): Promise<number> {
  const m = await s.gw.metrics.webhookSignatureFailures.get();
  return m.values.find((v) => v.labels.carrier === 'telnyx')?.value ?? 0;
}

/** Place an allowed AI call through the gateway with the SDK; its call_control_id. */
async function placeAiCall(s: Stack, to: string, extra: Record<string, unknown> = {}): Promise<string> {
  await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
  const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, ...extra });
  return res.data!.call_control_id;
}

describe('Telnyx webhooks: signatures', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('a signed event is relayed with its raw body and signature headers unchanged; the app verifies it', async () => {
    const url = s.gw.url + WEBHOOKS;
    const body = s.telnyx.envelope('call.initiated', { call_control_id: 'v3:x', direction: 'outgoing', from: ACME_NUMBER, to: '+12125552000' }, url);
    const headers = s.telnyx.signatureHeaders(body);
    const res = await s.telnyx.deliver(url, body, headers);
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"received":true}');
    const got = s.app.received(APP_EVENTS).at(-1)!;
    expect(got.rawBody).toBe(body);
    expect(got.verified).toBe(true);
    expect(got.headers['telnyx-signature-ed25519']).toBe(headers['telnyx-signature-ed25519']);
    expect(got.headers['telnyx-timestamp']).toBe(headers['telnyx-timestamp']);
  });

  it.each([
    ['tampered body', (b: string, h: Record<string, string>) => ({ body: b.replace('+12125552001', '+12125552009'), headers: h })],
    ['no signature', (b: string) => ({ body: b, headers: {} })],
    [
      'signature from another key',
      (b: string, h: Record<string, string>) => ({ body: b, headers: { ...h, 'telnyx-signature-ed25519': Buffer.alloc(64, 7).toString('base64') } }),
    ],
    ['garbage signature', (b: string, h: Record<string, string>) => ({ body: b, headers: { ...h, 'telnyx-signature-ed25519': 'not base64!' } })],
  ])('%s: 403, nothing relayed, nothing revoked, counted', async (_name, mutate) => {
    const url = s.gw.url + WEBHOOKS;
    const phone = '+12125552001';
    const body = s.telnyx.envelope(
      'message.received',
      { direction: 'inbound', from: { phone_number: phone }, to: [{ phone_number: ACME_NUMBER }], text: 'STOP' },
      url,
    );
    const forged = mutate(body, s.telnyx.signatureHeaders(body));
    const before = { relayed: s.app.requests.length, failures: await signatureFailures(s) };
    const res = await s.telnyx.deliver(url, forged.body, forged.headers);
    expect(res.status).toBe(403);
    expect(s.app.requests.length).toBe(before.relayed);
    expect(await signatureFailures(s)).toBe(before.failures + 1);
    expect(await revocationsOf(s, phone)).toHaveLength(0);
  });

  it('a replayed event (signed 301 s before the gateway clock) is refused; 299 s is accepted', async () => {
    const url = s.gw.url + WEBHOOKS;
    const body = s.telnyx.envelope('call.initiated', { call_control_id: 'v3:old' }, url);
    const stale = await s.telnyx.deliver(url, body, s.telnyx.signatureHeaders(body, new Date(s.clock.now().getTime() - 301_000)));
    expect(stale.status).toBe(403);
    const future = await s.telnyx.deliver(url, body, s.telnyx.signatureHeaders(body, new Date(s.clock.now().getTime() + 301_000)));
    expect(future.status).toBe(403);
    const fresh = await s.telnyx.deliver(url, body, s.telnyx.signatureHeaders(body, new Date(s.clock.now().getTime() - 299_000)));
    expect(fresh.status).toBe(200);
  });

  it('a signed body that is not JSON is 400 after the signature check, and not relayed', async () => {
    const before = s.app.requests.length;
    const res = await s.telnyx.deliver(s.gw.url + WEBHOOKS, 'data=not-json');
    expect(res.status).toBe(400);
    expect(s.app.requests.length).toBe(before);
    const unsigned = await s.telnyx.deliver(s.gw.url + WEBHOOKS, 'data=not-json', {});
    expect(unsigned.status).toBe(403);
  });

  it('event types the gateway does not read, and JSON that is not an event, are relayed untouched', async () => {
    const url = s.gw.url + WEBHOOKS;
    for (const body of [
      s.telnyx.envelope('number_order.complete', { id: 'no-1', status: 'success' }, url),
      s.telnyx.envelope('call.recording.saved', { call_control_id: 'v3:r', recording_urls: { mp3: 'https://x/y.mp3' } }, url),
      JSON.stringify({ hello: ['world', 1, null] }),
    ]) {
      const res = await s.telnyx.deliver(url, body);
      expect(res.status).toBe(200);
      expect(s.app.received(APP_EVENTS).at(-1)!.rawBody).toBe(body);
    }
  });

  it('GET is not a webhook', async () => {
    const res = await request(s.gw.url).get(WEBHOOKS);
    expect(res.status).toBe(405);
  });
});

describe('Telnyx webhooks: texts', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('STOP to a number no entity or profile maps still revokes, for every entity the consumer could hear from', async () => {
    const phone = '+12125553099';
    await seedConsent(s, phone, 'Header Only Co', ['sms'], { ai: false });
    const res = await s.telnyx.inboundText(phone, '+12125559876', 'STOP');
    expect(res.status).toBe(200);
    expect(s.app.received(APP_EVENTS).at(-1)!.headers['x-consent-gate-opt-out']).toBe('revoked');
    const entities = (await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, phone)).revocations.map((r) => r.calling_entity);
    expect(entities).toEqual(expect.arrayContaining([ACME, 'Header Only Co']));
  });

  it('STOP revokes (sms_stop); a later send to that number is what Telnyx answers: 409, 40300, no retries', async () => {
    const phone = '+12125553001';
    await seedConsent(s, phone, ACME, ['sms', 'marketing'], { ai: false });
    await s.client.messages.send({ from: ACME_NUMBER, to: phone, text: 'Your quote' });
    const res = await s.telnyx.inboundText(phone, ACME_NUMBER, 'Stop');
    expect(res.status).toBe(200);
    const relayed = s.app.received(APP_EVENTS).at(-1)!;
    expect(relayed.verified).toBe(true);
    expect(relayed.headers['x-consent-gate-opt-out']).toBe('revoked');
    expect(relayed.headers['x-consent-gate-revocation-id']).toMatch(/^rev_/);
    expect(await revocationsOf(s, phone)).toMatchObject([{ trigger: 'sms_stop' }]);

    const before = s.sdkRequests.length;
    const err = await rejection(s.client.messages.send({ from: ACME_NUMBER, to: phone, text: 'One more offer' }));
    expect(err).toBeInstanceOf(Telnyx.ConflictError);
    expect(err.status).toBe(409);
    expect(err.error.errors[0]).toMatchObject({ code: '40300', title: 'Blocked due to STOP message' });
    expect(err.error.errors[0].detail).toContain(`Messages cannot be sent from '${ACME_NUMBER}' to '${phone}' due to an existing block rule.`);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'consumer_revoked', decision_id: expect.stringMatching(/^dec_sms_/) });
    expect(s.sdkRequests.length - before).toBe(1); // a 409 the SDK would retry twice, but x-should-retry says no
    // The revocation covers calls to this entity too.
    const call = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to: phone, from: ACME_NUMBER }));
    expect(call.error.errors[0].meta).toMatchObject({ reason: 'consumer_revoked' });
  });

  it('a plain-language opt-out revokes too; HELP only relays', async () => {
    const phone = '+12125553002';
    await s.telnyx.inboundText(phone, ACME_NUMBER, 'HELP');
    expect(await revocationsOf(s, phone)).toHaveLength(0);
    await s.telnyx.inboundText(phone, ACME_NUMBER, 'please stop texting me');
    expect(await revocationsOf(s, phone)).toMatchObject([{ trigger: 'sms_stop', transcript: 'please stop texting me' }]);
  });

  it('START after STOP re-subscribes (express consent to texts): transactional sends are allowed again', async () => {
    const phone = '+12125553003';
    await s.telnyx.inboundText(phone, CLINIC_NUMBER, 'STOP');
    const blocked = await rejection(s.client.messages.send({ from: CLINIC_NUMBER, to: phone, text: 'Your appointment is tomorrow at 9' }));
    expect(blocked.status).toBe(409);
    s.clock.advance(1000);
    const res = await s.telnyx.inboundText(phone, CLINIC_NUMBER, 'START');
    expect(res.status).toBe(200);
    expect(s.app.received(APP_EVENTS).at(-1)!.headers['x-consent-gate-opt-in']).toMatch(/^cst_/);
    await s.client.messages.send({ from: CLINIC_NUMBER, to: phone, text: 'Your appointment is tomorrow at 9' });
    expect(s.telnyx.messages.at(-1)).toMatchObject({ to: [{ phone_number: phone }] });
  });

  it('a text to a number mapped only by its messaging profile is attributed to that entity', async () => {
    const phone = '+12125553004';
    await s.telnyx.inboundText(phone, '+12125550777', 'unsubscribe', ACME_PROFILE);
    expect(await revocationsOf(s, phone)).toHaveLength(1);
  });
});

describe('Telnyx webhooks: calls', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });
  afterEach(() => {
    s.app.on(APP_EVENTS, { status: 200, contentType: 'application/json', body: '{"received":true}' });
  });

  it('call.answered on an AI call: Telnyx gets the disclosure speak before the app gets the event', async () => {
    const to = '+12125554001';
    const id = await placeAiCall(s, to);
    let speakBeforeApp: string | undefined;
    s.app.on(APP_EVENTS, (req) => {
      if (JSON.parse(req.rawBody).data.event_type === 'call.answered')
        speakBeforeApp = String(s.telnyx.commands(id).find((c) => c.action === 'speak')?.body.payload);
      return { status: 200, contentType: 'application/json', body: '{}' };
    });
    const [delivery] = await s.telnyx.answer(id);
    expect(delivery.status).toBe(200);
    const script = renderDisclosure('ai_voice', ACME, ACME_NUMBER)!.script;
    expect(speakBeforeApp).toBe(script);
    const [speak] = s.telnyx.commands(id);
    expect(speak.body).toMatchObject({ payload: script, voice: 'AWS.Polly.Joanna-Neural', language: 'en-US', command_id: expect.any(String) });
    expect(speak.body).not.toHaveProperty('client_state'); // the application's state is left alone
    const relayed = s.app.received(APP_EVENTS).at(-1)!;
    expect(relayed.verified).toBe(true);
    expect(relayed.headers['x-consent-gate-disclosure']).toBe('spoken');
    // Telnyx redelivers the same event: the disclosure is not spoken twice.
    await s.telnyx.answer(id);
    expect(s.telnyx.commands(id).filter((c) => c.action === 'speak')).toHaveLength(1);
  });

  it('DTMF 9 during the call revokes (dtmf_opt_out), speaks the confirmation, hangs up once it has been said', async () => {
    const to = '+12125554002';
    const id = await placeAiCall(s, to);
    await s.telnyx.answer(id);
    const [res] = await s.telnyx.pressDigit(id, '9');
    expect(res.status).toBe(200);
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'dtmf_opt_out' }]);
    const commands = s.telnyx.commands(id);
    expect(commands.map((c) => c.action)).toEqual(['speak', 'speak']);
    expect(commands[1].body).toMatchObject({ payload: optOutConfirmation(ACME), stop: 'all' });
    expect(s.app.received(APP_EVENTS).at(-1)!.headers['x-consent-gate-opt-out']).toBe('revoked');
    await s.telnyx.speakEnded(id);
    expect(s.telnyx.commands(id).map((c) => c.action)).toEqual(['speak', 'speak', 'hangup']);
    // Any later dial to this consumer is blocked.
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'consumer_revoked' });
  });

  it('other digits do nothing; call.gather.ended with a 9 in its digits opts out', async () => {
    const to = '+12125554003';
    const id = await placeAiCall(s, to);
    await s.telnyx.answer(id);
    await s.telnyx.pressDigit(id, '5');
    await s.telnyx.gatherEnded(id, '12');
    expect(await revocationsOf(s, to)).toHaveLength(0);
    await s.telnyx.gatherEnded(id, '19');
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'dtmf_opt_out' }]);
  });

  it('a final transcript of the consumer saying stop revokes with the transcript kept, then speak and hangup', async () => {
    const to = '+12125554004';
    const id = await placeAiCall(s, to);
    await s.telnyx.answer(id);
    await s.telnyx.transcribe(id, 'stop calling me', { isFinal: false });
    await s.telnyx.transcribe(id, 'If you would like to opt out at any time, just say stop or press 9.', { track: 'outbound' });
    await s.telnyx.transcribe(id, "no don't stop, go on", { track: 'inbound' });
    expect(await revocationsOf(s, to)).toHaveLength(0);
    await s.telnyx.transcribe(id, 'Please stop calling me and take me off your list', { track: 'inbound' });
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'verbal_stop_during_call', transcript: 'Please stop calling me and take me off your list' }]);
    expect(s.telnyx.commands(id).map((c) => c.action)).toEqual(['speak', 'speak']);
    await s.telnyx.speakEnded(id);
    expect(s.telnyx.commands(id).at(-1)!.action).toBe('hangup');
  });

  it('a call that already hung up: Telnyx answers 90018, the gateway logs it and does not retry; the opt-out stands', async () => {
    const to = '+12125554005';
    const id = await placeAiCall(s, to);
    await s.telnyx.answer(id);
    await s.telnyx.hangUp(id);
    const actions = () => s.telnyx.requests.filter((r) => decodeURIComponent(r.path).startsWith(`/v2/calls/${id}/actions/`)).length;
    const before = actions();
    const [res] = await s.telnyx.transcribe(id, 'stop calling me');
    expect(res.status).toBe(200);
    expect(await revocationsOf(s, to)).toHaveLength(1);
    expect(actions() - before).toBe(1); // one speak, answered 90018; no retry, no hangup of a call that is gone
  });

  it("the application's own webhook_url gets the call's events (through the gateway), not TELNYX_APP_URL", async () => {
    s.app.on('/my-calls', { status: 200, contentType: 'application/json', body: '{"mine":true}' });
    const id = await placeAiCall(s, '+12125554006', { webhook_url: s.app.url + '/my-calls' });
    const [res] = await s.telnyx.answer(id);
    expect(res.body).toBe('{"mine":true}');
    const got = s.app.received('/my-calls');
    expect(got).toHaveLength(1);
    expect(got[0].verified).toBe(true);
    expect(JSON.parse(got[0].rawBody).data.event_type).toBe('call.answered');
    expect(s.telnyx.commands(id)[0].action).toBe('speak');
  });

  it('app down or failing: Telnyx is told (so it redelivers); the opt-out is recorded once', async () => {
    const phone = '+12125554007';
    s.app.on(APP_EVENTS, { status: 500, contentType: 'text/plain', body: 'boom' });
    const first = await s.telnyx.inboundText(phone, ACME_NUMBER, 'STOP');
    expect(first.status).toBe(500);
    expect(await revocationsOf(s, phone)).toHaveLength(1);
    s.app.on(APP_EVENTS, { status: 200, body: 'ok', delayMs: 1000 });
    const slow = await s.telnyx.inboundText(phone, ACME_NUMBER, 'STOP');
    expect(slow.status).toBe(504);
  });

  it('a redelivered event (same id) is relayed again but acted on once', async () => {
    const phone = '+12125554010';
    const url = s.gw.url + WEBHOOKS;
    const body = s.telnyx.envelope(
      'message.received',
      { direction: 'inbound', from: { phone_number: phone }, to: [{ phone_number: CLINIC_NUMBER }], text: 'START' },
      url,
    );
    s.app.on(APP_EVENTS, { status: 503, body: 'down for a moment' });
    expect((await s.telnyx.deliver(url, body)).status).toBe(503);
    s.app.on(APP_EVENTS, { status: 200, body: '{}' });
    expect((await s.telnyx.deliver(url, body)).status).toBe(200);
    const facts = await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, phone);
    expect(facts.consents).toHaveLength(1);
    expect(s.app.requests.filter((r) => r.rawBody === body)).toHaveLength(2);
  });

  it('app unreachable: 502 to Telnyx', async () => {
    const down = await startStack({ TELNYX_APP_URL: 'http://127.0.0.1:9/events' });
    try {
      const res = await down.telnyx.inboundText('+12125554011', ACME_NUMBER, 'STOP');
      expect(res.status).toBe(502);
      expect(await revocationsOf(down, '+12125554011')).toHaveLength(1);
    } finally {
      await down.stop();
    }
  });

  it('a disclosure Telnyx will not speak ends the call (fail closed)', async () => {
    const to = '+12125554008';
    const id = await placeAiCall(s, to);
    s.telnyx.failActions.add('speak');
    try {
      await s.telnyx.answer(id);
    } finally {
      s.telnyx.failActions.clear();
    }
    const attempts = s.telnyx.requests.filter((r) => decodeURIComponent(r.path) === `/v2/calls/${id}/actions/speak`);
    expect(attempts).toHaveLength(2); // one retry on a 5xx, the same command_id
    expect(s.telnyx.commands(id).map((c) => c.action)).toEqual(['hangup']);
    expect(s.app.received(APP_EVENTS).at(-1)!.headers['x-consent-gate-disclosure']).toBe('failed');
  });

  it('a call the gateway did not place: DTMF 9 is not read (no disclosure promised it), speech opt-outs are', async () => {
    const url = s.gw.url + WEBHOOKS;
    const phone = '+12125554009';
    const payload = { call_control_id: 'v3:inbound-1', direction: 'incoming', from: phone, to: ACME_NUMBER, connection_id: ACME_CONNECTION };
    await s.telnyx.deliver(url, s.telnyx.envelope('call.dtmf.received', { ...payload, digit: '9' }, url));
    expect(await revocationsOf(s, phone)).toHaveLength(0);
    await s.telnyx.deliver(
      url,
      s.telnyx.envelope('call.transcription', { ...payload, transcription_data: { transcript: 'stop calling me', is_final: true } }, url),
    );
    expect(await revocationsOf(s, phone)).toMatchObject([{ trigger: 'verbal_stop_during_call' }]);
  });
});

describe('Telnyx webhooks: the application verifies with the telnyx SDK', () => {
  it('client.webhooks.unwrap accepts what the gateway relays (real clock)', async () => {
    let unwrapped: unknown;
    const s = await startStack({}, { appVerify: () => true });
    try {
      const sdk = new Telnyx({ apiKey: 'unused', publicKey: s.telnyx.publicKeyBase64 });
      s.clock.set(new Date()); // the SDK checks the timestamp against Date.now()
      s.app.on(APP_EVENTS, async (req) => {
        unwrapped = await sdk.webhooks.unwrap(req.rawBody, { headers: req.headers as Record<string, string> });
        return { status: 200, body: '{}' };
      });
      const res = await s.telnyx.inboundText('+12125555001', ACME_NUMBER, 'hello');
      expect(res.status).toBe(200);
      expect(unwrapped).toMatchObject({ data: { event_type: 'message.received', payload: { text: 'hello' } } });
    } finally {
      await s.stop();
    }
  });

  it('without TELNYX_PUBLIC_KEY every webhook is refused', async () => {
    const s = await startStack({ TELNYX_PUBLIC_KEY: undefined });
    try {
      const res = await s.telnyx.inboundText('+12125555002', ACME_NUMBER, 'STOP');
      expect(res.status).toBe(403);
      expect(s.app.requests).toHaveLength(0);
      await waitUntil('the signature failure to be counted', async () => (await signatureFailures(s)) === 1, { intervalMs: 10 });
    } finally {
      await s.stop();
    }
  });
});
