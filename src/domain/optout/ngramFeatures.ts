/**
 * The features the n-gram classifier sees, shared by its training
 * (scripts/train-optout.ts, scripts/optoutClassifier.ts) and its use
 * (ngramModel.ts), so both read a text
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

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, continued from `h`: fast, stable across runs and machines. */
export function fnv(h: number, text: string, from = 0, to = text.length): number {
  let out = h;
  for (let i = from; i < to; i++) out = Math.imul(out ^ text.charCodeAt(i), FNV_PRIME);
  return out;
}

const WORD_PREFIX = fnv(FNV_OFFSET, 'w:');

/** Which buckets the current text has used: `stamps[bucket] === stamp`. */
let stamps = new Uint32Array(0);
let stamp = 0;
const SPACE = ' '.charCodeAt(0);

/**
 * Calls `visit` with the bucket of every feature of a normalised text (see
 * normalize.ts), each bucket once, in a fixed order; `gram` says where the
 * feature is in ` ${normalised} ` (a character n-gram) or, for word features,
 * is null. No strings are built: this runs on every utterance no rule decides.
 * `buckets` must be a power of two.
 */
export function forEachFeature(normalised: string, buckets: number, visit: (bucket: number, start: number, end: number, word: boolean) => void): void {
  const mask = buckets - 1;
  if (stamps.length < buckets) stamps = new Uint32Array(buckets);
  const seen = stamps;
  // A new stamp per call marks the buckets this text has used, without clearing the table.
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) seen.fill(0);
  const mark = stamp;
  const emit = (h: number, start: number, end: number, word: boolean): void => {
    const bucket = (h >>> 0) & mask;
    if (seen[bucket] === mark) return;
    seen[bucket] = mark;
    visit(bucket, start, end, word);
  };
  const padded = ` ${normalised} `;
  for (let i = 0; i < padded.length; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= MAX_CHAR_GRAM && i + n <= padded.length; n++) {
      h = Math.imul(h ^ padded.charCodeAt(i + n - 1), FNV_PRIME);
      if (n > 1 || padded.charCodeAt(i) !== SPACE) emit(h, i, i + n, false);
    }
  }
  // Words and word pairs, over the padded text's spaces.
  let start = 1;
  let previous = -1;
  for (let i = 1; i < padded.length; i++) {
    if (padded.charCodeAt(i) !== SPACE) continue;
    if (i > start) {
      emit(fnv(WORD_PREFIX, padded, start, i), start, i, true);
      if (previous >= 0) emit(fnv(WORD_PREFIX, padded, previous, i), previous, i, true);
      previous = start;
    }
    start = i + 1;
  }
}

/** The features with the text they stand for, for training and for explaining a decision. */
export function ngramFeatures(normalised: string, buckets: number): Feature[] {
  const padded = ` ${normalised} `;
  const out: Feature[] = [];
  forEachFeature(normalised, buckets, (bucket, start, end, word) => {
    out.push({ bucket, gram: word ? `w:${padded.slice(start, end)}` : padded.slice(start, end) });
  });
  return out;
}

/** The buckets of the current text, as `collectBuckets` leaves them; grown when a text needs more. */
let collected = new Uint32Array(256);

/**
 * The buckets `forEachFeature` visits, each once, in the same order, left in
 * `collected` (the count is returned): the same walk without a callback per
 * n-gram or a string built, as the detector runs it on every utterance no
 * rule decided.
 */
function collectBuckets(normalised: string, buckets: number): number {
  const mask = buckets - 1;
  if (stamps.length < buckets) stamps = new Uint32Array(buckets);
  const seen = stamps;
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) seen.fill(0);
  const mark = stamp;
  const padded = ` ${normalised} `;
  // At most four character n-grams a position and two word features a word.
  const most = 6 * padded.length;
  if (collected.length < most) collected = new Uint32Array(most);
  const out = collected;
  let count = 0;
  for (let i = 0; i < padded.length; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= MAX_CHAR_GRAM && i + n <= padded.length; n++) {
      h = Math.imul(h ^ padded.charCodeAt(i + n - 1), FNV_PRIME);
      if (n === 1 && padded.charCodeAt(i) === SPACE) continue;
      const bucket = (h >>> 0) & mask;
      if (seen[bucket] === mark) continue;
      seen[bucket] = mark;
      out[count++] = bucket;
    }
  }
  let start = 1;
  let previous = -1;
  for (let i = 1; i < padded.length; i++) {
    if (padded.charCodeAt(i) !== SPACE) continue;
    if (i > start) {
      let bucket = (fnv(WORD_PREFIX, padded, start, i) >>> 0) & mask;
      if (seen[bucket] !== mark) {
        seen[bucket] = mark;
        out[count++] = bucket;
      }
      if (previous >= 0) {
        bucket = (fnv(WORD_PREFIX, padded, previous, i) >>> 0) & mask;
        if (seen[bucket] !== mark) {
          seen[bucket] = mark;
          out[count++] = bucket;
        }
      }
      previous = start;
    }
    start = i + 1;
  }
  return count;
}

/** The sum of `weights` over the buckets `forEachFeature` visits, each once. Integer weights, so the order of the sum does not matter. */
export function weightSum(normalised: string, weights: Int8Array): number {
  const count = collectBuckets(normalised, weights.length);
  let sum = 0;
  for (let k = 0; k < count; k++) sum += weights[collected[k]];
  return sum;
}

/**
 * The sum of the embedding rows (`dim` int8 values a bucket, row after row)
 * of the buckets `forEachFeature` visits, each once, written into `sum`;
 * returns how many buckets were added, which the hidden layer divides by.
 */
export function embeddingSum(normalised: string, embeddings: Int8Array, dim: number, sum: Int32Array): number {
  const count = collectBuckets(normalised, embeddings.length / dim);
  sum.fill(0);
  for (let k = 0; k < count; k++) {
    const row = collected[k] * dim;
    for (let j = 0; j < dim; j++) sum[j] += embeddings[row + j];
  }
  return count;
}
