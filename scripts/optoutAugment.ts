/**
 * Altered copies of a training text for the backtest's `word-dropout`
 * variant: the normalised text with one word dropped, and with two
 * neighbouring words swapped, imitating speech recognition's deletions and
 * the orderings another speaker would choose. Which word is chosen by a hash
 * of the text, so the same set always gives the same copies.
 */

/** Texts of fewer words are left as they are: dropping one leaves too little to say anything. */
const MIN_WORDS = 3;

function fnv(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function alteredCopies(normalised: string, kinds: { drop: boolean; swap: boolean }): string[] {
  const words = normalised.split(' ').filter((w) => w !== '');
  if (words.length < MIN_WORDS) return [];
  const out: string[] = [];
  if (kinds.drop) {
    const i = fnv(normalised, 1) % words.length;
    out.push([...words.slice(0, i), ...words.slice(i + 1)].join(' '));
  }
  if (kinds.swap) {
    const i = fnv(normalised, 2) % (words.length - 1);
    const swapped = [...words];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    out.push(swapped.join(' '));
  }
  return out;
}
