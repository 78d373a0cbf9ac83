/**
 * Altered copies of a training text for the backtest's `word-dropout`
 * variant: the normalised text with one word dropped, and with two
 * neighbouring words swapped, imitating speech recognition's deletions and
 * the orderings another speaker would choose. Which word is chosen by a hash
 * of the text, so the same set always gives the same copies.
 */

import { FNV_OFFSET, fnv } from '../src/domain/optout/ngramFeatures';

/** Texts of fewer words are left as they are: dropping one leaves too little to say anything. */
const MIN_WORDS = 3;

/** Which word: the text's hash, seeded differently per kind of copy. */
const pick = (text: string, seed: number, choices: number): number => (fnv(FNV_OFFSET ^ seed, text) >>> 0) % choices;

export function alteredCopies(normalised: string, kinds: { drop: boolean; swap: boolean }): string[] {
  const words = normalised.split(' ').filter((w) => w !== '');
  if (words.length < MIN_WORDS) return [];
  const out: string[] = [];
  if (kinds.drop) {
    const i = pick(normalised, 1, words.length);
    out.push([...words.slice(0, i), ...words.slice(i + 1)].join(' '));
  }
  if (kinds.swap) {
    const i = pick(normalised, 2, words.length - 1);
    const swapped = [...words];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    out.push(swapped.join(' '));
  }
  return out;
}
