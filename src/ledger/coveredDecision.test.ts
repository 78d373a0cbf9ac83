import { describe, expect, it } from 'vitest';
import { coveredLimit } from './coveredDecision';

const facts = (n: number) => ({ coveredContactsInWindow: n, emergencies: [] });

describe('coveredLimit: the count at which a decider stops allowing a covered contact', () => {
  it.each([
    [0, 3],
    [2, 3],
    [0, 1],
    [5, 6],
    [0, 100],
    [7, 1000],
  ])('from a count of %i, finds a cap of %i', (count, cap) => {
    const asked: number[] = [];
    const limit = coveredLimit(
      facts(count),
      (f) => {
        asked.push(f.coveredContactsInWindow);
        return f.coveredContactsInWindow < cap;
      },
      (allowed) => allowed,
    );
    expect(limit).toBe(cap);
    expect(asked.length).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(cap + 1)));
  });

  it('is null when no count refuses (no cap applies)', () => {
    expect(
      coveredLimit(
        facts(4),
        () => true,
        (allowed) => allowed,
      ),
    ).toBeNull();
  });
});
