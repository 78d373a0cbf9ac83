import { describe, expect, it } from 'vitest';
import { holidayOn, holidaysOf } from '../holidayCalendars';

// Written out by hand from Ala. Code §1-3-8 (its weekend rule: Sunday → the following
// day, Saturday → the preceding day) as the Alabama Department of Archives and History
// tabulates it (archives.alabama.gov/intro/holidays.html: "Holiday / Always Falls on…")
// on a printed calendar — not derived from the code under test.
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-04-27',
    '2026-05-25',
    '2026-06-01',
    '2026-07-03',
    '2026-07-04',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-04-26',
    '2027-05-31',
    '2027-06-07',
    '2027-07-04',
    '2027-07-05',
    '2027-09-06',
    '2027-10-11',
    '2027-11-11',
    '2027-11-25',
    '2027-12-24',
    '2027-12-25',
    '2027-12-31',
  ],
  2028: [
    '2028-01-01',
    '2028-01-17',
    '2028-02-21',
    '2028-04-24',
    '2028-05-29',
    '2028-06-05',
    '2028-07-04',
    '2028-09-04',
    '2028-10-09',
    '2028-11-10',
    '2028-11-11',
    '2028-11-23',
    '2028-12-25',
  ],
};

describe('Alabama state holidays (Ala. Code §1-3-8)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`are the statute's days in ${year}`, () => {
      expect(holidaysOf('US-AL', Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("match the Archives' published 2014 dates", () => {
    for (const date of ['2014-01-20', '2014-02-17', '2014-04-28', '2014-05-26', '2014-06-02', '2014-10-13', '2014-11-27']) {
      expect(holidayOn('US-AL', date), date).not.toBeNull();
    }
  });

  it('name the Confederate days the federal calendar lacks', () => {
    expect(holidayOn('US-AL', '2026-04-27')?.name).toBe('Confederate Memorial Day');
    expect(holidayOn('US-AL', '2026-06-01')?.name).toBe("Jefferson Davis' Birthday");
    expect(holidayOn('US', '2026-04-27')).toBeNull();
  });

  it('leave out Mardi Gras, a holiday in Baldwin and Mobile counties only', () => {
    expect(holidayOn('US-AL', '2026-02-17')).toBeNull();
  });

  it('keep a weekend holiday on its day and on the weekday it is observed', () => {
    // Veterans Day 2028 is a Saturday; Independence Day 2027 a Sunday.
    expect(holidayOn('US-AL', '2028-11-10')?.name).toBe('Veterans Day (observed)');
    expect(holidayOn('US-AL', '2028-11-11')?.name).toBe('Veterans Day');
    expect(holidayOn('US-AL', '2027-07-05')?.name).toBe('Independence Day (observed)');
  });
});
