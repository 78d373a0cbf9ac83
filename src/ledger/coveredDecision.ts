/**
 * What the engines do around a covered contact's count (Ledger.decideCall, and the covered part
 * of decideSend) where the count is taken apart from the read (Redis): count under the cap the
 * decision names, in one step, and when racing contacts took the last unit meanwhile, ask the
 * decider again with the count at that cap.
 */
import type { CallDecider, CallVerdict, CoveredFacts } from './ledger';

/** The covered facts of a contact that is not a covered one: nothing read. */
export const NOT_COVERED: CoveredFacts = { coveredContactsInWindow: 0, emergencies: [] };

/** Counted, or refused with the count met. */
export type BoundedCount = { counted: true } | { counted: false; count: number };

/** `decide`, held to the subject it was asked about: the decision is chained and counted on that subject. */
export function callDeciderFor(orgId: string, phone: string, decide: CallDecider): CallDecider {
  return (facts) => {
    const verdict = decide(facts);
    const d = verdict.decision;
    if (d.org_id !== orgId || d.phone !== phone) throw new Error(`a call decided for ${orgId}/${phone} was recorded for ${d.org_id}/${d.phone}`);
    return verdict;
  };
}

/**
 * Counts an allowed covered contact where the count is taken after the read: `count(limit, verdict)`
 * adds it unless the window already holds `limit`, the cap the verdict names (`limitOf`; null: no
 * cap); refused, `ask` decides again with the count at the limit, and that refusal stands. Answers
 * the facts and verdict to store; the decider was last asked for that verdict (a decider may keep
 * what it answered last).
 */
export async function countCovered<F extends CoveredFacts, V>(
  facts: F,
  verdict: V,
  limitOf: (verdict: V) => number | null | undefined,
  ask: (facts: F) => V,
  count: (limit: number | null, verdict: V) => Promise<BoundedCount>,
): Promise<{ facts: F; verdict: V }> {
  // undefined: the verdict refuses the contact, and nothing is counted.
  const limit = limitOf(verdict);
  if (limit === undefined) return { facts, verdict };
  const result = await count(limit, verdict);
  if (result.counted) return { facts, verdict };
  const met: F = { ...facts, coveredContactsInWindow: Math.max(result.count, limit ?? 0) };
  const refused = ask(met);
  // Fail closed: a decider that allows at the count its limit refused is an error, and nothing is sent.
  if (limitOf(refused) !== undefined) throw new Error('a decision still allows the covered contact its count refused');
  return { facts: met, verdict: refused };
}

/** The cap an allowed call is counted under; undefined when the call is refused. */
export const callLimit = (v: CallVerdict): number | null | undefined => (v.decision.allowed ? v.coveredLimit : undefined);
