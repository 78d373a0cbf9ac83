/**
 * twilio-node, unmodified except `client.api.baseUrl`, against the gateway,
 * which forwards to the Twilio emulator. Every call and text is gated; the
 * rest passes through.
 */
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTwiml, elementsOf, tagOf, childrenOf, attrsOf } from '../../adapters/twiml';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  ACME,
  ACME_MESSAGING_SERVICE,
  ACME_NUMBER,
  CLINIC,
  CLINIC_NUMBER,
  seedConsent,
  signedWebhook,
  startStack,
  TWIML,
  type Stack,
  rejection,
} from './harness';

const RestException = (twilio as unknown as { RestException: new (...a: unknown[]) => Error }).RestException;

describe('Twilio REST through the gateway', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('a call without consent raises RestException naming the reason, and Twilio receives nothing', async () => {
    const err = await rejection(s.client.calls.create({ to: '+12125551001', from: ACME_NUMBER, twiml: '<Response><Say>Hi</Say></Response>' }));
    expect(err).toBeInstanceOf(RestException);
    expect(err.status).toBe(403);
    expect(err.code).toBe(20403);
    expect(err.message).toContain('no_consent_on_file');
    expect(err.details).toMatchObject({ allowed: false, reason: 'no_consent_on_file' });
    expect(s.emulator.received('POST', '/Calls.json')).toHaveLength(0);
    // The refusal is audited like any decision.
    const id = String(err.details?.decision_id);
    const audit = await request(s.gw.url).get(`/v1/decisions/${id}`).set(s.gw.auth);
    expect(audit.status).toBe(200);
  });

  it('blocked answers are final: x-should-retry false and the Twilio error shape with reason and decision_id', async () => {
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: '+12125551002', From: ACME_NUMBER, Twiml: '<Response/>' });
    expect(res.status).toBe(403);
    expect(res.headers['x-should-retry']).toBe('false');
    expect(res.body).toMatchObject({ code: 20403, status: 403, reason: 'no_consent_on_file', more_info: expect.any(String) });
    expect(res.body.decision_id).toMatch(/^dec_/);
  });

  it('an allowed AI call with inline Twiml reaches Twilio with the disclosure first, inside a DTMF Gather', async () => {
    const to = '+12125551003';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const call = await s.client.calls.create({ to, from: ACME_NUMBER, twiml: '<Response><Say>Hello from the app</Say><Pause length="1"/></Response>' });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe('queued');
    const [sent] = s.emulator.received('POST', '/Calls.json');
    const verbs = elementsOf(parseTwiml(sent.form.Twiml).verbs);
    // The call's transcription starts first (see transcription.test.ts), then the disclosure.
    expect(verbs.map(tagOf)).toEqual(['Start', 'Gather', 'Say', 'Pause']);
    const gather = verbs[1];
    expect(attrsOf(gather)).toMatchObject({ input: 'dtmf', numDigits: '1' });
    expect(attrsOf(gather).action).toContain(`${s.gw.url}/twilio/voice?cg=`);
    const said = String(childrenOf(childrenOf(gather)[0])[0]['#text']);
    expect(said).toContain('AI assistant');
    expect(said).toContain(ACME);
    // The rest of the request went as it came, auth header included.
    expect(sent.form).toMatchObject({ To: to, From: ACME_NUMBER });
    expect(sent.headers.authorization).toBe('Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'));
  });

  it('an allowed AI call with Url is pointed at /twilio/voice; answering it plays the disclosure then the app TwiML', async () => {
    const to = '+12125551004';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/calls/start', { body: TWIML('<Say>This is the application speaking</Say>') });
    const call = await s.client.calls.create({ to, from: ACME_NUMBER, url: `${s.app.url}/calls/start?campaign=7`, method: 'GET' });
    const form = s.emulator.callParams.get(call.sid)!;
    expect(form.Url).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
    expect(form.Method).toBe('POST');
    const xml = await s.emulator.answer(call.sid);
    const verbs = elementsOf(parseTwiml(xml).verbs);
    expect(verbs.map(tagOf)).toEqual(['Start', 'Gather', 'Say']);
    expect(JSON.stringify(verbs[2])).toContain('This is the application speaking');
    // The app was asked the way the app asked to be asked (GET, its own query kept) and could verify the signature.
    const [asked] = s.app.received('/calls/start');
    expect(asked.method).toBe('GET');
    expect(asked.url).toContain('campaign=7');
    expect(asked.url).toContain(`CallSid=${call.sid}`);
    expect(asked.verified).toBe(true);
  });

  it('a human call of an entity that needs no disclosure, with Twiml that dials and continues nowhere, keeps its parameters but for the transcription start and the status callback its record needs', async () => {
    const to = '+13125551005';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const raw = `StatusCallback=https%3A%2F%2Fclinic.example%2Fstatus&To=%2B13125551005&From=${encodeURIComponent(CLINIC_NUMBER)}&Twiml=%3CResponse%3E%3CSay%3EYour+appointment+is+at+3%3C%2FSay%3E%3C%2FResponse%3E`;
    const res = await request(s.gw.url).post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`).auth(ACCOUNT_SID, AUTH_TOKEN).type('form').send(raw);
    expect(res.status).toBe(201);
    expect(res.body.to).toBe(to);
    const sent = s.emulator.requests.find((r) => r.form.To === to)!;
    const { Twiml, StatusCallback, ...rest } = sent.form;
    // The application's own callback rides in the gateway's token and is relayed to (call records tests).
    expect(StatusCallback).toMatch(new RegExp(`^${s.gw.url}/twilio/status\\?cg=`));
    expect(new URLSearchParams(sent.rawBody).getAll('StatusCallbackEvent')).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(rest).toMatchObject({ To: to, From: CLINIC_NUMBER, StatusCallbackMethod: 'POST' });
    const verbs = elementsOf(parseTwiml(Twiml).verbs);
    expect(verbs.map(tagOf)).toEqual(['Start', 'Say']);
    expect(childrenOf(verbs[1])[0]['#text']).toBe('Your appointment is at 3');
  });

  it('a human call with a Url keeps every parameter but Url and Method, which lead through /twilio/voice, and the status callback its record needs', async () => {
    const to = '+13125551015';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const raw = `StatusCallback=https%3A%2F%2Fclinic.example%2Fstatus&To=%2B13125551015&From=${encodeURIComponent(CLINIC_NUMBER)}&Url=https://clinic.example/voice?a=1%26b=2`;
    const res = await request(s.gw.url).post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`).auth(ACCOUNT_SID, AUTH_TOKEN).type('form').send(raw);
    expect(res.status).toBe(201);
    const sent = s.emulator.requests.find((r) => r.form.To === to)!;
    const { Url, Method, ...rest } = sent.form;
    expect(Url).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
    expect(Method).toBe('POST');
    const { StatusCallback, StatusCallbackEvent: _events, ...others } = rest;
    expect(StatusCallback).toMatch(new RegExp(`^${s.gw.url}/twilio/status\\?cg=`));
    expect(others).toEqual({ To: to, From: CLINIC_NUMBER, StatusCallbackMethod: 'POST' });
  });

  it('X-Consent-* headers choose the entity and kind, win over the config, and are stripped before forwarding', async () => {
    const to = '+12125551006';
    await seedConsent(s, to, 'Gamma Surveys', ['human_voice', 'survey'], { type: 'prior_express', ai: false });
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .set({ 'X-Consent-Entity': 'Gamma Surveys', 'X-Consent-Purpose': 'survey', 'X-Consent-Call-Type': 'human_voice' })
      .type('form')
      .send({ To: to, From: '+12125559999', Url: 'https://gamma.example/voice' });
    expect(res.status).toBe(201);
    const sent = s.emulator.requests.find((r) => r.form.To === to)!;
    expect(Object.keys(sent.headers).filter((h) => h.startsWith('x-consent'))).toEqual([]);
    expect(sent.form.Url).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
  });

  it('an X-Consent header outside the vocabulary is a 400 Twilio error, never a silent default', async () => {
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .set('X-Consent-Call-Type', 'robot')
      .type('form')
      .send({ To: '+12125551007', From: ACME_NUMBER, Twiml: '<Response/>' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 20001, status: 400, field: 'X-Consent-Call-Type' });
    expect(res.body.message).toContain('X-Consent-Call-Type: must be one of ai_voice, human_voice, automated_voice');
    expect(s.emulator.requests.some((r) => r.form.To === '+12125551007')).toBe(false);
  });

  it('a call whose entity cannot be determined is refused with a clear 400 and not forwarded', async () => {
    const before = s.emulator.requests.length;
    const err = await rejection(s.client.calls.create({ to: '+12125551008', from: '+12125558888', twiml: '<Response/>' }));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/calling entity/);
    expect(err.message).toContain('X-Consent-Entity');
    expect(s.emulator.requests.length).toBe(before);
  });

  it('an AI call placed with ApplicationSid is refused: there is no TwiML to put the disclosure in', async () => {
    const to = '+12125551009';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.calls.create({ to, from: ACME_NUMBER, applicationSid: 'AP' + 'b'.repeat(32) }));
    expect(err.status).toBe(400);
    expect(err.message).toContain('ApplicationSid');
    expect(s.emulator.requests.some((r) => r.form.To === to)).toBe(false);
  });

  it('inline Twiml that is not XML is refused (fail closed): the disclosure could not be placed', async () => {
    const to = '+12125551010';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.calls.create({ to, from: ACME_NUMBER, twiml: 'Say hello <b>' }));
    expect(err.status).toBe(400);
    expect(err.message).toContain('Twiml');
    expect(s.emulator.requests.some((r) => r.form.To === to)).toBe(false);
  });

  it('a To that is not a phone number cannot be consent-checked and is refused', async () => {
    const err = await rejection(s.client.calls.create({ to: 'client:alice', from: ACME_NUMBER, twiml: '<Response/>' }));
    expect(err.status).toBe(400);
    expect(err.code).toBe(21211);
  });

  it('a spelling of the Calls path Twilio would accept is gated too', async () => {
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/%43alls.json/`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: '+12125551011', From: ACME_NUMBER, Twiml: '<Response/>' });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('no_consent_on_file');
  });

  it('adding a conference participant dials a number too: it is gated', async () => {
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/CF${'1'.repeat(32)}/Participants.json`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: '+13125551014', From: CLINIC_NUMBER });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('no_consent_on_file');
    expect(s.emulator.requests.some((r) => r.path.includes('/Participants'))).toBe(false);
  });

  it('malformed form bodies and other content types are refused with 400, never forwarded', async () => {
    const before = s.emulator.requests.length;
    const bad = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send('To=%2B1212555&From=%ZZ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(20001);
    const json = await request(s.gw.url).post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`).auth(ACCOUNT_SID, AUTH_TOKEN).send({ To: '+12125551012' });
    expect(json.status).toBe(400);
    const anon = await request(s.gw.url).post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`).type('form').send({ To: '+12125551012', Body: 'x' });
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe(20003);
    expect(s.emulator.requests.length).toBe(before);
  });

  it('telemarketing outside the calling window is blocked with quiet_hours', async () => {
    const to = '+12125551013';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    s.clock.set('2026-04-11T03:00:00Z'); // 23:00 in New York
    try {
      const err = await rejection(s.client.calls.create({ to, from: ACME_NUMBER, twiml: '<Response/>' }));
      expect(err.message).toContain('quiet_hours');
      expect(err.details).toMatchObject({ reason: 'quiet_hours', recipient_timezone: 'America/New_York' });
    } finally {
      s.clock.set('2026-04-10T18:00:00Z');
    }
  });

  it("a telemarketing call to Miami at 20:30 is refused under Florida's hours, naming the rule, and Twilio receives nothing", async () => {
    const to = '+13055551014';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const before = s.emulator.received('POST', '/Calls.json').length;
    s.clock.set('2026-04-11T00:30:00Z'); // 20:30 in Miami: inside the federal window, outside Florida's
    try {
      const err = await rejection(s.client.calls.create({ to, from: ACME_NUMBER, twiml: '<Response/>' }));
      expect(err.message).toContain('quiet_hours');
      expect(err.details).toMatchObject({ reason: 'quiet_hours', jurisdiction: 'US-FL', citation: expect.stringContaining('501.616') });
      expect(s.emulator.received('POST', '/Calls.json')).toHaveLength(before);
    } finally {
      s.clock.set('2026-04-10T18:00:00Z');
    }
  });

  it('messages.create to a consumer with consent is forwarded; the SDK gets the Message resource', async () => {
    const to = '+12125551020';
    await seedConsent(s, to, ACME, ['sms']);
    const msg = await s.client.messages.create({ to, from: ACME_NUMBER, body: 'Your quote is ready' });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(msg.status).toBe('queued');
    expect(msg.body).toBe('Your quote is ready');
  });

  it('a Messaging Service SID maps to its entity', async () => {
    const to = '+12125551021';
    await seedConsent(s, to, ACME, ['sms']);
    const msg = await s.client.messages.create({ to, messagingServiceSid: ACME_MESSAGING_SERVICE, body: 'Hello' });
    expect(msg.status).toBe('accepted');
  });

  it('messages.create to a number that texted STOP raises 21610 exactly as Twilio does', async () => {
    const to = '+12125551022';
    await seedConsent(s, to, ACME, ['sms']);
    const stop = await signedWebhook(s, '/twilio/sms', { AccountSid: ACCOUNT_SID, MessageSid: 'SM' + 'c'.repeat(32), From: to, To: ACME_NUMBER, Body: 'STOP' });
    expect(stop.status).toBe(200);
    const err = await rejection(s.client.messages.create({ to, from: ACME_NUMBER, body: 'Special offer!' }));
    expect(err).toBeInstanceOf(RestException);
    expect(err.status).toBe(400);
    expect(err.code).toBe(21610);
    expect(err.message).toBe('Attempt to send to unsubscribed recipient');
    expect(err.moreInfo).toBe('https://www.twilio.com/docs/errors/21610');
    expect(err.details).toMatchObject({ reason: 'consumer_revoked' });
    // The STOP covers calls as well as texts.
    const call = await rejection(s.client.calls.create({ to, from: ACME_NUMBER, twiml: '<Response/>' }));
    expect(call.message).toContain('consumer_revoked');
  });

  it('other message blocks are 403 naming the reason', async () => {
    const err = await rejection(s.client.messages.create({ to: '+12125551023', from: ACME_NUMBER, body: 'Hi' }));
    expect(err.status).toBe(403);
    expect(err.message).toContain('no_consent_on_file');
  });

  it('calls(sid).fetch(), list and update pass through to Twilio verbatim', async () => {
    const to = '+13125551030';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const created = await s.client.calls.create({ to, from: CLINIC_NUMBER, url: 'https://clinic.example/voice' });
    const fetched = await s.client.calls(created.sid).fetch();
    expect(fetched.sid).toBe(created.sid);
    expect(fetched.direction).toBe('outbound-api');
    const listed = await s.client.calls.list({ limit: 20 });
    expect(listed.map((c) => c.sid)).toContain(created.sid);
    const updated = await s.client.calls(created.sid).update({ status: 'completed' });
    expect(updated.status).toBe('completed');
    const missing = await rejection(s.client.calls('CA' + '0'.repeat(32)).fetch());
    expect(missing.status).toBe(404);
    expect(missing.code).toBe(20404);
  });

  it('large bodies stream through without the gateway holding them', async () => {
    const bytes = 8 * 1024 * 1024;
    const res = await fetch(`${s.gw.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/RE${'d'.repeat(32)}.wav?bytes=${bytes}`, {
      headers: { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/x-wav');
    expect((await res.arrayBuffer()).byteLength).toBe(bytes);
  });

  it('another Twilio domain routed through /twilio/upstream/<host> passes through; other hosts are refused', async () => {
    s.client.messaging.baseUrl = `${s.gw.url}/twilio/upstream/messaging.twilio.com`;
    const services = await s.client.messaging.v1.services.list();
    expect(services).toEqual([]);
    expect(s.emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/messaging.twilio.com/v1/Services' });
    const evil = await request(s.gw.url).get('/twilio/upstream/169.254.169.254/latest/meta-data').auth(ACCOUNT_SID, AUTH_TOKEN);
    expect(evil.status).toBe(400);
    const lookalike = await request(s.gw.url).get('/twilio/upstream/api.twilio.com.evil.example/x');
    expect(lookalike.status).toBe(400);
  });

  it('an upstream that does not answer in time: the SDK gets an error, the decision is still audited', async () => {
    const to = '+13125551040';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    s.emulator.delayMs = 1500;
    try {
      const err = await rejection(s.client.calls.create({ to, from: CLINIC_NUMBER, url: 'https://clinic.example/voice' }));
      expect(err.status).toBe(504);
      expect(err.message).toContain('could not reach the Twilio API');
      // The decision was taken and stored before forwarding; the SDK user can look it up.
      const audit = await request(s.gw.url)
        .get(`/v1/decisions/${String(err.details?.decision_id)}`)
        .set(s.gw.auth);
      expect(audit.status).toBe(200);
      expect(JSON.stringify(audit.body)).toContain('"allowed":true');
    } finally {
      s.emulator.delayMs = 0;
    }
  });
});

describe('Twilio REST with the upstream down or the store down', () => {
  it('an upstream that is down: 502 in Twilio shape, decision audited', async () => {
    const s = await startStack();
    try {
      const to = '+13125551050';
      await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
      await s.emulator.stop();
      const err = await rejection(s.client.calls.create({ to, from: CLINIC_NUMBER, url: 'https://clinic.example/voice' }));
      expect(err).toBeInstanceOf(RestException);
      expect(err.status).toBe(502);
      expect(err.message).toContain('could not reach the Twilio API');
      const audit = await request(s.gw.url).get('/v1/decisions').query({ phone: to }).set(s.gw.auth);
      expect(JSON.stringify(audit.body)).toContain('"allowed":true');
    } finally {
      await s.gw.close();
      await s.app.stop();
    }
  });

  it('the store down: 503 in Twilio shape, fail closed, nothing forwarded', async () => {
    const s = await startStack();
    try {
      (s.gw.ctx.ledger as unknown as { database: { close(): void } }).database.close();
      const err = await rejection(s.client.calls.create({ to: '+12125551060', from: ACME_NUMBER, twiml: '<Response/>' }));
      expect(err.status).toBe(503);
      expect(err.code).toBe(20503);
      const sms = await rejection(s.client.messages.create({ to: '+12125551060', from: ACME_NUMBER, body: 'x' }));
      expect(sms.status).toBe(503);
      expect(s.emulator.requests).toHaveLength(0);
    } finally {
      await s.stop().catch(() => undefined);
    }
  });
});
