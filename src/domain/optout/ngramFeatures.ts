/**
 * The features the n-gram classifier sees, shared by its training
 * (scripts/train-optout.ts) and its use (ngramModel.ts), so both read a text
 * the same way: the normalised text's character 1–4-grams (word edges
 * included, so "stop" and "bus stop" differ) and its words and word pairs,
 * each hashed into a fixed number of buckets.
 *
 * Character n-grams hold up where word rules do not: spelling variants,
 * words glued together or split by speech recognition, scripts without word
 * spaces.
 */

/** Character n-grams up to this length. */
export const MAX_CHAR_GRAM = 4;

/** One feature: its bucket and what it was, for explaining a decision. */
export interface Feature {
  bucket: number;
  gram: string;
}

/** FNV-1a over UTF-16 code units: fast, stable across runs and machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The features of a normalised text (see normalize.ts), deduplicated.
 * `buckets` must be a power of two.
 */
export function ngramFeatures(normalised: string, buckets: number): Feature[] {
  const mask = buckets - 1;
  const seen = new Set<number>();
  const out: Feature[] = [];
  const add = (gram: string): void => {
    const bucket = hash(gram) & mask;
    if (seen.has(bucket)) return;
    seen.add(bucket);
    out.push({ bucket, gram });
  };
  const padded = ` ${normalised} `;
  for (let n = 1; n <= MAX_CHAR_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      if (gram !== ' ') add(gram);
    }
  }
  const words = normalised.split(' ');
  for (let i = 0; i < words.length; i++) {
    add(`w:${words[i]}`);
    if (i + 1 < words.length) add(`w:${words[i]} ${words[i + 1]}`);
  }
  return out;
}
