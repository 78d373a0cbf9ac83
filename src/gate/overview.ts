/**
 * What an org's overview reads: its decisions and opt-outs counted per UTC day, and the opt-outs
 * whose honor-by date is near. Every figure comes from the ledger's maintained counts and its
 * honor-by index (ledger/dailyCounts.ts), so the answer costs the same on a ledger of a thousand
 * decisions as on one of a million.
 */
import { z } from 'zod';
import type { Revocation } from '../domain/records';
import { validationError } from '../errors';
import type { GateContext } from './context';
import { instantSchema } from './schemas';

const DAY_MS = 86_400_000;
/** The longest range one answer counts over: a year of days (a leap year's too). */
export const MAX_RANGE_DAYS = 366;
/** How far ahead the honor-by listing looks by default: past any honor-by date of an opt-out recorded now. */
export const HONOR_BY_AHEAD_DAYS = 31;

const daySchema = z.string().refine((s) => {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}, 'must be a day, YYYY-MM-DD (UTC)');

export const dayRangeQuerySchema = z.strictObject({ from: daySchema.optional(), to: daySchema.optional() });

export const honorByQuerySchema = z.strictObject({
  honor_by_from: instantSchema.optional(),
  honor_by_to: instantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface DecisionCountRow {
  day: string;
  kind: 'precall' | 'presend';
  outcome: 'allowed' | 'blocked';
  reason: string | null;
  count: number;
}

export interface OptOutDay {
  day: string;
  count: number;
  by_trigger: Record<string, number>;
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The UTC days asked for: `from`..`to`, each defaulting to today (`from` to `days` - 1 before `to`). */
export function dayRange(ctx: Pick<GateContext, 'clock'>, q: { from?: string; to?: string }, days = 1): { from: string; to: string } {
  const to = q.to ?? dayOf(ctx.clock.now().getTime());
  const from = q.from ?? dayOf(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS);
  if (from > to) throw validationError({ from: 'must not be after to' });
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS >= MAX_RANGE_DAYS) {
    throw validationError({ from: `the range may span at most ${MAX_RANGE_DAYS} days` });
  }
  return { from, to };
}

/** The org's decisions per day, kind, outcome and reason; days without decisions are absent. */
export async function decisionCounts(ctx: GateContext, orgId: string, range: { from: string; to: string }): Promise<DecisionCountRow[]> {
  const counts = await ctx.ledger.dailyCounts(orgId, range.from, range.to);
  return counts.flatMap(({ day, name, count }) => {
    const [metric, kind, outcome, reason] = name.split(':');
    if (metric !== 'decision') return [];
    return [{ day, kind, outcome, reason: reason || null, count } as DecisionCountRow];
  });
}

/** The org's opt-outs per day, every day of the range listed (zero included), so a chart has no gaps. */
export async function optOutsPerDay(ctx: GateContext, orgId: string, range: { from: string; to: string }): Promise<OptOutDay[]> {
  const byDay = new Map<string, OptOutDay>();
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += DAY_MS) {
    byDay.set(dayOf(t), { day: dayOf(t), count: 0, by_trigger: {} });
  }
  for (const { day, name, count } of await ctx.ledger.dailyCounts(orgId, range.from, range.to)) {
    const [metric, trigger] = name.split(':');
    const entry = byDay.get(day);
    if (metric !== 'opt_out' || !entry) continue;
    entry.count += count;
    entry.by_trigger[trigger] = (entry.by_trigger[trigger] ?? 0) + count;
  }
  return [...byDay.values()];
}

/** The org's revocations by honor-by date in [from, to): by default every one still to be honored (an honor-by date falls within a few weeks of its opt-out). */
export async function revocationsByHonorBy(
  ctx: GateContext,
  orgId: string,
  q: z.output<typeof honorByQuerySchema>,
): Promise<{ honor_by_from: string; honor_by_to: string; data: Revocation[] }> {
  const from = q.honor_by_from ? new Date(q.honor_by_from) : ctx.clock.now();
  const to = q.honor_by_to ? new Date(q.honor_by_to) : new Date(from.getTime() + HONOR_BY_AHEAD_DAYS * DAY_MS);
  if (from > to) throw validationError({ honor_by_from: 'must not be after honor_by_to' });
  const data = await ctx.ledger.revocationsByHonorBy(orgId, { from: from.toISOString(), to: to.toISOString(), limit: q.limit });
  return { honor_by_from: from.toISOString(), honor_by_to: to.toISOString(), data };
}
