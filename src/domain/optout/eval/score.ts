/**
 * Scoring of the detector against the labelled set in `dev.jsonl` and `heldout.jsonl`.
 * Pure: the caller reads the file (scripts/eval-optout.ts, the test).
 *
 * Opt-out is the positive class. A false alarm is an utterance labelled
 * anything else that the detector calls `opt_out`; its rate is over all such
 * utterances. Opt-in and help are scored as plain intent accuracy, and any
 * utterance wrongly called `opt_in` is listed: it would re-subscribe someone.
 *
 * `possible_opt_out` marks the uncertain middle ("I'm not interested", "who
 * gave you my number?"): it is its own row, scored on whether the detector
 * reports that intent, and it stays out of the opt-out figures — calling it
 * `opt_out` is neither a miss nor a false alarm, since a confirm step would
 * have asked. Utterances marked `keyword` are carrier SMS keywords: every one
 * must be caught.
 */
import type { OptOutChannel, OptOutIntent, OptOutOptions, OptOutResult } from '../types';

/** The detector's intents plus the uncertain middle, which only the labels know about so far. */
export type EvalLabel = OptOutIntent | 'possible_opt_out';

export interface LabelledUtterance {
  text: string;
  channel: OptOutChannel;
  lang: string;
  label: EvalLabel;
  /** A carrier or local-practice SMS opt-out keyword: missing one fails the bar whatever the rates. */
  keyword?: boolean;
  note?: string;
}

export interface Outcome {
  utterance: LabelledUtterance;
  result: OptOutResult;
}

export interface OptOutScore {
  n: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  falseAlarmRate: number;
}

export interface IntentAccuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export interface PossibleOptOutScore {
  total: number;
  /** Reported as `possible_opt_out`: the right answer. */
  correct: number;
  /** Reported as `opt_out`: not counted against the opt-out figures. */
  calledOptOut: number;
  accuracy: number;
}

export interface EvalReport {
  overall: OptOutScore;
  byChannel: Record<string, OptOutScore>;
  byLang: Record<string, OptOutScore>;
  byChannelAndLang: Record<string, OptOutScore>;
  intents: { opt_in: IntentAccuracy; help: IntentAccuracy };
  possibleOptOut: PossibleOptOutScore;
  /** Carrier keywords (utterances marked `keyword`) that were not called `opt_out`. */
  keywordMisses: Outcome[];
  falseAlarms: Outcome[];
  misses: Outcome[];
  /** Utterances called opt_in or help that are labelled otherwise, and opt_in/help utterances given another intent. */
  otherIntentErrors: Outcome[];
}

/** What CI holds the detector to. */
export const THRESHOLDS = { minRecall: 0.99, maxFalseAlarmRate: 0.01, minRecallPerLanguage: 0.95 } as const;

/** What the corpus (development and held-out sets together) must hold for its figures to mean anything. */
export const CORPUS = {
  minUtterances: 3000,
  minPerLanguage: 100,
  languages: ['en', 'es', 'fr', 'pt', 'zh', 'vi', 'tl', 'ko', 'ar', 'ht'],
} as const;

/** Utterances per language over the given sets, and what falls short of CORPUS. */
export function corpusCoverage(sets: ReadonlyArray<readonly LabelledUtterance[]>): { total: number; byLang: Record<string, number>; failures: string[] } {
  const byLang: Record<string, number> = Object.fromEntries(CORPUS.languages.map((l) => [l, 0]));
  let total = 0;
  for (const set of sets) {
    total += set.length;
    for (const u of set) byLang[u.lang] = (byLang[u.lang] ?? 0) + 1;
  }
  const failures: string[] = [];
  if (total < CORPUS.minUtterances) failures.push(`corpus has ${total} utterances < ${CORPUS.minUtterances}`);
  for (const lang of CORPUS.languages) {
    if (byLang[lang] < CORPUS.minPerLanguage) failures.push(`corpus has ${byLang[lang]} ${lang} utterances < ${CORPUS.minPerLanguage}`);
  }
  return { total, byLang, failures };
}

const LABELS: readonly EvalLabel[] = ['opt_out', 'opt_in', 'help', 'none', 'possible_opt_out'];
const CHANNELS: readonly OptOutChannel[] = ['sms', 'voice'];

/** Parses the JSONL set; throws on a malformed line, naming it. */
export function parseEvalSet(jsonl: string): LabelledUtterance[] {
  const out: LabelledUtterance[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const u = JSON.parse(line) as Partial<LabelledUtterance>;
    const keywordOk = u.keyword === undefined || typeof u.keyword === 'boolean';
    if (
      typeof u.text !== 'string' ||
      !CHANNELS.includes(u.channel as OptOutChannel) ||
      typeof u.lang !== 'string' ||
      !LABELS.includes(u.label as EvalLabel) ||
      !keywordOk
    ) {
      throw new Error(`eval set line ${i + 1}: needs text, channel (sms|voice), lang, label (${LABELS.join('|')}) and an optional boolean keyword`);
    }
    out.push(u as LabelledUtterance);
  });
  return out;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function scoreOptOut(outcomes: readonly Outcome[]): OptOutScore {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const { utterance, result } of outcomes) {
    if (utterance.label === 'possible_opt_out') continue;
    const actual = utterance.label === 'opt_out';
    const predicted = result.intent === 'opt_out';
    if (actual && predicted) tp++;
    else if (actual) fn++;
    else if (predicted) fp++;
    else tn++;
  }
  return {
    n: tp + fp + fn + tn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    // With no negatives there is nothing to false-alarm on.
    falseAlarmRate: fp + tn === 0 ? 0 : fp / (fp + tn),
  };
}

function groupScores(outcomes: readonly Outcome[], key: (o: Outcome) => string): Record<string, OptOutScore> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, scoreOptOut(v)]));
}

function intentAccuracy(outcomes: readonly Outcome[], intent: OptOutIntent): IntentAccuracy {
  const labelled = outcomes.filter((o) => o.utterance.label === intent);
  const correct = labelled.filter((o) => o.result.intent === intent).length;
  return { correct, total: labelled.length, accuracy: ratio(correct, labelled.length) };
}

function possibleOptOutScore(outcomes: readonly Outcome[]): PossibleOptOutScore {
  const labelled = outcomes.filter((o) => o.utterance.label === 'possible_opt_out');
  // The detector's result type has no such intent yet; compare as text so the row turns honest the day it does.
  const correct = labelled.filter((o) => (o.result.intent as string) === 'possible_opt_out').length;
  const calledOptOut = labelled.filter((o) => o.result.intent === 'opt_out').length;
  return { total: labelled.length, correct, calledOptOut, accuracy: ratio(correct, labelled.length) };
}

export function evaluate(set: readonly LabelledUtterance[], detect: (text: string, opts: OptOutOptions) => OptOutResult, useLangHint = false): EvalReport {
  const outcomes = set.map((utterance) => ({
    utterance,
    result: detect(utterance.text, useLangHint ? { channel: utterance.channel, lang: utterance.lang } : { channel: utterance.channel }),
  }));
  return {
    overall: scoreOptOut(outcomes),
    byChannel: groupScores(outcomes, (o) => o.utterance.channel),
    byLang: groupScores(outcomes, (o) => o.utterance.lang),
    byChannelAndLang: groupScores(outcomes, (o) => `${o.utterance.channel}/${o.utterance.lang}`),
    intents: { opt_in: intentAccuracy(outcomes, 'opt_in'), help: intentAccuracy(outcomes, 'help') },
    possibleOptOut: possibleOptOutScore(outcomes),
    keywordMisses: outcomes.filter((o) => o.utterance.keyword === true && o.result.intent !== 'opt_out'),
    falseAlarms: outcomes.filter((o) => o.utterance.label !== 'opt_out' && o.utterance.label !== 'possible_opt_out' && o.result.intent === 'opt_out'),
    misses: outcomes.filter((o) => o.utterance.label === 'opt_out' && o.result.intent !== 'opt_out'),
    otherIntentErrors: outcomes.filter(
      (o) =>
        o.utterance.label !== o.result.intent &&
        o.utterance.label !== 'opt_out' &&
        o.utterance.label !== 'possible_opt_out' &&
        o.result.intent !== 'opt_out' &&
        (o.utterance.label !== 'none' || o.result.intent !== 'none'),
    ),
  };
}

/** The failures that should stop a merge, empty when the detector is good enough. */
export function thresholdFailures(report: EvalReport): string[] {
  const failures: string[] = [];
  if (report.overall.recall < THRESHOLDS.minRecall) failures.push(`opt_out recall ${report.overall.recall.toFixed(4)} < ${THRESHOLDS.minRecall}`);
  if (report.overall.falseAlarmRate > THRESHOLDS.maxFalseAlarmRate) {
    failures.push(`opt_out false-alarm rate ${report.overall.falseAlarmRate.toFixed(4)} > ${THRESHOLDS.maxFalseAlarmRate}`);
  }
  for (const [lang, s] of Object.entries(report.byLang)) {
    const optOuts = s.truePositives + s.falseNegatives;
    if (optOuts > 0 && s.recall < THRESHOLDS.minRecallPerLanguage) failures.push(`${lang} recall ${s.recall.toFixed(4)} < ${THRESHOLDS.minRecallPerLanguage}`);
  }
  if (report.keywordMisses.length > 0) {
    failures.push(
      `${report.keywordMisses.length} SMS keyword(s) missed: ${report.keywordMisses.map((o) => `${o.utterance.lang}:${o.utterance.text}`).join(', ')}`,
    );
  }
  return failures;
}

/** An utterance as the overlap check compares it: lower case, no accents, punctuation and spacing folded. */
export function overlapKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The development utterances that repeat a held-out one (bare carrier keywords aside: they are a
 * closed list, not phrasing). Reported by count only, so that whoever writes development lines does
 * not learn which phrasings the held-out set holds.
 */
export function devLinesRepeatingHeldout(dev: readonly LabelledUtterance[], heldout: readonly LabelledUtterance[]): number[] {
  const held = new Set(heldout.filter((x) => x.keyword !== true).map((x) => overlapKey(x.text)));
  const repeats: number[] = [];
  dev.forEach((x, i) => {
    if (x.keyword !== true && held.has(overlapKey(x.text))) repeats.push(i);
  });
  return repeats;
}
