/** A do-not-call list as GET /v1/dnc shows it: with the age of its copy and whether that copy is too old to rely on. */
import { isStaleCopy } from '../domain/checks/doNotCall';
import { isRegistryList } from '../domain/dnc/lists';
import type { DncListSummary } from '../ledger/dnc/dncStore';

export interface DncListWithAge extends DncListSummary {
  /** Whole days since the copy was taken (UTC). */
  age_days: number;
  /** A registry copy past its freshness window (the org's own internal list never goes stale). */
  stale: boolean;
}

export function withAge(list: DncListSummary, now: Date): DncListWithAge {
  const age = Math.floor((now.getTime() - Date.parse(`${list.as_of}T00:00:00Z`)) / 86_400_000);
  return { ...list, age_days: Math.max(0, age), stale: isRegistryList(list.list) && isStaleCopy(list.as_of, now) };
}
