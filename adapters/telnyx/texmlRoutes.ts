/**
 * `/telnyx/texml`, the URL the gateway gave Telnyx for an allowed TeXML AI
 * call, two ways in (both by a token only the gateway can mint; anything
 * else is 403 and counted):
 *
 * 1. A `texml` token — Telnyx fetching the call's document: fetch the
 *    application's TeXML from the original `Url` (Telnyx's form parameters
 *    and signature headers passed on unchanged) and answer with the
 *    disclosure Gather first. If the application cannot be had, or its
 *    document `<Dial>`s a number the gate does not allow, the call still
 *    identifies itself and offers the opt-out, then ends. Without a script
 *    (a call that needs no disclosure, or a `<Redirect>` / action URL of a
 *    document served here) the document is served as it is, its dials
 *    checked and its own continuations pointed back here.
 * 2. A `gather` token — the disclosure Gather's action: a 9 revokes
 *    (`dtmf_opt_out`), confirms and hangs up; any other digit continues
 *    with the application's document (inline, or fetched again).
 *
 * When Telnyx signs these requests, the signature is checked as for webhooks.
 */
import { Router, type Request, type Response } from 'express';
import { maskPhone } from '../../src/domain/phone';
import { dtmf, OPT_OUT_DIGIT } from '../../src/gate/optOutSignals';
import { hangup, parseTwiml, renderTwiml, responseOf, type TwimlDocument } from '../twiml';
import { callApplication } from '../shared/appRelay';
import { first, isFormContentType, parseForm, type FormParams } from '../shared/form';
import { BodyTooLargeError, MalformedFormError } from '../../src/errors';
import { readBody } from '../../src/http/rawBody';
import { TOKEN_KINDS, TOKEN_PARAM, WEBHOOK_PATHS, type GatherClaims, type TelnyxContext, type TexmlClaims } from './context';
import { checkTelnyxSignature, hasSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import {
  disclosedApology,
  disclosedTexml,
  TEXML_APOLOGY,
  TEXML_DIAL_REFUSED,
  texmlContinuationsThroughGateway,
  texmlGoodbye,
  texmlOptOutGoodbye,
} from './texmlDocs';
import { fetchedTexmlDialsAllowed } from './texmlDials';

const TEXML_BODY_LIMIT = 64 * 1024;
const PASSED_HEADERS = ['content-type', SIGNATURE_HEADER, TIMESTAMP_HEADER, 'user-agent'];

interface TexmlRequest {
  raw: string;
  params: FormParams;
  headers: Request['headers'];
}

function xml(res: Response, body: string): void {
  res.status(200).type('text/xml; charset=utf-8').send(body);
}

export function telnyxTexmlRouter(t: TelnyxContext): Router {
  const router = Router();
  router.all(WEBHOOK_PATHS.texml, async (req: Request, res: Response) => {
    const refuse = (status: number, why: string) => {
      if (status === 403) t.metrics.webhookSignatureFailures.inc({ carrier: 'telnyx' });
      t.logger.warn({ why }, 'telnyx texml request refused');
      res
        .status(status)
        .type('text/plain')
        .send(status === 403 ? 'forbidden' : why);
    };
    if (req.method !== 'POST' && req.method !== 'GET') return refuse(405, 'method not allowed');
    let raw = '';
    if (req.method === 'POST') {
      try {
        raw = (await readBody(req, TEXML_BODY_LIMIT)).toString('utf8');
      } catch (err) {
        if (err instanceof BodyTooLargeError) return refuse(413, 'body too large');
        throw err;
      }
    }
    if (hasSignature(req.headers)) {
      if (!t.publicKey) return refuse(403, 'signed request but TELNYX_PUBLIC_KEY is not configured');
      const check = checkTelnyxSignature(t.publicKey, req.headers, Buffer.from(raw, 'utf8'), t.ctx.clock.now());
      if (!check.ok) return refuse(403, check.why);
    }
    const url = new URL(req.originalUrl, 'http://placeholder');
    const token = url.searchParams.get(TOKEN_PARAM);
    let params: FormParams;
    try {
      params = req.method === 'GET' ? Object.fromEntries(url.searchParams) : isFormContentType(req.headers['content-type']) ? parseForm(raw).params : {};
    } catch (err) {
      if (err instanceof MalformedFormError) return refuse(400, err.message);
      throw err;
    }
    const request: TexmlRequest = { raw, params, headers: req.headers };
    const fetchClaims = t.signer.verify<TexmlClaims>(TOKEN_KINDS.texml, token);
    if (fetchClaims) return xml(res, await answerCall(t, request, fetchClaims));
    const gather = t.signer.verify<GatherClaims>(TOKEN_KINDS.gather, token);
    if (gather) return xml(res, await gatherAction(t, request, gather));
    refuse(403, 'gateway token missing, altered or expired');
  });
  return router;
}

async function appTexml(
  t: TelnyxContext,
  url: string,
  method: 'GET' | 'POST',
  request: TexmlRequest,
): Promise<{ ok: true; doc: TwimlDocument } | { ok: false; why: string }> {
  const headers: Record<string, string> = {};
  for (const h of PASSED_HEADERS) {
    const v = request.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const target = method === 'GET' && request.raw ? `${url}${url.includes('?') ? '&' : '?'}${request.raw}` : url;
  const answer = await callApplication(
    { url: target, method, headers, body: request.raw },
    { timeoutMs: t.appTimeoutMs, metrics: t.metrics, label: 'telnyx_app' },
  );
  if (!answer.ok) return { ok: false, why: answer.message };
  if (answer.body.trim() === '') return { ok: true, doc: responseOf([]) };
  try {
    return { ok: true, doc: parseTwiml(answer.body) };
  } catch (err) {
    return { ok: false, why: `application answered something that is not TeXML: ${(err as Error).message}` };
  }
}

async function answerCall(t: TelnyxContext, request: TexmlRequest, c: TexmlClaims): Promise<string> {
  const continuation: GatherClaims = {
    o: c.o,
    e: c.e,
    p: c.p,
    d: c.d,
    u: c.u,
    m: c.m,
    ...(c.pu ? { pu: c.pu } : {}),
    ...(c.ct ? { ct: c.ct } : {}),
    ...(c.sr ? { sr: c.sr } : {}),
  };
  const app = await appTexml(t, c.u, c.m, request);
  if (!app.ok) {
    t.logger.warn(
      { decision_id: c.d, call_sid: first(request.params, 'CallSid'), why: app.why },
      'telnyx texml: application TeXML unavailable; disclosure then hangup',
    );
    return c.s ? renderTwiml(disclosedApology(t, c.s, continuation)) : texmlGoodbye(TEXML_APOLOGY);
  }
  if (!(await fetchedTexmlDialsAllowed(t, request.params, c, app.doc))) {
    return c.s ? renderTwiml(disclosedApology(t, c.s, continuation, TEXML_DIAL_REFUSED)) : texmlGoodbye(TEXML_DIAL_REFUSED);
  }
  const doc = texmlContinuationsThroughGateway(t, app.doc, c, c.u).doc;
  // No script: a call that needs no disclosure, or a continuation of one that already had it.
  return renderTwiml(c.s ? disclosedTexml(t, doc, c.s, continuation) : doc);
}

async function gatherAction(t: TelnyxContext, request: TexmlRequest, c: GatherClaims): Promise<string> {
  const digits = first(request.params, 'Digits') ?? '';
  if (digits.includes(OPT_OUT_DIGIT)) {
    try {
      const outcome = await dtmf(t.ctx, { orgId: c.o, entity: c.e, phone: c.p }, digits);
      t.logger.info({ decision_id: c.d, phone: maskPhone(c.p), queued: outcome?.queued }, 'telnyx texml: DTMF opt-out');
    } catch (err) {
      // Neither stored nor queued. The call still ends as promised; operators must record this one by hand.
      t.logger.error({ decision_id: c.d, phone: maskPhone(c.p), err: (err as Error).message }, 'telnyx texml: DTMF opt-out could NOT be recorded');
    }
    return texmlOptOutGoodbye(c.e);
  }
  if (c.t !== undefined) return c.t;
  if (!c.u) return renderTwiml(responseOf([hangup()]));
  const app = await appTexml(t, c.u, c.m ?? 'POST', request);
  if (!app.ok) {
    t.logger.warn({ decision_id: c.d, why: app.why }, 'telnyx texml: application TeXML unavailable after the disclosure');
    return texmlGoodbye(TEXML_APOLOGY);
  }
  if (!(await fetchedTexmlDialsAllowed(t, request.params, c, app.doc))) return texmlGoodbye(TEXML_DIAL_REFUSED);
  return renderTwiml(texmlContinuationsThroughGateway(t, app.doc, c, c.u).doc);
}
