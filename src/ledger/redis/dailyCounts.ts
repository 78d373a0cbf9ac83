/**
 * The org's daily counts (ledger/dailyCounts.ts) on Redis: a hash per org and UTC day in the org's
 * slot, counted up (HINCRBY) once the decision or the revocation is stored — after it, in another
 * slot than the subject's, so a crash in between leaves a count one short, never one ahead of its
 * records. A decision's count is not waited for (decisions.ts), to keep a round trip off the path
 * before every call and text. Revocations are listed by honor-by date through a sorted set in the org's slot (member
 * `id|phone`), trimmed of honor-by dates long past on every write and read, so the phones it names
 * do not outlive the opt-outs' windows by much.
 */
import type { Decision, Revocation } from '../../domain/records';
import { decisionCountName, optOutCountName, utcDay, type DailyCount, type HonorByQuery } from '../dailyCounts';
import { splitOnce } from './paging';
import type { RedisStore } from './store';
import { ms } from './time';

const DAY_MS = 86_400_000;
/** How long past its honor-by date a revocation stays in the honor-by index. */
const KEEP_PAST_HONOR_BY_MS = 60 * DAY_MS;

export async function countDecision(store: RedisStore, d: Decision): Promise<void> {
  await store.client.hincrby(store.keys.org(d.org_id).dailyCounts(utcDay(d.decided_at)), decisionCountName(d), 1);
}

/** After the revocation is stored: its index entry (again on a repeat, so a crash before it heals), and its count the first time. */
export async function countRevocation(store: RedisStore, r: Revocation, created: boolean): Promise<void> {
  const o = store.keys.org(r.org_id);
  await Promise.all([
    store.client.zadd(o.revocationsByHonorBy, ms(r.honor_by_date), `${r.id}|${r.phone}`),
    store.client.zremrangebyscore(o.revocationsByHonorBy, '-inf', `(${Date.now() - KEEP_PAST_HONOR_BY_MS}`),
    created ? store.client.hincrby(o.dailyCounts(utcDay(r.created_at)), optOutCountName(r), 1) : null,
  ]);
}

export async function dailyCounts(store: RedisStore, orgId: string, fromDay: string, toDay: string): Promise<DailyCount[]> {
  const days: string[] = [];
  for (let t = Date.parse(`${fromDay}T00:00:00Z`); t <= Date.parse(`${toDay}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  const o = store.keys.org(orgId);
  const replies = await Promise.all(days.map((day) => store.client.hgetall(o.dailyCounts(day))));
  return replies.flatMap((fields, i) =>
    Object.keys(fields)
      .sort()
      .map((name) => ({ day: days[i], name, count: Number(fields[name]) })),
  );
}

export async function revocationsByHonorBy(store: RedisStore, orgId: string, q: HonorByQuery): Promise<Revocation[]> {
  const key = store.keys.org(orgId).revocationsByHonorBy;
  const [members] = await Promise.all([
    store.client.zrangebyscore(key, ms(q.from), `(${ms(q.to)}`, 'LIMIT', 0, q.limit),
    store.client.zremrangebyscore(key, '-inf', `(${Date.now() - KEEP_PAST_HONOR_BY_MS}`),
  ]);
  const found = await Promise.all(
    members.map(async (m) => {
      const [id, phone] = splitOnce(m);
      const raw = await store.byIndex(orgId, phone, (s) => store.client.hget(s.revocations, id));
      return raw ? (JSON.parse(raw) as Revocation) : null;
    }),
  );
  return found.filter((r): r is Revocation => r !== null);
}
