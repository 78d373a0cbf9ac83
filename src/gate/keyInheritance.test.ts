import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../ledger/ledger';
import { cidrWithin, inheritedKeyOptions } from './keyInheritance';

const maker = (over: Partial<ApiKey> = {}): ApiKey => ({
  id: 'key_maker',
  org_id: 'org_a',
  hash: 'h',
  prefix: 'p',
  scopes: ['precall', 'presend'],
  ip_allowlist: [],
  rate_limit_per_minute: null,
  created_at: '2026-01-01T00:00:00.000Z',
  revoked_at: null,
  ...over,
});
const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });

describe('cidrWithin', () => {
  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/7', '10.0.0.0/8', false],
    ['11.0.0.1', '10.0.0.0/8', false],
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.0/24', '10.0.0.5', false],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db8::/48', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['10.0.0.1', '::/0', false],
    ['::ffff:10.0.0.1', '10.0.0.0/8', false],
  ])('%s within %s: %s', (inner, outer, within) => {
    expect(cidrWithin(inner, outer)).toBe(within);
  });
});

describe('inheritedKeyOptions', () => {
  it("gives a key that asks for nothing its maker's allowlist and rate limit, and names the maker", () => {
    const opts = inheritedKeyOptions(maker({ ip_allowlist: ['10.0.0.0/8'], rate_limit_per_minute: 5 }), { scopes: ['precall'] }, 6000);
    expect(opts).toEqual({ scopes: ['precall'], ip_allowlist: ['10.0.0.0/8'], rate_limit_per_minute: 5, parent_key_id: 'key_maker' });
  });

  it('keeps a narrower allowlist and a lower rate', () => {
    const opts = inheritedKeyOptions(
      maker({ ip_allowlist: ['10.0.0.0/8', '2001:db8::/32'], rate_limit_per_minute: 50 }),
      { scopes: ['precall'], ip_allowlist: ['10.9.0.0/16', '2001:db8::7'], rate_limit_per_minute: 50 },
      6000,
    );
    expect(opts).toMatchObject({ ip_allowlist: ['10.9.0.0/16', '2001:db8::7'], rate_limit_per_minute: 50 });
  });

  it("refuses scopes, addresses or a rate beyond the maker's", () => {
    expect(() => inheritedKeyOptions(maker(), { scopes: ['admin'] }, 6000)).toThrow(forbidden);
    expect(() =>
      inheritedKeyOptions(maker({ ip_allowlist: ['10.0.0.0/8'] }), { scopes: ['precall'], ip_allowlist: ['10.0.0.1', '192.168.0.1'] }, 6000),
    ).toThrow(forbidden);
    expect(() => inheritedKeyOptions(maker({ rate_limit_per_minute: 5 }), { scopes: ['precall'], rate_limit_per_minute: 6 }, 6000)).toThrow(forbidden);
  });

  it("holds a maker without a limit of its own to the server's", () => {
    expect(inheritedKeyOptions(maker(), { scopes: ['precall'] }, 6000).rate_limit_per_minute).toBeUndefined();
    expect(inheritedKeyOptions(maker(), { scopes: ['precall'], rate_limit_per_minute: 6000 }, 6000).rate_limit_per_minute).toBe(6000);
    expect(() => inheritedKeyOptions(maker(), { scopes: ['precall'], rate_limit_per_minute: 6001 }, 6000)).toThrow(forbidden);
  });

  it('lets an admin maker grant any scope, still within its allowlist', () => {
    const admin = maker({ scopes: ['admin'], ip_allowlist: ['10.0.0.0/8'] });
    expect(inheritedKeyOptions(admin, { scopes: ['admin', 'revoke'] }, 6000)).toMatchObject({ scopes: ['admin', 'revoke'], ip_allowlist: ['10.0.0.0/8'] });
    expect(() => inheritedKeyOptions(admin, { scopes: ['admin'], ip_allowlist: ['0.0.0.0/0'] }, 6000)).toThrow(forbidden);
  });
});
