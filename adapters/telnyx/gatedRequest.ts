/**
 * How a gated Telnyx request is read, for the shared start
 * (`adapters/shared/gatedRequest.ts`): the API key is the account, the body
 * is JSON (TeXML: also a form), and the entity is named by number,
 * connection or messaging profile. A Telnyx request may name several
 * recipients, each decided on its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityLookup } from '../shared/entityDirectory';
import { startGatedRequest, type AllOutcome, type GatedRequest } from '../shared/gatedRequest';
import type { GatedDecision, GateOutcome } from '../shared/outboundGate';
import { telnyxKeyAccess } from './apiKeyAccess';
import type { TelnyxContext } from './context';
import { readGatedBody, type GatedBody } from './requestBody';
import { ambiguousRequest } from './requestShape';

/** Credentials, body and sender, or null with the refusal already sent. */
export function startGated(
  t: TelnyxContext,
  req: IncomingMessage,
  res: ServerResponse,
  lookupsOf: (body: GatedBody) => EntityLookup[],
  allowForm = false,
  gatedFields: readonly string[] = [],
): Promise<GatedRequest<GatedBody> | null> {
  return startGatedRequest(t, req, res, {
    access: () => telnyxKeyAccess(t, req.headers.authorization),
    async readBody() {
      const body = await readGatedBody(req, t.bodyLimitBytes, allowForm);
      if ('status' in body) return { ok: false, answer: body };
      const ambiguous = ambiguousRequest(req.url ?? '/', body, gatedFields);
      return ambiguous ? { ok: false, answer: ambiguous } : { ok: true, value: body };
    },
    lookupsOf,
  });
}

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
