/**
 * Send counters on Redis: the phone's daily count in its subject's slot
 * (`{org:phone}`), the org's monthly count in the org's (`{org}`).
 */
import type { ReservationResult, SendCounterKeys, SendReservation } from '../ledger';
import { countUnder, giveBack } from './scripts/counters';
import type { RedisStore } from './store';

/** Counters outlive their period by a margin, then expire on their own. */
const DAY_COUNTER_TTL_S = 3 * 86_400;
const MONTH_COUNTER_TTL_S = 62 * 86_400;

type SendCounts = { sentToday: number; sentThisMonth: number };

export async function sendCounts(store: RedisStore, orgId: string, phone: string, keys: SendCounterKeys): Promise<SendCounts> {
  const [day, month] = await Promise.all([
    store.client.get(store.keys.subject(orgId, phone).daySends(keys.entity, keys.day)),
    store.client.get(store.keys.org(orgId).monthSends(keys.month)),
  ]);
  return { sentToday: Number(day ?? 0), sentThisMonth: Number(month ?? 0) };
}

/**
 * Two slots, two scripts: the phone's daily cap, then the org's monthly
 * quota. Each is count-and-check in one step, so racing instances cannot
 * pass either limit. If the quota refuses, the day unit is given back; if
 * the process or Redis dies between the two, the day keeps one unit too
 * many — a later send is refused (fail closed); no path counts less than
 * was allowed.
 */
export async function reserveSend(store: RedisStore, orgId: string, phone: string, r: SendReservation): Promise<ReservationResult> {
  const dayKey = store.keys.subject(orgId, phone).daySends(r.entity, r.day);
  const monthKey = store.keys.org(orgId).monthSends(r.month);
  if (!(await countUnder(store.scripts, dayKey, r.dailyCap, DAY_COUNTER_TTL_S))) {
    // Same precedence as the SQLite engine: a spent quota is reported before the cap.
    if (r.monthlyQuota !== null && Number((await store.client.get(monthKey)) ?? 0) >= r.monthlyQuota) return 'quota_exceeded';
    return 'frequency_cap';
  }
  if (!(await countUnder(store.scripts, monthKey, r.monthlyQuota, MONTH_COUNTER_TTL_S))) {
    await giveBack(store.scripts, dayKey).catch(() => undefined);
    return 'quota_exceeded';
  }
  return 'reserved';
}
