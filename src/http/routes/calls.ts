/** The call records: one call by our id or the carrier's, and the org's calls by phone and time. */
import type { z } from 'zod';
import { callRecord, listCallRecords } from '../../gate/calls';
import type { GateContext } from '../../gate/context';
import { decisionListQuerySchema } from '../../gate/schemas';
import { route } from '../route';

// Calls are filtered as decisions are: a phone, a start time range, and a page.
const callListQuerySchema = decisionListQuerySchema;

export function callRoutes(ctx: GateContext) {
  return [
    route({
      method: 'get',
      path: '/v1/calls/:id',
      summary:
        'One call record, by its call_ id or the carrier call id (Twilio CallSid, Telnyx call_control_id, agent stream call_id): answer, disclosure timing, DTMF, opt-outs, final status, and where each time comes from.',
      scope: 'audit:read',
      handler: async (req) => ({ body: await callRecord(ctx, req.apiKey.org_id, String(req.params.id)) }),
    }),
    route({
      method: 'get',
      path: '/v1/calls',
      summary: 'Call records, oldest first by start, filtered by phone and start time, paged with `after`.',
      scope: 'audit:read',
      query: callListQuerySchema,
      handler: async (req, { query }) => {
        const q = query as z.output<typeof callListQuerySchema>;
        const page = await listCallRecords(ctx, req.apiKey.org_id, {
          phone: q.phone,
          from: q.from?.toISOString(),
          to: q.to?.toISOString(),
          after: q.after,
          limit: q.limit,
        });
        return { body: { data: page.items, next_cursor: page.next_cursor } };
      },
    }),
  ];
}
