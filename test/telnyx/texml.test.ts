/**
 * TeXML through the gateway: the telnyx SDK (JSON) and a Twilio-style form
 * client create calls; allowed AI calls get the disclosure Gather first (the
 * carrier-neutral edit in adapters/twiml), either inline or by pointing
 * `Url` at `/telnyx/texml`; the emulator then plays Telnyx fetching the
 * document and posting the Gather's digits.
 */
import request from 'supertest';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, childrenOf, elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';
import { renderDisclosure } from '../../src/domain/disclosure';
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { ACME, ACME_CONNECTION, ACME_NUMBER, API_KEY, rejection, seedConsent, startStack, type Stack } from './harness';

const ACCOUNT_SID = 'b1a3c7f0-0000-4000-8000-accounts0001';
const APP_TEXML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello from the app</Say><Pause length="1"/></Response>';

function verbs(xml: string): string[] {
  return elementsOf(parseTwiml(xml).verbs).map((v) => tagOf(v)!);
}

function gatherOf(xml: string) {
  const gather = elementsOf(parseTwiml(xml).verbs)[0];
  const said = String(childrenOf(elementsOf(childrenOf(gather))[0])[0]['#text']);
  return { attrs: attrsOf(gather), said };
}

async function revocationsOf(s: Stack, phone: string) {
  return (await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, phone)).revocations;
}

describe('TeXML through the gateway', () => {
  let s: Stack;
  const script = renderDisclosure('ai_voice', ACME, ACME_NUMBER)!.script;
  beforeAll(async () => {
    s = await startStack();
    s.app.on('/texml', { status: 200, contentType: 'text/xml', body: APP_TEXML });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('inline Texml reaches Telnyx with the disclosure first, inside a one-digit DTMF Gather that comes back to the gateway', async () => {
    const to = '+12125556001';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const res = await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Texml: APP_TEXML } });
    expect(res).toMatchObject({ status: 'queued', to });
    const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
    const texml = String(sent.body?.Texml);
    expect(verbs(texml)).toEqual(['Gather', 'Say', 'Pause']);
    const gather = gatherOf(texml);
    expect(gather.attrs).toMatchObject({ input: 'dtmf', numDigits: '1' });
    expect(gather.attrs.action).toContain(`${s.gw.url}/telnyx/texml?cg=`);
    expect(gather.said).toBe(script);

    // Telnyx posts the digit: 9 opts out, with a spoken goodbye.
    const nine = await s.telnyx.texmlRequest(gather.attrs.action, { CallSid: 'v3:t1', From: ACME_NUMBER, To: to, Digits: '9' });
    expect(nine.status).toBe(200);
    expect(verbs(nine.body)).toEqual(['Say', 'Hangup']);
    expect(nine.body).toContain(optOutConfirmation(ACME));
    expect(await revocationsOf(s, to)).toMatchObject([{ trigger: 'dtmf_opt_out' }]);
  });

  it("any other digit continues with the application's own inline document", async () => {
    const to = '+12125556002';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await s.client.texml.calls.create(ACME_CONNECTION, { To: to, From: ACME_NUMBER, Texml: APP_TEXML });
    const texml = String(s.telnyx.received('POST', `/v2/texml/calls/${ACME_CONNECTION}`).at(-1)!.body?.Texml);
    const one = await s.telnyx.texmlRequest(gatherOf(texml).attrs.action, { CallSid: 'v3:t2', Digits: '1' });
    expect(verbs(one.body)).toEqual(['Say', 'Pause']);
    expect(await revocationsOf(s, to)).toHaveLength(0);
  });

  it("Url is pointed at /telnyx/texml: Telnyx's fetch gets the disclosure, then the app's TeXML fetched with Telnyx's own signature", async () => {
    const to = '+12125556003';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Url: `${s.app.url}/texml?lang=en`, UrlMethod: 'GET' } });
    const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!.body!;
    expect(String(sent.Url)).toContain(`${s.gw.url}/telnyx/texml?cg=`);
    expect(sent.UrlMethod).toBe('POST');

    const before = s.app.received('/texml').length;
    const answered = await s.telnyx.texmlRequest(String(sent.Url), {
      CallSid: 'v3:t3',
      AccountSid: ACCOUNT_SID,
      From: ACME_NUMBER,
      To: to,
      CallStatus: 'in-progress',
    });
    expect(answered.status).toBe(200);
    expect(verbs(answered.body)).toEqual(['Gather', 'Say', 'Pause']);
    expect(gatherOf(answered.body).said).toBe(script);
    const fetched = s.app.received('/texml').slice(before);
    expect(fetched).toHaveLength(1);
    expect(fetched[0].method).toBe('GET'); // as the application asked
    expect(fetched[0].url).toContain('lang=en');
    expect(fetched[0].url).toContain('CallSid=v3%3At3');
    expect(fetched[0].headers['telnyx-signature-ed25519']).toBeDefined();
  });

  it('the application down when Telnyx fetches: the call still identifies itself and offers the opt-out, then ends', async () => {
    const to = '+12125556004';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Url: 'http://127.0.0.1:9/texml' } });
    const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!.body!;
    const answered = await s.telnyx.texmlRequest(String(sent.Url), { CallSid: 'v3:t4', To: to });
    expect(verbs(answered.body)).toEqual(['Gather', 'Say', 'Hangup']);
  });

  it("a token that is not the gateway's, or a bad signature, is 403", async () => {
    const forged = await s.telnyx.texmlRequest(`${s.gw.url}/telnyx/texml?cg=abc.def`, { Digits: '9' });
    expect(forged.status).toBe(403);
    const none = await s.telnyx.texmlRequest(`${s.gw.url}/telnyx/texml`, { Digits: '9' });
    expect(none.status).toBe(403);
    const to = '+12125556005';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Texml: APP_TEXML } });
    const action = gatherOf(String(s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!.body?.Texml)).attrs.action;
    const tampered = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...s.telnyx.signatureHeaders('Digits=1') },
      body: 'Digits=9',
    });
    expect(tampered.status).toBe(403);
    expect(await revocationsOf(s, to)).toHaveLength(0);
  });

  it('an AI call with neither Url nor Texml, or a conference participant, is refused: no document to disclose in', async () => {
    const to = '+12125556006';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER } }));
    expect(err).toBeInstanceOf(Telnyx.UnprocessableEntityError);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'disclosure_not_injectable', field: 'Url' });
    const participant = await request(s.gw.url)
      .post(`/v2/texml/Accounts/${ACCOUNT_SID}/Conferences/conf-1/Participants`)
      .set('authorization', `Bearer ${API_KEY}`)
      .send({ To: to, From: ACME_NUMBER });
    expect(participant.status).toBe(422);
    expect(s.telnyx.requests.filter((r) => r.path.includes('/Participants'))).toHaveLength(0);
  });

  it('a Twilio-style form body is gated the same way: blocked without consent, disclosure injected with it', async () => {
    const api = request(s.gw.url);
    const blocked = await api
      .post(`/v2/texml/Accounts/${ACCOUNT_SID}/Calls`)
      .set('authorization', `Bearer ${API_KEY}`)
      .type('form')
      .send({ To: '+12125556007', From: ACME_NUMBER, Texml: APP_TEXML });
    expect(blocked.status).toBe(403);
    expect(blocked.headers['x-should-retry']).toBe('false');
    expect(blocked.body.errors[0].meta.reason).toBe('no_consent_on_file');

    const to = '+12125556008';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const allowed = await api
      .post(`/v2/texml/Accounts/${ACCOUNT_SID}/Calls`)
      .set('authorization', `Bearer ${API_KEY}`)
      .type('form')
      .send({ To: to, From: ACME_NUMBER, Texml: APP_TEXML, StatusCallback: 'https://app.example/status' });
    expect(allowed.status).toBe(200);
    const sent = s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).at(-1)!;
    expect(sent.headers['content-type']).toContain('x-www-form-urlencoded');
    expect(sent.body).toMatchObject({ To: to, StatusCallback: 'https://app.example/status' });
    expect(verbs(String(sent.body?.Texml))[0]).toBe('Gather');
  });

  it('Texml that is not a document is refused before any decision, rather than sent unread', async () => {
    const to = '+12125556009';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.texml.accounts.calls.calls(ACCOUNT_SID, { body: { To: to, From: ACME_NUMBER, Texml: 'Hello there' } }));
    expect(err.status).toBe(400);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'invalid_request', field: 'Texml' });
    expect(s.telnyx.received('POST', `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`).filter((r) => r.rawBody.includes(to))).toHaveLength(0);
  });
});
