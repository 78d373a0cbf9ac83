/**
 * A small logistic-regression classifier over hashed character n-grams
 * (ngramFeatures.ts), trained at build time from the development set by
 * `npm run train:optout` and shipped as reference/optout-ngram-model.json.
 * No download, no network: the weights are read once, when this module loads.
 *
 * The detector asks it only when no rule fired: it can catch an opt-out
 * phrased in a way no rule lists, and says which n-grams weighed most, so
 * `matched` still explains the decision. Its threshold is set by the
 * training script from cross-validation on the development set, high enough
 * that it rarely fires on speech the rules rightly ignore.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../packageFile';
import { ngramFeatures, weightSum } from './ngramFeatures';

export const NGRAM_MODEL_FILE = packageFile('reference/optout-ngram-model.json');
export const NGRAM_MODEL_FORMAT = 'optout-ngram-lr/1';

/** The model file as the training script writes it. */
export interface NgramModelFile {
  format: string;
  /** Number of hash buckets, a power of two. */
  buckets: number;
  bias: number;
  /** Weights are int8 (base64), each times `scale`. */
  scale: number;
  weights: string;
  /** The probability at or above which the detector calls an utterance an opt-out. */
  threshold: number;
  /** What it was trained on, for the record. */
  trainedOn: { file: string; sha256: string; utterances: number; positives: number };
}

export interface NgramModel {
  threshold: number;
  /** The probability that the normalised text is an opt-out. */
  probability(normalised: string): number;
  /** The n-grams that pushed hardest towards opt-out, strongest first (only asked for when it fires). */
  evidence(normalised: string, count: number): string[];
}

export function ngramModelFrom(file: NgramModelFile): NgramModel {
  if (file.format !== NGRAM_MODEL_FORMAT) throw new Error(`optout n-gram model: format ${file.format}, expected ${NGRAM_MODEL_FORMAT}`);
  const bytes = Buffer.from(file.weights, 'base64');
  if (bytes.length !== file.buckets || (file.buckets & (file.buckets - 1)) !== 0) throw new Error('optout n-gram model: weights do not match its bucket count');
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    threshold: file.threshold,
    probability(normalised: string): number {
      const sum = weightSum(normalised, weights);
      return 1 / (1 + Math.exp(-(file.bias + sum * file.scale)));
    },
    evidence(normalised: string, count: number): string[] {
      // Word features and single characters explain little to a reader; show the longer character n-grams.
      return ngramFeatures(normalised, file.buckets)
        .filter((f) => weights[f.bucket] > 0 && !f.gram.startsWith('w:') && f.gram.trim().length > 1)
        .sort((a, b) => weights[b.bucket] - weights[a.bucket])
        .slice(0, count)
        .map((f) => f.gram.trim());
    },
  };
}

/** The shipped model. */
export const NGRAM_MODEL: NgramModel = ngramModelFrom(JSON.parse(readFileSync(NGRAM_MODEL_FILE, 'utf8')) as NgramModelFile);
