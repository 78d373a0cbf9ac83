/**
 * A small opt-out classifier over hashed character n-grams and words
 * (ngramFeatures.ts), trained at build time from the development set by
 * `npm run train:optout` and shipped as reference/optout-ngram-model.json.
 * No download, no network: the file is read once, when the gateway starts
 * (or, outside it, the first time the detector asks).
 *
 * Two shapes, told apart by the file's `format`:
 * - `optout-ngram-lr/1`, logistic regression: one int8 weight a bucket;
 * - `optout-ngram-hidden/1`, fastText-style with one hidden layer: each
 *   bucket has a small embedding, the text's embeddings are summed (divided
 *   by the square root of their count), a tanh layer reads the sum and a
 *   logistic output the layer, so features can weigh together ("said to stop
 *   calling" with "him"), which a sum of per-feature weights cannot.
 *
 * The detector asks it only when no rule fired: it can catch an opt-out
 * phrased in a way no rule lists, and says which n-grams pushed hardest
 * towards opt-out (through the layer, for the second shape), so `matched`
 * still explains the decision. Its threshold is set by the training script
 * from cross-validation on the development set, high enough that it rarely
 * fires on speech the rules rightly ignore.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../packageFile';
import { embeddingSum, ngramFeatures, weightSum } from './ngramFeatures';

export const NGRAM_MODEL_FILE = packageFile('reference/optout-ngram-model.json');
export const NGRAM_MODEL_FORMAT = 'optout-ngram-lr/1';
export const NGRAM_HIDDEN_MODEL_FORMAT = 'optout-ngram-hidden/1';

/** What both shapes of model file hold. */
interface ModelFileCommon {
  /** Number of hash buckets, a power of two. */
  buckets: number;
  /** The probability at or above which the detector calls an utterance an opt-out. */
  threshold: number;
  /** What it was trained on, for the record. */
  trainedOn: { file: string; sha256: string; utterances: number; positives: number };
}

/** The logistic-regression model file as the training script writes it. */
export interface NgramModelFile extends ModelFileCommon {
  format: string;
  bias: number;
  /** Weights are int8 (base64), each times `scale`. */
  scale: number;
  weights: string;
}

/** The hidden-layer model file as the training script writes it. */
export interface NgramHiddenModelFile extends ModelFileCommon {
  format: string;
  /** Width of each bucket's embedding and of the hidden layer. */
  dim: number;
  /** The embeddings, `buckets` rows of `dim` int8 values (base64), each times `scale`. */
  embeddings: string;
  scale: number;
  /** The hidden layer's biases (`dim`). */
  hiddenBias: number[];
  /** The output's weights over the hidden layer (`dim`), and its bias. */
  outputWeights: number[];
  outputBias: number;
}

export interface NgramModel {
  threshold: number;
  /** The probability that the normalised text is an opt-out. */
  probability(normalised: string): number;
  /** The n-grams that pushed hardest towards opt-out, strongest first (only asked for when it fires). */
  evidence(normalised: string, count: number): string[];
}

/** How a refusal names the model: the shipped file names its path (modelFromFile). */
const MODEL = 'optout n-gram model';

/** A base64 table of int8 values, `width` a bucket, refused unless it fits `buckets` (a power of two). */
function int8Table(base64: string, buckets: number, width: number, what: string, source: string): Int8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== buckets * width || (buckets & (buckets - 1)) !== 0) throw new Error(`${source}: ${what} do not match its bucket count`);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

const isNumbers = (x: unknown, length: number): x is number[] =>
  Array.isArray(x) && x.length === length && x.every((v) => typeof v === 'number' && Number.isFinite(v));

export function ngramModelFrom(file: NgramModelFile | NgramHiddenModelFile, source: string = MODEL): NgramModel {
  if (file.format === NGRAM_HIDDEN_MODEL_FORMAT) return hiddenModelFrom(file as NgramHiddenModelFile, source);
  if (file.format !== NGRAM_MODEL_FORMAT) {
    throw new Error(`${source}: format ${file.format}, expected ${NGRAM_MODEL_FORMAT} or ${NGRAM_HIDDEN_MODEL_FORMAT}`);
  }
  const linear = file as NgramModelFile;
  const weights = int8Table(linear.weights, linear.buckets, 1, 'weights', source);
  return {
    threshold: linear.threshold,
    probability(normalised: string): number {
      const sum = weightSum(normalised, weights);
      return 1 / (1 + Math.exp(-(linear.bias + sum * linear.scale)));
    },
    evidence(normalised: string, count: number): string[] {
      return strongest(normalised, linear.buckets, (bucket) => weights[bucket], count);
    },
  };
}

/** The character n-grams (longer than one) that push hardest towards opt-out: word features and single characters explain little to a reader. */
function strongest(normalised: string, buckets: number, push: (bucket: number) => number, count: number): string[] {
  return ngramFeatures(normalised, buckets)
    .filter((f) => !f.gram.startsWith('w:') && f.gram.trim().length > 1)
    .map((f) => ({ gram: f.gram.trim(), push: push(f.bucket) }))
    .filter((f) => f.push > 0)
    .sort((a, b) => b.push - a.push)
    .slice(0, count)
    .map((f) => f.gram);
}

function hiddenModelFrom(file: NgramHiddenModelFile, source: string): NgramModel {
  const { buckets, dim } = file;
  if (!Number.isInteger(dim) || dim < 1 || !isNumbers(file.hiddenBias, dim) || !isNumbers(file.outputWeights, dim)) {
    throw new Error(`${source}: the hidden layer does not match its width`);
  }
  const embeddings = int8Table(file.embeddings, buckets, dim, 'embeddings', source);
  const b1 = Float64Array.from(file.hiddenBias);
  const w = Float64Array.from(file.outputWeights);
  const sum = new Int32Array(dim);
  /** The hidden layer for the text, into `h`; returns the feature count. */
  const hidden = (normalised: string, h: Float64Array): number => {
    const count = embeddingSum(normalised, embeddings, dim, sum);
    const norm = count > 0 ? file.scale / Math.sqrt(count) : 0;
    for (let j = 0; j < dim; j++) h[j] = Math.tanh(sum[j] * norm + b1[j]);
    return count;
  };
  const h = new Float64Array(dim);
  return {
    threshold: file.threshold,
    probability(normalised: string): number {
      hidden(normalised, h);
      let z = file.outputBias;
      for (let j = 0; j < dim; j++) z += w[j] * h[j];
      return 1 / (1 + Math.exp(-z));
    },
    evidence(normalised: string, count: number): string[] {
      // Each n-gram's push on the output through the layer, to first order: its embedding times the output's slope at this text.
      const features = hidden(normalised, h);
      const slope = Float64Array.from(h, (hj, j) => (w[j] * (1 - hj * hj) * file.scale) / Math.sqrt(features));
      const push = (bucket: number): number => {
        let p = 0;
        for (let j = 0; j < dim; j++) p += slope[j] * embeddings[bucket * dim + j];
        return p;
      };
      return strongest(normalised, buckets, push, count);
    },
  };
}

let shipped: NgramModel | null = null;

/**
 * The shipped model, read on first use rather than when the module loads: `npm run train:optout`
 * imports the detector to ask its rules, and must be able to replace a file of an older format.
 */
export function shippedNgramModel(): NgramModel {
  shipped ??= modelFromFile(NGRAM_MODEL_FILE);
  return shipped;
}

/** A model file that cannot be read or used names itself: the gateway's start fails on it with that message. */
function modelFromFile(path: string): NgramModel {
  const source = `${MODEL} (${path})`;
  let file: NgramModelFile | NgramHiddenModelFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
  return ngramModelFrom(file, source);
}
