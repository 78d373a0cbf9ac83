import { describe, expect, it } from 'vitest';
import { aConsent, aDecision, aRevocation } from '../../test/fixtures/records';
import { anonymiseConsent, anonymiseDecision, anonymiseRevocation, consentEndedAt, consentEndedBefore, scrubbedMessagePayload } from './retention';

const keying = { keyOf: (phone: string) => `hmac:key-of-${phone}` };
const ms = (iso: string) => Date.parse(iso);
const cutoff = ms('2026-06-01T00:00:00.000Z');
const before = '2026-05-01T00:00:00.000Z';
const after = '2026-07-01T00:00:00.000Z';

describe('consentEndedBefore', () => {
  it.each([
    ['active, no expiry', aConsent({ created_at: before }), false],
    ['active, expired before the cutoff', aConsent({ expires_at: before }), true],
    ['active, expires after the cutoff', aConsent({ expires_at: after }), false],
    ['opted out before the cutoff', aConsent({ status: 'opted_out', opted_out_at: before }), true],
    ['opted out after the cutoff', aConsent({ status: 'opted_out', opted_out_at: after, created_at: before }), false],
    ['opted out after the cutoff but expired before it', aConsent({ status: 'opted_out', opted_out_at: after, expires_at: before }), true],
    ['opted out with no time recorded', aConsent({ status: 'opted_out', opted_out_at: null, created_at: before }), false],
    ['pending since before the cutoff', aConsent({ status: 'pending', created_at: before }), true],
    ['pending since after the cutoff', aConsent({ status: 'pending', created_at: after }), false],
    ['confirmed again after an old opt-out (in force)', aConsent({ status: 'active', opted_out_at: before, created_at: before }), false],
    ['ended exactly at the cutoff (not before it)', aConsent({ expires_at: '2026-06-01T00:00:00.000Z' }), false],
  ] as const)('%s: %s', (_, consent, ended) => {
    expect(consentEndedBefore(consent, cutoff)).toBe(ended);
  });

  it('dates the end at the earliest way the consent ended; never for one in force', () => {
    expect(consentEndedAt(aConsent({ status: 'opted_out', opted_out_at: after, expires_at: before }))).toBe(ms(before));
    expect(consentEndedAt(aConsent({ status: 'pending', created_at: before, expires_at: after }))).toBe(ms(before));
    expect(consentEndedAt(aConsent())).toBe(Infinity);
  });
});

describe('anonymising', () => {
  it('a consent loses its phone and what names the person in its evidence, and says so in its history', () => {
    const c = aConsent({ evidence: { url: 'https://example.com/form', text: 'I agree', ip: '203.0.113.7', user_agent: 'UA', source: 'web_form' } });
    const a = anonymiseConsent(c, keying, after);
    expect(a).toEqual({
      ...c,
      phone: `hmac:key-of-${c.phone}`,
      evidence: { url: 'https://example.com/form', source: 'web_form' },
      history: [...c.history, { event: 'anonymised', at: after, source: 'retention' }],
    });
  });

  it('a revocation is found by its key, also in its dedupe key, and loses its transcript and recording', () => {
    const r = aRevocation({ dedupe_key: `org_test|+15551234567|entity`, transcript: 'Stop calling me', audio_segment_url: 'https://rec/1' });
    expect(anonymiseRevocation(r, keying)).toEqual({
      ...r,
      phone: 'hmac:key-of-+15551234567',
      dedupe_key: 'org_test|hmac:key-of-+15551234567|entity',
      transcript: null,
      audio_segment_url: null,
    });
  });

  it("a decision's phone becomes its key, in its request too, and the caller's metadata goes", () => {
    const d = aDecision({ request: { phone: '+15551234567', metadata: { crm: 'lead-7' }, calling_entity: 'Acme' } });
    expect(anonymiseDecision(d, keying)).toEqual({
      ...d,
      phone: 'hmac:key-of-+15551234567',
      request: { phone: 'hmac:key-of-+15551234567', metadata: null, calling_entity: 'Acme' },
    });
  });

  it.each([
    [
      'with a transcript',
      { phone: '+15551234567', transcript: 'stop', audio_segment_url: null },
      { phone: '+15551234567', transcript: null, audio_segment_url: null },
    ],
    ['with a recording', { phone: '+15551234567', audio_segment_url: 'https://rec/1' }, { phone: '+15551234567', transcript: null, audio_segment_url: null }],
    ['with neither (nothing to change)', { phone: '+15551234567', transcript: null }, null],
  ] as const)('a network message %s keeps its phone', (_, payload, scrubbed) => {
    expect(scrubbedMessagePayload(payload)).toEqual(scrubbed);
  });

  it('leaves the records it was given as they were', () => {
    const c = aConsent();
    const copy = structuredClone(c);
    anonymiseConsent(c, keying, after);
    expect(c).toEqual(copy);
  });
});
