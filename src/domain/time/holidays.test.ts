import { describe, it, expect } from 'vitest';
import { federalHolidays, isBusinessDay } from './holidays';

// Expected lists written out by hand from a calendar, not derived from the rules under test.
const EXPECTED_HOLIDAYS: Record<number, [observed: string, actual: string, name: string][]> = {
  2026: [
    ['2026-01-01', '2026-01-01', "New Year's Day"],
    ['2026-01-19', '2026-01-19', 'Birthday of Martin Luther King, Jr.'],
    ['2026-02-16', '2026-02-16', "Washington's Birthday"],
    ['2026-05-25', '2026-05-25', 'Memorial Day'],
    ['2026-06-19', '2026-06-19', 'Juneteenth National Independence Day'],
    ['2026-07-03', '2026-07-04', 'Independence Day'],
    ['2026-09-07', '2026-09-07', 'Labor Day'],
    ['2026-10-12', '2026-10-12', 'Columbus Day'],
    ['2026-11-11', '2026-11-11', 'Veterans Day'],
    ['2026-11-26', '2026-11-26', 'Thanksgiving Day'],
    ['2026-12-25', '2026-12-25', 'Christmas Day'],
  ],
  2027: [
    ['2027-01-01', '2027-01-01', "New Year's Day"],
    ['2027-01-18', '2027-01-18', 'Birthday of Martin Luther King, Jr.'],
    ['2027-02-15', '2027-02-15', "Washington's Birthday"],
    ['2027-05-31', '2027-05-31', 'Memorial Day'],
    ['2027-06-18', '2027-06-19', 'Juneteenth National Independence Day'],
    ['2027-07-05', '2027-07-04', 'Independence Day'],
    ['2027-09-06', '2027-09-06', 'Labor Day'],
    ['2027-10-11', '2027-10-11', 'Columbus Day'],
    ['2027-11-11', '2027-11-11', 'Veterans Day'],
    ['2027-11-25', '2027-11-25', 'Thanksgiving Day'],
    ['2027-12-24', '2027-12-25', 'Christmas Day'],
  ],
  2028: [
    ['2027-12-31', '2028-01-01', "New Year's Day"],
    ['2028-01-17', '2028-01-17', 'Birthday of Martin Luther King, Jr.'],
    ['2028-02-21', '2028-02-21', "Washington's Birthday"],
    ['2028-05-29', '2028-05-29', 'Memorial Day'],
    ['2028-06-19', '2028-06-19', 'Juneteenth National Independence Day'],
    ['2028-07-04', '2028-07-04', 'Independence Day'],
    ['2028-09-04', '2028-09-04', 'Labor Day'],
    ['2028-10-09', '2028-10-09', 'Columbus Day'],
    ['2028-11-10', '2028-11-11', 'Veterans Day'],
    ['2028-11-23', '2028-11-23', 'Thanksgiving Day'],
    ['2028-12-25', '2028-12-25', 'Christmas Day'],
  ],
};

describe('federalHolidays lists the 11 holidays of 5 U.S.C. 6103 with observed dates', () => {
  for (const [year, expected] of Object.entries(EXPECTED_HOLIDAYS)) {
    it(`federalHolidays(${year}) is complete and observed correctly`, () => {
      expect(federalHolidays(Number(year))).toEqual(expected.map(([date, actual, name]) => ({ date, actual, name })));
    });
  }

  it('federalHolidays omits Juneteenth before it became a holiday in 2021', () => {
    expect(federalHolidays(2020).map((h) => h.name)).not.toContain('Juneteenth National Independence Day');
    expect(federalHolidays(2020)).toHaveLength(10);
    expect(federalHolidays(2021)).toHaveLength(11);
    // 2021-06-19 was a Saturday: observed Friday 2021-06-18.
    expect(federalHolidays(2021)[4]).toEqual({
      date: '2021-06-18',
      actual: '2021-06-19',
      name: 'Juneteenth National Independence Day',
    });
  });

  it('federalHolidays rejects a year that is not a four-digit integer', () => {
    expect(() => federalHolidays(2026.5)).toThrow(RangeError);
    expect(() => federalHolidays(99)).toThrow(RangeError);
  });
});

describe('isBusinessDay excludes weekends and observed federal holidays', () => {
  const cases: [date: string, business: boolean, why: string][] = [
    ['2026-04-10', true, 'an ordinary Friday'],
    ['2026-04-11', false, 'a Saturday'],
    ['2026-04-12', false, 'a Sunday'],
    ['2026-04-13', true, 'an ordinary Monday'],
    ['2026-07-03', false, 'Independence Day 2026 (Saturday) observed on Friday'],
    ['2026-07-04', false, 'the Saturday Independence Day itself (a weekend)'],
    ['2026-07-06', true, 'the Monday after a Saturday holiday is a working day'],
    ['2027-06-18', false, 'Juneteenth 2027 (Saturday) observed on Friday'],
    ['2027-07-05', false, 'Independence Day 2027 (Sunday) observed on Monday'],
    ['2027-12-24', false, 'Christmas 2027 (Saturday) observed on Friday'],
    ['2027-12-31', false, "New Year's Day 2028 (Saturday) observed on Friday of the previous year"],
    ['2027-12-30', true, 'the Thursday before'],
    ['2028-01-03', true, 'the first Monday of 2028 is a working day'],
    ['2028-11-10', false, 'Veterans Day 2028 (Saturday) observed on Friday'],
    ['2028-02-29', true, 'a leap day Tuesday'],
    ['2026-12-31', true, "New Year's Day 2027 is a Friday, so 2026-12-31 stays a working day"],
    ['2029-01-01', false, "New Year's Day 2029, a Monday"],
  ];
  for (const [date, business, why] of cases) {
    it(`isBusinessDay('${date}') is ${business}: ${why}`, () => {
      expect(isBusinessDay(date)).toBe(business);
    });
  }

  it('isBusinessDay rejects malformed and impossible dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-4-10', '20260410', '', '2026-04-10T00:00:00Z']) {
      expect(() => isBusinessDay(bad)).toThrow(RangeError);
    }
  });
});
