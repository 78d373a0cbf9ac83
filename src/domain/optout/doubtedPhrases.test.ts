/**
 * A phrase rule's opt-out the classifier all but rules out (detectOptOut's `doubted`): on a call it is
 * a possible opt-out the call paths ask about, in a text it is no opt-out; keywords are never doubted.
 * The utterances are development lines the phrase rules alone call opt-outs.
 */
import { describe, expect, it } from 'vitest';
import { detectOptOut } from './index';
import { detectRules } from './detectOptOut';

describe('phrase opt-outs the classifier doubts', () => {
  it.each([
    ['pt', 'o cara do telemarketing da outra empresa eu mandei parar de ligar'],
    ['fr', 'le docteur ne me rappelle jamais'],
    ['vi', 'tôi có nói đừng gọi nữa đâu, sao không thấy gọi'],
  ])('%s on a call: %j is possible_opt_out, naming the doubted phrase', (lang, text) => {
    expect(detectRules(text, { channel: 'voice' })).toMatchObject({ intent: 'opt_out', matched: expect.stringMatching(new RegExp(`^phrase:${lang}:`)) });
    expect(detectOptOut(text, { channel: 'voice' })).toEqual({
      intent: 'possible_opt_out',
      matched: expect.stringMatching(new RegExp(`^doubted-phrase:${lang}:`)),
      confidence: 0.5,
      lang,
    });
  });

  it.each([
    'please don’t send me texts in spanish, english only',
    'unsubscribe do canal do youtube como faz',
    'Je t’ai dit d’arrêter de m’écrire pendant le cours lol',
  ])('in a text: %j is no opt-out (SMS never asks)', (text) => {
    expect(detectRules(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out' });
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'none', matched: null });
  });

  it('a keyword is never doubted: a first clause that is STOP stays an opt-out, however the classifier reads the rest', () => {
    const text = "stop! that's the wrong pharmacy, it's the one on main st";
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched: 'keyword-clause:STOP' });
  });

  it('a phrase the classifier agrees with is an opt-out as before', () => {
    expect(detectOptOut('pls stop the survey texts', { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched: expect.stringMatching(/^phrase:en:/) });
  });
});
