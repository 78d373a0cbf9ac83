/**
 * The steps every gated carrier request shares, whichever the carrier:
 * whose traffic it is, checked before the body is read (a request that is
 * not its account's to make spends no decision, no send under the daily cap
 * and no memory); the body; who is calling within that org (`X-Consent-*`
 * headers, then the configured entity); and, once the gate has spoken,
 * either the refusal in the carrier's words or the allowed request forwarded
 * upstream. Nothing is forwarded unless a decision allowed it and was stored.
 *
 * Each carrier supplies its dialect: how it checks credentials, how it reads
 * (and refuses) a body, where it names the entity, and how it spells a
 * refusal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../src/observability/logger';
import type { Metrics } from '../../src/observability/metrics';
import { sendAnswer, type AccountAccess, type CarrierDialect, type GatedKind, type HttpAnswer } from './carrier';
import { readConsentHeaders } from './consentHeaders';
import type { EntityDirectory, EntityLookup } from './entityDirectory';
import { forward, type UpstreamTarget } from './forward';
import { resolveSender, type GatedDecision, type GateOutcome, type ResolvedSender } from './outboundGate';
import { acceptedTargetOf } from './requestPath';

/** What a carrier adapter's context holds that the shared steps use. */
export interface CarrierLink {
  /** `twilio`, `telnyx`: how the log names the carrier. */
  name: string;
  dialect: CarrierDialect;
  directory: EntityDirectory;
  logger: Logger;
  metrics: Metrics;
  api: UpstreamTarget;
}

/** A step that either yields its value or has an answer for the client instead. */
export type Step<T> = { ok: true; value: T } | { ok: false; answer: HttpAnswer };

/** How one gated request of one carrier is read. */
export interface GatedRequestReading<B> {
  /** Whose traffic the request is, from its path and credentials alone. */
  access(): AccountAccess;
  /** The body, refused when it cannot be read or names a gated field twice or in the query. */
  readBody(): Promise<Step<B>>;
  /** Where the body names the entity, in order of preference. */
  lookupsOf(body: B): EntityLookup[];
}

export interface GatedRequest<B> {
  orgId: string;
  body: B;
  sender: ResolvedSender;
}

/** The org and the body, or null with the refusal already sent. */
export async function readGatedRequest<B>(
  res: ServerResponse,
  reading: Pick<GatedRequestReading<B>, 'access' | 'readBody'>,
): Promise<{ orgId: string; body: B } | null> {
  const access = reading.access();
  if (!access.ok) return refuse(res, access.answer);
  const body = await reading.readBody();
  if (!body.ok) return refuse(res, body.answer);
  return { orgId: access.orgId, body: body.value };
}

/** Who is calling within the org: the `X-Consent-*` headers, else the first lookup the directory knows. */
export function senderOf(c: CarrierLink, req: IncomingMessage, orgId: string, lookups: EntityLookup[]): Step<ResolvedSender> {
  const headers = readConsentHeaders(req.headers);
  if (!headers.ok) return { ok: false, answer: c.dialect.invalid(headers.message, headers.header) };
  const resolved = resolveSender(c.directory, orgId, headers.overrides, lookups);
  if (resolved.ok) return { ok: true, value: resolved.sender };
  const answer =
    resolved.refusal === 'invalid' ? c.dialect.invalid(resolved.message, 'X-Consent-Entity') : c.dialect.forbidden(resolved.refusal, resolved.message);
  return { ok: false, answer };
}

/** Start a gated request: org, body and sender, or null with the refusal already sent. */
export async function startGatedRequest<B>(
  c: CarrierLink,
  req: IncomingMessage,
  res: ServerResponse,
  reading: GatedRequestReading<B>,
): Promise<GatedRequest<B> | null> {
  const read = await readGatedRequest(res, reading);
  if (!read) return null;
  const sender = senderOf(c, req, read.orgId, reading.lookupsOf(read.body));
  if (!sender.ok) return refuse(res, sender.answer);
  return { ...read, sender: sender.value };
}

function refuse(res: ServerResponse, answer: HttpAnswer): null {
  sendAnswer(res, answer);
  return null;
}

/** An outcome the gate did not allow, with the recipient it was about when the request named several. */
export type Refused<D extends GatedDecision> = Exclude<GateOutcome<D>, { kind: 'allowed' }> & { to?: string };

/** Several recipients (a dial ringing several numbers, a group text, a document's dials): all allowed, or the first that was not. */
export type AllOutcome<D extends GatedDecision> = { kind: 'allowed'; decisions: D[] } | Refused<D>;

/** The refusal for an outcome that is not `allowed`, in the carrier's dialect; `from` is our number, when the request named one. */
export function refusalOf<D extends GatedDecision>(c: CarrierLink, kind: GatedKind, outcome: Refused<D>, from?: string): HttpAnswer {
  switch (outcome.kind) {
    case 'invalid':
      return c.dialect.invalid(outcome.message, outcome.field, outcome.problem);
    case 'unavailable':
      c.logger.error({ kind, err: outcome.message }, `${c.name}: consent store unavailable; request refused`);
      return c.dialect.unavailable();
    case 'blocked':
      return c.dialect.blocked(kind, outcome.decision, { from, to: outcome.to });
  }
}

/** Forward an allowed request upstream, to the path the router accepted; the decisions are named if the carrier does not answer. */
export function forwardAllowed(c: CarrierLink, req: IncomingMessage, res: ServerResponse, body: Buffer, decisionIds: string[]): Promise<void> {
  return forward(c.api, { method: 'POST', target: acceptedTargetOf(req), headers: req.headers, body }, res, c.metrics, (failure) => {
    c.logger.warn({ decision_ids: decisionIds, failure: failure.kind, err: failure.message }, `${c.name}: upstream failed after an allowed decision`);
    sendAnswer(res, c.dialect.upstreamFailed(failure, { decision_id: decisionIds.join(',') }));
  });
}
