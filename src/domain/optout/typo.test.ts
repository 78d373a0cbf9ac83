import { describe, it, expect } from 'vitest';
import { collapseRepeats, typoOf } from './typo';

const typo = (observed: string, keyword: string, repeatsOnly = false) => typoOf(collapseRepeats(observed), collapseRepeats(keyword), repeatsOnly);

describe('typoOf', () => {
  it.each([
    ['stopppp', 'stop', 'repeats'],
    ['stpo', 'stop', 'transposition'],
    ['sotp', 'stop', 'transposition'],
    ['unsubscibe', 'unsubscribe', 'edit'],
    ['unsubscrbe', 'unsubscribe', 'edit'],
    ['unsubscrbie', 'unsubscribe', 'transposition'],
    ['cancle', 'cancel', 'transposition'],
  ] as const)('typo %j of %j is a %s', (observed, keyword, kind) => {
    expect(typo(observed, keyword)).toBe(kind);
  });

  it.each([
    ['step', 'stop'], // substitution on a 4-letter keyword
    ['top', 'stop'],
    ['shop', 'stop'],
    ['and', 'end'],
    ['remote', 'remove'], // 6 letters: no edits
    ['subscribe', 'unsubscribe'], // first letter differs
    ['xnsubscribe', 'unsubscribe'],
  ])('typo: %j is not %j', (observed, keyword) => {
    expect(typo(observed, keyword)).toBeNull();
  });

  it('repeatsOnly forgives repeated letters and nothing else', () => {
    expect(typo('yesss', 'yes', true)).toBe('repeats');
    expect(typo('strat', 'start', true)).toBeNull();
  });
});
