import { describe, expect, it } from 'vitest';
import { holidayOn, holidaysOf } from '../holidayCalendars';

// Written out by hand from R.I. Gen. Laws §25-1-1 on a printed calendar and checked against
// the state's published lists (ri.gov's 2026 state holidays; the Secretary of State's
// 2019-2021 table, sos.ri.gov/divisions/civics-and-education/reference-desk/ri-state-holidays)
// — not derived from the code under test. The published lists are state employees' days
// off and omit two days the statute names (Washington's Birthday, 4 May).
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-04',
    '2026-05-25',
    '2026-07-04',
    '2026-07-06',
    '2026-08-10',
    '2026-09-07',
    '2026-10-12',
    '2026-11-03',
    '2026-11-11',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-05-04',
    '2027-05-31',
    '2027-07-04',
    '2027-07-05',
    '2027-08-09',
    '2027-09-06',
    '2027-10-11',
    '2027-11-11',
    '2027-12-25',
    '2027-12-27',
  ],
  2028: [
    '2028-01-01',
    '2028-01-03',
    '2028-01-17',
    '2028-02-21',
    '2028-05-04',
    '2028-05-29',
    '2028-07-04',
    '2028-08-14',
    '2028-09-04',
    '2028-10-09',
    '2028-11-07',
    '2028-11-11',
    '2028-11-13',
    '2028-12-25',
  ],
};

describe('Rhode Island holidays (R.I. Gen. Laws §25-1-1)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`are the statute's days in ${year}`, () => {
      expect(holidaysOf('US-RI', Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("hold every day of the state's published 2026 list (Thanksgiving through the federal calendar)", () => {
    const published = [
      '2026-01-01',
      '2026-01-19',
      '2026-05-25',
      '2026-07-04',
      '2026-07-06',
      '2026-08-10',
      '2026-09-07',
      '2026-10-12',
      '2026-11-03',
      '2026-11-11',
      '2026-12-25',
    ];
    for (const date of published) expect(holidayOn('US-RI', date), date).not.toBeNull();
    expect(holidayOn('US', '2026-11-26')?.name).toBe('Thanksgiving Day');
  });

  it("move a weekend holiday to the following Monday, as the Secretary of State's table does", () => {
    expect(holidayOn('US-RI', '2020-07-06')?.name).toBe('Independence Day (observed)'); // Saturday 4 July 2020
    expect(holidayOn('US-RI', '2021-07-05')?.name).toBe('Independence Day (observed)'); // Sunday 4 July 2021
    expect(holidayOn('US-RI', '2021-12-27')?.name).toBe('Christmas Day (observed)'); // Saturday 25 December 2021
    expect(holidayOn('US-RI', '2021-12-24')).toBeNull(); // never the Friday before
  });

  it('hold Election Day only in the even years state officers are elected', () => {
    expect(holidayOn('US-RI', '2020-11-03')?.name).toBe('Election Day');
    expect(holidayOn('US-RI', '2027-11-02')).toBeNull();
  });
});
