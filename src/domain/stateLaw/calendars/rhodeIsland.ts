/**
 * Rhode Island's holidays: R.I. Gen. Laws §25-1-1, "General holidays
 * enumerated" — the state half of "a state or federal holiday", the days
 * R.I. Gen. Laws §5-61-2 takes out of the telephone sales hours.
 *
 * Computed from the statute's own rules: New Year's Day, Independence Day,
 * Veterans' Day and Christmas moved to the following Monday when they fall on
 * a Saturday or Sunday; any listed day on a Sunday also gives the day after
 * it; Election Day only "in each year in which a general election of state
 * officers is held" (even years: the General Assembly is elected every two
 * years). The day itself stays a holiday when it is moved (the statute names
 * both). Sundays are whole days without calls in the calling-hours rule, not
 * here. Days the governor, the General Assembly, the president or Congress
 * appoint are not computable and are left out; Thanksgiving comes in through
 * the federal calendar the rule also names.
 */
import {
  type CalendarHoliday,
  MONDAY,
  TUESDAY,
  calendarOf,
  dayNumber,
  lastWeekday,
  mondayAfterSunday,
  mondayAfterWeekend,
  nthWeekday,
  weekdayAfter,
} from './calendarDates';

function movedToMonday(name: string, day: number): [string, number | null][] {
  return [
    [name, day],
    [`${name} (observed)`, mondayAfterWeekend(day)],
  ];
}

function withSundayRule(name: string, day: number): [string, number | null][] {
  return [
    [name, day],
    [`${name} (observed)`, mondayAfterSunday(day)],
  ];
}

export function rhodeIslandHolidays(year: number): CalendarHoliday[] {
  const electionYear = year % 2 === 0;
  return calendarOf([
    ...movedToMonday("New Year's Day", dayNumber(year, 1, 1)),
    ["Dr. Martin Luther King, Jr.'s Birthday", nthWeekday(year, 1, MONDAY, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)],
    ...withSundayRule('Rhode Island Independence Day', dayNumber(year, 5, 4)),
    ['Memorial Day', lastWeekday(year, 5, MONDAY)],
    ...movedToMonday('Independence Day', dayNumber(year, 7, 4)),
    ['Victory Day', nthWeekday(year, 8, MONDAY, 2)],
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['Election Day', electionYear ? weekdayAfter(nthWeekday(year, 11, MONDAY, 1), TUESDAY) : null],
    ...movedToMonday("Veterans' Day", dayNumber(year, 11, 11)),
    ...movedToMonday('Christmas Day', dayNumber(year, 12, 25)),
  ]);
}
