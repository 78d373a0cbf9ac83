/**
 * A trie of strings, built one way for the two places that turn word lists
 * into regex groups: rule prefixes (prefixTrie.ts, where a string that
 * extends another adds nothing) and word classes (alternationTrie.ts, where
 * both must still match). How a trie is written out differs between them;
 * how it is built does not.
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

export function addToTrie(root: TrieNode, s: string): void {
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
