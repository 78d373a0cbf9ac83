/**
 * Whether one stored audit chain still holds: every entry follows the one
 * before it, and the head the store records is the newest entry. `audit verify`
 * runs this over every chain so tampering is found without waiting for
 * someone to open the evidence of the record that was changed.
 */
import type { AuditEntry } from '../domain/records';
import { verifyChain } from '../ledger/auditChain';

export interface ChainProblem {
  org_id: string;
  phone: string;
  seq: number;
  ref_id: string | null;
  kind: string | null;
  why: string;
}

/** One chain's verdict: the first entry that does not follow, or a head that is not the newest entry (entries cut off the end). */
export function checkChain(orgId: string, phone: string, head: string, trail: AuditEntry[]): ChainProblem | null {
  const verdict = verifyChain(trail);
  if (!verdict.ok) {
    const e = trail[verdict.brokenAt];
    return { org_id: orgId, phone, seq: verdict.seq, ref_id: e.ref_id, kind: e.kind, why: verdict.why };
  }
  if (verdict.head !== head) {
    const last = trail.at(-1);
    return {
      org_id: orgId,
      phone,
      seq: last?.seq ?? 0,
      ref_id: last?.ref_id ?? null,
      kind: last?.kind ?? null,
      why: 'the chain head is not the newest entry (entries removed from the end?)',
    };
  }
  return null;
}
