import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePrivateDir, preparePrivateFile } from './privateFiles';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const base = () => mkdtempSync(join(tmpdir(), 'cg-private-'));

describe('preparePrivateDir', () => {
  it('creates the directory and its missing parents 0700', () => {
    const dir = join(base(), 'a', 'data');
    preparePrivateDir(dir);
    expect(modeOf(dir)).toBe('700');
  });

  it("tightens an existing data directory that holds only the gateway's files", () => {
    const dir = join(base(), 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, 'consent-gate.db-wal'), '');
    writeFileSync(join(dir, 'reassigned.db'), '');
    chmodSync(dir, 0o755);
    preparePrivateDir(dir);
    expect(modeOf(dir)).toBe('700');
  });

  it('leaves a directory that holds other files as it is', () => {
    const dir = join(base(), 'shared');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), '');
    chmodSync(dir, 0o755);
    preparePrivateDir(dir);
    expect(modeOf(dir)).toBe('755');
  });
});

describe('preparePrivateFile', () => {
  it('creates a missing file 0600 and tightens existing companions', () => {
    const dir = base();
    writeFileSync(join(dir, 'x.db-wal'), 'wal');
    chmodSync(join(dir, 'x.db-wal'), 0o644);
    preparePrivateFile(join(dir, 'x.db'), [join(dir, 'x.db-wal'), join(dir, 'x.db-shm')]);
    expect(modeOf(join(dir, 'x.db'))).toBe('600');
    expect(modeOf(join(dir, 'x.db-wal'))).toBe('600');
  });
});
