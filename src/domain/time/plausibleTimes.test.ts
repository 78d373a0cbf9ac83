import { describe, expect, it } from 'vitest';
import { captureTimeProblem, isOutsidePlanRange, MAX_CLOCK_SKEW_MS, MAX_PLAN_DISTANCE_MS } from './plausibleTimes';

const NOW = new Date('2026-04-10T18:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('which claimed times are believed', () => {
  it.each<[string, Date, string | null]>([
    ['now', NOW, null],
    ['years ago', new Date('2019-06-01T00:00:00Z'), null],
    ['ahead by exactly the clock skew', at(MAX_CLOCK_SKEW_MS), null],
    ['ahead by a millisecond more', at(MAX_CLOCK_SKEW_MS + 1), 'must not be in the future'],
    ['in 2099', new Date('2099-01-01T00:00:00Z'), 'must not be in the future'],
    ['at the start of 1970', new Date('1970-01-01T00:00:00Z'), null],
    ['before 1970', new Date('1969-12-31T23:59:59Z'), 'must not be before 1970'],
    ['not a time at all', new Date(NaN), 'must not be in the future'],
  ])('a capture time %s', (_name, captured, problem) => {
    expect(captureTimeProblem(captured, NOW)).toBe(problem);
  });

  it.each<[string, Date, boolean]>([
    ['now', NOW, false],
    ['two years ahead, exactly', at(MAX_PLAN_DISTANCE_MS), false],
    ['two years back, exactly', at(-MAX_PLAN_DISTANCE_MS), false],
    ['a millisecond past two years ahead', at(MAX_PLAN_DISTANCE_MS + 1), true],
    ['a millisecond past two years back', at(-MAX_PLAN_DISTANCE_MS - 1), true],
    ['in year 9999', new Date('9999-12-31T23:59:59Z'), true],
    ['not a time at all', new Date(NaN), true],
  ])('a planned time %s: outside the range %s', (_name, planned, outside) => {
    expect(isOutsidePlanRange(planned, NOW)).toBe(outside);
  });
});
