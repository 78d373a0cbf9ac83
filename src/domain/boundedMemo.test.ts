import { describe, expect, it } from 'vitest';
import { boundedMemo } from './boundedMemo';
import { entityKey } from './vocabulary';

describe('boundedMemo', () => {
  const counted = () => {
    const calls: string[] = [];
    const f = boundedMemo(
      (s) => {
        calls.push(s);
        return s.toUpperCase();
      },
      { limit: 3, maxInput: 8 },
    );
    return { f, calls };
  };

  it('answers a repeated input from memory', () => {
    const { f, calls } = counted();
    expect([f('a'), f('a'), f('b'), f('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('never keeps an input longer than maxInput (a request field can be 256 KB)', () => {
    const { f, calls } = counted();
    const long = 'x'.repeat(9);
    f(long);
    f(long);
    expect(calls).toEqual([long, long]);
  });

  it('forgets everything once it holds `limit` answers, so memory stays bounded', () => {
    const { f, calls } = counted();
    for (const s of ['a', 'b', 'c', 'd', 'a']) f(s);
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});

describe('entityKey (remembered)', () => {
  it('still folds case and spaces the same way on every call', () => {
    expect(entityKey('  Acme   Insurance LLC ')).toBe('acme insurance llc');
    expect(entityKey('  Acme   Insurance LLC ')).toBe('acme insurance llc');
    expect(entityKey('ACME INSURANCE LLC')).toBe('acme insurance llc');
  });
});
