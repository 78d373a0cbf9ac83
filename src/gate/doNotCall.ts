/**
 * The do-not-call check as the precall and pre-send use cases make it:
 * what the lists say about the number (read from the store before the
 * decision), then the pure rule (domain/checks/doNotCall.ts) on the
 * consents the decision was made on. It runs only on a contact the consent
 * checks allowed: a consent decides whether a listing is overridden.
 */
import { checkDoNotCall, type DncContact, type DncListFacts, type DoNotCallOutcome } from '../domain/checks/doNotCall';
import type { Consent } from '../domain/records';
import type { GateContext } from './context';

/**
 * Each list the org holds, as the number meets it; empty (and no lookup made) where the org
 * imported none. Only the org's own lists: another org's copy must neither block its calls nor,
 * by replacing an area code, lift the protection of its own.
 */
export async function dncListsFor(ctx: GateContext, orgId: string, phone: string): Promise<DncListFacts[]> {
  if (!ctx.dnc) return [];
  const lists = await ctx.dnc.lists(orgId);
  if (!lists.length) return [];
  const holding = new Set(await ctx.dnc.listsHolding(orgId, phone));
  const areaCode = phone.startsWith('+1') ? phone.slice(2, 5) : '';
  return lists.map((l) => ({ list: l.list, as_of: l.as_of, listed: holding.has(l.list), coversAreaCode: l.area_codes.includes(areaCode) }));
}

export function doNotCallVerdict(
  ctx: GateContext,
  lists: DncListFacts[],
  input: { at: Date; entity: string; contact: DncContact; consents: Consent[] },
): DoNotCallOutcome {
  if (!lists.length) return { block: null, notes: [] };
  return checkDoNotCall({ ...input, lists, maxAgeMonths: ctx.policy.maxAgeMonths, stalePolicy: ctx.policy.dncStalePolicy });
}
