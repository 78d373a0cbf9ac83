/**
 * What the engines do around a covered contact's count (Ledger.decideCall, and the covered part
 * of decideSend): hold the decider to its subject, and where the count is taken after the facts
 * were read (Redis), take it only if it is still the count the decision was made on, asking
 * again with the count met when it is not.
 */
import type { Decision } from '../domain/records';
import { LedgerUnavailableError } from '../errors';
import type { CallDecider, CoveredFacts } from './ledger';

/** The covered facts of a contact that is not a covered one: nothing read. */
export const NOT_COVERED: CoveredFacts = { coveredContactsInWindow: 0, emergencies: [] };

/**
 * Rounds of "count changed, ask again" before giving up. Each lost round means another contact
 * to the same phone from the same entity was counted meanwhile; a cap of a few per day is met in
 * fewer rounds than this, so running out means contention no cap explains: fail closed.
 */
export const MAX_COVERED_ROUNDS = 5;

/** A count taken on condition: counted, or not, with the count the store holds now. */
export type ConditionalCount = { counted: true } | { counted: false; count: number };

/** `decide`, held to the subject it was asked about: the decision is chained and counted on that subject. */
export function callDeciderFor(orgId: string, phone: string, decide: CallDecider): CallDecider {
  return (facts) => {
    const d = decide(facts);
    if (d.org_id !== orgId || d.phone !== phone) throw new Error(`a call decided for ${orgId}/${phone} was recorded for ${d.org_id}/${d.phone}`);
    return d;
  };
}

/**
 * Counts an allowed covered contact where the count is taken apart from the read: `count(expected)`
 * adds the contact only if the window still holds `expected`; otherwise `ask` decides again on the
 * count met, until the contact is counted or refused. Answers the facts and verdict that stand.
 */
export async function countCovered<F extends CoveredFacts, V>(
  facts: F,
  verdict: V,
  allows: (verdict: V) => boolean,
  ask: (facts: F) => V,
  count: (expected: number, verdict: V) => Promise<ConditionalCount>,
): Promise<{ facts: F; verdict: V }> {
  for (let round = 0; allows(verdict); round++) {
    if (round === MAX_COVERED_ROUNDS) throw new LedgerUnavailableError('the covered-contact count kept changing under the decision; not counted');
    const result = await count(facts.coveredContactsInWindow, verdict);
    if (result.counted) break;
    facts = { ...facts, coveredContactsInWindow: result.count };
    verdict = ask(facts);
  }
  return { facts, verdict };
}

export const allowsCall = (d: Decision): boolean => d.allowed;
