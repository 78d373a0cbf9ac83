import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from './detectOptOut';
import { parseEvalSet } from './eval/score';
import { forEachFeature, weightSum } from './ngramFeatures';

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
