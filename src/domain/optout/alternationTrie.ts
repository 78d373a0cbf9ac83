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

interface Node {
  end: boolean;
  next: Map<string, Node>;
}

const PLAIN = /^[^\\()[\]{}|.^$?*+]*$/;

function source(node: Node): string {
  const branches = [...node.next.keys()].sort().map((ch) => ch + source(node.next.get(ch) as Node));
  if (node.end) branches.push('');
  if (branches.length === 1) return branches[0];
  return `(?:${branches.join('|')})`;
}

/** `items` as one regex group matching what `(?:a|b|…)`, longest first, matches; null when an item is not plain text. */
export function alternationTrie(items: readonly string[]): string | null {
  if (!items.every((item) => PLAIN.test(item))) return null;
  const root: Node = { end: false, next: new Map() };
  for (const item of items) {
    let node = root;
    for (const ch of item) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const body = source(root);
  return body.startsWith('(?:') && body.endsWith(')') && balancedGroup(body) ? body : `(?:${body})`;
}

/** Whether `(?:…)` is one group, not `(?:a)b(?:c)`. */
function balancedGroup(body: string): boolean {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')' && --depth === 0 && i < body.length - 1) return false;
  }
  return true;
}
