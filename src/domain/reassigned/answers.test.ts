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
