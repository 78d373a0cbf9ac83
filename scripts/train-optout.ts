/**
 * `npm run train:optout` — trains the opt-out n-gram classifier on the
 * development set (src/domain/optout/eval/dev.jsonl) and writes
 * reference/optout-ngram-model.json, which ships with the package and which
 * the gateway reads when it starts (src/domain/optout/ngramModel.ts).
 *
 * Never the held-out set: that one only scores (npm run eval:optout).
 *
 * What ships is the fastText-style model with one hidden layer
 * (scripts/optoutHiddenLayer.ts, format optout-ngram-hidden/1, about
 * 700 KB), its threshold chosen the same way, the uncertain middle trained
 * as negatives (the detector asks the classifier before its possible-opt-out
 * lists): it lowers the backtest's cost far more than any linear change
 * (docs/opt-out-detection.md, "The backtest"). `-- --learner linear` writes
 * the logistic regression below instead, for comparison.
 *
 * Logistic regression with L2 regularisation, full-batch gradient descent
 * (Adam) over hashed n-gram features: opt-out utterances are the positives,
 * none / opt-in / help the negatives; the uncertain middle
 * (possible_opt_out) is left out, since the classifier answers opt-out or
 * not; so are the texts in which a rule set an opt-out phrase aside for its
 * negation, since the detector does not ask the classifier about them.
 * Deterministic: no randomness, the same dev set gives the same file.
 *
 * The threshold, from out-of-fold predictions (5-fold cross-validation): the
 * lowest probability at which the classifier's false alarms over the
 * negatives stay within the design's false-alarm budget (optoutClassifier.ts);
 * the same for either learner. The rules were written from the
 * same set, so on it they leave the classifier nothing to catch; what it adds
 * shows on the held-out set only, and so does what it costs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { negatedByRules, normalizeForDetection } from '../src/domain/optout/detectOptOut';
import { parseEvalSet, type LabelledUtterance } from '../src/domain/optout/eval/score';
import { NGRAM_HIDDEN_MODEL_FORMAT, NGRAM_MODEL_FORMAT, type NgramHiddenModelFile, type NgramModelFile } from '../src/domain/optout/ngramModel';
import { chooseThreshold, crossValidated, crossValidatedWith, type Example, featuresOf, quantised, SHIPPED_DESIGN, train } from './optoutClassifier';
import { hiddenProbability, quantisedHidden, SHIPPED_HIDDEN_DESIGN, trainHidden } from './optoutHiddenLayer';

const DEV = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../reference/optout-ngram-model.json', import.meta.url));

const DESIGN = SHIPPED_DESIGN;
const learnerArg = process.argv.indexOf('--learner');
const LEARNER = learnerArg >= 0 ? process.argv[learnerArg + 1] : 'hidden';
if (LEARNER !== 'linear' && LEARNER !== 'hidden') throw new Error(`--learner ${LEARNER}: expected linear or hidden`);
const HIDDEN = LEARNER === 'hidden';

function examplesOf(set: readonly LabelledUtterance[]): Example[] {
  return set
    .filter((u) => (HIDDEN || u.label !== 'possible_opt_out') && !negatedByRules(u.text, { channel: u.channel }))
    .map((u) => ({ features: featuresOf(normalizeForDetection(u.text), DESIGN), positive: u.label === 'opt_out' }));
}

const text = readFileSync(DEV, 'utf8');
const examples = examplesOf(parseEvalSet(text));
const negatives = examples.filter((e) => !e.positive).length;
// The hidden layer's folds are scored as the detector reads its file: int8 embeddings.
const oof = HIDDEN
  ? crossValidatedWith(examples, DESIGN.folds, (training) => {
      const model = quantisedHidden(trainHidden(training, SHIPPED_HIDDEN_DESIGN));
      return (features) => hiddenProbability(model, features);
    })
  : crossValidated(examples, DESIGN);
const threshold = chooseThreshold(oof, DESIGN);
const caught = oof.filter((x) => x.positive && x.p >= threshold).length;
const positives = oof.filter((x) => x.positive).length;
const falseAlarms = oof.filter((x) => !x.positive && x.p >= threshold).length;

const trainedOn = {
  file: 'src/domain/optout/eval/dev.jsonl',
  sha256: createHash('sha256').update(text).digest('hex'),
  utterances: examples.length,
  positives: examples.length - negatives,
};
let file: NgramModelFile | NgramHiddenModelFile;
if (HIDDEN) {
  const model = quantisedHidden(trainHidden(examples, SHIPPED_HIDDEN_DESIGN));
  const rounded = (xs: Float32Array): number[] => Array.from(xs, (x) => Number(x.toFixed(6)));
  file = {
    format: NGRAM_HIDDEN_MODEL_FORMAT,
    buckets: SHIPPED_HIDDEN_DESIGN.buckets,
    dim: SHIPPED_HIDDEN_DESIGN.dim,
    embeddings: Buffer.from(model.bytes.buffer).toString('base64'),
    scale: Number(model.scale.toPrecision(8)),
    hiddenBias: rounded(model.b1),
    outputWeights: rounded(model.w),
    outputBias: Number(model.b2.toFixed(6)),
    threshold: Number(threshold.toFixed(6)),
    trainedOn,
  };
} else {
  const model = train(examples, DESIGN);
  const { scale, bytes } = quantised(model.weights);
  file = {
    format: NGRAM_MODEL_FORMAT,
    buckets: DESIGN.buckets,
    bias: Number(model.bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    weights: Buffer.from(bytes.buffer).toString('base64'),
    threshold: Number(threshold.toFixed(6)),
    trainedOn,
  };
}
writeFileSync(OUTPUT, `${JSON.stringify(file, null, 2)}\n`);
console.log(
  `${LEARNER}: trained on ${examples.length} dev utterances; threshold ${file.threshold.toFixed(3)}; alone, out of fold, it catches ${caught} of ${positives} opt-outs ` +
    `with ${falseAlarms} false alarms over ${negatives} negatives; wrote ${OUTPUT}`,
);
