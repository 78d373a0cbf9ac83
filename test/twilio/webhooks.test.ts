/**
 * Twilio's webhooks as Twilio sends them (signed with twilio's own
 * getExpectedTwilioSignature for the gateway's URL), relayed to a fake
 * application that checks the gateway's re-signed signature for its own URL.
 */
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, childrenOf, elementsOf, parseTwiml, relayUrls, tagOf, type TwimlNode } from '../../adapters/twiml';
import { smsOptOutConfirmation, optOutConfirmation } from '../../src/gate/optOutSignals';
import { ACCOUNT_SID, ACME, ACME_NUMBER, AUTH_TOKEN, seedConsent, signedWebhook, startStack, TWIML, type Stack } from './harness';

function verbsOf(xml: string): TwimlNode[] {
  return elementsOf(parseTwiml(xml).verbs);
}
function textOf(node: TwimlNode): string {
  return childrenOf(node)
    .map((c) => String(c['#text'] ?? ''))
    .join('');
}
let texts = 0;
/** A text as Twilio posts it; each has its own MessageSid, as each real text does (a repeated one is acted on once). */
function smsParams(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  const messageSid = 'SM' + String(++texts).padStart(32, '0');
  return { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', MessageSid: messageSid, From: from, To: ACME_NUMBER, Body: body, NumMedia: '0', ...extra };
}
async function precallReason(s: Stack, phone: string): Promise<string | undefined> {
  const res = await request(s.gw.url).post('/v1/precall').set(s.gw.auth).send({ phone, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' });
  return res.body.reason;
}
async function signatureFailures(s: Stack): Promise<number> {
  const text = await (await fetch(`${s.gw.url}/metrics`)).text();
  const m = /consent_gate_webhook_signature_failures_total\{carrier="twilio"\} (\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

describe('Twilio webhooks', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
    s.app.on('/twilio/sms', (req) => ({
      body: TWIML(req.form.Body === 'HELP' ? '<Message>Acme help: call 212-555-0100</Message>' : '<Message>Thanks for your message!</Message>'),
    }));
    s.app.on('/twilio/status', { status: 204, body: '' });
  });
  afterAll(async () => {
    await s.stop();
  });

  describe('signatures', () => {
    it('a webhook without a signature is 403: nothing relayed, nothing revoked, counted', async () => {
      const consumer = '+12125552001';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
      const before = s.app.requests.length;
      const failures = await signatureFailures(s);
      const res = await fetch(`${s.gw.url}/twilio/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(smsParams(consumer, 'STOP')).toString(),
      });
      expect(res.status).toBe(403);
      expect(s.app.requests.length).toBe(before);
      expect(await precallReason(s, consumer)).toBeUndefined();
      expect(await signatureFailures(s)).toBe(failures + 1);
    });

    it('a tampered body (signature over other parameters) is 403', async () => {
      const consumer = '+12125552002';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
      const url = `${s.gw.url}/twilio/sms`;
      const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, smsParams(consumer, 'hello'));
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(smsParams(consumer, 'STOP')).toString(),
      });
      expect(res.status).toBe(403);
      expect(await precallReason(s, consumer)).toBeUndefined();
    });

    it('a signature for another URL (or another auth token) is 403', async () => {
      const params = smsParams('+12125552003', 'hi');
      const body = new URLSearchParams(params).toString();
      for (const signature of [
        twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${s.gw.url}/twilio/voice`, params),
        twilio.getExpectedTwilioSignature('another_token_000000000000000000', `${s.gw.url}/twilio/sms`, params),
      ]) {
        const res = await fetch(`${s.gw.url}/twilio/sms`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body,
        });
        expect(res.status).toBe(403);
      }
    });

    it('a malformed form body is refused before anything happens', async () => {
      const res = await fetch(`${s.gw.url}/twilio/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' },
        body: 'From=%2B1212&Body=%E0%A4',
      });
      expect(res.status).toBe(400);
    });

    it('a GET webhook is validated over the URL with its query', async () => {
      const params = { CallSid: 'CA' + '1'.repeat(32), CallStatus: 'completed', AccountSid: ACCOUNT_SID };
      const url = `${s.gw.url}/twilio/status?${new URLSearchParams(params)}`;
      const ok = await fetch(url, { headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, {}) } });
      expect(ok.status).toBe(204);
      const [relayed] = s.app.received('/twilio/status').slice(-1);
      expect(relayed.method).toBe('GET');
      expect(relayed.verified).toBe(true);
      const bad = await fetch(url.replace('completed', 'failed'), {
        headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, {}) },
      });
      expect(bad.status).toBe(403);
    });
  });

  describe('/twilio/sms', () => {
    it('STOP revokes (for calls too), answers the one FCC confirmation, and drops the app own <Message>', async () => {
      const consumer = '+12125552010';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
      const res = await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'Stop'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/xml/);
      const verbs = verbsOf(await res.text());
      expect(verbs.map(tagOf)).toEqual(['Message']);
      expect(textOf(verbs[0])).toBe(smsOptOutConfirmation(ACME));
      // The application still heard about it, with a signature valid for its own URL.
      const relayed = s.app.received('/twilio/sms').find((r) => r.form.From === consumer)!;
      expect(relayed.verified).toBe(true);
      expect(relayed.form.Body).toBe('Stop');
      expect(await precallReason(s, consumer)).toBe('consumer_revoked');
    });

    it('a plain-language opt-out revokes too', async () => {
      const consumer = '+12125552011';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
      const res = await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'please stop texting me'));
      expect(verbsOf(await res.text()).map(tagOf)).toEqual(['Message']);
      expect(await precallReason(s, consumer)).toBe('consumer_revoked');
    });

    it("when Twilio's Advanced Opt-Out already confirmed (OptOutType), the gateway sends no second text", async () => {
      const consumer = '+12125552012';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing', 'sms']);
      const res = await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'STOP', { OptOutType: 'STOP' }));
      expect(verbsOf(await res.text())).toEqual([]);
      expect(await precallReason(s, consumer)).toBe('consumer_revoked');
    });

    it('START records a fresh consent from the keyword', async () => {
      const consumer = '+12125552013';
      await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'STOP'));
      const res = await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'START'));
      expect(verbsOf(await res.text()).map(tagOf)).toEqual(['Message']); // the app's own reply, relayed
      const consents = await request(s.gw.url).get('/v1/consents').query({ phone: consumer }).set(s.gw.auth);
      expect(JSON.stringify(consents.body)).toContain('sms_keyword');
    });

    it('HELP is relayed and the app answer returned as it is', async () => {
      const res = await signedWebhook(s, '/twilio/sms', smsParams('+12125552014', 'HELP'));
      const verbs = verbsOf(await res.text());
      expect(verbs.map(tagOf)).toEqual(['Message']);
      expect(textOf(verbs[0])).toContain('Acme help');
    });

    it('with the app down, a STOP still gets its confirmation as valid TwiML', async () => {
      const consumer = '+12125552015';
      await seedConsent(s, consumer, ACME, ['sms']);
      s.app.on('/twilio/sms', { status: 500, body: 'boom' });
      try {
        const res = await signedWebhook(s, '/twilio/sms', smsParams(consumer, 'STOP'));
        expect(res.status).toBe(200);
        expect(verbsOf(await res.text()).map(tagOf)).toEqual(['Message']);
      } finally {
        s.app.on('/twilio/sms', { body: TWIML('<Message>Thanks for your message!</Message>') });
      }
    });

    it('a slow app is cut at APP_TIMEOUT_MS; Twilio still gets a valid answer in time', async () => {
      s.app.on('/twilio/sms', { body: TWIML('<Message>late</Message>'), delayMs: 10_000 });
      try {
        const started = Date.now();
        const res = await signedWebhook(s, '/twilio/sms', smsParams('+12125552016', 'what time do you open?'));
        expect(Date.now() - started).toBeLessThan(5000); // cut at APP_TIMEOUT_MS, long before the app's 10 s
        expect(res.status).toBe(200);
        expect(parseTwiml(await res.text()).verbs).toEqual([]);
      } finally {
        s.app.on('/twilio/sms', { body: TWIML('<Message>Thanks for your message!</Message>') });
      }
    });

    it('STOP to a number no entity maps still revokes, for every entity the consumer could hear from', async () => {
      const consumer = '+12125552017';
      // A consent to an entity the configuration does not name (it texts with X-Consent-Entity).
      await seedConsent(s, consumer, 'Header Only Co', ['sms']);
      const res = await signedWebhook(s, '/twilio/sms', { ...smsParams(consumer, 'STOP'), To: '+12125559876', AccountSid: 'AC' + 'f'.repeat(32) });
      expect(res.status).toBe(200);
      // One confirmation, naming no entity (several were revoked); the app's own reply is not a second text.
      const verbs = verbsOf(await res.text());
      expect(verbs.map(tagOf)).toEqual(['Message']);
      expect(textOf(verbs[0])).toMatch(/^You are unsubscribed/);
      expect(await precallReason(s, consumer)).toBe('consumer_revoked');
      const facts = await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, consumer);
      const revokedFor = facts.revocations.map((r) => r.calling_entity).sort();
      expect(revokedFor).toEqual(expect.arrayContaining([ACME, 'Header Only Co']));
      expect(facts.revocations.every((r) => r.trigger === 'sms_stop' && r.transcript === 'STOP')).toBe(true);
    });

    it('an ordinary text to a number no entity maps is relayed and revokes nothing', async () => {
      const consumer = '+12125552018';
      const res = await signedWebhook(s, '/twilio/sms', {
        ...smsParams(consumer, 'what are your hours?'),
        To: '+12125559876',
        AccountSid: 'AC' + 'f'.repeat(32),
      });
      const verbs = verbsOf(await res.text());
      expect(textOf(verbs[0])).toBe('Thanks for your message!');
      expect((await s.gw.ctx.ledger.contactFacts(s.gw.bootstrap.orgId, consumer)).revocations).toEqual([]);
    });
  });

  describe('/twilio/voice', () => {
    async function aiCall(consumer: string, appTwiml: string | { status: number; body: string; delayMs?: number }) {
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
      const path = `/voice/${consumer.slice(1)}`;
      s.app.on(path, typeof appTwiml === 'string' ? { body: appTwiml } : appTwiml);
      const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, url: s.app.url + path });
      return call.sid;
    }
    function gatherActionOf(xml: string): string {
      const gather = verbsOf(xml).find((v) => tagOf(v) === 'Gather')!;
      return attrsOf(gather).action;
    }

    it('DTMF 9 during the disclosure revokes (dtmf_opt_out), confirms and hangs up', async () => {
      const consumer = '+12125552020';
      const sid = await aiCall(consumer, TWIML('<Say>Hi from the app</Say>'));
      const first = await s.emulator.answer(sid);
      const answer = await s.emulator.pressDigits(sid, gatherActionOf(first), '9');
      const verbs = verbsOf(answer);
      expect(verbs.map(tagOf)).toEqual(['Say', 'Hangup']);
      expect(textOf(verbs[0])).toBe(optOutConfirmation(ACME));
      expect(await precallReason(s, consumer)).toBe('consumer_revoked');
      const trail = await request(s.gw.url).get('/v1/decisions').query({ phone: consumer }).set(s.gw.auth);
      expect(trail.status).toBe(200);
    });

    it('another digit continues with the application TwiML (fetched again, signed for the app URL)', async () => {
      const consumer = '+12125552021';
      const sid = await aiCall(consumer, TWIML('<Say>Hi from the app</Say><Hangup/>'));
      const first = await s.emulator.answer(sid);
      const answer = await s.emulator.pressDigits(sid, gatherActionOf(first), '1');
      expect(verbsOf(answer).map(tagOf)).toEqual(['Say', 'Hangup']);
      expect(answer).toContain('Hi from the app');
      const asked = s.app.received(`/voice/${consumer.slice(1)}`);
      expect(asked).toHaveLength(2);
      expect(asked.every((r) => r.verified)).toBe(true);
      expect(asked[1].form.Digits).toBe('1');
      expect(await precallReason(s, consumer)).toBeUndefined();
    });

    it('inline Twiml continues from the copy carried in the signed gather token', async () => {
      const consumer = '+12125552022';
      await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
      const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, twiml: TWIML('<Say>inline words</Say>') });
      const first = await s.emulator.answer(call.sid);
      const answer = await s.emulator.pressDigits(call.sid, gatherActionOf(first), '5');
      expect(verbsOf(answer).map(tagOf)).toEqual(['Say']);
      expect(answer).toContain('inline words');
    });

    it('an application answering something that is not TwiML: the disclosure is still spoken, then the call ends', async () => {
      const consumer = '+12125552023';
      const sid = await aiCall(consumer, { status: 200, body: '{"oops": "json, not TwiML"}' });
      const xml = await s.emulator.answer(sid);
      const verbs = verbsOf(xml);
      expect(verbs.map(tagOf)).toEqual(['Start', 'Gather', 'Say', 'Hangup']);
      expect(textOf(childrenOf(verbs[1])[0])).toContain('AI assistant');
    });

    it('a slow application is cut off; the disclosure and a hangup come back in time', async () => {
      const consumer = '+12125552024';
      const sid = await aiCall(consumer, { status: 200, body: TWIML('<Say>late</Say>'), delayMs: 10_000 });
      const started = Date.now();
      const xml = await s.emulator.answer(sid);
      expect(Date.now() - started).toBeLessThan(5000); // cut at APP_TIMEOUT_MS, long before the app's 10 s
      expect(verbsOf(xml).map(tagOf)).toEqual(['Start', 'Gather', 'Say', 'Hangup']);
    });

    it('an altered gateway token is refused even on a correctly signed webhook (the gateway never fetches a URL it did not sign)', async () => {
      const consumer = '+12125552025';
      const sid = await aiCall(consumer, TWIML('<Say>x</Say>'));
      const url = s.emulator.callParams.get(sid)!.Url;
      const [base, token] = url.split('?cg=');
      const [body, mac] = token.split('.');
      const flip = (t: string, i: number) => t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
      // Another URL smuggled into the payload, a broken MAC, a token of another gateway: all refused with a valid Twilio signature.
      for (const forged of [`${flip(body, 5)}.${mac}`, `${body}.${flip(mac, 3)}`, `${body}.`, 'not-a-token']) {
        await expect(s.emulator.webhook(`${base}?cg=${forged}`, s.emulator.callWebhookParams(sid))).rejects.toThrow(/403/);
        await expect(s.emulator.pressDigits(sid, `${base}?cg=${forged}`, '9')).rejects.toThrow(/403/);
      }
      expect(s.app.received(`/voice/${consumer.slice(1)}`)).toHaveLength(0);
      expect(await precallReason(s, consumer)).toBeUndefined();
    });

    it('an inbound call is relayed to the app and its ConversationRelay is pointed through the gateway', async () => {
      s.app.on('/twilio/voice', { body: TWIML('<Connect><ConversationRelay url="wss://agent.example/relay" welcomeGreeting="Hi"/></Connect>') });
      const res = await signedWebhook(s, '/twilio/voice', {
        AccountSid: ACCOUNT_SID,
        CallSid: 'CA' + '2'.repeat(32),
        From: '+12125552026',
        To: ACME_NUMBER,
        Direction: 'inbound',
        CallStatus: 'ringing',
      });
      expect(res.status).toBe(200);
      const [url] = relayUrls(parseTwiml(await res.text()));
      expect(url.startsWith(s.gw.url.replace('http', 'ws') + '/twilio/relay?cg=')).toBe(true);
      expect(s.app.received('/twilio/voice').slice(-1)[0].verified).toBe(true);
    });
  });

  describe('/twilio/status', () => {
    it('status callbacks are relayed to the app (re-signed) and acknowledged', async () => {
      const res = await signedWebhook(s, '/twilio/status', {
        AccountSid: ACCOUNT_SID,
        CallSid: 'CA' + '3'.repeat(32),
        CallStatus: 'completed',
        CallDuration: '42',
      });
      expect(res.status).toBe(204);
      const relayed = s.app.received('/twilio/status').find((r) => r.form.CallDuration === '42')!;
      expect(relayed.verified).toBe(true);
    });
  });
});
