/**
 * A check chain is a list of small named checks run in order; the first that
 * blocks is the reason. Checks are pure: everything they
 * need is in the facts, gathered beforehand by the gate in one ledger read.
 * `B` is the chain's union of blocks (see `blocks.ts`): a check returns a
 * reason together with exactly the fields that reason carries.
 */
export interface Block<R extends string = string> {
  reason: R;
  /** Reason-specific response fields (`revoked_at`, `next_allowed_at`, …). */
  fields: object;
}

export interface Check<F, B extends Block> {
  name: B['reason'];
  run(facts: F): B | null;
}

export function runChain<F, B extends Block>(checks: readonly Check<F, B>[], facts: F): B | null {
  for (const check of checks) {
    const block = check.run(facts);
    if (block) return block;
  }
  return null;
}
