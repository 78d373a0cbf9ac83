/**
 * Counts an org keeps per UTC day, maintained as records are written (every engine increments them
 * in the write's path), so an overview of a ledger with millions of decisions reads a few rows per
 * day instead of scanning the decisions. A count is named `decision:<kind>:<allowed|blocked>:<reason>`
 * (reason empty when allowed) or `opt_out:<trigger>`.
 */
import type { Decision, Revocation } from '../domain/records';
import { isoTime } from '../domain/time/isoTime';

export interface DailyCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  name: string;
  count: number;
}

/** The UTC day of an ISO instant (the stored instants are all `toISOString()`, so its first ten characters). */
export const utcDay = (iso: string): string => isoTime(Date.parse(iso)).slice(0, 10);

export const decisionCountName = (d: Pick<Decision, 'kind' | 'allowed' | 'reason'>): string =>
  `decision:${d.kind}:${d.allowed ? 'allowed' : 'blocked'}:${d.allowed ? '' : (d.reason ?? '')}`;

export const optOutCountName = (r: Pick<Revocation, 'trigger'>): string => `opt_out:${r.trigger}`;

/** What the honor-by listing of revocations asks: honor-by dates in [from, to), soonest first. */
export interface HonorByQuery {
  from: string;
  to: string;
  limit: number;
}
