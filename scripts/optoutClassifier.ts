/**
 * The opt-out classifier's training, shared by `npm run train:optout` (which
 * writes the shipped model from the development set) and `npm run
 * backtest:optout` (which trains the same way on old development sets, so a
 * design can be judged on lines its training never saw).
 *
 * Logistic regression with L2 regularisation, full-batch gradient descent
 * (Adam) over hashed n-gram features: opt-out utterances are the positives,
 * none / opt-in / help the negatives; the uncertain middle
 * (possible_opt_out) is left out, since the classifier answers opt-out or
 * not. Deterministic: no randomness, the same set gives the same weights.
 *
 * The threshold, from out-of-fold predictions (k-fold cross-validation): the
 * lowest probability at which the classifier's false alarms over the
 * negatives stay within the design's false-alarm budget.
 */
import { ngramFeatures } from '../src/domain/optout/ngramFeatures';

/** What can be varied about the classifier; `SHIPPED_DESIGN` is what the detector reads. */
export interface ClassifierDesign {
  /** Hash buckets, a power of two. */
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  folds: number;
  /** Share of all negatives the classifier may add as false alarms on the held-back folds. */
  falseAlarmBudget: number;
  /** Never fire below this, whatever cross-validation says. */
  minThreshold: number;
}

export const SHIPPED_DESIGN: ClassifierDesign = {
  buckets: 1 << 15,
  epochs: 100,
  learningRate: 0.05,
  l2: 3e-3,
  folds: 5,
  // Wider budgets lower the backtest's cost but let the classifier fire on look-alikes the tests keep quiet.
  falseAlarmBudget: 0.005,
  minThreshold: 0.6,
};

export interface Example {
  features: Uint32Array;
  positive: boolean;
  /** The utterance's language, for thresholds chosen per language. */
  lang?: string;
  /** How much the example counts in the loss; 1 when absent. */
  weight?: number;
  /** Altered copies of the text (a word dropped, two swapped), trained with its label and weight, never scored. */
  copies?: Uint32Array[];
}

/** The examples with their altered copies as examples of their own, for training. */
export function withCopies(examples: readonly Example[]): readonly Example[] {
  if (!examples.some((e) => e.copies?.length)) return examples;
  return examples.flatMap((e) => [e, ...(e.copies ?? []).map((features) => ({ features, positive: e.positive, weight: e.weight }))]);
}

export interface TrainedClassifier {
  weights: Float64Array;
  bias: number;
}

/** The buckets of a normalised text, as the detector reads it (ngramFeatures.ts). */
export function featuresOf(normalised: string, design: ClassifierDesign): Uint32Array {
  return Uint32Array.from(ngramFeatures(normalised, design.buckets).map((f) => f.bucket));
}

export function train(given: readonly Example[], design: ClassifierDesign): TrainedClassifier {
  const examples = withCopies(given);
  const totalWeight = examples.reduce((s, e) => s + (e.weight ?? 1), 0);
  const n = design.buckets;
  const weights = new Float64Array(n);
  const m = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const grad = new Float64Array(n + 1);
  let bias = 0;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= design.epochs; epoch++) {
    grad.fill(0);
    for (const ex of examples) {
      let z = bias;
      for (const f of ex.features) z += weights[f];
      const err = (1 / (1 + Math.exp(-z)) - (ex.positive ? 1 : 0)) * (ex.weight ?? 1);
      for (const f of ex.features) grad[f] += err;
      grad[n] += err;
    }
    for (let i = 0; i <= n; i++) {
      const w = i === n ? bias : weights[i];
      const g = grad[i] / totalWeight + (i === n ? 0 : design.l2 * w);
      if (g === 0 && m[i] === 0) continue;
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      const step = (design.learningRate * (m[i] / (1 - b1 ** epoch))) / (Math.sqrt(v[i] / (1 - b2 ** epoch)) + 1e-8);
      if (i === n) bias -= step;
      else weights[i] -= step;
    }
  }
  return { weights, bias };
}

export function probability(model: TrainedClassifier, features: Uint32Array): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f];
  return 1 / (1 + Math.exp(-z));
}

export interface Scored {
  p: number;
  positive: boolean;
  lang?: string;
}

/** Out-of-fold probabilities: each example scored by a model trained without its fold. */
export function crossValidated(examples: readonly Example[], design: ClassifierDesign): Scored[] {
  return crossValidatedWith(examples, design.folds, (fold) => {
    const model = train(fold, design);
    return (features) => probability(model, features);
  });
}

/** The same for any learner: `fitFold` trains on the other folds (their copies included) and returns its scorer. */
export function crossValidatedWith(
  examples: readonly Example[],
  folds: number,
  fitFold: (training: readonly Example[]) => (features: Uint32Array) => number,
): Scored[] {
  const out: Scored[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const score = fitFold(examples.filter((_, i) => i % folds !== fold));
    examples.forEach((ex, i) => {
      if (i % folds === fold) out.push({ p: score(ex.features), positive: ex.positive, lang: ex.lang });
    });
  }
  return out;
}

export function chooseThreshold(oof: readonly Scored[], design: ClassifierDesign): number {
  const negativeScores = oof
    .filter((x) => !x.positive)
    .map((x) => x.p)
    .sort((a, b) => b - a);
  const allowed = Math.floor(design.falseAlarmBudget * negativeScores.length);
  // Just above the (allowed+1)-th highest-scoring negative.
  const bar = negativeScores[allowed] ?? 0;
  return Math.max(design.minThreshold, Math.min(0.99, bar + 1e-6));
}

/** Weights (or embeddings) as the model file stores them: int8, each times `scale`. */
export function quantised(weights: ArrayLike<number> & Iterable<number>): { scale: number; bytes: Int8Array } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 127;
  return { scale, bytes: Int8Array.from(weights, (w) => Math.round(w / scale)) };
}
