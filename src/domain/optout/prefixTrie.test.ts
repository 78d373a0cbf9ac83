import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from './compile';
import { normalizeForDetection } from './detectOptOut';
import { parseEvalSet } from './eval/score';
import { ar } from './lexicon.ar';
import { arabizi } from './lexicon.ar.arabizi';
import { en } from './lexicon.en';
import { es } from './lexicon.es';
import { fr } from './lexicon.fr';
import { ht } from './lexicon.ht';
import { ko } from './lexicon.ko';
import { pt } from './lexicon.pt';
import { tl } from './lexicon.tl';
import { vi } from './lexicon.vi';
import { zh } from './lexicon.zh';
import { prefixUnion } from './prefixTrie';

describe('prefixUnion: rule prefixes as one fast alternation', () => {
  it('merges spelled-out prefixes into a trie and keeps the others as written', () => {
    expect(prefixUnion(['(?:stop|stahp)', 'quit', 'sto+p+'])).toBe('(?:(?:quit|st(?:ahp|op))|sto+p+)');
    // "stop" occurs wherever "stopping" does: the longer string adds nothing to a test.
    expect(prefixUnion(['stopping', 'stop'])).toBe('(?:stop)');
    expect(prefixUnion(['(?:a|b)(?:c)'])).toBe('(?:(?:ac|bc))');
  });

  it('finds a prefix wherever the plain union of the prefixes does', () => {
    const prefixes = ['(?:ne |n ?)(?:appelez|rappelez)', '(?:ll|y)am[ae]', 'sto+p+', 'c\\.a', 'no mas'];
    const plain = new RegExp(`(?<![^ ])(?:${prefixes.join('|')})`);
    const merged = new RegExp(`(?<![^ ])${prefixUnion(prefixes)}`);
    for (const text of ['ne appelez', 'nappelez plus', 'yame', 'llama', 'stooopp', 'c.a', 'cxa', 'no mas', 'nomas', 'x llame', 'xllame']) {
      expect(merged.test(text), text).toBe(plain.test(text));
    }
  });

  it('passes every dev utterance a rule of the language matches (the prefilter never hides a match)', () => {
    const set = parseEvalSet(readFileSync(fileURLToPath(new URL('./eval/dev.jsonl', import.meta.url)), 'utf8'));
    const words = set.map((u) => normalizeForDetection(u.text));
    let matches = 0;
    for (const lexicon of [en, es, fr, pt, zh, vi, tl, ko, ar, arabizi, ht].map(compileLexicon)) {
      for (const text of lexicon.onCharacters ? words.map((w) => w.replaceAll(' ', '')) : words) {
        const matched = lexicon.rules.some((rule) => {
          rule.pattern.lastIndex = 0;
          return rule.pattern.test(text);
        });
        if (!matched) continue;
        matches++;
        expect(lexicon.anyRule.test(text), `${lexicon.lang}: ${text}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(3000);
  });
});
