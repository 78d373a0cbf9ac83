/**
 * A cheap necessary condition for a rule: the start of its pattern.
 *
 * Every match of `A B C` begins with a match of `A`, so the leading elements
 * of each rule (until they must consume a few characters: `(?:stop|quit|…)`,
 * `(?:take|remove|…)`, `leave`) joined in one alternation tell, in one regex
 * call, whether any rule of a language can match. Dropping lookarounds only
 * relaxes a pattern, so they are left out — V8 compiles lookaround-heavy
 * alternations slowly, and a union of whole rules was far too slow.
 *
 * Handles the regex subset lexicons use: groups of every kind, alternation,
 * character classes, escapes, `^ $`, and the quantifiers `? * + {n,m}`.
 */

interface Atom {
  source: string;
  /** Fewest characters it consumes. */
  min: number;
  /** A lookaround, `^`, `$`, `\b`: a constraint, not text. */
  zeroWidth: boolean;
}

/** The prefix must consume at least this many characters to be selective. */
const SELECTIVE_CHARS = 4;

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  /** Branches of an alternation, up to a closing `)` or the end. */
  branches(): Atom[][] {
    const out: Atom[][] = [[]];
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      if (this.src[this.i] === '|') {
        this.i++;
        out.push([]);
        continue;
      }
      out[out.length - 1].push(this.quantified(this.atom()));
    }
    return out;
  }

  private atom(): Atom {
    const start = this.i;
    const ch = this.src[this.i];
    if (ch === '(') {
      const lookaround = /^\(\?<?[=!]/.test(this.src.slice(this.i, this.i + 4));
      this.i +=
        this.src.startsWith('(?<', this.i) && !lookaround
          ? this.src.indexOf('>', this.i) - this.i + 1
          : this.src.startsWith('(?', this.i)
            ? lookaround && this.src[this.i + 2] === '<'
              ? 4
              : 3
            : 1;
      const inner = this.branches();
      if (this.src[this.i] !== ')') throw new Error(`unbalanced group in ${this.src}`);
      this.i++;
      return { source: this.src.slice(start, this.i), min: lookaround ? 0 : Math.min(...inner.map(minLength)), zeroWidth: lookaround };
    }
    if (ch === '[') {
      this.i = this.src.indexOf(']', this.i + 2) + 1;
      return { source: this.src.slice(start, this.i), min: 1, zeroWidth: false };
    }
    if (ch === '\\') {
      this.i += 2;
      const zeroWidth = this.src[start + 1] === 'b' || this.src[start + 1] === 'B';
      return { source: this.src.slice(start, this.i), min: zeroWidth ? 0 : 1, zeroWidth };
    }
    this.i++;
    const zeroWidth = ch === '^' || ch === '$';
    return { source: ch, min: zeroWidth ? 0 : 1, zeroWidth };
  }

  private quantified(atom: Atom): Atom {
    const rest = this.src.slice(this.i);
    const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (!q) return atom;
    this.i += q[0].length;
    const times = q[0][0] === '+' ? 1 : q[1] !== undefined ? Number(q[1]) : 0;
    return { source: atom.source + q[0], min: atom.min * times, zeroWidth: atom.zeroWidth };
  }
}

function minLength(atoms: readonly Atom[]): number {
  return atoms.reduce((sum, a) => sum + a.min, 0);
}

/** A pattern every match of `source` starts with a match of (lookarounds removed). */
export function necessaryPrefix(source: string): string {
  const parser = new Parser(source);
  const branches = parser.branches();
  const prefixes = branches.map((atoms) => {
    let prefix = '';
    let consumed = 0;
    for (const atom of atoms) {
      if (atom.zeroWidth) continue;
      prefix += atom.source;
      consumed += atom.min;
      if (consumed >= SELECTIVE_CHARS) break;
    }
    return withoutLookarounds(prefix);
  });
  return prefixes.length === 1 ? prefixes[0] : `(?:${prefixes.join('|')})`;
}

/** The source without its lookaround groups: a superset matcher. */
export function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = source.indexOf(']', i + 2);
      out += source.slice(i, end + 1);
      i = end;
    } else if (ch === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') i = source.indexOf(']', i + 2);
        else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) break;
      }
    } else {
      out += ch;
    }
  }
  return out;
}
