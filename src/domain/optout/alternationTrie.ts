/**
 * A word class as a trie: `(?:stopping|stop|quit)` written
 * `(?:quit|stop(?:ping|))`. V8 tries the alternatives of a group one after
 * another at every position of a text, so a class of fifty words costs fifty
 * tries per position; as a trie a position that starts no word fails on its
 * first letter.
 *
 * Matches are the same as the plain alternation's, longest word first: two
 * words can both match at one position only when one is a prefix of the
 * other, and the trie tries a longer word before a word it extends (at every
 * node the branches that go on come before the one that ends there), as the
 * longest-first alternation does. Only lists of plain words are turned into
 * tries; a list holding regex syntax is left as it is.
 */

import { trieOf, type TrieNode } from './stringTrie';

const PLAIN = /^[^\\()[\]{}|.^$?*+]*$/;

/** The ways on from `node`, one per next letter (sorted), then '' when a word ends there: longer words first. */
function branchesFrom(node: TrieNode): string[] {
  const branches = [...node.next.keys()].sort().map((ch) => ch + group(node.next.get(ch) as TrieNode));
  if (node.end) branches.push('');
  return branches;
}

function group(node: TrieNode): string {
  const branches = branchesFrom(node);
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

/** `items` as one regex group matching what `(?:a|b|…)`, longest first, matches; null when an item is not plain text. */
export function alternationTrie(items: readonly string[]): string | null {
  if (!items.every((item) => PLAIN.test(item))) return null;
  // Always one group of the root's branches, whether it has one or many.
  return `(?:${branchesFrom(trieOf(items)).join('|')})`;
}
