import { describe, expect, it } from 'vitest';
import { detectOptOut, negatedByRules } from './detectOptOut';

// The classifier's training leaves out what negatedByRules names: the detector never asks it about those.
describe('texts whose opt-out phrase the rules set aside for its negation', () => {
  it.each([
    ['Não me tira da lista por favor', 'sms'],
    ["I don't want you to stop texting me", 'sms'],
  ] as const)('%j is one, and the detector answers none', (text, channel) => {
    expect(negatedByRules(text, { channel })).toBe(true);
    expect(detectOptOut(text, { channel }).intent).toBe('none');
  });

  it.each([
    ['stop texting me', 'a rule decides it'],
    ['pls remove me from ur lisst', 'no rule met a phrase: the classifier is asked'],
    ['where is the bus stop', 'nothing negated, right after a negated text'],
  ])('%j is not (%s)', (text) => {
    negatedByRules('Não me tira da lista por favor', { channel: 'sms' });
    expect(negatedByRules(text, { channel: 'sms' })).toBe(false);
  });
});
