/**
 * The do-not-call check as the precall and pre-send use cases make it:
 * what the lists say about the number (read from the store before the
 * decision), then the pure rule (domain/checks/doNotCall.ts) on the
 * consents the decision was made on. It runs only on a contact the consent
 * checks allowed: a consent decides whether a listing is overridden.
 */
import { checkDoNotCall, type DncContact, type DncListFacts, type DoNotCallOutcome } from '../domain/checks/doNotCall';
import type { DncListName } from '../domain/dnc/lists';
import type { Consent } from '../domain/records';
import type { DncListSummary, DncStore } from '../ledger/dnc/dncStore';
import type { GateContext } from './context';

/**
 * Each list the org holds, as the number meets it; empty (and no lookup made) where the org
 * imported none. Only the org's own lists: another org's copy must neither block its calls nor,
 * by replacing an area code, lift the protection of its own. Answered at once, not with a promise,
 * when the store holds the lists in memory (the file engine): a decision then waits for nothing here.
 */
export function dncListsFor(ctx: GateContext, orgId: string, phone: string): DncListFacts[] | Promise<DncListFacts[]> {
  const store = ctx.dnc;
  if (!store) return [];
  const lists = store.lists(orgId);
  if (lists instanceof Promise) return lists.then((held) => listsMeeting(store, orgId, phone, held));
  return listsMeeting(store, orgId, phone, lists);
}

function listsMeeting(store: DncStore, orgId: string, phone: string, lists: DncListSummary[]): DncListFacts[] | Promise<DncListFacts[]> {
  if (!lists.length) return [];
  const holding = store.listsHolding(orgId, phone);
  if (holding instanceof Promise) return holding.then((names) => listFacts(lists, names, phone));
  return listFacts(lists, holding, phone);
}

function listFacts(lists: DncListSummary[], holding: DncListName[], phone: string): DncListFacts[] {
  const areaCode = phone.startsWith('+1') ? phone.slice(2, 5) : '';
  return lists.map((l) => ({ list: l.list, as_of: l.as_of, listed: holding.includes(l.list), coversAreaCode: l.area_codes.includes(areaCode) }));
}

export function doNotCallVerdict(
  ctx: GateContext,
  lists: DncListFacts[],
  input: { at: Date; entity: string; contact: DncContact; consents: Consent[] },
): DoNotCallOutcome {
  if (!lists.length) return { block: null, notes: [] };
  return checkDoNotCall({ ...input, lists, maxAgeMonths: ctx.policy.maxAgeMonths, stalePolicy: ctx.policy.dncStalePolicy });
}
