/** Timestamps as the Redis engine keeps them: milliseconds, the unit of scores and TTLs. */
import { LedgerConflictError } from '../../errors';

/** Milliseconds of an ISO timestamp; an unreadable one is the caller's error, not an outage. */
export const ms = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new LedgerConflictError(`not a timestamp: ${iso}`);
  return t;
};

/** A retention-list score: when a record written at `iso` may be anonymised (0, visited at once, if unreadable). */
export const scoreOf = (iso: string) => String(Date.parse(iso) || 0);
