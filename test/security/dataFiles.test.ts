/**
 * The gateway as `npm start` runs it (a real process), on a DATA_DIR it
 * creates: the directory and everything SQLite writes in it are the
 * owner's alone, and the admin key made on first start reaches the
 * terminal (stderr) but never the JSON log stream (stdout), which is
 * shipped to log collectors.
 */
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnGateway } from '../support/childGateway';
import { ADMIN_KEY } from '../support/adminKey';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

// Directories (the do-not-call lists' own) are 0700, files 0600.
const privateModeOf = (path: string) => (statSync(path).isDirectory() ? '700' : '600');

describe('first start on a new DATA_DIR', () => {
  it('creates DATA_DIR 0700 and the ledger files 0600, and prints the admin key to stderr only', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'cg-files-')), 'data');
    const gw = await spawnGateway({ DATA_DIR: dataDir, CONSENT_GATE_API_KEY: '' });
    try {
      const key = /cg_live_[A-Za-z0-9_-]+/.exec(gw.output())?.[0];
      expect(key, 'the generated key is printed').toBeDefined();
      const res = await fetch(`${gw.url}/v1/keys`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);

      expect(modeOf(dataDir)).toBe('700');
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['consent-gate.db', 'consent-gate.db-wal', 'consent-gate.db-shm']));
      for (const f of files) expect([f, modeOf(join(dataDir, f))]).toEqual([f, privateModeOf(join(dataDir, f))]);
    } finally {
      gw.child.kill('SIGTERM');
      await gw.exited;
    }
    // Read once the process has ended: log lines are buffered briefly, and flushed on exit.
    const key = /cg_live_[A-Za-z0-9_-]+/.exec(gw.output())![0];
    const logLines = gw.stdout().split('\n').filter(Boolean);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toContain(key);
    }
  });

  it('tightens a DATA_DIR and ledger file an older version left readable by others', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'cg-files-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    closeSync(openSync(join(dataDir, 'consent-gate.db'), 'w', 0o644));
    chmodSync(join(dataDir, 'consent-gate.db'), 0o644);
    const gw = await spawnGateway({ DATA_DIR: dataDir, CONSENT_GATE_API_KEY: ADMIN_KEY });
    try {
      expect(modeOf(dataDir)).toBe('700');
      for (const f of readdirSync(dataDir)) expect([f, modeOf(join(dataDir, f))]).toEqual([f, privateModeOf(join(dataDir, f))]);
    } finally {
      gw.child.kill('SIGTERM');
      await gw.exited;
    }
  });
});
