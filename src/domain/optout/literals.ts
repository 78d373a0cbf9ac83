/**
 * Literals a rule cannot match without: a cheaper test than the rule.
 *
 * `requiredLiterals(source)` returns a few strings such that every match of
 * the pattern contains at least one of them (`stop calling` needs "calling";
 * `(?:ll|y)ame` needs "llame" or "yame"), or null when the pattern gives no
 * such set. A text holding none of them is skipped with a few `includes`
 * calls instead of running the rule's regex, which scans every position.
 *
 * The analysis only ever widens what a pattern could match, so the set is
 * always necessary: lookarounds, `^` and `$` count as matching nothing, and
 * anything it does not understand (ranges, negated classes, escapes, `.`)
 * as matching an unknown string, which only weakens the set.
 */

interface Info {
  /** Every string the pattern can match, when there are few; null otherwise. */
  exact: ReadonlySet<string> | null;
  /** Every match contains one of these; null when there is no useful set. */
  factors: ReadonlySet<string> | null;
  /** Every set found that every match takes a string of (`factors` among them): all hold in a text a match is in. */
  all: readonly ReadonlySet<string>[];
}

/** Sets larger than this are dropped: the test would cost more than it saves. */
const MAX_STRINGS = 24;
/** Characters that are regex syntax, not text. */
const SPECIAL = new Set('()[]{}|\\.^$?*+');
const QUANTIFIER_START = new Set('?*+{');
const GROUPS = new Map<string, Info>();
const UNKNOWN: Info = { exact: null, factors: null, all: [] };
const EMPTY: Info = { exact: new Set(['']), factors: null, all: [] };

function union(sets: readonly (ReadonlySet<string> | null)[], limit: number): Set<string> | null {
  const out = new Set<string>();
  for (const set of sets) {
    if (set === null) return null;
    for (const s of set) out.add(s);
    if (out.size > limit) return null;
  }
  return out;
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>, limit: number): Set<string> | null {
  if (a.size * b.size > limit) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A set as a filter: the empty string (or an empty set) rules nothing out. */
function usable(set: ReadonlySet<string> | null): ReadonlySet<string> | null {
  return set === null || set.size === 0 || set.has('') ? null : set;
}

/** The length of the shortest string in `set`, counted up to 4 (longer is no more selective). */
function shortest(set: ReadonlySet<string>): number {
  let min = 4;
  for (const s of set) if (s.length < min) min = s.length;
  return min;
}

/** Longer literals rule out more texts; fewer of them cost fewer calls. */
function better(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}

function info(exact: ReadonlySet<string> | null, factors: ReadonlySet<string> | null, all: readonly ReadonlySet<string>[] = []): Info {
  const best = better(usable(factors), usable(exact));
  return { exact, factors: best, all: best === null || all.includes(best) ? all : [...all, best] };
}

class Analyser {
  private i = 0;

  constructor(
    private readonly src: string,
    /** Sets of more strings are given up (null). */
    private readonly limit: number,
  ) {}

  /** An alternation, up to a closing `)` or the end. */
  alternation(): Info {
    const branches: Info[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return info(
      union(
        branches.map((b) => b.exact),
        this.limit,
      ),
      union(
        branches.map((b) => b.factors),
        this.limit,
      ),
      // One branch: what it needs, the whole needs; several: only what all of them share (the union above).
      branches.length === 1 ? branches[0].all : [],
    );
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      this.quantified(this.atom(), items);
    }
    let factors: ReadonlySet<string> | null = null;
    let run: ReadonlySet<string> | null = new Set(['']);
    let whole: ReadonlySet<string> | null = run;
    const all: ReadonlySet<string>[] = [];
    const keep = (set: ReadonlySet<string> | null): void => {
      if (set !== null) all.push(set);
    };
    for (const item of items) {
      factors = better(factors, item.factors);
      all.push(...item.all);
      whole = whole && item.exact && product(whole, item.exact, this.limit);
      const next: ReadonlySet<string> | null = run && item.exact && product(run, item.exact, this.limit);
      if (next) {
        run = next;
      } else {
        // The run of known strings ends here: what it spells is a candidate.
        factors = better(factors, usable(run));
        keep(usable(run));
        run = item.exact ?? new Set(['']);
      }
    }
    keep(usable(run));
    return info(whole, better(factors, usable(run)), all);
  }

  /** Appends `atom` as its quantifier allows: `a+` is `a` then an unknown, `a{2,}` is `a a` then an unknown. */
  private quantified(atom: Info, items: Info[]): void {
    const q = /^(?:([?*+])|\{(\d+)(,(\d*))?\})\??/.exec(this.src.slice(this.i));
    if (!q) {
      items.push(atom);
      return;
    }
    this.i += q[0].length;
    if (q[1] === '?') {
      items.push(info(atom.exact && union([atom.exact, EMPTY.exact], this.limit), null));
      return;
    }
    const least = q[1] === '*' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
    const exactlyLeast = q[1] === undefined && q[3] === undefined;
    for (let n = 0; n < least; n++) items.push(atom);
    if (!exactlyLeast) items.push(UNKNOWN);
  }

  private atom(): Info {
    const ch = this.src[this.i];
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') {
      this.i += 2;
      return UNKNOWN;
    }
    this.i++;
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '.') return UNKNOWN;
    // A run of plain characters is one string, but not the last one when a quantifier follows it ("calls?").
    let end = this.i;
    while (end < this.src.length && !SPECIAL.has(this.src[end])) end++;
    if (end > this.i && QUANTIFIER_START.has(this.src[end] ?? '')) end--;
    const run = ch + this.src.slice(this.i, end);
    this.i = end;
    return info(new Set([run]), null);
  }

  /** Where the group opening at `start` closes (its `)`), or -1. */
  private closing(start: number): number {
    let depth = 0;
    for (let i = start; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === '\\') i++;
      else if (ch === '[') i = this.src.indexOf(']', i + 2);
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return i;
      if (i < 0) return -1;
    }
    return -1;
  }

  /** Word classes recur in many rules: a group's analysis is kept by its text. */
  private group(): Info {
    const end = this.closing(this.i);
    const key = end < 0 ? null : `${this.limit}:${this.src.slice(this.i, end + 1)}`;
    const known = key === null ? undefined : GROUPS.get(key);
    if (known) {
      this.i = end + 1;
      return known;
    }
    const found = this.parseGroup();
    if (key !== null && this.i === end + 1) GROUPS.set(key, found);
    return found;
  }

  private parseGroup(): Info {
    const head = /^\((\?(?:<?[=!]|:|<[A-Za-z_][A-Za-z0-9_]*>))?/.exec(this.src.slice(this.i));
    const opener = head?.[0] ?? '(';
    const lookaround = /^\(\?<?[=!]$/.test(opener);
    this.i += opener.length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error(`unbalanced group in ${this.src}`);
    this.i++;
    return lookaround ? EMPTY : inner;
  }

  /** `[oa]` is "o" or "a"; ranges, negations and escapes are unknown. */
  private characterClass(): Info {
    let end = this.i + 2;
    while (end < this.src.length && this.src[end] !== ']') end += this.src[end] === '\\' ? 2 : 1;
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('^') || body.includes('-') || body.includes('\\')) return UNKNOWN;
    return info(new Set(body), null);
  }
}

/** Strings one of which every match of `source` contains, or null when none can be named. */
export function requiredLiterals(source: string): readonly string[] | null {
  const analyser = new Analyser(source, MAX_STRINGS);
  const found = analyser.alternation().factors;
  if (!found) return null;
  // A literal holding another of the set adds nothing: the shorter one is there whenever it is.
  const all = [...found];
  return all.filter((l) => !all.some((other) => other !== l && l.includes(other)));
}

/**
 * Up to `max` sets of strings, each of which every match of `source` takes one
 * of: `(?:quit|stop) now (?:calling|texting)` needs "quit now" or "stop now",
 * and " calling" or " texting". A text must hold one string of each, so
 * several sets rule out more texts than the single one `requiredLiterals` names.
 * Sets with a string shorter than `minLength` are left out: nearly every
 * text holds them.
 */
export function requiredLiteralSets(source: string, max: number, minLength: number): readonly (readonly string[])[] {
  const found = new Analyser(source, MAX_STRINGS).alternation();
  const minimal = (set: ReadonlySet<string>): string[] => {
    const all = [...set];
    return all.filter((l) => !all.some((other) => other !== l && l.includes(other))).sort();
  };
  const sets = new Map<string, ReadonlySet<string>>();
  for (const set of found.all) {
    const strings = minimal(set);
    if (strings.some((l) => l.length < minLength)) continue;
    const key = strings.join('\u0000');
    if (!sets.has(key)) sets.set(key, new Set(strings));
  }
  // The most selective first (longest shortest string, then fewest strings); a set that every string of a kept
  // one contains a string of ("stop " after "stop calling") rules out nothing more.
  const ordered = [...sets.values()].sort((a, b) => shortestLength(b) - shortestLength(a) || a.size - b.size);
  const kept: ReadonlySet<string>[] = [];
  for (const set of ordered) {
    if (kept.length < max && !kept.some((k) => implies(k, set))) kept.push(set);
  }
  return kept.map(minimal);
}

function shortestLength(set: ReadonlySet<string>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of set) if (s.length < min) min = s.length;
  return min;
}

/** Whether a text holding a string of `a` always holds one of `b`. */
function implies(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (![...b].some((y) => x.includes(y))) return false;
  return true;
}

/** Whether `text` holds one of `literals`. */
export function holdsAny(text: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}

/**
 * Which pairs of adjacent characters a text holds, as bits of a 512-bit set
 * (pairs share a bit when they hash alike, which only lets more through).
 * A literal is possibly in a text only when its first and last pairs are.
 */
const PAIR_BITS = 512;
export type PairSet = Int32Array;

function pairHash(a: number, b: number): number {
  return Math.imul(a * 65599 + b, 0x9e3779b1) >>> 23;
}

export function newPairSet(): PairSet {
  return new Int32Array(PAIR_BITS / 32);
}

/** Fills `into` with the pairs of `text` (cleared first). */
export function pairsOf(text: string, into: PairSet): PairSet {
  into.fill(0);
  for (let i = 1; i < text.length; i++) {
    const h = pairHash(text.charCodeAt(i - 1), text.charCodeAt(i));
    into[h >>> 5] |= 1 << (h & 31);
  }
  return into;
}

/**
 * Two pair hashes a literal cannot be present without, per literal, flat;
 * null when a literal is a single character (no pair to test).
 */
export function pairGate(literals: readonly string[] | null): Uint16Array | null {
  if (literals === null || literals.some((l) => l.length < 2)) return null;
  const gate = new Uint16Array(literals.length * 2);
  literals.forEach((l, i) => {
    gate[2 * i] = pairHash(l.charCodeAt(0), l.charCodeAt(1));
    gate[2 * i + 1] = pairHash(l.charCodeAt(l.length - 2), l.charCodeAt(l.length - 1));
  });
  return gate;
}

/** False when no literal behind `gate` can be in the text whose pairs are `pairs`. */
export function mayHold(pairs: PairSet, gate: Uint16Array): boolean {
  for (let i = 0; i < gate.length; i += 2) {
    const a = gate[i];
    const b = gate[i + 1];
    if ((pairs[a >>> 5] >>> (a & 31)) & 1 && (pairs[b >>> 5] >>> (b & 31)) & 1) return true;
  }
  return false;
}
