import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../test/support/childGateway';

function fileWith(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cg-config-')), 'config.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, DATA_DIR: './data', STORE: 'sqlite', TWILIO_API_BASE: 'https://api.twilio.com', SMS_DAILY_CAP: 3 });
    expect(c.ADVERSARY_COUNTRIES).toEqual(['CN', 'HK', 'MO', 'CU', 'IR', 'KP', 'RU', 'VE']);
  });

  it('names every bad field, one line each', () => {
    try {
      loadConfig({ PORT: 'eighty', STORE: 'postgres', PUBLIC_BASE_URL: 'not a url', SMS_DAILY_CAP: '-1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'PUBLIC_BASE_URL', 'SMS_DAILY_CAP', 'STORE']);
    }
  });

  it('slow clients are cut off in seconds by default; a headers timeout past the request timeout is refused', () => {
    expect(loadConfig({})).toMatchObject({ HEADERS_TIMEOUT_MS: 10_000, REQUEST_TIMEOUT_MS: 30_000 });
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(/HEADERS_TIMEOUT_MS/);
  });

  it('reassigned numbers: checked after 30 days, blocking on an outage, by default; a Twilio source needs the credentials it asks with', () => {
    expect(loadConfig({})).toMatchObject({ REASSIGNED_CHECK_AFTER_DAYS: 30, REASSIGNED_ON_ERROR: 'block', TWILIO_LOOKUP_BASE: 'https://lookups.twilio.com' });
    expect(loadConfig({}).REASSIGNED_SOURCE).toBeUndefined();
    expect(() => loadConfig({ REASSIGNED_SOURCE: 'twilio' })).toThrow(/REASSIGNED_SOURCE: twilio needs the account credentials/);
    expect(() => loadConfig({ REASSIGNED_SOURCE: 'twilio', TWILIO_AUTH_TOKEN: 'token' })).toThrow(/REASSIGNED_SOURCE/);
    const sid = `AC${'a'.repeat(32)}`;
    expect(loadConfig({ REASSIGNED_SOURCE: 'twilio', TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'token' }).REASSIGNED_SOURCE).toBe('twilio');
    expect(() => loadConfig({ REASSIGNED_SOURCE: 'fcc', REASSIGNED_ON_ERROR: 'maybe' })).toThrow(
      /REASSIGNED_SOURCE[\s\S]*REASSIGNED_ON_ERROR|REASSIGNED_ON_ERROR[\s\S]*REASSIGNED_SOURCE/,
    );
  });

  it('reads the config file, with the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ PORT: 9000, SMS_DAILY_CAP: 5, entities: [{ name: 'Acme', numbers: ['(800) 555-0100'] }] }));
    const c = loadConfig({ CONSENT_GATE_CONFIG: file, PORT: '9100' });
    expect(c.PORT).toBe(9100);
    expect(c.SMS_DAILY_CAP).toBe(5);
    expect(c.entities[0].numbers).toEqual(['+18005550100']);
  });

  it('carrier accounts: TWILIO_ACCOUNT_SID must be an AC sid, a Telnyx key digest 64 hex digits (case ignored)', () => {
    const digest = 'AB'.repeat(32);
    const c = loadConfig({
      TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32),
      CONSENT_GATE_CONFIG: fileWith({ entities: [{ name: 'Acme', telnyx_api_key_sha256: [digest] }] }),
    });
    expect(c.TWILIO_ACCOUNT_SID).toBe('AC' + '0'.repeat(32));
    expect(c.entities[0].telnyx_api_key_sha256).toEqual([digest.toLowerCase()]);
    try {
      loadConfig({
        TWILIO_ACCOUNT_SID: 'SK' + '0'.repeat(32),
        CONSENT_GATE_CONFIG: fileWith({ entities: [{ name: 'Acme', telnyx_api_key_sha256: ['KEY_the_key_itself'] }] }),
      });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['TWILIO_ACCOUNT_SID', 'entities.0.telnyx_api_key_sha256.0']);
    }
  });

  it('reports a bad entity number and an unreadable file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ entities: [{ name: 'Acme', numbers: ['12'] }] }));
    expect(() => loadConfig({ CONSENT_GATE_CONFIG: file })).toThrow(/entities\.0\.numbers\.0: must be E\.164/);
    writeFileSync(file, '{ not json');
    expect(() => loadConfig({ CONSENT_GATE_CONFIG: file })).toThrow(/CONSENT_GATE_CONFIG: cannot read/);
  });

  it('a bad value stops the start with one line per bad field and exit code 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, STORE: 'postgres', SMS_DAILY_CAP: 'lots', DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-config-')) },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid configuration:\n\s+STORE: .*\n\s+SMS_DAILY_CAP: /);
  });
});
