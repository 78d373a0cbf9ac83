import { describe, expect, it } from 'vitest';
import { consentDateOf, importedAnswer, needsReassignedCheck, type DatedResult } from './answers';

describe('needsReassignedCheck', () => {
  const at = new Date('2026-12-05T15:00:00Z');
  it.each([
    ['a consent 31 days old at the contact', '2026-11-04T14:00:00Z', 30, true],
    ['a consent exactly 30 days old', '2026-11-05T15:00:00Z', 30, false],
    ['a consent 15 days old', '2026-11-20T12:00:00Z', 30, false],
    ['any consent older than an instant, with 0 days', '2026-12-05T14:59:00Z', 0, true],
  ])('%s → %s', (_name, capturedAt, days, expected) => {
    expect(needsReassignedCheck(capturedAt, at, days)).toBe(expected);
  });
});

describe('consentDateOf', () => {
  it('is the UTC day the consent was captured, as asked of Lookup and the RND', () => {
    expect(consentDateOf('2026-10-01T23:30:00-05:00')).toBe('2026-10-02');
    expect(consentDateOf('2026-10-01T12:00:00Z')).toBe('2026-10-01');
  });

  it('reads the day as the Date does, whatever the form of the instant', () => {
    const instants = [
      '2026-01-15T12:00:03Z',
      '2026-01-15T12:00:03.123Z',
      '2026-01-15T12:00:03.123456789Z',
      '2026-01-15T12:00Z',
      '2026-02-28T23:59:59.999Z',
      '2026-02-29T10:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-12-31T23:59:59Z',
      '2026-01-15T24:00:00Z',
      '2026-01-15T23:30:00+00:00',
      '2026-01-15T23:30:00-01:00',
      '2026-01-15',
      '0000-01-01T00:00:00Z',
      '+012026-01-15T00:00:00Z',
    ];
    for (const at of instants) expect([at, consentDateOf(at)]).toEqual([at, new Date(at).toISOString().slice(0, 10)]);
    for (const at of ['2026-13-01T00:00:00Z', '2026-01-15T12:00:60Z', 'yesterday', '']) expect(() => consentDateOf(at)).toThrow(RangeError);
  });
});

describe('importedAnswer', () => {
  const results: DatedResult[] = [
    { date: '2026-06-01', result: 'no' },
    { date: '2026-10-01', result: 'no_data' },
    { date: '2026-11-15', result: 'yes' },
  ];
  it.each([
    ['the result for the very date first', '2026-10-01', 'no_data'],
    ['a disconnection on or after a later date is one after an earlier consent', '2026-09-01', 'yes'],
    ['a disconnection after the later date also speaks for the consent of that very day', '2026-11-15', 'yes'],
    ['none since an earlier date is none since this one', '2026-11-20', 'no'],
  ])('%s (%s → %s)', (_name, date, expected) => {
    expect(importedAnswer(results, date)).toBe(expected);
  });

  it('speaks for no date it cannot answer: a no since a later date says nothing of an earlier consent', () => {
    expect(importedAnswer([{ date: '2026-10-01', result: 'no' }], '2026-09-01')).toBeNull();
    expect(importedAnswer([{ date: '2026-10-01', result: 'yes' }], '2026-11-01')).toBeNull();
    expect(importedAnswer([], '2026-11-01')).toBeNull();
  });
});
