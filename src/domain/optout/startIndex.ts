/**
 * Every phrase rule of every language, indexed by how its matches can begin
 * (ruleStarts.ts): one walk over a text marks the rules that can match in
 * it, so a language none of whose rules can begin in the text costs nothing,
 * and in the others only the marked rules are looked at. This replaces a
 * start regex per language, each run over the whole text.
 *
 * Rules matched on token boundaries can only begin where a token does (the
 * text's start, or after a space): the first four characters there are looked
 * up. Rules matched on characters (Chinese, Korean) can begin anywhere: the
 * first two characters at every position are looked up (their keys are
 * shorter because a character of those scripts says more than a Latin letter,
 * and their word classes would spell too many four-character keys).
 *
 * Keys are packed into two integers (UTF-16 code units, at most four) and
 * kept in an open-addressing table, so a look-up builds no string. A rule
 * whose start cannot be named (a match could begin with anything) is marked
 * for every text. Marks are only ever a superset of the rules that match, so
 * the detector's outcome is the same as running every rule.
 */
import { startKeys } from './ruleStarts';

/** Key width: characters read at each place a rule may begin. */
const WORD_KEY_WIDTH = 4;
const CHARACTER_KEY_WIDTH = 2;
/** A rule with more keys than this is marked for every text. */
const MAX_KEYS_PER_RULE = 3000;

export interface IndexedLexicon {
  onCharacters: boolean;
  rules: readonly { pattern: RegExp }[];
}

/** `RuleMarks.first` of a rule that may begin anywhere (it has no keys). */
export const ANYWHERE = -2;

/**
 * The rules that can match in one text, one bit each, numbered as
 * `RuleStartIndex.first` says, and where each can begin: a list of hits per
 * rule, in the order of the text, so a rule is tried only there.
 */
export class RuleMarks {
  readonly bits: Int32Array;
  /** A marked rule's first hit (an index into `at`/`next`), or ANYWHERE. */
  readonly first: Int32Array;
  /** Where a hit is in the text, and the rule's next hit (-1: none). */
  at = new Int32Array(64);
  next = new Int32Array(64);
  private readonly last: Int32Array;
  private count = 0;

  constructor(ruleCount: number) {
    this.bits = new Int32Array(Math.ceil(ruleCount / 32) + 1);
    this.first = new Int32Array(ruleCount);
    this.last = new Int32Array(ruleCount);
  }

  isMarked(rule: number): boolean {
    return ((this.bits[rule >>> 5] >>> (rule & 31)) & 1) === 1;
  }

  clear(always: Int32Array, anywhere: readonly number[]): void {
    this.bits.set(always);
    for (const rule of anywhere) this.first[rule] = ANYWHERE;
    this.count = 0;
  }

  add(rule: number, at: number): void {
    if (this.count === this.at.length) this.grow();
    const hit = this.count++;
    this.at[hit] = at;
    this.next[hit] = -1;
    const word = rule >>> 5;
    const bit = 1 << (rule & 31);
    if ((this.bits[word] & bit) === 0) {
      this.bits[word] |= bit;
      this.first[rule] = hit;
    } else {
      this.next[this.last[rule]] = hit;
    }
    this.last[rule] = hit;
  }

  private grow(): void {
    const at = new Int32Array(this.at.length * 2);
    const next = new Int32Array(this.at.length * 2);
    at.set(this.at);
    next.set(this.next);
    this.at = at;
    this.next = next;
  }
}

/** Keys of one width, each packed as (c0 << 16 | c1, c2 << 16 | c3) with 0 for a missing character: normalised text never holds U+0000. */
class KeyTable {
  private readonly high: Int32Array;
  private readonly low: Int32Array;
  /** 0: empty slot; otherwise 1 + the key's entry in `from`/`to`. */
  private readonly slot: Int32Array;
  private readonly mask: number;
  /** The rules of entry e are `rules[from[e]..to[e])`. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly rules: Uint16Array;
  /** Bit L set: some key is L characters long. */
  readonly lengths: number;

  constructor(keys: ReadonlyMap<string, readonly number[]>) {
    let size = 16;
    while (size < keys.size * 2) size *= 2;
    this.high = new Int32Array(size);
    this.low = new Int32Array(size);
    this.slot = new Int32Array(size);
    this.mask = size - 1;
    this.from = new Int32Array(keys.size);
    this.to = new Int32Array(keys.size);
    this.rules = new Uint16Array([...keys.values()].reduce((n, ids) => n + ids.length, 0));
    let lengths = 0;
    let entry = 0;
    let at = 0;
    for (const [key, ids] of keys) {
      const c = [0, 1, 2, 3].map((k) => key.charCodeAt(k) || 0);
      const high = (c[0] << 16) | c[1];
      const low = (c[2] << 16) | c[3];
      let s = hash(high, low) & this.mask;
      while (this.slot[s] !== 0) s = (s + 1) & this.mask;
      this.high[s] = high;
      this.low[s] = low;
      this.slot[s] = entry + 1;
      this.from[entry] = at;
      for (const id of ids) this.rules[at++] = id;
      this.to[entry] = at;
      entry++;
      lengths |= 1 << key.length;
    }
    this.lengths = lengths;
  }

  /** Marks the rules of the key (high, low), if it is one, as beginning at `at`. */
  mark(high: number, low: number, at: number, into: RuleMarks): void {
    for (let s = hash(high, low) & this.mask; this.slot[s] !== 0; s = (s + 1) & this.mask) {
      if (this.high[s] !== high || this.low[s] !== low) continue;
      const entry = this.slot[s] - 1;
      for (let i = this.from[entry]; i < this.to[entry]; i++) into.add(this.rules[i], at);
      return;
    }
  }

  /** Marks the rules of every key `text` begins with at `at`. */
  markAt(text: string, at: number, into: RuleMarks): void {
    const left = text.length - at;
    const c0 = text.charCodeAt(at) << 16;
    const c1 = left > 1 ? text.charCodeAt(at + 1) : 0;
    const c2 = left > 2 ? text.charCodeAt(at + 2) << 16 : 0;
    const c3 = left > 3 ? text.charCodeAt(at + 3) : 0;
    const lengths = this.lengths;
    if (lengths & 0b10000 && left > 3) this.mark(c0 | c1, c2 | c3, at, into);
    if (lengths & 0b1000 && left > 2) this.mark(c0 | c1, c2, at, into);
    if (lengths & 0b100 && left > 1) this.mark(c0 | c1, 0, at, into);
    if (lengths & 0b10) this.mark(c0, 0, at, into);
  }
}

function hash(high: number, low: number): number {
  return Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 7;
}

export class RuleStartIndex {
  /** The number of lexicon l's first rule; its rules follow in order. */
  readonly first: readonly number[];
  readonly ruleCount: number;
  private readonly words: KeyTable;
  private readonly characters: KeyTable;
  /** Rules whose start has no key: marked for every text, as ANYWHERE. */
  private readonly always: Int32Array;
  private readonly anywhere: number[] = [];

  constructor(lexicons: readonly IndexedLexicon[]) {
    const first: number[] = [];
    const wordKeys = new Map<string, number[]>();
    const characterKeys = new Map<string, number[]>();
    let id = 0;
    for (const lexicon of lexicons) {
      first.push(id);
      id += lexicon.rules.length;
    }
    if (id > 0xffff) throw new Error('optout lexicons: too many rules to index');
    this.first = first;
    this.ruleCount = id;
    this.always = new Int32Array(Math.ceil(id / 32) + 1);
    lexicons.forEach((lexicon, l) => {
      const table = lexicon.onCharacters ? characterKeys : wordKeys;
      const width = lexicon.onCharacters ? CHARACTER_KEY_WIDTH : WORD_KEY_WIDTH;
      lexicon.rules.forEach((rule, i) => {
        const ruleId = first[l] + i;
        const keys = startKeys(rule.pattern.source, width, MAX_KEYS_PER_RULE);
        if (keys === null) {
          this.always[ruleId >>> 5] |= 1 << (ruleId & 31);
          this.anywhere.push(ruleId);
          return;
        }
        for (const key of keys) {
          const ids = table.get(key) ?? [];
          ids.push(ruleId);
          table.set(key, ids);
        }
      });
    });
    this.words = new KeyTable(wordKeys);
    this.characters = new KeyTable(characterKeys);
  }

  newMarks(): RuleMarks {
    return new RuleMarks(this.ruleCount);
  }

  /**
   * Fills `into` with every rule that can match in `text`: for rules on
   * token boundaries `text` is the normalised text, for rules on characters
   * the text without its spaces.
   */
  mark(text: string, onCharacters: boolean, into: RuleMarks): RuleMarks {
    into.clear(this.always, this.anywhere);
    if (text.length === 0) return into;
    if (onCharacters) {
      for (let at = 0; at < text.length; at++) this.characters.markAt(text, at, into);
    } else {
      this.words.markAt(text, 0, into);
      for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
        if (at + 1 < text.length) this.words.markAt(text, at + 1, into);
      }
    }
    return into;
  }
}

/** Whether any rule from `from` (inclusive) to `to` (exclusive) is marked. */
export function anyMarked(marks: RuleMarks, from: number, to: number): boolean {
  for (let w = from >>> 5; w <= (to - 1) >>> 5; w++) {
    let bits = marks.bits[w];
    if (w === from >>> 5) bits &= -1 << (from & 31);
    if (w === (to - 1) >>> 5) bits &= -1 >>> (31 - ((to - 1) & 31));
    if (bits !== 0) return true;
  }
  return false;
}
