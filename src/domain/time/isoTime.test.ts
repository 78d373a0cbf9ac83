import { describe, expect, it } from 'vitest';
import { isoDateOfDay, isoTime } from './isoTime';

const DAY_MS = 86_400_000;
const sameAsDate = (ms: number) => expect(isoTime(ms)).toBe(new Date(ms).toISOString());
/** The instants where the two differ (one expect for thousands of them: an expect each is slow). */
const differing = (instants: number[]) => instants.filter((ms) => isoTime(ms) !== new Date(ms).toISOString());

describe('isoTime writes what toISOString writes', () => {
  it.each([
    '1970-01-01T00:00:00.000Z',
    '1999-12-31T23:59:59.999Z',
    '2000-02-29T12:00:00.001Z',
    '2024-02-29T23:59:59.999Z',
    '2026-03-01T00:00:00.000Z',
    '2100-02-28T23:59:59.999Z',
    '2100-03-01T00:00:00.000Z',
    '2400-02-29T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
  ])('at %s', (iso) => {
    expect(isoTime(Date.parse(iso))).toBe(iso);
  });

  it('on every day from 1970 to 2500, at a time of day that moves', () => {
    const last = Date.parse('2500-01-01T00:00:00Z') / DAY_MS;
    expect(differing(Array.from({ length: last }, (_, day) => day * DAY_MS + ((day * 7_919_993) % DAY_MS)))).toEqual([]);
  });

  it('at pseudo-random instants up to the year 9999', () => {
    let x = 2463534242;
    const instants = Array.from({ length: 200_000 }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return Math.floor(((x >>> 0) / 2 ** 32) * 253_402_300_800_000);
    });
    expect(differing(instants)).toEqual([]);
  });

  it('before 1970, after 9999 and between milliseconds, as the Date does', () => {
    for (const ms of [-1, -DAY_MS * 365.25 * 1000, 253_402_300_800_000, 8.64e15, 1.5, 1_775_000_000_000.25]) sameAsDate(ms);
  });

  it('throws the RangeError of an invalid date', () => {
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});

describe('isoDateOfDay writes the date toISOString writes for the day', () => {
  it('on every day from 1970 to 2500, and on days before 1970 and after 9999', () => {
    const last = Date.parse('2500-01-01T00:00:00Z') / DAY_MS;
    const days = [...Array.from({ length: last }, (_, day) => day), -1, -719_528, 2_932_896, 2_932_897];
    expect(days.filter((day) => isoDateOfDay(day) !== new Date(day * DAY_MS).toISOString().slice(0, 10))).toEqual([]);
  });
});
