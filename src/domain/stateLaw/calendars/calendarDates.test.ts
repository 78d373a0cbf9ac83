import { describe, expect, it } from 'vitest';
import { easterSunday, formatDay, fridayOrMondayFor, dayNumber, mondayAfterWeekend } from './calendarDates';

describe('easterSunday', () => {
  // Western Easter dates as published in the standard tables (including the earliest
  // possible, 22 March, and the latest, 25 April).
  const PUBLISHED: [number, string][] = [
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ];
  for (const [year, date] of PUBLISHED) {
    it(`is ${date} in ${year}`, () => expect(formatDay(easterSunday(year))).toBe(date));
  }
});

describe('weekend moves', () => {
  it('move a Saturday back to Friday and a Sunday on to Monday, and leave a weekday alone', () => {
    expect(formatDay(fridayOrMondayFor(dayNumber(2026, 7, 4))!)).toBe('2026-07-03');
    expect(formatDay(fridayOrMondayFor(dayNumber(2027, 7, 4))!)).toBe('2027-07-05');
    expect(fridayOrMondayFor(dayNumber(2026, 12, 25))).toBeNull();
  });

  it('move either weekend day on to Monday where the statute says "the following Monday"', () => {
    expect(formatDay(mondayAfterWeekend(dayNumber(2026, 7, 4))!)).toBe('2026-07-06');
    expect(formatDay(mondayAfterWeekend(dayNumber(2027, 7, 4))!)).toBe('2027-07-05');
  });
});
