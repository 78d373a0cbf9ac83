/**
 * The real executable, as an operator runs it from a clone: `bin/consent-gate.js`
 * (a tiny ESM launcher that registers tsx) — help, exit codes, and the
 * plain progress lines of an import whose stderr is not a terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/childGateway';
import { ADMIN_KEY } from '../support/adminKey';

const bin = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/consent-gate.js', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

describe('bin/consent-gate.js', () => {
  it('--help lists the commands and exits 0', () => {
    const r = bin(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['serve', 'keys', 'consents', 'check', 'revoke', 'audit', 'retention']) expect(r.stdout).toContain(cmd);
    expect(bin(['consents', 'import', '--help']).stdout).toContain('--map <field=Header>');
  });

  it('imports, checks and exits with the documented codes; no progress noise for a quick import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-bin-'));
    const env = { DATA_DIR: dir, CONSENT_GATE_API_KEY: ADMIN_KEY };
    const file = join(dir, 'c.csv');
    writeFileSync(
      file,
      'phone,calling_entity,type,scope,ai_specific_consent,captured_at\n+12125550143,Acme Insurance LLC,prior_express,human_voice|informational,false,2026-03-01T00:00:00Z\n',
    );
    const imported = bin(['consents', 'import', file], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('1 imported');
    const check = ['check', '+12125550143', '--entity', 'Acme Insurance LLC', '--purpose', 'informational', '--call-type', 'human_voice'];
    expect(bin(check, env).status).toBe(0);
    expect(bin(['revoke', '+12125550143', '--entity', 'Acme Insurance LLC'], env).status).toBe(0);
    const blocked = bin(check, env);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toMatch(/^BLOCKED — consumer_revoked/);
    const bad = bin(['check', 'nope', '--entity', 'x', '--purpose', 'survey', '--call-type', 'human_voice'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('phone: must be E.164');
    // Six processes, each starting the CLI from source: more than the default per-test budget on a busy machine.
  }, 90_000);
});
