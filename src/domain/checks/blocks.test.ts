import { describe, expect, it } from 'vitest';
import { aConsent } from '../../../test/fixtures/records';
import { FEDERAL_WINDOW } from '../time/callingWindow';
import type { PrecallBlock, PresendBlock } from './blocks';
import { DEFAULT_MAX_AGE_MONTHS } from './consentRules';
import { decidePrecall } from './precall';
import { EMPTY_RULE_SET } from '../stateLaw/ruleSet';

describe('blocks are typed per reason', () => {
  it('a quiet_hours precall block carries its own fields, readable without a cast once the reason is known', () => {
    const outcome = decidePrecall({
      orgId: 'org_test',
      at: new Date('2026-04-10T03:00:00Z'), // 23:00 New York
      entity: 'Acme Insurance LLC',
      purpose: 'telemarketing',
      callType: 'ai_voice',
      callingCountry: 'US',
      adversaryCountries: new Set(),
      recipientZones: ['America/New_York'],
      callingWindow: FEDERAL_WINDOW,
      maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
      consents: [aConsent()],
      revocations: [],
      stateRules: EMPTY_RULE_SET,
      jurisdictions: [],
      coveredContactsInWindow: 0,
      emergencies: [],
    });
    if (outcome.allowed || outcome.reason !== 'quiet_hours') throw new Error(`expected quiet_hours, got ${JSON.stringify(outcome)}`);
    const { recipient_timezone, recipient_local_time, calling_window, next_allowed_at } = outcome.fields;
    expect({ recipient_timezone, recipient_local_time, calling_window, next_allowed_at }).toEqual({
      recipient_timezone: 'America/New_York',
      recipient_local_time: '23:00',
      calling_window: FEDERAL_WINDOW,
      next_allowed_at: '2026-04-10T08:00:00-04:00',
    });
  });

  it('a block whose fields do not match its reason does not compile', () => {
    const window = { start: '08:00', end: '21:00' };
    // @ts-expect-error quiet_hours must say when contact may resume (next_allowed_at)
    const noResume: PrecallBlock = { reason: 'quiet_hours', fields: { recipient_timezone: 'UTC', recipient_local_time: '23:00', calling_window: window } };
    const callWindowOnText: PresendBlock = {
      reason: 'quiet_hours',
      // @ts-expect-error a text's quiet hours are told as quiet_hours, not as a call's calling_window
      fields: { recipient_timezone: 'UTC', recipient_local_time: '23:00', calling_window: window, next_allowed_at: null },
    };
    // @ts-expect-error a reason the chain does not have
    const unknownReason: PresendBlock = { reason: 'adversary_nation', fields: { calling_country: 'RU' } };
    expect([noResume, callWindowOnText, unknownReason].map((b) => b.reason)).toEqual(['quiet_hours', 'quiet_hours', 'adversary_nation']);
  });
});
