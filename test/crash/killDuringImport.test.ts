/**
 * A CSV import killed with SIGKILL halfway loses nothing it committed and
 * leaves nothing half-written: the real `consent-gate consents import`, with
 * two parsing threads, is killed once some batches are on disk; running the
 * same file again imports exactly the rest, and every consent is there once
 * with its audit entry and chain head.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { verifyChain } from '../../src/ledger/auditChain';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { ADMIN_KEY } from '../support/adminKey';

const BIN = resolve(import.meta.dirname, '../../bin/consent-gate.js');
const ROWS = 30_000;
const ENV = { ...process.env, CONSENT_GATE_API_KEY: ADMIN_KEY, LOG_LEVEL: 'warn' };

function importArgs(dataDir: string, file: string): string[] {
  return [BIN, '--data-dir', dataDir, 'consents', 'import', file, '--json', '--progress', 'none', '--parsers', '2', '--batch-size', '1000'];
}

/** Consents on disk, read the way a second process would (WAL: readers see committed transactions only). */
function committed(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM consents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or its schema not yet written
  }
}

describe('crash safety of the CSV import', () => {
  it('kill -9 halfway: the committed batches stay, and a re-run imports exactly the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-crash-import-'));
    const dataDir = join(dir, 'data');
    const csv = join(dir, 'consents.csv');
    const phone = (i: number) => `+1212${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, '0')}`;
    const rows = Array.from({ length: ROWS }, (_, i) => `${phone(i)},Acme Insurance LLC,prior_express_written,sms|marketing,true,2026-03-01T00:00:00Z`);
    writeFileSync(csv, ['phone,calling_entity,type,scope,ai_specific_consent,captured_at', ...rows].join('\n') + '\n');
    const dbFile = join(dataDir, 'consent-gate.db');

    const first = spawn(process.execPath, importArgs(dataDir, csv), { env: ENV, stdio: 'ignore' });
    const exited = once(first, 'exit');
    // Bounded: at most 60 s for the first batches to land, polled every 50 ms.
    const deadline = Date.now() + 60_000;
    while (committed(dbFile) < 3_000 && Date.now() < deadline && first.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    const before = committed(dbFile);
    expect(before).toBeGreaterThanOrEqual(3_000);
    expect(before).toBeLessThan(ROWS);
    // Whole batches only: a batch is one transaction.
    expect(before % 1_000).toBe(0);

    const second = spawn(process.execPath, importArgs(dataDir, csv), { env: ENV, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    second.stdout.on('data', (d) => (out += d));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(0);
    const result = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
    expect(result).toMatchObject({ rows: ROWS, imported: ROWS - before, duplicates: before, rejected: 0 });

    const ledger = new SqliteLedger({ file: dbFile });
    try {
      const db = ledger.database;
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM consents')).toBe(ROWS);
      expect(count('SELECT count(DISTINCT phone) AS n FROM consents')).toBe(ROWS);
      expect(count("SELECT count(*) AS n FROM audit WHERE kind = 'consent'")).toBe(ROWS);
      expect(count('SELECT count(*) AS n FROM audit_heads')).toBe(ROWS);
      // The chains of the subjects on both sides of the kill verify.
      for (const i of [0, before - 1, before, ROWS - 1]) {
        const trail = await ledger.auditTrail(DEFAULT_ORG_ID, phone(i));
        expect(trail).toHaveLength(1);
        expect(verifyChain(trail)).toMatchObject({ ok: true, length: 1 });
      }
    } finally {
      await ledger.close();
    }
  }, 120_000);
});
