/** A SQLite ledger made before the daily counts (schema 4) is given them when opened, counted from the records it holds. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aDecision, aRevocation } from '../fixtures/records';

it('a ledger made before the daily counts counts the decisions and opt-outs it already holds, then counts on', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cg-counts-')), 'ledger.db');
  const before = new SqliteLedger({ file });
  await before.recordDecision(aDecision({ decided_at: '2026-12-01T10:00:00.000Z' }));
  await before.recordDecision(aDecision({ decided_at: '2026-12-01T11:00:00.000Z', allowed: false, reason: 'quiet_hours' }));
  await before.recordRevocation(aRevocation({ created_at: '2026-12-01T12:00:00.000Z', captured_at: '2026-12-01T12:00:00.000Z' }));
  await before.close();
  const raw = new Database(file);
  raw.exec('DROP TABLE daily_counts; DROP INDEX revocations_org_honor_by; PRAGMA user_version = 4');
  raw.close();

  const after = new SqliteLedger({ file });
  await after.recordDecision(aDecision({ decided_at: '2026-12-01T13:00:00.000Z' }));
  expect(await after.dailyCounts('org_test', '2026-12-01', '2026-12-01')).toEqual([
    { day: '2026-12-01', name: 'decision:precall:allowed:', count: 2 },
    { day: '2026-12-01', name: 'decision:precall:blocked:quiet_hours', count: 1 },
    { day: '2026-12-01', name: 'opt_out:verbal_stop_during_call', count: 1 },
  ]);
  const plan = after.database
    .prepare(
      "EXPLAIN QUERY PLAN SELECT data FROM revocations WHERE org_id = 'o' AND json_extract(data, '$.honor_by_date') >= 'a' AND json_extract(data, '$.honor_by_date') < 'b'",
    )
    .all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('revocations_org_honor_by');
  await after.close();
});
