import { describe, expect, it } from 'vitest';
import { aConsent } from '../../../test/fixtures/records';
import { DEFAULT_MAX_AGE_MONTHS } from './consentRules';
import { checkDoNotCall, isStaleCopy, type DncListFacts, type DoNotCallFacts } from './doNotCall';

const AT = new Date('2026-12-05T15:00:00Z');
const national = (o: Partial<DncListFacts> = {}): DncListFacts => ({ list: 'national', as_of: '2026-12-01', listed: true, coversAreaCode: true, ...o });
const telemarketingCall = { kind: 'call', purpose: 'telemarketing', callType: 'human_voice' } as const;
const ebr = (captured_at: string) =>
  aConsent({ type: 'established_business_relationship', scope: ['human_voice', 'telemarketing', 'sms', 'marketing'], captured_at });
const express = aConsent({ type: 'prior_express', scope: ['human_voice', 'telemarketing', 'informational', 'sms'] });

const facts = (o: Partial<DoNotCallFacts> = {}): DoNotCallFacts => ({
  at: AT,
  entity: 'Acme Insurance LLC',
  contact: telemarketingCall,
  lists: [national()],
  consents: [express],
  maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
  stalePolicy: 'block',
  ...o,
});
const outcome = (o: Partial<DoNotCallFacts>) => {
  const r = checkDoNotCall(facts(o));
  return r.block ? { list: r.block.fields.list, ...(r.block.fields.stale ? { stale: true } : {}) } : r.notes.length ? 'allowed with a note' : 'allowed';
};

describe('do_not_call', () => {
  it.each<[string, Partial<DoNotCallFacts>, unknown]>([
    ['a registry listing blocks a telemarketing call on a prior express consent', {}, { list: 'national' }],
    [
      'a state registry listing blocks too, naming the state list',
      { lists: [national({ listed: false }), { list: 'state:TX', as_of: '2026-12-01', listed: true, coversAreaCode: true }] },
      { list: 'state:TX' },
    ],
    [
      'a prior express written consent covering the call overrides the registry',
      { consents: [aConsent({ scope: ['human_voice', 'telemarketing'] })] },
      'allowed',
    ],
    [
      'a written consent for another entity does not',
      { consents: [aConsent({ calling_entity: 'Beta Co', scope: ['human_voice', 'telemarketing'] })] },
      { list: 'national' },
    ],
    [
      'a written consent that was opted out does not',
      { consents: [aConsent({ status: 'opted_out', scope: ['human_voice', 'telemarketing'] })] },
      { list: 'national' },
    ],
    ['an established business relationship inside 18 months overrides the registry', { consents: [ebr('2025-07-01T00:00:00Z')] }, 'allowed'],
    ['an established business relationship past 18 months does not', { consents: [ebr('2025-06-01T00:00:00Z')] }, { list: 'national' }],
    ['informational calls are untouched by the registry', { contact: { kind: 'call', purpose: 'informational', callType: 'human_voice' } }, 'allowed'],
    ['transactional texts are untouched by the registry', { contact: { kind: 'text', messageType: 'transactional' } }, 'allowed'],
    ['a marketing text to a listed number is blocked', { contact: { kind: 'text', messageType: 'marketing' } }, { list: 'national' }],
    ['a mixed text to a listed number is blocked', { contact: { kind: 'text', messageType: 'mixed' } }, { list: 'national' }],
    ['a marketing text on written consent is allowed', { contact: { kind: 'text', messageType: 'marketing' }, consents: [aConsent()] }, 'allowed'],
    ['a number on no list is allowed', { lists: [national({ listed: false })] }, 'allowed'],
    ['no list imported: nothing to check', { lists: [] }, 'allowed'],
    [
      'the internal list blocks every purpose',
      {
        contact: { kind: 'call', purpose: 'informational', callType: 'human_voice' },
        lists: [{ list: 'internal', as_of: '2026-12-01', listed: true, coversAreaCode: true }],
      },
      { list: 'internal' },
    ],
    [
      'the internal list blocks even over written consent captured before the listing',
      { consents: [aConsent({ captured_at: '2026-11-30T00:00:00Z' })], lists: [{ list: 'internal', as_of: '2026-12-01', listed: true, coversAreaCode: true }] },
      { list: 'internal' },
    ],
    [
      'a consent captured on the day of the internal copy does not lift it',
      { consents: [aConsent({ captured_at: '2026-12-01T20:00:00Z' })], lists: [{ list: 'internal', as_of: '2026-12-01', listed: true, coversAreaCode: true }] },
      { list: 'internal' },
    ],
    [
      'a consent captured after the internal listing lifts it',
      {
        contact: { kind: 'call', purpose: 'informational', callType: 'human_voice' },
        consents: [aConsent({ captured_at: '2026-12-02T09:00:00Z' })],
        lists: [{ list: 'internal', as_of: '2026-12-01', listed: true, coversAreaCode: true }],
      },
      'allowed',
    ],
    [
      'a stale registry copy blocks a covered contact with stale: true, listed or not',
      { lists: [national({ as_of: '2026-11-01', listed: false })] },
      { list: 'national', stale: true },
    ],
    [
      'a stale copy of a list that does not hold the area code says nothing',
      { lists: [national({ as_of: '2026-11-01', listed: false, coversAreaCode: false })] },
      'allowed',
    ],
    [
      'under the warn policy a stale copy lets the contact through with a note',
      { stalePolicy: 'warn', lists: [national({ as_of: '2026-11-01', listed: false })] },
      'allowed with a note',
    ],
    [
      'a stale copy never blocks a contact with written consent',
      { consents: [aConsent({ scope: ['human_voice', 'telemarketing'] })], lists: [national({ as_of: '2026-10-01' })] },
      'allowed',
    ],
    ['a listing on a fresh copy blocks whatever the stale policy', { stalePolicy: 'warn' }, { list: 'national' }],
  ])('%s', (_name, o, expected) => {
    expect(outcome(o)).toEqual(expected);
  });

  it('a copy is fresh for 31 days after the day it was taken, and stale from the 32nd', () => {
    expect(isStaleCopy('2026-11-01', new Date('2026-12-02T23:59:59Z'))).toBe(false);
    expect(isStaleCopy('2026-11-01', new Date('2026-12-03T00:00:00Z'))).toBe(true);
  });
});
