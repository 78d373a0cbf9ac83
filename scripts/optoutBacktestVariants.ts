/**
 * The classifier designs `npm run backtest:optout` compares, and how one is
 * scored on a round: trained on the old development set with this tree's
 * training code, asked on the round's new lines only where the old tree's
 * rules left them undecided.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeForDetection } from '../src/domain/optout/detectOptOut';
import type { LabelledUtterance } from '../src/domain/optout/eval/score';
import { alteredCopies } from './optoutAugment';
import { featureVariantOf, type FeatureDesign } from './optoutFeatureVariants';
import { type HiddenDesign, hiddenProbability, quantisedHidden, SHIPPED_HIDDEN_DESIGN, trainHidden } from './optoutHiddenLayer';
import {
  type ClassifierDesign,
  chooseThreshold,
  crossValidated,
  crossValidatedWith,
  type Example,
  featuresOf,
  quantised,
  type Scored,
  SHIPPED_DESIGN,
  train,
} from './optoutClassifier';

const TRAINING_CACHE = fileURLToPath(new URL('../.tmp/optout-backtest/trainings', import.meta.url));

/** What the old tree said about one utterance (scripts/optout-old-outcomes.ts). */
export interface OldOutcome {
  /** The rules' intent, null when no rule decided. */
  rule: string | null;
  /** What the rule that decided named in `matched` (`keyword:STOP`, `phrase:en:…`), null when none did. */
  ruleMatched: string | null;
  /** That rule's confidence, 0 when none decided. */
  ruleConfidence: number;
  /** A rule's opt-out phrase was set aside for its negation. */
  negated: boolean;
  /** The old tree's whole detector, its own shipped classifier included. */
  shipped: string;
  /** The highest confidence of a rule whose match was set aside for what precedes it (`notAfter`), 0 when none. */
  notAfter: number;
  /** The same for what follows it (`unless`). */
  unless: number;
}

/** Which guards' set-asides keep the classifier quiet, as a negation does. */
export interface GuardGate {
  notAfter?: boolean;
  unless?: boolean;
  /** Only a set-aside of a rule at least this confident counts. */
  minConfidence?: number;
  /** Gate the detector only; the training keeps such texts. */
  gateOnly?: boolean;
}

export interface Tally {
  positives: number;
  negatives: number;
  misses: number;
  falseAlarms: number;
}

export interface RoundResult {
  total: Tally;
  byLang: Record<string, Tally>;
  byChannel: Record<string, Tally>;
}

export interface Variant {
  kind: 'rules-only' | 'shipped' | 'classifier';
  design?: ClassifierDesign;
  features?: FeatureDesign;
  /** The classifier is not asked when a rule set an opt-out phrase aside for its negation (the detector's NEGATED gate). */
  gateNegated?: boolean;
  /** Leave out of training the texts the gate keeps from the classifier. */
  dropNegatedFromTraining?: boolean;
  /** Guards whose set-asides gate the classifier too (and, unless `gateOnly`, leave the texts out of training). */
  guards?: GuardGate;
  /** A rule's opt-out is overruled when the classifier gives it less than this. */
  veto?: number;
  /** Which rules' opt-outs the veto may overrule, by the start of their `matched`; all when absent. */
  vetoes?: readonly string[];
  /** The veto overrules only rules less confident than this (all when absent). */
  vetoBelowConfidence?: number;
  /** One threshold per language (the utterance's labelled language standing in for the detector's hint). */
  perLanguageThreshold?: boolean;
  /** A learner with one hidden layer (optoutHiddenLayer.ts) instead of the linear one. */
  hidden?: Omit<HiddenDesign, 'buckets'>;
  /** Each training text also with a word dropped and/or two neighbouring words swapped (optoutAugment.ts). */
  augment?: { drop: boolean; swap: boolean };
  /** Each example weighted so that every language weighs the same in the loss. */
  langBalanced?: boolean;
  /** Train the uncertain middle (possible_opt_out) as negatives: the detector asks the classifier before its possible-opt-out lists. */
  possibleAsNegatives?: boolean;
}

const { buckets: _buckets, ...HIDDEN } = SHIPPED_HIDDEN_DESIGN;

/** The classifier as it was when the backtest was written. */
const BEFORE: Variant = { kind: 'classifier', design: SHIPPED_DESIGN, gateNegated: true };
/** What train:optout does now: the changes the backtest supported, one at a time, on top of BEFORE. */
const CURRENT: Variant = { ...BEFORE, dropNegatedFromTraining: true };
const withDesign = (change: Partial<ClassifierDesign>): Variant => ({ ...CURRENT, design: { ...SHIPPED_DESIGN, ...change } });
const withFeatures = (features: FeatureDesign): Variant => ({ ...CURRENT, features });
/** The learner `train:optout` writes: one hidden layer, the uncertain middle trained as negatives. */
const HIDDEN_SHIPPED: Variant = { ...CURRENT, hidden: HIDDEN, possibleAsNegatives: true };
/** That learner doubting phrase rules' opt-outs it gives less than `veto`. */
const doubting = (veto: number, change: Partial<Variant> = {}): Variant => ({ ...HIDDEN_SHIPPED, veto, vetoes: ['phrase:'], ...change });

export const BACKTEST_VARIANTS: Record<string, Variant> = {
  'rules-only': { kind: 'rules-only' },
  /** The old tree as it shipped: its rules and its own classifier, not gated. */
  shipped: { kind: 'shipped' },
  before: BEFORE,
  'no-gate': { ...BEFORE, gateNegated: false },
  current: CURRENT,
  char5: withFeatures({ maxCharGram: 5 }),
  word3: withFeatures({ wordTrigrams: true }),
  skip2: withFeatures({ skipBigrams: true }),
  buckets14: withDesign({ buckets: 1 << 14 }),
  buckets16: withDesign({ buckets: 1 << 16 }),
  'l2-1e-3': withDesign({ l2: 1e-3 }),
  'l2-1e-2': withDesign({ l2: 1e-2 }),
  epochs50: withDesign({ epochs: 50 }),
  epochs200: withDesign({ epochs: 200 }),
  'budget-0.002': withDesign({ falseAlarmBudget: 0.002 }),
  'budget-0.01': withDesign({ falseAlarmBudget: 0.01 }),
  'budget-0.02': withDesign({ falseAlarmBudget: 0.02 }),
  'budget-0.03': withDesign({ falseAlarmBudget: 0.03 }),
  'budget-0.05': withDesign({ falseAlarmBudget: 0.05 }),
  'budget-0.02-min-0.5': withDesign({ falseAlarmBudget: 0.02, minThreshold: 0.5 }),
  'budget-0.02-min-0.7': withDesign({ falseAlarmBudget: 0.02, minThreshold: 0.7 }),
  'min-0.5': withDesign({ minThreshold: 0.5 }),
  'min-0.8': withDesign({ minThreshold: 0.8 }),
  'per-lang': { ...CURRENT, perLanguageThreshold: true },
  'guard-notafter': { ...CURRENT, guards: { notAfter: true } },
  'guard-unless': { ...CURRENT, guards: { unless: true } },
  'guard-all': { ...CURRENT, guards: { notAfter: true, unless: true } },
  'guard-notafter-gate-only': { ...CURRENT, guards: { notAfter: true, gateOnly: true } },
  'guard-unless-gate-only': { ...CURRENT, guards: { unless: true, gateOnly: true } },
  'guard-all-gate-only': { ...CURRENT, guards: { notAfter: true, unless: true, gateOnly: true } },
  'guard-all-gate-only-0.9': { ...CURRENT, guards: { notAfter: true, unless: true, gateOnly: true, minConfidence: 0.9 } },
  'guard-all-0.85': { ...CURRENT, guards: { notAfter: true, unless: true, minConfidence: 0.85 } },
  'guard-all-0.9': { ...CURRENT, guards: { notAfter: true, unless: true, minConfidence: 0.9 } },
  'veto-0.01': { ...CURRENT, veto: 0.01 },
  'veto-0.05': { ...CURRENT, veto: 0.05 },
  'hidden-16': { ...CURRENT, hidden: HIDDEN },
  'hidden-32': { ...CURRENT, hidden: { ...HIDDEN, dim: 32 }, possibleAsNegatives: true },
  'hidden-16-possible-negatives': HIDDEN_SHIPPED,
  'possible-negatives': { ...CURRENT, possibleAsNegatives: true },
  /** The hidden layer, overruling a rule's opt-out it gives less than 0.05 / 0.01. */
  'hidden-16-veto-0.05': { ...HIDDEN_SHIPPED, veto: 0.05 },
  'hidden-16-veto-0.01': { ...HIDDEN_SHIPPED, veto: 0.01 },
  /** The same, overruling only plain-language phrase rules (what ships at 0.05: detectOptOut's doubted phrases). */
  'hidden-16-veto-phrase-0.05': doubting(0.05),
  'hidden-16-veto-phrase-0.1': doubting(0.1),
  'hidden-16-veto-phrase-0.2': doubting(0.2),
  'hidden-16-veto-phrase-0.02': doubting(0.02),
  'hidden-16-veto-phrase-clause-0.05': doubting(0.05, { vetoes: ['phrase:', 'keyword-clause:'] }),
  /** What ships, the classifier's own threshold chosen with another false-alarm budget. */
  'hidden-16-veto-budget-0.002': doubting(0.05, { design: { ...SHIPPED_DESIGN, falseAlarmBudget: 0.002 } }),
  'hidden-16-veto-budget-0.01': doubting(0.05, { design: { ...SHIPPED_DESIGN, falseAlarmBudget: 0.01 } }),
  'hidden-16-veto-budget-0.02': doubting(0.05, { design: { ...SHIPPED_DESIGN, falseAlarmBudget: 0.02 } }),
  /** What ships, doubting only phrase rules less confident than 0.9 / 0.95 (the classifier asked less often). */
  'hidden-16-veto-phrase-0.05-below-0.9': doubting(0.05, { vetoBelowConfidence: 0.9 }),
  'hidden-16-veto-phrase-0.05-below-0.95': doubting(0.05, { vetoBelowConfidence: 0.95 }),
  /** Trained harder: out of fold, more than the budget's share of negatives score above 0.99, so the threshold sits at its cap. */
  'hidden-16-saturated': { ...CURRENT, hidden: { ...HIDDEN, epochs: 5, learningRate: 0.01, l2: 1e-4 } },
  'word-dropout': { ...CURRENT, augment: { drop: true, swap: false } },
  'word-swap': { ...CURRENT, augment: { drop: false, swap: true } },
  'word-dropout-swap': { ...CURRENT, augment: { drop: true, swap: true } },
  'lang-balanced': { ...CURRENT, langBalanced: true },
  'channel-words': withFeatures({ channelWords: true }),
};

/** Whether a guard the variant counts set a rule's match aside in the text. */
function guarded(variant: Variant, o: OldOutcome): boolean {
  const g = variant.guards;
  if (!g) return false;
  const min = g.minConfidence ?? 0;
  return (g.notAfter === true && o.notAfter > 0 && o.notAfter >= min) || (g.unless === true && o.unless > 0 && o.unless >= min);
}

interface Fitted {
  probability(u: LabelledUtterance): number;
  threshold(lang: string): number;
}

interface Trained {
  oof: Scored[];
  probability(u: LabelledUtterance): number;
}

/** Where a training's out-of-fold scores and weights are kept: a re-run with the same design and set trains nothing (clear the folder after changing the training code). */
const cacheFile = (key: string): string => `${TRAINING_CACHE}/${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`;

function keep(file: string, value: unknown): void {
  mkdirSync(TRAINING_CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(value));
}

function trainedOnce(key: string, examples: readonly Example[], design: ClassifierDesign): { oof: Scored[]; bias: number; scale: number; bytes: Int8Array } {
  const file = cacheFile(key);
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { oof: Scored[]; bias: number; scale: number; weights: string };
    const bytes = Buffer.from(kept.weights, 'base64');
    return { ...kept, bytes: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  }
  const oof = crossValidated(examples, design);
  const model = train(examples, design);
  // Scored as the detector would: int8 weights, each times the scale.
  const { scale, bytes } = quantised(model.weights);
  keep(file, { oof, bias: model.bias, scale, weights: Buffer.from(bytes.buffer).toString('base64') });
  return { oof, bias: model.bias, scale, bytes };
}

/** The same for the hidden-layer learner: its scorer, with int8 embeddings as a model file would hold them. */
function trainedHiddenOnce(
  key: string,
  examples: readonly Example[],
  design: HiddenDesign,
  folds: number,
): { oof: Scored[]; score: (f: Uint32Array) => number } {
  const file = cacheFile(key);
  const scorer = (kept: { dim: number; scale: number; weights: string; b1: number[]; w: number[]; b2: number }) => {
    const bytes = Buffer.from(kept.weights, 'base64');
    const embeddings = Float32Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), (b) => b * kept.scale);
    const model = { dim: kept.dim, embeddings, b1: Float32Array.from(kept.b1), w: Float32Array.from(kept.w), b2: kept.b2 };
    return (f: Uint32Array) => hiddenProbability(model, f);
  };
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    return { oof: kept.oof, score: scorer(kept) };
  }
  const oof = crossValidatedWith(examples, folds, (training) => {
    const model = quantisedHidden(trainHidden(training, design));
    return (f) => hiddenProbability(model, f);
  });
  const q = quantisedHidden(trainHidden(examples, design));
  const kept = { oof, dim: q.dim, scale: q.scale, weights: Buffer.from(q.bytes.buffer).toString('base64'), b1: [...q.b1], w: [...q.w], b2: q.b2 };
  keep(file, kept);
  return { oof, score: scorer(kept) };
}

/** Trainings by round and what shapes the weights: variants that differ only in how the threshold is chosen share one. */
const trainings = new Map<string, Trained>();

function trained(variant: Variant, oldDev: readonly LabelledUtterance[], outcomes: readonly OldOutcome[], roundKey: string): Trained {
  const { falseAlarmBudget: _budget, minThreshold: _min, ...weightsDesign } = variant.design ?? SHIPPED_DESIGN;
  const dropGuards = variant.guards && !variant.guards.gateOnly ? variant.guards : null;
  const key = JSON.stringify([
    roundKey,
    weightsDesign,
    variant.features ?? null,
    variant.dropNegatedFromTraining === true,
    ...(dropGuards ? [dropGuards] : []),
    ...(variant.hidden || variant.augment || variant.langBalanced ? [variant.hidden ?? null, variant.augment ?? null, variant.langBalanced === true] : []),
    ...(variant.possibleAsNegatives ? ['possible-as-negatives'] : []),
  ]);
  const known = trainings.get(key);
  if (known) return known;
  const design = variant.design ?? SHIPPED_DESIGN;
  const featuresOfText = (normalised: string, channel: LabelledUtterance['channel']): Uint32Array =>
    variant.features ? featureVariantOf(normalised, design.buckets, variant.features, channel) : featuresOf(normalised, design);
  const features = (u: LabelledUtterance): Uint32Array => featuresOfText(normalizeForDetection(u.text), u.channel);
  const examples: Example[] = [];
  oldDev.forEach((u, i) => {
    if (u.label === 'possible_opt_out' && !variant.possibleAsNegatives) return;
    if (variant.dropNegatedFromTraining && outcomes[i].negated && outcomes[i].rule === null) return;
    if (dropGuards && outcomes[i].rule === null && guarded(variant, outcomes[i])) return;
    const example: Example = { features: features(u), positive: u.label === 'opt_out', lang: u.lang };
    if (variant.augment) example.copies = alteredCopies(normalizeForDetection(u.text), variant.augment).map((t) => featuresOfText(t, u.channel));
    examples.push(example);
  });
  if (variant.langBalanced) {
    const perLang = new Map<string, number>();
    for (const e of examples) perLang.set(e.lang as string, (perLang.get(e.lang as string) ?? 0) + 1);
    for (const e of examples) e.weight = examples.length / (perLang.size * (perLang.get(e.lang as string) as number));
  }
  let out: Trained;
  if (variant.hidden) {
    const { oof, score } = trainedHiddenOnce(key, examples, { ...variant.hidden, buckets: design.buckets }, design.folds);
    out = { oof, probability: (u) => score(features(u)) };
  } else {
    const { oof, bias, scale, bytes } = trainedOnce(key, examples, design);
    out = {
      oof,
      probability(u: LabelledUtterance): number {
        let z = bias;
        for (const f of features(u)) z += bytes[f] * scale;
        return 1 / (1 + Math.exp(-z));
      },
    };
  }
  trainings.set(key, out);
  return out;
}

function fitVariant(variant: Variant, oldDev: readonly LabelledUtterance[], outcomes: readonly OldOutcome[], roundKey: string): Fitted {
  const design = variant.design ?? SHIPPED_DESIGN;
  const { oof, probability } = trained(variant, oldDev, outcomes, roundKey);
  const overall = chooseThreshold(oof, design);
  const byLang = new Map<string, number>();
  if (variant.perLanguageThreshold) {
    for (const lang of new Set(oof.map((x) => x.lang as string))) {
      byLang.set(
        lang,
        chooseThreshold(
          oof.filter((x) => x.lang === lang),
          design,
        ),
      );
    }
  }
  return { probability, threshold: (lang) => byLang.get(lang) ?? overall };
}

/** Whether the variant's veto may overrule the rule that decided. */
function vetoable(variant: Variant, o: OldOutcome): boolean {
  if (variant.veto === undefined) return false;
  if (variant.vetoBelowConfidence !== undefined && o.ruleConfidence >= variant.vetoBelowConfidence) return false;
  return variant.vetoes === undefined || variant.vetoes.some((start) => o.ruleMatched?.startsWith(start) === true);
}

function calledOptOut(variant: Variant, u: LabelledUtterance, o: OldOutcome, classifier: Fitted | null): boolean {
  if (variant.kind === 'rules-only') return o.rule === 'opt_out';
  if (variant.kind === 'shipped') return o.shipped === 'opt_out';
  const c = classifier as Fitted;
  if (o.rule !== null) return o.rule === 'opt_out' && !(vetoable(variant, o) && c.probability(u) < (variant.veto as number));
  if (variant.gateNegated && o.negated) return false;
  if (guarded(variant, o)) return false;
  return c.probability(u) >= c.threshold(u.lang);
}

export function scoreRound(
  variant: Variant,
  roundKey: string,
  oldDev: readonly LabelledUtterance[],
  oldOutcomes: readonly OldOutcome[],
  fresh: readonly LabelledUtterance[],
  freshOutcomes: readonly OldOutcome[],
): RoundResult {
  const classifier = variant.kind === 'classifier' ? fitVariant(variant, oldDev, oldOutcomes, roundKey) : null;
  const zero = (): Tally => ({ positives: 0, negatives: 0, misses: 0, falseAlarms: 0 });
  const result: RoundResult = { total: zero(), byLang: {}, byChannel: {} };
  fresh.forEach((u, i) => {
    if (u.label === 'possible_opt_out') return;
    const said = calledOptOut(variant, u, freshOutcomes[i], classifier);
    for (const t of [result.total, (result.byLang[u.lang] ??= zero()), (result.byChannel[u.channel] ??= zero())]) {
      if (u.label === 'opt_out') {
        t.positives++;
        if (!said) t.misses++;
      } else {
        t.negatives++;
        if (said) t.falseAlarms++;
      }
    }
  });
  return result;
}
