/**
 * Carrier traffic belongs to an org only by configuration. A Telnyx request
 * names no account in its path: its API key is its account. Two orgs share
 * one gateway: the default org (the deployment's own TELNYX_API_KEY, entity
 * Acme) and org B (the SHA-256 of its key listed on its entity, Bravo). An
 * unknown key, or org A's, must not be gated against org B: refused in
 * Telnyx's dialect (403), nothing forwarded, nothing in B's audit log, B's
 * daily cap unspent.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor, prepareOrg, startupWarnings, type PreparedOrg } from '../support/orgs';
import { ACME, ACME_NUMBER, API_KEY, ENTITIES, rejection, seedConsent, startStack, type Stack } from './harness';

/** The deployment's own key (TELNYX_API_KEY): the default org's. */
const KEY_A = 'KEY_default_org_0123456789abcdef';
const BRAVO = 'Bravo Health LLC';
const BRAVO_NUMBER = '+14155550100';
const BRAVO_CONNECTION = '2000000000000000001';
const BRAVO_PROFILE = '40017f1a-0000-4000-8000-b2a0b0000001';

describe('Telnyx: API keys belong to an org only by configuration', () => {
  let s: Stack;
  let orgB: PreparedOrg;
  const seedB = (phone: string, scope: Parameters<typeof seedConsent>[3]) =>
    seedConsent({ gw: { url: s.gw.url, auth: orgB.auth }, clock: s.clock }, phone, BRAVO, scope, { type: 'prior_express', ai: false });
  const sdk = (apiKey: string) => new Telnyx({ apiKey, baseURL: s.gw.url + '/v2', maxRetries: 0 });
  const forwarded = () => s.telnyx.requests.filter((r) => r.method === 'POST').length;

  beforeAll(async () => {
    orgB = await prepareOrg('Bravo Health');
    s = await startStack({
      DATA_DIR: orgB.dataDir,
      TELNYX_API_KEY: KEY_A,
      SMS_DAILY_CAP: 1,
      entities: [
        ...ENTITIES,
        {
          name: BRAVO,
          org_id: orgB.orgId,
          numbers: [BRAVO_NUMBER],
          // The emulator's key is org B's here, so org B's own sends are answered by it.
          telnyx_api_key_sha256: [createHash('sha256').update(API_KEY).digest('hex')],
          telnyx_connection_ids: [BRAVO_CONNECTION],
          telnyx_messaging_profile_ids: [BRAVO_PROFILE],
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

  it("an unknown API key texting from org B's number is refused 403, forwards nothing, and leaves B's audit log and daily cap untouched", async () => {
    const consumer = '+14155551001';
    await seedB(consumer, ['sms']);
    const before = forwarded();
    const err = await rejection(
      sdk('KEY_nobody_configured_this_one').messages.send({ from: BRAVO_NUMBER, to: consumer, text: 'Your appointment is tomorrow' }),
    );
    expect(err).toBeInstanceOf(Telnyx.PermissionDeniedError);
    expect(err.error.errors[0]).toMatchObject({ code: '10010' });
    expect(err.error.errors[0].detail).not.toMatch(/consent on file|scope/i);
    expect(err.headers.get('x-should-retry')).toBe('false');
    expect(forwarded()).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consumer)).toEqual([]);

    // Org B's own text (cap 1 a day) still goes: the outsider spent nothing.
    await sdk(API_KEY).messages.send({ from: BRAVO_NUMBER, to: consumer, text: 'Your appointment is tomorrow' });
    expect(s.telnyx.received('POST', '/v2/messages').at(-1)?.body?.to).toBe(consumer);
    expect((await decisionsFor(s.gw.url, orgB.auth, consumer)).map((d) => d.allowed)).toEqual([true]);
  });

  it("an unknown key naming org B's entity or connection is refused alike, whether or not B has a consent", async () => {
    const consented = '+14155551002';
    const stranger = '+14155551003';
    await seedB(consented, ['sms', 'human_voice', 'appointment_reminder']);
    const before = forwarded();
    const outsider = sdk('KEY_nobody_configured_this_one');
    const details = [];
    for (const to of [consented, stranger]) {
      const err = await rejection(outsider.messages.send({ from: '+14155559999', to, text: 'hi' }, { headers: { 'X-Consent-Entity': BRAVO } }));
      expect(err.status).toBe(403);
      details.push(err.error);
    }
    expect(details[0]).toEqual(details[1]);
    expect((await rejection(outsider.calls.dial({ connection_id: BRAVO_CONNECTION, to: consented, from: '+14155559999' }))).status).toBe(403);
    expect(forwarded()).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consented)).toEqual([]);
    expect(await decisionsFor(s.gw.url, orgB.auth, stranger)).toEqual([]);
  });

  it("the deployment's own key cannot ride on org B: B's messaging profile, connection, number or entity is 403", async () => {
    const consumer = '+14155551004';
    await seedB(consumer, ['sms', 'human_voice', 'appointment_reminder']);
    const before = forwarded();
    const a = sdk(KEY_A);
    expect((await rejection(a.messages.sendNumberPool({ messaging_profile_id: BRAVO_PROFILE, to: consumer, text: 'hi' }))).status).toBe(403);
    expect((await rejection(a.calls.dial({ connection_id: BRAVO_CONNECTION, to: consumer, from: ACME_NUMBER }))).status).toBe(403);
    expect((await rejection(a.messages.send({ from: BRAVO_NUMBER, to: consumer, text: 'hi' }, { headers: { 'X-Consent-Entity': ACME } }))).status).toBe(403);
    expect((await rejection(a.messages.send({ from: ACME_NUMBER, to: consumer, text: 'hi' }, { headers: { 'X-Consent-Entity': BRAVO } }))).status).toBe(403);
    // TeXML names a Telnyx account in its path, but the key is what says whose traffic it is.
    const texml = await request(s.gw.url)
      .post('/v2/texml/Accounts/anything/Calls')
      .set('Authorization', `Bearer ${KEY_A}`)
      .send({ To: consumer, From: BRAVO_NUMBER, Url: 'https://acme.example/texml' });
    expect(texml.status).toBe(403);
    expect(texml.body.errors[0]).toMatchObject({ code: '10010' });
    expect(forwarded()).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, consumer)).toEqual([]);
    expect(await decisionsFor(s.gw.url, s.gw.auth, consumer)).toEqual([]);
  });

  it("the deployment's own key still gates its own org's traffic", async () => {
    const consumer = '+12125551040';
    const err = await rejection(sdk(KEY_A).messages.send({ from: ACME_NUMBER, to: consumer, text: 'hi' }));
    expect(err.error.errors[0].meta).toMatchObject({ reason: 'no_consent_on_file' });
    expect((await decisionsFor(s.gw.url, s.gw.auth, consumer)).map((d) => d.entity)).toEqual([ACME]);
  });

  it('a request that is not Bearer-authenticated is refused before anything is read', async () => {
    const before = forwarded();
    const res = await request(s.gw.url)
      .post('/v2/messages')
      .set('Authorization', 'Basic Zm9vOmJhcg==')
      .send({ from: BRAVO_NUMBER, to: '+14155551005', text: 'hi' });
    expect(res.status).toBe(403);
    expect(res.body.errors[0]).toMatchObject({ code: '10010' });
    expect(res.body.errors[0].meta.decision_id).toBeUndefined();
    expect(forwarded()).toBe(before);
    expect(await decisionsFor(s.gw.url, orgB.auth, '+14155551005')).toEqual([]);
  });
});

describe('Telnyx: a gateway with no API key mapped says so at start', () => {
  it('warns, and still starts, when Telnyx is configured but no key is mapped; quiet once one is', async () => {
    const unmapped = await startupWarnings({ TELNYX_APP_URL: 'http://127.0.0.1:9/events', entities: ENTITIES });
    expect(unmapped.join('\n')).toMatch(/no Telnyx API key is mapped.*refused \(403\)/);
    const mapped = await startupWarnings({
      TELNYX_APP_URL: 'http://127.0.0.1:9/events',
      entities: ENTITIES.map((e) => ({ ...e, telnyx_api_key_sha256: [createHash('sha256').update(KEY_A).digest('hex')] })),
    });
    expect(mapped.join('\n')).not.toMatch(/no Telnyx API key is mapped/);
  });
});
