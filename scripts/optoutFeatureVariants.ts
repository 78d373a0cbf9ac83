/**
 * Feature sets the backtest can try beside the shipped one (ngramFeatures.ts):
 * longer character n-grams, word trigrams, word pairs with one word skipped.
 * Hashed as the shipped features are (FNV-1a, word features behind "w:"),
 * so with every option off the buckets are the shipped ones.
 */
import { FNV_OFFSET, fnv, MAX_CHAR_GRAM } from '../src/domain/optout/ngramFeatures';

export interface FeatureDesign {
  maxCharGram?: number;
  wordTrigrams?: boolean;
  /** "a _ c" pairs: the words either side of one other word. */
  skipBigrams?: boolean;
  /**
   * Words and word pairs a second time, hashed behind the channel ("s:" or "v:"), so a word can weigh
   * differently by text and by voice (a bare keyword is an opt-out by text, not said aloud).
   */
  channelWords?: boolean;
}

export function featureVariantOf(normalised: string, buckets: number, design: FeatureDesign, channel?: 'sms' | 'voice'): Uint32Array {
  const mask = buckets - 1;
  const out = new Set<number>();
  const padded = ` ${normalised} `;
  const maxGram = design.maxCharGram ?? MAX_CHAR_GRAM;
  for (let i = 0; i < padded.length; i++) {
    for (let n = 1; n <= maxGram && i + n <= padded.length; n++) {
      if (n === 1 && padded[i] === ' ') continue;
      out.add((fnv(FNV_OFFSET, padded.slice(i, i + n)) >>> 0) & mask);
    }
  }
  const words = normalised.split(' ').filter((w) => w !== '');
  const word = (text: string): number => (fnv(FNV_OFFSET, `w:${text}`) >>> 0) & mask;
  words.forEach((w, i) => {
    out.add(word(w));
    if (i >= 1) out.add(word(`${words[i - 1]} ${w}`));
    if (design.wordTrigrams && i >= 2) out.add(word(`${words[i - 2]} ${words[i - 1]} ${w}`));
    if (design.skipBigrams && i >= 2) out.add(word(`${words[i - 2]} _ ${w}`));
    if (design.channelWords && channel) {
      const prefix = channel === 'sms' ? 's:' : 'v:';
      out.add((fnv(FNV_OFFSET, `${prefix}${w}`) >>> 0) & mask);
      if (i >= 1) out.add((fnv(FNV_OFFSET, `${prefix}${words[i - 1]} ${w}`) >>> 0) & mask);
    }
  });
  return Uint32Array.from(out);
}
