import { describe, expect, it } from 'vitest';
import { alternationTrie } from './alternationTrie';

const plain = (items: readonly string[]): string => `(?:${[...items].sort((a, b) => b.length - a.length).join('|')})`;

describe('alternationTrie: a word class as a trie, matching as the longest-first alternation', () => {
  it('shares prefixes and tries a longer word before one it extends', () => {
    expect(alternationTrie(['stop', 'stopping', 'quit'])).toBe('(?:quit|stop(?:ping|))');
    expect(alternationTrie(['ab', 'ac'])).toBe('(?:a(?:b|c))');
  });

  it('leaves a list holding regex syntax as it is', () => {
    expect(alternationTrie(['calls?', 'text'])).toBeNull();
    expect(alternationTrie(['(?:u|you)', 'me'])).toBeNull();
  });

  it('finds the same match (where and what) as the plain alternation, also when the rest of the pattern must backtrack', () => {
    const words = ['me', 'me and', 'me and my', 'my', 'my wife', 'us', 'u', 'you', 'your', 'y']; // prefix chains
    const texts = [
      'stop calling me and my wife now',
      'stop calling me and now',
      'stop calling your wife now',
      'stop calling you now',
      'stop calling u now',
      'stop calling y now',
    ];
    for (const tail of [' now', ' wife now', ' my wife now', '']) {
      const trie = new RegExp(`calling ${alternationTrie(words)}${tail}`);
      const flat = new RegExp(`calling ${plain(words)}${tail}`);
      for (const text of texts) expect(trie.exec(text)?.[0], `${tail}: ${text}`).toBe(flat.exec(text)?.[0]);
    }
  });
});
