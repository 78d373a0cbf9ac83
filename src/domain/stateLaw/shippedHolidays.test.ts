/**
 * Every state holiday calendar the shipped rule data names, for 2026, 2027
 * and 2028: a telemarketing call at 12:00 local on each holiday is blocked
 * (reason `holiday`, the holiday's name and date), and the next ordinary
 * weekday is not. The dates are typed here from each holiday statute's rules
 * (5 U.S.C. 6103; La. R.S. 1:55; Ala. Code § 1-3-8; 44 P.S. § 11; R.I. Gen.
 * Laws § 25-1-1; Utah Code § 63G-1-301) and the published calendars, not
 * computed by the code under test nor read from the data file.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { callAnswer, instantOf, localInstant, NUMBER_OF, textAnswer } from '../../../test/support/shippedRuleFacts';

type Day = [date: string, name: string];

// The federal holidays as observed (Saturday → Friday, Sunday → Monday), with their federal names.
const FEDERAL: Day[] = [
  ['2026-01-01', "New Year's Day"],
  ['2026-01-19', 'Birthday of Martin Luther King, Jr.'],
  ['2026-02-16', "Washington's Birthday"],
  ['2026-05-25', 'Memorial Day'],
  ['2026-06-19', 'Juneteenth National Independence Day'],
  ['2026-07-03', 'Independence Day'],
  ['2026-09-07', 'Labor Day'],
  ['2026-10-12', 'Columbus Day'],
  ['2026-11-11', 'Veterans Day'],
  ['2026-11-26', 'Thanksgiving Day'],
  ['2026-12-25', 'Christmas Day'],
  ['2027-01-01', "New Year's Day"],
  ['2027-01-18', 'Birthday of Martin Luther King, Jr.'],
  ['2027-02-15', "Washington's Birthday"],
  ['2027-05-31', 'Memorial Day'],
  ['2027-06-18', 'Juneteenth National Independence Day'],
  ['2027-07-05', 'Independence Day'],
  ['2027-09-06', 'Labor Day'],
  ['2027-10-11', 'Columbus Day'],
  ['2027-11-11', 'Veterans Day'],
  ['2027-11-25', 'Thanksgiving Day'],
  ['2027-12-24', 'Christmas Day'],
  ['2027-12-31', "New Year's Day"], // 1 January 2028 is a Saturday
  ['2028-01-17', 'Birthday of Martin Luther King, Jr.'],
  ['2028-02-21', "Washington's Birthday"],
  ['2028-05-29', 'Memorial Day'],
  ['2028-06-19', 'Juneteenth National Independence Day'],
  ['2028-07-04', 'Independence Day'],
  ['2028-09-04', 'Labor Day'],
  ['2028-10-09', 'Columbus Day'],
  ['2028-11-10', 'Veterans Day'],
  ['2028-11-23', 'Thanksgiving Day'],
  ['2028-12-25', 'Christmas Day'],
];

// Easter: 2026-04-05, 2027-03-28, 2028-04-16.
const GOOD_FRIDAYS: Day[] = [
  ['2026-04-03', 'Good Friday'],
  ['2027-03-26', 'Good Friday'],
  ['2028-04-14', 'Good Friday'],
];

interface StateCalendar {
  state: string;
  citation: string;
  /** Each holiday the rule holds that is not one of the federal days above (or, for Utah, every one). */
  days: Day[];
  /** Whether the federal calendar is held too (its names answer on its days). */
  federal: boolean;
}

const CALENDARS: StateCalendar[] = [
  {
    state: 'LA',
    citation: 'LPSC General Order R-29617 § V(A)(2); holidays: La. R.S. 1:55',
    federal: true,
    days: [
      ['2026-01-08', 'Battle of New Orleans'],
      ['2026-02-17', 'Mardi Gras'],
      ...GOOD_FRIDAYS.slice(0, 1),
      ['2026-07-04', 'Independence Day'],
      ['2026-08-30', 'Huey P. Long Day'],
      ['2026-11-01', "All Saints' Day"],
      ['2027-01-08', 'Battle of New Orleans'],
      ['2027-02-09', 'Mardi Gras'],
      GOOD_FRIDAYS[1],
      ['2027-07-04', 'Independence Day'],
      ['2027-08-30', 'Huey P. Long Day'],
      ['2027-11-01', "All Saints' Day"],
      ['2027-12-25', 'Christmas Day'],
      ['2028-01-01', "New Year's Day"],
      ['2028-01-08', 'Battle of New Orleans'],
      ['2028-02-29', 'Mardi Gras'],
      GOOD_FRIDAYS[2],
      ['2028-08-30', 'Huey P. Long Day'],
      ['2028-11-01', "All Saints' Day"],
      ['2028-11-11', "Veterans' Day"],
    ],
  },
  {
    state: 'AL',
    citation: 'Ala. Admin. Code r. 770-X-5-.17(1)(b); holidays: Ala. Code § 1-3-8',
    federal: true,
    days: [
      ['2026-04-27', 'Confederate Memorial Day'],
      ['2026-06-01', "Jefferson Davis' Birthday"],
      ['2026-07-04', 'Independence Day'],
      ['2027-04-26', 'Confederate Memorial Day'],
      ['2027-06-07', "Jefferson Davis' Birthday"],
      ['2027-07-04', 'Independence Day'],
      ['2027-12-25', 'Christmas Day'],
      ['2028-01-01', "New Year's Day"],
      ['2028-04-24', 'Confederate Memorial Day'],
      ['2028-06-05', "Jefferson Davis' Birthday"],
      ['2028-11-11', 'Veterans Day'],
    ],
  },
  {
    state: 'PA',
    citation: '73 P.S. § 2245(a)(10); holidays: 44 P.S. § 11',
    federal: true,
    days: [
      GOOD_FRIDAYS[0],
      ['2026-06-14', 'Flag Day'],
      ['2026-06-15', 'Flag Day (observed)'],
      ['2026-07-04', 'Independence Day'],
      ['2026-11-03', 'Election Day'],
      GOOD_FRIDAYS[1],
      ['2027-06-14', 'Flag Day'],
      ['2027-07-04', 'Independence Day'],
      ['2027-11-02', 'Election Day'],
      ['2027-12-25', 'Christmas Day'],
      ['2028-01-01', "New Year's Day"],
      GOOD_FRIDAYS[2],
      ['2028-06-14', 'Flag Day'],
      ['2028-11-07', 'Election Day'],
      ['2028-11-11', "Veterans' Day"],
    ],
  },
  {
    state: 'RI',
    citation: 'R.I. Gen. Laws § 5-61-2; holidays: § 25-1-1 and 5 U.S.C. 6103',
    federal: true,
    days: [
      ['2026-05-04', 'Rhode Island Independence Day'],
      ['2026-07-04', 'Independence Day'],
      ['2026-07-06', 'Independence Day (observed)'],
      ['2026-08-10', 'Victory Day'],
      ['2026-11-03', 'Election Day'],
      ['2027-05-04', 'Rhode Island Independence Day'],
      ['2027-07-04', 'Independence Day'],
      ['2027-08-09', 'Victory Day'],
      ['2027-12-25', 'Christmas Day'],
      ['2027-12-27', 'Christmas Day (observed)'],
      ['2028-01-01', "New Year's Day"],
      ['2028-01-03', "New Year's Day (observed)"],
      ['2028-05-04', 'Rhode Island Independence Day'],
      ['2028-08-14', 'Victory Day'],
      ['2028-11-07', 'Election Day'],
      ['2028-11-11', "Veterans' Day"],
      ['2028-11-13', "Veterans' Day (observed)"],
    ],
  },
  {
    // Utah's own list only: every federal day is on it under Utah's names; Juneteenth moves to a Monday.
    state: 'UT',
    citation: 'Utah Code § 13-25a-103(3)(c); holidays: Utah Code § 63G-1-301',
    federal: false,
    days: [
      ['2026-01-01', "New Year's Day"],
      ['2026-01-19', 'Dr. Martin Luther King, Jr. Day'],
      ['2026-02-16', "Presidents' Day"],
      GOOD_FRIDAYS[0],
      ['2026-05-25', 'Memorial Day'],
      ['2026-06-15', 'Juneteenth National Freedom Day (observed)'],
      ['2026-06-19', 'Juneteenth National Freedom Day'],
      ['2026-07-03', 'Independence Day (observed)'],
      ['2026-07-04', 'Independence Day'],
      ['2026-07-24', 'Pioneer Day'],
      ['2026-09-07', 'Labor Day'],
      ['2026-10-12', 'Columbus Day'],
      ['2026-11-11', 'Veterans Day'],
      ['2026-11-26', 'Thanksgiving Day'],
      ['2026-12-25', 'Christmas'],
      ['2027-01-01', "New Year's Day"],
      ['2027-01-18', 'Dr. Martin Luther King, Jr. Day'],
      ['2027-02-15', "Presidents' Day"],
      GOOD_FRIDAYS[1],
      ['2027-05-31', 'Memorial Day'],
      ['2027-06-19', 'Juneteenth National Freedom Day'],
      ['2027-06-21', 'Juneteenth National Freedom Day (observed)'],
      ['2027-07-04', 'Independence Day'],
      ['2027-07-05', 'Independence Day (observed)'],
      ['2027-07-23', 'Pioneer Day (observed)'],
      ['2027-07-24', 'Pioneer Day'],
      ['2027-09-06', 'Labor Day'],
      ['2027-10-11', 'Columbus Day'],
      ['2027-11-02', 'Election Day'],
      ['2027-11-11', 'Veterans Day'],
      ['2027-11-25', 'Thanksgiving Day'],
      ['2027-12-24', 'Christmas (observed)'],
      ['2027-12-25', 'Christmas'],
      ['2027-12-31', "New Year's Day (observed)"],
      ['2028-01-01', "New Year's Day"],
      ['2028-01-17', 'Dr. Martin Luther King, Jr. Day'],
      ['2028-02-21', "Presidents' Day"],
      GOOD_FRIDAYS[2],
      ['2028-05-29', 'Memorial Day'],
      ['2028-06-19', 'Juneteenth National Freedom Day'],
      ['2028-07-04', 'Independence Day'],
      ['2028-07-24', 'Pioneer Day'],
      ['2028-09-04', 'Labor Day'],
      ['2028-10-09', 'Columbus Day'],
      ['2028-11-07', 'Election Day'],
      ['2028-11-10', 'Veterans Day (observed)'],
      ['2028-11-11', 'Veterans Day'],
      ['2028-11-23', 'Thanksgiving Day'],
      ['2028-12-25', 'Christmas'],
    ],
  },
];

/** Whether the state allows no call at all on a Sunday on `date`: all five do, Pennsylvania only from 18 October 2026. */
const sundayBanned = (state: string, date: string) => state !== 'PA' || date >= '2026-10-18';
const weekdayOf = (date: string) => DateTime.fromISO(date).weekday; // 1 = Monday … 7 = Sunday

interface Row {
  state: string;
  date: string;
  name: string;
  dayAfter: string;
}

function rowsOf(c: StateCalendar): Row[] {
  const all = [...(c.federal ? FEDERAL : []), ...c.days].sort(([a], [b]) => a.localeCompare(b));
  const holidays = new Set(all.map(([d]) => d));
  const nextOrdinaryWeekday = (date: string) => {
    let day = DateTime.fromISO(date).plus({ days: 1 });
    while (day.weekday > 5 || holidays.has(day.toISODate()!)) day = day.plus({ days: 1 });
    return day.toISODate()!;
  };
  return all.map(([date, name]) => ({ state: c.state, date, name, dayAfter: nextOrdinaryWeekday(date) }));
}

const ROWS = CALENDARS.flatMap(rowsOf);

describe('state holidays, 2026 to 2028', () => {
  it('covers every state whose rules name holidays', () => {
    expect(CALENDARS.map((c) => c.state).sort()).toEqual(['AL', 'LA', 'PA', 'RI', 'UT']);
  });

  it.each(ROWS.map((r) => [`${r.state} ${r.date} ${r.name}`, r] as const))('%s: blocked at 12:00, the next ordinary weekday is not', (_name, row) => {
    const { phone, zone } = NUMBER_OF[row.state];
    const got = callAnswer(phone, localInstant(`${row.date}T12:00`, zone));
    if (weekdayOf(row.date) === 7 && sundayBanned(row.state, row.date)) {
      // A Sunday holiday in a state without Sunday calls: the hours rule answers first.
      expect(got).toMatchObject({ reason: 'quiet_hours', jurisdiction: `US-${row.state}` });
    } else {
      const citation = CALENDARS.find((c) => c.state === row.state)!.citation;
      expect(got).toMatchObject({ reason: 'holiday', jurisdiction: `US-${row.state}`, citation, holiday: { name: row.name, date: row.date } });
    }
    expect(callAnswer(phone, localInstant(`${row.dayAfter}T12:00`, zone)), row.dayAfter).toEqual({ reason: 'allowed' });
  });

  it.each<[string, string, string, string]>([
    ['LA', 'Sunday 2027-07-04, Independence Day observed on the Monday', '2027-07-04T12:00', '2027-07-06T08:00'],
    ['RI', 'Saturday 2027-12-25 after 17:00, Christmas observed on the Monday', '2027-12-25T17:30', '2027-12-28T09:00'],
    ['AL', 'Saturday 2028-01-01 (New Year), then a Sunday', '2028-01-01T12:00', '2028-01-03T08:00'],
    ['UT', 'Friday 2027-07-23 (Pioneer Day observed), Saturday the day itself, then a Sunday', '2027-07-23T12:00', '2027-07-26T08:00'],
  ])('%s: %s is next allowed at the first opening past every closed day', (state, _name, local, next) => {
    const { phone, zone } = NUMBER_OF[state];
    const got = callAnswer(phone, localInstant(local, zone));
    expect(got.reason).not.toBe('allowed');
    expect(instantOf(got.next_allowed_at as string)).toBe(localInstant(next, zone).getTime());
  });

  it('a marketing text on a holiday is blocked as a call is; a transactional one is not', () => {
    const { phone, zone } = NUMBER_OF.LA;
    const at = localInstant('2027-02-09T12:00', zone);
    expect(textAnswer(phone, at, 'marketing')).toMatchObject({ reason: 'holiday', jurisdiction: 'US-LA', holiday: { name: 'Mardi Gras', date: '2027-02-09' } });
    expect(textAnswer(phone, at, 'transactional')).toEqual({ reason: 'allowed' });
  });

  it('an informational call on a holiday is held to no state rule', () => {
    const { phone, zone } = NUMBER_OF.AL;
    expect(callAnswer(phone, localInstant('2027-04-26T12:00', zone), { purpose: 'informational' })).toEqual({ reason: 'allowed' });
  });

  it.each(['FL', 'OK', 'MD', 'TX', 'WA', 'CT', 'MS', 'MA'])('%s names no holidays: Thanksgiving 2027 at 12:00 is allowed', (state) => {
    const { phone, zone } = NUMBER_OF[state];
    expect(callAnswer(phone, localInstant('2027-11-25T12:00', zone))).toEqual({ reason: 'allowed' });
  });
});
