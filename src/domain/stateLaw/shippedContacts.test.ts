/**
 * The shipped rule data beyond the clock: the frequency caps of Florida,
 * Oklahoma and Maryland over a rolling 24 hours, consumers placed in several
 * states at once (area code, recipient_state, a consent's address_state),
 * toll-free numbers held to every state, and Louisiana's declared emergencies.
 * Expectations are typed from the statutes (docs/state-rules.md), not read
 * from the data file.
 */
import { describe, expect, it } from 'vitest';
import { coveredContactWindow } from './coveredContacts';
import { callAnswer, instantOf, localInstant, NEW_YORK, NUMBER_OF, textAnswer, TOLL_FREE } from '../../../test/support/shippedRuleFacts';

const CAPS = [
  { state: 'FL', citation: 'Fla. Stat. § 501.616(6)(b)' },
  { state: 'OK', citation: '15 O.S. § 775C.4' },
  { state: 'MD', citation: 'Md. Code, Com. Law § 14-4502' },
];
const HOUR_MS = 3_600_000;

/** How many earlier contacts the chain is told of at `at`: those inside the rolling window, as the ledger counts them. */
function inWindow(previous: readonly Date[], at: Date): number {
  const w = coveredContactWindow(at, at);
  return previous.filter((p) => p.getTime() > w.sinceMs && p.getTime() < w.untilMs).length;
}

describe('frequency caps: three covered contacts per rolling 24 hours', () => {
  describe.each(CAPS)('$state', ({ state, citation }) => {
    const { phone, zone } = NUMBER_OF[state];
    // Calls at 10:00, 11:00 and 12:00 on a Wednesday, all allowed.
    const first = localInstant('2027-04-14T10:00', zone);
    const previous = [0, 1, 2].map((h) => new Date(first.getTime() + h * HOUR_MS));

    it('allows the first three', () => {
      for (const [i, at] of previous.entries()) {
        expect(callAnswer(phone, at, { coveredContactsInWindow: inWindow(previous.slice(0, i), at) })).toEqual({ reason: 'allowed' });
      }
    });

    it.each<[string, string, number]>([
      ['the fourth, at 13:00', 'frequency_cap', 3 * HOUR_MS],
      ['the fourth, the next morning at 09:59, a minute before the first leaves the window', 'frequency_cap', 23 * HOUR_MS + 59 * 60_000],
      ['the fourth, the next morning at 10:01, once the first is older than 24 hours', 'allowed', 24 * HOUR_MS + 60_000],
    ])('%s: %s', (_name, reason, afterFirstMs) => {
      const at = new Date(first.getTime() + afterFirstMs);
      const got = callAnswer(phone, at, { coveredContactsInWindow: inWindow(previous, at) });
      if (reason === 'allowed') expect(got).toEqual({ reason: 'allowed' });
      else expect(got).toEqual({ reason: 'frequency_cap', jurisdiction: `US-${state}`, citation, limit: 3, window_hours: 24, contacts_in_window: 3 });
    });

    it('a marketing text is the fourth contact as a call is; a transactional text is not held to the state cap', () => {
      const at = new Date(first.getTime() + 3 * HOUR_MS);
      expect(textAnswer(phone, at, 'marketing', { coveredContactsInWindow: 3 })).toMatchObject({
        reason: 'frequency_cap',
        jurisdiction: `US-${state}`,
        citation,
        limit: 3,
      });
      expect(textAnswer(phone, at, 'mixed', { coveredContactsInWindow: 3 })).toMatchObject({ reason: 'frequency_cap', jurisdiction: `US-${state}` });
      expect(textAnswer(phone, at, 'transactional', { coveredContactsInWindow: 3 })).toEqual({ reason: 'allowed' });
    });

    it('an informational call is not held to it', () => {
      expect(callAnswer(phone, new Date(first.getTime() + 3 * HOUR_MS), { purpose: 'informational', coveredContactsInWindow: 3 })).toEqual({
        reason: 'allowed',
      });
    });
  });

  it.each(['TX', 'WA', 'CT', 'RI', 'LA', 'AL', 'MS', 'PA', 'UT', 'MA'])('%s has no cap: a fourth call at 12:00 on a Wednesday is allowed', (state) => {
    const { phone, zone } = NUMBER_OF[state];
    expect(callAnswer(phone, localInstant('2027-04-14T12:00', zone), { coveredContactsInWindow: 3 })).toEqual({ reason: 'allowed' });
  });
});

describe('a consumer in several states: every rule of each must hold', () => {
  const EASTERN = 'America/New_York';

  it("a New York number with recipient_state FL is held to Florida's 20:00 end", () => {
    const at = localInstant('2027-04-14T20:00', EASTERN);
    expect(callAnswer(NEW_YORK, at)).toEqual({ reason: 'allowed' });
    expect(callAnswer(NEW_YORK, at, { recipientState: 'FL' })).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-FL',
      citation: 'Fla. Stat. § 501.616(6)(a)',
    });
    expect(callAnswer(NEW_YORK, localInstant('2027-04-14T19:59', EASTERN), { recipientState: 'FL' })).toEqual({ reason: 'allowed' });
  });

  it("a Florida number whose consent has address_state TX is held to Texas's Sunday noon, in Texas's latest zone (El Paso)", () => {
    const { phone } = NUMBER_OF.FL;
    // 13:59 EDT on a Sunday is 11:59 in El Paso.
    const got = callAnswer(phone, localInstant('2027-04-18T13:59', EASTERN), { addressStates: ['TX'] });
    expect(got).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-TX',
      citation: 'Tex. Bus. & Com. Code § 301.051',
      recipient_timezone: 'America/Denver',
    });
    expect(instantOf(got.next_allowed_at as string)).toBe(localInstant('2027-04-18T12:00', 'America/Denver').getTime());
    expect(callAnswer(phone, localInstant('2027-04-18T14:00', EASTERN), { addressStates: ['TX'] })).toEqual({ reason: 'allowed' });
    // Without the address, Florida alone allows a Sunday call from 08:00.
    expect(callAnswer(phone, localInstant('2027-04-18T10:00', EASTERN))).toEqual({ reason: 'allowed' });
    // And Florida's own 20:00 end still holds.
    expect(callAnswer(phone, localInstant('2027-04-18T20:00', EASTERN), { addressStates: ['TX'] })).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-FL',
    });
  });

  it('a marketing text to the same consumer is held the same way', () => {
    expect(textAnswer(NUMBER_OF.FL.phone, localInstant('2027-04-18T13:59', EASTERN), 'marketing', { addressStates: ['TX'] })).toMatchObject({
      reason: 'quiet_hours',
      jurisdiction: 'US-TX',
    });
  });
});

describe('a toll-free number is held to every state', () => {
  const EASTERN = 'America/New_York';
  const SUNDAY_BANS = ['US-AL', 'US-LA', 'US-MS', 'US-PA', 'US-RI', 'US-UT'];

  // What is left once every state holds (summer): the federal window's 08:00 in Hawaii (14:00 EDT)
  // to Rhode Island's 18:00 on weekdays and 17:00 on Saturdays; no Sunday at all.
  it.each<[string, string, Record<string, unknown>]>([
    ['Wednesday 13:59 EDT is 07:59 in Honolulu', '2027-04-14T13:59', { reason: 'quiet_hours', jurisdiction: 'US' }],
    ['Wednesday 14:00 EDT: every state and zone is open', '2027-04-14T14:00', { reason: 'allowed' }],
    ['Wednesday 17:59 EDT: open', '2027-04-14T17:59', { reason: 'allowed' }],
    [
      "Wednesday 18:00 EDT: Rhode Island's weekday end",
      '2027-04-14T18:00',
      { reason: 'quiet_hours', jurisdiction: 'US-RI', citation: 'R.I. Gen. Laws §§ 5-61-3.6, 5-61-2' },
    ],
    ['Saturday 16:59 EDT: open', '2027-04-17T16:59', { reason: 'allowed' }],
    ["Saturday 17:00 EDT: Rhode Island's Saturday end", '2027-04-17T17:00', { reason: 'quiet_hours', jurisdiction: 'US-RI' }],
    ['Good Friday 15:00 EDT: a legal holiday in Louisiana, Pennsylvania and Utah', '2027-03-26T15:00', { reason: 'holiday' }],
    [
      'Battle of New Orleans (Friday 2027-01-08) 15:00 EST: a Louisiana holiday',
      '2027-01-08T15:00',
      { reason: 'holiday', jurisdiction: 'US-LA', holiday: { name: 'Battle of New Orleans', date: '2027-01-08' } },
    ],
  ])('%s', (_name, local, expected) => {
    const got = callAnswer(TOLL_FREE, localInstant(local, EASTERN));
    expect(got).toMatchObject(expected);
    if (expected.reason === 'allowed') expect(got).toEqual({ reason: 'allowed' });
  });

  it('no Sunday at all: banned by the Sunday-ban states, next allowed on Monday at 14:00 EDT', () => {
    // Inside the federal window in every zone (14:00 EDT is 08:00 in Honolulu), so the state bans answer.
    for (const local of ['2027-04-18T14:00', '2027-04-18T17:00', '2027-04-18T20:00']) {
      const got = callAnswer(TOLL_FREE, localInstant(local, EASTERN));
      expect(got.reason, local).toBe('quiet_hours');
      expect(SUNDAY_BANS, local).toContain(got.jurisdiction);
      expect(instantOf(got.next_allowed_at as string), local).toBe(localInstant('2027-04-19T14:00', EASTERN).getTime());
    }
  });

  it('three contacts a day, as the capped states allow', () => {
    const got = callAnswer(TOLL_FREE, localInstant('2027-04-14T15:00', EASTERN), { coveredContactsInWindow: 3 });
    expect(got).toMatchObject({ reason: 'frequency_cap', limit: 3 });
    expect(['US-FL', 'US-OK', 'US-MD']).toContain(got.jurisdiction);
  });

  it('an informational call on a Sunday is held to no state rule', () => {
    expect(callAnswer(TOLL_FREE, localInstant('2027-04-18T15:00', EASTERN), { purpose: 'informational' })).toEqual({ reason: 'allowed' });
  });
});

describe("Louisiana's declared state of emergency", () => {
  const emergency = { id: 'soe_1', jurisdiction: 'US-LA' as const, from: '2027-08-26T05:00:00Z', to: '2027-09-27T05:00:00Z', note: 'hurricane' };
  const at = localInstant('2027-09-01T12:00', 'America/Chicago');

  it('blocks a covered call to a 504 number while active, citing the emergency statute, until its end', () => {
    expect(callAnswer(NUMBER_OF.LA.phone, at, { emergencies: [emergency] })).toEqual({
      reason: 'state_of_emergency',
      jurisdiction: 'US-LA',
      citation: 'La. R.S. 45:844.31',
      emergency_id: 'soe_1',
      emergency_to: '2027-09-27T05:00:00Z',
      next_allowed_at: '2027-09-27T05:00:00Z',
    });
    expect(textAnswer(NUMBER_OF.LA.phone, at, 'marketing', { emergencies: [emergency] })).toMatchObject({
      reason: 'state_of_emergency',
      jurisdiction: 'US-LA',
    });
  });

  it('does not block a Texas number, an informational call or a transactional text to Louisiana, or a call after it ends', () => {
    expect(callAnswer(NUMBER_OF.TX.phone, at, { emergencies: [emergency] })).toEqual({ reason: 'allowed' });
    expect(callAnswer(NUMBER_OF.LA.phone, at, { emergencies: [emergency], purpose: 'informational' })).toEqual({ reason: 'allowed' });
    expect(textAnswer(NUMBER_OF.LA.phone, at, 'transactional', { emergencies: [emergency] })).toEqual({ reason: 'allowed' });
    expect(callAnswer(NUMBER_OF.LA.phone, localInstant('2027-09-28T12:00', 'America/Chicago'), { emergencies: [emergency] })).toEqual({ reason: 'allowed' });
  });

  it('blocks a toll-free number, held to every state', () => {
    expect(callAnswer(TOLL_FREE, localInstant('2027-09-01T16:00', 'America/New_York'), { emergencies: [emergency] })).toMatchObject({
      reason: 'state_of_emergency',
      jurisdiction: 'US-LA',
    });
  });

  it('blocks a Texas number whose consumer gave a Louisiana address', () => {
    expect(callAnswer(NUMBER_OF.TX.phone, at, { emergencies: [emergency], addressStates: ['LA'] })).toMatchObject({
      reason: 'state_of_emergency',
      jurisdiction: 'US-LA',
    });
  });
});
