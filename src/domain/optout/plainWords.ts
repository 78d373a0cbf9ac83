/**
 * The words of a short spoken answer, as the confirm step's two recognisers
 * (`possibleOptOut.ts`, `affirmative.ts`) read them, in any of the ten
 * languages: lower case, accents and Arabic vowel marks dropped (speech
 * recognition often drops them, "có" arrives as "co"), apostrophes removed
 * ("that's" → "thats"), everything that is not a letter or digit a space.
 * Chinese has no word spaces, so each Han character is its own word ("是的"
 * → "是 的"); Hangul keeps its syllables (NFD splits them, NFC joins them
 * back after the marks are gone).
 *
 * @example
 * plainWords("Yes, that's right!"); // ['yes', 'thats', 'right']
 * plainWords('Sí, por favor');      // ['si', 'por', 'favor']
 * plainWords('是的，谢谢');           // ['是', '的', '谢', '谢']
 * plainText('¿Quién le dio mi número?'); // 'quien le dio mi numero'
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL by definition
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;
const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;
const NOT_AN_ASCII_WORD = /[^a-z0-9]+/g;
const HAN = /(\p{Script=Han})/gu;
/**
 * Letters NFD leaves whole: Vietnamese đ, and Arabic alef maksura, which
 * recognisers write for a final yeh and back. (The hamza forms of alef are
 * a mark on a plain alef: NFD already folds them.)
 */
const FOLDED: Readonly<Record<string, string>> = { đ: 'd', ى: 'ي' };
const TO_FOLD = /[đى]/g;

export function plainWords(raw: string): string[] {
  const text = plainText(raw);
  return text === '' ? [] : text.split(' ');
}

/** `plainWords` joined by single spaces, without building the array. */
export function plainText(raw: string): string {
  let text = raw.toLowerCase();
  if (NON_ASCII.test(text)) {
    text = text
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .normalize('NFC')
      .replace(TO_FOLD, (ch) => FOLDED[ch])
      .replace(HAN, ' $1 ')
      .replace(APOSTROPHES, '')
      .replace(NOT_A_WORD, ' ');
  } else {
    // This runs on every final transcript that is not an opt-out: plain ASCII skips the Unicode work.
    text = text.replace(APOSTROPHES, '').replace(NOT_AN_ASCII_WORD, ' ');
  }
  return text.trim();
}

/** Whether `plainWords` output can hold a letter outside ASCII (Chinese, Korean, Arabic lists need one). */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}
