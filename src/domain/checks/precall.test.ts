import { describe, expect, it } from 'vitest';
import { aConsent, aRevocation } from '../../../test/fixtures/records';
import { FEDERAL_WINDOW } from '../time/callingWindow';
import { EMPTY_RULE_SET } from '../stateLaw/ruleSet';
import { DEFAULT_MAX_AGE_MONTHS } from './consentRules';
import { decidePrecall, PRECALL_CHECKS, type PrecallFacts } from './precall';

const facts = (overrides: Partial<PrecallFacts> = {}): PrecallFacts => ({
  orgId: 'org_test',
  at: new Date('2026-04-10T18:00:00Z'), // 14:00 New York
  entity: 'Acme Insurance LLC',
  purpose: 'telemarketing',
  callType: 'ai_voice',
  callingCountry: 'US',
  adversaryCountries: new Set(['CN', 'RU']),
  recipientZones: ['America/New_York'],
  callingWindow: FEDERAL_WINDOW,
  maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
  consents: [aConsent()],
  revocations: [],
  stateRules: EMPTY_RULE_SET,
  jurisdictions: [],
  coveredContactsInWindow: 0,
  emergencies: [],
  ...overrides,
});

const reason = (f: PrecallFacts) => {
  const o = decidePrecall(f);
  return o.allowed ? 'allowed' : o.reason;
};

describe('precall chain', () => {
  it('runs the checks in the contract order', () => {
    expect(PRECALL_CHECKS.map((c) => c.name)).toEqual([
      'adversary_nation',
      'consumer_revoked',
      'quiet_hours',
      'holiday',
      'state_of_emergency',
      'frequency_cap',
      'no_consent_on_file',
      'scope_mismatch',
      'consent_expired',
      'ai_consent_missing',
    ]);
  });

  it.each<[string, Partial<PrecallFacts>, string]>([
    ['allows a covered, fresh, AI-specific written consent', {}, 'allowed'],
    ['adversary_nation: a calling number in a listed country', { callingCountry: 'CN' }, 'adversary_nation'],
    ['consumer_revoked: an entity revocation after the consent', { revocations: [aRevocation()] }, 'consumer_revoked'],
    [
      'consumer_revoked: entity names match case-insensitively',
      { revocations: [aRevocation({ calling_entity: '  acme insurance llc ' })] },
      'consumer_revoked',
    ],
    ['a revocation for another entity does not block', { revocations: [aRevocation({ calling_entity: 'Beta Co' })] }, 'allowed'],
    ['a newer consent lifts an older revocation', { revocations: [aRevocation({ captured_at: '2026-03-01T00:00:00Z' })] }, 'allowed'],
    ['consumer_revoked: scope all from this org', { revocations: [aRevocation({ scope: 'all', calling_entity: null })] }, 'consumer_revoked'],
    [
      'honor_window_active: scope all from another org',
      { revocations: [aRevocation({ scope: 'all', calling_entity: null, org_id: 'org_other' })] },
      'honor_window_active',
    ],
    [
      'honor_window_active: scope all from a network peer',
      { revocations: [aRevocation({ scope: 'all', calling_entity: null, origin: 'peer:east' })] },
      'honor_window_active',
    ],
    ['quiet_hours: telemarketing at 21:30 local', { at: new Date('2026-04-11T01:30:00Z') }, 'quiet_hours'],
    [
      'quiet hours do not apply to appointment reminders',
      { at: new Date('2026-04-11T01:30:00Z'), purpose: 'appointment_reminder', consents: [aConsent({ scope: ['ai_voice', 'appointment_reminder'] })] },
      'allowed',
    ],
    ['no_consent_on_file: nothing for this phone', { consents: [] }, 'no_consent_on_file'],
    ['no_consent_on_file: only an opted-out consent', { consents: [aConsent({ status: 'opted_out' })] }, 'no_consent_on_file'],
    ['scope_mismatch: consent for another entity', { consents: [aConsent({ calling_entity: 'Beta Co' })] }, 'scope_mismatch'],
    ['scope_mismatch: consent not covering the call type', { consents: [aConsent({ scope: ['human_voice', 'telemarketing'] })] }, 'scope_mismatch'],
    ['scope_mismatch: consent not covering the purpose', { consents: [aConsent({ scope: ['ai_voice', 'survey'] })] }, 'scope_mismatch'],
    ['scope_mismatch: AI telemarketing needs written consent', { consents: [aConsent({ type: 'prior_express' })] }, 'scope_mismatch'],
    [
      'a human call may rely on an established business relationship',
      {
        callType: 'human_voice',
        consents: [aConsent({ type: 'established_business_relationship', scope: ['human_voice', 'telemarketing'], captured_at: '2026-01-01T00:00:00Z' })],
      },
      'allowed',
    ],
    ['consent_expired: past expires_at', { consents: [aConsent({ expires_at: '2026-04-01T00:00:00Z' })] }, 'consent_expired'],
    [
      'consent_expired: EBR older than 18 months',
      {
        callType: 'human_voice',
        consents: [aConsent({ type: 'established_business_relationship', scope: ['human_voice', 'telemarketing'], captured_at: '2024-10-09T00:00:00Z' })],
      },
      'consent_expired',
    ],
    ['written consent does not age out by default', { consents: [aConsent({ captured_at: '2019-01-01T00:00:00Z' })] }, 'allowed'],
    ['ai_consent_missing: written consent without the AI flag', { consents: [aConsent({ ai_specific_consent: false })] }, 'ai_consent_missing'],
    [
      'automated calls do not need the AI flag',
      { callType: 'automated_voice', consents: [aConsent({ ai_specific_consent: false, scope: ['automated_voice', 'telemarketing'] })] },
      'allowed',
    ],
    ['a pending double opt-in is not consent for a call', { consents: [aConsent({ status: 'pending' })] }, 'no_consent_on_file'],
  ])('%s', (_name, overrides, expected) => {
    expect(reason(facts(overrides))).toBe(expected);
  });

  it.each<[string, Partial<PrecallFacts>, string]>([
    ['adversary before revoked', { callingCountry: 'RU', revocations: [aRevocation()] }, 'adversary_nation'],
    ['revoked before quiet hours', { revocations: [aRevocation()], at: new Date('2026-04-11T02:00:00Z') }, 'consumer_revoked'],
    ['quiet hours before no consent', { consents: [], at: new Date('2026-04-11T02:00:00Z') }, 'quiet_hours'],
    ['no consent before anything about scope', { consents: [] }, 'no_consent_on_file'],
    ['scope before expiry', { consents: [aConsent({ calling_entity: 'Beta', expires_at: '2026-01-01T00:00:00Z' })] }, 'scope_mismatch'],
    ['expiry before AI consent', { consents: [aConsent({ ai_specific_consent: false, expires_at: '2026-01-01T00:00:00Z' })] }, 'consent_expired'],
  ])('a request failing two checks reports the first: %s', (_name, overrides, expected) => {
    expect(reason(facts(overrides))).toBe(expected);
  });

  it('answers the newest qualifying consent', () => {
    const older = aConsent({ captured_at: '2025-01-01T00:00:00Z' });
    const newer = aConsent({ captured_at: '2026-02-01T00:00:00Z' });
    const outcome = decidePrecall(facts({ consents: [older, newer] }));
    expect(outcome.allowed && outcome.consent.id).toBe(newer.id);
  });

  it('a revocation reports when it was made and its honor-by date', () => {
    const r = aRevocation();
    const outcome = decidePrecall(facts({ revocations: [r] }));
    expect(outcome).toMatchObject({ allowed: false, fields: { revoked_at: r.captured_at, honor_by_date: r.honor_by_date } });
  });
});
