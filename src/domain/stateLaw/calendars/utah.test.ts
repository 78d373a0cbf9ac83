import { describe, expect, it } from 'vitest';
import { holidayOn, holidaysOf } from '../holidayCalendars';

// Written out by hand from Utah Code §63G-1-301 (the text in force from 6 May 2026:
// fixed days Saturday → Friday, Sunday → Monday; Juneteenth to its Monday) on a printed
// calendar, Easter from the published tables — not derived from the code under test.
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-04-03',
    '2026-05-25',
    '2026-06-15',
    '2026-06-19',
    '2026-07-03',
    '2026-07-04',
    '2026-07-24',
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
    '2027-03-26',
    '2027-05-31',
    '2027-06-19',
    '2027-06-21',
    '2027-07-04',
    '2027-07-05',
    '2027-07-23',
    '2027-07-24',
    '2027-09-06',
    '2027-10-11',
    '2027-11-02',
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
    '2028-04-14',
    '2028-05-29',
    '2028-06-19',
    '2028-07-04',
    '2028-07-24',
    '2028-09-04',
    '2028-10-09',
    '2028-11-07',
    '2028-11-10',
    '2028-11-11',
    '2028-11-23',
    '2028-12-25',
  ],
};

describe('Utah legal holidays (Utah Code §63G-1-301)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`are the statute's days in ${year}`, () => {
      expect(holidaysOf('US-UT', Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it('hold Pioneer Day, which no other calendar has, and move it off a Saturday', () => {
    expect(holidayOn('US-UT', '2026-07-24')?.name).toBe('Pioneer Day');
    expect(holidayOn('US', '2026-07-24')).toBeNull();
    expect(holidayOn('US-UT', '2027-07-23')?.name).toBe('Pioneer Day (observed)');
  });

  it('move Juneteenth to the Monday before on a weekday and after on a weekend', () => {
    expect(holidayOn('US-UT', '2026-06-15')?.name).toBe('Juneteenth National Freedom Day (observed)'); // Friday 19 June
    expect(holidayOn('US-UT', '2027-06-21')?.name).toBe('Juneteenth National Freedom Day (observed)'); // Saturday 19 June
    expect(holidayOn('US-UT', '2028-06-19')?.name).toBe('Juneteenth National Freedom Day'); // a Monday already
  });

  it('hold Election Day only from 2027, when it is reported to join the list', () => {
    expect(holidayOn('US-UT', '2026-11-03')).toBeNull();
    expect(holidayOn('US-UT', '2027-11-02')?.name).toBe('Election Day');
  });
});
