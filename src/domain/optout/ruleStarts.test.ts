import { describe, expect, it } from 'vitest';
import { startKeys } from './ruleStarts';

const keys = (source: string, width = 4, limit = 100) => startKeys(source, width, limit);

describe('startKeys: how every match of a pattern begins', () => {
  it('reads the first characters of each way a match can begin', () => {
    expect(keys('(?:please )?stop calling')).toEqual(['plea', 'stop']);
    expect(keys('(?:ll|y)am[ae]')).toEqual(['llam', 'yama', 'yame']);
    expect(keys('sto+p')).toEqual(['stoo', 'stop']);
    expect(keys('n(?:o|a) ?mas', 3)).toEqual(['na ', 'nam', 'no ', 'nom']);
  });

  it('skips lookarounds, anchors and boundaries: they constrain, they spell nothing', () => {
    expect(keys('(?<![^ ])(?:stop)(?![^ ])')).toEqual(['stop']);
    expect(keys('(?<=(?:^| )(?:ok|fine) )stop$')).toEqual(['stop']);
    expect(keys('^\\bquit')).toEqual(['quit']);
  });

  it('ends a key at a character it cannot spell, and keeps short matches whole', () => {
    expect(keys('do.+ call')).toEqual(['do']);
    expect(keys('no [^ ]+ more')).toEqual(['no ']);
    expect(keys('no|nope')).toEqual(['no']);
    expect(keys('c\\.a')).toEqual(['c.a']);
  });

  it('gives up when a match may begin with anything, or the keys are too many', () => {
    expect(keys('.stop')).toBeNull();
    expect(keys('(?:x)?\\w+ stop')).toBeNull();
    expect(keys('[a-z][a-z]', 4, 100)).toBeNull();
    expect(keys('[a-e][a-e]', 4, 100)).toHaveLength(25);
  });

  it('a match the keys miss is never found by the pattern (every dev-like text checked by brute force)', () => {
    const pattern = '(?:(?:please|pls) )?(?:stop|quit)(?: it)? (?:calling|texting)+';
    const found = keys(pattern) ?? [];
    const re = new RegExp(pattern, 'y');
    for (const text of ['please stop calling', 'pls quit it texting', 'stop callingcalling', 'stop it calling', 'quit texting']) {
      re.lastIndex = 0;
      expect(re.test(text), text).toBe(true);
      expect(
        found.some((k) => text.startsWith(k)),
        text,
      ).toBe(true);
    }
  });
});
