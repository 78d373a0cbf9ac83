/** Orgs and API keys. */
import type { GateContext } from '../../gate/context';
import { createKeySchema, createOrgSchema } from '../../gate/schemas';
import { createOrg, keyView } from '../../gate/tenants';
import { createKeyFor, listKeysFor, revokeKeyFor } from '../../gate/callerKeys';
import { route } from '../route';

export function tenantRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/orgs',
      summary: 'Create an org; answers its first key (every scope but admin), shown once.',
      scope: 'admin',
      body: createOrgSchema,
      handler: async (_req, { body }) => {
        const { org, firstKey } = await createOrg(ctx, body.name, body.monthly_quota ?? null);
        return { status: 201, body: { org_id: org.id, name: org.name, api_key: firstKey.secret, key: keyView(firstKey.key) } };
      },
    }),
    route({
      method: 'post',
      path: '/v1/keys',
      summary:
        "Create another key for the caller's org; the secret is shown once. It gets at most the calling key's scopes, IP allowlist and rate limit (its own when it asks for none), and is revoked with it.",
      scope: 'any',
      body: createKeySchema,
      handler: async (req, { body }) => {
        const { key, secret } = await createKeyFor(ctx, req.apiKey, body);
        return { status: 201, body: { ...keyView(key), api_key: secret } };
      },
    }),
    route({
      method: 'get',
      path: '/v1/keys',
      summary: "The caller's org's keys (never their secrets).",
      scope: 'any',
      handler: async (req) => ({ body: { data: (await listKeysFor(ctx, req.apiKey)).map(keyView) } }),
    }),
    route({
      method: 'delete',
      path: '/v1/keys/:id',
      summary: "Revoke a key of the caller's org that has no scope the caller lacks.",
      scope: 'any',
      handler: async (req) => ({ body: keyView(await revokeKeyFor(ctx, req.apiKey, String(req.params.id))) }),
    }),
  ];
}
