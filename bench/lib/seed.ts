/**
 * Seeded ledgers, cached under bench/.cache/ by size: building a large one
 * takes far longer than copying the file.
 *
 * Records are made by the gate's own `buildConsent` and written by the
 * engine's own `captureConsents` (prepared statements, one transaction per
 * 10,000), so the seeded file is what an import would have produced.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { systemClock } from '../../src/gate/clock';
import { buildConsent } from '../../src/gate/consents';
import type { GateContext } from '../../src/gate/context';
import { consentWrite } from '../../src/ledger/consentWrite';
import type { Ledger } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { SCHEMA_VERSION } from '../../src/ledger/sqlite/migrations';
import { consentInput } from './fixtures';

export const BENCH_DIR = resolve(import.meta.dirname, '..');
export const CACHE_DIR = join(BENCH_DIR, '.cache');
/** Bump when fixtures.ts changes what a seeded consent looks like. */
const SEED_VERSION = 1;
const BATCH = 10_000;

export function sqliteSeedPath(n: number): string {
  return join(CACHE_DIR, `sqlite-consents-${n}-seed${SEED_VERSION}-schema${SCHEMA_VERSION}.db`);
}

/** Writes consents 0…n-1 through `ledger.captureConsents`, BATCH per call (one transaction each on SQLite). */
export async function seedLedger(ledger: Ledger, n: number, onProgress?: (done: number) => void): Promise<void> {
  const ctx = { clock: systemClock } as unknown as GateContext;
  for (let start = 0; start < n; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) batch.push(consentWrite(buildConsent(ctx, consentInput(i, DEFAULT_ORG_ID))));
    await ledger.captureConsents(batch);
    onProgress?.(Math.min(n, start + BATCH));
  }
}

export interface SeedResult {
  file: string;
  cached: boolean;
  seconds: number;
  bytes: number;
}

/** The cached SQLite file with n consents, built first if missing. */
export async function sqliteSeed(n: number, log: (s: string) => void = () => {}): Promise<SeedResult> {
  const file = sqliteSeedPath(n);
  if (existsSync(file)) return { file, cached: true, seconds: 0, bytes: statSync(file).size };
  mkdirSync(CACHE_DIR, { recursive: true });
  const building = `${file}.building-${process.pid}`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const ledger = new SqliteLedger({ file: building });
  let lastLog = 0;
  await seedLedger(ledger, n, (done) => {
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  seeding ${n.toLocaleString('en-US')} consents: ${done.toLocaleString('en-US')}`);
    }
  });
  await ledger.close(); // checkpoints the WAL into the file
  for (const f of [`${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  renameSync(building, file);
  return { file, cached: false, seconds: (performance.now() - started) / 1000, bytes: statSync(file).size };
}

/**
 * A fresh DATA_DIR holding a copy of the seed, so a run never writes into the cache. The copy is
 * fsynced before the server starts: otherwise the kernel writes back the copy (gigabytes
 * for the large seed) during the measurement, and the gateway's own fsyncs wait behind it.
 */
export function dataDirWithCopy(seedFile: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-'));
  if (seedFile) {
    const copy = join(dir, 'consent-gate.db');
    copyFileSync(seedFile, copy);
    fsyncFile(copy);
  }
  return dir;
}

/** Writes a file's dirty pages to disk now, so the kernel does not write them back during a measurement. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
