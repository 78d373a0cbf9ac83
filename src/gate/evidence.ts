/**
 * GET /v1/evidence/{id}: the record, its history, and the integrity proof —
 * the subject's hash chain re-verified now, the record's own audit entries,
 * and whether the record's personal data still matches the digest the chain
 * committed to (it will not after the retention job erased it, which is
 * reported, not hidden).
 */
import { foldCallRecord, type CallRecord } from '../domain/calls/record';
import type { AuditEntry, Consent, Decision, Revocation } from '../domain/records';
import { callEventBody, consentBody, decisionBody, revocationBody, verifyChain, type AuditBody } from '../ledger/auditChain';
import { canonicalJson } from '../ledger/canonicalJson';
import { notFound } from '../errors';
import type { GateContext } from './context';

export type EvidenceRecord =
  | { type: 'consent'; record: Consent }
  | { type: 'revocation'; record: Revocation }
  | { type: 'decision'; record: Decision }
  | { type: 'call'; record: CallRecord; bodies: AuditBody[] };

export interface Evidence {
  id: string;
  type: EvidenceRecord['type'];
  record: Consent | Revocation | Decision | CallRecord;
  history: AuditEntry[];
  integrity: {
    algorithm: 'sha256-chain';
    chain_verified: boolean;
    chain_length: number;
    chain_head: string | null;
    first_broken_seq: number | null;
    record_matches_chain: boolean;
    entries: { seq: number; kind: string; at: string; prev_hash: string; hash: string }[];
  };
}

async function findRecord(ctx: GateContext, orgId: string, id: string): Promise<EvidenceRecord | null> {
  if (id.startsWith('cst_')) {
    const record = await ctx.ledger.getConsent(orgId, id);
    return record && { type: 'consent', record };
  }
  if (id.startsWith('rev_')) {
    const record = await ctx.ledger.getRevocation(orgId, id);
    return record && { type: 'revocation', record };
  }
  if (id.startsWith('dec_')) {
    const record = await ctx.ledger.getDecision(orgId, id);
    return record && { type: 'decision', record };
  }
  // A call by our id (`call_…`) or the carrier's: each of its events is an entry on the chain.
  const call = await ctx.ledger.callEvents(orgId, id);
  const record = call && foldCallRecord(call.events);
  return record && { type: 'call', record, bodies: call.events.map(callEventBody) };
}

/** Every event of the call is on the chain, body for body (an event whose data was altered, or an entry removed, is not). */
function callMatches(own: AuditEntry[], bodies: AuditBody[]): boolean {
  const onChain = new Set(own.map((e) => canonicalJson(e.body)));
  return bodies.length > 0 && bodies.every((b) => onChain.has(canonicalJson(b)));
}

function bodyOf(found: Exclude<EvidenceRecord, { type: 'call' }>): AuditBody {
  if (found.type === 'consent') return consentBody(found.record);
  if (found.type === 'revocation') return revocationBody(found.record);
  return decisionBody(found.record);
}

export async function evidence(ctx: GateContext, orgId: string, id: string): Promise<Evidence> {
  const found = await findRecord(ctx, orgId, id);
  if (!found) throw notFound();
  const trail = await ctx.ledger.auditTrail(orgId, found.record.phone);
  const verdict = verifyChain(trail);
  const refId = found.record.id;
  const own = trail.filter((e) => e.ref_id === refId);
  return {
    id: refId,
    type: found.type,
    record: found.record,
    history: own,
    integrity: {
      algorithm: 'sha256-chain',
      chain_verified: verdict.ok,
      chain_length: trail.length,
      chain_head: verdict.ok ? verdict.head || null : null,
      first_broken_seq: verdict.ok ? null : verdict.seq,
      record_matches_chain: found.type === 'call' ? callMatches(own, found.bodies) : recordMatchesChain(own, found),
      entries: own.map((e) => ({ seq: e.seq, kind: e.kind, at: e.at, prev_hash: e.prev_hash, hash: e.hash })),
    },
  };
}

function recordMatchesChain(own: AuditEntry[], found: Exclude<EvidenceRecord, { type: 'call' }>): boolean {
  const first = own.find((e) => e.kind === found.type);
  const expected = bodyOf(found);
  // The consent's first entry committed to the record as captured; status changes are later entries.
  return (
    !!first &&
    first.body.personal_digest === expected.personal_digest &&
    (expected.kind !== 'consent' || (first.body.kind === 'consent' && first.body.facts.type === expected.facts.type))
  );
}
