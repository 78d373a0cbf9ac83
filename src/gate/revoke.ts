/**
 * POST /v1/revoke as a use case: an opt-out, committed durably before it is
 * acknowledged. Every path that detects an opt-out (carrier webhooks, the
 * agent stream, DTMF, the API) ends here.
 *
 * "The same revocation" is the same phone, entity and scope while
 * no newer consent has been recorded for that entity: repeating it — a client
 * retrying, a consumer saying "stop" three times — returns the first record
 * with its original honor-by date. A fresh consent starts a new epoch, so a
 * later opt-out is a new revocation.
 */
import { newId } from '../domain/ids';
import type { Revocation } from '../domain/records';
import { honorByDate } from '../domain/time/honorBy';
import { captureTimeProblem } from '../domain/time/plausibleTimes';
import { isForEntity } from '../domain/checks/consentRules';
import { entityKey, type RevocationScope, type RevocationTrigger } from '../domain/vocabulary';
import { validationError } from '../errors';
import { evidenceUrl, isoSeconds, type GateContext } from './context';

export interface RevokeInput {
  orgId: string;
  phone: string;
  calling_entity: string;
  trigger: RevocationTrigger;
  captured_at?: Date;
  audio_segment_url?: string;
  transcript?: string;
  scope?: RevocationScope;
}

export interface RevokeResponse {
  revoked: true;
  revocation_id: string;
  honor_by_date: string;
  propagated_to_network: boolean;
  evidence_url: string;
  future_calls_blocked: true;
  /** False when this repeated an opt-out already on record. */
  created: boolean;
}

export async function revoke(ctx: GateContext, input: RevokeInput): Promise<RevokeResponse> {
  const now = ctx.clock.now();
  const capturedAt = input.captured_at ?? now;
  const badCapture = captureTimeProblem(capturedAt, now);
  if (badCapture) throw validationError({ captured_at: badCapture });
  const scope = input.scope ?? 'entity_only';
  const { consents } = await ctx.ledger.contactFacts(input.orgId, input.phone);
  // The epoch is when the newest consent was recorded, not the capture time it claims: a consent
  // dated ahead would otherwise hold the epoch still, and the opt-out after a real re-consent would
  // repeat the first one, which that re-consent lifted.
  const epoch = consents
    .filter((c) => c.status !== 'opted_out' && (scope === 'all' || isForEntity(c, input.calling_entity)))
    // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compare as strings; Math.max would make them NaN
    .reduce((max, c) => (c.created_at > max ? c.created_at : max), '');
  const revocation: Revocation = {
    id: newId('rev'),
    org_id: input.orgId,
    phone: input.phone,
    calling_entity: scope === 'all' ? null : input.calling_entity.trim(),
    scope,
    trigger: input.trigger,
    captured_at: isoSeconds(capturedAt),
    honor_by_date: isoSeconds(honorByDate(capturedAt)),
    transcript: input.transcript ?? null,
    audio_segment_url: input.audio_segment_url ?? null,
    origin: 'local',
    dedupe_key: [input.phone, scope, scope === 'all' ? '*' : entityKey(input.calling_entity), epoch].join('|'),
    created_at: now.toISOString(),
  };
  const { revocation: stored, created } = await ctx.ledger.recordRevocation(revocation);
  ctx.observer.revocation?.(input.trigger, created);
  return {
    revoked: true,
    revocation_id: stored.id,
    honor_by_date: stored.honor_by_date,
    propagated_to_network: stored.scope === 'all',
    evidence_url: evidenceUrl(ctx, stored.id, stored.org_id),
    future_calls_blocked: true,
    created,
  };
}
