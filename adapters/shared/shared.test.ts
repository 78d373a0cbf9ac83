import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FixedClock } from '../../src/gate/clock';
import { readConsentHeaders } from './consentHeaders';
import { EntityDirectory, telnyxKeyDigest, type CarrierAccount, type EntityLookup } from './entityDirectory';
import type { ConsentOverrides } from './consentHeaders';
import { sendWithBackPressure, sendableCloseCode, closeReason } from './framePipe';
import { paramsOf, parseForm, withParam } from './form';
import { EntityDirectoryError, MalformedFormError } from '../../src/errors';
import { FAIL_CLOSED_DEFAULTS, resolveSender } from './outboundGate';
import { gatewaySecret, ParamSigner } from './signedParams';
import { upstreamHeaders, upstreamUrl } from './forward';
import type { EntityConfig } from '../../src/config';

const entity = (e: Partial<EntityConfig> & { name: string }): EntityConfig => ({
  numbers: [],
  twilio_account_sids: [],
  twilio_messaging_service_sids: [],
  telnyx_connection_ids: [],
  telnyx_messaging_profile_ids: [],
  telnyx_api_key_sha256: [],
  ...e,
});

describe('EntityDirectory', () => {
  const dir = new EntityDirectory(
    [
      entity({ name: 'Acme', numbers: ['+12125550100'], twilio_account_sids: ['AC1'], purpose: 'survey' }),
      entity({ name: 'Beta', org_id: 'org_beta', twilio_messaging_service_sids: ['MG1'], telnyx_connection_ids: ['conn-1'] }),
    ],
    'org_default',
  );

  it('entityDirectory finds an entity by number in any accepted form, by carrier id, by name', () => {
    expect(dir.byNumber('(212) 555-0100')?.name).toBe('Acme');
    expect(dir.byNumber('whatsapp:+12125550100')?.name).toBe('Acme');
    expect(dir.byId('telnyx_connection', 'conn-1')).toMatchObject({ name: 'Beta', orgId: 'org_beta' });
    expect(dir.byName('  ACME ')?.purpose).toBe('survey');
  });

  it('entityDirectory resolves the most specific lookup first', () => {
    expect(
      dir.resolve([
        { kind: 'number', value: '+19999999999' },
        { kind: 'twilio_messaging_service', value: 'MG1' },
        { kind: 'twilio_account', value: 'AC1' },
      ])?.name,
    ).toBe('Beta');
  });

  it('entityDirectory refuses a number claimed by two entities', () => {
    expect(() => new EntityDirectory([entity({ name: 'A', numbers: ['+12125550100'] }), entity({ name: 'B', numbers: ['+12125550100'] })], 'o')).toThrow(
      EntityDirectoryError,
    );
  });
});

describe('EntityDirectory.orgOfAccount: carrier traffic belongs to an org only by configuration', () => {
  const BRAVO_KEY = 'KEY_bravo';
  const SHARED_KEY = 'KEY_shared_by_two_brands';
  const dir = new EntityDirectory(
    [
      entity({ name: 'Acme', twilio_account_sids: ['AC_acme_sub'] }),
      entity({ name: 'Bravo', org_id: 'org_b', twilio_account_sids: ['AC_bravo'], telnyx_api_key_sha256: [telnyxKeyDigest(BRAVO_KEY).toUpperCase()] }),
      entity({ name: 'Bravo Two', org_id: 'org_b', telnyx_api_key_sha256: [telnyxKeyDigest(SHARED_KEY)] }),
      entity({ name: 'Bravo Three', org_id: 'org_b', telnyx_api_key_sha256: [telnyxKeyDigest(SHARED_KEY)] }),
    ],
    'org_default',
    { twilioAccountSid: 'AC_own', telnyxApiKey: 'KEY_own' },
  );
  const cases: [string, CarrierAccount, string | undefined][] = [
    ["the deployment's own TWILIO_ACCOUNT_SID is the default org's", { kind: 'twilio_account', id: 'AC_own' }, 'org_default'],
    ["an entity's twilio_account_sids are its org's", { kind: 'twilio_account', id: 'AC_bravo' }, 'org_b'],
    ['an entity without org_id maps its accounts to the default org', { kind: 'twilio_account', id: 'AC_acme_sub' }, 'org_default'],
    ['an account nobody configured belongs to no org', { kind: 'twilio_account', id: 'AC_outsider' }, undefined],
    ['account SIDs are matched exactly', { kind: 'twilio_account', id: 'ac_bravo' }, undefined],
    ['an empty account belongs to no org', { kind: 'twilio_account', id: '' }, undefined],
    ["the deployment's own TELNYX_API_KEY is the default org's", { kind: 'telnyx_api_key', key: 'KEY_own' }, 'org_default'],
    ["a Telnyx key listed by its SHA-256 (any case) is its entity's org's", { kind: 'telnyx_api_key', key: BRAVO_KEY }, 'org_b'],
    ["one key shared by two entities of one org is that org's", { kind: 'telnyx_api_key', key: SHARED_KEY }, 'org_b'],
    ['a Telnyx key nobody configured belongs to no org', { kind: 'telnyx_api_key', key: 'KEY_outsider' }, undefined],
    ['a Twilio SID is not a Telnyx key', { kind: 'telnyx_api_key', key: 'AC_own' }, undefined],
    ['a Telnyx key is not a Twilio SID', { kind: 'twilio_account', id: 'KEY_own' }, undefined],
  ];
  it.each(cases)('orgOfAccount: %s', (_name, account, org) => {
    expect(dir.orgOfAccount(account)).toBe(org);
  });

  it('orgOfAccount: one account mapped to two orgs is a configuration error', () => {
    expect(
      () => new EntityDirectory([entity({ name: 'B', org_id: 'org_b', twilio_account_sids: ['AC_own'] })], 'org_default', { twilioAccountSid: 'AC_own' }),
    ).toThrow(/AC_own/);
    const k = telnyxKeyDigest('KEY_x');
    expect(
      () =>
        new EntityDirectory(
          [entity({ name: 'B', org_id: 'org_b', telnyx_api_key_sha256: [k] }), entity({ name: 'C', org_id: 'org_c', telnyx_api_key_sha256: [k] })],
          'o',
        ),
    ).toThrow(EntityDirectoryError);
  });

  it('mapsAnyAccount says whether a carrier can be used at all', () => {
    const none = new EntityDirectory([entity({ name: 'A', numbers: ['+12125550100'] })], 'o');
    expect(none.mapsAnyAccount('twilio_account')).toBe(false);
    expect(none.mapsAnyAccount('telnyx_api_key')).toBe(false);
    expect(dir.mapsAnyAccount('twilio_account')).toBe(true);
  });
});

describe('resolveSender', () => {
  const dir = new EntityDirectory(
    [
      entity({ name: 'Acme', numbers: ['+12125550100'], call_type: 'human_voice' }),
      entity({ name: 'Acme Surveys' }),
      entity({ name: 'Bravo', org_id: 'org_b', numbers: ['+14155550100'], twilio_messaging_service_sids: ['MG_b'], telnyx_connection_ids: ['conn_b'] }),
    ],
    'org_default',
  );
  it('resolveSender: a header wins over the number mapping; unset kinds fall to the strictest defaults', () => {
    const r = resolveSender(dir, 'org_default', { entity: ' acme surveys', purpose: 'survey' }, [{ kind: 'number', value: '+12125550100' }]);
    expect(r).toEqual({
      ok: true,
      sender: { orgId: 'org_default', entity: 'Acme Surveys', purpose: 'survey', call_type: 'ai_voice', message_type: 'marketing', source: 'header' },
    });
    const c = resolveSender(dir, 'org_default', {}, [{ kind: 'number', value: '+12125550100' }]);
    expect(c.ok && c.sender).toMatchObject({ entity: 'Acme', call_type: 'human_voice', purpose: FAIL_CLOSED_DEFAULTS.purpose });
  });
  it('resolveSender refuses (invalid) when no entity can be determined', () => {
    expect(resolveSender(dir, 'org_default', {}, [{ kind: 'number', value: '+13125550100' }])).toMatchObject({ ok: false, refusal: 'invalid' });
  });
  const foreign: [string, string, ConsentOverrides, EntityLookup[]][] = [
    ["a header naming another org's entity", 'org_default', { entity: 'Bravo' }, [{ kind: 'number', value: '+12125550100' }]],
    ['a header naming an entity nobody configured', 'org_default', { entity: 'Made Up LLC' }, []],
    ["another org's From number, no header", 'org_default', {}, [{ kind: 'number', value: '+14155550100' }]],
    ["another org's From number under the account's own entity", 'org_default', { entity: 'Acme' }, [{ kind: 'number', value: '+14155550100' }]],
    [
      "another org's messaging service",
      'org_default',
      {},
      [
        { kind: 'number', value: '+19995550000' },
        { kind: 'twilio_messaging_service', value: 'MG_b' },
      ],
    ],
    ["another org's connection", 'org_default', { entity: 'Acme' }, [{ kind: 'telnyx_connection', value: 'conn_b' }]],
    ["the default org's entity from org B's account", 'org_b', { entity: 'Acme' }, []],
  ];
  it.each(foreign)('resolveSender refuses (entity_not_in_org): %s', (_name, orgId, overrides, lookups) => {
    expect(resolveSender(dir, orgId, overrides, lookups)).toMatchObject({ ok: false, refusal: 'entity_not_in_org' });
  });
  it("resolveSender: org B's account finds org B's entity by its messaging service", () => {
    const r = resolveSender(dir, 'org_b', {}, [
      { kind: 'number', value: '+19995550000' },
      { kind: 'twilio_messaging_service', value: 'MG_b' },
    ]);
    expect(r.ok && r.sender).toMatchObject({ orgId: 'org_b', entity: 'Bravo', source: 'config' });
  });
});

describe('readConsentHeaders', () => {
  it.each([
    [{ 'x-consent-purpose': 'survey' }, true],
    [{ 'x-consent-purpose': 'Survey' }, false],
    [{ 'x-consent-call-type': 'robot' }, false],
    [{ 'x-consent-message-type': 'marketing', 'x-consent-entity': ' Acme ' }, true],
    [{ 'x-consent-entity': 'x'.repeat(201) }, false],
  ])('readConsentHeaders %o → ok=%s', (headers, ok) => {
    expect(readConsentHeaders(headers).ok).toBe(ok);
  });
});

describe('ParamSigner', () => {
  const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));
  const signer = new ParamSigner('s'.repeat(32), clock, 60);

  it('signedParams round-trips a payload for its own kind only', () => {
    const t = signer.sign('relay', { u: 'wss://app.example/relay' });
    expect(signer.verify('relay', t)).toMatchObject({ u: 'wss://app.example/relay' });
    expect(signer.verify('voice', t)).toBeNull();
    expect(new ParamSigner('t'.repeat(32), clock).verify('relay', t)).toBeNull();
  });

  it('signedParams refuses altered and expired tokens', () => {
    const t = signer.sign('voice', { u: 'https://app.example/a' });
    const [body, mac] = t.split('.');
    const forgedBody = Buffer.from('{"u":"https://evil.example","exp":9999999999}').toString('base64url');
    expect(signer.verify('voice', `${forgedBody}.${mac}`)).toBeNull();
    expect(signer.verify('voice', `${body}.${mac.slice(0, -1)}`)).toBeNull();
    expect(signer.verify('voice', undefined)).toBeNull();
    clock.advance(61_000);
    expect(signer.verify('voice', t)).toBeNull();
  });

  it('gatewaySecret: configured, else derived one-way from the carrier token, else random', () => {
    expect(gatewaySecret('c'.repeat(32), 'tok').source).toBe('configured');
    const a = gatewaySecret(undefined, 'tok');
    expect(a.source).toBe('derived');
    expect(a.secret.equals(gatewaySecret(undefined, 'tok').secret)).toBe(true);
    expect(a.secret.toString('utf8')).not.toContain('tok');
    expect(gatewaySecret(undefined, undefined).source).toBe('random');
  });
});

describe('form', () => {
  it('parseForm keeps order and repeats; params collect repeats into arrays', () => {
    const f = parseForm('To=%2B1212&StatusCallbackEvent=initiated&StatusCallbackEvent=answered&Body=a+b');
    expect(f.pairs[0]).toEqual(['To', '+1212']);
    expect(f.params.StatusCallbackEvent).toEqual(['initiated', 'answered']);
    expect(f.params.Body).toBe('a b');
  });
  it.each(['To=%ZZ', 'Body=%E0%A4', 'a=%'])('parseForm refuses malformed %s', (body) => {
    expect(() => parseForm(body)).toThrow(MalformedFormError);
  });
  it('withParam replaces in place, appends when absent, removes on undefined', () => {
    const pairs: [string, string][] = [
      ['Url', 'a'],
      ['To', 'b'],
      ['Url', 'c'],
    ];
    expect(withParam(pairs, 'Url', 'x')).toEqual([
      ['Url', 'x'],
      ['To', 'b'],
    ]);
    expect(withParam(pairs, 'Method', 'POST')).toEqual([...pairs, ['Method', 'POST']]);
    expect(paramsOf(withParam(pairs, 'Url', undefined))).toEqual({ To: 'b' });
  });
});

describe('forward helpers', () => {
  it('upstreamHeaders drops hop-by-hop, host and X-Consent-* headers and keeps the auth header', () => {
    const h = upstreamHeaders(
      {
        host: 'gw',
        connection: 'keep-alive, x-secret',
        'x-secret': '1',
        authorization: 'Basic abc',
        'x-consent-entity': 'Acme',
        'content-length': '10',
        'user-agent': 'twilio-node',
      },
      Buffer.from('abc'),
    );
    expect(h).toEqual({ authorization: 'Basic abc', 'user-agent': 'twilio-node', 'content-length': '3' });
  });
  it('upstreamUrl keeps a base path prefix', () => {
    expect(upstreamUrl('http://127.0.0.1:9/prefix/', '/2010-04-01/x?y=1').href).toBe('http://127.0.0.1:9/prefix/2010-04-01/x?y=1');
  });
});

describe('framePipe', () => {
  class FakeSocket extends EventEmitter {
    readyState: number = WebSocket.OPEN;
    bufferedAmount = 0;
    isPaused = false;
    sent: { data: unknown; cb: () => void }[] = [];
    send(data: unknown, _opts: unknown, cb: () => void) {
      this.bufferedAmount += String(data).length;
      this.sent.push({ data, cb });
    }
    pause() {
      this.isPaused = true;
    }
    resume() {
      this.isPaused = false;
    }
  }

  it('sendWithBackPressure pauses the source above the high-water mark and resumes once drained', () => {
    const from = new FakeSocket();
    const to = new FakeSocket();
    const limits = { highWaterBytes: 10, lowWaterBytes: 4 };
    sendWithBackPressure(from as never, to as never, 'aaaaaa', false, limits);
    expect(from.isPaused).toBe(false);
    sendWithBackPressure(from as never, to as never, 'bbbbbb', false, limits);
    expect(from.isPaused).toBe(true);
    to.bufferedAmount = 3;
    to.sent[1].cb();
    expect(from.isPaused).toBe(false);
  });

  it('sendWithBackPressure drops nothing silently: a closed destination reports false', () => {
    const to = new FakeSocket();
    to.readyState = WebSocket.CLOSED;
    expect(sendWithBackPressure(new FakeSocket() as never, to as never, 'x', false)).toBe(false);
  });

  it('close codes the protocol reserves are replaced; reasons are cut to 123 bytes', () => {
    expect(sendableCloseCode(1006)).toBe(1000);
    expect(sendableCloseCode(1009)).toBe(1009);
    expect(sendableCloseCode(4001)).toBe(4001);
    expect(Buffer.byteLength(closeReason('é'.repeat(100)))).toBeLessThanOrEqual(123);
  });
});
