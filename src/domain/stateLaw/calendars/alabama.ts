/**
 * Alabama's state holidays: Ala. Code §1-3-8(a)-(b) (the text as quoted in HB155
 * of 2025, app.legiplex.com/al/legislature/2025/2025-r/bills/hb155, and the dates as
 * the Department of Archives and History tabulates them,
 * archives.alabama.gov/intro/holidays.html). The holidays on which Ala. Admin.
 * Code r. 770-X-5-.17(1)(b) allows no solicitation call. Thanksgiving is "the
 * day designated by the Governor for public thanksgiving": the fourth Thursday
 * of November is computed (the federal calendar names it too).
 *
 * Statewide days only: Mardi Gras is a holiday in Baldwin and Mobile counties
 * alone and is left out (the gate cannot tell a number's county); days a
 * governor proclaims are not computable and are left out too. Sundays are
 * whole days without calls in the calling-hours rule, not here.
 *
 * Weekend observance, §1-3-8(a): "If any holiday falls on Sunday, the
 * following day is the holiday. If any holiday falls on Saturday, the
 * preceding day is the holiday." The day itself is kept too (the stricter
 * reading: a caller cannot be sure the moved day replaces it).
 */
import { type CalendarHoliday, MONDAY, THURSDAY, calendarOf, dayNumber, fridayOrMondayFor, lastWeekday, nthWeekday } from './calendarDates';

/** A fixed-date holiday and, when it falls on a weekend, its observed weekday. */
function fixed(name: string, day: number): [string, number | null][] {
  return [
    [name, day],
    [`${name} (observed)`, fridayOrMondayFor(day)],
  ];
}

export function alabamaHolidays(year: number): CalendarHoliday[] {
  return calendarOf([
    ...fixed("New Year's Day", dayNumber(year, 1, 1)),
    ['Robert E. Lee / Martin Luther King, Jr. Birthday', nthWeekday(year, 1, MONDAY, 3)],
    ['George Washington / Thomas Jefferson Birthday', nthWeekday(year, 2, MONDAY, 3)],
    ['Confederate Memorial Day', nthWeekday(year, 4, MONDAY, 4)],
    ['National Memorial Day', lastWeekday(year, 5, MONDAY)],
    ["Jefferson Davis' Birthday", nthWeekday(year, 6, MONDAY, 1)],
    ...fixed('Independence Day', dayNumber(year, 7, 4)),
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day / Fraternal Day / American Indian Heritage Day', nthWeekday(year, 10, MONDAY, 2)],
    ...fixed('Veterans Day', dayNumber(year, 11, 11)),
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ...fixed('Christmas Day', dayNumber(year, 12, 25)),
  ]);
}
