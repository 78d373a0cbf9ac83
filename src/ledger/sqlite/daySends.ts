/**
 * A subject's texts today, per sending entity, kept in its chain-head row
 * (audit_heads.sends) rather than in a row of their own.
 *
 * Why: every pre-send writes the subject's chain head anyway (its decision
 * is appended to the chain in the same transaction), so a count kept there
 * costs no page of its own. In send_counters, keyed by phone, each text
 * dirtied a random page of its own in every commit, a visible share of the
 * gateway's CPU per pre-send at peak (docs/performance.md). The count is
 * written in the same transaction as the decision, exactly as durable as
 * before.
 *
 * Only the recipient's current local day is kept: a send on a new day
 * starts the object over. The month's count per org stays in send_counters
 * (one row every text shares, so its page is written once per commit).
 */
import type { SendCounterKeys } from '../ledger';

/**
 * `{"d": "2026-04-10", "n": [["acme insurance llc", 2]]}`: the day, and texts that day per entity key.
 * Pairs, not an object keyed by entity: an entity may be named anything, `__proto__` too.
 */
interface DaySends {
  d: string;
  n: [string, number][];
}

function parse(sends: string | null | undefined): DaySends | null {
  if (!sends) return null;
  const value = JSON.parse(sends) as DaySends;
  return typeof value?.d === 'string' && Array.isArray(value.n) ? value : null;
}

/** The counts of the keys' day ([] when the row holds another day's, or none). */
function countsOfDay(sends: string | null | undefined, keys: SendCounterKeys): [string, number][] {
  const day = parse(sends);
  return day?.d === keys.day ? day.n : [];
}

const sentBy = (counts: [string, number][], entity: string) => counts.find(([e]) => e === entity)?.[1] ?? 0;

/** Texts sent today (the keys' day) from the keys' entity, as the head row records them. */
export function sentTodayIn(sends: string | null | undefined, keys: SendCounterKeys): number {
  return sentBy(countsOfDay(sends, keys), keys.entity);
}

/** The head row's `sends` after one more text today from the keys' entity (parsed once: this runs before every text). */
export function withOneMoreSend(sends: string | null | undefined, keys: SendCounterKeys): string {
  const today = countsOfDay(sends, keys);
  const next: DaySends = { d: keys.day, n: [...today.filter(([entity]) => entity !== keys.entity), [keys.entity, sentBy(today, keys.entity) + 1]] };
  return JSON.stringify(next);
}
