/**
 * A check chain is a list of small named checks run in order; the first that
 * blocks is the reason. Checks are pure: everything they
 * need is in the facts, gathered beforehand by the gate in one ledger read.
 */
export interface Block<R extends string> {
  reason: R;
  /** Reason-specific response fields (`revoked_at`, `next_allowed_at`, …). */
  fields?: Record<string, unknown>;
}

export interface Check<F, R extends string> {
  name: R;
  run(facts: F): Block<R> | null;
}

export function runChain<F, R extends string>(checks: readonly Check<F, R>[], facts: F): Block<R> | null {
  for (const check of checks) {
    const block = check.run(facts);
    if (block) return block;
  }
  return null;
}
