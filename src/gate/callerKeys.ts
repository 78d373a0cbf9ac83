/**
 * What a key may do to its own org's keys, whichever transport it came
 * through: make one no stronger than itself, list them, and revoke one that
 * has no scope it lacks (so a narrow key cannot cut off a stronger one).
 * The rules themselves are in keyInheritance.ts.
 */
import type { ApiKey } from '../domain/records';
import type { GateContext } from './context';
import { assertScopesWithin, inheritedKeyOptions, type AskedKey } from './keyInheritance';
import { createKey, revokeKey, type CreatedKey } from './tenants';

export function createKeyFor(ctx: GateContext, caller: ApiKey, asked: AskedKey): Promise<CreatedKey> {
  return createKey(ctx, caller.org_id, inheritedKeyOptions(caller, asked, ctx.policy.keyRateLimitPerMinute));
}

export function listKeysFor(ctx: GateContext, caller: ApiKey): Promise<ApiKey[]> {
  return ctx.ledger.listApiKeys(caller.org_id);
}

export async function revokeKeyFor(ctx: GateContext, caller: ApiKey, keyId: string): Promise<ApiKey> {
  const target = (await ctx.ledger.listApiKeys(caller.org_id)).find((k) => k.id === keyId);
  if (target) assertScopesWithin(caller, target.scopes);
  return revokeKey(ctx, caller.org_id, keyId);
}
