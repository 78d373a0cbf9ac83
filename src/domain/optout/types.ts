/**
 * The detector's public result and the shape of a language lexicon.
 *
 * A lexicon is data only: words, phrases and regex fragments over
 * *normalised* text (lower case, no accents, no punctuation except the clause
 * mark `,`, tokens separated by one space; see `normalize.ts`). All matching
 * logic lives in `compile.ts` and `detectOptOut.ts`, shared by every language.
 */

/**
 * `possible_opt_out`: speech that may be an opt-out ("I'm not interested"),
 * voice only. It never revokes by itself; the call paths ask the consumer to
 * confirm (src/gate/confirmOptOut.ts).
 */
export const OPT_OUT_INTENTS = ['opt_out', 'possible_opt_out', 'opt_in', 'help', 'none'] as const;
export type OptOutIntent = (typeof OPT_OUT_INTENTS)[number];

export type OptOutChannel = 'sms' | 'voice';

export interface OptOutOptions {
  channel: OptOutChannel;
  /** A hint ("es", "pt-BR"): tried first and reported when it fires. It never excludes the other languages. */
  lang?: string;
}

export interface OptOutResult {
  intent: OptOutIntent;
  /**
   * Why: the rule and the words that fired, for the audit trail —
   * `keyword:STOP`, `keyword-typo:STOP~stpo`, `keyword-clause:STOP`,
   * `phrase:en:take me off your list`. `null` when nothing fired.
   */
  matched: string | null;
  /** Strength of the evidence for `intent`, in [0, 1]; 0 when nothing fired. */
  confidence: number;
  /** The language whose lexicon fired (or the hint, when nothing fired). */
  lang?: string;
}

/** One plain-language opt-out pattern. */
export interface PhraseRule {
  /** Short name, used by tests and docs. */
  id: string;
  /** Regex source over normalised text; `{name}` expands to the lexicon's word class. Matched on token boundaries. */
  pattern: string;
  confidence: number;
  /** Cancelled when the language's negation governs the match ("don't stop calling me"). */
  negatable?: boolean;
  /** Does not fire when the text just before the match ends with this (a subject: "I'll stop texting"). */
  notAfter?: string;
  /** Does not fire when the text just after the match starts with this ("stop calling me sir"). */
  unless?: string;
}

export interface Lexicon {
  lang: string;
  /**
   * `characters` for scripts written without word spaces, or with spaces where
   * any would do (Chinese; Korean, whose spacing varies from writer to
   * writer): rules then run on the text with its spaces removed and match
   * anywhere, not on token boundaries, and are written without spaces.
   * Default `words`.
   */
  matchOn?: 'words' | 'characters';
  /**
   * The Unicode script its rules are written in: a text with no letter of it
   * is skipped without running a rule. None when the rules mix scripts
   * (Arabic with Arabizi).
   */
  script?: 'Latin' | 'Han' | 'Hangul' | 'Arabic';
  /** Whole-message keywords (SMS). Multi-word entries are also accepted written together ("stop all" / "stopall"). */
  keywords: { opt_out: readonly string[]; opt_in: readonly string[]; help: readonly string[] };
  /** Opt-out keywords a caller may say as the whole final utterance ("stop."). */
  voiceKeywords: readonly string[];
  /** Strong opt-out keywords honoured as the first or last clause of a text ("Wrong number, stop"). */
  clauseKeywords: readonly string[];
  /** Words that may surround a keyword without changing it: please, thanks, no, "i said". */
  softeners: readonly string[];
  /** Hesitation noises dropped before matching ("uh", "euh"). Must not be words of any language. */
  fillers: readonly string[];
  /** Laughter ("lol", "jaja"): a "Stop!! 😂" clause is an interjection, not an opt-out. */
  laughter: readonly string[];
  /** Delight or disbelief ("that's amazing", "no way", "you're kidding"): a "Stop! …" clause beside it is an exclamation. */
  delight?: readonly string[];
  /** Real words that typo matching must never read as a keyword ("stoop", "alot", "sari"). */
  notTypos: readonly string[];
  /**
   * Negation scope: `cue`, then only `bridge` words, then the matched phrase
   * ("i don't want you to | stop calling"). A cue right after `exceptAfter`
   * is rhetorical or a complaint ("why don't you", "they won't") and negates nothing.
   */
  negation: { cue: readonly string[]; bridge: readonly string[]; exceptAfter: readonly string[] };
  /** Word classes referenced by rules as `{name}`; entries are regex fragments, longest tried first. */
  classes: Readonly<Record<string, readonly string[]>>;
  rules: readonly PhraseRule[];
}
