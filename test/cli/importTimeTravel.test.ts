/**
 * The CLI import refuses a consent dated in the future like every other bad
 * row: rejected with its line and reason, the good rows imported, exit 1 —
 * whether it parses in one thread or in workers (which get the importing
 * thread's clock).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../support/gateway';
import { cli } from './runCli';

const ENV = { CONSENT_GATE_API_KEY: ADMIN_KEY };

describe('consent-gate consents import: capture times in the future', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-cli-time-'));
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  const file = join(dir, 'dated.csv');
  writeFileSync(
    file,
    [
      'phone,calling_entity,type,scope,ai_specific_consent,captured_at',
      '+16465552001,Acme Insurance LLC,prior_express,sms,false,2026-03-01T00:00:00Z',
      '+16465552002,Acme Insurance LLC,prior_express,sms,false,2099-03-01T00:00:00Z',
      `+16465552003,Acme Insurance LLC,prior_express,sms,false,${inAnHour}`,
      '+16465552004,Acme Insurance LLC,prior_express,sms,false,2026-03-01T00:00:00Z',
    ].join('\n'),
  );

  it.each([
    ['one thread', []],
    ['two parsing threads', ['--parsers', '2']],
  ])('%s: the future-dated rows are rejected with their lines', async (_name, extra) => {
    const r = await cli(['--data-dir', mkdtempSync(join(dir, 'data-')), 'consents', 'import', file, '--json', ...extra], ENV);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      rows: 4,
      imported: 2,
      rejected: 2,
      rejections: [
        { line: 3, reason: 'captured_at must not be in the future' },
        { line: 4, reason: 'captured_at must not be in the future' },
      ],
    });
  });
});
