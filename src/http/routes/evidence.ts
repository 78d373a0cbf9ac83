/**
 * GET /v1/evidence/{id}: the record, its history and the integrity proof —
 * JSON for API clients, the printable certificate (`evidencePage.ts`) for a
 * browser (`Accept: text/html` preferred over JSON).
 *
 * Two ways in: an API key with `audit:read` (the declared route below), or a
 * signed link (`?org=&exp=&sig=`, see `EvidenceLinks`) that opens one record
 * without a key until it expires — what `evidence_url` in API answers is.
 */
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors';
import type { GateContext } from '../../gate/context';
import { evidence, type Evidence } from '../../gate/evidence';
import { EVIDENCE_PAGE_CSP, escapeHtml, renderEvidencePage } from '../evidencePage';
import { sendError } from '../envelope';
import { route } from '../route';

function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': EVIDENCE_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'private, no-store',
    })
    .send(html);
}

function sendEvidence(ctx: GateContext, req: Request, res: Response, ev: Evidence): void {
  if (wantsHtml(req)) sendPage(res, 200, renderEvidencePage(ev, { generatedAt: ctx.clock.now() }));
  else res.set('Cache-Control', 'private, no-store').json(ev);
}

export function evidenceRoutes(ctx: GateContext) {
  return [
    route({
      method: 'get',
      path: '/v1/evidence/:id',
      summary:
        'Evidence for a cst_/rev_/dec_ id or a call (call_ id or carrier call id): the record, its audit entries and the verified hash chain. JSON, or a printable HTML certificate for Accept: text/html. ' +
        'The signed evidence_url (?org=&exp=&sig=) opens it without a key until it expires.',
      scope: 'audit:read',
      handler: async (req, _input, http) => {
        if (!http) throw new Error('GET /v1/evidence/:id answers through express (content negotiation)');
        sendEvidence(ctx, http.req, http.res, await evidence(ctx, req.apiKey.org_id, String(req.params.id)));
      },
    }),
  ];
}

/**
 * Signed evidence links, mounted ahead of the authenticated API: a request
 * with `sig` is answered here (or refused: 403 for a bad or expired link);
 * one without falls through to the key-authenticated route.
 */
export function signedEvidenceRouter(ctx: GateContext): Router {
  const router = Router();
  router.get('/v1/evidence/:id', async (req, res, next) => {
    const { org, exp, sig } = req.query as Record<string, unknown>;
    if (sig === undefined) return next();
    const id = String(req.params.id);
    const valid =
      !!ctx.evidenceLinks &&
      typeof org === 'string' &&
      typeof exp === 'string' &&
      typeof sig === 'string' &&
      /^\d{1,12}$/.test(exp) &&
      ctx.evidenceLinks.verify(org, id, Number(exp), sig, ctx.clock.now());
    if (!valid) {
      const message = 'this evidence link is invalid or has expired; ask for a new one or use an API key with audit:read';
      if (wantsHtml(req)) {
        return sendPage(
          res,
          403,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence link expired</title></head><body style="font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>Evidence link expired</h1><p>${escapeHtml(message)}.</p></body></html>`,
        );
      }
      return sendError(res, req, 'FORBIDDEN', message);
    }
    try {
      sendEvidence(ctx, req, res, await evidence(ctx, org as string, id));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND' && wantsHtml(req))
        return sendPage(res, 404, '<!doctype html><title>Not found</title><p>No such record.</p>');
      throw err;
    }
  });
  return router;
}
