/**
 * Paging over Redis structures. Cursors (../cursor.ts) hold a list
 * position, or the (score, member) of the last item of a page of a sorted
 * set, so a page starts strictly after it even when many members share one
 * score.
 */
import type { RedisClient } from './connection';
import type { Page } from '../ledger';
import { decodeCursor, encodeCursor } from '../cursor';

interface ScoreCursor {
  s: number;
  m: string;
}
const isScoreCursor = (v: unknown): v is ScoreCursor =>
  typeof v === 'object' && v !== null && typeof (v as { s: unknown }).s === 'number' && typeof (v as { m: unknown }).m === 'string';

/**
 * A page of a sorted set between two scores (`min` inclusive, `max` as
 * ZRANGEBYSCORE takes it), after a cursor. Members whose record is gone
 * (expired, or an index entry written ahead of a write that never happened)
 * are skipped, and the page filled from further on.
 *
 * Several keys (a subject's decisions under its phone and under its
 * suppression key) are paged as one set ordered by (score, member): the
 * members of each are distinct and comparable (`seq|id`), so one cursor
 * serves all of them.
 */
export async function pageByScore<T>(
  client: RedisClient,
  key: string | string[],
  min: string,
  max: string,
  after: string | undefined,
  limit: number,
  load: (members: string[], key: string) => Promise<(T | null)[]>,
): Promise<Page<T>> {
  const cursor = decodeCursor(after, isScoreCursor);
  const keys = Array.isArray(key) ? key : [key];
  const collected = await Promise.all(keys.map((k) => collect(client, k, min, max, cursor, limit, load)));
  const out = collected.flat();
  if (keys.length > 1) out.sort((a, b) => a.s - b.s || (a.m < b.m ? -1 : a.m > b.m ? 1 : 0));
  const last = out[limit - 1];
  return { items: out.slice(0, limit).map((x) => x.item), next_cursor: out.length > limit ? encodeCursor({ s: last.s, m: last.m }) : null };
}

/** Up to limit + 1 live items of one sorted set after the cursor, in (score, member) order. */
async function collect<T>(
  client: RedisClient,
  key: string,
  min: string,
  max: string,
  cursor: ScoreCursor | null,
  limit: number,
  load: (members: string[], key: string) => Promise<(T | null)[]>,
): Promise<{ item: T; s: number; m: string }[]> {
  const start = cursor && (min === '-inf' || cursor.s >= Number(min)) ? String(cursor.s) : min;
  const batch = Math.max(limit + 1, 50);
  const out: { item: T; s: number; m: string }[] = [];
  let offset = 0;
  while (out.length <= limit) {
    const raw = await client.zrangebyscore(key, start, max, 'WITHSCORES', 'LIMIT', offset, batch);
    if (!raw.length) break;
    offset += raw.length / 2;
    const entries: ScoreCursor[] = [];
    for (let i = 0; i < raw.length; i += 2) {
      const e = { m: raw[i], s: Number(raw[i + 1]) };
      if (cursor && (e.s < cursor.s || (e.s === cursor.s && e.m <= cursor.m))) continue;
      entries.push(e);
    }
    const docs = await load(
      entries.map((e) => e.m),
      key,
    );
    docs.forEach((d, i) => {
      if (d !== null) out.push({ item: d, ...entries[i] });
    });
    if (raw.length / 2 < batch) break;
  }
  return out;
}

export function splitOnce(s: string, sep = '|'): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
