/**
 * First start: the default org (which carrier traffic belongs to unless the
 * configuration maps it elsewhere) and an admin key. The key is generated and
 * shown once — or, when CONSENT_GATE_API_KEY is set, that secret is
 * registered instead, so operators can provision it from a secret store.
 */
import type { GateContext } from './context';
import { createKey, hashApiKey } from './tenants';
import { API_SCOPES } from '../domain/vocabulary';

export const DEFAULT_ORG_ID = 'org_default';

export interface BootstrapResult {
  orgId: string;
  /** Set only when a key was generated now: print it once, it is not stored. */
  generatedAdminKey?: string;
}

export async function bootstrap(ctx: GateContext, configuredSecret?: string): Promise<BootstrapResult> {
  const existing = await ctx.ledger.getOrg(DEFAULT_ORG_ID);
  if (!existing) {
    await ctx.ledger.createOrg({ id: DEFAULT_ORG_ID, name: 'default', monthly_quota: null, created_at: ctx.clock.now().toISOString() });
  }
  if (configuredSecret) {
    if (!(await ctx.ledger.findApiKeyByHash(hashApiKey(configuredSecret)))) {
      await createKey(ctx, DEFAULT_ORG_ID, { scopes: [...API_SCOPES], secret: configuredSecret });
    }
    return { orgId: DEFAULT_ORG_ID };
  }
  if (existing) return { orgId: DEFAULT_ORG_ID };
  const { secret } = await createKey(ctx, DEFAULT_ORG_ID, { scopes: [...API_SCOPES] });
  return { orgId: DEFAULT_ORG_ID, generatedAdminKey: secret };
}
