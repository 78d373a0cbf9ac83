/**
 * The gate sees what Telnyx will see: `to`/`from` given twice (JSON or form),
 * in another letter case or in the query string are refused before any
 * decision; a Call Control transfer dials a number and is gated like a dial;
 * `<Dial>` numbers in TeXML are gated like the call itself.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';
import { ACME, ACME_CONNECTION, ACME_NUMBER, ACME_PROFILE, API_KEY, CLINIC, CLINIC_NUMBER, rejection, seedConsent, startStack, type Stack } from './harness';
import { decisionsFor } from '../support/orgs';
import { dialedIn } from '../support/twimlReading';

const ACCOUNT_SID = 'b1a3c7f0-0000-4000-8000-accounts0001';

describe('Telnyx: the gate sees what the carrier will see', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  const post = (path: string) => request(s.gw.url).post(path).set('authorization', `Bearer ${API_KEY}`);
  const reached = (to: string) => s.telnyx.requests.filter((r) => r.rawBody.includes(to));

  it('a JSON body with "to" twice is refused with 400, forwarded nowhere and decided for neither number', async () => {
    const consented = '+12125557001';
    const other = '+12125557002';
    await seedConsent(s, consented, ACME, ['sms']);
    const raw = `{"to":"${consented}","from":"${ACME_NUMBER}","text":"Hi","to":"${other}"}`;
    const res = await post('/v2/messages').set('content-type', 'application/json').send(raw);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: '10015', source: { pointer: '/to' }, meta: { reason: 'invalid_request' } });
    expect(reached(other)).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consented)).toHaveLength(0);
  });

  it('"TO" beside "to" (a case-insensitive decoder reads the last) is refused, and so is any repeated key', async () => {
    const consented = '+12125557003';
    await seedConsent(s, consented, ACME, ['ai_voice', 'telemarketing']);
    for (const raw of [
      `{"connection_id":"${ACME_CONNECTION}","to":"${consented}","from":"${ACME_NUMBER}","TO":"+12125557004"}`,
      `{"connection_id":"${ACME_CONNECTION}","to":"${consented}","from":"${ACME_NUMBER}","webhook_url":"https://a.example/x","webhook_url":"https://b.example/y"}`,
    ]) {
      const res = await post('/v2/calls').set('content-type', 'application/json').send(raw);
      expect(res.status).toBe(400);
    }
    expect(reached(consented)).toHaveLength(0);
  });

  it('"to" in the query string of a send is refused', async () => {
    const consented = '+12125557005';
    const other = '+12125557006';
    await seedConsent(s, consented, ACME, ['sms']);
    const res = await post(`/v2/messages?to=${encodeURIComponent(other)}`).send({ to: consented, messaging_profile_id: ACME_PROFILE, text: 'Hi' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source).toEqual({ pointer: '/to' });
    expect(s.telnyx.requests.filter((r) => r.query.includes('to='))).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consented)).toHaveLength(0);
  });

  it('a TeXML form body with To twice is refused', async () => {
    const consented = '+12125557007';
    await seedConsent(s, consented, ACME, ['ai_voice', 'telemarketing']);
    const raw = `To=${encodeURIComponent(consented)}&From=${encodeURIComponent(ACME_NUMBER)}&Url=https%3A%2F%2Fapp.example%2Ft&To=${encodeURIComponent('+12125557008')}`;
    const res = await post(`/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).type('form').send(raw);
    expect(res.status).toBe(400);
    expect(reached(consented)).toHaveLength(0);
  });

  it('a TeXML call giving both Texml and Url is refused, with no decision', async () => {
    const to = '+12125557024';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const res = await post(`/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).send({
      To: to,
      From: ACME_NUMBER,
      Texml: '<Response><Say>Hi</Say></Response>',
      Url: `${s.app.url}/texml/x`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].meta).toMatchObject({ reason: 'invalid_request', field: 'Texml' });
    expect(reached(to)).toHaveLength(0);
    expect(await decisionsFor(s.gw.url, s.gw.auth, to)).toHaveLength(0);
  });

  it('an unparseable send_at is 400, with no decision', async () => {
    const to = '+12125557009';
    await seedConsent(s, to, ACME, ['sms']);
    const res = await post('/v2/messages/schedule').send({ to, from: ACME_NUMBER, text: 'Hi', send_at: 'tonight at ten' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source).toEqual({ pointer: '/send_at' });
    expect(await decisionsFor(s.gw.url, s.gw.auth, to)).toHaveLength(0);
  });

  describe('Call Control transfer', () => {
    async function liveCall(to: string): Promise<string> {
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER });
      return res.data!.call_control_id!;
    }

    it('a transfer to a number without consent is 403 in Telnyx dialect and never reaches Telnyx', async () => {
      const id = await liveCall('+12125557010');
      const err = await rejection(s.client.calls.actions.transfer(id, { to: '+12125557011', from: ACME_NUMBER }));
      expect(err.status).toBe(403);
      expect(err.error.errors[0]).toMatchObject({ code: '10010', meta: { reason: 'no_consent_on_file' } });
      expect(s.telnyx.commands(id).map((c) => c.action)).not.toContain('transfer');
    });

    it('a transfer to a consented number is forwarded as it came', async () => {
      const id = await liveCall('+12125557012');
      const to = '+12125557013';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      await s.client.calls.actions.transfer(id, { to, from: ACME_NUMBER });
      expect(s.telnyx.commands(id).find((c) => c.action === 'transfer')?.body).toMatchObject({ to, from: ACME_NUMBER });
    });
  });

  describe('TeXML <Dial>', () => {
    it('inline Texml that <Dial>s a number without consent is refused; nothing reaches Telnyx', async () => {
      const to = '+12125557014';
      const dialed = '+12125557015';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      const err = await rejection(
        s.client.texml.accounts.calls.calls(ACCOUNT_SID, {
          body: { To: to, From: ACME_NUMBER, Texml: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` },
        }),
      );
      expect(err.status).toBe(403);
      expect(reached(to)).toHaveLength(0);
    });

    it('TeXML the gateway fetches that <Dial>s a number without consent is served without the dial', async () => {
      const to = '+12125557016';
      const dialed = '+12125557017';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      s.app.on('/texml/dial', { status: 200, contentType: 'text/xml', body: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` });
      await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Url: `${s.app.url}/texml/dial` } });
      const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
      const served = await s.telnyx.texmlRequest(String(sent.body?.Url), { CallSid: 'v3:d1', From: ACME_NUMBER, To: to });
      expect(served.status).toBe(200);
      expect(served.body).not.toContain(dialed);
      expect(elementsOf(parseTwiml(served.body).verbs).map(tagOf).at(-1)).toBe('Hangup');
    });

    it('a call that needs no disclosure but names a Url is fetched through the gateway too, so its <Dial> is gated', async () => {
      const to = '+13125557020';
      const dialed = '+13125557021';
      await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
      s.app.on('/texml/clinic', { status: 200, contentType: 'text/xml', body: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` });
      await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: CLINIC_NUMBER, Url: `${s.app.url}/texml/clinic` } });
      const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
      expect(String(sent.body?.Url)).toMatch(new RegExp(`^${s.gw.url}/telnyx/texml\\?cg=`));
      const served = await s.telnyx.texmlRequest(String(sent.body?.Url), { CallSid: 'v3:d3', From: CLINIC_NUMBER, To: to });
      expect(served.body).not.toContain(dialed);
      expect(elementsOf(parseTwiml(served.body).verbs).map(tagOf)).toEqual(['Say', 'Hangup']);
    });

    it('inline Texml that <Redirect>s is followed through the gateway, and a <Dial> in what the app answers there is gated', async () => {
      const to = '+13125557022';
      const dialed = '+13125557023';
      await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
      s.app.on('/texml/next', { status: 200, contentType: 'text/xml', body: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` });
      await s.client.texml.accounts.calls.calls(ACCOUNT_SID, {
        body: { To: to, From: CLINIC_NUMBER, Texml: `<Response><Redirect>${s.app.url}/texml/next</Redirect></Response>` },
      });
      const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
      const [redirect] = elementsOf(parseTwiml(String(sent.body?.Texml)).verbs);
      const next = String(childrenOf(redirect)[0]['#text']);
      expect(next).toMatch(new RegExp(`^${s.gw.url}/telnyx/texml\\?cg=`));
      const served = await s.telnyx.texmlRequest(next, { CallSid: 'v3:d4', From: CLINIC_NUMBER, To: to });
      expect(served.body).not.toContain(dialed);
    });

    it('TeXML the gateway fetches that <Dial>s a consented number is served with the dial', async () => {
      const to = '+12125557018';
      const dialed = '+12125557019';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      await seedConsent(s, dialed, ACME, ['ai_voice', 'telemarketing']);
      s.app.on('/texml/dial-ok', { status: 200, contentType: 'text/xml', body: `<Response><Dial><Number>${dialed}</Number></Dial></Response>` });
      await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Url: `${s.app.url}/texml/dial-ok` } });
      const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
      const served = await s.telnyx.texmlRequest(String(sent.body?.Url), { CallSid: 'v3:d2', From: ACME_NUMBER, To: to });
      expect(dialedIn(served.body)).toEqual([dialed]);
    });
  });
});
