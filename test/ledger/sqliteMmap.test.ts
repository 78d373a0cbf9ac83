/**
 * SQLITE_MMAP_MB reaches the ledger: the operator's choice between reading
 * the file through a memory map (faster, counted in RSS) and plain reads.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openLedger } from '../../src/ledger/open';
import type { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';

const mapped = async (env: Record<string, string>, dataDir = mkdtempSync(join(tmpdir(), 'cg-mmap-')), before?: (ledger: SqliteLedger) => void) => {
  const ledger = (await openLedger(loadConfig({ DATA_DIR: dataDir, ...env }))) as SqliteLedger;
  try {
    before?.(ledger);
    return ledger.database.pragma('mmap_size', { simple: true });
  } finally {
    await ledger.close();
  }
};

describe('SQLITE_MMAP_MB', () => {
  it('maps 256 MB of the ledger by default', async () => {
    expect(await mapped({})).toBe(256 * 2 ** 20);
  });

  it('0 turns the map off; other sizes are taken as given', async () => {
    expect(await mapped({ SQLITE_MMAP_MB: '0' })).toBe(0);
    expect(await mapped({ SQLITE_MMAP_MB: '64' })).toBe(64 * 2 ** 20);
  });

  it('a ledger larger than the map when it is opened is read without one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-mmap-'));
    // 3 MB of ledger: a 2 MB map would hold only its first part.
    await mapped({ SQLITE_MMAP_MB: '2' }, dataDir, (ledger) =>
      ledger.database.exec('CREATE TABLE pad (x); INSERT INTO pad VALUES (zeroblob(3 * 1024 * 1024))'),
    );
    expect(await mapped({ SQLITE_MMAP_MB: '2' }, dataDir)).toBe(0);
    expect(await mapped({ SQLITE_MMAP_MB: '4' }, dataDir)).toBe(4 * 2 ** 20);
  });

  it('a size that is not a whole number of MB stops the start', () => {
    expect(() => loadConfig({ SQLITE_MMAP_MB: 'lots' })).toThrow(/SQLITE_MMAP_MB/);
    expect(() => loadConfig({ SQLITE_MMAP_MB: '-1' })).toThrow(/SQLITE_MMAP_MB/);
  });
});
