/** `consent-gate reassigned import` against a real SQLite data directory, then a gateway opened on it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../support/gateway';
import { cli } from '../cli/runCli';

describe('consent-gate reassigned import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-rnd-cli-'));
  const files = mkdtempSync(join(tmpdir(), 'cg-rnd-files-'));
  const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], { CONSENT_GATE_API_KEY: ADMIN_KEY });
  let gw: TestGateway | undefined;
  afterAll(async () => {
    await gw?.close();
  });

  it('imports a results file, and a gateway on the same data directory blocks on them', async () => {
    const file = join(files, 'rnd-results.csv');
    writeFileSync(file, 'phone,date,result\n2125550601,2026-10-01,yes\n2125550602,2026-10-01,no\n');
    const r = await run('reassigned', 'import', '--progress', 'none', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^rnd-results\.csv: 2 results imported into org_default in [\d.]+ s \(2 added, 0 changed, 0 unchanged\)\.\n$/);
    const again = await run('reassigned', 'import', '--progress', 'none', '--json', file);
    expect(JSON.parse(again.out)).toMatchObject({ org_id: 'org_default', added: 0, unchanged: 2, rows: 2 });

    gw = await startTestGateway({ DATA_DIR: dataDir });
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${gw!.url}${path}`, { method: 'POST', headers: { ...gw!.auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      ).json()) as Record<string, unknown>;
    await post('/v1/consents', {
      phone: '+12125550601',
      calling_entity: 'Acme Insurance LLC',
      type: 'prior_express_written',
      scope: ['sms', 'marketing'],
      ai_specific_consent: false,
      captured_at: '2026-10-01T09:00:00Z',
      evidence: { url: 'https://acme.example/form', source: 'web_form' },
    });
    expect(
      await post('/v1/sms/pre-send', {
        phone: '+12125550601',
        sending_entity: 'Acme Insurance LLC',
        message_type: 'marketing',
        send_at: '2026-12-04T15:00:00Z',
      }),
    ).toMatchObject({
      allowed: false,
      reason: 'number_reassigned',
      source: 'rnd_import',
    });
  });

  it('a bad line stops the import, naming the file and the line, with the usage exit code', async () => {
    const bad = join(files, 'bad.csv');
    writeFileSync(bad, '2125550610,2026-10-01,yes\n2125550611,2026-10-01,unknown\n');
    const r = await run('reassigned', 'import', '--progress', 'none', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv: .*line 2: result: must be yes, no or no_data/);
  });

  it('an org that does not exist is refused', async () => {
    const file = join(files, 'one.csv');
    writeFileSync(file, '2125550620,2026-10-01,no\n');
    const r = await run('reassigned', 'import', '--org', 'org_nobody', '--progress', 'none', file);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--org: no org org_nobody/);
  });
});
