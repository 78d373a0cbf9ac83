import { describe, expect, it } from 'vitest';
import { holidayOn, holidaysOf } from '../holidayCalendars';

// Written out by hand from La. R.S. 1:55(A)(1) (legis.la.gov/legis/Law.aspx?d=74097) on a
// printed calendar, Easter from the published Easter tables (5 Apr 2026, 28 Mar 2027,
// 16 Apr 2028), weekend moves as the Orleans civil clerk publishes R.S. 1:55(E)
// (orleanscivilclerk.com/holidays.html) — not derived from the code under test.
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-08',
    '2026-01-19',
    '2026-02-16',
    '2026-02-17',
    '2026-04-03',
    '2026-05-25',
    '2026-07-03',
    '2026-07-04',
    '2026-08-30',
    '2026-09-07',
    '2026-10-12',
    '2026-11-01',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-08',
    '2027-01-18',
    '2027-02-09',
    '2027-02-15',
    '2027-03-26',
    '2027-05-31',
    '2027-07-04',
    '2027-07-05',
    '2027-08-30',
    '2027-09-06',
    '2027-10-11',
    '2027-11-01',
    '2027-11-11',
    '2027-11-25',
    '2027-12-24',
    '2027-12-25',
    '2027-12-31',
  ],
  2028: [
    '2028-01-01',
    '2028-01-08',
    '2028-01-17',
    '2028-02-21',
    '2028-02-29',
    '2028-04-14',
    '2028-05-29',
    '2028-07-04',
    '2028-08-30',
    '2028-09-04',
    '2028-10-09',
    '2028-11-01',
    '2028-11-11',
    '2028-11-23',
    '2028-12-25',
  ],
};

describe('Louisiana legal holidays (La. R.S. 1:55)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`are the statute's days in ${year}`, () => {
      expect(holidaysOf('US-LA', Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it('keep Mardi Gras and Good Friday moving with Easter', () => {
    expect(holidayOn('US-LA', '2027-02-09')?.name).toBe('Mardi Gras');
    expect(holidayOn('US-LA', '2028-02-29')?.name).toBe('Mardi Gras');
    expect(holidayOn('US-LA', '2026-04-03')?.name).toBe('Good Friday');
  });

  it("move New Year's Day, Independence Day and Christmas off a weekend and keep the day itself", () => {
    // 2023-01-01 was a Sunday: the clerk's 2023 calendar closes Monday 2 January.
    expect(holidayOn('US-LA', '2023-01-02')?.name).toBe("New Year's Day (observed)");
    // 4 July 2026 is a Saturday: Friday the 3rd and the Saturday itself.
    expect(holidayOn('US-LA', '2026-07-03')?.name).toBe('Independence Day (observed)');
    expect(holidayOn('US-LA', '2026-07-04')?.name).toBe('Independence Day');
    // New Year's Day 2028 is a Saturday: Friday 31 December 2027 belongs to 2027's list.
    expect(holidayOn('US-LA', '2027-12-31')?.name).toBe("New Year's Day (observed)");
    // A weekend day of the other holidays does not move: All Saints' Day 2026 is a Sunday.
    expect(holidayOn('US-LA', '2026-11-02')).toBeNull();
  });

  it('match the Orleans civil clerk on the days both list (2023)', () => {
    for (const date of [
      '2023-01-16',
      '2023-02-20',
      '2023-02-21',
      '2023-04-07',
      '2023-05-29',
      '2023-07-04',
      '2023-09-04',
      '2023-11-01',
      '2023-11-23',
      '2023-12-25',
    ]) {
      expect(holidayOn('US-LA', date), date).not.toBeNull();
    }
  });
});
