/**
 * The SQLite ledger's schema history: one ordered list of steps, each a number, a name saying what
 * it changes and why, and a function. A file records the last step it has in `PRAGMA user_version`;
 * opening runs the steps above it in one transaction and then sets it, so a crash or a full disk
 * leaves the file at the version it had. A file whose version is above the last step was written by
 * a newer build, which may store things this one would misread or lose: it is refused.
 *
 * Files written before the version was kept read 0 and run every step, so steps 1–3 check what is
 * already there (those builds created tables as they went, and recorded only the schema a file was
 * created at, in meta's `schema_version`). A step appended from now on runs once per file and needs
 * no such check.
 *
 * To change the schema: append a step with the next number (a new table is one `CREATE TABLE`).
 * Never edit, renumber or remove a step that has shipped: files in the field are past it.
 */
import type Database from 'better-sqlite3';
import { LedgerUnavailableError } from '../../errors';
import { addDailyCounts } from './dailyCounts';
import { CALL_TABLES } from './calls';
import { CONSOLE_SESSIONS_TABLE } from './consoleSessions';
import { HELD_VALUES_TABLE } from './heldValues';
import { plainRowids } from './plainRowids';
import { WEBHOOK_MARKS_TABLE } from './webhookMarks';
import { addDaySendsColumn, addStateRuleRecords, CONSENT_LAYOUTS, SCHEMA, type ConsentLayout } from './schema';

export interface Migration {
  version: number;
  /** What the step changes and why. */
  name: string;
  up(db: Database.Database): void;
}

/** Where a ledger still in the older consents layout says so (absent: the subject layout). */
const LAYOUT_KEY = 'consents_layout';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'the tables of a ledger: orgs and keys, consents, revocations, decisions, send counters, the audit chain and its heads, the outbox',
    up: (db) => db.exec(SCHEMA),
  },
  {
    version: 2,
    name: "a subject's consents found and deduplicated through one index by subject and content, so an import appends instead of writing a random page per consent; a ledger created in the older layout keeps it until `consent-gate ledger upgrade` rebuilds it offline",
    up: adoptConsentLayout,
  },
  {
    version: 3,
    name: "a subject's texts of the day counted on its chain-head row (audit_heads.sends), so a text dirties no counter row of its own",
    up: (db) => void addDaySendsColumn(db, new Date()),
  },
  {
    version: 4,
    name: "the state rules' records: a subject's covered contacts (calls and marketing texts under a state cap) on its chain-head row (audit_heads.covered), and the operator's declared states of emergency",
    up: addStateRuleRecords,
  },
  {
    version: 5,
    name: "the org's counts per UTC day (decisions by kind, outcome and reason; opt-outs by trigger), filled from the records already stored, and revocations indexed by honor-by date, so the console's overview reads counts instead of scanning decisions",
    up: addDailyCounts,
  },
  {
    version: 6,
    name: 'call records: each event of a gated call (answer, disclosure, DTMF, opt-outs, status) with the call indexed by our id, the carrier id, its start and its phone',
    up: (db) => db.exec(CALL_TABLES),
  },
  {
    version: 7,
    name: "values a carrier adapter keeps for later in a call (a Telnyx dial's held stream or assistant), each with the instant it may be forgotten",
    up: (db) => db.exec(HELD_VALUES_TABLE),
  },
  {
    version: 8,
    name: "console sign-in sessions in the file, so a restarted gateway (or another process on the file) keeps them: each found by a hash of its cookie id, naming the key it was made from by id (never the key's secret), with the instant it expires",
    up: (db) => db.exec(CONSOLE_SESSIONS_TABLE),
  },
  {
    version: 9,
    name: 'the carrier webhooks already acted on (a redelivery is answered and not acted on twice), each with the instant it may be forgotten: a numbered step, where builds before it created the table each time the file opened',
    up: (db) => db.exec(WEBHOOK_MARKS_TABLE),
  },
  {
    version: 10,
    name: 'decisions and audit entries numbered by plain rowid instead of AUTOINCREMENT, so a decision no longer reads and rewrites sqlite_sequence twice; the stored rows are unchanged, and neither table is ever deleted from, so no seq comes back',
    up: plainRowids,
  },
];

/** The version a file has once this build has opened it. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * A ledger created before step 2 keeps its layout at opening: rebuilding the consents table would
 * hold the start for minutes on a large ledger. Such a file was created at schema 1 (its meta says
 * so; a file the offline upgrade rebuilt says 3). The meta row is the last reader of that record,
 * and is dropped: the version is kept by the file header now.
 */
function adoptConsentLayout(db: Database.Database): void {
  const createdAt = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()?.value;
  const layout: ConsentLayout = createdAt === '1' ? 'legacy' : 'subject';
  if (layout === 'legacy') db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(LAYOUT_KEY, layout);
  db.exec(CONSENT_LAYOUTS[layout].indexes);
  db.prepare("DELETE FROM meta WHERE key = 'schema_version'").run();
}

/** The layout of the consents table (schema.ts, CONSENT_LAYOUTS), once the file is migrated. */
export function consentLayoutOf(db: Database.Database): ConsentLayout {
  const value = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(LAYOUT_KEY)?.value;
  return value === 'legacy' ? 'legacy' : 'subject';
}

/** After `consent-gate ledger upgrade` has rebuilt the consents table: inside its transaction. */
export function recordSubjectLayout(db: Database.Database): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(LAYOUT_KEY);
}

/**
 * Brings the file to the last step's version, or refuses one written by a newer build.
 * @param store names the file in the refusal, e.g. "the SQLite ledger at /data/consent-gate.db"
 * @param steps MIGRATIONS; numbered 1, 2, 3… in order
 */
export function migrate(db: Database.Database, store: string, steps: readonly Migration[] = MIGRATIONS): void {
  const latest = steps[steps.length - 1].version;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const refuseNewer = (found: number) => {
    if (found > latest) {
      throw new LedgerUnavailableError(
        `${store} was written by a newer Consent Gate (schema ${found}; this build knows up to ${latest}): run that version or newer, or a backup taken before it`,
      );
    }
  };
  const found = version();
  refuseNewer(found);
  if (found === latest) return;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated the file meanwhile.
    const from = version();
    refuseNewer(from);
    for (const step of steps) if (step.version > from) step.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
