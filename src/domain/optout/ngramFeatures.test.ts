import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from './detectOptOut';
import { parseEvalSet } from './eval/score';
import { embeddingSum, forEachFeature, weightSum } from './ngramFeatures';

describe('weightSum, the classifier’s walk without a callback', () => {
  it('sums the same buckets as forEachFeature, each once, on every dev utterance', () => {
    const set = parseEvalSet(readFileSync(fileURLToPath(new URL('./eval/dev.jsonl', import.meta.url)), 'utf8'));
    // Weights that differ per bucket, so a bucket missed, added or counted twice shows.
    const weights = Int8Array.from({ length: 1 << 12 }, (_, i) => ((i * 37) % 255) - 127);
    for (const u of [...set.map((x) => x.text), 'stop stop stop', '', 'a']) {
      const text = normalizeForDetection(u);
      let expected = 0;
      forEachFeature(text, weights.length, (bucket) => {
        expected += weights[bucket];
      });
      expect(weightSum(text, weights), text).toBe(expected);
    }
  });
});

describe('embeddingSum, the hidden-layer classifier’s walk without a callback', () => {
  it('sums the rows of the same buckets as forEachFeature, each once, on every dev utterance', () => {
    const set = parseEvalSet(readFileSync(fileURLToPath(new URL('./eval/dev.jsonl', import.meta.url)), 'utf8'));
    const dim = 3;
    // Values that differ per bucket and per column, so a bucket missed, added or counted twice, or a row misread, shows.
    const embeddings = Int8Array.from({ length: (1 << 12) * dim }, (_, i) => ((i * 37) % 255) - 127);
    const sum = new Int32Array(dim);
    for (const u of [...set.map((x) => x.text), 'stop stop stop', '', 'a']) {
      const text = normalizeForDetection(u);
      const expected = [0, 0, 0];
      let count = 0;
      forEachFeature(text, 1 << 12, (bucket) => {
        count++;
        for (let j = 0; j < dim; j++) expected[j] += embeddings[bucket * dim + j];
      });
      expect(embeddingSum(text, embeddings, dim, sum), text).toBe(count);
      expect([...sum], text).toEqual(expected);
    }
  });
});
