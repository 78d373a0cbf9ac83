/**
 * Consent capture, double opt-in confirmation and opt-out.
 *
 * Capture is idempotent on the consent's content (phone, entity, type,
 * scope, AI flag, capture time): the same consent posted or imported twice is
 * one record. An opt-out of a consent record (DELETE, /revoke) also records a
 * revocation for that entity, so the consumer's "no" blocks every consent of
 * that entity and carries its FCC honor-by date — and repeating it writes
 * nothing new.
 */
import { hash } from 'node:crypto';
import { newId } from '../domain/ids';
import { captureTimeProblem } from '../domain/time/plausibleTimes';
import type { Consent, Evidence } from '../domain/records';
import { entityKey, type ConsentType, type ScopeValue } from '../domain/vocabulary';
import { notFound, validationError } from '../errors';
import type { GateContext } from './context';
import { isoInstant, isoSeconds } from './context';
import { revoke } from './revoke';

export interface CaptureInput {
  orgId: string;
  phone: string;
  calling_entity: string;
  type: ConsentType;
  scope: ScopeValue[];
  ai_specific_consent: boolean;
  captured_at: Date;
  expires_at?: Date;
  double_opt_in?: boolean;
  evidence?: Evidence;
  /** Where the consumer lives: a two-letter US state or territory code. */
  address_state?: string;
  /** Where the capture came from: `api`, `import`, `sms_keyword`… */
  source?: string;
}

export function buildConsent(ctx: Pick<GateContext, 'clock'>, input: CaptureInput): Consent {
  const clockNow = ctx.clock.now();
  // The capture time is the sender's claim: one ahead of our clock (beyond skew) or before 1970 is refused, whichever way the consent came in.
  const badCapture = captureTimeProblem(input.captured_at, clockNow);
  if (badCapture) throw validationError({ captured_at: badCapture });
  const now = isoInstant(clockNow);
  if (input.expires_at && input.expires_at <= input.captured_at) {
    throw validationError({ expires_at: 'must be after captured_at' });
  }
  const scope = [...new Set(input.scope)].sort() as ScopeValue[];
  const capturedAt = isoSeconds(input.captured_at);
  const dedupe = hash(
    'sha256',
    `${input.phone}\n${entityKey(input.calling_entity)}\n${input.type}\n${scope.join('|')}\n${input.ai_specific_consent}\n${capturedAt}`,
  );
  const pending = input.double_opt_in === true;
  return {
    id: newId('cst'),
    org_id: input.orgId,
    phone: input.phone,
    calling_entity: input.calling_entity.trim(),
    type: input.type,
    scope,
    ai_specific_consent: input.ai_specific_consent,
    captured_at: capturedAt,
    expires_at: input.expires_at ? isoSeconds(input.expires_at) : null,
    status: pending ? 'pending' : 'active',
    double_opt_in: pending,
    confirmed_at: null,
    opted_out_at: null,
    opt_out_source: null,
    evidence: input.evidence ?? {},
    address_state: input.address_state ?? null,
    dedupe_key: dedupe,
    created_at: now,
    updated_at: now,
    history: [{ event: 'captured', at: now, source: input.source ?? 'api' }],
  };
}

export async function captureConsent(ctx: GateContext, input: CaptureInput): Promise<{ consent: Consent; created: boolean }> {
  return ctx.ledger.captureConsent(buildConsent(ctx, input));
}

export async function getConsent(ctx: GateContext, orgId: string, id: string): Promise<Consent> {
  const consent = await ctx.ledger.getConsent(orgId, id);
  if (!consent) throw notFound();
  return consent;
}

export async function confirmConsent(ctx: GateContext, orgId: string, id: string): Promise<Consent> {
  const current = await getConsent(ctx, orgId, id);
  if (current.status === 'opted_out') throw validationError({ id: 'consent was opted out; capture a new consent instead' });
  const result = await ctx.ledger.changeConsentStatus(orgId, id, { to: 'active', at: ctx.clock.now().toISOString(), source: 'api', event: 'confirmed' });
  if (!result) throw notFound();
  return result.consent;
}

export async function optOutConsent(ctx: GateContext, orgId: string, id: string, source = 'api'): Promise<Consent> {
  const current = await getConsent(ctx, orgId, id);
  if (current.status === 'opted_out') return current;
  const at = ctx.clock.now();
  // The revocation first: if the store fails between the two writes, the
  // consumer is blocked (fail closed) and a retry completes the record.
  await revoke(ctx, { orgId, phone: current.phone, calling_entity: current.calling_entity, trigger: 'manual', captured_at: at });
  const result = await ctx.ledger.changeConsentStatus(orgId, id, { to: 'opted_out', at: at.toISOString(), source, event: 'opted_out' });
  if (!result) throw notFound();
  return result.consent;
}

/** The API's view of a consent: the record plus the fields integrators read from it (`opted_in`, `contact_number`, `source`). */
export function consentView(c: Consent, evidenceUrl: string): Record<string, unknown> {
  return {
    consent_id: c.id,
    id: c.id,
    org_id: c.org_id,
    phone: c.phone,
    contact_number: c.phone,
    calling_entity: c.calling_entity,
    type: c.type,
    scope: c.scope,
    ai_specific_consent: c.ai_specific_consent,
    status: c.status,
    opted_in: c.status === 'active',
    opted_in_at: c.status === 'pending' ? null : (c.confirmed_at ?? c.captured_at),
    opted_out_at: c.opted_out_at,
    source: c.opt_out_source ?? c.history[0]?.source ?? 'api',
    captured_at: c.captured_at,
    expires_at: c.expires_at,
    double_opt_in: c.double_opt_in,
    confirmed_at: c.confirmed_at,
    evidence: c.evidence,
    address_state: c.address_state ?? null,
    evidence_url: evidenceUrl,
    history: c.history,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
