/**
 * Import of N CSV rows, end to end, as an operator runs it: the CLI
 * `consent-gate consents import <file> --json` (or, without a CLI, the same
 * `importConsents` in a job) in its own process, into an empty SQLite ledger.
 * rows/s over the whole command; peak RSS of that process.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { CSV_HEADER, csvRow } from '../lib/fixtures';
import { CACHE_DIR, fsyncFile } from '../lib/seed';

/** Bump when fixtures.ts changes what a CSV row looks like. */
const CSV_VERSION = 1;
import { REPO_ROOT } from '../lib/proc';
import { round, xorshift } from '../lib/stats';

/**
 * The order of the CSV's rows: `sorted` by phone (the bench's own, as the seeds), or `shuffled`, as
 * an export ordered by anything else (creation date, a CRM id) comes. Each row's index entries then
 * land on a random page of every index keyed by phone, and a 20,000-row transaction dirties most of
 * their leaves, so a shuffled import is markedly slower than a sorted one (docs/performance.md).
 */
export type ImportOrder = 'sorted' | 'shuffled';

export interface ImportRun {
  via: 'cli' | 'job';
  order: ImportOrder;
  rows: number;
  imported: number;
  rejected: number;
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
  csv_mb: number;
  db_mb: number;
}

/** Rows 0…n-1 in a fixed random order (Fisher–Yates with a seeded generator): the same file every time. */
function shuffledIndexes(n: number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const next = xorshift(0x5eed);
  for (let i = n - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export async function writeCsv(file: string, rows: number, order: ImportOrder = 'sorted'): Promise<void> {
  const out = createWriteStream(file);
  const index = order === 'shuffled' ? shuffledIndexes(rows) : null;
  let chunk = CSV_HEADER + '\n';
  for (let i = 0; i < rows; i++) {
    chunk += csvRow(index ? index[i] : i) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The CSV of rows 0…n-1, cached beside the seeds (generating a million rows takes seconds). */
async function cachedCsv(rows: number, order: ImportOrder): Promise<string> {
  const file = join(CACHE_DIR, `consents-${rows}-seed${CSV_VERSION}${order === 'shuffled' ? '-shuffled' : ''}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  await writeCsv(`${file}.tmp`, rows, order);
  renameSync(`${file}.tmp`, file);
  return file;
}

export async function importCsv(rows: number, order: ImportOrder, keepDbAt?: (dbFile: string) => void): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-import-'));
  try {
    const csv = await cachedCsv(rows, order);
    const dataDir = join(dir, 'data');
    const viaCli = existsSync(join(REPO_ROOT, 'src/cli/main.ts')) && existsSync(join(REPO_ROOT, 'bin/consent-gate.js'));
    const preload = join(REPO_ROOT, 'bench/lib/maxrss-preload.mjs');
    const args = viaCli
      ? ['--import', preload, 'bin/consent-gate.js', 'consents', 'import', csv, '--json', '--progress', 'none']
      : ['--import', preload, '--import', 'tsx', 'bench/jobs/import.ts', csv];
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const [code] = (await once(child, 'exit')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    const jsonStart = out.indexOf('{');
    if (jsonStart < 0) throw new Error(`import exited ${code} without a result:\n${out}\n${err}`);
    const result = JSON.parse(out.slice(jsonStart)) as { rows: number; imported: number; rejected: number };
    if (code !== 0 || result.rejected > 0) throw new Error(`import exited ${code}, ${result.rejected} rejected:\n${out.slice(0, 2000)}\n${err.slice(0, 2000)}`);
    const rss = /BENCH_MAXRSS_KB (\d+)/.exec(err);
    const db = join(dataDir, 'consent-gate.db');
    const run: ImportRun = {
      via: viaCli ? 'cli' : 'job',
      order,
      rows: result.rows,
      imported: result.imported,
      rejected: result.rejected,
      seconds: round(seconds, 2),
      rows_per_s: Math.round(result.rows / seconds),
      peak_rss_mb: rss ? round(Number(rss[1]) / 1024, 1) : NaN,
      csv_mb: round(statSync(csv).size / 2 ** 20, 1),
      db_mb: round(statSync(db).size / 2 ** 20, 1),
    };
    if (keepDbAt) {
      // The ledger just written is still dirty in the page cache: written back by the kernel during the
      // rows measured next, it would stall those gateways' fsyncs and inflate their p99. Not timed.
      fsyncFile(db);
      keepDbAt(db);
    }
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
