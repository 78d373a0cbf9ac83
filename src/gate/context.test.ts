import { describe, expect, it } from 'vitest';
import { EvidenceLinks, evidenceUrl, type GateContext } from './context';
import { FixedClock } from './clock';
import { defaultPolicy } from './policy';
import type { Ledger } from '../ledger/ledger';

const NOW = new Date('2026-04-10T15:43:10Z');
const links = new EvidenceLinks('a-secret-of-sixteen+', 7);

describe('signed evidence links', () => {
  it('expire at the end of the UTC day N days ahead, so a day of answers shares one URL', () => {
    const a = links.sign('org_a', 'rev_1', NOW);
    expect(new Date(a.exp * 1000).toISOString()).toBe('2026-04-18T00:00:00.000Z');
    expect(links.sign('org_a', 'rev_1', new Date('2026-04-10T23:59:00Z'))).toEqual(a);
  });

  it('verify only for the same org, record and expiry, before it passes, with this secret', () => {
    const { exp, sig } = links.sign('org_a', 'rev_1', NOW);
    expect(links.verify('org_a', 'rev_1', exp, sig, NOW)).toBe(true);
    expect(links.verify('org_b', 'rev_1', exp, sig, NOW)).toBe(false);
    expect(links.verify('org_a', 'rev_2', exp, sig, NOW)).toBe(false);
    expect(links.verify('org_a', 'rev_1', exp + 86_400, sig, NOW)).toBe(false);
    expect(links.verify('org_a', 'rev_1', exp, sig, new Date(exp * 1000))).toBe(false);
    expect(links.verify('org_a', 'rev_1', exp, sig.slice(1), NOW)).toBe(false);
    expect(new EvidenceLinks('another-secret-0001', 7).verify('org_a', 'rev_1', exp, sig, NOW)).toBe(false);
  });

  it('evidenceUrl is PUBLIC_BASE_URL + path, signed when the gateway signs and the org is known', () => {
    const ctx: GateContext = {
      ledger: {} as Ledger,
      clock: new FixedClock(NOW),
      policy: defaultPolicy({ publicBaseUrl: 'https://gate.example/' }),
      observer: {},
    };
    expect(evidenceUrl(ctx, 'rev_1', 'org_a')).toBe('https://gate.example/v1/evidence/rev_1');
    const signed = evidenceUrl({ ...ctx, evidenceLinks: links }, 'rev_1', 'org_a');
    expect(signed).toMatch(/^https:\/\/gate\.example\/v1\/evidence\/rev_1\?org=org_a&exp=1776470400&sig=[\w-]{43}$/);
    expect(evidenceUrl({ ...ctx, evidenceLinks: links }, 'rev_1')).toBe('https://gate.example/v1/evidence/rev_1');
  });
});
