/**
 * One normalisation for every language and channel, done once per call.
 *
 * "Stop!!! 🛑", "STOP." and "stop 🙏" become `stop`; "No me llame más" becomes
 * `no me llame mas`; "Ne m'appelez plus" becomes `ne m appelez plus`.
 * SMS and ASR both drop accents, so they are stripped everywhere (NFD + drop
 * combining marks) and lexicons are written without them.
 *
 * Clause punctuation survives as a `,` token: "no, deje de llamarme" must
 * not read as the negated "no deje de llamarme", and "wait, stop, go back"
 * must not read as a bare "stop". Emoji and other symbols are dropped, except
 * laughing faces, which become `lol` ("Stop!! 😂" is an interjection).
 */

export interface NormalizedText {
  /** Tokens joined by single spaces; `,` marks a clause boundary, never first or last. */
  text: string;
  tokens: readonly string[];
}

export const CLAUSE = ',';

const COMBINING_MARKS = /\p{M}+/gu;
const LAUGHING_FACES = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F605}\u{1F62D}]/gu;
// French (and Catalan/Italian) elision: "m'appelez" → "m appelez". English
// never elides a lone c/d/j/l/m/n/s/t, so "don't", "I'm", "y'all" are untouched.
const ELISION = /(?<![\p{L}\p{N}])([cdjlmnst])['’‘`´](?=\p{L})/gu;
const APOSTROPHES = /['’‘`´]/g;
const CLAUSE_MARKS = /[.,;:!?¡¿…\n\r()[\]{}"“”«»|\u2013\u2014]+/g;
const NOT_TOKEN = /[^\p{L}\p{N},]+/gu;

export function normalize(raw: string, fillers: ReadonlySet<string>): NormalizedText {
  const flat = raw
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LAUGHING_FACES, ' lol ')
    .replace(ELISION, '$1 ')
    .replace(APOSTROPHES, '')
    .replace(CLAUSE_MARKS, ' , ')
    .replace(NOT_TOKEN, ' ');

  const tokens: string[] = [];
  for (const token of flat.split(' ')) {
    if (token === '' || fillers.has(token)) continue;
    // A clause mark is kept only between two words.
    if (token === CLAUSE && (tokens.length === 0 || tokens[tokens.length - 1] === CLAUSE)) continue;
    tokens.push(token);
  }
  if (tokens[tokens.length - 1] === CLAUSE) tokens.pop();
  return { text: tokens.join(' '), tokens };
}
