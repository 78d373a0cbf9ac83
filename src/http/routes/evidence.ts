/** GET /v1/evidence/{id}: the record, its history and the integrity proof. */
import type { GateContext } from '../../gate/context';
import { evidence } from '../../gate/evidence';
import { route } from '../route';

export function evidenceRoutes(ctx: GateContext) {
  return [
    route({
      method: 'get',
      path: '/v1/evidence/:id',
      summary: 'Evidence for a cst_/rev_/dec_ id: the record, its audit entries and the verified hash chain.',
      scope: 'audit:read',
      handler: async (req) => ({ body: await evidence(ctx, req.apiKey.org_id, String(req.params.id)) }),
    }),
  ];
}
