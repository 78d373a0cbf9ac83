/**
 * Utah's legal holidays: Utah Code §63G-1-301 (the text in force from
 * 6 May 2026, as published by the legislature's code copies), the "legal
 * holiday" on which Utah Code §13-25a-103(3)(c) allows no telephone
 * solicitation.
 *
 * Computed from the section's own rules: the fixed-date days (New Year's Day,
 * Independence Day, Pioneer Day, Veterans Day, Christmas) move to the Friday
 * before when on a Saturday and to the Monday after when on a Sunday;
 * Juneteenth moves to the preceding Monday when on a Tuesday to Friday and to
 * the following Monday on a weekend. The statute says the moved day "is the
 * legal holiday"; the day itself is kept too (the stricter reading). Good
 * Friday is listed "subject to Subsection (6)", which was not read: it is
 * kept. Election Day (the first Tuesday after the first Monday in November)
 * is reported to join the list from 1 January 2027 (2026 HB 104; secondary)
 * and is kept from 2027. Sundays and Easter Sunday are whole days without
 * calls in the calling-hours rule, not here; days the president or the
 * governor proclaim are not computable and are left out.
 */
import {
  type CalendarHoliday,
  MONDAY,
  THURSDAY,
  TUESDAY,
  calendarOf,
  dayNumber,
  easterSunday,
  fridayOrMondayFor,
  lastWeekday,
  nthWeekday,
  weekdayAfter,
  weekdayOf,
} from './calendarDates';

const GOOD_FRIDAY_BEFORE_EASTER = 2;
const ELECTION_DAY_FIRST_YEAR = 2027;

function fixed(name: string, day: number): [string, number | null][] {
  return [
    [name, day],
    [`${name} (observed)`, fridayOrMondayFor(day)],
  ];
}

/** Juneteenth's Monday: the one before it on Tuesday to Friday, the one after it on a weekend. */
function juneteenthMonday(day: number): number | null {
  const weekday = weekdayOf(day);
  if (weekday === MONDAY) return null;
  return weekday === 0 || weekday === 6 ? weekdayAfter(day, MONDAY) : day - (weekday - MONDAY);
}

export function utahHolidays(year: number): CalendarHoliday[] {
  const juneteenth = dayNumber(year, 6, 19);
  return calendarOf([
    ...fixed("New Year's Day", dayNumber(year, 1, 1)),
    ['Dr. Martin Luther King, Jr. Day', nthWeekday(year, 1, MONDAY, 3)],
    ["Presidents' Day", nthWeekday(year, 2, MONDAY, 3)],
    ['Good Friday', easterSunday(year) - GOOD_FRIDAY_BEFORE_EASTER],
    ['Memorial Day', lastWeekday(year, 5, MONDAY)],
    ['Juneteenth National Freedom Day', juneteenth],
    ['Juneteenth National Freedom Day (observed)', juneteenthMonday(juneteenth)],
    ...fixed('Independence Day', dayNumber(year, 7, 4)),
    ...fixed('Pioneer Day', dayNumber(year, 7, 24)),
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['Election Day', year >= ELECTION_DAY_FIRST_YEAR ? weekdayAfter(nthWeekday(year, 11, MONDAY, 1), TUESDAY) : null],
    ...fixed('Veterans Day', dayNumber(year, 11, 11)),
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ...fixed('Christmas', dayNumber(year, 12, 25)),
  ]);
}
