/**
 * Everything the org holds about one phone number, in one answer: its consents, its opt-outs (and
 * whether another org's network-wide opt-out covers the number), its decisions, and whether its
 * audit chain still verifies — what a compliance officer asks about one consumer. Each record comes
 * with the link to its evidence certificate (signed, when the gateway signs links, so a browser
 * opens it without a key).
 *
 * Another org's records are never part of it: of a network-wide opt-out recorded by someone else,
 * only the dates are told, because it blocks this org's contacts too.
 */
import type { ApiKey, Consent, Decision, Revocation } from '../domain/records';
import type { ApiScope } from '../domain/vocabulary';
import { verifyChain } from '../ledger/auditChain';
import { evidenceUrl, type GateContext } from './context';

/** How many of the number's consents and decisions one answer holds; the decision listing pages on from there. */
export const NUMBER_RECORD_LIMIT = 100;

type WithEvidence<T> = T & { evidence_url: string };

export interface NumberRecord {
  phone: string;
  /** Null when the key may not read consents (it lacks `consent:read`). */
  consents: WithEvidence<Consent>[] | null;
  revocations: WithEvidence<Revocation>[];
  network_opt_outs: { captured_at: string; honor_by_date: string }[];
  decisions: { data: WithEvidence<Decision>[]; next_cursor: string | null };
  chain: { verified: boolean; length: number; head: string | null; first_broken_seq: number | null };
}

const may = (key: ApiKey, scope: ApiScope) => key.scopes.includes(scope) || key.scopes.includes('admin');

export async function numberRecord(ctx: GateContext, key: ApiKey, phone: string): Promise<NumberRecord> {
  const orgId = key.org_id;
  const withLink = <T extends { id: string }>(r: T): WithEvidence<T> => ({ ...r, evidence_url: evidenceUrl(ctx, r.id, orgId) });
  const [consents, facts, decisions, trail] = await Promise.all([
    may(key, 'consent:read') ? ctx.ledger.listConsents(orgId, { phone, limit: NUMBER_RECORD_LIMIT }) : null,
    ctx.ledger.contactFacts(orgId, phone),
    ctx.ledger.listDecisions(orgId, { phone, limit: NUMBER_RECORD_LIMIT }),
    ctx.ledger.auditTrail(orgId, phone),
  ]);
  const verdict = verifyChain(trail);
  return {
    phone,
    consents: consents ? consents.items.map(withLink) : null,
    revocations: facts.revocations.filter((r) => r.org_id === orgId).map(withLink),
    network_opt_outs: facts.revocations.filter((r) => r.org_id !== orgId).map((r) => ({ captured_at: r.captured_at, honor_by_date: r.honor_by_date })),
    decisions: { data: decisions.items.map(withLink), next_cursor: decisions.next_cursor },
    chain: verdict.ok
      ? { verified: true, length: verdict.length, head: verdict.length ? verdict.head : null, first_broken_seq: null }
      : { verified: false, length: trail.length, head: null, first_broken_seq: verdict.seq },
  };
}
