/**
 * examples/cli/README.md, step by step: what the walk-through promises is
 * what the CLI prints.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './runCli';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/cli');
const readme = readFileSync(join(EXAMPLE, 'README.md'), 'utf8');

describe('examples/cli walk-through', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-example-'));
  const env = { CONSENT_GATE_API_KEY: 'cg_live_example_key_change_me_01' };
  const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], env);
  const ACME = ['--entity', 'Acme Insurance LLC', '--purpose', 'telemarketing', '--call-type', 'ai_voice', '--at', '2026-04-10T18:00:00Z'];

  it('runs as the README says', async () => {
    const imported = await run('consents', 'import', join(EXAMPLE, 'consents.csv'), '--map', 'phone=Phone', '--map', 'calling_entity=Company');
    expect(imported.code).toBe(1);
    const firstLines = imported.out.replace(/in \d+\.\d s/, 'in 0.1 s').trim();
    expect(readme).toContain(firstLines);
    expect((await run('consents', 'import', join(EXAMPLE, 'consents.csv'), '--map', 'phone=Phone', '--map', 'calling_entity=Company')).out).toContain(
      '0 imported, 17 already on file',
    );

    const allowed = await run('check', '+12125550101', ...ACME, '--calling-number', '+18005550100');
    expect(allowed.code).toBe(0);
    // Ids and the rule set's version change from run to run and release to release; the README shows them as `…`.
    const shape = (s: string) => s.replace(/(cst|dec|rev)_\w+/g, '$1_…').replace(/rule set [\w.-]+/g, 'rule set …');
    for (const line of shape(allowed.out).trim().split('\n')) expect(readme).toContain(line);

    const noAi = await run('check', '+12125550110', ...ACME);
    expect(noAi.code).toBe(1);
    expect(readme).toContain(`# ${noAi.out.split('\n')[0]}`);

    const rev = await run(
      'revoke',
      '+12125550101',
      '--entity',
      'Acme Insurance LLC',
      '--trigger',
      'verbal_stop_during_call',
      '--transcript',
      'Please stop calling me',
      '--captured-at',
      '2026-04-10T15:43:10Z',
    );
    expect(rev.code).toBe(0);
    const revLines = shape(rev.out).trim().split('\n');
    expect(readme).toContain(revLines[0]);
    expect(readme).toContain(revLines[1]);
    expect(revLines[2]).toMatch(/^ {2}Evidence: http:\/\/localhost:8080\/v1\/evidence\/rev_…\?org=org_default&exp=\d+&sig=/);

    const blocked = await run('check', '+12125550101', ...ACME);
    expect(blocked.code).toBe(1);
    for (const line of shape(blocked.out).trim().split('\n').slice(0, 2)) expect(readme).toContain(`# ${line}`);

    const csvOut = join(dataDir, 'decisions.csv');
    expect((await run('audit', 'export', '--format', 'csv', '--out', csvOut)).code).toBe(0);
    expect(readFileSync(csvOut, 'utf8').trim().split('\n')).toHaveLength(4);
    const verified = await run('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(readme).toContain(`# ${verified.out.trim()}`);
  });
});
