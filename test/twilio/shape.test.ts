/**
 * The gate sees what Twilio will see: a create whose gated fields are given
 * twice or in the query string, a scheduled text, `<Dial>` numbers in TwiML
 * (inline, fetched by the gateway, or put on a live call by an update) are
 * all checked before anything is dialed or sent.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, childrenOf, elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  ACME,
  ACME_MESSAGING_SERVICE,
  ACME_NUMBER,
  CLINIC,
  CLINIC_NUMBER,
  seedConsent,
  startStack,
  TWIML,
  type Stack,
  rejection,
} from './harness';
import { decisionsFor } from '../support/orgs';
import { dialedIn } from '../support/twimlReading';

const CALLS = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`;
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

describe('Twilio: the gate sees what the carrier will see', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  const created = (to: string) => s.emulator.requests.filter((r) => r.method === 'POST' && r.rawBody.includes(encodeURIComponent(to)));

  it('To given twice is refused with 400, forwarded nowhere and decided for neither number', async () => {
    const consented = '+12125552001';
    const other = '+12125552002';
    await seedConsent(s, consented, ACME, ['sms']);
    const raw = `To=${encodeURIComponent(consented)}&From=${encodeURIComponent(ACME_NUMBER)}&Body=Hi&To=${encodeURIComponent(other)}`;
    const res = await request(s.gw.url).post(MESSAGES).auth(ACCOUNT_SID, AUTH_TOKEN).type('form').send(raw);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 20001, status: 400, reason: 'invalid_request', field: 'To' });
    expect(created(other)).toHaveLength(0);
    expect(created(consented)).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consented)).toHaveLength(0);
  });

  it('From given twice, or in another letter case, is refused', async () => {
    const to = '+12125552003';
    await seedConsent(s, to, ACME, ['sms']);
    for (const raw of [
      `To=${encodeURIComponent(to)}&From=${encodeURIComponent(ACME_NUMBER)}&Body=Hi&From=${encodeURIComponent('+8613800138000')}`,
      `To=${encodeURIComponent(to)}&From=${encodeURIComponent(ACME_NUMBER)}&Body=Hi&from=${encodeURIComponent('+8613800138000')}`,
    ]) {
      const res = await request(s.gw.url).post(MESSAGES).auth(ACCOUNT_SID, AUTH_TOKEN).type('form').send(raw);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('From');
    }
    expect(created(to)).toHaveLength(0);
  });

  it('a gated field in the query string of a create is refused: the body names a consented number, the query another', async () => {
    const consented = '+12125552004';
    const other = '+12125552005';
    await seedConsent(s, consented, ACME, ['sms']);
    const res = await request(s.gw.url)
      .post(`${MESSAGES}?To=${encodeURIComponent(other)}`)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: consented, From: ACME_NUMBER, Body: 'Hi' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 20001, reason: 'invalid_request', field: 'To' });
    expect(s.emulator.requests.filter((r) => r.query.includes('To='))).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consented)).toHaveLength(0);
  });

  it('a marketing text scheduled (SendAt) for 22:30 recipient time is blocked quiet_hours though it is sent at noon', async () => {
    const to = '+12125552006';
    await seedConsent(s, to, ACME, ['sms']);
    const sendAt = new Date('2026-04-11T02:30:00Z'); // 22:30 in New York
    const err = await rejection(
      s.client.messages.create({ to, messagingServiceSid: ACME_MESSAGING_SERVICE, body: 'Big sale tonight', sendAt, scheduleType: 'fixed' }),
    );
    expect(err.status).toBe(403);
    expect(err.message).toContain('quiet_hours');
    expect(err.details).toMatchObject({ reason: 'quiet_hours', recipient_local_time: '22:30' });
    expect(created(to)).toHaveLength(0);
    // The same text scheduled for the next afternoon goes.
    const ok = await s.client.messages.create({
      to,
      messagingServiceSid: ACME_MESSAGING_SERVICE,
      body: 'Big sale',
      sendAt: new Date('2026-04-11T18:00:00Z'),
      scheduleType: 'fixed',
    });
    expect(ok.sid).toMatch(/^SM/);
  });

  it('an unparseable SendAt is 400 in Twilio dialect, with no decision', async () => {
    const to = '+12125552007';
    await seedConsent(s, to, ACME, ['sms']);
    const res = await request(s.gw.url)
      .post(MESSAGES)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: to, MessagingServiceSid: ACME_MESSAGING_SERVICE, Body: 'Hi', SendAt: 'tonight at ten', ScheduleType: 'fixed' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 20001, reason: 'invalid_request', field: 'SendAt' });
    expect(created(to)).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, to)).toHaveLength(0);
  });

  it('a call giving both Twiml and Url (Twilio runs the Url) is refused, with no decision', async () => {
    const to = '+12125552029';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const res = await request(s.gw.url)
      .post(CALLS)
      .auth(ACCOUNT_SID, AUTH_TOKEN)
      .type('form')
      .send({ To: to, From: ACME_NUMBER, Twiml: '<Response><Say>Hi</Say></Response>', Url: `${s.app.url}/calls/anything` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 20001, reason: 'invalid_request' });
    expect(created(to)).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, to)).toHaveLength(0);
  });

  it('inline Twiml that <Dial>s a number without consent is blocked; nothing reaches Twilio', async () => {
    const to = '+13125552008';
    const dialed = '+13125552009';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const err = await rejection(
      s.client.calls.create({ to, from: CLINIC_NUMBER, twiml: `<Response><Say>Connecting you</Say><Dial><Number>${dialed}</Number></Dial></Response>` }),
    );
    expect(err.status).toBe(403);
    expect(err.message).toContain('no_consent_on_file');
    expect(created(to)).toHaveLength(0);
    // A bare number inside <Dial>, and a SIP address whose user part is a phone number, are numbers too.
    for (const dial of [`<Dial>${dialed}</Dial>`, `<Dial><Sip>sip:${dialed}@trunk.example.com</Sip></Dial>`]) {
      const e = await rejection(s.client.calls.create({ to, from: CLINIC_NUMBER, twiml: `<Response>${dial}</Response>` }));
      expect(e.status).toBe(403);
    }
    expect(created(to)).toHaveLength(0);
  });

  it('inline Twiml that <Dial>s a consented number is allowed; <Client> and <Conference> need no consent', async () => {
    const to = '+13125552010';
    const dialed = '+13125552011';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    await seedConsent(s, dialed, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    const call = await s.client.calls.create({
      to,
      from: CLINIC_NUMBER,
      twiml: `<Response><Dial callerId="${CLINIC_NUMBER}"><Number>${dialed}</Number><Client>agent_7</Client></Dial><Dial><Conference>room-1</Conference></Dial></Response>`,
    });
    expect(call.sid).toMatch(/^CA/);
    expect(dialedIn(s.emulator.callParams.get(call.sid)!.Twiml)).toEqual([dialed]);
    expect(await decisionsFor(s.gw.url, s.gw.auth, dialed)).toHaveLength(1);
  });

  it('TwiML the gateway fetches for a call that <Dial>s a number without consent is served without the dial, and hangs up', async () => {
    const to = '+12125552012';
    const dialed = '+12125552013';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/calls/transfer', { body: TWIML(`<Say>Transferring</Say><Dial><Number>${dialed}</Number></Dial>`) });
    const call = await s.client.calls.create({ to, from: ACME_NUMBER, url: `${s.app.url}/calls/transfer` });
    const xml = await s.emulator.answer(call.sid);
    expect(xml).not.toContain(dialed);
    const verbs = elementsOf(parseTwiml(xml).verbs);
    expect(verbs.map(tagOf)).not.toContain('Dial');
    expect(tagOf(verbs[verbs.length - 1])).toBe('Hangup');
    expect(await decisionsFor(s.gw.url, s.gw.auth, dialed)).toMatchObject([{ allowed: false, reason: 'no_consent_on_file' }]);
  });

  it('TwiML the gateway fetches that <Dial>s a consented number is served as the application wrote it', async () => {
    const to = '+12125552014';
    const dialed = '+12125552015';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await seedConsent(s, dialed, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/calls/transfer-ok', { body: TWIML(`<Dial><Number>${dialed}</Number></Dial>`) });
    const call = await s.client.calls.create({ to, from: ACME_NUMBER, url: `${s.app.url}/calls/transfer-ok` });
    const xml = await s.emulator.answer(call.sid);
    expect(dialedIn(xml)).toEqual([dialed]);
  });

  it('a call that needs no disclosure but names a Url is fetched through the gateway too, so its <Dial> is gated', async () => {
    const to = '+13125552027';
    const dialed = '+13125552028';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    s.app.on('/clinic/voice', { body: TWIML(`<Say>Your appointment</Say><Dial><Number>${dialed}</Number></Dial>`) });
    const call = await s.client.calls.create({ to, from: CLINIC_NUMBER, url: `${s.app.url}/clinic/voice` });
    expect(s.emulator.callParams.get(call.sid)!.Url).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
    const xml = await s.emulator.answer(call.sid);
    expect(xml).not.toContain(dialed);
    // No disclosure for a human call: the refusal alone.
    expect(elementsOf(parseTwiml(xml).verbs).map(tagOf)).toEqual(['Say', 'Hangup']);
  });

  it('inline Twiml that <Redirect>s is followed through the gateway, and a <Dial> in what the app answers there is gated', async () => {
    const to = '+13125552023';
    const dialed = '+13125552024';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    s.app.on('/calls/next', { body: TWIML(`<Dial><Number>${dialed}</Number></Dial>`) });
    const call = await s.client.calls.create({
      to,
      from: CLINIC_NUMBER,
      twiml: `<Response><Redirect method="GET">${s.app.url}/calls/next</Redirect></Response>`,
    });
    const first = await s.emulator.answer(call.sid);
    // After the transcription start: the application's <Redirect>.
    const [, redirect] = elementsOf(parseTwiml(first).verbs);
    const next = String(childrenOf(redirect)[0]['#text']);
    expect(next).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
    // Twilio follows the redirect: the gateway asks the app (as the app asked to be asked) and refuses its dial.
    const xml = await s.emulator.webhook(next, s.emulator.callWebhookParams(call.sid), 'POST');
    expect(xml).not.toContain(dialed);
    expect(elementsOf(parseTwiml(xml).verbs).map(tagOf)).toEqual(['Say', 'Hangup']);
    expect(s.app.received('/calls/next')[0].method).toBe('GET');
  });

  it('a <Gather> action in fetched TwiML comes back through the gateway with the digits, and what it answers is gated too', async () => {
    const to = '+12125552025';
    const dialed = '+12125552026';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/calls/menu', { body: TWIML(`<Gather action="/calls/menu-choice" numDigits="1"><Say>Press 1 for an agent</Say></Gather>`) });
    s.app.on('/calls/menu-choice', { body: TWIML(`<Dial><Number>${dialed}</Number></Dial>`) });
    const call = await s.client.calls.create({ to, from: ACME_NUMBER, url: `${s.app.url}/calls/menu` });
    const xml = await s.emulator.answer(call.sid);
    // After the transcription start and the disclosure: the application's menu.
    const menu = elementsOf(parseTwiml(xml).verbs)[2];
    expect(attrsOf(menu).action).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
    const answered = await s.emulator.webhook(attrsOf(menu).action, s.emulator.callWebhookParams(call.sid, { Digits: '1' }), 'POST');
    expect(answered).not.toContain(dialed);
    const [choice] = s.app.received('/calls/menu-choice');
    expect(choice.form.Digits).toBe('1');
    expect(choice.verified).toBe(true);
  });

  describe('call updates', () => {
    async function liveCall(to: string): Promise<string> {
      await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
      const call = await s.client.calls.create({ to, from: CLINIC_NUMBER, twiml: '<Response><Say>Hello</Say><Pause length="30"/></Response>' });
      return call.sid;
    }
    const updates = (sid: string) => s.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/Calls/${sid}.json`));

    it('an update whose Twiml <Dial>s a number without consent is refused and Twilio never sees it', async () => {
      const sid = await liveCall('+13125552016');
      const dialed = '+13125552017';
      const err = await rejection(s.client.calls(sid).update({ twiml: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` }));
      expect(err.status).toBe(403);
      expect(err.message).toContain('no_consent_on_file');
      expect(updates(sid)).toHaveLength(0);
    });

    it("an update that dials someone on a call Twilio cannot find is refused with Twilio's own answer, and nothing is forwarded", async () => {
      // The gateway must ask Twilio who the call is between before it can gate the <Dial>: when that lookup fails, it fails closed.
      const sid = 'CA' + '0'.repeat(32);
      const before = s.emulator.requests.filter((r) => r.method === 'POST').length;
      const err = await rejection(s.client.calls(sid).update({ twiml: '<Response><Dial><Number>+13125552099</Number></Dial></Response>' }));
      expect(err.status).toBe(404);
      expect(s.emulator.requests.filter((r) => r.method === 'POST').length).toBe(before);
      expect(await decisionsFor(s.gw.url, s.gw.auth, '+13125552099')).toEqual([]);
    });

    it('an update that only ends the call is forwarded as it came', async () => {
      const sid = await liveCall('+13125552018');
      const call = await s.client.calls(sid).update({ status: 'completed' });
      expect(call.status).toBe('completed');
      expect(updates(sid)).toHaveLength(1);
      expect(updates(sid)[0].form).toEqual({ Status: 'completed' });
    });

    it('an update with a new Url is pointed through the gateway, and a <Dial> in what it answers is gated', async () => {
      const sid = await liveCall('+13125552019');
      const dialed = '+13125552020';
      s.app.on('/calls/escalate', { body: TWIML(`<Dial><Number>${dialed}</Number></Dial>`) });
      await s.client.calls(sid).update({ url: `${s.app.url}/calls/escalate`, method: 'GET' });
      const [sent] = updates(sid);
      expect(sent.form.Url).toMatch(new RegExp(`^${s.gw.url}/twilio/voice\\?cg=`));
      const xml = await s.emulator.answer(sid);
      expect(xml).not.toContain(dialed);
      expect(s.app.received('/calls/escalate')[0].method).toBe('GET');
    });

    it('an update with a new Url whose answer dials a consented number plays that answer unchanged', async () => {
      const sid = await liveCall('+13125552021');
      const dialed = '+13125552022';
      await seedConsent(s, dialed, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
      s.app.on('/calls/escalate-ok', { body: TWIML(`<Say>One moment</Say><Dial><Number>${dialed}</Number></Dial>`) });
      await s.client.calls(sid).update({ url: `${s.app.url}/calls/escalate-ok` });
      const xml = await s.emulator.answer(sid);
      expect(dialedIn(xml)).toEqual([dialed]);
      expect(elementsOf(parseTwiml(xml).verbs).map(tagOf)).toEqual(['Say', 'Dial']);
      expect(attrsOf(elementsOf(parseTwiml(xml).verbs)[0])).toEqual({});
    });
  });
});
