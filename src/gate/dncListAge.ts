/** A do-not-call list as GET /v1/dnc shows it: with the age of its copy and whether that copy is too old to rely on. */
import type { DncListSummary } from '../ledger/dnc/dncStore';
import { copyAge } from './dncFreshness';

export interface DncListWithAge extends DncListSummary {
  /** Whole days since the copy was taken (UTC). */
  age_days: number;
  /** A registry copy past its freshness window (the org's own internal list never goes stale). */
  stale: boolean;
}

export function withAge(list: DncListSummary, now: Date): DncListWithAge {
  const { ageDays, stale } = copyAge(list, now);
  return { ...list, age_days: ageDays, stale };
}
