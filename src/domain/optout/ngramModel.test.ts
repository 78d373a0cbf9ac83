import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules, normalizeForDetection } from './detectOptOut';
import { forEachFeature, ngramFeatures } from './ngramFeatures';
import { NGRAM_HIDDEN_MODEL_FORMAT, NGRAM_MODEL_FILE, ngramModelFrom, type NgramHiddenModelFile, type NgramModelFile, shippedNgramModel } from './ngramModel';

const shipped = JSON.parse(readFileSync(NGRAM_MODEL_FILE, 'utf8')) as NgramModelFile;
const NGRAM_MODEL = shippedNgramModel();

describe('the n-gram classifier shipped with the detector', () => {
  it('was trained on the development set, never on the held-out one', () => {
    expect(shipped.trainedOn.file).toBe('src/domain/optout/eval/dev.jsonl');
    expect(shipped.trainedOn.utterances).toBeGreaterThan(1000);
    expect(shipped.threshold).toBeGreaterThanOrEqual(0.6);
  });

  it('catches a misspelt opt-out no rule knows, and names the n-grams that decided it', () => {
    const text = 'pls remove me from ur lisst';
    expect(detectRules(text, { channel: 'sms' })).toBeNull();
    const result = detectOptOut(text, { channel: 'sms' });
    expect(result.intent).toBe('opt_out');
    expect(result.matched).toMatch(/^classifier:[^|]+(?:\|[^|]+){0,2}$/);
    expect(result.confidence).toBeGreaterThanOrEqual(shipped.threshold - 0.01);
  });

  it('is not asked when a rule fired: the rule explains the decision', () => {
    expect(detectOptOut('stop calling me', { channel: 'voice' }).matched).toBe('phrase:en:stop calling');
  });

  it('is not asked when the rules set an opt-out phrase aside for its negation: n-grams cannot read "not"', () => {
    // The phrase is there ("me tira da lista"), negated; the classifier alone scores it over its threshold.
    const text = 'Não me tira da lista por favor';
    expect(NGRAM_MODEL.probability(normalizeForDetection(text))).toBeGreaterThanOrEqual(NGRAM_MODEL.threshold);
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('none');
  });

  it('stays silent on ordinary speech', () => {
    for (const text of ['can you call me back tomorrow', 'where is the bus stop', 'I want to cancel my order', 'yes that works for me']) {
      expect(NGRAM_MODEL.probability(text), text).toBeLessThan(NGRAM_MODEL.threshold);
    }
  });

  it('refuses a model file of another format or with weights that do not fit its buckets', () => {
    expect(() => ngramModelFrom({ ...shipped, format: 'something-else' })).toThrow(/format/);
    const table = shipped.format === NGRAM_HIDDEN_MODEL_FORMAT ? 'embeddings' : 'weights';
    expect(() => ngramModelFrom({ ...shipped, [table]: Buffer.from([1, 2, 3]).toString('base64') })).toThrow(/bucket/);
  });

  it('a refusal names the file it was read from, when given one (the gateway then fails to start on that message)', () => {
    const source = 'optout n-gram model (/srv/reference/optout-ngram-model.json)';
    expect(() => ngramModelFrom({ ...shipped, format: 'something-else' }, source)).toThrow(`${source}: format something-else`);
    expect(() => ngramModelFrom({ ...shipped, format: 'something-else' })).toThrow(/^optout n-gram model: format/);
  });
});

describe('a model file with one hidden layer (optout-ngram-hidden/1)', () => {
  const buckets = 1 << 6;
  const dim = 2;
  // Column 0 grows with the bucket, column 1 shrinks: every bucket weighs differently on each unit.
  const embeddings = Int8Array.from({ length: buckets * dim }, (_, i) => (i % 2 === 0 ? (i >> 1) - 32 : 31 - (i >> 1)));
  const file: NgramHiddenModelFile = {
    format: NGRAM_HIDDEN_MODEL_FORMAT,
    buckets,
    dim,
    embeddings: Buffer.from(embeddings.buffer).toString('base64'),
    scale: 0.05,
    hiddenBias: [0.1, -0.2],
    outputWeights: [2, -1],
    outputBias: -0.3,
    threshold: 0.7,
    trainedOn: { file: 'src/domain/optout/eval/dev.jsonl', sha256: '-', utterances: 0, positives: 0 },
  };
  const model = ngramModelFrom(file);

  it('reads the probability through the layer: tanh of the summed embeddings over the square root of their count, then a logistic output', () => {
    for (const text of ['stop calling me', 'pls remove me from ur lisst', 'a']) {
      const sum = [0, 0];
      let count = 0;
      forEachFeature(text, buckets, (bucket) => {
        count++;
        for (let j = 0; j < dim; j++) sum[j] += embeddings[bucket * dim + j];
      });
      const h = sum.map((s, j) => Math.tanh((s * file.scale) / Math.sqrt(count) + file.hiddenBias[j]));
      const z = file.outputBias + h[0] * file.outputWeights[0] + h[1] * file.outputWeights[1];
      expect(model.probability(text), text).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    }
    expect(model.threshold).toBe(0.7);
  });

  it('names as evidence the character n-grams that push the output up through the layer, strongest first', () => {
    const text = 'stop calling me';
    const evidence = model.evidence(text, 3);
    expect(evidence.length).toBeGreaterThan(0);
    const grams = new Set(ngramFeatures(text, buckets).map((f) => f.gram.trim()));
    for (const gram of evidence) {
      expect(grams.has(gram), gram).toBe(true);
      expect(gram.length).toBeGreaterThan(1);
    }
  });

  it('refuses a file whose embeddings or hidden layer do not fit its shape', () => {
    expect(() => ngramModelFrom({ ...file, embeddings: Buffer.from([1, 2, 3]).toString('base64') })).toThrow(/bucket/);
    expect(() => ngramModelFrom({ ...file, dim: 3 })).toThrow(/width/);
    expect(() => ngramModelFrom({ ...file, outputWeights: [1] })).toThrow(/width/);
    expect(() => ngramModelFrom({ ...file, hiddenBias: [0, Number.NaN] })).toThrow(/width/);
    expect(() => ngramModelFrom({ ...file, format: 'optout-ngram-hidden/2' })).toThrow(/format/);
  });
});
