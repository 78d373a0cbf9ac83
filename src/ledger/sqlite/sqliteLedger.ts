/**
 * The embedded engine: one SQLite file under DATA_DIR, WAL mode.
 *
 * Durability: consents, revocations, keys and orgs commit with
 * `synchronous=FULL` (the WAL is fsynced before the commit returns), so an
 * acknowledged opt-out survives a power cut. Decisions and send counters
 * commit with `synchronous=NORMAL`: in WAL mode that survives a crash of the
 * process (`kill -9`) but not of the machine, and it keeps an fsync off the
 * path that runs before every call and text; they also share one transaction
 * per event-loop turn (group commit, see turnTransaction.ts).
 *
 * better-sqlite3 is synchronous: each method runs to completion before any
 * other request is served, so read-then-write sequences inside one
 * transaction are atomic without locks.
 *
 * Anonymised subjects (SPEC §2.5): opened with a `SuppressionKeying`, every
 * lookup by phone also matches the phone's suppression key (see
 * `anonymiseBefore` and ledger.ts).
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEntry, Consent, Decision, Revocation } from '../../domain/records';
import { entityKey } from '../../domain/vocabulary';
import { auditText, chainHashOf, consentEventBody, decisionBody, revocationBody, type AuditText } from '../auditChain';
import { consentWrite, type ConsentWrite } from '../consentWrite';
import { decodeCursor, encodeCursor, isPosition, isSubjectPosition } from '../cursor';
import { newId } from '../../domain/ids';
import {
  LedgerUnavailableError,
  isSuppressionKey,
  type AnonymiseResult,
  type AuditSubject,
  type SuppressionKeying,
  type ApiKey,
  type ConsentQuery,
  type ConsentStatusChange,
  type ContactFacts,
  type DecisionQuery,
  type Ledger,
  type Org,
  type OutboxMessage,
  type Page,
  type SendCounterKeys,
  type SendDecider,
  type SendFacts,
} from '../ledger';
import { deciderFor, limitReached, refusedDecision } from '../sendDecision';
import { addDaySendsColumn, CONSENT_LAYOUTS, consentLayout, SCHEMA, SCHEMA_VERSION, type ConsentLayoutSql } from './schema';
import { sentTodayIn, withOneMoreSend } from './daySends';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './checkpointer';
import { TurnTransaction } from './turnTransaction';
import { KeyDocCache } from './keyDocCache';
import { canParent, descendantsOf, isRevoked } from '../keyFamily';
import { TurnCounts } from './turnCounts';
import { WebhookMarks } from './webhookMarks';
import { withShortBusyTimeout, WriteProbe } from './writeProbe';

type Row = { data: string };
type SeqRow = Row & { seq: number };
type DecisionRow = SeqRow & { decided_at: string };

/** A decision listing's position: the last (decided_at, seq) seen. */
const isTimePosition = (v: unknown): v is [string, number] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isPosition(v[1]);

export interface SqliteLedgerOptions {
  /** Path of the database file, or ':memory:' for tests that need no durability. */
  file: string;
  /** How anonymised phones are keyed (from RETENTION_SECRET); needed to read and continue anonymised subjects. */
  suppression?: SuppressionKeying;
  /** WAL pages after which the log is rewound (checkpointer.ts); tests set it low. */
  rewindPages?: number;
  /** Seconds the writes waited in each of those rewinds (the gateway's metric). */
  onWriteHold?: (seconds: number) => void;
  /** The memory map's size (SQLITE_MMAP_MB; see mapSize): a ledger larger than this at opening is not mapped. Default 256 MB. */
  mmapBytes?: number;
}

/**
 * The org condition of a list paged by seq. With no other filter it is written `+org_id`, so
 * that SQLite does not pick an index that starts with org_id (consents_org_entity) and then
 * sort the whole org by seq for every page (204 ms a page at 1M consents); it walks the rowid
 * from the cursor instead and stops at the page's end (0.1 ms).
 */
const orgTerm = (otherFilters: boolean) => `${otherFilters ? '' : '+'}org_id = ?`;

/** What one batch of the retention job changed, and where the next one starts. */
interface Batch<C> {
  done: number;
  next: C;
}

/** A batch of rows read in seq order: the next batch starts after its last row. */
const seqBatch = (rows: SeqRow[]): Batch<number> => ({ done: rows.length, next: rows.length ? rows[rows.length - 1].seq : 0 });

/**
 * How much of the file to read through a memory map: a page is then a memory access, not a pread
 * (each a syscall of several µs here, 2-3 per precall on a ledger larger than SQLite's 2 MB page
 * cache; ~10% more decisions per second with 100k consents). Writes still go through the WAL. The
 * mapped pages are the kernel's page cache, shared and reclaimable, but they count in the process's
 * RSS, up to the map's size.
 *
 * Only a ledger the map holds whole is mapped. SQLite maps the first bytes of the file, and a
 * precall's pages are spread across all of it: with a million consents (2 GB) and a 256 MB map the
 * gateway answered as many precalls (+1-3%, noise) at the same CPU per request as with none, and
 * held ~200 MB more RSS (430 against 210-237 MB, alternating rounds). A ledger that grows past the
 * map once open stays mapped up to the map's size.
 */
function mapSize(file: string, mapBytes: number): number {
  let fileBytes = 0;
  try {
    if (file !== ':memory:') fileBytes = statSync(file).size;
  } catch {
    // A new ledger: nothing on disk yet.
  }
  return fileBytes <= mapBytes ? Math.floor(mapBytes) : 0;
}

/**
 * Dirty pages a transaction may hold in memory before SQLite starts writing them to the log
 * mid-transaction (64 MB of 4 KB pages; the page cache itself stays at SQLite's 2 MB). By default
 * it spills as soon as the 2 MB cache is full, and a bulk import's batch (20,000 rows, ~40 MB of
 * new pages plus index pages all over) then wrote a page to the log, read it back and wrote it again
 * as later rows touched it: a 300,000-row import made 890,000 pwrites and 513,000 preads; with this,
 * 609,000 and 437,000; at a million rows 8.7 M read and write calls became 5.3 M, the import's
 * system time fell by 3-7 s and its peak RSS rose ~80 MB (strace and alternating runs,
 * 2026-12-02). The gateway's own transactions (a turn's decisions, one revocation) are far below
 * it; memory is bounded by it.
 */
const SPILL_AFTER_PAGES = 16_384;

/** Rows changed per transaction by the retention job, so a running gateway is never blocked for long. */
const ANONYMISE_BATCH = 500;

export class SqliteLedger implements Ledger {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt;
  /** The last local day whose texts may also be counted in send_counters' `day:` rows (schema.ts, addDaySendsColumn); '' = none. */
  private readonly legacyDayCountsUntil: string = '';
  // Prepared once: every turn with decisions switches the sync level, before every call.
  private readonly syncNormal: Database.Statement;
  private readonly syncFull: Database.Statement;
  private readonly inTransaction: (fn: () => unknown) => unknown;
  private readonly suppression: SuppressionKeying | undefined;
  // The consents table's indexes and the statements that match them (schema.ts).
  private readonly consents: ConsentLayoutSql;
  private readonly checkpointer: Checkpointer | null = null;
  // Decisions and send reservations of one event-loop turn share a transaction (see turnTransaction.ts).
  private readonly turn: TurnTransaction;
  private readonly keyDocs: KeyDocCache;
  // The orgs' month counts of the open turn, written as it commits (see turnCounts.ts).
  private readonly monthCounts: TurnCounts;
  private readonly webhookMarks: WebhookMarks;
  private readonly writeProbe: WriteProbe;

  constructor(options: SqliteLedgerOptions) {
    this.suppression = options.suppression;
    try {
      if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
      this.db = new Database(options.file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma(`cache_spill = ${SPILL_AFTER_PAGES}`);
      this.db.pragma(`mmap_size = ${mapSize(options.file, options.mmapBytes ?? 256 * 2 ** 20)}`);
      this.db.exec(SCHEMA);
      const consentsTable = this.db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'consents'").get()!;
      this.consents = CONSENT_LAYOUTS[consentLayout(consentsTable.sql)];
      this.db.exec(this.consents.indexes);
      this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
      this.legacyDayCountsUntil = this.db.transaction(() => addDaySendsColumn(this.db, new Date())).immediate();
    } catch (err) {
      throw new LedgerUnavailableError(`cannot open SQLite ledger at ${options.file}: ${(err as Error).message}`, { cause: err });
    }
    // Anonymised revocations are found only through their key: opening such a
    // store without it (or with another secret) would unblock opted-out numbers.
    const keyId = (this.db.prepare("SELECT value FROM meta WHERE key = 'suppression_key_id'").get() as { value: string } | undefined)?.value;
    if (keyId && keyId !== options.suppression?.keyId) {
      this.db.close();
      throw new LedgerUnavailableError(
        options.suppression
          ? `the SQLite ledger at ${options.file} was anonymised under a different RETENTION_SECRET; refusing to open it with this one`
          : `the SQLite ledger at ${options.file} holds anonymised records: set the RETENTION_SECRET it was anonymised with`,
      );
    }
    if (options.file !== ':memory:') {
      // Checkpoints run in a worker, off the event loop (see checkpointer.ts); if it fails, SQLite's own come back.
      this.checkpointer = startCheckpointer(options.file, {
        onError: () => {
          if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
        },
        // Called only after the constructor has returned (the worker answers asynchronously).
        writes: { hold: () => this.turn.hold(), release: () => this.turn.release() },
        rewindPages: options.rewindPages,
        onHold: options.onWriteHold,
      });
      if (this.checkpointer) this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
    }
    const db = this.db;
    this.syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = db.prepare('PRAGMA synchronous = FULL');
    // IMMEDIATE, as the turn's: most writes read before they write (a dedupe key, a chain head), and a
    // deferred transaction would fail with SQLITE_BUSY, not wait, had another process (the CLI) committed between.
    const transaction = db.transaction((fn: () => unknown) => fn());
    this.inTransaction = (fn) => transaction.immediate(fn);
    this.monthCounts = new TurnCounts(
      (orgId, key) => this.readCounter(orgId, key),
      (orgId, key, count) => this.stmt.setCounter.run(orgId, key, count),
    );
    this.turn = new TurnTransaction(db, {
      onOpen: () => this.syncNormal.run(),
      beforeCommit: () => this.monthCounts.flush(),
      onClose: () => {
        this.monthCounts.forget();
        this.syncFull.run();
      },
      wrap: (err) => this.wrap(err),
    });
    this.webhookMarks = new WebhookMarks(db);
    this.writeProbe = new WriteProbe(db);
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.keyDocs = new KeyDocCache(() => dataVersion.get()!);
    this.stmt = {
      insertOrg: db.prepare('INSERT INTO orgs (id, data) VALUES (?, ?)'),
      getOrg: db.prepare<[string], Row>('SELECT data FROM orgs WHERE id = ?'),
      insertKey: db.prepare('INSERT INTO api_keys (id, org_id, hash, data) VALUES (?, ?, ?, ?)'),
      keyByHash: db.prepare<[string], Row>('SELECT data FROM api_keys WHERE hash = ?'),
      keysOfOrg: db.prepare<[string], Row>('SELECT data FROM api_keys WHERE org_id = ? ORDER BY rowid'),
      keyOfOrg: db.prepare<[string, string], Row>('SELECT data FROM api_keys WHERE id = ? AND org_id = ?'),
      updateKey: db.prepare('UPDATE api_keys SET data = ? WHERE id = ?'),
      consentByDedupe: db.prepare<[{ org_id: string; phone: string; dedupe_key: string }], Row>(this.consents.byDedupe),
      // Only a consent with the same content (for the same subject) is a duplicate; any other conflict (an id) is an error.
      insertConsent: db.prepare(
        `INSERT INTO consents (id, org_id, phone, entity_key, dedupe_key, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ${this.consents.conflictTarget} DO NOTHING`,
      ),
      consentById: db.prepare<[string, string], Row>('SELECT data FROM consents WHERE id = ? AND org_id = ?'),
      updateConsent: db.prepare('UPDATE consents SET data = ? WHERE id = ?'),
      consentsOfSubject: db.prepare<[string, string, string], Row>('SELECT data FROM consents WHERE org_id = ? AND phone IN (?, ?) ORDER BY seq'),
      consentsOfPhone: db.prepare<[string, string], Row>('SELECT data FROM consents WHERE org_id = ? AND phone = ? ORDER BY seq'),
      revocationByDedupe: db.prepare<[string, string], Row>('SELECT data FROM revocations WHERE org_id = ? AND dedupe_key = ?'),
      insertRevocation: db.prepare('INSERT INTO revocations (id, org_id, phone, scope, dedupe_key, data) VALUES (?, ?, ?, ?, ?, ?)'),
      revocationById: db.prepare<[string, string], Row>('SELECT data FROM revocations WHERE id = ? AND org_id = ?'),
      revocationsOfSubject: db.prepare<[string, string, string], Row>(
        "SELECT data FROM revocations WHERE phone IN (?, ?) AND (org_id = ? OR scope = 'all') ORDER BY seq",
      ),
      revocationsOfPhone: db.prepare<[string, string], Row>("SELECT data FROM revocations WHERE phone = ? AND (org_id = ? OR scope = 'all') ORDER BY seq"),
      insertDecision: db.prepare('INSERT INTO decisions (id, org_id, phone, decided_at, data) VALUES (?, ?, ?, ?, ?)'),
      decisionById: db.prepare<[string, string], Row>('SELECT data FROM decisions WHERE id = ? AND org_id = ?'),
      decisionsInWindow: db.prepare<[string, string, string, string, number, number], DecisionRow>(
        `SELECT seq, decided_at, data FROM decisions
         WHERE org_id = ? AND decided_at >= ? AND decided_at < ? AND (decided_at, seq) > (?, ?)
         ORDER BY decided_at, seq LIMIT ?`,
      ),
      decisionsOfSubject: db.prepare<[string, string, string, string, string, string, string, number, number], DecisionRow>(
        `SELECT d.seq, d.decided_at, d.data FROM audit a INDEXED BY audit_subject CROSS JOIN decisions d ON d.id = a.ref_id
         WHERE a.org_id = ? AND a.phone IN (?, ?) AND a.kind = 'decision'
           AND d.org_id = ? AND d.decided_at >= ? AND d.decided_at < ? AND (d.decided_at, d.seq) > (?, ?)
         ORDER BY d.decided_at, d.seq LIMIT ?`,
      ),
      counter: db.prepare<[string, string], { count: number }>('SELECT count FROM send_counters WHERE org_id = ? AND key = ?'),
      setCounter: db.prepare('INSERT INTO send_counters (org_id, key, count) VALUES (?, ?, ?) ON CONFLICT (org_id, key) DO UPDATE SET count = excluded.count'),
      head: db.prepare<[string, string], { hash: string }>('SELECT hash FROM audit_heads WHERE org_id = ? AND phone = ?'),
      headRow: db.prepare<[string, string], { hash: string; sends: string | null }>('SELECT hash, sends FROM audit_heads WHERE org_id = ? AND phone = ?'),
      // A null `sends` keeps the row's: only a counted text changes them (daySends.ts).
      setHead: db.prepare<[string, string, string, string | null]>(
        'INSERT INTO audit_heads (org_id, phone, hash, sends) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, phone) DO UPDATE SET hash = excluded.hash, sends = coalesce(excluded.sends, audit_heads.sends)',
      ),
      deleteHead: db.prepare('DELETE FROM audit_heads WHERE org_id = ? AND phone = ?'),
      insertAudit: db.prepare(
        'INSERT INTO audit (org_id, phone, kind, ref_id, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      auditOfSubject: db.prepare<[string, string, string], AuditRow>('SELECT * FROM audit WHERE org_id = ? AND phone IN (?, ?) ORDER BY seq'),
      subjects: db.prepare<[string, string, number], AuditSubject>(
        'SELECT org_id, phone, hash AS head FROM audit_heads WHERE (org_id, phone) > (?, ?) ORDER BY org_id, phone LIMIT ?',
      ),
      insertOutbox: db.prepare('INSERT INTO outbox (id, topic, payload, next_attempt_at) VALUES (?, ?, ?, ?)'),
      dueOutbox: db.prepare<[string, number], OutboxRow>(
        'SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY seq LIMIT ?',
      ),
      ackOutbox: db.prepare("UPDATE outbox SET delivered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
      retryOutbox: db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
    };
  }

  /**
   * Runs `fn` in a transaction of its own, committed with synchronous=FULL
   * (after committing the writes of the current turn); maps store failures to
   * LedgerUnavailableError. NORMAL-level writes go through `this.turn`.
   */
  private write<T>(fn: () => T): T {
    try {
      this.turn.end();
      return this.inTransaction(fn) as T;
    } catch (err) {
      throw this.wrap(err);
    }
  }

  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.wrap(err);
    }
  }

  private wrap(err: unknown): Error {
    if (err instanceof LedgerUnavailableError) return err;
    if (err instanceof CallerFailure) return err.error as Error;
    const code = (err as { code?: string }).code ?? '';
    // Constraint violations are programming errors, not an unavailable store.
    if (code.startsWith('SQLITE_CONSTRAINT')) return err as Error;
    return new LedgerUnavailableError(`SQLite ledger failed: ${(err as Error).message}`, { cause: err });
  }

  /** The key a subject may also be stored under; the phone itself when there is no keying (so `IN (?, ?)` matches once). */
  private altKey(phone: string): string {
    return this.suppression && !isSuppressionKey(phone) ? this.suppression.keyOf(phone) : phone;
  }

  /** @param head the subject's head as a pre-send just read it (not read twice), with the day counts to write (daySends.ts) */
  private appendAudit(orgId: string, phone: string, entry: AuditText, head?: HeadAsRead): void {
    let prev = head ? head.hash : this.stmt.head.get(orgId, phone)?.hash;
    if (prev === undefined) {
      // A subject anonymised in full has its head under its key: continue that chain, and bring the head back.
      const key = this.altKey(phone);
      if (key !== phone) {
        prev = this.stmt.head.get(orgId, key)?.hash;
        if (prev !== undefined) this.stmt.deleteHead.run(orgId, key);
      }
    }
    prev ??= '';
    const hash = chainHashOf(prev, entry.canonical);
    this.stmt.insertAudit.run(orgId, phone, entry.kind, entry.ref_id, entry.at, prev, hash, entry.canonical);
    this.stmt.setHead.run(orgId, phone, hash, head?.sends ?? null);
  }

  /** Answers when the file can be read and take a write (writeProbe.ts). */
  async ping(): Promise<void> {
    this.read(() => this.db.prepare('SELECT 1').get());
    this.read(() => this.writeProbe.check());
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.turn.release();
      this.turn.end();
    }
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  async createOrg(org: Org): Promise<void> {
    this.write(() => this.stmt.insertOrg.run(org.id, JSON.stringify(org)));
  }

  async getOrg(orgId: string): Promise<Org | null> {
    return parse<Org>(this.read(() => this.stmt.getOrg.get(orgId)));
  }

  async createApiKey(key: ApiKey): Promise<boolean> {
    this.keyDocs.clear();
    return this.write(() => {
      if (key.parent_key_id && !canParent(parse<ApiKey>(this.stmt.keyOfOrg.get(key.parent_key_id, key.org_id)))) return false;
      this.stmt.insertKey.run(key.id, key.org_id, key.hash, JSON.stringify(key));
      return true;
    });
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const doc = this.read(() => this.keyDocs.get(hash, () => this.stmt.keyByHash.get(hash)?.data));
    return doc === undefined ? null : (JSON.parse(doc) as ApiKey);
  }

  async listApiKeys(orgId: string): Promise<ApiKey[]> {
    return this.read(() => this.stmt.keysOfOrg.all(orgId)).map(parseData<ApiKey>);
  }

  async revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
    return this.write(() => {
      const key = parse<ApiKey>(this.stmt.keyOfOrg.get(keyId, orgId));
      if (!key) return null;
      const family = [key, ...descendantsOf(this.stmt.keysOfOrg.all(orgId).map(parseData<ApiKey>), key.id)];
      for (const k of family.filter((k) => !isRevoked(k))) {
        k.revoked_at = at;
        this.keyDocs.clear();
        this.stmt.updateKey.run(JSON.stringify(k), k.id);
      }
      return key;
    });
  }

  async captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.write(() => {
      if (this.insertConsentTx(consentWrite(consent))) return { consent, created: true };
      return { consent: parse<Consent>(this.stmt.consentByDedupe.get({ org_id: consent.org_id, phone: consent.phone, dedupe_key: consent.dedupe_key }))!, created: false };
    });
  }

  /** Inserts a consent unless one with the same content exists; one statement for a new consent (the import's common case). */
  private insertConsentTx(c: ConsentWrite): boolean {
    const inserted = this.stmt.insertConsent.run(c.id, c.org_id, c.phone, c.entity_key, c.dedupe_key, c.doc).changes;
    if (!inserted) return false;
    this.appendAudit(c.org_id, c.phone, c.audit);
    return true;
  }

  async captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
    return this.write(() => {
      let created = 0;
      for (const c of consents) if (this.insertConsentTx(c)) created++;
      return { created, duplicates: consents.length - created };
    });
  }

  async getConsent(orgId: string, id: string): Promise<Consent | null> {
    return parse<Consent>(this.read(() => this.stmt.consentById.get(id, orgId)));
  }

  async listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    const where = [orgTerm(Boolean(q.phone || q.calling_entity)), 'seq > ?'];
    const args: (string | number)[] = [orgId, decodeCursor(q.after, isPosition) ?? 0];
    if (q.phone) (where.push('phone IN (?, ?)'), args.push(q.phone, this.altKey(q.phone)));
    if (q.calling_entity) (where.push('entity_key = ?'), args.push(entityKey(q.calling_entity)));
    const rows = this.read(() =>
      this.db.prepare<unknown[], SeqRow>(`SELECT seq, data FROM consents WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...args, q.limit + 1),
    );
    return pageOf(rows, q.limit, parseData<Consent>, (last) => last.seq);
  }

  async changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null> {
    return this.write(() => {
      const consent = parse<Consent>(this.stmt.consentById.get(id, orgId));
      if (!consent) return null;
      if (consent.status === change.to) return { consent, changed: false };
      consent.status = change.to;
      consent.updated_at = change.at;
      if (change.to === 'opted_out') {
        consent.opted_out_at = change.at;
        consent.opt_out_source = change.source;
      } else {
        consent.confirmed_at = change.at;
      }
      consent.history.push({ event: change.event, at: change.at, source: change.source });
      this.stmt.updateConsent.run(JSON.stringify(consent), consent.id);
      this.appendAudit(orgId, consent.phone, auditText(consentEventBody(consent, change.event, change.at, change.source)));
      return { consent, changed: true };
    });
  }

  async recordRevocation(revocation: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
    return this.write(() => {
      const existing = parse<Revocation>(this.stmt.revocationByDedupe.get(revocation.org_id, revocation.dedupe_key));
      if (existing) return { revocation: existing, created: false };
      const r = revocation;
      this.stmt.insertRevocation.run(r.id, r.org_id, r.phone, r.scope, r.dedupe_key, JSON.stringify(r));
      this.appendAudit(r.org_id, r.phone, auditText(revocationBody(r)));
      // Only this deployment's own network-wide opt-outs are propagated; a peer's are not echoed back.
      if (r.scope === 'all' && r.origin === 'local') {
        this.stmt.insertOutbox.run(newId('evt'), 'revocation.network', JSON.stringify(r), r.created_at);
      }
      return { revocation: r, created: true };
    });
  }

  async getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return parse<Revocation>(this.read(() => this.stmt.revocationById.get(id, orgId)));
  }

  async contactFacts(orgId: string, phone: string): Promise<ContactFacts> {
    return this.read(() => this.contactFactsNow(orgId, phone));
  }

  private contactFactsNow(orgId: string, phone: string): ContactFacts {
    const key = this.altKey(phone);
    // Before every call and text: with no second key, one index probe in seq order (IN (?, ?) sorts).
    const [consents, revocations] =
      key === phone
        ? [this.stmt.consentsOfPhone.all(orgId, phone), this.stmt.revocationsOfPhone.all(phone, orgId)]
        : [this.stmt.consentsOfSubject.all(orgId, phone, key), this.stmt.revocationsOfSubject.all(phone, key, orgId)];
    return { consents: consents.map(parseData<Consent>), revocations: revocations.map(parseData<Revocation>) };
  }

  async sendCounts(orgId: string, phone: string, keys: SendCounterKeys): Promise<{ sentToday: number; sentThisMonth: number }> {
    const { sentToday, sentThisMonth } = this.read(() => this.counts(orgId, phone, keys));
    return { sentToday, sentThisMonth };
  }

  private counts(orgId: string, phone: string, keys: SendCounterKeys) {
    const row = this.stmt.headRow.get(orgId, phone);
    return {
      hash: row?.hash,
      sends: row?.sends,
      sentToday: sentTodayIn(row?.sends, keys) + this.legacySentToday(orgId, phone, keys),
      // Inside a turn, as this turn has counted so far; outside, as committed.
      sentThisMonth: this.turn.isOpen ? this.monthCounts.get(orgId, monthKey(keys)) : this.readCounter(orgId, monthKey(keys)),
    };
  }

  /** Texts of the day that a ledger made before daySends.ts counted in send_counters, on the day it moved. */
  private legacySentToday(orgId: string, phone: string, keys: SendCounterKeys): number {
    return keys.day <= this.legacyDayCountsUntil ? this.readCounter(orgId, legacyDayKey(phone, keys)) : 0;
  }

  private readCounter(orgId: string, key: string): number {
    return this.stmt.counter.get(orgId, key)?.count ?? 0;
  }

  // One savepoint of the turn for all of it: a pre-send waits for one commit, and its facts are the ones its count is made on.
  decideSend(orgId: string, phone: string, keys: SendCounterKeys, decide: SendDecider): Promise<Decision> {
    const held = deciderFor(orgId, phone, decide);
    const ask: SendDecider = (facts) => {
      try {
        return held(facts);
      } catch (err) {
        throw new CallerFailure(err);
      }
    };
    return this.turn.run(() => {
      const { hash, sends, sentToday, sentThisMonth } = this.counts(orgId, phone, keys);
      const facts: SendFacts = { org: parse<Org>(this.stmt.getOrg.get(orgId)), ...this.contactFactsNow(orgId, phone), sentToday, sentThisMonth };
      const verdict = ask(facts);
      // Nothing can come between the read and the count here; a refusal means the decider allowed a send past its own limits.
      const refusal = verdict.limits ? limitReached(facts, verdict.limits) : null;
      if (refusal) {
        const refused = refusedDecision(ask, facts, refusal, verdict.limits!);
        this.insertDecision(refused, { hash, sends: null });
        return refused;
      }
      // The day's count rides on the subject's chain head, which this decision's audit entry writes.
      this.insertDecision(verdict.decision, { hash, sends: verdict.limits ? withOneMoreSend(sends, keys) : null });
      // Last, so that a text whose savepoint failed counts nothing: the org's month, written with the turn (turnCounts.ts).
      if (verdict.limits) this.monthCounts.add(orgId, monthKey(keys));
      return verdict.decision;
    });
  }

  recordDecision(d: Decision): Promise<void> {
    return this.turn.run(() => this.insertDecision(d));
  }

  private insertDecision(d: Decision, head?: HeadAsRead): void {
    this.stmt.insertDecision.run(d.id, d.org_id, d.phone, d.decided_at, JSON.stringify(d));
    this.appendAudit(d.org_id, d.phone, auditText(decisionBody(d)), head);
  }

  async getDecision(orgId: string, id: string): Promise<Decision | null> {
    return parse<Decision>(this.read(() => this.stmt.decisionById.get(id, orgId)));
  }

  /**
   * Decisions in (decided_at, seq) order — the Redis engine's order (its index is by time), and
   * the order of decisions_org_time, so a page without a phone is a walk of that index from its
   * cursor. (In seq order every page of a time window read the whole window and sorted it: an
   * export of n decisions cost n²/page.) Decisions have no index by phone (it cost a random page
   * per decision, schema.ts): a subject's are found through its audit trail, which holds one
   * 'decision' entry per decision, and sorted (a subject has few).
   */
  async listDecisions(orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
    const [at, seq] = decodeCursor(q.after, isTimePosition) ?? ['', 0];
    const window = [orgId, q.from ?? '', q.to ?? '\uffff', at, seq] as const;
    const rows = this.read(() =>
      q.phone
        ? this.stmt.decisionsOfSubject.all(orgId, q.phone, this.altKey(q.phone), ...window, q.limit + 1)
        : this.stmt.decisionsInWindow.all(...window, q.limit + 1),
    );
    return pageOf(rows, q.limit, parseData<Decision>, (last) => [last.decided_at, last.seq]);
  }

  async auditTrail(orgId: string, phone: string): Promise<AuditEntry[]> {
    return this.read(() => this.stmt.auditOfSubject.all(orgId, phone, this.altKey(phone))).map(auditFromRow);
  }

  async auditSubjects(query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
    const [org, phone] = decodeCursor(query.after, isSubjectPosition) ?? ['', ''];
    const rows = this.read(() => this.stmt.subjects.all(org, phone, query.limit + 1));
    return pageOf(rows, query.limit, (row) => row, (last) => [last.org_id, last.phone]);
  }

  async anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult> {
    const keying = this.suppression;
    if (!keying) throw new Error('anonymisation needs a suppression keying (RETENTION_SECRET)');
    const cutoff = new Date(cutoffIso).toISOString();
    const result: AnonymiseResult = { consents: 0, revocations: 0, decisions: 0, audit_entries: 0 };
    this.write(() => this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('suppression_key_id', ?)").run(keying.keyId));
    // Each step works in batches of one transaction, each batch after the last
    // row the one before saw, until a batch finds nothing. A re-keyed row no
    // longer matches (its phone is a key), so the job is idempotent and can be
    // stopped and resumed at any point. (Without the cursor every batch walked
    // again past all the rows the earlier ones had re-keyed, which stay in
    // place: 400k old decisions took 33 s, 3 s with it.)
    const batches = <C>(start: C, step: (after: C) => Batch<C>): number => {
      let total = 0;
      for (let after = start; ; ) {
        const { done, next } = this.write(() => step(after));
        if (done === 0) return total;
        total += done;
        after = next;
      }
    };
    result.revocations = batches(0, (after) => this.anonymiseRevocations(cutoff, keying, after));
    result.decisions = batches(0, (after) => this.anonymiseDecisions(cutoff, keying, after));
    result.consents = batches(0, (after) => this.anonymiseConsents(cutoff, keying, after));
    result.audit_entries = batches(['', ''] as [string, string], (after) => this.rekeyAudit(cutoff, keying, after));
    this.write(() => {
      // Daily send counters name the phone; past days are of no use to the cap.
      this.db.prepare("DELETE FROM send_counters WHERE key LIKE 'day:%' AND substr(key, -10) < ?").run(cutoff.slice(0, 10));
      // Delivered network messages carry the revocation as it was sent; undelivered ones keep the phone (peers need it) but lose the rest.
      this.db.prepare('DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?').run(cutoff);
      for (const row of this.db.prepare<[string], { id: string; payload: string }>('SELECT id, payload FROM outbox WHERE delivered_at IS NULL AND next_attempt_at < ?').all(cutoff)) {
        const payload = JSON.parse(row.payload) as Record<string, unknown>;
        if (payload.transcript == null && payload.audio_segment_url == null) continue;
        this.db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify({ ...payload, transcript: null, audio_segment_url: null }), row.id);
      }
    });
    return result;
  }

  private anonymiseRevocations(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.db
      .prepare<[number, string, number], SeqRow>(
        "SELECT seq, data FROM revocations WHERE seq > ? AND phone NOT LIKE 'hmac:%' AND json_extract(data, '$.created_at') < ? ORDER BY seq LIMIT ?",
      )
      .all(after, cutoff, ANONYMISE_BATCH);
    const update = this.db.prepare('UPDATE revocations SET phone = ?, dedupe_key = ?, data = ? WHERE seq = ?');
    for (const row of rows) {
      const r = JSON.parse(row.data) as Revocation;
      const key = keying.keyOf(r.phone);
      const anonymised: Revocation = { ...r, phone: key, dedupe_key: r.dedupe_key.split(r.phone).join(key), transcript: null, audio_segment_url: null };
      update.run(key, anonymised.dedupe_key, JSON.stringify(anonymised), row.seq);
    }
    return seqBatch(rows);
  }

  private anonymiseDecisions(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.db
      .prepare<[number, string, number], SeqRow>("SELECT seq, data FROM decisions WHERE seq > ? AND decided_at < ? AND phone NOT LIKE 'hmac:%' ORDER BY seq LIMIT ?")
      .all(after, cutoff, ANONYMISE_BATCH);
    const update = this.db.prepare('UPDATE decisions SET phone = ?, data = ? WHERE seq = ?');
    for (const row of rows) {
      const d = JSON.parse(row.data) as Decision;
      const key = keying.keyOf(d.phone);
      const request = { ...d.request, phone: key, metadata: null };
      update.run(key, JSON.stringify({ ...d, phone: key, request }), row.seq);
    }
    return seqBatch(rows);
  }

  /** Consents that ended (opted out, expired, or left pending) before the cutoff; a consent in force is the proof a call relies on. */
  private anonymiseConsents(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.db
      .prepare<[number, string, string, string, number], SeqRow>(
        `SELECT seq, data FROM consents WHERE seq > ? AND phone NOT LIKE 'hmac:%' AND (
           (json_extract(data, '$.status') = 'opted_out' AND json_extract(data, '$.opted_out_at') < ?)
           OR json_extract(data, '$.expires_at') < ?
           OR (json_extract(data, '$.status') = 'pending' AND json_extract(data, '$.created_at') < ?)
         ) ORDER BY seq LIMIT ?`,
      )
      .all(after, cutoff, cutoff, cutoff, ANONYMISE_BATCH);
    const update = this.db.prepare(`UPDATE consents SET phone = ?, data = ?, dedupe_key = ${this.consents.anonymisedDedupeKey} WHERE seq = ?`);
    const now = new Date().toISOString();
    for (const row of rows) {
      const c = JSON.parse(row.data) as Consent;
      const key = keying.keyOf(c.phone);
      const { text: _text, ip: _ip, user_agent: _ua, ...evidence } = c.evidence;
      const anonymised: Consent = { ...c, phone: key, evidence, history: [...c.history, { event: 'anonymised', at: now, source: 'retention' }] };
      update.run(key, JSON.stringify(anonymised), row.seq);
    }
    return seqBatch(rows);
  }

  /**
   * Moves each subject's entries older than the cutoff to its key — a prefix
   * of its chain, so what stays under the phone continues what moved. A
   * subject with nothing left under its phone takes its head along.
   */
  private rekeyAudit(cutoff: string, keying: SuppressionKeying, after: [string, string]): Batch<[string, string]> {
    const subjects = this.db
      .prepare<[string, string, string, number], { org_id: string; phone: string; upto: number }>(
        `SELECT org_id, phone, MAX(seq) AS upto FROM audit INDEXED BY audit_subject
         WHERE (org_id, phone) > (?, ?) AND at < ? AND phone NOT LIKE 'hmac:%'
         GROUP BY org_id, phone ORDER BY org_id, phone LIMIT ?`,
      )
      .all(after[0], after[1], cutoff, ANONYMISE_BATCH);
    let moved = 0;
    for (const s of subjects) {
      const key = keying.keyOf(s.phone);
      moved += this.db.prepare('UPDATE audit SET phone = ? WHERE org_id = ? AND phone = ? AND seq <= ?').run(key, s.org_id, s.phone, s.upto).changes;
      const left = this.db.prepare('SELECT 1 FROM audit WHERE org_id = ? AND phone = ? LIMIT 1').get(s.org_id, s.phone);
      const head = this.stmt.head.get(s.org_id, s.phone);
      if (!left && head) {
        this.stmt.deleteHead.run(s.org_id, s.phone);
        this.stmt.setHead.run(s.org_id, key, head.hash, null);
      }
    }
    const last = subjects[subjects.length - 1];
    return { done: moved, next: last ? [last.org_id, last.phone] : after };
  }

  async dueOutbox(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.read(() => this.stmt.dueOutbox.all(now, limit)).map((r) => ({
      id: r.id,
      topic: r.topic,
      payload: JSON.parse(r.payload),
      attempts: r.attempts,
      next_attempt_at: r.next_attempt_at,
    }));
  }

  async markWebhookSeen(key: string, ttlSeconds: number): Promise<boolean> {
    // A mark that cannot be made is answered as a first delivery (the webhook is acted on, an opt-out
    // queued if need be): waiting the full busy timeout for it would only delay that opt-out.
    return withShortBusyTimeout(this.db, () => this.write(() => this.webhookMarks.markSeen(key, ttlSeconds, Date.now())));
  }

  async forgetWebhookSeen(key: string): Promise<void> {
    this.write(() => this.webhookMarks.forgetSeen(key));
  }

  async ackOutbox(id: string): Promise<void> {
    this.write(() => this.stmt.ackOutbox.run(id));
  }

  async retryOutbox(id: string, nextAttemptAt: string): Promise<void> {
    this.write(() => this.stmt.retryOutbox.run(nextAttemptAt, id));
  }

  /** For the CLI and tests: the raw database (e.g. to tamper with a row and prove verification catches it). */
  get database(): Database.Database {
    return this.db;
  }
}

interface AuditRow {
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

interface OutboxRow {
  id: string;
  topic: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
}

function auditFromRow(r: AuditRow): AuditEntry {
  return { seq: r.seq, org_id: r.org_id, phone: r.phone, kind: r.kind, ref_id: r.ref_id, at: r.at, prev_hash: r.prev_hash, hash: r.hash, body: JSON.parse(r.body) };
}

/** What a caller's function threw inside a transaction (a pre-send's decider): handed back as it is, not as the store failing. */
class CallerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * A subject's chain head as a pre-send read it, handed to the append in the same savepoint:
 * `hash` undefined when there is none under the phone; `sends` the day counts to write (null: keep the row's).
 */
interface HeadAsRead {
  hash: string | undefined;
  sends: string | null;
}

/** Where ledgers made before daySends.ts counted a subject's texts of a day. */
const legacyDayKey = (phone: string, k: SendCounterKeys) => `day:${phone}:${k.entity}:${k.day}`;
const monthKey = (k: SendCounterKeys) => `month:${k.month}`;

const parseData = <T>(row: Row) => JSON.parse(row.data) as T;

/** The record a row holds, or null for no row. */
function parse<T>(row: Row | undefined): T | null {
  return row ? parseData<T>(row) : null;
}

/**
 * A page of `limit` items out of up to limit + 1 rows (the extra one says there is more). The
 * cursor is the last item's position (../cursor.ts); a seq alone encodes as its digits, as the
 * cursors before this helper did.
 */
function pageOf<R, T>(rows: R[], limit: number, item: (row: R) => T, positionOf: (last: R) => unknown): Page<T> {
  const next = rows.length > limit ? encodeCursor(positionOf(rows[limit - 1])) : null;
  return { items: rows.slice(0, limit).map(item), next_cursor: next };
}
