/**
 * SMS keywords that only their diacritics tell apart from ordinary words.
 * Normalisation strips diacritics (speech recognition and many phones drop
 * them), so Vietnamese "Dừng" (stop) becomes `dung`, as do "Đúng" (right, a
 * common reply) and "dùng" (use): the normalised text cannot say which was
 * sent. When the sender typed the diacritics, the raw text can; without them
 * a bare "dung" stays ambiguous and is not an opt-out.
 */
import type { OptOutOptions, OptOutResult } from './types';

/** "Dừng", "DỪNG lại", "Xin dừng ạ!": the whole message, give or take courtesy words and punctuation. */
const DUNG_STOP = /^[\s\p{P}]*(?:(?:xin|vui lòng|làm ơn|thôi)\s+)?dừng(?:\s+lại)?(?:\s+(?:nhé|nha|ạ|đi|giùm|giúp|ngay))*[\s\p{P}]*$/u;
/** Longer messages are never just a keyword: the regex is not even tried on them. */
const MAX_CHARS = 32;
/** "ừ" precomposed, or its horn as a combining mark: a message without one cannot be "dừng". */
const HORN = /ừ|Ừ|\u031b/;

export function diacriticKeyword(text: string, opts: OptOutOptions): OptOutResult | null {
  if (opts?.channel !== 'sms' || typeof text !== 'string' || text.length > MAX_CHARS || !HORN.test(text)) return null;
  if (!DUNG_STOP.test(text.normalize('NFC').toLowerCase())) return null;
  return { intent: 'opt_out', matched: 'keyword:DỪNG', confidence: 0.93, lang: 'vi' };
}
