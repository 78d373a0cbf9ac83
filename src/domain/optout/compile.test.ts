import { describe, it, expect } from 'vitest';
import { compileKeywords, compileLexicon } from './compile';
import { en } from './lexicon.en';
import type { Lexicon } from './types';

const lexicon = (patch: Partial<Lexicon>): Lexicon => ({ ...en, ...patch });

describe('lexicons are checked when the module loads, not on a call', () => {
  it('an unknown {class} is an error naming the rule', () => {
    expect(() => compileLexicon(lexicon({ rules: [{ id: 'broken', pattern: 'stop {nope}', confidence: 1 }] }))).toThrow(
      /unknown class \{nope\} in rule broken/,
    );
  });

  it('an accented pattern is an error (input is accent-stripped, it could never match)', () => {
    expect(() => compileLexicon(lexicon({ rules: [{ id: 'accent', pattern: 'arrêtez', confidence: 1 }] }))).toThrow(/normalised text/);
  });

  it('a pattern in a spelling normalisation folds away is an error: hamza seats, alef maqsura, tatweel, Vietnamese đ', () => {
    for (const pattern of ['قائمه', 'اخرى', 'تتصـل', 'đừng']) {
      expect(() => compileLexicon(lexicon({ rules: [{ id: 'folded', pattern, confidence: 1 }] })), pattern).toThrow(/normalised text/);
    }
    expect(() => compileKeywords([lexicon({ delight: ['رائع'] })])).toThrow(/delight "رائع"/);
  });

  it('a lexicon that matches on characters finds its rules inside unspaced text', () => {
    const compiled = compileLexicon(
      lexicon({ matchOn: 'characters', negation: { cue: [], bridge: [], exceptAfter: [] }, rules: [{ id: 'zh', pattern: '别再打', confidence: 1 }] }),
    );
    expect(compiled.rules[0].pattern.test('你们别再打了')).toBe(true);
  });

  it('an accented or upper-case keyword is an error', () => {
    expect(() => compileKeywords([lexicon({ keywords: { ...en.keywords, opt_out: ['ARRÊT'] } })])).toThrow(/keyword "ARRÊT"/);
  });

  it('a voice keyword must be an opt-out keyword', () => {
    expect(() => compileKeywords([lexicon({ voiceKeywords: ['hello'] })])).toThrow(/voice keyword "hello" is not an opt-out keyword/);
  });

  it('one keyword cannot have two intents across languages', () => {
    const other = lexicon({ lang: 'xx', keywords: { opt_out: [], opt_in: ['stop'], help: [] } });
    expect(() => compileKeywords([en, other])).toThrow(/two intents/);
  });
});
