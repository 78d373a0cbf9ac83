/**
 * Bounded typo matching for whole-message keywords ("Stpo", "stopppp",
 * "unsubscibe"). The bounds are what keep false alarms low:
 *
 * - repeated letters collapse ("stopppp", "STOPP" → stop) for every keyword;
 * - one swap of adjacent letters ("stpo", "sotp") only for keywords of ≥ 4
 *   letters and only for opt-outs;
 * - one insertion, deletion or substitution only for keywords of ≥ 7 letters
 *   ("unsubscibe"), two for ≥ 10, and never on the first letter — so "step",
 *   "top", "shop", "and", "remote", "subscribe" never read as keywords.
 *
 * Real words that still land within these bounds ("stoop", "alot", "sari")
 * are listed per language in `notTypos`.
 */

export type TypoKind = 'repeats' | 'transposition' | 'edit';

export function collapseRepeats(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Optimal-string-alignment distance, or Infinity as soon as it must exceed `max`. */
function editDistanceAtMost(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/**
 * How `seen` (a whole message, spaces removed, repeats collapsed) misspells
 * `wanted` (a keyword, repeats collapsed), or null. Both come collapsed so
 * keywords are collapsed once, at load. `repeatsOnly` limits it to repeats
 * (used for opt-in and help: a false re-subscription is worse than a miss).
 */
export function typoOf(seen: string, wanted: string, repeatsOnly: boolean): TypoKind | null {
  if (seen === wanted) return 'repeats';
  if (repeatsOnly) return null;
  if (wanted.length >= 4 && isAdjacentTransposition(seen, wanted)) return 'transposition';
  if (wanted.length < 7 || seen[0] !== wanted[0]) return null;
  return editDistanceAtMost(seen, wanted, wanted.length >= 10 ? 2 : 1) !== Infinity ? 'edit' : null;
}
