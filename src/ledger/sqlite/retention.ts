/**
 * The retention job in SQLite (`anonymiseBefore`): records older than the cutoff lose what names
 * the person — the phone becomes its suppression key — in small transactions, so a running
 * gateway is never blocked for long. The store remembers which key it was anonymised under
 * (openFile.ts refuses to open it without that key).
 */
import type { Consent, Decision, Revocation } from '../../domain/records';
import { anonymiseConsent, anonymiseDecision, anonymiseRevocation, scrubbedMessagePayload } from '../../domain/retention';
import type { AnonymiseResult, SuppressionKeying } from '../ledger';
import { keyingToAnonymise } from '../retentionKey';
import { anonymiseCallsBefore } from './calls';
import { forgetCoveredContactsBefore } from './coveredContacts';
import type { SeqRow } from './rows';
import type { ConsentLayoutSql } from './schema';
import type { SqliteStore } from './store';

/** Rows changed per transaction by the retention job, so a running gateway is never blocked for long. */
const ANONYMISE_BATCH = 500;

/** What one batch of the retention job changed, and where the next one starts. */
interface Batch<C> {
  done: number;
  next: C;
}

/** A batch of rows read in seq order: the next batch starts after its last row. */
const seqBatch = (rows: SeqRow[]): Batch<number> => ({ done: rows.length, next: rows.length ? rows[rows.length - 1].seq : 0 });

export class SqliteRetention {
  /** @param consents the consents table's layout (schema.ts): how an anonymised consent's dedupe key is rewritten */
  constructor(
    private readonly store: SqliteStore,
    private readonly consents: ConsentLayoutSql,
  ) {}

  async anonymiseBefore(cutoffIso: string): Promise<AnonymiseResult> {
    const keying = keyingToAnonymise(this.store.suppression);
    const db = this.store.db;
    const cutoff = new Date(cutoffIso).toISOString();
    const result: AnonymiseResult = { consents: 0, revocations: 0, decisions: 0, audit_entries: 0, call_events: 0 };
    this.store.write(() => db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('suppression_key_id', ?)").run(keying.keyId));
    // Each step works in batches of one transaction, each batch after the last
    // row the one before saw, until a batch finds nothing. A re-keyed row no
    // longer matches (its phone is a key), so the job is idempotent and can be
    // stopped and resumed at any point. (Without the cursor every batch walked
    // again past all the rows the earlier ones had re-keyed, which stay in
    // place: the job grew with the square of the rows it changed.)
    const batches = <C>(start: C, step: (after: C) => Batch<C>): number => {
      let total = 0;
      for (let after = start; ; ) {
        const { done, next } = this.store.write(() => step(after));
        if (done === 0) return total;
        total += done;
        after = next;
      }
    };
    result.revocations = batches(0, (after) => this.anonymiseRevocations(cutoff, keying, after));
    result.decisions = batches(0, (after) => this.anonymiseDecisions(cutoff, keying, after));
    result.consents = batches(0, (after) => this.anonymiseConsents(cutoff, keying, after));
    result.call_events = batches(['', ''] as [string, string], (after) => anonymiseCallsBefore(db, cutoff, keying, after));
    result.audit_entries = batches(['', ''] as [string, string], (after) => this.rekeyAudit(cutoff, keying, after));
    this.store.write(() => {
      // Daily send counters name the phone; past days are of no use to the cap.
      db.prepare("DELETE FROM send_counters WHERE key LIKE 'day:%' AND substr(key, -10) < ?").run(cutoff.slice(0, 10));
      // So do covered contacts (state caps); the ones before the cutoff are past every window.
      forgetCoveredContactsBefore(db, cutoff);
      // Delivered network messages carry the revocation as it was sent; undelivered ones keep the phone (peers need it) but lose the rest.
      db.prepare('DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?').run(cutoff);
      const undelivered = db.prepare<[string], { id: string; payload: string }>(
        'SELECT id, payload FROM outbox WHERE delivered_at IS NULL AND next_attempt_at < ?',
      );
      for (const row of undelivered.all(cutoff)) {
        const scrubbed = scrubbedMessagePayload(JSON.parse(row.payload) as Record<string, unknown>);
        if (scrubbed) db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(scrubbed), row.id);
      }
    });
    return result;
  }

  private anonymiseRevocations(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.store.db
      .prepare<[number, string, number], SeqRow>(
        "SELECT seq, data FROM revocations WHERE seq > ? AND phone NOT LIKE 'hmac:%' AND json_extract(data, '$.created_at') < ? ORDER BY seq LIMIT ?",
      )
      .all(after, cutoff, ANONYMISE_BATCH);
    const update = this.store.db.prepare('UPDATE revocations SET phone = ?, dedupe_key = ?, data = ? WHERE seq = ?');
    for (const row of rows) {
      const anonymised = anonymiseRevocation(JSON.parse(row.data) as Revocation, keying);
      update.run(anonymised.phone, anonymised.dedupe_key, JSON.stringify(anonymised), row.seq);
    }
    return seqBatch(rows);
  }

  private anonymiseDecisions(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.store.db
      .prepare<[number, string, number], SeqRow>(
        "SELECT seq, data FROM decisions WHERE seq > ? AND decided_at < ? AND phone NOT LIKE 'hmac:%' ORDER BY seq LIMIT ?",
      )
      .all(after, cutoff, ANONYMISE_BATCH);
    const update = this.store.db.prepare('UPDATE decisions SET phone = ?, data = ? WHERE seq = ?');
    for (const row of rows) {
      const anonymised = anonymiseDecision(JSON.parse(row.data) as Decision, keying);
      update.run(anonymised.phone, JSON.stringify(anonymised), row.seq);
    }
    return seqBatch(rows);
  }

  /**
   * Consents that ended before the cutoff (consentEndedBefore in the domain's retention rules:
   * opted out, expired, or left pending). The query is that rule in SQL, so that the job reads only
   * the consents it changes; the contract suite holds both engines to the same answer.
   */
  private anonymiseConsents(cutoff: string, keying: SuppressionKeying, after: number): Batch<number> {
    const rows = this.store.db
      .prepare<[number, string, string, string, number], SeqRow>(
        `SELECT seq, data FROM consents WHERE seq > ? AND phone NOT LIKE 'hmac:%' AND (
           (json_extract(data, '$.status') = 'opted_out' AND json_extract(data, '$.opted_out_at') < ?)
           OR json_extract(data, '$.expires_at') < ?
           OR (json_extract(data, '$.status') = 'pending' AND json_extract(data, '$.created_at') < ?)
         ) ORDER BY seq LIMIT ?`,
      )
      .all(after, cutoff, cutoff, cutoff, ANONYMISE_BATCH);
    const update = this.store.db.prepare(`UPDATE consents SET phone = ?, data = ?, dedupe_key = ${this.consents.anonymisedDedupeKey} WHERE seq = ?`);
    const now = new Date().toISOString();
    for (const row of rows) {
      const anonymised = anonymiseConsent(JSON.parse(row.data) as Consent, keying, now);
      update.run(anonymised.phone, JSON.stringify(anonymised), row.seq);
    }
    return seqBatch(rows);
  }

  /**
   * Moves each subject's entries older than the cutoff to its key — a prefix
   * of its chain, so what stays under the phone continues what moved. A
   * subject with nothing left under its phone takes its head along.
   */
  private rekeyAudit(cutoff: string, keying: SuppressionKeying, after: [string, string]): Batch<[string, string]> {
    const subjects = this.store.db
      .prepare<[string, string, string, number], { org_id: string; phone: string; upto: number }>(
        `SELECT org_id, phone, MAX(seq) AS upto FROM audit INDEXED BY audit_subject
         WHERE (org_id, phone) > (?, ?) AND at < ? AND phone NOT LIKE 'hmac:%'
         GROUP BY org_id, phone ORDER BY org_id, phone LIMIT ?`,
      )
      .all(after[0], after[1], cutoff, ANONYMISE_BATCH);
    let moved = 0;
    for (const s of subjects) {
      const key = keying.keyOf(s.phone);
      moved += this.store.db.prepare('UPDATE audit SET phone = ? WHERE org_id = ? AND phone = ? AND seq <= ?').run(key, s.org_id, s.phone, s.upto).changes;
      const left = this.store.db.prepare('SELECT 1 FROM audit WHERE org_id = ? AND phone = ? LIMIT 1').get(s.org_id, s.phone);
      const head = this.store.stmt.head.get(s.org_id, s.phone);
      if (!left && head) {
        this.store.stmt.deleteHead.run(s.org_id, s.phone);
        this.store.stmt.setHead.run(s.org_id, key, head.hash, null, null);
      }
    }
    const last = subjects[subjects.length - 1];
    return { done: moved, next: last ? [last.org_id, last.phone] : after };
  }
}
