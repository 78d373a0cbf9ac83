/** The one table `npm run bench` prints, and the targets it judges (benchmark targets, not test assertions). */

export interface Target {
  id: string;
  what: string;
  /** The figure as measured. */
  value: number | null;
  limit: number;
  /** 'min': value must be ≥ limit; 'max': value must be ≤ limit. */
  kind: 'min' | 'max';
  unit: string;
  /** null = not measured (row skipped), or smoke run (not judged). */
  met: boolean | null;
}

export function target(id: string, what: string, value: number | null, kind: 'min' | 'max', limit: number, unit: string, judge = true): Target {
  const measurable = value !== null && Number.isFinite(value);
  const met = !judge || !measurable ? null : kind === 'min' ? value >= limit : value <= limit;
  return { id, what, value: measurable ? value : null, limit, kind, unit, met };
}

export function mark(t: Target | undefined, judged: boolean): string {
  if (!t) return '';
  const bound = `${t.kind === 'min' ? '≥' : '≤'} ${fmtNum(t.limit)}${t.unit}`;
  if (t.value === null) return `${bound} n/a`;
  if (!judged) return `${bound} (not judged)`;
  return `${bound} ${t.met ? '✓' : '✗'}`;
}

export function fmtNum(x: number | null | undefined, digits?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const ms = (x: number | null | undefined) => `${fmtNum(x, 2)} ms`;

export interface TableRow {
  scenario: string;
  baseline: string;
  figure: string;
  target: string;
}

/** A plain text table (wraps nothing; each cell may hold several lines separated by \n). */
export function renderTable(rows: TableRow[]): string {
  const head: TableRow = { scenario: 'scenario', baseline: 'baseline (same run)', figure: 'figure', target: 'target' };
  const cols: (keyof TableRow)[] = ['scenario', 'baseline', 'figure', 'target'];
  const all = [head, ...rows];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...all.flatMap((r) => r[c].split('\n').map((l) => [...l].length)))])) as Record<
    keyof TableRow,
    number
  >;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const line = (r: TableRow) => {
    const cells = cols.map((c) => r[c].split('\n'));
    const height = Math.max(...cells.map((c) => c.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) out.push('| ' + cols.map((c, j) => pad(cells[j][i] ?? '', width[c])).join(' | ') + ' |');
    return out.join('\n');
  };
  const sep = '|' + cols.map((c) => '-'.repeat(width[c] + 2)).join('|') + '|';
  return [line(head), sep, ...rows.map(line)].join('\n');
}

/** Everything one run reports: the JSON figures by row, the targets, the printed table, the harness failures. */
export interface BenchReport {
  results: Record<string, unknown>;
  targets: Target[];
  table: TableRow[];
  failures: string[];
}

export function emptyReport(): BenchReport {
  return { results: {}, targets: [], table: [], failures: [] };
}
