/** POST /v1/precall, POST /v1/sms/pre-send, and the decision log. */
import type { z } from 'zod';
import { answerJson } from '../../domain/decisionJson';
import { notFound } from '../../errors';
import type { GateContext } from '../../gate/context';
import { hasFilter, listFilteredDecisions } from '../../gate/decisionFilter';
import { precall, type PrecallResponse } from '../../gate/precall';
import { presend, type PresendResponse } from '../../gate/presend';
import { decisionListQuerySchema, precallSchema, presendSchema } from '../../gate/schemas';
import { route, type RouteResult } from '../route';

/** A decision's answer with the JSON its stored row was made with: the reply sends those bytes rather than serialising it again. */
const answered = (answer: PrecallResponse | PresendResponse): RouteResult => ({ body: answer, json: answerJson(answer) });

export function decisionRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/precall',
      summary: 'May this call be dialed? Runs the precall chain and records the decision.',
      scope: 'precall',
      body: precallSchema,
      handler: async (req, { body }) => answered(await precall(ctx, { ...body, orgId: req.apiKey.org_id })),
    }),
    route({
      method: 'post',
      path: '/v1/sms/pre-send',
      summary: 'May this text be sent? Runs the pre-send chain; an allowed answer counts one send.',
      scope: 'presend',
      body: presendSchema,
      handler: async (req, { body }) => answered(await presend(ctx, { ...body, orgId: req.apiKey.org_id })),
    }),
    route({
      method: 'get',
      path: '/v1/decisions/:id',
      summary: 'One decision, with its inputs and answer.',
      scope: 'audit:read',
      handler: async (req) => {
        const d = await ctx.ledger.getDecision(req.apiKey.org_id, String(req.params.id));
        if (!d) throw notFound();
        return { body: d };
      },
    }),
    route({
      method: 'get',
      path: '/v1/decisions',
      summary:
        'Decisions, oldest first, filtered by phone and time, and by `outcome`, `reason` and `entity` (case-insensitive), paged with `after`. A filtered page walks the time window and may hold fewer than `limit` with a `next_cursor` to go on.',
      scope: 'audit:read',
      query: decisionListQuerySchema,
      handler: async (req, { query }) => {
        const q = query as z.output<typeof decisionListQuerySchema>;
        const listing = { phone: q.phone, from: q.from?.toISOString(), to: q.to?.toISOString(), after: q.after, limit: q.limit };
        const filter = { outcome: q.outcome, reason: q.reason, entity: q.entity };
        const page = hasFilter(filter)
          ? await listFilteredDecisions(ctx, req.apiKey.org_id, listing, filter)
          : await ctx.ledger.listDecisions(req.apiKey.org_id, listing);
        return { body: { data: page.items, next_cursor: page.next_cursor } };
      },
    }),
  ];
}
