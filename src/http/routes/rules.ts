/** The state rule set: listed, and explained for one number at one time. */
import type { z } from 'zod';
import type { GateContext } from '../../gate/context';
import { explainRules } from '../../gate/explainRules';
import { explainQuerySchema } from '../../gate/schemas';
import { route } from '../route';

export function ruleRoutes(ctx: GateContext) {
  return [
    route({
      method: 'get',
      path: '/v1/rules',
      summary: 'The state rule set decisions are made under, with its version.',
      scope: 'any',
      handler: async () => ({ body: { version: ctx.policy.stateRules.version, rules: ctx.policy.stateRules.rules } }),
    }),
    route({
      method: 'get',
      path: '/v1/rules/explain',
      summary: 'Which jurisdictions hold a number, and whether each allows a contact at a time (time-based rules only).',
      scope: 'any',
      query: explainQuerySchema,
      handler: async (_req, { query }) => {
        const q = query as z.output<typeof explainQuerySchema>;
        return { body: explainRules(ctx, q) };
      },
    }),
  ];
}
