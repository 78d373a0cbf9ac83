/** Consent capture, lookup, double opt-in, opt-out and CSV import. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../errors';
import { evidenceUrl, type GateContext } from '../../gate/context';
import { captureConsent, confirmConsent, consentView, getConsent, optOutConsent } from '../../gate/consents';
import { importConsents } from '../../gate/importConsents';
import { consentCaptureSchema, consentListQuerySchema } from '../../gate/schemas';
import { route } from '../route';

export function consentRoutes(ctx: GateContext) {
  const view = (c: Parameters<typeof consentView>[0]) => consentView(c, evidenceUrl(ctx, c.id, c.org_id));
  const onErrorQuery = z.object({ on_error: z.enum(['continue', 'stop']).default('continue') });
  return [
    route({
      method: 'post',
      path: '/v1/consents',
      summary: 'Capture a consent (201; 200 with the existing record when the same consent was captured before).',
      scope: 'consent:write',
      body: consentCaptureSchema,
      handler: async (req, { body }) => {
        const { consent, created } = await captureConsent(ctx, { ...body, orgId: req.apiKey.org_id, source: 'api' });
        return { status: created ? 201 : 200, body: view(consent) };
      },
    }),
    route({
      method: 'post',
      path: '/v1/consents/import',
      summary: 'Bulk import from CSV (Content-Type: text/csv): counts imported, duplicate and rejected rows with line numbers.',
      scope: 'consent:write',
      rawBody: 'text/csv',
      query: onErrorQuery,
      handler: async (req, { query, raw }) => {
        if (!raw) throw new AppError('VALIDATION_FAILED', undefined, { body: 'must be CSV with Content-Type: text/csv' });
        const q = query as z.output<typeof onErrorQuery>;
        const result = await importConsents(ctx, Readable.from([raw]), { orgId: req.apiKey.org_id, onError: q.on_error });
        return { body: result };
      },
    }),
    route({
      method: 'get',
      path: '/v1/consents',
      summary: 'Consents, filtered by phone and calling entity, paged with `after`.',
      scope: 'consent:read',
      query: consentListQuerySchema,
      handler: async (req, { query }) => {
        const q = query as z.output<typeof consentListQuerySchema>;
        const page = await ctx.ledger.listConsents(req.apiKey.org_id, { phone: q.phone, calling_entity: q.calling_entity, after: q.after, limit: q.limit });
        return { body: { data: page.items.map(view), next_cursor: page.next_cursor } };
      },
    }),
    route({
      method: 'get',
      path: '/v1/consents/:id',
      summary: 'One consent with its history.',
      scope: 'consent:read',
      handler: async (req) => ({ body: view(await getConsent(ctx, req.apiKey.org_id, String(req.params.id))) }),
    }),
    route({
      method: 'post',
      path: '/v1/consents/:id/confirm',
      summary: 'Confirm a double opt-in consent.',
      scope: 'consent:write',
      handler: async (req) => ({ body: view(await confirmConsent(ctx, req.apiKey.org_id, String(req.params.id))) }),
    }),
    route({
      method: 'delete',
      path: '/v1/consents/:id',
      summary: 'Opt the contact out of this consent (idempotent; also records a revocation for the entity).',
      scope: 'consent:write',
      optOut: true,
      handler: async (req) => ({ body: view(await optOutConsent(ctx, req.apiKey.org_id, String(req.params.id))) }),
    }),
    route({
      method: 'post',
      path: '/v1/consents/:id/revoke',
      summary: 'Same as DELETE /v1/consents/{id}.',
      scope: 'consent:write',
      optOut: true,
      handler: async (req) => ({ body: view(await optOutConsent(ctx, req.apiKey.org_id, String(req.params.id))) }),
    }),
  ];
}
