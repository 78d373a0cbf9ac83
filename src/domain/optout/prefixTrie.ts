/**
 * The union of rule prefixes (prefilter.ts) as one regex alternation that V8
 * runs fast: every prefix that spells out a few hundred strings at most is
 * merged into a trie (`st(?:op|ahp)` rather than `stop|stahp|…`, so each
 * position of the text tries one branch per letter instead of every prefix);
 * the rest are kept as written.
 *
 * The result is only ever tested (does any prefix occur?), so the order of
 * alternatives does not matter, and a string that extends another adds
 * nothing ("stop" occurs wherever "stopping" does): the trie stops at the
 * shorter one.
 */
import { exactStrings } from './literals';
import { addToTrie, trieOf, type TrieNode } from './stringTrie';

/** A prefix spelling out more strings than this is kept as written. */
const MAX_SPELLED = 400;

function escapeRegexChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

function trieSource(node: TrieNode): string {
  if (node.end) return '';
  const branches = [...node.next.keys()].sort().map((ch) => escapeRegexChar(ch) + trieSource(node.next.get(ch) as TrieNode));
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

/** The top-level branches of `(?:a|b|…)` (the whole group), or the source itself. */
function branchesOf(source: string): string[] {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return [source];
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 3; i < source.length - 1; i++) {
    const ch = source[i];
    if (ch === '\\') {
      current += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === '[') {
      const end = source.indexOf(']', i + 2);
      current += source.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return [source]; // the group closes early: `(?:a)(?:b)` is not one group
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** `(?:…)` matching wherever one of `prefixes` matches (and only there, give or take the strings a shorter one covers). */
export function prefixUnion(prefixes: readonly string[]): string {
  const root = trieOf();
  const kept: string[] = [];
  let spelled = 0;
  for (const prefix of prefixes) {
    for (const branch of branchesOf(prefix)) {
      const strings = exactStrings(branch, MAX_SPELLED);
      if (strings === null || strings.includes('')) {
        kept.push(branch);
        continue;
      }
      for (const s of strings) addToTrie(root, s);
      spelled += strings.length;
    }
  }
  const alternatives = spelled > 0 ? [trieSource(root), ...kept] : kept;
  return `(?:${[...new Set(alternatives)].join('|')})`;
}
