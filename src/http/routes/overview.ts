/**
 * The read endpoints behind the console's pages, for scripts too: counts per day (from the ledger's
 * maintained counts), opt-outs by honor-by date, everything about one number, and the org's alerts.
 */
import { z } from 'zod';
import { alertsFor, type AlertSources } from '../../gate/alerts';
import type { GateContext } from '../../gate/context';
import { numberRecord } from '../../gate/numberRecord';
import { dayRange, dayRangeQuerySchema, decisionCounts, honorByQuerySchema, optOutsPerDay, revocationsByHonorBy } from '../../gate/overview';
import { phoneSchema } from '../../gate/schemas';
import { route } from '../route';

type DayRange = z.output<typeof dayRangeQuerySchema>;
const numberQuerySchema = z.strictObject({ phone: phoneSchema });

export function overviewRoutes(ctx: GateContext, sources: AlertSources = {}) {
  return [
    route({
      method: 'get',
      path: '/v1/stats/decisions',
      summary:
        "The org's decisions counted per UTC day, kind, outcome and reason over `from`..`to` (days, YYYY-MM-DD; default today, at most 366 days). Read from counts kept as decisions are stored, so it costs the same however many there are.",
      scope: 'audit:read',
      query: dayRangeQuerySchema,
      handler: async (req, { query }) => {
        const range = dayRange(ctx, query as DayRange);
        return { body: { ...range, data: await decisionCounts(ctx, req.apiKey.org_id, range) } };
      },
    }),
    route({
      method: 'get',
      path: '/v1/stats/opt-outs',
      summary:
        "The org's opt-outs (revocations recorded) per UTC day over `from`..`to` (default the 30 days to today), every day listed, with counts by trigger.",
      scope: 'audit:read',
      query: dayRangeQuerySchema,
      handler: async (req, { query }) => {
        const range = dayRange(ctx, query as DayRange, 30);
        return { body: { ...range, data: await optOutsPerDay(ctx, req.apiKey.org_id, range) } };
      },
    }),
    route({
      method: 'get',
      path: '/v1/revocations',
      summary:
        "The org's revocations whose honor-by date falls in [`honor_by_from`, `honor_by_to`) (default: from now, the next 31 days: every opt-out not yet honored), soonest first: the opt-outs that must be honored soon.",
      scope: 'audit:read',
      query: honorByQuerySchema,
      handler: async (req, { query }) => ({ body: await revocationsByHonorBy(ctx, req.apiKey.org_id, query as z.output<typeof honorByQuerySchema>) }),
    }),
    route({
      method: 'get',
      // The phone in the query, not the path: access logs keep paths, and never a whole number.
      path: '/v1/number',
      summary:
        "Everything the org holds about one phone number: consents (with `consent:read`), revocations, other orgs' network-wide opt-outs (dates only), decisions (the first 100, with a cursor for `GET /v1/decisions?phone=`), whether its audit chain verifies, and each record's evidence link.",
      scope: 'audit:read',
      query: numberQuerySchema,
      handler: async (req, { query }) => ({ body: await numberRecord(ctx, req.apiKey, (query as z.output<typeof numberQuerySchema>).phone) }),
    }),
    route({
      method: 'get',
      path: '/v1/alerts',
      summary:
        'What needs attention for the org: stale do-not-call copies, opt-outs queued while the store was down, network opt-outs not yet delivered, and (admin keys) carrier webhooks refused for a bad signature.',
      scope: 'audit:read',
      handler: async (req) => ({ body: { data: await alertsFor(ctx, req.apiKey, sources) } }),
    }),
  ];
}
