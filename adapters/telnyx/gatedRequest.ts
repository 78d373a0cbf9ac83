/**
 * The steps every gated Telnyx request shares — credentials and the org
 * they map to, body, who is calling within that org (`X-Consent-*` headers,
 * then the configured entity by number, connection or messaging profile),
 * one decision per recipient — so each
 * endpoint only says which fields it reads and what it does when allowed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAnswer, type GatedKind, type HttpAnswer } from '../shared/carrier';
import { readConsentHeaders } from '../shared/consentHeaders';
import type { EntityLookup } from '../shared/entityDirectory';
import { forward } from '../shared/forward';
import { acceptedTargetOf } from '../shared/requestPath';
import { resolveSender, type GatedDecision, type GateOutcome, type ResolvedSender } from '../shared/outboundGate';
import { telnyxKeyAccess } from './apiKeyAccess';
import type { TelnyxContext } from './context';
import { blockedAnswer, telnyxDialect } from './errors';
import { readGatedBody, type GatedBody } from './requestBody';
import { ambiguousRequest } from './requestShape';

export interface GatedStart {
  body: GatedBody;
  sender: ResolvedSender;
}

/** Credentials, body and sender, or the refusal already sent. */
export async function startGated(
  t: TelnyxContext,
  req: IncomingMessage,
  res: ServerResponse,
  lookupsOf: (body: GatedBody) => EntityLookup[],
  allowForm = false,
  gatedFields: readonly string[] = [],
): Promise<GatedStart | null> {
  // Before the body is read: a key that maps to no org spends no decision, no daily cap, no memory.
  const access = telnyxKeyAccess(t, req.headers.authorization);
  if (!access.ok) {
    sendAnswer(res, access.answer);
    return null;
  }
  const body = await readGatedBody(req, t.bodyLimitBytes, allowForm);
  if ('status' in body) {
    sendAnswer(res, body);
    return null;
  }
  const ambiguous = ambiguousRequest(req.url ?? '/', body, gatedFields);
  if (ambiguous) {
    sendAnswer(res, ambiguous);
    return null;
  }
  const headers = readConsentHeaders(req.headers);
  if (!headers.ok) {
    sendAnswer(res, telnyxDialect.invalid(headers.message, headers.header));
    return null;
  }
  const resolved = resolveSender(t.directory, access.orgId, headers.overrides, lookupsOf(body));
  if (!resolved.ok) {
    sendAnswer(res, resolved.refusal === 'invalid' ? telnyxDialect.invalid(resolved.message, 'X-Consent-Entity') : telnyxDialect.forbidden(resolved.refusal, resolved.message));
    return null;
  }
  return { body, sender: resolved.sender };
}

export type AllOutcome<D extends GatedDecision> = { kind: 'allowed'; decisions: D[] } | (Exclude<GateOutcome<D>, { kind: 'allowed' }> & { to: string });

/**
 * One decision per recipient, in order; the first that is not allowed
 * decides for the whole request (a dial ringing several numbers, a group
 * MMS: none of it may go to someone who may not be contacted).
 */
export async function gateEach<D extends GatedDecision>(tos: readonly string[], gate: (to: string) => Promise<GateOutcome<D>>): Promise<AllOutcome<D>> {
  const decisions: D[] = [];
  for (const to of tos) {
    const outcome = await gate(to);
    if (outcome.kind !== 'allowed') return { ...outcome, to };
    decisions.push(outcome.decision);
  }
  return { kind: 'allowed', decisions };
}

/** The refusal for an outcome that is not `allowed`, in Telnyx's dialect. */
export function refusalOf<D extends GatedDecision>(t: TelnyxContext, kind: GatedKind, outcome: Exclude<AllOutcome<D>, { kind: 'allowed' }>, from?: string): HttpAnswer {
  switch (outcome.kind) {
    case 'invalid':
      return telnyxDialect.invalid(outcome.message, outcome.field, outcome.problem);
    case 'unavailable':
      t.logger.error({ kind, err: outcome.message }, 'telnyx: consent store unavailable; request refused');
      return telnyxDialect.unavailable();
    case 'blocked':
      return blockedAnswer(kind, outcome.decision, { from, to: outcome.to });
  }
}

/** Forward an allowed request upstream (the body as read, or as amended). */
export function forwardAllowed(t: TelnyxContext, req: IncomingMessage, res: ServerResponse, body: GatedBody, decisionIds: string[]): Promise<void> {
  return forward(t.api, { method: 'POST', target: acceptedTargetOf(req), headers: req.headers, body: body.bytes() }, res, t.metrics, (failure) => {
    t.logger.warn({ decision_ids: decisionIds, failure: failure.kind, err: failure.message }, 'telnyx: upstream failed after an allowed decision');
    sendAnswer(res, telnyxDialect.upstreamFailed(failure, { decision_id: decisionIds.join(',') }));
  });
}
