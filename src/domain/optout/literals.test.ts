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
import { holdsAny, mayHold, newPairSet, pairGate, pairsOf, requiredLiteralSets, requiredLiterals } from './literals';

describe('requiredLiteralSets: every part a match cannot do without', () => {
  it('names each required part of a sequence, the most selective first, none another one implies', () => {
    expect(requiredLiteralSets('(?:quit|stop)[a-z]* (?:calling|texting)', 3, 3)).toEqual([
      [' calling', ' texting'],
      ['quit', 'stop'],
    ]);
    expect(requiredLiteralSets('(?<![^ ])stop (?:calling|texting)(?: me)?(?![^ ])', 3, 3)).toEqual([['stop calling', 'stop texting']]);
  });

  it('takes nothing from optional parts, alternations of several branches, lookarounds or short strings', () => {
    expect(requiredLiteralSets('stop(?: calling)?', 3, 3)).toEqual([['stop']]);
    expect(requiredLiteralSets('(?:stop calling|quit texting)', 3, 3)).toEqual([['quit texting', 'stop calling']]);
    expect(requiredLiteralSets('(?<!dont )no', 3, 3)).toEqual([]);
    expect(requiredLiteralSets('(?:a|b)[a-z]+ (?:x|y)', 3, 3)).toEqual([]);
  });
});

describe('requiredLiterals: strings a match cannot do without', () => {
  it('spells out small alternations and optional parts', () => {
    expect([...(requiredLiterals('(?:ll|y)ama') ?? [])].sort()).toEqual(['llama', 'yama']);
    expect(requiredLiterals('(?:ll|y)amame')).toEqual(['amame']);
    expect(requiredLiterals('(?<![^ ])stop calling(?: me)?(?![^ ])')).toEqual(['stop calling']);
    expect(requiredLiterals('(?:take|get) me off')).toEqual([' me off']);
  });

  it('keeps what a repeat must contain, and gives up where nothing is certain', () => {
    expect(requiredLiterals('sto+p+ it')).toEqual(['sto']);
    expect(requiredLiterals('[^ ]* ?')).toBeNull();
    expect(requiredLiterals('(?:stop|)')).toBeNull();
    expect(requiredLiterals('.*?(?:a|b)')).toEqual(['a', 'b']);
  });

  it('every rule of every language, on every dev utterance it matches, finds one of its literals there', () => {
    const set = parseEvalSet(readFileSync(fileURLToPath(new URL('./eval/dev.jsonl', import.meta.url)), 'utf8'));
    const words = set.map((u) => normalizeForDetection(u.text));
    const characters = words.map((w) => w.replaceAll(' ', ''));
    const pairs = newPairSet();
    let matches = 0;
    for (const lexicon of [en, es, fr, pt, zh, vi, tl, ko, ar, arabizi, ht].map(compileLexicon)) {
      for (const rule of lexicon.rules) {
        const literals = requiredLiterals(rule.pattern.source);
        const gate = pairGate(literals);
        for (const text of lexicon.onCharacters ? characters : words) {
          rule.pattern.lastIndex = 0;
          if (!rule.pattern.test(text)) continue;
          matches++;
          if (literals) expect(holdsAny(text, literals), `${lexicon.lang} ${rule.id}: ${text}`).toBe(true);
          if (gate) expect(mayHold(pairsOf(text, pairs), gate), `${lexicon.lang} ${rule.id}: ${text}`).toBe(true);
          for (const i of rule.needs) {
            expect(holdsAny(text, lexicon.literalSets[i]), `${lexicon.lang} ${rule.id} needs ${i}: ${text}`).toBe(true);
            const setGate = lexicon.literalGates[i];
            if (setGate) expect(mayHold(pairsOf(text, pairs), setGate), `${lexicon.lang} ${rule.id} gate ${i}: ${text}`).toBe(true);
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(3000);
  });
});
