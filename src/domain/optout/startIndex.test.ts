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
import { ANYWHERE, anyMarked, RuleStartIndex, type RuleMarks } from './startIndex';

const rule = (source: string, flags = 'g') => ({ pattern: new RegExp(`(?<![^ ])(?:${source})(?![^ ])`, flags) });

/** Where `marks` says rule `id` may begin. */
function hits(marks: RuleMarks, id: number): number[] | 'anywhere' {
  if (!marks.isMarked(id)) return [];
  if (marks.first[id] === ANYWHERE) return 'anywhere';
  const out: number[] = [];
  for (let hit = marks.first[id]; hit >= 0; hit = marks.next[hit]) out.push(marks.at[hit]);
  return out;
}

describe('RuleStartIndex: the rules that can begin in a text, and where', () => {
  const index = new RuleStartIndex([
    { onCharacters: false, rules: [rule('stop calling'), rule('(?:please )?quit'), rule('.+ now')] },
    { onCharacters: true, rules: [{ pattern: /别再打/g }, { pattern: /退订/g }] },
  ]);

  it('marks a rule at each word start its keys are found, and a rule without keys anywhere', () => {
    const marks = index.mark('ok stop calling stop it', false, index.newMarks());
    expect(hits(marks, 0)).toEqual([3, 16]);
    expect(hits(marks, 1)).toEqual([]);
    expect(hits(marks, 2)).toBe('anywhere');
    expect(anyMarked(marks, 0, 2)).toBe(true);
    expect(anyMarked(marks, 1, 2)).toBe(false);
  });

  it('keys are looked up only where a word begins, on token-boundary rules', () => {
    const marks = index.mark('nonstop calling', false, index.newMarks());
    expect(hits(marks, 0)).toEqual([]);
  });

  it('looks at every position on character rules, numbered after the word rules', () => {
    expect(index.first).toEqual([0, 3]);
    const marks = index.mark('你们别再打了退订', true, index.newMarks());
    expect(hits(marks, 3)).toEqual([2]);
    expect(hits(marks, 4)).toEqual([6]);
    expect(anyMarked(marks, 0, 3)).toBe(true); // the keyless rule
  });

  it('marks every place any rule of any language matches in the development set (the index never hides a match)', () => {
    const lexicons = [en, es, fr, pt, zh, vi, tl, ko, ar, arabizi, ht].map(compileLexicon);
    const all = new RuleStartIndex(lexicons);
    const set = parseEvalSet(readFileSync(fileURLToPath(new URL('./eval/dev.jsonl', import.meta.url)), 'utf8'));
    const words = set.map((u) => normalizeForDetection(u.text));
    const marks = all.newMarks();
    let matches = 0;
    const hidden: string[] = [];
    lexicons.forEach((lexicon, l) => {
      for (const text of lexicon.onCharacters ? words.map((w) => w.replaceAll(' ', '')) : words) {
        all.mark(text, lexicon.onCharacters, marks);
        lexicon.rules.forEach((r, i) => {
          const where = hits(marks, all.first[l] + i);
          r.pattern.lastIndex = 0;
          for (let m = r.pattern.exec(text); m !== null; m = r.pattern.exec(text)) {
            matches++;
            if (where !== 'anywhere' && !where.includes(m.index)) hidden.push(`${lexicon.lang} ${r.id} at ${m.index}: ${text}`);
          }
        });
      }
    });
    expect(hidden).toEqual([]);
    expect(matches).toBeGreaterThan(3000);
  });
});
