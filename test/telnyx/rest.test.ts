/**
 * The telnyx SDK, unmodified except `baseURL`, against the gateway, which
 * forwards to the Telnyx emulator. Every dial and text is gated; the rest
 * passes through.
 */
import request from 'supertest';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PARAM } from '../../adapters/telnyx/context';
import {
  API_KEY,
  API_KEY_SHA256,
  ENTITIES,
  ACME,
  ACME_CONNECTION,
  ACME_NUMBER,
  ACME_PROFILE,
  CLINIC,
  CLINIC_NUMBER,
  rejection,
  seedConsent,
  startStack,
  type Stack,
} from './harness';

describe('Telnyx REST through the gateway', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('a call without consent raises PermissionDeniedError naming the reason; one request, nothing dialed', async () => {
    const before = s.sdkRequests.length;
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to: '+12125551001', from: ACME_NUMBER }));
    expect(err).toBeInstanceOf(Telnyx.PermissionDeniedError);
    expect(err.status).toBe(403);
    expect(err.message).toContain('no_consent_on_file');
    const [e] = err.error.errors;
    expect(e).toMatchObject({ code: '10010', title: 'Authorization failed' });
    expect(e.detail).toContain('no_consent_on_file');
    expect(e.meta).toMatchObject({ reason: 'no_consent_on_file', decision_id: expect.stringMatching(/^dec_/) });
    expect(err.headers.get('x-should-retry')).toBe('false');
    expect(s.sdkRequests.length - before).toBe(1);
    expect(s.telnyx.received('POST', '/v2/calls')).toHaveLength(0);
    // The refusal is audited like any decision.
    const audit = await request(s.gw.url).get(`/v1/decisions/${e.meta?.decision_id}`).set(s.gw.auth);
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ allowed: false, reason: 'no_consent_on_file' });
  });

  it('an allowed AI call reaches Telnyx with its webhooks pointed at the gateway, the rest as sent', async () => {
    const to = '+12125551002';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const res = await s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, client_state: 'YXBwLXN0YXRl', timeout_secs: 30 });
    expect(res.data).toMatchObject({ call_control_id: expect.stringMatching(/^v3:/), record_type: 'call', is_alive: false });
    const sent = s.telnyx.received('POST', '/v2/calls').at(-1)!;
    expect(sent.body).toMatchObject({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, client_state: 'YXBwLXN0YXRl', timeout_secs: 30 });
    expect(String(sent.body?.webhook_url)).toMatch(new RegExp(`^${s.gw.url}/telnyx/webhooks\\?${TOKEN_PARAM}=`));
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("the application's own webhook_url and webhook_urls are carried through the gateway, never bypass it", async () => {
    const to = '+12125551003';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    await s.client.calls.dial({
      connection_id: ACME_CONNECTION,
      to,
      from: ACME_NUMBER,
      webhook_url: 'https://app.example/calls',
      webhook_url_method: 'GET',
      webhook_urls: { 'call.hangup': ['https://app.example/hangups', 'https://backup.example/hangups'] },
    });
    const sent = s.telnyx.received('POST', '/v2/calls').at(-1)!.body!;
    expect(String(sent.webhook_url)).toContain('/telnyx/webhooks?cg=');
    expect(sent.webhook_url_method).toBe('POST');
    const hangups = (sent.webhook_urls as Record<string, string[]>)['call.hangup'];
    expect(hangups).toHaveLength(2);
    for (const u of hangups) expect(u).toContain(`${s.gw.url}/telnyx/webhooks?cg=`);
    expect(new Set(hangups).size).toBe(2);
  });

  it('X-Consent-* headers choose the entity and kind of call, and are stripped before Telnyx', async () => {
    const to = '+12125551004';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    await s.client.calls.dial(
      { connection_id: 'unmapped-connection', to, from: '+12125559999' },
      { headers: { 'X-Consent-Entity': CLINIC, 'X-Consent-Call-Type': 'human_voice', 'X-Consent-Purpose': 'appointment_reminder' } },
    );
    const sent = s.telnyx.received('POST', '/v2/calls').at(-1)!;
    expect(sent.body?.to).toBe(to);
    expect(Object.keys(sent.headers).filter((h) => h.startsWith('x-consent'))).toEqual([]);
  });

  it('a header outside the vocabulary is refused, not silently ignored', async () => {
    const err = await rejection(
      s.client.calls.dial({ connection_id: ACME_CONNECTION, to: '+12125551005', from: ACME_NUMBER }, { headers: { 'X-Consent-Call-Type': 'robot' } }),
    );
    expect(err).toBeInstanceOf(Telnyx.BadRequestError);
    expect(err.error.errors[0]).toMatchObject({ code: '10015' });
    expect(err.error.errors[0].detail).toContain('X-Consent-Call-Type');
  });

  it('a call whose entity cannot be determined is refused, not forwarded', async () => {
    const before = s.telnyx.received('POST', '/v2/calls').length;
    const err = await rejection(s.client.calls.dial({ connection_id: 'someone-else', to: '+12125551006', from: '+12125559999' }));
    expect(err.status).toBe(400);
    expect(err.error.errors[0].detail).toContain('X-Consent-Entity');
    expect(s.telnyx.received('POST', '/v2/calls')).toHaveLength(before);
  });

  it('the entity is found by connection_id when from is not one of our numbers', async () => {
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to: '+12125551007', from: '+12125559999' }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
    expect(err.error.errors[0].detail).toContain('no_consent_on_file');
  });

  it('ringing several numbers: every one must be allowed', async () => {
    const ok = '+12125551008';
    await seedConsent(s, ok, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to: [ok, '+12125551009'], from: ACME_NUMBER }));
    expect(err.status).toBe(403);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
  });

  it('an AI call with audio that would play on answer is refused: the disclosure must come first', async () => {
    const to = '+12125551010';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER, audio_url: 'https://app.example/hello.mp3' }));
    expect(err).toBeInstanceOf(Telnyx.UnprocessableEntityError);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'disclosure_not_injectable', decision_id: expect.stringMatching(/^dec_/), field: 'audio_url' });
    expect(err.headers.get('x-should-retry')).toBe('false');
  });

  it('calling hours: a telemarketing call at night is blocked with quiet_hours', async () => {
    const to = '+12125551011';
    await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
    s.clock.set('2026-04-11T03:00:00Z'); // 23:00 in New York
    try {
      const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER }));
      expect(err.error.errors[0].meta).toMatchObject({ reason: 'quiet_hours' });
    } finally {
      s.clock.set('2026-04-10T18:00:00Z');
    }
  });

  it('a path spelled differently (case, slashes, escapes) is gated all the same', async () => {
    for (const path of ['/v2/Calls', '/v2/calls/', '/v2/%63alls']) {
      const res = await request(s.gw.url)
        .post(path)
        .set('authorization', `Bearer ${API_KEY}`)
        .send({ connection_id: ACME_CONNECTION, to: '+12125551012', from: ACME_NUMBER });
      expect(res.status, path).toBe(403);
      expect(res.body.errors[0].meta.reason).toBe('no_consent_on_file');
    }
  });

  it('gated requests need credentials, a JSON body and a to', async () => {
    const api = request(s.gw.url);
    const noAuth = await api.post('/v2/calls').send({ connection_id: ACME_CONNECTION, to: '+12125551013', from: ACME_NUMBER });
    expect(noAuth.status).toBe(401);
    expect(noAuth.body.errors[0].code).toBe('10009');
    const notJson = await api.post('/v2/messages').set('authorization', `Bearer ${API_KEY}`).type('json').send('{"to": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0]).toMatchObject({ code: '10015' });
    const noTo = await rejection(s.client.messages.send({ from: ACME_NUMBER, text: 'hi' } as never));
    expect(noTo.status).toBe(422);
    expect(noTo.error.errors[0]).toMatchObject({ code: '10004', source: { pointer: '/to' } });
    const badTo = await rejection(s.client.messages.send({ from: ACME_NUMBER, to: 'not-a-number', text: 'hi' }));
    expect(badTo.status).toBe(422);
    expect(badTo.error.errors[0].code).toBe('10016');
  });

  it('an allowed text goes to Telnyx byte for byte', async () => {
    const to = '+12125551020';
    await seedConsent(s, to, ACME, ['sms', 'marketing'], { ai: false });
    const res = await s.client.messages.send({ from: ACME_NUMBER, to, text: 'Your quote is ready — 20% off 🎉' });
    expect(res.data).toMatchObject({ record_type: 'message', direction: 'outbound', to: [{ phone_number: to, status: 'queued' }] });
    const sent = s.telnyx.received('POST', '/v2/messages').at(-1)!;
    expect(JSON.parse(sent.rawBody)).toEqual({ from: ACME_NUMBER, to, text: 'Your quote is ready — 20% off 🎉' });
  });

  it('a text without consent is PermissionDeniedError 10010; nothing sent', async () => {
    const before = s.telnyx.received('POST', '/v2/messages').length;
    const err = await rejection(s.client.messages.send({ from: ACME_NUMBER, to: '+12125551021', text: 'hi' }));
    expect(err).toBeInstanceOf(Telnyx.PermissionDeniedError);
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
    expect(s.telnyx.received('POST', '/v2/messages')).toHaveLength(before);
  });

  it('every send path is gated: long code, number pool (by messaging profile), short code, group MMS, scheduled', async () => {
    const to = '+12125551022';
    const err1 = await rejection(s.client.messages.sendLongCode({ from: ACME_NUMBER, to, text: 'hi' }));
    expect(err1.status).toBe(403);
    const err2 = await rejection(s.client.messages.sendNumberPool({ messaging_profile_id: ACME_PROFILE, to, text: 'hi' }));
    expect(err2.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
    const err3 = await rejection(s.client.messages.sendShortCode({ from: ACME_NUMBER, to, text: 'hi' }));
    expect(err3.status).toBe(403);
    await seedConsent(s, to, ACME, ['sms', 'marketing'], { ai: false });
    const err4 = await rejection(s.client.messages.sendGroupMms({ from: ACME_NUMBER, to: [to, '+12125551023'], text: 'hi' }));
    expect(err4.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
    expect(s.telnyx.requests.filter((r) => r.path.startsWith('/v2/messages/'))).toHaveLength(0);
    await s.client.messages.sendNumberPool({ messaging_profile_id: ACME_PROFILE, to, text: 'hi' });
    expect(s.telnyx.received('POST', '/v2/messages/number_pool')).toHaveLength(1);
  });

  it('a scheduled marketing text is checked for when it will be sent: 23:00 local is quiet hours', async () => {
    const to = '+12125551024';
    await seedConsent(s, to, ACME, ['sms', 'marketing'], { ai: false });
    const err = await rejection(s.client.messages.schedule({ from: ACME_NUMBER, to, text: 'tonight only', send_at: '2026-04-11T03:00:00Z' }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'quiet_hours' });
    await s.client.messages.schedule({ from: ACME_NUMBER, to, text: 'tomorrow', send_at: '2026-04-11T15:00:00Z' });
    expect(s.telnyx.received('POST', '/v2/messages/schedule')).toHaveLength(1);
  });

  it('the daily frequency cap is enforced per recipient: the 4th marketing text today is blocked', async () => {
    const to = '+12125551025';
    await seedConsent(s, to, ACME, ['sms', 'marketing'], { ai: false });
    for (let i = 0; i < 3; i++) await s.client.messages.send({ from: ACME_NUMBER, to, text: `msg ${i}` });
    const err = await rejection(s.client.messages.send({ from: ACME_NUMBER, to, text: 'one too many' }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'frequency_cap' });
  });

  it('everything else passes through verbatim, Bearer key included', async () => {
    const balance = await s.client.balance.retrieve();
    expect(balance.data).toMatchObject({ record_type: 'balance', currency: 'USD' });
    const sent = s.telnyx.received('GET', '/v2/balance').at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    // Telnyx's own errors come back as Telnyx gave them.
    const res = await request(s.gw.url).get('/v2/no_such_thing?x=1').set('authorization', `Bearer ${API_KEY}`);
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('10005');
    expect(s.telnyx.requests.at(-1)).toMatchObject({ path: '/v2/no_such_thing', query: 'x=1' });
  });

  it('a clinic (human voice) call is allowed without a disclosure and without refusing audio_url', async () => {
    const to = '+12125551026';
    await seedConsent(s, to, CLINIC, ['human_voice', 'appointment_reminder'], { type: 'prior_express', ai: false });
    await s.client.calls.dial({ connection_id: 'clinic-conn', to, from: CLINIC_NUMBER, audio_url: 'https://clinic.example/reminder.mp3' });
    expect(s.telnyx.received('POST', '/v2/calls').at(-1)!.body).toMatchObject({ to, audio_url: 'https://clinic.example/reminder.mp3' });
  });
});

describe('Telnyx REST when something is down', () => {
  it('store down: fail closed with 503; nothing reaches Telnyx (the SDK may retry: nothing was forwarded or recorded)', async () => {
    const s = await startStack();
    try {
      (s.gw.ctx.ledger as unknown as { database: { close(): void } }).database.close();
      const err = await rejection(s.client.messages.send({ from: ACME_NUMBER, to: '+12125551030', text: 'hi' }));
      expect(err).toBeInstanceOf(Telnyx.InternalServerError);
      expect(err.status).toBe(503);
      expect(err.error.errors[0].meta).toMatchObject({ reason: 'unavailable' });
      expect(s.sdkRequests).toHaveLength(3); // the SDK's default two retries, each refused the same way
      expect(s.telnyx.requests).toHaveLength(0);
    } finally {
      await s.stop();
    }
  });

  it('Telnyx down after an allowed decision: 502, final (a retry could ring twice), one request', async () => {
    const s = await startStack({ TELNYX_API_BASE: 'http://127.0.0.1:9' });
    try {
      const to = '+12125551031';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER }));
      expect(err.status).toBe(502);
      expect(err.headers.get('x-should-retry')).toBe('false');
      expect(err.error.errors[0].meta).toMatchObject({ reason: 'upstream_unavailable', decision_id: expect.stringMatching(/^dec_/) });
      expect(s.sdkRequests).toHaveLength(1);
    } finally {
      await s.stop();
    }
  });

  it('without TELNYX_API_KEY an AI call is refused: the gateway could not speak the disclosure', async () => {
    // The key still maps to the default org, by its digest on the entities.
    const s = await startStack({ TELNYX_API_KEY: undefined, entities: ENTITIES.map((e) => ({ ...e, telnyx_api_key_sha256: [API_KEY_SHA256] })) });
    try {
      const to = '+12125551032';
      await seedConsent(s, to, ACME, ['ai_voice', 'telemarketing']);
      const err = await rejection(s.client.calls.dial({ connection_id: ACME_CONNECTION, to, from: ACME_NUMBER }));
      expect(err.status).toBe(422);
      expect(err.error.errors[0].detail).toContain('TELNYX_API_KEY');
      expect(s.telnyx.received('POST', '/v2/calls')).toHaveLength(0);
    } finally {
      await s.stop();
    }
  });
});
