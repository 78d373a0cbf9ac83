/**
 * What a key made through the API (POST /v1/keys) may be: never more than
 * the key that makes it. Its scopes are a subset of the maker's (any, for an
 * admin); its IP allowlist lies within the maker's (the maker's own list when
 * it asks for none); its rate limit is at most the maker's (the maker's when
 * it asks for none). Asking for more is 403, not quietly narrowed, so the
 * caller learns why. The new key names its maker and is revoked with it.
 */
import { BlockList, isIP } from 'node:net';
import type { ApiScope } from '../domain/vocabulary';
import type { ApiKey } from '../domain/records';
import { AppError } from '../errors';
import type { KeyOptions } from './tenants';

export interface AskedKey {
  scopes: ApiScope[];
  ip_allowlist?: string[];
  rate_limit_per_minute?: number;
}

/** The options of a key `maker` makes; `defaultPerMinute` is the limit of a key that has none of its own. */
export function inheritedKeyOptions(maker: ApiKey, asked: AskedKey, defaultPerMinute: number): KeyOptions {
  return {
    scopes: scopesWithin(maker, asked.scopes),
    ip_allowlist: allowlistWithin(maker.ip_allowlist, asked.ip_allowlist),
    rate_limit_per_minute: rateWithin(maker.rate_limit_per_minute, asked.rate_limit_per_minute, defaultPerMinute) ?? undefined,
    parent_key_id: maker.id,
  };
}

/** No key manages a key more powerful than itself: no escalation through /v1/keys. */
export function assertScopesWithin(maker: ApiKey, scopes: ApiScope[]): void {
  scopesWithin(maker, scopes);
}

function scopesWithin(maker: ApiKey, scopes: ApiScope[]): ApiScope[] {
  if (maker.scopes.includes('admin')) return scopes;
  const missing = scopes.filter((s) => !maker.scopes.includes(s));
  if (missing.length) throw new AppError('FORBIDDEN', `the calling key lacks scope(s): ${missing.join(', ')}`);
  return scopes;
}

function allowlistWithin(makers: string[], asked: string[] | undefined): string[] {
  if (!asked?.length) return [...makers];
  if (!makers.length) return asked;
  const outside = asked.filter((entry) => !makers.some((m) => cidrWithin(entry, m)));
  if (outside.length) throw new AppError('FORBIDDEN', `outside the calling key's IP allowlist: ${outside.join(', ')}`);
  return asked;
}

function rateWithin(makers: number | null, asked: number | undefined, defaultPerMinute: number): number | null {
  if (asked === undefined) return makers;
  const ceiling = makers ?? defaultPerMinute;
  if (asked > ceiling) throw new AppError('FORBIDDEN', `rate_limit_per_minute above the calling key's (${ceiling})`);
  return asked;
}

/** Whether every address of `inner` (an address or CIDR) is in `outer`; different families never are. */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a.family !== b.family || a.bits < b.bits) return false;
  const list = new BlockList();
  list.addSubnet(b.address, b.bits, b.family);
  return list.check(a.address, a.family);
}

function parseCidr(entry: string): { address: string; bits: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, bitsText] = entry.split('/');
  const version = isIP(address);
  if (!version) return null;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  const max = version === 6 ? 128 : 32;
  const bits = bitsText === undefined ? max : Number(bitsText);
  return Number.isInteger(bits) && bits >= 0 && bits <= max ? { address, bits, family } : null;
}
