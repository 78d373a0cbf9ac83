/**
 * How old each org's do-not-call copies are, for the operator: /readyz names the registry copies
 * that no longer protect a caller, and /metrics reports every list's age. Read from the lists'
 * manifests as the stores hold them (no bitmap is touched), when asked, never on a decision.
 */
import { isStaleCopy } from '../domain/checks/doNotCall';
import { isRegistryList, type DncListName } from '../domain/dnc/lists';
import type { GateContext } from './context';

const DAY_MS = 86_400_000;

export interface DncListAge {
  orgId: string;
  list: DncListName;
  /** The day the list's oldest area code copy was taken (YYYY-MM-DD). */
  as_of: string;
  /** Since the start (UTC) of that day. */
  ageSeconds: number;
  ageDays: number;
  /** A registry copy past the safe harbor's age: covered contacts it holds are blocked or warned about (DNC_STALE_POLICY). */
  stale: boolean;
}

/** How old one list's copy is at `now`, and whether a registry copy that old still protects. */
export function copyAge(list: { list: DncListName; as_of: string }, now: Date): { ageSeconds: number; ageDays: number; stale: boolean } {
  const ageMs = Math.max(0, now.getTime() - Date.parse(`${list.as_of}T00:00:00Z`));
  return {
    ageSeconds: Math.floor(ageMs / 1000),
    ageDays: Math.floor(ageMs / DAY_MS),
    stale: isRegistryList(list.list) && isStaleCopy(list.as_of, now),
  };
}

/** Every list of every org, by org then list. */
export async function dncListAges(ctx: Pick<GateContext, 'dnc' | 'clock'>): Promise<DncListAge[]> {
  if (!ctx.dnc) return [];
  const now = ctx.clock.now();
  const out: DncListAge[] = [];
  for (const orgId of await ctx.dnc.orgs()) {
    for (const l of await ctx.dnc.lists(orgId)) out.push({ orgId, list: l.list, as_of: l.as_of, ...copyAge(l, now) });
  }
  return out;
}

/** What /readyz says of the lists: each stale registry copy, without the orgs holding it (the body is public). */
export interface DncReadiness {
  stale: { list: DncListName; as_of: string; age_days: number }[];
}

export async function dncReadiness(ctx: Pick<GateContext, 'dnc' | 'clock'>): Promise<DncReadiness> {
  const stale = new Map<string, DncReadiness['stale'][number]>();
  for (const a of await dncListAges(ctx)) if (a.stale) stale.set(`${a.list} ${a.as_of}`, { list: a.list, as_of: a.as_of, age_days: a.ageDays });
  return { stale: [...stale.values()].sort((a, b) => (a.list < b.list ? -1 : a.list > b.list ? 1 : a.as_of < b.as_of ? -1 : 1)) };
}
