/**
 * Pennsylvania's legal holidays: 44 P.S. §11, the days on which 73 P.S.
 * §2245(a)(10) forbids telemarketing. The list as employment references
 * quote the statute (BLR, "Holidays in Pennsylvania"): New Year's Day,
 * Martin Luther King Jr. Day, Presidents' Day, Good Friday, Memorial Day,
 * Flag Day, Independence Day, Labor Day, Columbus Day, Election Day (the first
 * Tuesday after the first Monday in November, every year: Pennsylvania votes
 * each November), Veterans Day, Thanksgiving and Christmas.
 *
 * Not modelled: the Saturday half-holiday ("every Saturday after noon") —
 * a whole-day calendar cannot say it, and whether a half-holiday is a "legal
 * holiday" for the telemarketing ban is unsettled (see docs/state-rules.md);
 * the day after Thanksgiving is a state employees' day off, not a §11
 * holiday; days the governor or the president appoint are not computable.
 *
 * Weekend observance: a fixed-date holiday on a Sunday is also kept on the
 * Monday after (the statute's Sunday rule); the day itself stays a holiday.
 */
import {
  type CalendarHoliday,
  MONDAY,
  THURSDAY,
  TUESDAY,
  calendarOf,
  dayNumber,
  easterSunday,
  lastWeekday,
  mondayAfterSunday,
  nthWeekday,
  weekdayAfter,
} from './calendarDates';

const GOOD_FRIDAY_BEFORE_EASTER = 2;

function fixed(name: string, day: number): [string, number | null][] {
  return [
    [name, day],
    [`${name} (observed)`, mondayAfterSunday(day)],
  ];
}

export function pennsylvaniaHolidays(year: number): CalendarHoliday[] {
  return calendarOf([
    ...fixed("New Year's Day", dayNumber(year, 1, 1)),
    ['Dr. Martin Luther King, Jr. Day', nthWeekday(year, 1, MONDAY, 3)],
    ["Presidents' Day", nthWeekday(year, 2, MONDAY, 3)],
    ['Good Friday', easterSunday(year) - GOOD_FRIDAY_BEFORE_EASTER],
    ['Memorial Day', lastWeekday(year, 5, MONDAY)],
    ...fixed('Flag Day', dayNumber(year, 6, 14)),
    ...fixed('Independence Day', dayNumber(year, 7, 4)),
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['Election Day', weekdayAfter(nthWeekday(year, 11, MONDAY, 1), TUESDAY)],
    ...fixed("Veterans' Day", dayNumber(year, 11, 11)),
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ...fixed('Christmas Day', dayNumber(year, 12, 25)),
  ]);
}
