import { describe, expect, it } from 'vitest';
import { aConsent, aRevocation } from '../../../test/fixtures/records';
import { FEDERAL_WINDOW } from '../time/callingWindow';
import { EMPTY_RULE_SET } from '../stateLaw/ruleSet';
import { DEFAULT_MAX_AGE_MONTHS } from './consentRules';
import { decidePresend, PRESEND_CHECKS, type PresendFacts } from './presend';

const facts = (overrides: Partial<PresendFacts> = {}): PresendFacts => ({
  orgId: 'org_test',
  at: new Date('2026-04-10T18:00:00Z'),
  entity: 'Acme Insurance LLC',
  messageType: 'marketing',
  recipientZones: ['America/New_York'],
  quietWindow: FEDERAL_WINDOW,
  maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
  sentThisMonth: 0,
  monthlyQuota: null,
  sentToday: 0,
  dailyCap: 3,
  consents: [aConsent({ scope: ['sms'] })],
  revocations: [],
  stateRules: EMPTY_RULE_SET,
  jurisdictions: [],
  coveredContactsInWindow: 0,
  emergencies: [],
  ...overrides,
});

const reason = (f: PresendFacts) => {
  const o = decidePresend(f);
  return o.allowed ? 'allowed' : o.reason;
};

describe('pre-send chain', () => {
  it('runs the checks in the contract order', () => {
    expect(PRESEND_CHECKS.map((c) => c.name)).toEqual([
      'quota_exceeded',
      'quiet_hours',
      'holiday',
      'state_of_emergency',
      'frequency_cap',
      'consumer_revoked',
      'pending_double_optin',
      'no_consent_on_file',
    ]);
  });

  it.each<[string, Partial<PresendFacts>, string]>([
    ['allows a text covered by sms consent', {}, 'allowed'],
    ['a message-type scope covers texts of that type', { consents: [aConsent({ scope: ['marketing'] })] }, 'allowed'],
    ['marketing covers a mixed message', { messageType: 'mixed', consents: [aConsent({ scope: ['marketing'] })] }, 'allowed'],
    ['quota_exceeded: the org used its monthly quota', { monthlyQuota: 100, sentThisMonth: 100 }, 'quota_exceeded'],
    ['quiet_hours: marketing at 07:59 local', { at: new Date('2026-04-10T11:59:00Z') }, 'quiet_hours'],
    ['quiet hours do not apply to transactional texts', { at: new Date('2026-04-10T11:59:00Z'), messageType: 'transactional' }, 'allowed'],
    ['frequency_cap: the third text today was the last', { sentToday: 3 }, 'frequency_cap'],
    ['consumer_revoked: the consumer texted STOP', { revocations: [aRevocation({ trigger: 'sms_stop' })] }, 'consumer_revoked'],
    ['pending_double_optin: consent awaiting confirmation', { consents: [aConsent({ scope: ['sms'], status: 'pending' })] }, 'pending_double_optin'],
    ['no_consent_on_file: none', { consents: [] }, 'no_consent_on_file'],
    ["no_consent_on_file: another entity's consent", { consents: [aConsent({ scope: ['sms'], calling_entity: 'Beta' })] }, 'no_consent_on_file'],
    ['no_consent_on_file: an expired consent', { consents: [aConsent({ scope: ['sms'], expires_at: '2026-01-01T00:00:00Z' })] }, 'no_consent_on_file'],
    ['no_consent_on_file: marketing needs written consent', { consents: [aConsent({ scope: ['sms'], type: 'prior_express' })] }, 'no_consent_on_file'],
    [
      'express consent is enough for transactional texts',
      { messageType: 'transactional', consents: [aConsent({ scope: ['sms'], type: 'prior_express' })] },
      'allowed',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(reason(facts(overrides))).toBe(expected);
  });

  it.each<[string, Partial<PresendFacts>, string]>([
    ['quota before quiet hours', { monthlyQuota: 1, sentThisMonth: 1, at: new Date('2026-04-11T02:00:00Z') }, 'quota_exceeded'],
    ['quiet hours before the cap', { sentToday: 3, at: new Date('2026-04-11T02:00:00Z') }, 'quiet_hours'],
    ['cap before revocation', { sentToday: 3, revocations: [aRevocation()] }, 'frequency_cap'],
    [
      'revocation before pending',
      { revocations: [aRevocation()], consents: [aConsent({ scope: ['sms'], status: 'pending', captured_at: '2026-01-01T00:00:00Z' })] },
      'consumer_revoked',
    ],
    ['pending before no consent', { consents: [aConsent({ scope: ['sms'], status: 'pending' })] }, 'pending_double_optin'],
  ])('a request failing two checks reports the first: %s', (_name, overrides, expected) => {
    expect(reason(facts(overrides))).toBe(expected);
  });

  it('quiet hours answer in the seed shape', () => {
    const outcome = decidePresend(facts({ at: new Date('2026-04-18T01:45:00Z') }));
    expect(outcome).toEqual({
      allowed: false,
      reason: 'quiet_hours',
      fields: {
        jurisdiction: 'US',
        citation: '47 CFR 64.1200(c)(1)',
        recipient_timezone: 'America/New_York',
        recipient_local_time: '21:45',
        quiet_hours: { start: '21:00', end: '08:00' },
        next_allowed_at: '2026-04-18T08:00:00-04:00',
      },
    });
  });
});
