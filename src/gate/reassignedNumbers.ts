/**
 * The reassigned-number check as the precall and pre-send use cases make it.
 *
 * The check depends on the consent the decision relies on, which is known
 * only inside the ledger's decision step (Ledger.decideCall / decideSend);
 * that step cannot wait for a network answer, and a Lookup must never run
 * inside a store transaction. So:
 * 1. Before the step, the gate learns cheaply whether any source could
 *    answer for this org: Twilio Lookup configured, or imported RND results
 *    (remembered per org for a second).
 * 2. Inside the step, a decision that allows the contact on a consent older
 *    than REASSIGNED_CHECK_AFTER_DAYS looks up the answer for that consent's
 *    date among those already fetched; when it has none, it stops the step
 *    (ReassignedAnswerNeeded: nothing is stored or counted).
 * 3. Outside any transaction, the gate finds the answer (the org's imported
 *    results, else the cached answer, else the provider within its time
 *    limit, then cached) and runs the step again with it.
 * A contact whose consent is young, or that is refused anyway, or that no
 * source covers, takes step 2 once and never pays for 3.
 */
import { checkReassigned, type ReassignedAnswer, type ReassignedOutcome } from '../domain/checks/reassigned';
import { countryOfNumber } from '../domain/phone';
import { consentDateOf, importedAnswer, needsReassignedCheck, type ReassignedResult } from '../domain/reassigned/answers';
import type { Consent } from '../domain/records';
import { LedgerUnavailableError } from '../errors';
import type { GateContext } from './context';
import type { ReassignedNumberLookup } from './reassignedLookup';

export type { ReassignedNumberLookup } from './reassignedLookup';

/** The numbers the Reassigned Numbers Database (and Twilio's `reassigned_number`) covers: the US and its territories. */
const COVERED_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** What a decision knows before its step: which sources may answer, and the answers fetched so far by consent date. */
export interface ReassignedPlan {
  orgId: string;
  phone: string;
  /** A source may answer for this number (otherwise the check says no check ran). */
  covered: boolean;
  orgHasImports: boolean;
  lookup?: ReassignedNumberLookup;
  answers: Map<string, ReassignedAnswer>;
}

/** Thrown by a decider that needs the answer for a consent date it does not hold; not an Error: it is a request, caught by `decideWithReassigned`. */
export class ReassignedAnswerNeeded {
  constructor(readonly consentDate: string) {}
}

const IMPORTS_MEMO_MS = 1000;
const importsMemo = new WeakMap<object, Map<string, { at: number; value: boolean }>>();

/**
 * Whether the org imported RND results; asked on decisions, so remembered for a second (another instance's
 * import is seen within it). Remembered, it is answered at once, not with a promise.
 */
function orgHasImports(ctx: GateContext, orgId: string): boolean | Promise<boolean> {
  const store = ctx.reassigned;
  if (!store) return false;
  let memo = importsMemo.get(store);
  if (!memo) importsMemo.set(store, (memo = new Map()));
  const hit = memo.get(orgId);
  const now = performance.now();
  if (hit && now - hit.at < IMPORTS_MEMO_MS) return hit.value;
  const held = memo;
  return store.hasImportedResults(orgId).then((value) => {
    held.set(orgId, { at: now, value });
    return value;
  });
}

/** After an import: this instance sees the org's results at once. */
export function forgetImportsMemo(ctx: GateContext, orgId: string): void {
  if (ctx.reassigned) importsMemo.get(ctx.reassigned)?.delete(orgId);
}

/** What the decision knows before its step; at once (no promise) while whether the org imported results is remembered. */
export function reassignedPlanFor(ctx: GateContext, orgId: string, phone: string): ReassignedPlan | Promise<ReassignedPlan> {
  const imports = orgHasImports(ctx, orgId);
  return imports instanceof Promise ? imports.then((value) => planOf(ctx, orgId, phone, value)) : planOf(ctx, orgId, phone, imports);
}

function planOf(ctx: GateContext, orgId: string, phone: string, imports: boolean): ReassignedPlan {
  // The number's country only where a source exists: a gateway with none pays no parse.
  const inCountry = (Boolean(ctx.reassignedLookup) || imports) && COVERED_COUNTRIES.has(countryOfNumber(phone) ?? '');
  const lookup = inCountry ? ctx.reassignedLookup : undefined;
  const importsCover = inCountry && imports;
  return { orgId, phone, covered: Boolean(lookup) || importsCover, orgHasImports: importsCover, lookup, answers: new Map() };
}

/**
 * Inside a decider, once the chain allowed the contact on `consent`: what the check says (no
 * block, no note, when the consent is young). Throws ReassignedAnswerNeeded when an answer must be fetched first.
 */
export function reassignedVerdict(ctx: GateContext, plan: ReassignedPlan, consent: Consent, at: Date): ReassignedOutcome {
  const afterDays = ctx.policy.reassignedCheckAfterDays;
  if (!needsReassignedCheck(consent.captured_at, at, afterDays)) return { block: null, notes: [] };
  const consentDate = consentDateOf(consent.captured_at);
  const answer: ReassignedAnswer | undefined = plan.covered ? plan.answers.get(consentDate) : { kind: 'no_source' };
  if (!answer) throw new ReassignedAnswerNeeded(consentDate);
  return checkReassigned({ consentId: consent.id, consentDate, answer, onError: ctx.policy.reassignedOnError, checkAfterDays: afterDays });
}

/** The answer for the consent date, fetched outside any transaction: imported result, cached answer, then the provider. */
export async function fetchReassignedAnswer(ctx: GateContext, plan: ReassignedPlan, consentDate: string): Promise<ReassignedAnswer> {
  const store = ctx.reassigned;
  if (!store) return { kind: 'no_source' };
  if (plan.orgHasImports) {
    const imported = importedAnswer(await store.importedResults(plan.orgId, plan.phone), consentDate);
    if (imported) return { kind: 'answered', result: imported, source: 'rnd_import' };
  }
  const lookup = plan.lookup;
  if (!lookup) return { kind: 'no_source' };
  const now = ctx.clock.now();
  const cached = await store.cachedAnswer(plan.orgId, plan.phone, consentDate, now);
  if (cached) return { kind: 'answered', result: cached.result, source: cached.source };
  let result: ReassignedResult;
  try {
    result = await lookup.ask(plan.phone, consentDate);
  } catch (err) {
    ctx.observer.reassignedLookup?.('unavailable');
    return { kind: 'unavailable', source: lookup.source, message: (err as Error).message };
  }
  ctx.observer.reassignedLookup?.(result);
  // An answer that cannot be cached is still the answer: the next decision asks again.
  await store.cacheAnswer(plan.orgId, plan.phone, consentDate, { result, source: lookup.source, checked_at: now.toISOString() }).catch(() => undefined);
  return { kind: 'answered', result, source: lookup.source };
}

/** A consent relied on can change between two runs of the step only by a racing write; a few rounds settle it. */
const MAX_ROUNDS = 4;

/** Runs the decision step, fetching each answer it asks for and running it again, a bounded number of times. */
export function decideWithReassigned<T>(ctx: GateContext, plan: ReassignedPlan, step: () => Promise<T>): Promise<T> {
  // With no source for the number, the step never asks for an answer: it runs once, as it is.
  return plan.covered ? decideFetchingAnswers(ctx, plan, step) : step();
}

async function decideFetchingAnswers<T>(ctx: GateContext, plan: ReassignedPlan, step: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await step();
    } catch (err) {
      if (!(err instanceof ReassignedAnswerNeeded)) throw err;
      // Fail closed: no decision is made on answers that keep changing under it.
      if (round >= MAX_ROUNDS) throw new LedgerUnavailableError('the consent relied on kept changing while its reassigned-number answer was fetched');
      plan.answers.set(err.consentDate, await fetchReassignedAnswer(ctx, plan, err.consentDate));
    }
  }
}
