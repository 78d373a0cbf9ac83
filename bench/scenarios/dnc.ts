/**
 * The do-not-call rows: a synthetic national list (plain format, one number
 * a line, area codes 200 up, the same numbers per area code) imported by the
 * CLI in its own process, as an operator runs it, into an empty data
 * directory; then a lookup job opening those files as a gateway does and
 * timing `isListed` alone.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/proc';
import { CACHE_DIR } from '../lib/seed';
import { round } from '../lib/stats';

/** Bump when what a line of the synthetic list looks like changes. */
const LIST_VERSION = 1;
/** Steps through an area code's seven-digit numbers (coprime with 8,000,000, so no number twice). */
const STRIDE = 7_919;

export interface DncImportRun {
  numbers: number;
  area_codes: number;
  seconds: number;
  numbers_per_s: number;
  peak_rss_mb: number;
  file_mb: number;
  disk_mb: number;
  lookup: { load_seconds: number; rss_mb: number; lookups: number; ns_per_lookup: number; listed: number };
}

/** The n-th number of an area code's share: exchange 200 onward, spread by the stride. */
export const syntheticLocal = (i: number) => 2_000_000 + ((i * STRIDE) % 8_000_000);

/** The registry's area codes for the dnc-decisions row: 212 (the bench's consumers, phoneAt) first, then 200 onward. */
export function registryAreaCodes(count: number): number[] {
  const codes = [212];
  for (let ac = 200; codes.length < count; ac++) if (ac !== 212) codes.push(ac);
  return codes.slice(0, count);
}

async function writeList(file: string, numbers: number, areaCodes: number): Promise<void> {
  const out = createWriteStream(file);
  const perCode = Math.ceil(numbers / areaCodes);
  const buf = Buffer.allocUnsafe(11 * 100_000);
  let len = 0;
  let written = 0;
  for (let ac = 0; ac < areaCodes && written < numbers; ac++) {
    const area = String(200 + ac);
    for (let i = 0; i < perCode && written < numbers; i++, written++) {
      len += buf.write(area, len, 'latin1');
      len += buf.write(String(syntheticLocal(i)), len, 'latin1');
      buf[len++] = 0x0a;
      if (len === buf.length) {
        if (!out.write(Buffer.from(buf))) await once(out, 'drain');
        len = 0;
      }
    }
  }
  out.end(buf.subarray(0, len));
  await once(out, 'finish');
}

/** The list file, cached beside the other seeds (a hundred million lines take a while to write). */
async function cachedList(numbers: number, areaCodes: number): Promise<string> {
  const file = join(CACHE_DIR, `dnc-${numbers}-${areaCodes}-v${LIST_VERSION}.txt`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  await writeList(`${file}.tmp`, numbers, areaCodes);
  renameSync(`${file}.tmp`, file);
  return file;
}

export async function runNode(args: string[], env: Record<string, string>): Promise<{ out: string; err: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}:\n${out.slice(0, 2000)}\n${err.slice(0, 2000)}`);
  return { out, err, seconds: (performance.now() - started) / 1000 };
}

const maxRssMb = (err: string) => {
  const m = /BENCH_MAXRSS_KB (\d+)/.exec(err);
  return m ? round(Number(m[1]) / 1024, 1) : NaN;
};

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

export async function importDncList(numbers: number, areaCodes: number): Promise<DncImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-dnc-'));
  try {
    const list = await cachedList(numbers, areaCodes);
    const dataDir = join(dir, 'data');
    const preload = join(REPO_ROOT, 'bench/lib/maxrss-preload.mjs');
    const asOf = new Date().toISOString().slice(0, 10);
    const imported = await runNode(
      ['--import', preload, 'bin/consent-gate.js', 'dnc', 'import', '--list', 'national', '--as-of', asOf, list, '--json', '--progress', 'none'],
      { DATA_DIR: dataDir },
    );
    const result = JSON.parse(imported.out.slice(imported.out.indexOf('['))) as { added: number; lines: number; area_codes: string[] }[];
    if (result[0].added !== numbers) throw new Error(`imported ${result[0].added} numbers, not ${numbers}`);
    const lookup = await runNode(['--import', preload, '--import', 'tsx', 'bench/jobs/dncLookup.ts', join(dataDir, 'dnc'), String(areaCodes)], {});
    const l = JSON.parse(lookup.out) as Omit<DncImportRun['lookup'], 'rss_mb'> & { rss_mb: number };
    return {
      numbers,
      area_codes: result[0].area_codes.length,
      seconds: round(imported.seconds, 2),
      numbers_per_s: Math.round(numbers / imported.seconds),
      peak_rss_mb: maxRssMb(imported.err),
      file_mb: round(statSync(list).size / 2 ** 20, 1),
      disk_mb: round(dirBytes(join(dataDir, 'dnc')) / 2 ** 20, 1),
      lookup: l,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RegistryBuild {
  numbers: number;
  area_codes: number;
  seconds: number;
  disk_mb: number;
}

/** A synthetic national registry written into `dncDir` (DATA_DIR/dnc) through the store, by bench/jobs/dncRegistry.ts in its own process. */
export async function buildRegistry(dncDir: string, numbers: number, areaCodes: number, asOf: string): Promise<RegistryBuild> {
  const built = await runNode(['--import', 'tsx', 'bench/jobs/dncRegistry.ts', dncDir, String(numbers), String(areaCodes), asOf], {});
  const r = JSON.parse(built.out) as Omit<RegistryBuild, 'disk_mb'>;
  return { ...r, disk_mb: round(dirBytes(dncDir) / 2 ** 20, 1) };
}
