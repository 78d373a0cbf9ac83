/**
 * The fastText-style opt-out classifier with one hidden layer that
 * `npm run train:optout` ships, and the backtest compares with the linear
 * one (optoutClassifier.ts): each hashed
 * feature bucket has a `dim`-wide embedding, and
 *
 *   h = tanh(sum of the text's feature embeddings / sqrt(count) + b1)
 *   p = sigmoid(w . h + b2)
 *
 * so it can weigh features together ("said to stop calling" with "him"),
 * which a sum of weights cannot. Mini-batch Adam, updating only the rows a
 * batch touched (a text has a few hundred of 32,768 buckets), with L2 on
 * those rows. Deterministic: a fixed-seed PRNG initialises the weights and
 * orders each epoch, so the same set gives the same model.
 */
import { type Example, quantised, SHIPPED_DESIGN, withCopies } from './optoutClassifier';

export interface HiddenDesign {
  buckets: number;
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  batch: number;
  seed: number;
}

/**
 * What `npm run train:optout` ships. Trained gently (few epochs, a small rate) so that out-of-fold
 * probabilities stay spread out and the false-alarm budget, not the threshold's cap, sets the threshold.
 */
// The buckets are the features' own (featuresOf hashes into SHIPPED_DESIGN.buckets): a different count would index other rows.
export const SHIPPED_HIDDEN_DESIGN: HiddenDesign = { buckets: SHIPPED_DESIGN.buckets, dim: 16, epochs: 4, learningRate: 0.002, l2: 1e-3, batch: 32, seed: 26 };

export interface HiddenModel {
  dim: number;
  /** buckets x dim, row-major. */
  embeddings: Float32Array;
  b1: Float32Array;
  w: Float32Array;
  b2: number;
}

/** mulberry32: small, fast, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The hidden layer's activations for a text's buckets, written into `h`. */
function hiddenOf(model: HiddenModel, features: Uint32Array, h: Float32Array): void {
  const d = model.dim;
  h.fill(0);
  for (const f of features) {
    const row = f * d;
    for (let j = 0; j < d; j++) h[j] += model.embeddings[row + j];
  }
  const norm = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
  for (let j = 0; j < d; j++) h[j] = Math.tanh(h[j] * norm + model.b1[j]);
}

export function hiddenProbability(model: HiddenModel, features: Uint32Array): number {
  const h = new Float32Array(model.dim);
  hiddenOf(model, features, h);
  let z = model.b2;
  for (let j = 0; j < model.dim; j++) z += model.w[j] * h[j];
  return 1 / (1 + Math.exp(-z));
}

export function trainHidden(given: readonly Example[], design: HiddenDesign): HiddenModel {
  const examples = withCopies(given);
  const d = design.dim;
  const n = design.buckets;
  const random = prng(design.seed);
  const embeddings = new Float32Array(n * d);
  for (let i = 0; i < embeddings.length; i++) embeddings[i] = (random() * 2 - 1) / d;
  const w = Float32Array.from({ length: d }, () => (random() * 2 - 1) / Math.sqrt(d));
  const model: HiddenModel = { dim: d, embeddings, b1: new Float32Array(d), w, b2: 0 };
  // Adam's moments; the dense parameters (b1, w, b2) after the embeddings.
  const dense = 2 * d + 1;
  const m = new Float32Array(n * d + dense);
  const v = new Float32Array(n * d + dense);
  const grad = new Float32Array(n * d + dense);
  const touchedRows: number[] = [];
  const seenInBatch = new Uint32Array(n);
  let batchStamp = 0;
  const h = new Float32Array(d);
  const dh = new Float32Array(d);
  const order = examples.map((_, i) => i);
  const totalWeight = examples.reduce((s, e) => s + (e.weight ?? 1), 0) / examples.length;
  const b1m = 0.9;
  const b2m = 0.999;
  let step = 0;
  // Adam's step with its bias corrections folded into one rate, set once a batch.
  let rate = 0;
  const update = (i: number, param: number): number => {
    const g = grad[i];
    grad[i] = 0;
    const mi = b1m * m[i] + (1 - b1m) * g;
    const vi = b2m * v[i] + (1 - b2m) * g * g;
    m[i] = mi;
    v[i] = vi;
    return param - (rate * mi) / (Math.sqrt(vi) + 1e-8);
  };
  for (let epoch = 0; epoch < design.epochs; epoch++) {
    // Fisher-Yates with the seeded PRNG: a fixed, different order each epoch.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < order.length; start += design.batch) {
      const end = Math.min(order.length, start + design.batch);
      batchStamp++;
      touchedRows.length = 0;
      const scale = 1 / ((end - start) * totalWeight);
      for (let k = start; k < end; k++) {
        const ex = examples[order[k]];
        hiddenOf(model, ex.features, h);
        let z = model.b2;
        for (let j = 0; j < d; j++) z += model.w[j] * h[j];
        const err = (1 / (1 + Math.exp(-z)) - (ex.positive ? 1 : 0)) * (ex.weight ?? 1) * scale;
        const base = n * d;
        grad[base + 2 * d] += err;
        const norm = ex.features.length > 0 ? 1 / Math.sqrt(ex.features.length) : 0;
        for (let j = 0; j < d; j++) {
          grad[base + d + j] += err * h[j];
          dh[j] = err * model.w[j] * (1 - h[j] * h[j]);
          grad[base + j] += dh[j];
          dh[j] *= norm;
        }
        for (const f of ex.features) {
          if (seenInBatch[f] !== batchStamp) {
            seenInBatch[f] = batchStamp;
            touchedRows.push(f);
          }
          const row = f * d;
          for (let j = 0; j < d; j++) grad[row + j] += dh[j];
        }
      }
      step++;
      rate = (design.learningRate * Math.sqrt(1 - b2m ** step)) / (1 - b1m ** step);
      for (const f of touchedRows) {
        const row = f * d;
        for (let j = 0; j < d; j++) {
          grad[row + j] += design.l2 * embeddings[row + j];
          embeddings[row + j] = update(row + j, embeddings[row + j]);
        }
      }
      const base = n * d;
      for (let j = 0; j < d; j++) {
        model.b1[j] = update(base + j, model.b1[j]);
        model.w[j] = update(base + d + j, model.w[j]);
      }
      model.b2 = update(base + 2 * d, model.b2);
    }
  }
  return model;
}

/** The embeddings as a model file stores them: int8, each times `scale`; the small dense layer kept as floats. */
export function quantisedHidden(model: HiddenModel): HiddenModel & { scale: number; bytes: Int8Array } {
  const { scale, bytes } = quantised(model.embeddings);
  return { ...model, embeddings: Float32Array.from(bytes, (b) => b * scale), scale, bytes };
}
