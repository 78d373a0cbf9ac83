/** Operator-declared states of emergency (state law: no covered contact in the state while one is in force). */
import { declareEmergency, emergencyView, endEmergency, listEmergencies } from '../../gate/emergencies';
import type { GateContext } from '../../gate/context';
import { declareEmergencySchema } from '../../gate/schemas';
import { route } from '../route';

export function emergencyRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/rules/emergencies',
      summary:
        "Declare a state of emergency in a state for the caller's org, from `from` until `to` (or until ended): covered contacts (telemarketing calls, marketing and mixed texts) to consumers there are blocked with `state_of_emergency`.",
      scope: 'admin',
      body: declareEmergencySchema,
      handler: async (req, { body }) => ({ status: 201, body: emergencyView(await declareEmergency(ctx, req.apiKey.org_id, body)) }),
    }),
    route({
      method: 'get',
      path: '/v1/rules/emergencies',
      summary: "The caller's org's states of emergency, ended ones included, in the order they were declared.",
      scope: 'any',
      handler: async (req) => ({ body: { data: (await listEmergencies(ctx, req.apiKey.org_id)).map(emergencyView) } }),
    }),
    route({
      method: 'delete',
      path: '/v1/rules/emergencies/:id',
      summary: 'End a state of emergency now; it stays listed with `ended_at`.',
      scope: 'admin',
      handler: async (req) => ({ body: emergencyView(await endEmergency(ctx, req.apiKey.org_id, String(req.params.id))) }),
    }),
  ];
}
