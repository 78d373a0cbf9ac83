/**
 * Rows as the SQLite engine reads them: each table keeps its record whole as JSON in `data`, beside
 * the columns its indexes need; these turn rows back into records and lists into pages.
 */
import type { AuditEntry } from '../../domain/records';
import { encodeCursor } from '../cursor';
import type { Page } from '../ledger';

export type Row = { data: string };
export type SeqRow = Row & { seq: number };
export type DecisionRow = SeqRow & { decided_at: string };

export interface AuditRow {
  seq: number;
  org_id: string;
  phone: string;
  kind: AuditEntry['kind'];
  ref_id: string;
  at: string;
  prev_hash: string;
  hash: string;
  body: string;
}

export interface OutboxRow {
  id: string;
  topic: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
}

export const parseData = <T>(row: Row) => JSON.parse(row.data) as T;

/** The record a row holds, or null for no row. */
export function parse<T>(row: Row | undefined): T | null {
  return row ? parseData<T>(row) : null;
}

/**
 * A page of `limit` items out of up to limit + 1 rows (the extra one says there is more). The
 * cursor is the last item's position (../cursor.ts); a seq alone encodes as its digits, as the
 * cursors before this helper did.
 */
export function pageOf<R, T>(rows: R[], limit: number, item: (row: R) => T, positionOf: (last: R) => unknown): Page<T> {
  const next = rows.length > limit ? encodeCursor(positionOf(rows[limit - 1])) : null;
  return { items: rows.slice(0, limit).map(item), next_cursor: next };
}
