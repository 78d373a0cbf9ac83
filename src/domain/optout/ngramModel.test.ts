import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules, normalizeForDetection } from './detectOptOut';
import { NGRAM_MODEL, NGRAM_MODEL_FILE, ngramModelFrom, type NgramModelFile } from './ngramModel';

const shipped = JSON.parse(readFileSync(NGRAM_MODEL_FILE, 'utf8')) as NgramModelFile;

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
    expect(() => ngramModelFrom({ ...shipped, weights: Buffer.from([1, 2, 3]).toString('base64') })).toThrow(/bucket/);
  });
});
