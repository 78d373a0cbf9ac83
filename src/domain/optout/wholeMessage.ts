/**
 * "Is this whole message a keyword, give or take softeners?" — "Stop please",
 * "i said stop", "no, alto", "no más gracias".
 *
 * Softeners overlap ("no", "thanks", "no thanks"), so a backtracking regex of
 * the form `^(soft )*KW( soft)*$` is exponential on a message of repeated
 * softeners ("no thanks no thanks … x" took seconds). This is a linear
 * dynamic programme over tokens instead: which prefixes and suffixes are
 * made only of softeners, then which short middle is a keyword.
 */

export interface SoftenerSet {
  /** Softener phrases, words joined by one space. */
  phrases: ReadonlySet<string>;
  /** Longest softener, in words. */
  maxWords: number;
  /** Every word that appears in some softener. */
  words: ReadonlySet<string>;
}

export interface KeywordSpan {
  /** The keyword's words run together ("stopall", "nomas"). */
  compact: string;
  /** The keyword as written, words joined by one space ("stop all"). */
  spelled: string;
  /** True when there was nothing around the keyword. */
  exact: boolean;
}

/** Messages longer than this are never "just a keyword". Bounds the work on long texts. */
export const MAX_KEYWORD_MESSAGE_WORDS = 24;
/** Keywords are at most this many words ("cancelar suscripcion", "stop all"). */
export const MAX_KEYWORD_WORDS = 3;

// An SMS is read as a keyword, then as a keyword's typo: the same words, segmented once.
let lastTokens: readonly string[] | null = null;
let lastSofteners: SoftenerSet | null = null;
let lastSegments: { prefix: boolean[]; suffix: boolean[] } | null = null;

function segmentable(tokens: readonly string[], softeners: SoftenerSet): { prefix: boolean[]; suffix: boolean[] } {
  if (tokens === lastTokens && softeners === lastSofteners && lastSegments) return lastSegments;
  const n = tokens.length;
  const prefix = new Array<boolean>(n + 1).fill(false);
  const suffix = new Array<boolean>(n + 1).fill(false);
  prefix[0] = true;
  suffix[n] = true;
  // A phrase holding a word no softener has is no softener: it is not built.
  for (let p = 0; p < n; p++) {
    if (!prefix[p]) continue;
    let phrase = '';
    for (let len = 1; len <= softeners.maxWords && p + len <= n && softeners.words.has(tokens[p + len - 1]); len++) {
      phrase = len === 1 ? tokens[p] : `${phrase} ${tokens[p + len - 1]}`;
      if (softeners.phrases.has(phrase)) prefix[p + len] = true;
    }
  }
  for (let q = n - 1; q >= 0; q--) {
    let phrase = '';
    for (let len = 1; len <= softeners.maxWords && q + len <= n && softeners.words.has(tokens[q + len - 1]); len++) {
      phrase = len === 1 ? tokens[q] : `${phrase} ${tokens[q + len - 1]}`;
      if (suffix[q + len] && softeners.phrases.has(phrase)) {
        suffix[q] = true;
        break;
      }
    }
  }
  lastTokens = tokens;
  lastSofteners = softeners;
  lastSegments = { prefix, suffix };
  return lastSegments;
}

/**
 * Every way to read `tokens` as softeners + a middle of 1..maxMiddle words +
 * softeners, widest reading first; `visit` returns true to stop.
 */
function eachMiddle(tokens: readonly string[], softeners: SoftenerSet, maxMiddle: number, visit: (p: number, q: number) => boolean): void {
  if (tokens.length === 0 || tokens.length > MAX_KEYWORD_MESSAGE_WORDS) return;
  // Everything outside the middle is softeners, so at most `maxMiddle` words may be
  // foreign to them: a cheap way out for ordinary sentences.
  let foreign = 0;
  for (const t of tokens) if (!softeners.words.has(t) && ++foreign > maxMiddle) return;
  const { prefix, suffix } = segmentable(tokens, softeners);
  for (let p = 0; p < tokens.length; p++) {
    if (!prefix[p]) continue;
    for (let len = 1; len <= maxMiddle && p + len <= tokens.length; len++) {
      if (suffix[p + len] && visit(p, p + len)) return;
    }
  }
}

/** The keyword the message consists of, softeners aside, if any. `forms` holds keywords' compact forms. */
export function wholeMessageKeyword(tokens: readonly string[], forms: ReadonlySet<string>, softeners: SoftenerSet): KeywordSpan | null {
  let found: KeywordSpan | null = null;
  eachMiddle(tokens, softeners, MAX_KEYWORD_WORDS, (p, q) => {
    const middle = tokens.slice(p, q);
    const compact = middle.join('');
    if (!forms.has(compact)) return false;
    found = { compact, spelled: middle.join(' '), exact: p === 0 && q === tokens.length };
    return true;
  });
  return found;
}

/** The 1–2 word middles a typo of a keyword could hide in ("stpo please" → "stpo"). */
export function keywordCandidates(tokens: readonly string[], softeners: SoftenerSet): string[] {
  const out: string[] = [];
  eachMiddle(tokens, softeners, 2, (p, q) => {
    const middle = tokens.slice(p, q);
    if (!softeners.phrases.has(middle.join(' '))) out.push(middle.join(''));
    return false;
  });
  return out;
}
