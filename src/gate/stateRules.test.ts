import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { loadStateRules } from './stateRules';

describe('loading the state rules', () => {
  it('the rule data the repository ships validates, with a version', () => {
    const rules = loadStateRules();
    expect(rules.version).not.toBe('');
    expect(rules.rules.length).toBeGreaterThan(0);
  });

  it('a bad file stops the gateway with a configuration error naming the rule and the field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-rules-')), 'state-rules.json');
    const rule = {
      id: 'US-FL/calling_hours',
      jurisdiction: 'US-FL',
      kind: 'calling_hours',
      citation: 'Fla. Stat. § 501.616(6)(a)',
      effective_from: '2021-02-30',
      source: 'https://www.flsenate.gov/Laws/Statutes/2024/501.616',
      verified: 'primary',
      applies_to: { telemarketing_call: 'statute', marketing_text: 'policy' },
      time_zone: 'Florida/Miami',
      windows: { mon: { start: '20:00', end: '08:00' } },
    };
    writeFileSync(file, JSON.stringify({ version: 'bad', rules: [rule] }));
    const refused = (() => {
      try {
        loadStateRules(file);
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      `state rules (${file}): rule 0 (US-FL/calling_hours): effective_from: must be a real date YYYY-MM-DD`,
      `state rules (${file}): rule 0 (US-FL/calling_hours): time_zone: must be "recipient" or an IANA time zone`,
      `state rules (${file}): rule 0 (US-FL/calling_hours): windows.mon.end: must be after start`,
    ]);
    writeFileSync(file, '{ not json');
    expect(() => loadStateRules(file)).toThrow(ConfigError);
  });
});
