/**
 * How a rule's matches can begin: `startKeys(source, width)` returns strings
 * of at most `width` characters such that every match of the pattern begins
 * with one of them (`(?:please )?stop calling` begins with "plea" or "stop"),
 * or null when a match could begin with anything. The detector indexes every
 * rule of every language by these keys (startIndex.ts), so one walk over a
 * text names the few rules that can match in it instead of testing each
 * language's rules in turn.
 *
 * The analysis only ever widens what a pattern could match, so the keys are
 * always necessary: lookarounds, `^`, `$` and `\b` count as matching nothing
 * (they only constrain), and a character it does not know (`.`, `\w`, a
 * negated class, a wide range) ends a key where it stands: "do" for
 * `do.+`, which every match still begins with.
 *
 * Handles the regex subset lexicons use: groups of every kind, alternation,
 * character classes, escapes, `^ $`, and the quantifiers `? * + {n,m}`
 * (lazy or not: laziness changes which match is found, not what can match).
 */

type Node =
  | { kind: 'chars'; chars: readonly string[] }
  | { kind: 'unknown' }
  | { kind: 'empty' }
  | { kind: 'seq'; items: readonly Node[] }
  | { kind: 'alt'; branches: readonly Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const UNKNOWN: Node = { kind: 'unknown' };
const EMPTY: Node = { kind: 'empty' };
/** A class range wider than this is read as an unknown character. */
const MAX_RANGE = 64;

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Error(`unbalanced group in ${this.src}`);
    return node;
  }

  private alternation(): Node {
    const branches: Node[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : { kind: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.quantified(this.atom()));
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    const q = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.i, this.i + 24));
    if (!q) return node;
    this.i += q[0].length;
    if (q[1] === '?') return { kind: 'repeat', node, min: 0, max: 1 };
    if (q[1] === '*') return { kind: 'repeat', node, min: 0, max: Number.POSITIVE_INFINITY };
    if (q[1] === '+') return { kind: 'repeat', node, min: 1, max: Number.POSITIVE_INFINITY };
    const min = Number(q[2]);
    const max = q[3] === undefined ? min : q[4] === '' ? Number.POSITIVE_INFINITY : Number(q[4]);
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node {
    const ch = this.src[this.i];
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') {
      const escaped = this.src[this.i + 1] ?? '';
      this.i += 2;
      if (escaped === 'b' || escaped === 'B') return EMPTY;
      // \d, \w, \p{…}, \u…: not worth spelling out. A punctuation escape is that character.
      if (/[A-Za-z0-9]/.test(escaped)) {
        if (this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
        return UNKNOWN;
      }
      return { kind: 'chars', chars: [escaped] };
    }
    this.i++;
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '.') return UNKNOWN;
    return { kind: 'chars', chars: [ch] };
  }

  private group(): Node {
    const head = /^\((\?(?:<?[=!]|:|<[A-Za-z_][A-Za-z0-9_]*>))?/.exec(this.src.slice(this.i, this.i + 40));
    const opener = head?.[0] ?? '(';
    this.i += opener.length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error(`unbalanced group in ${this.src}`);
    this.i++;
    return /^\(\?<?[=!]$/.test(opener) ? EMPTY : inner;
  }

  /** `[oa]` is "o" or "a", `[a-e]` its five letters; negated classes, wide ranges and escaped classes are unknown. */
  private characterClass(): Node {
    let end = this.i + 2;
    while (end < this.src.length && this.src[end] !== ']') end += this.src[end] === '\\' ? 2 : 1;
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('^')) return UNKNOWN;
    const chars = new Set<string>();
    for (let k = 0; k < body.length; k++) {
      let ch = body[k];
      if (ch === '\\') {
        ch = body[++k] ?? '';
        if (/[A-Za-z0-9]/.test(ch)) return UNKNOWN;
      }
      if (body[k + 1] === '-' && k + 2 < body.length) {
        const from = ch.charCodeAt(0);
        const to = body.charCodeAt(k + 2);
        if (body[k + 2] === '\\' || to < from || to - from > MAX_RANGE) return UNKNOWN;
        for (let c = from; c <= to; c++) chars.add(String.fromCharCode(c));
        k += 2;
      } else {
        chars.add(ch);
      }
    }
    return { kind: 'chars', chars: [...chars] };
  }
}

/** Thrown when the keys would be too many (or unbounded): the rule is then a candidate for every text. */
class GiveUp {}

class Starts {
  /** Keys that can grow no more: `width` long, or ended by an unknown character. */
  readonly done = new Set<string>();

  constructor(
    private readonly width: number,
    private readonly limit: number,
  ) {}

  /** The strings a match may have spelled after `node`, from the strings `growing` it may have spelled before (all shorter than `width`). */
  after(node: Node, growing: ReadonlySet<string>): Set<string> {
    if (growing.size === 0) return new Set();
    switch (node.kind) {
      case 'empty':
        return new Set(growing);
      case 'unknown':
        for (const g of growing) this.finish(g);
        return new Set();
      case 'chars': {
        const out = new Set<string>();
        for (const g of growing) {
          for (const ch of node.chars) {
            const s = g + ch;
            if (s.length >= this.width) this.finish(s);
            else out.add(s);
          }
          this.check(out);
        }
        return out;
      }
      case 'seq': {
        let current: Set<string> = new Set(growing);
        for (const item of node.items) current = this.after(item, current);
        return current;
      }
      case 'alt': {
        const out = new Set<string>();
        for (const branch of node.branches) for (const s of this.after(branch, growing)) out.add(s);
        this.check(out);
        return out;
      }
      case 'repeat': {
        let current: Set<string> = new Set(growing);
        for (let n = 0; n < node.min && current.size > 0; n++) current = this.after(node.node, current);
        const all = new Set(current);
        let frontier = current;
        // Every string is shorter than `width`, so new ones run out: the loop ends even for `*`.
        for (let n = node.min; n < node.max && frontier.size > 0; n++) {
          const next = new Set<string>();
          for (const s of this.after(node.node, frontier)) if (!all.has(s)) next.add(s);
          for (const s of next) all.add(s);
          this.check(all);
          frontier = next;
        }
        return all;
      }
    }
  }

  finish(key: string): void {
    // A match that may begin with anything gives no key at all.
    if (key === '') throw new GiveUp();
    this.done.add(key);
    this.check(this.done);
  }

  private check(set: ReadonlySet<string>): void {
    if (set.size > this.limit) throw new GiveUp();
  }
}

/**
 * Strings of at most `width` characters one of which every match of `source`
 * begins with; null when there would be more than `limit` or a match could
 * begin with anything. A key shorter than `width` means a text must begin
 * with it there (a short match, or one whose next character is unknown).
 */
export function startKeys(source: string, width: number, limit: number): readonly string[] | null {
  const starts = new Starts(width, limit);
  try {
    for (const s of starts.after(new Parser(source).parse(), new Set(['']))) starts.finish(s);
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
  // A key extending another adds nothing: a text beginning with it begins with the shorter one.
  const keys = [...starts.done];
  return keys.filter((k) => !keys.some((other) => other !== k && k.startsWith(other))).sort();
}
