/**
 * The org's daily counts (ledger/dailyCounts.ts) in SQLite: one row per (org, UTC day, name), counted
 * up in the transaction that stores the decision or the revocation, so a count never runs ahead of
 * or behind its records. Revocations are found by honor-by date through an index on that field of
 * their document.
 */
import type Database from 'better-sqlite3';
import type { Revocation } from '../../domain/records';
import type { DailyCount, HonorByQuery } from '../dailyCounts';

const HONOR_BY = "json_extract(data, '$.honor_by_date')";

/**
 * Migration step: the counts table, filled from the decisions and revocations already stored (once,
 * at the upgrade), and the honor-by index.
 */
export function addDailyCounts(db: Database.Database): void {
  db.exec(`
CREATE TABLE IF NOT EXISTS daily_counts (
  org_id TEXT NOT NULL,
  day TEXT NOT NULL,
  name TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (org_id, day, name)
) WITHOUT ROWID;
INSERT OR REPLACE INTO daily_counts (org_id, day, name, count)
  SELECT org_id, substr(decided_at, 1, 10),
    'decision:' || json_extract(data, '$.kind') || ':' ||
      CASE WHEN json_extract(data, '$.allowed') THEN 'allowed:' ELSE 'blocked:' || coalesce(json_extract(data, '$.reason'), '') END,
    count(*)
  FROM decisions GROUP BY 1, 2, 3;
INSERT OR REPLACE INTO daily_counts (org_id, day, name, count)
  SELECT org_id, substr(json_extract(data, '$.created_at'), 1, 10), 'opt_out:' || json_extract(data, '$.trigger'), count(*)
  FROM revocations GROUP BY 1, 2, 3;
CREATE INDEX IF NOT EXISTS revocations_org_honor_by ON revocations (org_id, ${HONOR_BY});
`);
}

export class SqliteDailyCounts {
  private readonly bumpRow: Database.Statement<[string, string, string]>;
  private readonly rows: Database.Statement<[string, string, string], DailyCount>;
  private readonly dueRows: Database.Statement<[string, string, string, number], { data: string }>;

  constructor(db: Database.Database) {
    this.bumpRow = db.prepare(
      'INSERT INTO daily_counts (org_id, day, name, count) VALUES (?, ?, ?, 1) ON CONFLICT (org_id, day, name) DO UPDATE SET count = count + 1',
    );
    this.rows = db.prepare('SELECT day, name, count FROM daily_counts WHERE org_id = ? AND day >= ? AND day <= ? ORDER BY day, name');
    this.dueRows = db.prepare(`SELECT data FROM revocations WHERE org_id = ? AND ${HONOR_BY} >= ? AND ${HONOR_BY} < ? ORDER BY ${HONOR_BY}, seq LIMIT ?`);
  }

  /** Inside the caller's transaction. */
  bump(orgId: string, day: string, name: string): void {
    this.bumpRow.run(orgId, day, name);
  }

  list(orgId: string, fromDay: string, toDay: string): DailyCount[] {
    return this.rows.all(orgId, fromDay, toDay);
  }

  byHonorBy(orgId: string, q: HonorByQuery): Revocation[] {
    return this.dueRows.all(orgId, q.from, q.to, q.limit).map((r) => JSON.parse(r.data) as Revocation);
  }
}
