/** POST /v1/revoke: never billed, never rate limited below the floor, durable before it answers. */
import type { GateContext } from '../../gate/context';
import { revoke } from '../../gate/revoke';
import { revokeSchema } from '../../gate/schemas';
import { route } from '../route';

export function revokeRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/revoke',
      summary: 'Record an opt-out. Repeating it returns the existing revocation.',
      scope: 'revoke',
      optOut: true,
      body: revokeSchema,
      handler: async (req, { body }) => {
        const { created, ...response } = await revoke(ctx, { ...body, orgId: req.apiKey.org_id });
        return { status: created ? 201 : 200, body: response };
      },
    }),
  ];
}
