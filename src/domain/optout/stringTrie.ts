/**
 * A trie of strings, as word classes are written out into regex groups
 * (alternationTrie.ts).
 */

export interface TrieNode {
  /** A string ends here. */
  end: boolean;
  next: Map<string, TrieNode>;
}

export function trieOf(strings: Iterable<string> = []): TrieNode {
  const root: TrieNode = { end: false, next: new Map() };
  for (const s of strings) addToTrie(root, s);
  return root;
}

function addToTrie(root: TrieNode, s: string): void {
  let node = root;
  for (const ch of s) {
    let child = node.next.get(ch);
    if (!child) {
      child = { end: false, next: new Map() };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.end = true;
}
