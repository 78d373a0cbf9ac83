/**
 * The decision listing filtered by outcome, reason or entity. The ledger keeps decisions in time
 * order and indexes nothing else of them (an index per reason or entity would cost a write on the
 * path before every call and text), so a filtered page walks that order and keeps the matches. The
 * walk is bounded: it stops once it has the page, or after `FILTER_SCAN_LIMIT` decisions (or that many reads), and then
 * answers the matches so far with a cursor to walk on — a rare reason over a long window takes
 * several requests rather than one long one. A narrower `from`/`to` makes it cheap.
 */
import type { Decision } from '../domain/records';
import { entityKey } from '../domain/vocabulary';
import type { DecisionQuery, Page } from '../ledger/ledger';
import type { GateContext } from './context';

/** The most decisions one filtered page reads before it answers what it has. */
export const FILTER_SCAN_LIMIT = 5000;
/** The most reads of the ledger one filtered page makes (the last matches of a page come a few decisions at a time). */
const FILTER_READ_LIMIT = 100;

export interface DecisionFilter {
  outcome?: 'allowed' | 'blocked';
  reason?: string;
  entity?: string;
}

export const hasFilter = (f: DecisionFilter) => Boolean(f.outcome || f.reason || f.entity);

export function matches(d: Decision, f: DecisionFilter): boolean {
  if (f.outcome && d.allowed !== (f.outcome === 'allowed')) return false;
  if (f.reason && d.reason !== f.reason) return false;
  if (f.entity && entityKey(d.entity) !== entityKey(f.entity)) return false;
  return true;
}

/**
 * A page of the decisions that match: at most `q.limit`, in the listing's order. Each read asks for
 * as many decisions as matches are still missing, so the page ends where a cursor can continue.
 */
export async function listFilteredDecisions(ctx: GateContext, orgId: string, q: DecisionQuery, filter: DecisionFilter): Promise<Page<Decision>> {
  const items: Decision[] = [];
  let after = q.after;
  let scanned = 0;
  for (let reads = 0; items.length < q.limit && scanned < FILTER_SCAN_LIMIT && reads < FILTER_READ_LIMIT; reads++) {
    const page = await ctx.ledger.listDecisions(orgId, { ...q, after, limit: Math.min(q.limit - items.length, FILTER_SCAN_LIMIT - scanned) });
    scanned += page.items.length;
    for (const d of page.items) if (matches(d, filter)) items.push(d);
    after = page.next_cursor ?? undefined;
    if (!page.next_cursor) return { items, next_cursor: null };
  }
  return { items, next_cursor: after ?? null };
}
