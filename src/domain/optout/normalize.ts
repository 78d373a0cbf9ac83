/**
 * One normalisation for every language and channel, done once per call.
 *
 * "Stop!!! 🛑", "STOP." and "stop 🙏" become `stop`; "No me llame más" becomes
 * `no me llame mas`; "Ne m'appelez plus" becomes `ne m appelez plus`.
 * SMS and ASR both drop accents, so they are stripped everywhere (NFKD + drop
 * combining marks) and lexicons are written without them: Vietnamese "Đừng gọi"
 * and "dung goi" read alike, as do Arabic with and without vowel marks or
 * tatweel. NFKD also turns full-width "ＳＴＯＰ" into "stop"; Hangul, which it
 * splits into jamo, is put back together. Traditional Chinese folds to
 * simplified (scriptFolds.ts). Chinese and Korean words are not separated by
 * spaces (or inconsistently); their lexicons match on characters, see compile.ts.
 *
 * Clause punctuation survives as a `,` token: "no, deje de llamarme" must
 * not read as the negated "no deje de llamarme", and "wait, stop, go back"
 * must not read as a bare "stop". Emoji and other symbols are dropped, except
 * laughing faces, which become `lol` ("Stop!! 😂" is an interjection), and a
 * `#` standing alone, which texters write for "number" ("take my # off"); a
 * hashtag ("#stopthecalls") stays dropped.
 *
 * It is one pass over the characters (this runs on every transcript frame);
 * only text with non-ASCII characters pays for NFD.
 */

import { DROPPED, foldLetter } from './scriptFolds';

export interface NormalizedText {
  /** Tokens joined by single spaces; `,` marks a clause boundary, never first or last. */
  text: string;
  tokens: readonly string[];
}

export const CLAUSE = ',';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL by definition
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const HANGUL_JAMO = /[\u1100-\u11ff]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LAUGHING_FACES = new Set([0x1f602, 0x1f923, 0x1f606, 0x1f639, 0x1f605, 0x1f62d]);
const CLAUSE_MARKS = new Set('.,;:!?¡¿…()[]{}"“”«»|\u2013\u2014\n\r。、「」『』【】《》～·؟،؛');
const APOSTROPHES = new Set("'’‘`´");
// French (and Catalan/Italian) elision: "m'appelez" → "m appelez". English
// never elides a lone c/d/j/l/m/n/s/t, so "don't", "I'm", "y'all" are untouched.
const ELIDING = new Set('cdjlmnst');

function isWordChar(ch: string, ascii: boolean): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return !ascii && c > 127 && LETTER_OR_DIGIT.test(ch);
}

function unaccented(raw: string): string {
  const stripped = raw.normalize('NFKD').replace(COMBINING_MARKS, '');
  return (HANGUL_JAMO.test(stripped) ? stripped.normalize('NFC') : stripped).toLowerCase();
}

/** Ends the word being read: kept unless it is a filler. */
function endWord(tokens: string[], word: string, fillers: ReadonlySet<string>): void {
  if (word !== '' && !fillers.has(word)) tokens.push(word);
}

/** A clause mark is kept only between two words. */
function markClause(tokens: string[]): void {
  if (tokens.length > 0 && tokens[tokens.length - 1] !== CLAUSE) tokens.push(CLAUSE);
}

// What each ASCII character is to the loop below, from the same sets (most texts are ASCII: they take asciiTokens).
const ASCII_OTHER = 0;
const ASCII_WORD = 1;
const ASCII_APOSTROPHE = 2;
const ASCII_HASH = 3;
const ASCII_CLAUSE = 4;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (isWordChar(ch, true)) return ASCII_WORD;
  if (APOSTROPHES.has(ch)) return ASCII_APOSTROPHE;
  if (ch === '#') return ASCII_HASH;
  return CLAUSE_MARKS.has(ch) ? ASCII_CLAUSE : ASCII_OTHER;
});

/**
 * The loop of `normalize` for lower-cased ASCII text, the same rules read by
 * character code: a word is sliced from the text once it ends (or spliced
 * around an apostrophe, "don't"), not built a character at a time.
 */
function asciiTokens(text: string, fillers: ReadonlySet<string>): string[] {
  const tokens: string[] = [];
  // The word read so far: `word`, then the text from `start` (-1: nothing since).
  let word = '';
  let start = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const kind = ASCII_KIND[text.charCodeAt(i)];
    if (kind === ASCII_WORD) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      word = word === '' ? text.slice(start, i) : word + text.slice(start, i);
      start = -1;
    }
    const nextIsWord = i + 1 < n && ASCII_KIND[text.charCodeAt(i + 1)] === ASCII_WORD;
    if (kind === ASCII_APOSTROPHE) {
      if (word.length === 1 && ELIDING.has(word) && nextIsWord) {
        endWord(tokens, word, fillers);
        word = '';
      }
    } else {
      endWord(tokens, word, fillers);
      word = '';
      if (kind === ASCII_HASH && !nextIsWord) tokens.push('number');
      else if (kind === ASCII_CLAUSE) markClause(tokens);
    }
  }
  if (start >= 0) word = word === '' ? text.slice(start) : word + text.slice(start);
  endWord(tokens, word, fillers);
  return tokens;
}

export function normalize(raw: string, fillers: ReadonlySet<string>): NormalizedText {
  const ascii = !NON_ASCII.test(raw);
  if (ascii) {
    const tokens = asciiTokens(raw.toLowerCase(), fillers);
    if (tokens[tokens.length - 1] === CLAUSE) tokens.pop();
    return { text: tokens.join(' '), tokens };
  }
  const text = unaccented(raw);

  const tokens: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!ascii && DROPPED.has(ch)) {
      // A letter joiner or the tatweel: neither a letter nor a break.
    } else if (isWordChar(ch, ascii)) {
      word += ascii ? ch : foldLetter(ch);
    } else if (APOSTROPHES.has(ch)) {
      // "m'appelez" splits after the elided letter; "don't" just loses the mark.
      if (word.length === 1 && ELIDING.has(word) && i + 1 < text.length && isWordChar(text[i + 1], ascii)) {
        endWord(tokens, word, fillers);
        word = '';
      }
    } else if (ch === '#' && !(i + 1 < text.length && isWordChar(text[i + 1], ascii))) {
      endWord(tokens, word, fillers);
      word = '';
      tokens.push('number');
    } else if (CLAUSE_MARKS.has(ch)) {
      endWord(tokens, word, fillers);
      word = '';
      markClause(tokens);
    } else {
      endWord(tokens, word, fillers);
      word = '';
      if (!ascii) {
        const code = text.codePointAt(i) ?? 0;
        if (code > 0xffff) {
          if (LAUGHING_FACES.has(code)) tokens.push('lol');
          i++;
        }
      }
    }
  }
  endWord(tokens, word, fillers);
  if (tokens[tokens.length - 1] === CLAUSE) tokens.pop();
  return { text: tokens.join(' '), tokens };
}
