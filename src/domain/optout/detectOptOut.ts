/**
 * The one opt-out detector: every path (inbound SMS, live transcripts,
 * /v1/detect) calls `detectOptOut`. Pure, synchronous, no I/O; every regex
 * is built when this module loads, none per call. (V8 still turns each into
 * machine code on its first use: the first calls of a process pay for that,
 * once; afterwards a call is cheap.)
 *
 * Order of evidence, strongest first:
 * 1. the whole message is a keyword, give or take softeners ("Stop please",
 *    "i said stop"): SMS opt-out / opt-in / help keywords, voice only the
 *    few opt-out words people say to a robocall ("stop.", "alto");
 * 2. SMS only: an obvious typo of a keyword as the whole message ("Stpo");
 *    and, after every rule, a keyword only its diacritics tell from an
 *    ordinary word ("Dừng", stop, not "Đúng", right: diacriticKeywords.ts);
 * 3. a clause that is just a strong keyword: the first or last clause of a
 *    text ("Wrong number, stop"), the last of an utterance ("No. Stop.");
 *    not when the text laughs ("Stop!! 😂");
 * 4. a plain-language phrase rule of any language ("take me off your list"),
 *    each filtered by negation, subject and what follows;
 * 5. when no rule fired, and none was set aside for its negation ("I don't
 *    want you to stop texting me"): the n-gram classifier (ngramModel.ts),
 *    only at or above its threshold, its strongest n-grams as `matched`
 *    (`classifier:stop|op c|alli`).
 * 6. voice only, when nothing above fired: speech that may be an opt-out
 *    ("I'm not interested"), reported as `possible_opt_out` for the call
 *    paths to confirm (possibleOptOut.ts).
 * The `lang` hint decides which language is tried and reported first.
 *
 * @example
 * detectOptOut('Stop!!! 🛑', { channel: 'sms' });
 * // → { intent: 'opt_out', matched: 'keyword:STOP', confidence: 0.98, lang: 'en' }
 * detectOptOut('uh yeah no just take me off your list', { channel: 'voice' });
 * // → { intent: 'opt_out', matched: 'phrase:en:take me off your list', confidence: 0.95, lang: 'en' }
 */
import { possibleOptOut } from './possibleOptOut';
import { ANYWHERE, anyMarked, RuleStartIndex, type RuleMarks } from './startIndex';
import { diacriticKeyword } from './diacriticKeywords';
import { compileKeywords, compileLexicon, MAX_SCRIPTS, type CompiledLexicon, type CompiledRule, type KeywordEntry } from './compile';
import { ar } from './lexicon.ar';
import { arabizi } from './lexicon.ar.arabizi';
import { en } from './lexicon.en';
import { es } from './lexicon.es';
import { fr } from './lexicon.fr';
import { ht } from './lexicon.ht';
import { ko } from './lexicon.ko';
import { pt } from './lexicon.pt';
import { tl } from './lexicon.tl';
import { vi } from './lexicon.vi';
import { zh } from './lexicon.zh';
import { mayHold, newPairSet, pairsOf, type PairSet } from './literals';
import { shippedNgramModel } from './ngramModel';
import { CLAUSE, normalize, type NormalizedText } from './normalize';
import { collapseRepeats, typoOf, type TypoKind } from './typo';
import { keywordCandidates, wholeMessageKeyword, type KeywordSpan } from './wholeMessage';
import type { Lexicon, OptOutOptions, OptOutResult } from './types';

// A language may have two lexicons, one a script (Arabic and Arabizi).
const LEXICONS: readonly Lexicon[] = [en, es, fr, pt, zh, vi, tl, ko, ar, arabizi, ht];

/** Languages with a lexicon, in the order they are tried without a hint. */
export const OPT_OUT_LANGUAGES: readonly string[] = [...new Set(LEXICONS.map((l) => l.lang))];

const COMPILED = LEXICONS.map(compileLexicon);
const MAX_LITERAL_SETS_PER_LEXICON = Math.max(...COMPILED.map((l) => l.literalSets.length));
const KEYWORDS = compileKeywords(LEXICONS);
const ORDER_BY_HINT = new Map<string, readonly CompiledLexicon[]>(
  OPT_OUT_LANGUAGES.map((lang) => [lang, [...COMPILED.filter((l) => l.lang === lang), ...COMPILED.filter((l) => l.lang !== lang)]]),
);

const CONFIDENCE = {
  keywordExact: 0.98,
  keywordSoftened: 0.93,
  voiceBare: 0.9,
  clause: 0.85,
  /** A phrase the classifier doubted, on a call: as unsure as any possible opt-out. */
  doubted: 0.5,
  typo: { repeats: 0.9, transposition: 0.8, edit: 0.75 } satisfies Record<TypoKind, number>,
} as const;
const TYPO_RANK: Record<TypoKind, number> = { repeats: 0, transposition: 1, edit: 2 };
/** Negation and subjects are looked for this far back (characters). */
const LOOKBEHIND_CHARS = 80;

/** A phrase rule's opt-out to which the classifier gives less than this is doubted (see `doubted`). */
const PHRASE_VETO = 0.05;
const PHRASE_MATCH = 'phrase:';

/** How many n-grams the classifier names in `matched`. */
const CLASSIFIER_EVIDENCE = 3;

export function detectOptOut(text: string, opts: OptOutOptions): OptOutResult {
  const hint = primaryLanguage(opts?.lang);
  const norm = normalize(typeof text === 'string' ? text : '', KEYWORDS.fillers);
  if (norm.text === '') return nothing(hint);
  return (
    doubted(byRules(norm, opts, hint), norm.text, opts, hint) ??
    diacriticKeyword(text, opts) ??
    (NEGATED.seen ? null : byClassifier(norm.text, hint)) ??
    (opts?.channel === 'voice' ? possibleOptOut(text, hint) : null) ??
    nothing(hint)
  );
}

/** The rules alone (steps 1–4): what they decide, or null. The classifier's training asks which utterances they leave to it. */
export function detectRules(text: string, opts: OptOutOptions): OptOutResult | null {
  const norm = normalize(typeof text === 'string' ? text : '', KEYWORDS.fillers);
  return norm.text === '' ? null : (byRules(norm, opts, primaryLanguage(opts?.lang)) ?? diacriticKeyword(text, opts));
}

/**
 * Whether no rule decides the text and one set an opt-out phrase aside for its negation: the detector
 * does not ask the classifier then, so its training leaves such texts out instead of learning the
 * phrase itself as a sign against opting out.
 */
export function negatedByRules(text: string, opts: OptOutOptions): boolean {
  NEGATED.seen = false;
  return detectRules(text, opts) === null && NEGATED.seen;
}

/** The text as the rules and the classifier read it. */
export function normalizeForDetection(text: string): string {
  return normalize(text, KEYWORDS.fillers).text;
}

function byRules(norm: NormalizedText, opts: OptOutOptions, hint: string | undefined): OptOutResult | null {
  const order = (hint && ORDER_BY_HINT.get(hint)) || COMPILED;
  const words = messageWords(norm.tokens);
  const keyword = opts?.channel === 'voice' ? voiceKeyword(norm, words, order) : smsKeyword(norm, words, order);
  return keyword ?? phrase(norm.text, order);
}

/**
 * A plain-language phrase rule's opt-out the classifier all but rules out is not taken as one: what
 * such a rule catches by its words alone, the speaker may be reporting or refusing ("my husband said
 * to stop calling him, but I'm interested"), and the classifier, trained on whole utterances, tells
 * those apart. On a call it becomes `possible_opt_out`, so the stream and relay paths ask the
 * consumer to confirm; a text is left as no opt-out (SMS never asks). Keywords are never doubted:
 * carriers require them honoured as sent. The backtest (`npm run backtest:optout`, variants
 * `hidden-16-veto-phrase-*`) chose the level; docs/opt-out-detection.md has its figures.
 */
function doubted(ruled: OptOutResult | null, normalised: string, opts: OptOutOptions, hint: string | undefined): OptOutResult | null {
  if (ruled === null || ruled.intent !== 'opt_out' || !ruled.matched?.startsWith(PHRASE_MATCH)) return ruled;
  if (shippedNgramModel().probability(normalised) >= PHRASE_VETO) return ruled;
  if (opts?.channel !== 'voice') return nothing(hint);
  return { intent: 'possible_opt_out', matched: `doubted-${ruled.matched}`, confidence: CONFIDENCE.doubted, lang: ruled.lang };
}

function byClassifier(normalised: string, hint: string | undefined): OptOutResult | null {
  const model = shippedNgramModel();
  const p = model.probability(normalised);
  if (p < model.threshold) return null;
  const result: OptOutResult = {
    intent: 'opt_out',
    matched: `classifier:${model.evidence(normalised, CLASSIFIER_EVIDENCE).join('|')}`,
    confidence: Math.round(p * 100) / 100,
  };
  return hint ? { ...result, lang: hint } : result;
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
function messageWords(tokens: readonly string[]): string[] {
  const words = tokens.filter((t) => t !== CLAUSE);
  if (words.length >= 3 && words.every((t) => t.length === 1)) return [words.join('')];
  return dedupeRepeats(words);
}

function dedupeRepeats(tokens: readonly string[]): string[] {
  return tokens.filter((t, i) => t !== tokens[i - 1]);
}

/** The entry for a keyword: the first language in `order` that has it, spelled as written when it can ("STOP ALL", not "STOPALL"). */
function keywordEntry(found: KeywordSpan, order: readonly CompiledLexicon[]): KeywordEntry | undefined {
  const entries = KEYWORDS.entries.get(found.compact);
  if (!entries) return undefined;
  const spelled = found.spelled.toUpperCase();
  for (const lexicon of order) {
    const own = entries.filter((e) => e.lang === lexicon.lang);
    if (own.length > 0) return own.find((e) => e.display === spelled) ?? own[0];
  }
  return entries[0];
}

function keywordResult(entry: KeywordEntry, matched: string, confidence: number): OptOutResult {
  return { intent: entry.intent, matched, confidence, lang: entry.lang };
}

function smsKeyword(norm: NormalizedText, words: readonly string[], order: readonly CompiledLexicon[]): OptOutResult | null {
  const whole = wholeMessageKeyword(words, KEYWORDS.wholeForms, KEYWORDS.softeners);
  const entry = whole && keywordEntry(whole, order);
  if (whole && entry) {
    return keywordResult(entry, `keyword:${entry.display}`, whole.exact ? CONFIDENCE.keywordExact : CONFIDENCE.keywordSoftened);
  }
  return typo(words, order) ?? clauseKeyword(norm, KEYWORDS.clauseForms, 'first-or-last', order);
}

function voiceKeyword(norm: NormalizedText, words: readonly string[], order: readonly CompiledLexicon[]): OptOutResult | null {
  const whole = wholeMessageKeyword(words, KEYWORDS.voiceForms, KEYWORDS.softeners);
  const entry = whole && keywordEntry(whole, order);
  if (whole && entry) return keywordResult(entry, `keyword:${entry.display}`, CONFIDENCE.voiceBare);
  // "Stop, stop, let me think": on a call only the last clause may be a bare keyword.
  return clauseKeyword(norm, KEYWORDS.voiceForms, 'last', order);
}

function typo(words: readonly string[], order: readonly CompiledLexicon[]): OptOutResult | null {
  let best: { entry: KeywordEntry; kind: TypoKind; langRank: number; observed: string } | null = null;
  for (const observed of keywordCandidates(words, KEYWORDS.softeners)) {
    if (observed.length < 2 || KEYWORDS.notTypos.has(observed) || KEYWORDS.entries.has(observed)) continue;
    const seen = collapseRepeats(observed);
    for (const entry of KEYWORDS.all) {
      // Every kind of typo keeps the length within two letters: most keywords are passed over without a call.
      const longer = seen.length - entry.collapsed.length;
      if (longer > 2 || longer < -2) continue;
      const kind = typoOf(seen, entry.collapsed, entry.intent !== 'opt_out');
      if (!kind) continue;
      const langRank = order.findIndex((l) => l.lang === entry.lang);
      if (!best || TYPO_RANK[kind] < TYPO_RANK[best.kind] || (kind === best.kind && langRank < best.langRank)) {
        best = { entry, kind, langRank, observed };
      }
    }
  }
  if (!best) return null;
  return keywordResult(best.entry, `keyword-typo:${best.entry.display}~${best.observed}`, CONFIDENCE.typo[best.kind]);
}

function clauseKeyword(
  norm: NormalizedText,
  forms: ReadonlySet<string>,
  which: 'first-or-last' | 'last',
  order: readonly CompiledLexicon[],
): OptOutResult | null {
  if (!norm.tokens.includes(CLAUSE) || KEYWORDS.exclamation.test(norm.text)) return null;
  const clauses = norm.text.split(` ${CLAUSE} `);
  const candidates = which === 'last' ? [clauses[clauses.length - 1]] : [clauses[0], clauses[clauses.length - 1]];
  for (const clause of candidates) {
    const found = wholeMessageKeyword(dedupeRepeats(clause.split(' ')), forms, KEYWORDS.softeners);
    const entry = found && keywordEntry(found, order);
    if (found && entry) return keywordResult(entry, `keyword-clause:${entry.display}`, CONFIDENCE.clause);
  }
  return null;
}

// Every rule of every lexicon, by how its matches begin: one walk over a text names the rules worth running.
const RULE_STARTS = new RuleStartIndex(COMPILED);
/** For each order lexicons are tried in (ORDER_BY_HINT, COMPILED): the number of each one's first rule in RULE_STARTS. */
const FIRST_RULES = new Map<readonly CompiledLexicon[], Int32Array>(
  [COMPILED, ...ORDER_BY_HINT.values()].map((order) => [order, Int32Array.from(order, (lexicon) => RULE_STARTS.first[COMPILED.indexOf(lexicon)])]),
);
const WORD_RULES = RULE_STARTS.newMarks();
const CHARACTER_RULES = RULE_STARTS.newMarks();

// Character pairs of the text and of its unspaced form; reused by every call (the detector is synchronous).
const WORD_PAIRS = newPairSet();
const CHARACTER_PAIRS = newPairSet();

// Per call: 0 not tested yet, 1 the text has a letter of the slot's script, 2 it has none.
const SCRIPT_SEEN = new Uint8Array(MAX_SCRIPTS);

/** Several lexicons share a script (Latin): the text is tested once per script and call. */
function hasScript(lexicon: CompiledLexicon, words: string): boolean {
  const seen = SCRIPT_SEEN[lexicon.scriptSlot];
  if (seen !== 0) return seen === 1;
  const has = lexicon.script?.test(words) === true;
  SCRIPT_SEEN[lexicon.scriptSlot] = has ? 1 : 2;
  return has;
}

// Per lexicon and call: 0 not tested yet, 1 the text may hold a literal of the set (its pairs are there), 2 it cannot.
const LITERALS_SEEN = new Uint8Array(MAX_LITERAL_SETS_PER_LEXICON);

/**
 * Whether `text` may hold a literal of every set a rule needs, by character
 * pairs only; each set is tested once per lexicon and call. An exact test
 * (`includes` of each literal) costs about what the few sticky tries it
 * saves do, now that a rule is tried only where it can begin.
 */
function holdsNeeds(needs: readonly number[], lexicon: CompiledLexicon, pairs: PairSet): boolean {
  for (const i of needs) {
    let seen = LITERALS_SEEN[i];
    if (seen === 0) {
      const gate = lexicon.literalGates[i];
      seen = gate === null || mayHold(pairs, gate) ? 1 : 2;
      LITERALS_SEEN[i] = seen;
    }
    if (seen === 2) return false;
  }
  return true;
}

/**
 * Whether the last phrase reading met an opt-out phrase its language's negation governs ("I don't want
 * you to stop texting me"). The classifier, a bag of n-grams, cannot read negation and would call such
 * a text an opt-out on the strength of the phrase the rules just set aside: it is not asked then.
 */
const NEGATED = { seen: false };

function phrase(words: string, order: readonly CompiledLexicon[]): OptOutResult | null {
  NEGATED.seen = false;
  SCRIPT_SEEN.fill(0);
  let characters: string | undefined;
  let wordPairs: PairSet | undefined;
  let characterPairs: PairSet | undefined;
  let wordRules: RuleMarks | undefined;
  let characterRules: RuleMarks | undefined;
  const firstRules = FIRST_RULES.get(order) as Int32Array;
  for (let l = 0; l < order.length; l++) {
    const lexicon = order[l];
    if (lexicon.script && !hasScript(lexicon, words)) continue;
    // The unspaced text is made once, for the first lexicon that needs it.
    const text = lexicon.onCharacters ? (characters ??= words.replaceAll(' ', '')) : words;
    const marks = lexicon.onCharacters
      ? (characterRules ??= RULE_STARTS.mark(text, true, CHARACTER_RULES))
      : (wordRules ??= RULE_STARTS.mark(text, false, WORD_RULES));
    const first = firstRules[l];
    const end = first + lexicon.rules.length;
    if (!anyMarked(marks, first, end)) continue;
    const pairs = lexicon.onCharacters ? (characterPairs ??= pairsOf(text, CHARACTER_PAIRS)) : (wordPairs ??= pairsOf(text, WORD_PAIRS));
    LITERALS_SEEN.fill(0, 0, lexicon.literalSets.length);
    for (let id = first; id < end; id++) {
      if (!marks.isMarked(id)) continue;
      const rule = lexicon.rules[id - first];
      if (rule.gate !== null && !mayHold(pairs, rule.gate)) continue;
      if (!holdsNeeds(rule.needs, lexicon, pairs)) continue;
      const found = ruleMatch(rule, lexicon, text, marks, id);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The rule's first match that its filters let through, as a global regex
 * run over the whole text would find it (each search goes on from where the
 * last match ended): the sticky pattern is tried only at the places the rule
 * can begin, in the order of the text.
 */
function ruleMatch(rule: CompiledRule, lexicon: CompiledLexicon, text: string, marks: RuleMarks, id: number): OptOutResult | null {
  let from = 0;
  let hit = marks.first[id];
  for (;;) {
    let m: RegExpExecArray | null;
    if (hit === ANYWHERE) {
      rule.pattern.lastIndex = from;
      m = rule.pattern.exec(text);
      if (m === null) return null;
    } else {
      while (hit >= 0 && marks.at[hit] < from) hit = marks.next[hit];
      if (hit < 0) return null;
      const at = marks.at[hit];
      hit = marks.next[hit];
      rule.sticky.lastIndex = at;
      m = rule.sticky.exec(text);
      if (m === null) {
        from = at + 1;
        continue;
      }
    }
    from = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - LOOKBEHIND_CHARS), m.index);
    if (rule.negatable && lexicon.negation.test(before)) {
      NEGATED.seen = true;
      continue;
    }
    if (rule.notAfter?.test(before)) continue;
    if (rule.unless?.test(text.slice(from))) continue;
    return { intent: 'opt_out', matched: `phrase:${lexicon.lang}:${m[0]}`, confidence: rule.confidence, lang: lexicon.lang };
  }
}
