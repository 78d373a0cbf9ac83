/**
 * First start: the default org (which carrier traffic belongs to unless the
 * configuration maps it elsewhere) and an admin key. The key is generated and
 * shown once — or, when CONSENT_GATE_API_KEY is set, that secret is
 * registered instead, so operators can provision it from a secret store.
 *
 * The key bootstrap makes is marked as such, so that the configured secret
 * stays the deployment's one admin key: a start with a different
 * CONSENT_GATE_API_KEY retires every older bootstrap key — a previously
 * configured one, or the one generated on first start — and, through the
 * ledger, every key those made through the API. Without a configured secret
 * nothing is retired (the generated key, or the last configured one, stays):
 * unsetting the variable must not lock the operator out. Only older keys are
 * retired, so an instance still configured with the previous secret (a
 * rolling deploy) cannot retire the new one; and a retired secret stays
 * retired — configure a new one. Only a starting gateway retires: a CLI
 * command run from a shell with a stale or different variable must not
 * revoke the running gateway's key.
 */
import type { GateContext } from './context';
import { createKey, hashApiKey } from './tenants';
import { API_SCOPES } from '../domain/vocabulary';
import { isRevoked } from '../ledger/keyFamily';

export const DEFAULT_ORG_ID = 'org_default';

export interface BootstrapResult {
  orgId: string;
  /** Set only when a key was generated now: print it once, it is not stored. */
  generatedAdminKey?: string;
  /** Ids of the earlier bootstrap keys retired now, because a different secret is configured. */
  retiredKeyIds: string[];
  /** The configured secret was retired by an earlier rotation: it authenticates nothing. */
  configuredKeyRetired?: boolean;
}

export interface BootstrapOptions {
  /** Retire older bootstrap keys when the configured secret is a different one (the gateway's start). */
  retirePrevious?: boolean;
}

export async function bootstrap(ctx: GateContext, configuredSecret?: string, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  const existing = await ctx.ledger.getOrg(DEFAULT_ORG_ID);
  if (!existing) {
    await ctx.ledger.createOrg({ id: DEFAULT_ORG_ID, name: 'default', monthly_quota: null, created_at: ctx.clock.now().toISOString() });
  }
  if (configuredSecret) {
    const hash = hashApiKey(configuredSecret);
    let current = await ctx.ledger.findApiKeyByHash(hash);
    if (!current) {
      await createKey(ctx, DEFAULT_ORG_ID, { scopes: [...API_SCOPES], secret: configuredSecret, bootstrap: 'configured' });
      // Read back: instances starting together each try to create it, and one record wins (Redis drops the others).
      current = await ctx.ledger.findApiKeyByHash(hash);
      if (!current) throw new Error('the configured admin key could not be stored');
    }
    if (isRevoked(current)) return { orgId: DEFAULT_ORG_ID, retiredKeyIds: [], configuredKeyRetired: true };
    if (!options.retirePrevious) return { orgId: DEFAULT_ORG_ID, retiredKeyIds: [] };
    const createdAt = current.created_at;
    // Never one with this secret's hash: a losing racer's record may still be listed, and revoking it would revoke the secret.
    const earlier = (await ctx.ledger.listApiKeys(DEFAULT_ORG_ID)).filter((k) => k.bootstrap && k.hash !== hash && !isRevoked(k) && k.created_at <= createdAt);
    const at = ctx.clock.now().toISOString();
    for (const k of earlier) await ctx.ledger.revokeApiKey(DEFAULT_ORG_ID, k.id, at);
    return { orgId: DEFAULT_ORG_ID, retiredKeyIds: earlier.map((k) => k.id) };
  }
  if (existing) return { orgId: DEFAULT_ORG_ID, retiredKeyIds: [] };
  const { secret } = await createKey(ctx, DEFAULT_ORG_ID, { scopes: [...API_SCOPES], bootstrap: 'generated' });
  return { orgId: DEFAULT_ORG_ID, generatedAdminKey: secret, retiredKeyIds: [] };
}
