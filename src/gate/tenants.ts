/**
 * Orgs and API keys. A key's secret is shown once; the ledger keeps its
 * SHA-256. A fast hash is the right tool here (unlike passwords): secrets are
 * 160 random bits, so there is nothing to brute-force, and every request
 * looks one up.
 */
import { hash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { newId, randomToken } from '../domain/ids';
import { API_SCOPES, type ApiScope } from '../domain/vocabulary';
import type { ApiKey, Org } from '../domain/records';
import { descendantsOf } from '../ledger/keyFamily';
import { AppError, notFound } from '../errors';
import type { GateContext } from './context';

export const KEY_PREFIX = 'cg_live_';

// crypto.hash, the one-shot form: half the cost of createHash for an input this small, on every request.
export function hashApiKey(secret: string): string {
  return hash('sha256', secret);
}

export function generateKeySecret(): string {
  return KEY_PREFIX + randomToken(27);
}

export interface CreatedKey {
  key: ApiKey;
  secret: string;
}

export interface KeyOptions {
  scopes: ApiScope[];
  ip_allowlist?: string[];
  rate_limit_per_minute?: number;
  /** Use this secret instead of generating one (bootstrap key from CONSENT_GATE_API_KEY). */
  secret?: string;
  /** The key that makes this one (keyInheritance.ts); it is revoked with it. */
  parent_key_id?: string;
  bootstrap?: ApiKey['bootstrap'];
}

export async function createKey(ctx: GateContext, orgId: string, options: KeyOptions): Promise<CreatedKey> {
  const secret = options.secret ?? generateKeySecret();
  const key: ApiKey = {
    id: newId('key'),
    org_id: orgId,
    hash: hashApiKey(secret),
    prefix: secret.slice(0, KEY_PREFIX.length + 4),
    scopes: [...new Set(options.scopes)],
    ip_allowlist: options.ip_allowlist ?? [],
    rate_limit_per_minute: options.rate_limit_per_minute ?? null,
    created_at: ctx.clock.now().toISOString(),
    revoked_at: null,
    ...(options.parent_key_id ? { parent_key_id: options.parent_key_id } : {}),
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
  };
  // Refused only when the maker was revoked since it authenticated (or is not the org's): answered as its next request would be.
  if (!(await ctx.ledger.createApiKey(key)) && options.parent_key_id) throw new AppError('UNAUTHORIZED');
  return { key, secret };
}

/** A new org and its first key, with every scope but `admin`: an org's keys cannot create other orgs. */
export async function createOrg(ctx: GateContext, name: string, monthlyQuota: number | null = null): Promise<{ org: Org; firstKey: CreatedKey }> {
  const org: Org = { id: newId('org'), name: name.trim(), monthly_quota: monthlyQuota, created_at: ctx.clock.now().toISOString() };
  await ctx.ledger.createOrg(org);
  const firstKey = await createKey(ctx, org.id, { scopes: API_SCOPES.filter((s) => s !== 'admin') });
  return { org, firstKey };
}

export async function revokeKey(ctx: GateContext, orgId: string, keyId: string): Promise<ApiKey> {
  const key = await ctx.ledger.revokeApiKey(orgId, keyId, ctx.clock.now().toISOString());
  if (!key) throw notFound();
  await endConsoleSessionsOfFamily(ctx, orgId, keyId);
  return key;
}

/**
 * Ends the console sessions of a revoked key and of every key revoked with it. Housekeeping, not
 * the guard: each request through a session reads its key again and is refused once it is revoked,
 * so a failure here (the revocation itself is stored) leaves nothing usable and is not the
 * caller's error.
 */
async function endConsoleSessionsOfFamily(ctx: GateContext, orgId: string, keyId: string): Promise<void> {
  try {
    const family = [keyId, ...descendantsOf(await ctx.ledger.listApiKeys(orgId), keyId).map((k) => k.id)];
    for (const id of family) await ctx.ledger.endConsoleSessionsOfKey(orgId, id);
  } catch {
    // See above: the sessions end at their next request. Counted, as every store error is, so an
    // operator sees the store failing even though the revocation itself went through.
    ctx.observer.ledgerError?.('endConsoleSessionsOfKey');
  }
}

/** Public view of a key: never its hash. */
export function keyView(k: ApiKey): Record<string, unknown> {
  return {
    id: k.id,
    org_id: k.org_id,
    prefix: k.prefix,
    scopes: k.scopes,
    ip_allowlist: k.ip_allowlist,
    rate_limit_per_minute: k.rate_limit_per_minute,
    created_at: k.created_at,
    revoked_at: k.revoked_at,
    parent_key_id: k.parent_key_id ?? null,
  };
}

/**
 * Compiled allowlists by key id. Every request reads its key afresh from the
 * ledger (a new object each time), so caching by object never hit; the
 * allowlist text is part of the cache key, so a changed list recompiles.
 */
const allowlists = new Map<string, { source: string; list: BlockList }>();
const MAX_CACHED_ALLOWLISTS = 10_000;

function allowlistOf(key: ApiKey): BlockList {
  const source = key.ip_allowlist.join(',');
  const cached = allowlists.get(key.id);
  if (cached && cached.source === source) return cached.list;
  const list = new BlockList();
  for (const entry of key.ip_allowlist) {
    const [addr, bits] = entry.split('/');
    const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr, family);
    else list.addSubnet(addr, Number(bits), family);
  }
  if (allowlists.size >= MAX_CACHED_ALLOWLISTS) allowlists.clear();
  allowlists.set(key.id, { source, list });
  return list;
}

export function ipAllowed(key: ApiKey, ip: string | undefined): boolean {
  if (key.ip_allowlist.length === 0) return true;
  if (!ip) return false;
  const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  return allowlistOf(key).check(plain, family);
}

/**
 * Who is calling: the key for a bearer secret, or an error. Unknown and
 * revoked keys look the same (401) so a revoked key reveals nothing. With a
 * throttle in the context, an address that failed too often is answered 429
 * before the ledger is asked (see authThrottle.ts).
 */
export async function authenticate(ctx: GateContext, secret: string | undefined, ip: string | undefined): Promise<ApiKey> {
  const hash = secret ? hashApiKey(secret) : undefined;
  const throttle = ctx.authThrottle;
  const wait = throttle?.waitFor(ip, hash) ?? 0;
  if (wait > 0) throw new AppError('RATE_LIMITED', 'too many failed authentications from this address', undefined, { 'Retry-After': String(wait) });
  try {
    const key = await keyFor(ctx, hash, ip);
    throttle?.succeeded(key.hash);
    return key;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN')) throttle?.failed(ip, hash);
    throw err;
  }
}

async function keyFor(ctx: GateContext, hash: string | undefined, ip: string | undefined): Promise<ApiKey> {
  if (!hash) throw new AppError('UNAUTHORIZED');
  // The store looks the key up by the SHA-256 of the secret, so the lookup's timing can only reveal
  // something about a hash, never about the secret; no second comparison is needed.
  return usableKey(await ctx.ledger.findApiKeyByHash(hash), ip);
}

/**
 * The key a console session was made from, by its id, checked as a Bearer request's key is: a
 * session holds no secret, so it is authenticated by the key it names, read afresh each time.
 */
export async function authenticateKeyId(ctx: GateContext, orgId: string, keyId: string, ip: string | undefined): Promise<ApiKey> {
  return usableKey(await ctx.ledger.getApiKey(orgId, keyId), ip);
}

/** What makes a key found usable for a request, however it was found: it exists, is not revoked, and the address is allowed. */
function usableKey(key: ApiKey | null, ip: string | undefined): ApiKey {
  if (!key || key.revoked_at) throw new AppError('UNAUTHORIZED');
  if (!ipAllowed(key, ip)) throw new AppError('FORBIDDEN', 'client address is not on the key allowlist');
  return key;
}

export function requireScope(key: ApiKey, scope: ApiScope): void {
  if (!key.scopes.includes(scope) && !key.scopes.includes('admin')) throw new AppError('FORBIDDEN');
}
