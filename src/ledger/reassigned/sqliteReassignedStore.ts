/**
 * The embedded engine's reassigned-number answers: a SQLite file of their
 * own beside the ledger (`DATA_DIR/reassigned.db`). Apart from the ledger
 * because nothing here is written with a decision (answers are read and
 * cached before the decision's step, never inside it) and because a cache
 * must not move the ledger's schema history.
 */
import Database from 'better-sqlite3';
import { LedgerUnavailableError } from '../../errors';
import type { DatedResult, ReassignedResult, ReassignedSourceName } from '../../domain/reassigned/answers';
import type { RndResultRow } from '../../domain/reassigned/rndFile';
import { answerExpiresAt, type CachedAnswer, type ReassignedRemoval, type ReassignedStore, type RndImportResult } from './reassignedStore';
import { migrate, type Migration } from '../sqlite/migrations';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rnd_results (
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  date TEXT NOT NULL,
  result TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, phone, date)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS answer_cache (
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  result TEXT NOT NULL,
  source TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, phone, consent_date)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answer_cache_expiry ON answer_cache (expires_at);
CREATE INDEX IF NOT EXISTS answer_cache_checked ON answer_cache (checked_at);
`;

/** Made after the upgrade below: a file from before import times has no column to index yet. */
const IMPORTED_AT_INDEX = 'CREATE INDEX IF NOT EXISTS rnd_results_imported ON rnd_results (imported_at)';

/** The file's layout by the same numbered steps (`PRAGMA user_version`) as the ledger's; a newer file is refused. */
const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'imported RND results and cached provider answers', up: (db) => db.exec(SCHEMA) },
  {
    version: 2,
    name: "each imported result's import time, indexed, for the retention job",
    up: (db) => {
      addImportTimes(db);
      db.exec(IMPORTED_AT_INDEX);
    },
  },
];

/** Rows the retention job deletes in one transaction, so a gateway's cache writes wait for one batch at most. */
const REMOVE_BATCH = 1000;

/** Expired answers are swept after this many cache writes, so the table stays bounded without a timer. */
const SWEEP_EVERY_WRITES = 1000;

export class SqliteReassignedStore implements ReassignedStore {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt: {
    resultOf: Database.Statement<[string, string, string], { result: string }>;
    upsertResult: Database.Statement<[string, string, string, string, number]>;
    resultsOf: Database.Statement<[string, string], { date: string; result: string }>;
    anyResult: Database.Statement<[string], { one: number }>;
    cached: Database.Statement<[string, string, string, number], { result: string; source: string; checked_at: string }>;
    cache: Database.Statement<[string, string, string, string, string, string, number]>;
    sweep: Database.Statement<[number]>;
    removeResults: Database.Statement<[number, number]>;
    removeAnswers: Database.Statement<[string, number]>;
  };
  private writes = 0;

  constructor(readonly file: string) {
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db, `the reassigned-number answers at ${file}`, MIGRATIONS);
    } catch (err) {
      throw new LedgerUnavailableError(`cannot open the reassigned-number answers at ${file}: ${(err as Error).message}`, { cause: err });
    }
    this.stmt = {
      resultOf: this.db.prepare('SELECT result FROM rnd_results WHERE org_id = ? AND phone = ? AND date = ?'),
      upsertResult: this.db.prepare('INSERT OR REPLACE INTO rnd_results (org_id, phone, date, result, imported_at) VALUES (?, ?, ?, ?, ?)'),
      resultsOf: this.db.prepare('SELECT date, result FROM rnd_results WHERE org_id = ? AND phone = ? ORDER BY date'),
      anyResult: this.db.prepare('SELECT 1 AS one FROM rnd_results WHERE org_id = ? LIMIT 1'),
      cached: this.db.prepare('SELECT result, source, checked_at FROM answer_cache WHERE org_id = ? AND phone = ? AND consent_date = ? AND expires_at > ?'),
      cache: this.db.prepare(
        'INSERT OR REPLACE INTO answer_cache (org_id, phone, consent_date, result, source, checked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      sweep: this.db.prepare('DELETE FROM answer_cache WHERE expires_at <= ?'),
      removeResults: this.db.prepare(
        'DELETE FROM rnd_results WHERE (org_id, phone, date) IN (SELECT org_id, phone, date FROM rnd_results WHERE imported_at < ? LIMIT ?)',
      ),
      // checked_at is an ISO instant as toISOString writes it, so text order is time order.
      removeAnswers: this.db.prepare(
        'DELETE FROM answer_cache WHERE (org_id, phone, consent_date) IN (SELECT org_id, phone, consent_date FROM answer_cache WHERE checked_at < ? LIMIT ?)',
      ),
    };
  }

  private run<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new LedgerUnavailableError(`SQLite reassigned-number answers: ${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  async importResults(orgId: string, rows: readonly RndResultRow[], importedAt: Date): Promise<RndImportResult> {
    const at = importedAt.getTime();
    return this.run('import', () =>
      this.db
        .transaction(() => {
          const out: RndImportResult = { added: 0, changed: 0, unchanged: 0 };
          for (const r of rows) {
            const held = this.stmt.resultOf.get(orgId, r.phone, r.date)?.result;
            if (held === r.result) out.unchanged++;
            else if (held === undefined) out.added++;
            else out.changed++;
            // Written even when unchanged: its retention age restarts with the org's latest query.
            this.stmt.upsertResult.run(orgId, r.phone, r.date, r.result, at);
          }
          return out;
        })
        .immediate(),
    );
  }

  async importedResults(orgId: string, phone: string): Promise<DatedResult[]> {
    return this.run('read', () => this.stmt.resultsOf.all(orgId, phone).map((r) => ({ date: r.date, result: r.result as ReassignedResult })));
  }

  async hasImportedResults(orgId: string): Promise<boolean> {
    return this.run('read', () => this.stmt.anyResult.get(orgId) !== undefined);
  }

  async cachedAnswer(orgId: string, phone: string, consentDate: string, now: Date): Promise<CachedAnswer | null> {
    const row = this.run('read', () => this.stmt.cached.get(orgId, phone, consentDate, now.getTime()));
    return row ? { result: row.result as ReassignedResult, source: row.source as ReassignedSourceName, checked_at: row.checked_at } : null;
  }

  async cacheAnswer(orgId: string, phone: string, consentDate: string, answer: CachedAnswer): Promise<void> {
    this.run('cache', () => {
      this.stmt.cache.run(orgId, phone, consentDate, answer.result, answer.source, answer.checked_at, answerExpiresAt(answer));
      if (++this.writes % SWEEP_EVERY_WRITES === 0) this.stmt.sweep.run(Date.parse(answer.checked_at));
    });
  }

  async removeBefore(cutoffMs: number): Promise<ReassignedRemoval> {
    const cutoffIso = new Date(cutoffMs).toISOString();
    const out: ReassignedRemoval = { rnd_results: 0, cached_answers: 0 };
    for (;;) {
      const n = this.run('retention', () => this.stmt.removeResults.run(cutoffMs, REMOVE_BATCH).changes);
      out.rnd_results += n;
      if (n < REMOVE_BATCH) break;
    }
    for (;;) {
      const n = this.run('retention', () => this.stmt.removeAnswers.run(cutoffIso, REMOVE_BATCH).changes);
      out.cached_answers += n;
      if (n < REMOVE_BATCH) break;
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * A file written before results carried their import time gains the column; its results count as
 * imported now, so the retention job removes them a full period later rather than at once.
 */
function addImportTimes(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('rnd_results')").all();
  if (columns.some((c) => c.name === 'imported_at')) return;
  db.exec(`ALTER TABLE rnd_results ADD COLUMN imported_at INTEGER NOT NULL DEFAULT ${Date.now()}`);
}
