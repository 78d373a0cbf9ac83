/**
 * The one opt-out detector: every path (inbound SMS, live transcripts,
 * /v1/detect) calls `detectOptOut`. Pure, synchronous, no I/O; all regexes
 * are compiled when this module loads.
 *
 * Order of evidence, strongest first:
 * 1. the whole message is a keyword, give or take softeners ("Stop please",
 *    "i said stop"): SMS opt-out / opt-in / help keywords, voice only the
 *    few opt-out words people say to a robocall ("stop.", "alto");
 * 2. SMS only: an obvious typo of a keyword as the whole message ("Stpo");
 * 3. a clause that is just a strong keyword: the first or last clause of a
 *    text ("Wrong number, stop"), the last of an utterance ("No. Stop.");
 *    not when the text laughs ("Stop!! 😂");
 * 4. a plain-language phrase rule of any language ("take me off your list"),
 *    each filtered by negation, subject and what follows.
 * The `lang` hint decides which language is tried and reported first.
 *
 * @example
 * detectOptOut('Stop!!! 🛑', { channel: 'sms' });
 * // → { intent: 'opt_out', matched: 'keyword:STOP', confidence: 0.98, lang: 'en' }
 * detectOptOut('uh yeah no just take me off your list', { channel: 'voice' });
 * // → { intent: 'opt_out', matched: 'phrase:en:take me off your list', confidence: 0.95, lang: 'en' }
 */
import { compileKeywords, compileLexicon, type CompiledLexicon, type KeywordEntry } from './compile';
import { en } from './lexicon.en';
import { es } from './lexicon.es';
import { fr } from './lexicon.fr';
import { pt } from './lexicon.pt';
import { CLAUSE, normalize, type NormalizedText } from './normalize';
import { collapseRepeats, typoOf, type TypoKind } from './typo';
import type { Lexicon, OptOutOptions, OptOutResult } from './types';

const LEXICONS: readonly Lexicon[] = [en, es, fr, pt];

/** Languages with a lexicon, in the order they are tried without a hint. */
export const OPT_OUT_LANGUAGES: readonly string[] = LEXICONS.map((l) => l.lang);

const COMPILED = LEXICONS.map(compileLexicon);
const KEYWORDS = compileKeywords(LEXICONS);
const ORDER_BY_HINT = new Map<string, readonly CompiledLexicon[]>(
  COMPILED.map((first) => [first.lang, [first, ...COMPILED.filter((l) => l !== first)]]),
);

const CONFIDENCE = {
  keywordExact: 0.98,
  keywordSoftened: 0.93,
  voiceBare: 0.9,
  clause: 0.85,
  typo: { repeats: 0.9, transposition: 0.8, edit: 0.75 } satisfies Record<TypoKind, number>,
} as const;
const TYPO_RANK: Record<TypoKind, number> = { repeats: 0, transposition: 1, edit: 2 };
/** Typos are looked for in whole messages of at most this many words ("unsubscibe", "stop p lease" is not one). */
const TYPO_MAX_WORDS = 2;
/** Negation and subjects are looked for this far back (characters). */
const LOOKBEHIND_CHARS = 80;

export function detectOptOut(text: string, opts: OptOutOptions): OptOutResult {
  const hint = primaryLanguage(opts?.lang);
  const order = (hint && ORDER_BY_HINT.get(hint)) || COMPILED;
  const norm = normalize(typeof text === 'string' ? text : '', KEYWORDS.fillers);
  if (norm.text === '') return nothing(hint);

  const words = messageWords(norm);
  const keyword = opts?.channel === 'voice' ? voiceKeyword(norm, words, order) : smsKeyword(norm, words, order);
  return keyword ?? phrase(norm.text, order) ?? nothing(hint);
}

function primaryLanguage(lang: string | undefined): string | undefined {
  if (typeof lang !== 'string' || lang === '') return undefined;
  return lang.split(/[-_]/)[0].toLowerCase();
}

function nothing(hint: string | undefined): OptOutResult {
  return hint ? { intent: 'none', matched: null, confidence: 0, lang: hint } : { intent: 'none', matched: null, confidence: 0 };
}

/**
 * The message as keyword matching sees it: no clause marks, "s t o p" joined,
 * repeated words once ("STOP STOP STOP").
 */
function messageWords(norm: NormalizedText): string {
  const tokens = norm.tokens.filter((t) => t !== CLAUSE);
  if (tokens.length >= 3 && tokens.every((t) => t.length === 1)) return tokens.join('');
  return dedupeRepeats(tokens).join(' ');
}

function dedupeRepeats(tokens: readonly string[]): string[] {
  return tokens.filter((t, i) => t !== tokens[i - 1]);
}

function keywordEntry(spelled: string, order: readonly CompiledLexicon[]): KeywordEntry | undefined {
  const entries = KEYWORDS.entries.get(spelled.replaceAll(' ', ''));
  if (!entries) return undefined;
  for (const lexicon of order) {
    const entry = entries.find((e) => e.lang === lexicon.lang);
    if (entry) return entry;
  }
  return entries[0];
}

function keywordResult(entry: KeywordEntry, matched: string, confidence: number): OptOutResult {
  return { intent: entry.intent, matched, confidence, lang: entry.lang };
}

function smsKeyword(norm: NormalizedText, words: string, order: readonly CompiledLexicon[]): OptOutResult | null {
  const whole = KEYWORDS.whole.exec(words);
  const entry = whole && keywordEntry(whole[1], order);
  if (whole && entry) {
    return keywordResult(entry, `keyword:${entry.display}`, whole[1] === words ? CONFIDENCE.keywordExact : CONFIDENCE.keywordSoftened);
  }
  return typo(words, order) ?? clauseKeyword(norm, KEYWORDS.clause, 'first-or-last', order);
}

function voiceKeyword(norm: NormalizedText, words: string, order: readonly CompiledLexicon[]): OptOutResult | null {
  const whole = KEYWORDS.voice.exec(words);
  const entry = whole && keywordEntry(whole[1], order);
  if (whole && entry) return keywordResult(entry, `keyword:${entry.display}`, CONFIDENCE.voiceBare);
  // "Stop, stop, let me think": on a call only the last clause may be a bare keyword.
  return clauseKeyword(norm, KEYWORDS.voice, 'last', order);
}

function typo(words: string, order: readonly CompiledLexicon[]): OptOutResult | null {
  const core = KEYWORDS.core.exec(words)?.[1] ?? words;
  if (core.split(' ').length > TYPO_MAX_WORDS) return null;
  const observed = core.replaceAll(' ', '');
  if (observed.length < 2 || KEYWORDS.notTypos.has(observed) || KEYWORDS.entries.has(observed)) return null;
  const seen = collapseRepeats(observed);

  let best: { entry: KeywordEntry; kind: TypoKind; langRank: number } | null = null;
  for (const entry of KEYWORDS.all) {
    const kind = typoOf(seen, entry.collapsed, entry.intent !== 'opt_out');
    if (!kind) continue;
    const langRank = order.findIndex((l) => l.lang === entry.lang);
    if (!best || TYPO_RANK[kind] < TYPO_RANK[best.kind] || (kind === best.kind && langRank < best.langRank)) {
      best = { entry, kind, langRank };
    }
  }
  if (!best) return null;
  return keywordResult(best.entry, `keyword-typo:${best.entry.display}~${observed}`, CONFIDENCE.typo[best.kind]);
}

function clauseKeyword(norm: NormalizedText, keywords: RegExp, which: 'first-or-last' | 'last', order: readonly CompiledLexicon[]): OptOutResult | null {
  if (!norm.tokens.includes(CLAUSE) || KEYWORDS.laughter.test(norm.text)) return null;
  const clauses = norm.text.split(` ${CLAUSE} `);
  const candidates = which === 'last' ? [clauses[clauses.length - 1]] : [clauses[0], clauses[clauses.length - 1]];
  for (const clause of candidates) {
    const m = keywords.exec(dedupeRepeats(clause.split(' ')).join(' '));
    const entry = m && keywordEntry(m[1], order);
    if (m && entry) return keywordResult(entry, `keyword-clause:${entry.display}`, CONFIDENCE.clause);
  }
  return null;
}

function phrase(text: string, order: readonly CompiledLexicon[]): OptOutResult | null {
  for (const lexicon of order) {
    if (!lexicon.anyRule.test(text)) continue;
    for (const rule of lexicon.rules) {
      rule.pattern.lastIndex = 0;
      for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
        const before = text.slice(Math.max(0, m.index - LOOKBEHIND_CHARS), m.index);
        if (rule.negatable && lexicon.negation.test(before)) continue;
        if (rule.notAfter && rule.notAfter.test(before)) continue;
        if (rule.unless && rule.unless.test(text.slice(m.index + m[0].length))) continue;
        return { intent: 'opt_out', matched: `phrase:${lexicon.lang}:${m[0]}`, confidence: rule.confidence, lang: lexicon.lang };
      }
    }
  }
  return null;
}
