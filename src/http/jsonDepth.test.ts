import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './jsonDepth';

const objects = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const arrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('nestsDeeperThan', () => {
  it('scalars and flat values are never too deep', () => {
    for (const v of [null, 1, 'x', true, {}, [], { a: 1, b: 'x' }, [1, 2, 3]]) expect(nestsDeeperThan(v, 1)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
  });

  it('the bound itself is allowed, one more level is not', () => {
    for (const make of [objects, arrays]) {
      expect(nestsDeeperThan(make(MAX_JSON_DEPTH))).toBe(false);
      expect(nestsDeeperThan(make(MAX_JSON_DEPTH + 1))).toBe(true);
    }
  });

  it('a deep branch beside shallow ones is found, objects and arrays mixed', () => {
    const deep = JSON.parse('{"ok":1,"list":[{"x":' + '['.repeat(40) + ']'.repeat(40) + '}]}');
    expect(nestsDeeperThan(deep)).toBe(true);
  });

  it('a document far deeper than the stack allows is judged without recursing into it', () => {
    expect(nestsDeeperThan(arrays(50_000))).toBe(true);
  });
});
