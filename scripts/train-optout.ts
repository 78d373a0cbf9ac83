/**
 * `npm run train:optout` — trains the opt-out n-gram classifier on the
 * development set (src/domain/optout/eval/dev.jsonl) and writes
 * reference/optout-ngram-model.json, which ships with the package and which
 * the detector reads when it loads (src/domain/optout/ngramModel.ts).
 *
 * Never the held-out set: that one only scores (npm run eval:optout).
 *
 * Logistic regression with L2 regularisation, full-batch gradient descent
 * (Adam) over hashed n-gram features: opt-out utterances are the positives,
 * none / opt-in / help the negatives; the uncertain middle
 * (possible_opt_out) is left out, since the classifier answers opt-out or
 * not. Deterministic: no randomness, the same dev set gives the same file.
 *
 * The threshold, from out-of-fold predictions (5-fold cross-validation): the
 * lowest probability at which the classifier's false alarms over the
 * negatives stay within FALSE_ALARM_BUDGET. The rules were written from the
 * same set, so on it they leave the classifier nothing to catch; what it adds
 * shows on the held-out set only, and so does what it costs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeForDetection } from '../src/domain/optout/detectOptOut';
import { parseEvalSet, type LabelledUtterance } from '../src/domain/optout/eval/score';
import { ngramFeatures } from '../src/domain/optout/ngramFeatures';
import { NGRAM_MODEL_FORMAT, type NgramModelFile } from '../src/domain/optout/ngramModel';

const DEV = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../reference/optout-ngram-model.json', import.meta.url));

const BUCKETS = 1 << 15;
const EPOCHS = 100;
const LEARNING_RATE = 0.05;
const L2 = 3e-3;
const FOLDS = 5;
/** Share of all negatives the classifier may add as false alarms on the development set's held-back folds. */
const FALSE_ALARM_BUDGET = 0.005;
/** Never fire below this, whatever cross-validation says. */
const MIN_THRESHOLD = 0.6;

interface Example {
  features: Uint32Array;
  positive: boolean;
}

function examplesOf(set: readonly LabelledUtterance[]): Example[] {
  return set
    .filter((u) => u.label !== 'possible_opt_out')
    .map((u) => ({
      features: Uint32Array.from(ngramFeatures(normalizeForDetection(u.text), BUCKETS).map((f) => f.bucket)),
      positive: u.label === 'opt_out',
    }));
}

function train(examples: readonly Example[]): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(BUCKETS);
  const m = new Float64Array(BUCKETS + 1);
  const v = new Float64Array(BUCKETS + 1);
  const grad = new Float64Array(BUCKETS + 1);
  let bias = 0;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    grad.fill(0);
    for (const ex of examples) {
      let z = bias;
      for (const f of ex.features) z += weights[f];
      const err = 1 / (1 + Math.exp(-z)) - (ex.positive ? 1 : 0);
      for (const f of ex.features) grad[f] += err;
      grad[BUCKETS] += err;
    }
    for (let i = 0; i <= BUCKETS; i++) {
      const w = i === BUCKETS ? bias : weights[i];
      const g = grad[i] / examples.length + (i === BUCKETS ? 0 : L2 * w);
      if (g === 0 && m[i] === 0) continue;
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      const step = (LEARNING_RATE * (m[i] / (1 - b1 ** epoch))) / (Math.sqrt(v[i] / (1 - b2 ** epoch)) + 1e-8);
      if (i === BUCKETS) bias -= step;
      else weights[i] -= step;
    }
  }
  return { weights, bias };
}

function probability(model: { weights: Float64Array; bias: number }, ex: Example): number {
  let z = model.bias;
  for (const f of ex.features) z += model.weights[f];
  return 1 / (1 + Math.exp(-z));
}

/** Out-of-fold probabilities: each example scored by a model trained without its fold. */
function crossValidated(examples: readonly Example[]): Array<{ p: number; positive: boolean }> {
  const out: Array<{ p: number; positive: boolean }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = train(examples.filter((_, i) => i % FOLDS !== fold));
    examples.forEach((ex, i) => {
      if (i % FOLDS === fold) out.push({ p: probability(model, ex), positive: ex.positive });
    });
  }
  return out;
}

function chooseThreshold(oof: ReadonlyArray<{ p: number; positive: boolean }>, negatives: number): number {
  const allowed = Math.floor(FALSE_ALARM_BUDGET * negatives);
  const negativeScores = oof
    .filter((x) => !x.positive)
    .map((x) => x.p)
    .sort((a, b) => b - a);
  // Just above the (allowed+1)-th highest-scoring negative.
  const bar = negativeScores[allowed] ?? 0;
  return Math.max(MIN_THRESHOLD, Math.min(0.99, bar + 1e-6));
}

function quantised(weights: Float64Array): { scale: number; bytes: Int8Array } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 127;
  return { scale, bytes: Int8Array.from(weights, (w) => Math.round(w / scale)) };
}

const text = readFileSync(DEV, 'utf8');
const examples = examplesOf(parseEvalSet(text));
const negatives = examples.filter((e) => !e.positive).length;
const oof = crossValidated(examples);
const threshold = chooseThreshold(oof, negatives);
const caught = oof.filter((x) => x.positive && x.p >= threshold).length;
const positives = oof.filter((x) => x.positive).length;
const falseAlarms = oof.filter((x) => !x.positive && x.p >= threshold).length;

const model = train(examples);
const { scale, bytes } = quantised(model.weights);
const file: NgramModelFile = {
  format: NGRAM_MODEL_FORMAT,
  buckets: BUCKETS,
  bias: Number(model.bias.toFixed(6)),
  scale: Number(scale.toPrecision(8)),
  weights: Buffer.from(bytes.buffer).toString('base64'),
  threshold: Number(threshold.toFixed(6)),
  trainedOn: {
    file: 'src/domain/optout/eval/dev.jsonl',
    sha256: createHash('sha256').update(text).digest('hex'),
    utterances: examples.length,
    positives: examples.length - negatives,
  },
};
writeFileSync(OUTPUT, `${JSON.stringify(file, null, 2)}\n`);
console.log(
  `trained on ${examples.length} dev utterances; threshold ${file.threshold.toFixed(3)}; alone, out of fold, it catches ${caught} of ${positives} opt-outs ` +
    `with ${falseAlarms} false alarms over ${negatives} negatives; wrote ${OUTPUT}`,
);
