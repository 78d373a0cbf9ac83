/**
 * What the engines do around a covered contact's count (Ledger.decideCall, and the covered part
 * of decideSend) where the count is taken apart from the read (Redis): find the limit the decider
 * holds the count to, count under it in one step, and when racing contacts took the last unit
 * meanwhile, ask the decider again with the count at that limit.
 */
import type { Decision } from '../domain/records';
import type { CallDecider, CoveredFacts } from './ledger';

/** The covered facts of a contact that is not a covered one: nothing read. */
export const NOT_COVERED: CoveredFacts = { coveredContactsInWindow: 0, emergencies: [] };

/** Counted, or refused with the count met. */
export type BoundedCount = { counted: true } | { counted: false; count: number };

/** A count far above any cap a law sets: a contact still allowed there has no cap on its count. */
const UNCAPPED_PROBE = 1_000_000;

/** `decide`, held to the subject it was asked about: the decision is chained and counted on that subject. */
export function callDeciderFor(orgId: string, phone: string, decide: CallDecider): CallDecider {
  return (facts) => {
    const d = decide(facts);
    if (d.org_id !== orgId || d.phone !== phone) throw new Error(`a call decided for ${orgId}/${phone} was recorded for ${d.org_id}/${d.phone}`);
    return d;
  };
}

/**
 * The count at which `ask` stops allowing the contact, the other facts unchanged: null when it
 * never does (no cap applies to this contact). The decider names no limit, it only answers; the
 * limit is found by asking (a cap of a few per day takes a few asks, each a run of the pure chain),
 * doubling then halving, as a refusal at a count holds for every count above it.
 */
export function coveredLimit<F extends CoveredFacts, V>(facts: F, ask: (facts: F) => V, allows: (verdict: V) => boolean): number | null {
  const allowsAt = (n: number) => allows(ask({ ...facts, coveredContactsInWindow: n }));
  if (allowsAt(UNCAPPED_PROBE)) return null;
  let allowed = facts.coveredContactsInWindow;
  let step = 1;
  while (allowsAt(allowed + step)) {
    allowed += step;
    step *= 2;
  }
  let refused = allowed + step;
  while (refused - allowed > 1) {
    const mid = Math.floor((allowed + refused) / 2);
    if (allowsAt(mid)) allowed = mid;
    else refused = mid;
  }
  return refused;
}

/**
 * Counts an allowed covered contact where the count is taken after the read: `count(limit, verdict)`
 * adds it unless the window already holds `limit` (null: no cap); refused, `ask` decides again with
 * the count at the limit, and that refusal stands. Answers the facts and verdict to store, and the
 * decider is last asked for that verdict (a decider may keep what it answered last).
 */
export async function countCovered<F extends CoveredFacts, V>(
  facts: F,
  verdict: V,
  allows: (verdict: V) => boolean,
  ask: (facts: F) => V,
  count: (limit: number | null, verdict: V) => Promise<BoundedCount>,
): Promise<{ facts: F; verdict: V }> {
  if (!allows(verdict)) return { facts, verdict };
  const limit = coveredLimit(facts, ask, allows);
  verdict = ask(facts);
  const result = await count(limit, verdict);
  if (result.counted) return { facts, verdict };
  const met: F = { ...facts, coveredContactsInWindow: Math.max(result.count, limit ?? 0) };
  const refused = ask(met);
  // Fail closed: a decider that allows at the count its limit refused is an error, and nothing is sent.
  if (allows(refused)) throw new Error('a decision still allows the covered contact its count refused');
  return { facts: met, verdict: refused };
}

export const allowsCall = (d: Decision): boolean => d.allowed;
