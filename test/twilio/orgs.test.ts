/**
 * Carrier traffic belongs to an org only by configuration. Two orgs share
 * one gateway: the default org (the deployment's own TWILIO_ACCOUNT_SID,
 * entity Acme) and org B (its account mapped on its entity, Bravo). An
 * outsider's account, or org A's, must not be gated against org B: refused
 * in Twilio's dialect (403), nothing forwarded, nothing in B's audit log,
 * B's daily cap unspent, and no hint about B's consents.
 */
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor, prepareOrg, startupWarnings, type PreparedOrg } from '../support/orgs';
import { ACCOUNT_SID, ACME, ACME_NUMBER, AUTH_TOKEN, ENTITIES, seedConsent, startStack, type Stack, rejection } from './harness';

/** The deployment's own account (TWILIO_ACCOUNT_SID): the default org's. */
const ACCOUNT_A = 'AC' + 'a'.repeat(32);
/** An account no configuration maps. */
const OUTSIDER = 'AC' + 'e'.repeat(32);
const BRAVO = 'Bravo Health LLC';
const BRAVO_NUMBER = '+14155550100';
const BRAVO_SERVICE = 'MG' + 'b'.repeat(32);

describe('Twilio: carrier accounts belong to an org only by configuration', () => {
  let s: Stack;
  let orgB: PreparedOrg;
  const seedB = (phone: string, scope: Parameters<typeof seedConsent>[3]) =>
    seedConsent({ gw: { url: s.gw.url, auth: orgB.auth }, clock: s.clock }, phone, BRAVO, scope, { type: 'prior_express', ai: false });
  const sdk = (accountSid: string, token: string) => {
    const client = twilio(accountSid, token);
    client.api.baseUrl = s.gw.url;
    return client;
  };

  beforeAll(async () => {
    orgB = await prepareOrg('Bravo Health');
    s = await startStack({
      DATA_DIR: orgB.dataDir,
      TWILIO_ACCOUNT_SID: ACCOUNT_A,
      SMS_DAILY_CAP: 1,
      entities: [
        ...ENTITIES,
        {
          name: BRAVO,
          org_id: orgB.orgId,
          numbers: [BRAVO_NUMBER],
          // The emulator's account is org B's here, so org B's own sends are answered by it.
          twilio_account_sids: [ACCOUNT_SID],
          twilio_messaging_service_sids: [BRAVO_SERVICE],
          purpose: 'appointment_reminder',
          call_type: 'human_voice',
          message_type: 'transactional',
        },
      ],
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("an outsider texting from org B's number is refused 403, forwards nothing, and leaves B's audit log and daily cap untouched", async () => {
    const consumer = '+14155551001';
    await seedB(consumer, ['sms']);
    const before = s.emulator.requests.length;
    const err = await rejection(sdk(OUTSIDER, 'f'.repeat(32)).messages.create({ to: consumer, from: BRAVO_NUMBER, body: 'Your appointment is tomorrow' }));
    expect(err.status).toBe(403);
    expect(err.code).toBe(20403);
    expect(err.message).toContain('not mapped to an org');
    expect(err.message).not.toMatch(/no_consent_on_file|scope_mismatch|decision/);
    expect(s.emulator.requests.length).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consumer)).toEqual([]);

    // Org B's own text (cap 1 a day) still goes: the outsider spent nothing.
    const sent = await sdk(ACCOUNT_SID, AUTH_TOKEN).messages.create({ to: consumer, from: BRAVO_NUMBER, body: 'Your appointment is tomorrow' });
    expect(sent.sid).toMatch(/^SM/);
    const decisions = await decisionsFor(s.gw.url, orgB.auth, consumer);
    expect(decisions.map((d) => d.allowed)).toEqual([true]);
  });

  it("an outsider naming org B's entity learns nothing about B's consents: the same 403 with or without one", async () => {
    const consented = '+14155551002';
    const stranger = '+14155551003';
    await seedB(consented, ['sms', 'human_voice', 'appointment_reminder']);
    const before = s.emulator.requests.length;
    const answers = [];
    for (const [to, path] of [
      [consented, 'Messages.json'],
      [stranger, 'Messages.json'],
      [consented, 'Calls.json'],
    ]) {
      const res = await request(s.gw.url)
        .post(`/2010-04-01/Accounts/${OUTSIDER}/${path}`)
        .auth(OUTSIDER, 'f'.repeat(32))
        .set('X-Consent-Entity', BRAVO)
        .type('form')
        .send({ To: to, From: '+14155559999', Body: 'hello', Url: 'https://outsider.example/voice' });
      expect(res.status).toBe(403);
      expect(res.headers['x-should-retry']).toBe('false');
      expect(res.body).toMatchObject({ code: 20403, status: 403 });
      expect(res.body.decision_id).toBeUndefined();
      answers.push(res.body);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(s.emulator.requests.length).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consented)).toEqual([]);
    expect(await decisionsFor(s.gw.url, orgB.auth, stranger)).toEqual([]);
  });

  it("the deployment's own account cannot ride on org B: naming B's entity, number or messaging service is 403", async () => {
    const consumer = '+14155551004';
    await seedB(consumer, ['sms', 'human_voice', 'appointment_reminder']);
    const before = s.emulator.requests.length;
    const a = sdk(ACCOUNT_A, AUTH_TOKEN);
    const viaHeader = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_A}/Calls.json`)
      .auth(ACCOUNT_A, AUTH_TOKEN)
      .set('X-Consent-Entity', BRAVO)
      .type('form')
      .send({ To: consumer, From: ACME_NUMBER, Url: 'https://acme.example/voice' });
    expect(viaHeader.status).toBe(403);
    expect((await rejection(a.messages.create({ to: consumer, from: BRAVO_NUMBER, body: 'hi' }))).status).toBe(403);
    expect((await rejection(a.messages.create({ to: consumer, messagingServiceSid: BRAVO_SERVICE, body: 'hi' }))).status).toBe(403);
    // Its own entity with B's number as the sender is someone else's number too.
    const mixed = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_A}/Messages.json`)
      .auth(ACCOUNT_A, AUTH_TOKEN)
      .set('X-Consent-Entity', ACME)
      .type('form')
      .send({ To: consumer, From: BRAVO_NUMBER, Body: 'hi' });
    expect(mixed.status).toBe(403);
    expect(s.emulator.requests.length).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consumer)).toEqual([]);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consumer)).toEqual([]);
  });

  it('X-Consent-Entity naming no configured entity is refused: a header cannot invent a sender', async () => {
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_A}/Messages.json`)
      .auth(ACCOUNT_A, AUTH_TOKEN)
      .set('X-Consent-Entity', 'Made Up Marketing Inc')
      .type('form')
      .send({ To: '+14155551005', From: ACME_NUMBER, Body: 'hi' });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('X-Consent-Entity');
    expect(await decisionsFor(s.gw.url, s.gw.auth, '+14155551005')).toEqual([]);
  });

  it('Basic auth naming another account than the path is refused', async () => {
    const before = s.emulator.requests.length;
    const res = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)
      .auth(OUTSIDER, 'f'.repeat(32))
      .type('form')
      .send({ To: '+14155551006', From: BRAVO_NUMBER, Body: 'hi' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(20403);
    expect(s.emulator.requests.length).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, '+14155551006')).toEqual([]);
  });

  it('API-key credentials (SK…) cannot be checked here: gated for a mapped account (Twilio checks the key), refused for an unmapped one', async () => {
    const consumer = '+14155551007';
    await seedB(consumer, ['sms']);
    const apiKey = 'SK' + 'c'.repeat(32);
    const unmapped = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${OUTSIDER}/Messages.json`)
      .auth(apiKey, 'secret')
      .type('form')
      .send({ To: consumer, From: BRAVO_NUMBER, Body: 'hi' });
    expect(unmapped.status).toBe(403);
    expect(await decisionsFor(s.gw.url, orgB.auth, consumer)).toEqual([]);
    const before = s.emulator.requests.length;
    const mapped = await request(s.gw.url)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)
      .auth(apiKey, 'secret')
      .type('form')
      .send({ To: consumer, From: BRAVO_NUMBER, Body: 'hi' });
    // The emulator knows no API keys: Twilio's own 401 comes back, after org B's decision was taken.
    expect(mapped.status).toBe(401);
    expect(s.emulator.requests.length).toBe(before + 1);
    expect((await decisionsFor(s.gw.url, orgB.auth, consumer)).map((d) => d.allowed)).toEqual([true]);
  });

  it("a wrong auth token for the deployment's own account is Twilio's 401 (20003), answered before any body is sent", async () => {
    const consumer = '+12125551010';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    const before = s.emulator.requests.length;
    // Headers only: the body never comes, so an answer proves it was not waited for.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${s.gw.url}/2010-04-01/Accounts/${ACCOUNT_A}/Calls.json`, {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${ACCOUNT_A}:not-the-token`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': '1000',
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error('no answer while the body was withheld'));
      }, 2000);
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', () => undefined);
      req.flushHeaders();
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 20003, status: 401 });
    expect(s.emulator.requests.length).toBe(before);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consumer)).toEqual([]);
  });
});

describe('Twilio: a gateway with no account mapped says so at start', () => {
  it('warns, and still starts, when Twilio is configured but no account is mapped; quiet once one is', async () => {
    const unmapped = await startupWarnings({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, entities: ENTITIES });
    expect(unmapped.join('\n')).toMatch(/no Twilio account is mapped.*refused \(403\)/);
    const mapped = await startupWarnings({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, entities: ENTITIES });
    expect(mapped.join('\n')).not.toMatch(/no Twilio account is mapped/);
  });
});
