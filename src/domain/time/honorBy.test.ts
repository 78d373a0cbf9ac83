import { describe, it, expect } from 'vitest';
import { honorByDate } from './honorBy';

// Each expectation was counted by hand on a printed calendar: ten business days
// after the capture day, skipping weekends and observed federal holidays.
// The capture is the last business day before each observed holiday of
// 2026–2028 (so the holiday is the first day skipped), at 14:30:15Z.
const AROUND_EVERY_HOLIDAY: [holiday: string, captured: string, honorBy: string][] = [
  // 2026
  ["New Year's Day 2026 (Thu)", '2025-12-31', '2026-01-15'],
  ['MLK Day 2026 (Mon 01-19)', '2026-01-16', '2026-02-02'],
  ["Washington's Birthday 2026 (Mon 02-16)", '2026-02-13', '2026-03-02'],
  ['Memorial Day 2026 (Mon 05-25)', '2026-05-22', '2026-06-08'],
  ['Juneteenth 2026 (Fri) and July 4 observed Fri 07-03 in one window', '2026-06-18', '2026-07-06'],
  ['Independence Day 2026 (Sat) observed Fri 07-03', '2026-07-02', '2026-07-17'],
  ['Labor Day 2026 (Mon 09-07)', '2026-09-04', '2026-09-21'],
  ['Columbus Day 2026 (Mon 10-12)', '2026-10-09', '2026-10-26'],
  ['Veterans Day 2026 (Wed)', '2026-11-10', '2026-11-25'],
  ['Thanksgiving 2026 (Thu 11-26)', '2026-11-25', '2026-12-10'],
  ["Christmas 2026 (Fri) and New Year's Day 2027 (Fri) in one window", '2026-12-24', '2027-01-11'],
  // 2027
  ["New Year's Day 2027 (Fri)", '2026-12-31', '2027-01-15'],
  ['MLK Day 2027 (Mon 01-18)', '2027-01-15', '2027-02-01'],
  ["Washington's Birthday 2027 (Mon 02-15)", '2027-02-12', '2027-03-01'],
  ['Memorial Day 2027 (Mon 05-31)', '2027-05-28', '2027-06-14'],
  ['Juneteenth 2027 (Sat) observed Fri 06-18', '2027-06-17', '2027-07-02'],
  ['Independence Day 2027 (Sun) observed Mon 07-05', '2027-07-02', '2027-07-19'],
  ['Labor Day 2027 (Mon 09-06)', '2027-09-03', '2027-09-20'],
  ['Columbus Day 2027 (Mon 10-11)', '2027-10-08', '2027-10-25'],
  ['Veterans Day 2027 (Thu) and Thanksgiving (Thu 11-25) in one window', '2027-11-10', '2027-11-26'],
  ['Thanksgiving 2027 (Thu 11-25)', '2027-11-24', '2027-12-09'],
  ['Christmas 2027 (Sat) observed Fri 12-24, then New Year 2028 observed Fri 12-31', '2027-12-23', '2028-01-10'],
  // 2028
  ["New Year's Day 2028 (Sat) observed Fri 2027-12-31", '2027-12-30', '2028-01-14'],
  ['MLK Day 2028 (Mon 01-17)', '2028-01-14', '2028-01-31'],
  ["Washington's Birthday 2028 (Mon 02-21), across the leap day", '2028-02-18', '2028-03-06'],
  ['Memorial Day 2028 (Mon 05-29)', '2028-05-26', '2028-06-12'],
  ['Juneteenth 2028 (Mon)', '2028-06-16', '2028-07-03'],
  ['Independence Day 2028 (Tue)', '2028-07-03', '2028-07-18'],
  ['Labor Day 2028 (Mon 09-04)', '2028-09-01', '2028-09-18'],
  ['Columbus Day 2028 (Mon 10-09)', '2028-10-06', '2028-10-23'],
  ['Veterans Day 2028 (Sat) observed Fri 11-10, then Thanksgiving 11-23', '2028-11-09', '2028-11-27'],
  ['Thanksgiving 2028 (Thu 11-23)', '2028-11-22', '2028-12-07'],
  ["Christmas 2028 (Mon) and New Year's Day 2029 (Mon)", '2028-12-22', '2029-01-09'],
];

describe('honorByDate counts 10 business days past every federal holiday of 2026-2028', () => {
  for (const [holiday, captured, honorBy] of AROUND_EVERY_HOLIDAY) {
    it(`honorByDate skips ${holiday}: captured ${captured} → ${honorBy}`, () => {
      expect(honorByDate(new Date(`${captured}T14:30:15Z`)).toISOString()).toBe(`${honorBy}T14:30:15.000Z`);
    });
  }
});

describe('honorByDate', () => {
  const cases: [rule: string, capturedAt: string, honorBy: string][] = [
    ['matches the contract example', '2026-04-10T15:43:10Z', '2026-04-24T15:43:10.000Z'],
    ['does not count the capture day itself', '2026-04-13T09:00:00Z', '2026-04-27T09:00:00.000Z'],
    ['starts counting on Monday for a Saturday capture', '2026-04-11T15:43:10Z', '2026-04-24T15:43:10.000Z'],
    ['starts counting on Monday for a Sunday capture', '2026-04-12T15:43:10Z', '2026-04-24T15:43:10.000Z'],
    ['skips a Monday holiday after a weekend capture', '2027-07-03T10:00:00Z', '2027-07-19T10:00:00.000Z'],
    ['counts from the observed New Year 2028 when captured on that Friday', '2027-12-31T12:00:00Z', '2028-01-14T12:00:00.000Z'],
    ['keeps the time of day to the second (end of day)', '2026-04-10T23:59:59Z', '2026-04-24T23:59:59.000Z'],
    ['keeps the time of day at midnight', '2026-04-10T00:00:00Z', '2026-04-24T00:00:00.000Z'],
    ['keeps milliseconds', '2026-04-10T15:43:10.250Z', '2026-04-24T15:43:10.250Z'],
    // 22:00 Friday in New York is Saturday 02:00Z: counted from the UTC Saturday.
    ['reads the capture day on the UTC calendar', '2026-04-10T22:00:00-04:00', '2026-04-24T02:00:00.000Z'],
    // 2020 had no Juneteenth holiday: Thu 2020-06-18 + 10 business days = Thu 2020-07-02.
    ['replays a 2020 capture with 2020 law', '2020-06-18T12:00:00Z', '2020-07-02T12:00:00.000Z'],
  ];
  for (const [rule, capturedAt, honorBy] of cases) {
    it(`honorByDate ${rule}`, () => {
      expect(honorByDate(new Date(capturedAt)).toISOString()).toBe(honorBy);
    });
  }

  it('honorByDate rejects an invalid date', () => {
    expect(() => honorByDate(new Date('not a date'))).toThrow(RangeError);
  });
});
