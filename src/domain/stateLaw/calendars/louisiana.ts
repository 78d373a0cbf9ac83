/**
 * Louisiana's legal holidays: La. R.S. 1:55(A)(1), "days of public rest and
 * legal holidays" (https://legis.la.gov/legis/Law.aspx?d=74097), the days a
 * telephonic solicitation is barred under LPSC General Order R-29617.
 *
 * Statewide statutory days only. Left out on purpose: Inauguration Day in the
 * city of Baton Rouge, the parishes whose Saturdays are holidays, the
 * parish-only days of R.S. 1:55(E) (clerks' closures such as St. Mary's Black
 * Bear Festival), and days the governor proclaims: they are local or
 * announced, not computable, and the gate cannot tell a number's parish.
 * Sundays are whole days without calls in the calling-hours rule, not here.
 *
 * Weekend observance: when New Year's Day, Independence Day or Christmas
 * falls on a Saturday the Friday before is a holiday too, on a Sunday the
 * Monday after (R.S. 1:55(E), as the Orleans civil clerk publishes it); both
 * the day itself and the moved day are kept, the stricter reading.
 */
import { type CalendarHoliday, MONDAY, THURSDAY, calendarOf, dayNumber, easterSunday, fridayOrMondayFor, lastWeekday, nthWeekday } from './calendarDates';

const MARDI_GRAS_BEFORE_EASTER = 47;
const GOOD_FRIDAY_BEFORE_EASTER = 2;

export function louisianaHolidays(year: number): CalendarHoliday[] {
  const newYear = dayNumber(year, 1, 1);
  const independence = dayNumber(year, 7, 4);
  const christmas = dayNumber(year, 12, 25);
  const easter = easterSunday(year);
  return calendarOf([
    ["New Year's Day", newYear],
    ["New Year's Day (observed)", fridayOrMondayFor(newYear)],
    ['Battle of New Orleans', dayNumber(year, 1, 8)],
    ["Dr. Martin Luther King, Jr.'s Birthday", nthWeekday(year, 1, MONDAY, 3)],
    ["Washington's Birthday and Presidents' Day", nthWeekday(year, 2, MONDAY, 3)],
    ['Mardi Gras', easter - MARDI_GRAS_BEFORE_EASTER],
    ['Good Friday', easter - GOOD_FRIDAY_BEFORE_EASTER],
    ['National Memorial Day', lastWeekday(year, 5, MONDAY)],
    ['Independence Day', independence],
    ['Independence Day (observed)', fridayOrMondayFor(independence)],
    ['Huey P. Long Day', dayNumber(year, 8, 30)],
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Christopher Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ["All Saints' Day", dayNumber(year, 11, 1)],
    ["Veterans' Day", dayNumber(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ['Christmas Day', christmas],
    ['Christmas Day (observed)', fridayOrMondayFor(christmas)],
  ]);
}
