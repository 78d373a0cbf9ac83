import { describe, expect, it } from 'vitest';
import { holidayOn, holidaysOf } from '../holidayCalendars';

// Written out by hand from 44 P.S. §11 as BLR lists it ("Holidays in Pennsylvania") on a
// printed calendar, Easter from the published tables — not derived from the code under test.
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-04-03',
    '2026-05-25',
    '2026-06-14',
    '2026-06-15',
    '2026-07-04',
    '2026-09-07',
    '2026-10-12',
    '2026-11-03',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-03-26',
    '2027-05-31',
    '2027-06-14',
    '2027-07-04',
    '2027-07-05',
    '2027-09-06',
    '2027-10-11',
    '2027-11-02',
    '2027-11-11',
    '2027-11-25',
    '2027-12-25',
  ],
  2028: [
    '2028-01-01',
    '2028-01-17',
    '2028-02-21',
    '2028-04-14',
    '2028-05-29',
    '2028-06-14',
    '2028-07-04',
    '2028-09-04',
    '2028-10-09',
    '2028-11-07',
    '2028-11-11',
    '2028-11-23',
    '2028-12-25',
  ],
};

describe('Pennsylvania legal holidays (44 P.S. §11)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`are the statute's days in ${year}`, () => {
      expect(holidaysOf('US-PA', Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("match the Supreme Court's published 2007 and 2008 schedules, but for the day after Thanksgiving", () => {
    // Pa. Bulletin Doc. Nos. 06-63 and 07-83 (pacodeandbulletin.gov); Veterans Day 2007 fell on a
    // Sunday and was observed Monday 12 November.
    const published = [
      '2007-01-01',
      '2007-01-15',
      '2007-02-19',
      '2007-04-06',
      '2007-05-28',
      '2007-07-04',
      '2007-09-03',
      '2007-10-08',
      '2007-11-06',
      '2007-11-12',
      '2007-11-22',
      '2007-12-25',
      '2008-01-01',
      '2008-01-21',
      '2008-02-18',
      '2008-03-21',
      '2008-05-26',
      '2008-07-04',
      '2008-09-01',
      '2008-10-13',
      '2008-11-04',
      '2008-11-11',
      '2008-11-27',
      '2008-12-25',
    ];
    for (const date of published) expect(holidayOn('US-PA', date), date).not.toBeNull();
    // A court staff day off, not a legal holiday under §11.
    expect(holidayOn('US-PA', '2007-11-23')).toBeNull();
  });

  it('move a Sunday holiday to Monday but leave a Saturday one on its day', () => {
    expect(holidayOn('US-PA', '2026-06-15')?.name).toBe('Flag Day (observed)');
    expect(holidayOn('US-PA', '2026-07-03')).toBeNull(); // 4 July 2026 is a Saturday
    expect(holidayOn('US-PA', '2026-07-04')?.name).toBe('Independence Day');
  });

  it('hold Election Day every year: Pennsylvania votes each November', () => {
    expect(holidayOn('US-PA', '2027-11-02')?.name).toBe('Election Day');
  });
});
