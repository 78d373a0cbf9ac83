/**
 * Hearing every Twilio call: the real twilio-node client places calls
 * through the gateway, the Twilio emulator runs the TwiML Twilio would
 * receive — starting the real-time transcription it asks for — and posts
 * the signed transcription events of what the consumer says. A spoken
 * "stop" is revoked for the call's consent subject, and the gateway ends
 * the call itself through the Calls API.
 */
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, childrenOf, elementsOf, parseTwiml, tagOf, type TwimlNode } from '../../adapters/twiml';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { waitForValue } from '../support/wait';
import { ACCOUNT_SID, ACME, ACME_NUMBER, AUTH_TOKEN, ENTITIES, seedConsent, startStack, TWIML, type Stack } from './harness';

const QUIET = 'Quiet Calls Co';
const QUIET_NUMBER = '+12125550177';
const ENTITIES_WITH_QUIET = [...ENTITIES, { name: QUIET, numbers: [QUIET_NUMBER], purpose: 'telemarketing', call_type: 'ai_voice', transcribe: false }];

function verbsOf(xml: string): TwimlNode[] {
  return elementsOf(parseTwiml(xml).verbs);
}

/** The `<Transcription>` of a leading `<Start>`, or undefined when the document does not begin with one. */
function leadingTranscription(xml: string): Record<string, string> | undefined {
  const [firstVerb] = verbsOf(xml);
  if (!firstVerb || tagOf(firstVerb) !== 'Start') return undefined;
  const noun = elementsOf(childrenOf(firstVerb)).find((n) => tagOf(n) === 'Transcription');
  return noun ? attrsOf(noun) : undefined;
}

function anyTranscription(xml: string): boolean {
  return /<Transcription\b/.test(xml);
}

async function precallReason(s: Stack, phone: string, entity = ACME): Promise<string | undefined> {
  const res = await request(s.gw.url)
    .post('/v1/precall')
    .set(s.gw.auth)
    .send({ phone, calling_entity: entity, purpose: 'telemarketing', call_type: 'ai_voice' });
  expect(res.status).toBe(200);
  return res.body.allowed ? undefined : res.body.reason;
}

async function metric(s: Stack, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${s.gw.url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = pattern.exec(line);
    if (m) sum += Number(m[1]);
  }
  return sum;
}
const spokenOptOuts = (s: Stack) => metric(s, /^consent_gate_opt_outs_total\{[^}]*trigger="verbal_stop_during_call"[^}]*\} (\d+)/);
const hangupFailures = (s: Stack, outcome: string) =>
  metric(s, new RegExp(`^consent_gate_call_hangup_failures_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`));

let consumers = 0;
async function consentedConsumer(s: Stack, entity = ACME): Promise<string> {
  const phone = `+1212555${String(4000 + ++consumers)}`;
  await seedConsent(s, phone, entity, ['ai_voice', 'telemarketing']);
  return phone;
}

/** A call placed the way the application does it, and answered by the consumer (Twilio runs its TwiML). */
async function answeredCall(s: Stack, how: 'twiml' | 'url', from = ACME_NUMBER, entity = ACME): Promise<{ sid: string; phone: string; twiml: string }> {
  const phone = await consentedConsumer(s, entity);
  const call =
    how === 'twiml'
      ? await s.client.calls.create({ to: phone, from, twiml: TWIML('<Say>Hello from the app</Say><Pause length="5"/>') })
      : await s.client.calls.create({ to: phone, from, url: `${s.app.url}/answer` });
  return { sid: call.sid, phone, twiml: await s.emulator.answer(call.sid) };
}

function updatesOf(s: Stack, sid: string) {
  return s.emulator.callUpdates.filter((u) => u.sid === sid);
}

describe('Twilio calls are heard: real-time transcription, a spoken stop ends the call', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ entities: ENTITIES_WITH_QUIET });
    s.app.on('/answer', { body: TWIML('<Say>Hi, this is the app speaking</Say><Connect><Stream url="wss://app.example/media"/></Connect>') });
    s.app.on('/twilio/transcription', { status: 204, body: '' });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('inline Twiml: the TwiML Twilio receives starts transcribing the consumer before the disclosure and the app', async () => {
    const { twiml } = await answeredCall(s, 'twiml');
    const tr = leadingTranscription(twiml);
    expect(tr).toBeDefined();
    expect(tr!.track).toBe('inbound_track');
    expect(tr!.statusCallbackUrl.startsWith(`${s.gw.url}/twilio/transcription?cg=`)).toBe(true);
    // Then the disclosure (a Gather), then the application's own verbs.
    expect(verbsOf(twiml).map(tagOf)).toEqual(['Start', 'Gather', 'Say', 'Pause']);
  });

  it('Url: the document Twilio fetches through the gateway starts transcription first too', async () => {
    const { sid, twiml } = await answeredCall(s, 'url');
    expect(leadingTranscription(twiml)?.track).toBe('inbound_track');
    expect(verbsOf(twiml).map(tagOf)).toEqual(['Start', 'Gather', 'Say', 'Connect']);
    // Only once: the document after the disclosure (a digit other than 9) does not start a second transcription.
    const gather = verbsOf(twiml)[1];
    const next = await s.emulator.pressDigits(sid, attrsOf(gather).action, '1');
    expect(verbsOf(next).map(tagOf)).toEqual(['Say', 'Connect']);
    expect(anyTranscription(next)).toBe(false);
  });

  it('"please stop calling me" on the inbound track: revoked, the call told and hung up, the next call blocked, the app told', async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    expect(await precallReason(s, phone)).toBeUndefined();
    const before = await spokenOptOuts(s);

    const heard = await s.emulator.consumerSays(sid, 'Please stop calling me.');
    expect(heard.status).toBe(200);
    // Committed before the answer: the very next precall is blocked.
    expect(await precallReason(s, phone)).toBe('consumer_revoked');
    expect(await spokenOptOuts(s)).toBe(before + 1);

    const [update] = await waitForValue(
      'the call update',
      () => updatesOf(s, sid),
      (u) => u.length > 0,
    );
    const verbs = verbsOf(update.form.Twiml);
    expect(verbs.map(tagOf)).toEqual(['Say', 'Hangup']);
    expect(
      childrenOf(verbs[0])
        .map((c) => c['#text'])
        .join(''),
    ).toBe(optOutConfirmation(ACME));
    expect(update.form.Status).toBeUndefined();
    // Authenticated as Twilio requires: the account and its auth token.
    expect(s.emulator.received('POST', `/Calls/${sid}.json`)[0].headers.authorization).toBe(
      'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
    );

    const relayed = s.app.requests.filter((r) => r.path === '/twilio/transcription' && r.form.SequenceId === heard.params.SequenceId && r.form.CallSid === sid);
    expect(relayed).toHaveLength(1);
    expect(relayed[0].verified).toBe(true);
    expect(relayed[0].headers['x-consent-gate-opt-out']).toBe('revoked');
    const revocationId = String(relayed[0].headers['x-consent-gate-revocation-id']);
    const evidence = await request(s.gw.url).get(`/v1/evidence/${revocationId}`).set(s.gw.auth);
    expect(evidence.status).toBe(200);
    expect(JSON.stringify(evidence.body)).toContain('verbal_stop_during_call');
    expect(JSON.stringify(evidence.body)).toContain('Please stop calling me.');
  });

  it("what is not the consumer's final words revokes nothing: the agent's track, a partial, ordinary speech, a phrase the classifier doubts (this path never asks), other events", async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    const events: Record<string, string>[] = [
      {
        TranscriptionEvent: 'transcription-content',
        Track: 'outbound_track',
        Final: 'true',
        TranscriptionData: JSON.stringify({ transcript: 'just say stop calling me to opt out', confidence: 0.9 }),
      },
      {
        TranscriptionEvent: 'transcription-content',
        Track: 'inbound_track',
        Final: 'false',
        TranscriptionData: JSON.stringify({ transcript: 'stop calling me', confidence: 0.4 }),
      },
      {
        TranscriptionEvent: 'transcription-content',
        Track: 'inbound_track',
        Final: 'true',
        TranscriptionData: JSON.stringify({ transcript: 'yes I am interested', confidence: 0.9 }),
      },
      {
        TranscriptionEvent: 'transcription-content',
        Track: 'inbound_track',
        Final: 'true',
        // A phrase rule's words about another company's caller: a possible opt-out here, which only the stream and relay ask about.
        TranscriptionData: JSON.stringify({ transcript: 'o cara do telemarketing da outra empresa eu mandei parar de ligar', confidence: 0.9 }),
      },
      { TranscriptionEvent: 'transcription-started' },
      { TranscriptionEvent: 'transcription-stopped' },
    ];
    for (const e of events) {
      const { TranscriptionEvent, ...extra } = e;
      expect((await s.emulator.transcriptionEvent(sid, TranscriptionEvent, extra)).status).toBe(200);
    }
    expect(await precallReason(s, phone)).toBeUndefined();
    expect(updatesOf(s, sid)).toHaveLength(0);
  });

  it('an unsigned or mis-signed event is 403: nothing revoked, nothing relayed, the call goes on', async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    const url = s.emulator.transcriptionOf(sid)!.url;
    const params = {
      AccountSid: ACCOUNT_SID,
      CallSid: sid,
      TranscriptionSid: 'GT' + '1'.repeat(32),
      SequenceId: '7',
      TranscriptionEvent: 'transcription-content',
      Track: 'inbound_track',
      Final: 'true',
      TranscriptionData: JSON.stringify({ transcript: 'stop calling me', confidence: 0.9 }),
    };
    const relayedBefore = s.app.requests.length;
    const body = new URLSearchParams(params).toString();
    for (const signature of [
      undefined,
      twilio.getExpectedTwilioSignature('not_the_auth_token_000000000000', url, params),
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, { ...params, TranscriptionData: '{"transcript":"hello"}' }),
    ]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
        body,
      });
      expect(res.status).toBe(403);
    }
    // Signed by Twilio, but the gateway's token in the URL altered: who it would revoke for is not ours to trust.
    const forged = url.replace(/cg=([^&]+)/, (_, tok: string) => `cg=${tok.slice(0, -2)}${tok.endsWith('AA') ? 'BB' : 'AA'}`);
    expect((await s.emulator.post(forged, params)).status).toBe(403);
    expect(await precallReason(s, phone)).toBeUndefined();
    expect(s.app.requests.length).toBe(relayedBefore);
    expect(updatesOf(s, sid)).toHaveLength(0);
  });

  it('a signed event that is not what Twilio sends is 400 naming the field: nothing revoked', async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    for (const [field, data] of [
      ['TranscriptionData', 'stop calling me'],
      ['TranscriptionData', JSON.stringify({ text: 'stop calling me' })],
    ]) {
      const res = await s.emulator.transcriptionEvent(sid, 'transcription-content', { Track: 'inbound_track', Final: 'true', TranscriptionData: data });
      expect(res.status).toBe(400);
      expect(res.body).toContain(field);
    }
    const url = s.emulator.transcriptionOf(sid)!.url;
    const bad = await s.emulator.post(url, {
      AccountSid: ACCOUNT_SID,
      CallSid: 'not-a-call',
      SequenceId: '99',
      TranscriptionEvent: 'transcription-content',
      Track: 'inbound_track',
      Final: 'true',
      TranscriptionData: JSON.stringify({ transcript: 'stop calling me', confidence: 0.9 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('CallSid');
    expect(await precallReason(s, phone)).toBeUndefined();
  });

  it('an event for a call the gateway did not start transcribing: relayed to the app, nothing revoked, no call ended', async () => {
    const phone = await consentedConsumer(s);
    const callSid = 'CA' + 'e'.repeat(32);
    const params = {
      AccountSid: ACCOUNT_SID,
      CallSid: callSid,
      TranscriptionSid: 'GT' + '2'.repeat(32),
      SequenceId: '3',
      TranscriptionEvent: 'transcription-content',
      Track: 'inbound_track',
      Final: 'true',
      // The event's own fields name nobody the gateway may revoke for; a To/From here must not be trusted either.
      To: phone,
      From: ACME_NUMBER,
      TranscriptionData: JSON.stringify({ transcript: 'stop calling me', confidence: 0.9 }),
    };
    const res = await s.emulator.post(`${s.gw.url}/twilio/transcription`, params);
    expect(res.status).toBe(200);
    expect(await precallReason(s, phone)).toBeUndefined();
    expect(updatesOf(s, callSid)).toHaveLength(0);
    const relayed = s.app.requests.filter((r) => r.path === '/twilio/transcription' && r.form.CallSid === callSid);
    expect(relayed).toHaveLength(1);
    expect(relayed[0].headers['x-consent-gate-opt-out']).toBeUndefined();
  });

  it('a replayed event (same CallSid and SequenceId) revokes once and ends the call once', async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    const before = await spokenOptOuts(s);
    const first = await s.emulator.consumerSays(sid, 'stop calling me');
    expect(first.status).toBe(200);
    await waitForValue(
      'the call update',
      () => updatesOf(s, sid),
      (u) => u.length === 1,
    );
    const again = await s.emulator.post(s.emulator.transcriptionOf(sid)!.url, first.params);
    expect(again.status).toBe(200);
    expect(await precallReason(s, phone)).toBe('consumer_revoked');
    expect(await spokenOptOuts(s)).toBe(before + 1);
    // Give a second hang-up the time to show up if one were sent.
    await new Promise((r) => setTimeout(r, 200));
    expect(updatesOf(s, sid)).toHaveLength(1);
    const relayed = s.app.requests.filter((r) => r.path === '/twilio/transcription' && r.form.CallSid === sid && r.form.SequenceId === first.params.SequenceId);
    expect(relayed.map((r) => r.headers['x-consent-gate-opt-out'])).toEqual(['revoked', undefined]);
  });

  it("Twilio's call-update API down: the revocation stands at once, the hang-up is retried (counted) until Twilio takes it", async () => {
    const { sid, phone } = await answeredCall(s, 'url');
    const retriedBefore = await hangupFailures(s, 'retried');
    s.emulator.failCallUpdates = 2;
    expect((await s.emulator.consumerSays(sid, "I'm not interested, stop calling me")).status).toBe(200);
    expect(await precallReason(s, phone)).toBe('consumer_revoked');
    const [update] = await waitForValue(
      'the retried call update',
      () => updatesOf(s, sid),
      (u) => u.length > 0,
      { timeoutMs: 5000 },
    );
    expect(verbsOf(update.form.Twiml).map(tagOf)).toEqual(['Say', 'Hangup']);
    expect(await hangupFailures(s, 'retried')).toBe(retriedBefore + 2);
    expect(s.emulator.received('POST', `/Calls/${sid}.json`)).toHaveLength(3);
  });

  it('a call Twilio says is already over (404) is not retried: counted as given up, the opt-out stands', async () => {
    const { sid, phone } = await answeredCall(s, 'twiml');
    const gaveUp = await hangupFailures(s, 'gave_up');
    const retried = await hangupFailures(s, 'retried');
    // The same transcription, but the call it names is gone from Twilio.
    const goneCall = 'CA' + 'd'.repeat(32);
    const res = await s.emulator.post(s.emulator.transcriptionOf(sid)!.url, {
      AccountSid: ACCOUNT_SID,
      CallSid: goneCall,
      TranscriptionSid: 'GT' + '3'.repeat(32),
      SequenceId: '1',
      TranscriptionEvent: 'transcription-content',
      Track: 'inbound_track',
      Final: 'true',
      TranscriptionData: JSON.stringify({ transcript: 'stop calling me', confidence: 0.9 }),
    });
    expect(res.status).toBe(200);
    expect(await precallReason(s, phone)).toBe('consumer_revoked');
    await waitForValue(
      'the hang-up given up',
      () => hangupFailures(s, 'gave_up'),
      (n) => n === gaveUp + 1,
    );
    expect(await hangupFailures(s, 'retried')).toBe(retried);
    expect(s.emulator.received('POST', `/Calls/${goneCall}.json`)).toHaveLength(1);
  });

  it('an entity configured with transcribe: false: its calls carry no <Transcription>', async () => {
    for (const how of ['twiml', 'url'] as const) {
      const { twiml } = await answeredCall(s, how, QUIET_NUMBER, QUIET);
      expect(anyTranscription(twiml)).toBe(false);
      expect(tagOf(verbsOf(twiml)[0])).toBe('Gather');
    }
  });
});

describe('TRANSCRIBE_CALLS=off', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ TRANSCRIBE_CALLS: 'off' });
    s.app.on('/answer', { body: TWIML('<Say>Hi, this is the app speaking</Say>') });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('no call is transcribed, inline Twiml or Url', async () => {
    for (const how of ['twiml', 'url'] as const) {
      const { twiml } = await answeredCall(s, how);
      expect(anyTranscription(twiml)).toBe(false);
      expect(tagOf(verbsOf(twiml)[0])).toBe('Gather');
    }
  });
});

describe('TWILIO_API_KEY and TWILIO_API_SECRET', () => {
  const apiKey = { sid: 'SK' + '5'.repeat(32), secret: 'api_key_secret_0123456789abcdef' };
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ TWILIO_API_KEY: apiKey.sid, TWILIO_API_SECRET: apiKey.secret }, { apiKey });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('end the call in place of the auth token', async () => {
    const { sid } = await answeredCall(s, 'twiml');
    expect((await s.emulator.consumerSays(sid, 'stop calling me')).status).toBe(200);
    const [update] = await waitForValue(
      'the call update',
      () => updatesOf(s, sid),
      (u) => u.length > 0,
    );
    expect(verbsOf(update.form.Twiml).map(tagOf)).toEqual(['Say', 'Hangup']);
    expect(s.emulator.received('POST', `/Calls/${sid}.json`)[0].headers.authorization).toBe(
      'Basic ' + Buffer.from(`${apiKey.sid}:${apiKey.secret}`).toString('base64'),
    );
  });
});
