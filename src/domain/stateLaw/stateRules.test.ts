import { describe, expect, it } from 'vitest';
import { aConsent } from '../../../test/fixtures/records';
import { decidePrecall, type PrecallFacts } from '../checks/precall';
import { decidePresend, type PresendFacts } from '../checks/presend';
import type { MessageType, Purpose } from '../vocabulary';
import { answer, type Placement, precallFacts as sharedPrecallFacts, presendFacts as sharedPresendFacts } from '../../../test/support/shippedRuleFacts';
import { jurisdictionsFor } from './jurisdictions';
import { parseRuleSet, ruleSetOf } from './ruleSet';
import type { StateRule } from './ruleTypes';

const common = (jurisdiction: string, kind: string, citation: string) => ({
  id: `${jurisdiction}/${kind}`,
  jurisdiction,
  kind,
  citation,
  effective_from: '2020-01-01',
  source: 'https://example.org/statute',
  verified: 'primary',
  applies_to: { telemarketing_call: 'statute', marketing_text: 'policy' },
});
const every = (start: string, end: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { start, end }]));

// In-test rules shaped like the statutes the gate encodes; the real values live in reference/state-rules.json.
const RULES = ruleSetOf({
  version: 'test-1',
  rules: [
    { ...common('US-FL', 'calling_hours', 'Fla. Stat. § 501.616(6)(a)'), time_zone: 'recipient', windows: every('08:00', '20:00') },
    { ...common('US-FL', 'frequency_cap', 'Fla. Stat. § 501.616(6)(b)'), limit: 3, window_hours: 24 },
    { ...common('US-LA', 'calling_hours', 'La. R.S. 45:844.31'), time_zone: 'recipient', windows: { ...every('08:00', '20:00'), sun: null } },
    { ...common('US-LA', 'state_of_emergency', 'La. R.S. 45:844.31') },
    { ...common('US-RI', 'holiday', 'R.I. Gen. Laws § 5-61-3.6'), calendars: ['US'] },
    { ...common('US-MS', 'calling_hours', 'Miss. Code § 77-3-723(1)'), time_zone: 'Etc/GMT+6', windows: { ...every('08:00', '20:00'), sun: null } },
  ] as unknown as StateRule[],
});

const MIAMI = '+13055550123';
const NEW_YORK = '+12125550123';
const BATON_ROUGE = '+12255550123';
const PROVIDENCE = '+14015550123';
const JACKSON_MS = '+16015550123';
const TOLL_FREE = '+18005550123';

// The shared builders (test/support/shippedRuleFacts.ts) under this file's own rules, `at` as ISO text.
const precallFacts = (phone: string, at: string, extra: Partial<PrecallFacts> & Placement = {}): PrecallFacts =>
  sharedPrecallFacts(phone, new Date(at), { ruleSet: RULES, ...extra });
const presendFacts = (phone: string, at: string, messageType: MessageType, extra: Partial<PresendFacts> & Placement = {}): PresendFacts =>
  sharedPresendFacts(phone, new Date(at), messageType, { ruleSet: RULES, ...extra });

describe('where the consumer is', () => {
  it.each([
    ['a Miami number is in Florida by its area code', MIAMI, [['US-FL', 'area_code']]],
    ['a San Juan number is in Puerto Rico', '+17875550123', [['US-PR', 'area_code']]],
    ['a Toronto number is in no US state', '+14165550123', []],
    [
      'a toll-free number is held to every state with rules',
      TOLL_FREE,
      [
        ['US-FL', 'non_geographic'],
        ['US-LA', 'non_geographic'],
        ['US-MS', 'non_geographic'],
        ['US-RI', 'non_geographic'],
      ],
    ],
    [
      'a 555 number is held to every state with rules',
      '+15555550123',
      [
        ['US-FL', 'non_geographic'],
        ['US-LA', 'non_geographic'],
        ['US-MS', 'non_geographic'],
        ['US-RI', 'non_geographic'],
      ],
    ],
  ])('%s', (_name, phone, expected) => {
    expect(jurisdictionsFor(phone, undefined, [], RULES.states).map((j) => [j.jurisdiction, j.source])).toEqual(expected);
  });

  it('adds the recipient state and the address states, each once, with every zone of that state', () => {
    const found = jurisdictionsFor(NEW_YORK, 'FL', ['FL', 'TX'], RULES.states);
    expect(found.map((j) => [j.jurisdiction, j.source])).toEqual([
      ['US-NY', 'area_code'],
      ['US-FL', 'recipient_state'],
      ['US-TX', 'address_state'],
    ]);
    // The Panhandle is on Central time: a state named without its area code must hold in both zones.
    expect(found[1].zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago']));
  });
});

describe('state calling hours', () => {
  it.each<[string, string, string, Record<string, unknown>]>([
    ['Miami 19:30 EDT is inside Florida hours', MIAMI, '2026-04-10T23:30:00Z', { reason: 'allowed' }],
    [
      "Miami 20:30 EDT is outside Florida's 08:00–20:00",
      MIAMI,
      '2026-04-11T00:30:00Z',
      {
        reason: 'quiet_hours',
        jurisdiction: 'US-FL',
        citation: 'Fla. Stat. § 501.616(6)(a)',
        recipient_timezone: 'America/New_York',
        recipient_local_time: '20:30',
        calling_window: { start: '08:00', end: '20:00' },
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      },
    ],
    [
      'Miami 21:30 EDT is the federal window first, next allowed at the opening both share',
      MIAMI,
      '2026-04-11T01:30:00Z',
      {
        reason: 'quiet_hours',
        jurisdiction: 'US',
        citation: '47 CFR 64.1200(c)(1)',
        recipient_timezone: 'America/New_York',
        recipient_local_time: '21:30',
        calling_window: { start: '08:00', end: '21:00' },
        next_allowed_at: '2026-04-11T08:00:00-04:00',
      },
    ],
    [
      'a Louisiana Sunday allows no call: next allowed on Monday at the opening',
      BATON_ROUGE,
      '2026-04-12T17:00:00Z',
      {
        reason: 'quiet_hours',
        jurisdiction: 'US-LA',
        citation: 'La. R.S. 45:844.31',
        recipient_timezone: 'America/Chicago',
        recipient_local_time: '12:00',
        calling_window: null,
        next_allowed_at: '2026-04-13T08:00:00-05:00',
      },
    ],
    [
      'Saturday 20:30 in Louisiana skips the Sunday ban to Monday',
      BATON_ROUGE,
      '2026-04-12T01:30:00Z',
      { reason: 'quiet_hours', jurisdiction: 'US-LA', recipient_local_time: '20:30', next_allowed_at: '2026-04-13T08:00:00-05:00' },
    ],
    [
      "Mississippi's Central Standard Time all year: 08:30 CDT is 07:30 CST, closed until 09:00 CDT",
      JACKSON_MS,
      '2026-07-08T13:30:00Z',
      {
        reason: 'quiet_hours',
        jurisdiction: 'US-MS',
        recipient_timezone: 'Etc/GMT+6',
        recipient_local_time: '07:30',
        next_allowed_at: '2026-07-08T08:00:00-06:00',
      },
    ],
    ['Mississippi at 09:00 CDT (08:00 CST) is open', JACKSON_MS, '2026-07-08T14:00:00Z', { reason: 'allowed' }],
    ['a toll-free number is held to Florida too: 20:30 Eastern is closed', TOLL_FREE, '2026-04-09T00:30:00Z', { reason: 'quiet_hours', jurisdiction: 'US-FL' }],
  ])('%s', (_name, phone, at, expected) => {
    expect(answer(decidePrecall(precallFacts(phone, at)))).toMatchObject(expected);
  });

  it('a New York number is held to Florida when the request says the consumer is there', () => {
    const at = '2026-04-11T00:30:00Z'; // 20:30 in New York
    expect(answer(decidePrecall(precallFacts(NEW_YORK, at)))).toEqual({ reason: 'allowed' });
    expect(answer(decidePrecall(precallFacts(NEW_YORK, at, { recipientState: 'FL' })))).toMatchObject({ reason: 'quiet_hours', jurisdiction: 'US-FL' });
    expect(answer(decidePrecall(precallFacts(NEW_YORK, at, { addressStates: ['FL'] })))).toMatchObject({ reason: 'quiet_hours', jurisdiction: 'US-FL' });
  });

  it('a state named by address holds in every zone of the state: 19:30 Eastern is 18:30 in the Panhandle, yet 07:30 Central is closed', () => {
    // 08:30 in New York, 07:30 in Pensacola: Florida is not open everywhere yet.
    const answerAt = answer(decidePrecall(precallFacts(NEW_YORK, '2026-04-10T12:30:00Z', { addressStates: ['FL'] })));
    expect(answerAt).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-FL',
      recipient_timezone: 'America/Chicago',
      next_allowed_at: '2026-04-10T08:00:00-05:00',
    });
  });

  it.each<[Purpose]>([['informational'], ['transactional'], ['debt_collection']])(
    'a %s call at 20:30 in Miami keeps the federal rules only: allowed',
    (purpose) => {
      expect(
        answer(decidePrecall(precallFacts(MIAMI, '2026-04-11T00:30:00Z', { purpose, consents: [aConsent({ phone: MIAMI, scope: ['ai_voice', purpose] })] }))),
      ).toEqual({ reason: 'allowed' });
    },
  );
});

describe('holidays, emergencies and caps', () => {
  it('a Rhode Island call on a federal holiday (Independence Day observed, Friday 2026-07-03) is a holiday block', () => {
    expect(answer(decidePrecall(precallFacts(PROVIDENCE, '2026-07-03T15:00:00Z')))).toEqual({
      reason: 'holiday',
      jurisdiction: 'US-RI',
      citation: 'R.I. Gen. Laws § 5-61-3.6',
      recipient_timezone: 'America/New_York',
      recipient_local_time: '11:00',
      holiday: { name: 'Independence Day', date: '2026-07-03' },
      next_allowed_at: '2026-07-04T08:00:00-04:00',
    });
    expect(answer(decidePrecall(precallFacts(PROVIDENCE, '2026-07-02T15:00:00Z')))).toEqual({ reason: 'allowed' });
  });

  it('hours come before holidays whichever state each is from: a Rhode Island address on Independence Day, a Louisiana Sunday', () => {
    // Sunday 2027-07-04 (observed Monday 07-05), 12:00 in Baton Rouge: Louisiana bans Sundays; Rhode Island's holiday is Monday.
    expect(answer(decidePrecall(precallFacts(BATON_ROUGE, '2027-07-04T17:00:00Z', { addressStates: ['RI'] })))).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-LA',
    });
    // Friday 2026-07-03 at 19:30 in Providence (observed Independence Day) with a Florida address: Florida is open, Rhode Island is on holiday.
    expect(answer(decidePrecall(precallFacts(PROVIDENCE, '2026-07-03T23:30:00Z', { addressStates: ['FL'] })))).toMatchObject({
      reason: 'holiday',
      jurisdiction: 'US-RI',
    });
    // The same Friday at 20:30 Eastern: Florida's hours are closed as well, and hours are reported first.
    expect(answer(decidePrecall(precallFacts(PROVIDENCE, '2026-07-04T00:30:00Z', { addressStates: ['FL'] })))).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-FL',
    });
  });

  it('a declared emergency in Louisiana blocks covered calls there until its end, citing the rule', () => {
    const emergencies = [{ id: 'soe_1', jurisdiction: 'US-LA' as const, from: '2026-04-01T00:00:00Z', to: '2026-04-20T00:00:00Z', note: 'hurricane' }];
    expect(answer(decidePrecall(precallFacts(BATON_ROUGE, '2026-04-10T16:00:00Z', { emergencies })))).toEqual({
      reason: 'state_of_emergency',
      jurisdiction: 'US-LA',
      citation: 'La. R.S. 45:844.31',
      emergency_id: 'soe_1',
      emergency_to: '2026-04-20T00:00:00Z',
      next_allowed_at: '2026-04-20T00:00:00Z',
    });
    expect(answer(decidePrecall(precallFacts(BATON_ROUGE, '2026-04-21T16:00:00Z', { emergencies })))).toEqual({ reason: 'allowed' });
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-04-10T16:00:00Z', { emergencies })))).toEqual({ reason: 'allowed' });
  });

  it("Florida's cap: the fourth covered contact in 24 hours is a frequency_cap block, an informational call is not counted against", () => {
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-04-10T16:00:00Z', { coveredContactsInWindow: 2 })))).toEqual({ reason: 'allowed' });
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-04-10T16:00:00Z', { coveredContactsInWindow: 3 })))).toEqual({
      reason: 'frequency_cap',
      jurisdiction: 'US-FL',
      citation: 'Fla. Stat. § 501.616(6)(b)',
      limit: 3,
      window_hours: 24,
      contacts_in_window: 3,
    });
    const informational = {
      purpose: 'informational' as const,
      coveredContactsInWindow: 3,
      consents: [aConsent({ phone: MIAMI, scope: ['ai_voice', 'informational'] })],
    };
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-04-10T16:00:00Z', informational)))).toEqual({ reason: 'allowed' });
  });
});

describe('texts under the same rules', () => {
  it.each<[MessageType, string]>([
    ['marketing', 'quiet_hours'],
    ['mixed', 'quiet_hours'],
    ['transactional', 'allowed'],
    ['informational', 'allowed'],
  ])('a %s text to Miami at 20:30 EDT: %s', (messageType, expected) => {
    const consents = [aConsent({ phone: MIAMI, scope: ['sms', messageType] })];
    expect(answer(decidePresend(presendFacts(MIAMI, '2026-04-11T00:30:00Z', messageType, { consents }))).reason).toBe(expected);
  });

  it("a marketing text at 20:30 in Miami names Florida's rule and its quiet hours", () => {
    expect(answer(decidePresend(presendFacts(MIAMI, '2026-04-11T00:30:00Z', 'marketing')))).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-FL',
      citation: 'Fla. Stat. § 501.616(6)(a)',
      quiet_hours: { start: '20:00', end: '08:00' },
      next_allowed_at: '2026-04-11T08:00:00-04:00',
    });
  });

  it('a marketing text past the state cap is frequency_cap with the state fields; the daily cap is checked first', () => {
    expect(answer(decidePresend(presendFacts(MIAMI, '2026-04-10T16:00:00Z', 'marketing', { coveredContactsInWindow: 3 })))).toMatchObject({
      reason: 'frequency_cap',
      jurisdiction: 'US-FL',
      limit: 3,
    });
    expect(answer(decidePresend(presendFacts(MIAMI, '2026-04-10T16:00:00Z', 'marketing', { coveredContactsInWindow: 3, sentToday: 10 })))).toEqual({
      reason: 'frequency_cap',
      daily_cap: 10,
      sent_today: 10,
    });
  });
});

describe('the rule set', () => {
  it('refuses a bad file, naming the rule and the field of each problem', () => {
    const parsed = parseRuleSet({
      version: 'bad',
      rules: [
        { ...common('US-FL', 'calling_hours', 'x'), time_zone: 'recipient', windows: { mon: { start: '8:00', end: '20:00' } } },
        { ...common('US-ZZ', 'frequency_cap', 'x'), limit: 3, window_hours: 12 },
        { ...common('US-RI', 'holiday', 'x'), calendars: ['Narnia'] },
        { ...common('US-FL', 'calling_hours', 'x'), time_zone: 'recipient', windows: {}, effective_until: '2019-01-01' },
      ],
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rule 0 \(US-FL\/calling_hours\): windows\.mon\.start: must be HH:mm/),
        expect.stringMatching(/^rule 1 \(US-ZZ\/frequency_cap\): jurisdiction: /),
        expect.stringMatching(/^rule 1 \(US-ZZ\/frequency_cap\): window_hours: must be 24/),
        expect.stringMatching(/^rule 2 \(US-RI\/holiday\): calendars\.0: is not a holiday calendar/),
        'rule 3 (US-FL/calling_hours): id: is not unique',
        'rule 3 (US-FL/calling_hours): effective_until: must not be before effective_from',
      ]),
    );
  });

  it('picks the rules in force on the local date', () => {
    const replaced = ruleSetOf({
      version: 'v',
      rules: [
        { ...common('US-FL', 'calling_hours', 'old'), id: 'old', time_zone: 'recipient', windows: every('08:00', '20:00'), effective_until: '2026-05-31' },
        { ...common('US-FL', 'calling_hours', 'new'), id: 'new', time_zone: 'recipient', windows: every('09:00', '19:00'), effective_from: '2026-06-01' },
      ],
    });
    // 19:30 EDT: allowed under the old hours, not under the new.
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-05-10T23:30:00Z', { ruleSet: replaced })))).toEqual({ reason: 'allowed' });
    expect(answer(decidePrecall(precallFacts(MIAMI, '2026-06-10T23:30:00Z', { ruleSet: replaced })))).toMatchObject({ reason: 'quiet_hours', citation: 'new' });
  });
});
