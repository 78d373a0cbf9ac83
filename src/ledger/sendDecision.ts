/**
 * What both engines do around a pre-send's count (Ledger.decideSend): hold
 * the decider to the subject, see whether a count refuses the send, and when
 * it does, ask the decider again on the count it met.
 */
import type { Decision } from '../domain/records';
import type { SendDecider, SendFacts, SendVerdict } from './ledger';

type Limits = NonNullable<SendVerdict['limits']>;
export type Refusal = 'quota_exceeded' | 'frequency_cap';

/**
 * The limit one more send would pass, or null when it fits under both. The org's quota is
 * reported before the number's cap, in the pre-send chain's order (domain/checks/presend.ts).
 */
export function limitReached(counts: { sentToday: number; sentThisMonth: number }, limits: Limits): Refusal | null {
  if (limits.monthlyQuota !== null && counts.sentThisMonth >= limits.monthlyQuota) return 'quota_exceeded';
  if (counts.sentToday >= limits.dailyCap) return 'frequency_cap';
  return null;
}

/**
 * `decide`, held to the subject it was asked about: the send is counted on that subject's chain
 * head, so a decision stored for another would split the two.
 */
export function deciderFor(orgId: string, phone: string, decide: SendDecider): SendDecider {
  return (facts) => {
    const verdict = decide(facts);
    const d = verdict.decision;
    if (d.org_id !== orgId || d.phone !== phone) throw new Error(`a send decided for ${orgId}/${phone} was recorded for ${d.org_id}/${d.phone}`);
    return verdict;
  };
}

/**
 * The decision to store when the count refused a send `decide` allowed (racing senders took the
 * last unit after the facts were read): `decide` again, with the count at the limit it met, so
 * the refusal carries the chain's own reason and fields. Fail closed: a decider that still
 * allows is an error, and the text is not sent.
 */
export function refusedDecision(decide: SendDecider, facts: SendFacts, refusal: Refusal, limits: Limits): Decision {
  const again = decide({
    ...facts,
    sentThisMonth: refusal === 'quota_exceeded' ? Math.max(facts.sentThisMonth, limits.monthlyQuota ?? 0) : facts.sentThisMonth,
    sentToday: refusal === 'frequency_cap' ? Math.max(facts.sentToday, limits.dailyCap) : facts.sentToday,
  });
  if (again.limits) throw new Error(`a pre-send decision still allows the text its count refused (${refusal})`);
  return again.decision;
}
