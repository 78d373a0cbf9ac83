/** `consent-gate dnc` against a real SQLite data directory, then a gateway opened on it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../support/gateway';
import { runCli } from '../../src/cli/program';
import { Capture, cli } from '../cli/runCli';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dnc');

describe('consent-gate dnc', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-dnc-cli-'));
  const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], { CONSENT_GATE_API_KEY: ADMIN_KEY });
  let gw: TestGateway | undefined;
  afterAll(async () => {
    await gw?.close();
  });

  it('imports full files then a change file, with a progress bar, and a gateway on the same data directory lists them', async () => {
    // On a terminal (auto: a bar).
    const out = new Capture();
    const err = Object.assign(new Capture(), { isTTY: true, columns: 120 });
    const args = [
      '--data-dir',
      dataDir,
      'dnc',
      'import',
      '--list',
      'national',
      '--as-of',
      '2026-12-01',
      join(FIXTURES, 'ftc-full-flat.txt'),
      join(FIXTURES, 'plain.txt'),
    ];
    const full = { code: await runCli(args, { out, err, env: { CONSENT_GATE_API_KEY: ADMIN_KEY } }), out: out.text, err: err.text };
    expect(full.code).toBe(0);
    expect(full.out).toContain('ftc-full-flat.txt: 4 lines, 4 added, 0 removed, area codes 212 305');
    expect(full.out).toContain('plain.txt: 4 lines, 0 added, 0 removed, area codes 212 305');
    expect(full.out).toContain('2 files imported into national of org_default (as of 2026-12-01)');
    expect(full.err).toMatch(/100% \| 8 rows \| \d+ rows\/s \| ETA/);
    const changes = await run('dnc', 'import', '--list', 'national', '--as-of', '2026-12-02', '--changes', '--progress', 'none', join(FIXTURES, 'changes.txt'));
    expect(changes.code).toBe(0);
    expect(changes.out).toContain('changes.txt: 4 lines, 2 added, 2 removed');
    expect((await run('dnc', 'lists')).out).toBe('national: 4 numbers as of 2026-12-02, 2 area codes\n');

    gw = await startTestGateway({ DATA_DIR: dataDir });
    const listed = await (await fetch(`${gw.url}/v1/dnc`, { headers: gw.auth })).json();
    expect(listed).toEqual({
      data: [{ list: 'national', as_of: '2026-12-02', entries: 4, area_codes: ['212', '305'], age_days: expect.any(Number), stale: expect.any(Boolean) }],
    });
  });

  it('--help says that, without --org, a list goes to the default org the other commands use', async () => {
    const help = await run('dnc', 'import', '--help');
    expect(help.code).toBe(0);
    expect(help.out.replace(/\s+/g, ' ')).toMatch(
      /--org <id> the org whose list this is .*left out, the default org, as for the other commands \(default: "org_default"\)/,
    );
  });

  it('without --org on a data directory no gateway has opened yet, the list goes to the default org, made then as a gateway would', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cg-dnc-fresh-'));
    const r = await cli([
      '--data-dir',
      fresh,
      'dnc',
      'import',
      '--list',
      'internal',
      '--as-of',
      '2026-12-01',
      '--progress',
      'none',
      join(FIXTURES, 'plain.txt'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 file imported into internal of org_default');
    expect((await cli(['--data-dir', fresh, 'dnc', 'lists'])).out).toBe('internal: 4 numbers as of 2026-12-01, 2 area codes\n');
  });

  it('a bad line stops the import, naming the file and the line, with the usage exit code', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'cg-dnc-bad-')), 'bad.txt');
    writeFileSync(bad, '2125550143\n212-555-0144\n');
    const r = await run('dnc', 'import', '--list', 'internal', '--as-of', '2026-12-01', '--progress', 'none', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.txt: .*line 2: expected a phone number/);
    expect((await run('dnc', 'lists')).out).not.toContain('internal');
  });

  it("imports into the org --org names, whose lists the default org's listing does not show", async () => {
    const created = await run('orgs', 'create', 'Org B', '--json');
    expect(created.code).toBe(0);
    const orgB = (JSON.parse(created.out) as { org_id: string }).org_id;
    const r = await run('dnc', 'import', '--org', orgB, '--list', 'state:TX', '--as-of', '2026-12-01', '--progress', 'none', join(FIXTURES, 'plain.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`1 file imported into state:TX of ${orgB} (as of 2026-12-01)`);
    expect((await run('dnc', 'lists', '--org', orgB)).out).toBe('state:TX: 4 numbers as of 2026-12-01, 2 area codes\n');
    expect((await run('dnc', 'lists')).out).not.toContain('state:TX');
    const unknown = await run('dnc', 'import', '--org', 'org_nobody', '--list', 'internal', '--as-of', '2026-12-01', join(FIXTURES, 'plain.txt'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--org: no org org_nobody/);
  });

  it('an unknown list is refused before any file is read', async () => {
    const r = await run('dnc', 'import', '--list', 'state:CA', '--as-of', '2026-12-01', join(FIXTURES, 'plain.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown list/);
  });
});
