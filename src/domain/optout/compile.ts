/**
 * Turns lexicons (data) into the regexes the detector runs. Everything here
 * runs once, at module load; a malformed lexicon throws then, not on a call.
 *
 * Phrase patterns are matched on token boundaries of the normalised text
 * (tokens are separated by single spaces, so "a boundary" is "start, end or a
 * space"). Negation, `notAfter` and `unless` are tested on the text just
 * before / after a match, with regexes anchored at that edge.
 */
import { alternationTrie } from './alternationTrie';
import { pairGate, requiredLiteralSets, requiredLiterals } from './literals';
import { collapseRepeats } from './typo';
import { MAX_KEYWORD_WORDS, type SoftenerSet } from './wholeMessage';
import type { Lexicon, OptOutIntent, PhraseRule } from './types';

export interface CompiledRule {
  id: string;
  lang: string;
  confidence: number;
  /** Global regex: reset `lastIndex` before use. */
  pattern: RegExp;
  /** The same pattern, sticky: tried only where the rule can begin (startIndex.ts). */
  sticky: RegExp;
  /**
   * Character pairs one literal of every match must bring (literals.ts): a
   * text without them is skipped without running `pattern`. Null: no such test.
   */
  gate: Uint16Array | null;
  /**
   * Sets of literals every match takes one string of each (literals.ts), as
   * indexes into its lexicon's `literalSets`, tested by their pair gates
   * (`literalGates`). Rules share sets (a word class), so a set is tested
   * once per text and lexicon.
   */
  needs: readonly number[];
  negatable: boolean;
  notAfter: RegExp | null;
  unless: RegExp | null;
}

export interface CompiledLexicon {
  lang: string;
  /** Rules run on the text without its spaces (see `Lexicon.matchOn`). */
  onCharacters: boolean;
  /** A text must have a letter of the lexicon's script for any rule to match; null for Latin. */
  script: RegExp | null;
  /** The same number for lexicons of the same script (0, 1, …), so a text is tested once per script; -1 without one. */
  scriptSlot: number;
  /** In the order written; startIndex.ts indexes them by how their matches begin. */
  rules: readonly CompiledRule[];
  /** Tested on the text before a match: does a negation cue govern it? */
  negation: RegExp;
  /** Every literal set its rules need (`CompiledRule.needs`). */
  literalSets: readonly (readonly string[])[];
  /** Each set's pair gate (literals.ts), tested before its `includes` calls; null for a set with a one-letter string. */
  literalGates: readonly (Uint16Array | null)[];
}

export interface KeywordEntry {
  lang: string;
  intent: Exclude<OptOutIntent, 'none'>;
  /** Shown in `matched`: "STOP ALL", "ALTO". */
  display: string;
  /** The keyword with its spaces removed. */
  compact: string;
  /** `compact` with repeated letters collapsed, the form typos are compared to. */
  collapsed: string;
}

export interface KeywordTables {
  /** Compact forms ("stopall", "nomas") of every keyword, of the voice keywords, of the clause keywords. */
  wholeForms: ReadonlySet<string>;
  voiceForms: ReadonlySet<string>;
  clauseForms: ReadonlySet<string>;
  softeners: SoftenerSet;
  /** By compact form; several languages may share a keyword ("stop", "cancelar"). */
  entries: ReadonlyMap<string, readonly KeywordEntry[]>;
  all: readonly KeywordEntry[];
  notTypos: ReadonlySet<string>;
  fillers: ReadonlySet<string>;
  laughter: RegExp;
  /** Laughter or delight anywhere in the text: a bare keyword clause is then an exclamation. */
  exclamation: RegExp;
}

// Lower-case ASCII, or letters of scripts without case (Arabic, Chinese, Korean), as normalize() leaves them.
const PLAIN_WORDS = /^[a-z0-9\p{Lo}]+(?: [a-z0-9\p{Lo}]+)*$/u;
/** What normalize() never leaves in a text, so a pattern holding one could never match. */
const NEVER_NORMALISED = /[\p{M}\p{Lu}\u00c0-\u024f\u0622-\u0626\u0640\u0649\u0629\u0111]/u;
const NEVER_MATCHES = /(?!)/;
const CLASS_REF = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const MAX_CLASS_DEPTH = 6;

/** `(?:a|b)`, longest alternative first so a match shows the longest phrase; a list of plain words as a trie (alternationTrie.ts). */
function alternation(items: readonly string[]): string {
  return alternationTrie(items) ?? `(?:${[...items].sort((a, b) => b.length - a.length).join('|')})`;
}

function expandClasses(source: string, lexicon: Lexicon, where: string): string {
  let out = source;
  for (let depth = 0; ; depth++) {
    const next = out.replace(CLASS_REF, (_, name: string) => {
      const items = lexicon.classes[name];
      if (!items) throw new Error(`optout lexicon ${lexicon.lang}: unknown class {${name}} in ${where}`);
      return alternation(items);
    });
    if (next === out) break;
    if (depth === MAX_CLASS_DEPTH) throw new Error(`optout lexicon ${lexicon.lang}: class nesting too deep in ${where}`);
    out = next;
  }
  // Input is accent-stripped and folded; a pattern with an accent could never match.
  if (NEVER_NORMALISED.test(out)) throw new Error(`optout lexicon ${lexicon.lang}: ${where} must be written as normalised text (no accents, lower case)`);
  return out;
}

function checkWords(lexicon: Lexicon, list: readonly string[], what: string): void {
  for (const word of list) {
    if (!PLAIN_WORDS.test(word)) throw new Error(`optout lexicon ${lexicon.lang}: ${what} "${word}" must be lower-case ASCII words`);
  }
}

function ruleBody(rule: PhraseRule, lexicon: Lexicon): string {
  return expandClasses(rule.pattern, lexicon, `rule ${rule.id}`);
}

/** Token boundaries, or none when a lexicon matches on characters. */
interface Edges {
  start: string;
  end: string;
  /** Between a match and the text before or after it. */
  gap: string;
}
const WORD_EDGES: Edges = { start: '(?<![^ ])', end: '(?![^ ])', gap: ' ' };
const CHARACTER_EDGES: Edges = { start: '', end: '', gap: '' };

function compileRule(rule: PhraseRule, lexicon: Lexicon, edges: Edges, literalSets: LiteralSets): CompiledRule {
  const where = `rule ${rule.id}`;
  const body = ruleBody(rule, lexicon);
  const pattern = new RegExp(`${edges.start}(?:${body})${edges.end}`, 'g');
  return {
    id: rule.id,
    lang: lexicon.lang,
    confidence: rule.confidence,
    pattern,
    sticky: new RegExp(pattern.source, 'y'),
    gate: pairGate(requiredLiterals(pattern.source)),
    needs: requiredLiteralSets(pattern.source, MAX_LITERAL_SETS, MIN_LITERAL_LENGTH).map((set) => literalSets.index(set)),
    negatable: rule.negatable === true,
    notAfter: rule.notAfter ? new RegExp(`${edges.start}(?:${expandClasses(rule.notAfter, lexicon, `${where}.notAfter`)})${edges.gap}$`) : null,
    unless: rule.unless ? new RegExp(`^${edges.gap}(?:${expandClasses(rule.unless, lexicon, `${where}.unless`)})${edges.end}`) : null,
  };
}

/** Literal sets tested per rule at most, and the shortest literal worth an `includes` (shorter ones are in nearly every text). */
const MAX_LITERAL_SETS = 8;
const MIN_LITERAL_LENGTH = 2;

/** A lexicon's literal sets, each kept once however many rules need it. */
class LiteralSets {
  readonly sets: (readonly string[])[] = [];
  private readonly byKey = new Map<string, number>();

  index(set: readonly string[]): number {
    const key = set.join('\u0000');
    let at = this.byKey.get(key);
    if (at === undefined) {
      at = this.sets.length;
      this.sets.push(set);
      this.byKey.set(key, at);
    }
    return at;
  }
}

const SCRIPT_SLOTS = new Map<string, number>();
/** How many script slots `scriptSlot` can hand out. */
export const MAX_SCRIPTS = 8;

function scriptSlot(script: string): number {
  let slot = SCRIPT_SLOTS.get(script);
  if (slot === undefined) {
    slot = SCRIPT_SLOTS.size;
    if (slot >= MAX_SCRIPTS) throw new Error(`optout lexicons: more than ${MAX_SCRIPTS} scripts`);
    SCRIPT_SLOTS.set(script, slot);
  }
  return slot;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const { cue, bridge, exceptAfter } = lexicon.negation;
  checkWords(lexicon, [...cue, ...bridge, ...exceptAfter], 'negation word');
  const onCharacters = lexicon.matchOn === 'characters';
  const edges = onCharacters ? CHARACTER_EDGES : WORD_EDGES;
  const except = !exceptAfter.length ? '' : onCharacters ? `(?<!${alternation(exceptAfter)})` : `(?<!(?:^| )${alternation(exceptAfter)} )`;
  const bridges = bridge.length ? `(?:${edges.gap}${alternation(bridge)})*` : '';
  const literalSets = new LiteralSets();
  return {
    lang: lexicon.lang,
    onCharacters,
    script: lexicon.script ? new RegExp(`\\p{Script=${lexicon.script}}`, 'u') : null,
    scriptSlot: lexicon.script ? scriptSlot(lexicon.script) : -1,
    rules: lexicon.rules.map((rule) => compileRule(rule, lexicon, edges, literalSets)),
    negation: cue.length ? new RegExp(`${edges.start}${except}${alternation(cue)}${bridges}${edges.gap}$`) : NEVER_MATCHES,
    literalSets: literalSets.sets,
    literalGates: literalSets.sets.map(pairGate),
  };
}

export function compileKeywords(lexicons: readonly Lexicon[]): KeywordTables {
  const entries = new Map<string, KeywordEntry[]>();
  const all: KeywordEntry[] = [];
  const softenerWords: string[] = [];
  const voice: string[] = [];
  const clause: string[] = [];
  const notTypos = new Set<string>();
  const fillers = new Set<string>();
  const laughter: string[] = [];
  const delight: string[] = [];

  for (const lexicon of lexicons) {
    for (const intent of ['opt_out', 'opt_in', 'help'] as const) {
      checkWords(lexicon, lexicon.keywords[intent], 'keyword');
      for (const keyword of lexicon.keywords[intent]) {
        if (keyword.split(' ').length > MAX_KEYWORD_WORDS)
          throw new Error(`optout lexicon ${lexicon.lang}: keyword "${keyword}" has more than ${MAX_KEYWORD_WORDS} words`);
        const compact = keyword.replaceAll(' ', '');
        const entry: KeywordEntry = { lang: lexicon.lang, intent, display: keyword.toUpperCase(), compact, collapsed: collapseRepeats(compact) };
        const same = entries.get(entry.compact) ?? [];
        if (same.some((e) => e.intent !== intent)) {
          throw new Error(`optout lexicon ${lexicon.lang}: keyword "${keyword}" has two intents`);
        }
        same.push(entry);
        entries.set(entry.compact, same);
        all.push(entry);
      }
    }
    const optOuts = new Set(lexicon.keywords.opt_out.map((k) => k.replaceAll(' ', '')));
    for (const [list, what] of [
      [lexicon.voiceKeywords, 'voice keyword'],
      [lexicon.clauseKeywords, 'clause keyword'],
    ] as const) {
      checkWords(lexicon, list, what);
      for (const k of list)
        if (!optOuts.has(k.replaceAll(' ', ''))) throw new Error(`optout lexicon ${lexicon.lang}: ${what} "${k}" is not an opt-out keyword`);
    }
    checkWords(lexicon, lexicon.softeners, 'softener');
    checkWords(lexicon, lexicon.fillers, 'filler');
    checkWords(lexicon, lexicon.notTypos, 'notTypo');
    voice.push(...lexicon.voiceKeywords);
    clause.push(...lexicon.clauseKeywords);
    softenerWords.push(...lexicon.softeners);
    for (const w of lexicon.notTypos) notTypos.add(w);
    for (const w of lexicon.fillers) fillers.add(w);
    for (const [list, what] of [
      [lexicon.laughter, 'laughter'],
      [lexicon.delight ?? [], 'delight'],
    ] as const) {
      for (const item of list)
        if (NEVER_NORMALISED.test(item)) throw new Error(`optout lexicon ${lexicon.lang}: ${what} "${item}" must be written as normalised text`);
    }
    laughter.push(...lexicon.laughter);
    delight.push(...(lexicon.delight ?? []));
  }

  const compact = (list: readonly string[]): Set<string> => new Set(list.map((k) => k.replaceAll(' ', '')));
  return {
    wholeForms: compact(all.map((e) => e.compact)),
    voiceForms: compact(voice),
    clauseForms: compact(clause),
    softeners: {
      phrases: new Set(softenerWords),
      maxWords: Math.max(...softenerWords.map((w) => w.split(' ').length)),
      words: new Set(softenerWords.flatMap((w) => w.split(' '))),
    },
    entries,
    all,
    notTypos,
    fillers,
    laughter: laughter.length ? new RegExp(`(?<![^ ])${alternation(laughter)}(?![^ ])`) : NEVER_MATCHES,
    exclamation: new RegExp(`(?<![^ ])${alternation([...laughter, ...delight])}(?![^ ])`),
  };
}
