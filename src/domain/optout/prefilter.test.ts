import { describe, it, expect } from 'vitest';
import { necessaryPrefix, withoutLookarounds } from './prefilter';

describe('necessaryPrefix', () => {
  it.each([
    // Takes elements until they must consume 4 characters: "sac" + " ".
    ['(?<![^ ])(?:(?:me|nos) )?(?:quit|sac)(?:en|e)? de lista(?![^ ])', '(?:(?:me|nos) )?(?:quit|sac)(?:en|e)? '],
    ['leave (?:me|us) alone', 'leav'],
    ['(?<=(?:^| )(?:me|us) )stop(?: now)*$', 'stop'],
    ['ab|(?:cd)?ef', '(?:ab|(?:cd)?ef)'],
    ['x{2,3}yz', 'x{2,3}yz'],
  ])('prefix of %j is %j', (source, prefix) => {
    expect(necessaryPrefix(source)).toBe(prefix);
  });

  it('is a necessary condition: whatever the pattern matches, the prefix matches there too', () => {
    const source = '(?:please )?(?:take|get) (?:me|us) off (?:the|your) list';
    const prefix = new RegExp(`^${necessaryPrefix(source)}`);
    for (const text of ['take me off the list', 'please get us off your list']) {
      expect(new RegExp(`^${source}`).test(text)).toBe(true);
      expect(prefix.test(text)).toBe(true);
    }
  });
});

describe('withoutLookarounds', () => {
  it.each([
    ['(?<![^ ])(?:a|b)(?![^ ])', '(?:a|b)'],
    ['x(?=$| ,| (?:please|now)(?![^ ]))y', 'xy'],
    ['a[()]b(?!c[)])d', 'a[()]bd'],
    ['q\\(r(?=s)', 'q\\(r'],
  ])('%j → %j', (source, out) => {
    expect(withoutLookarounds(source)).toBe(out);
  });
});
