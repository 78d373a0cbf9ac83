/**
 * The SQLite engine's statements, prepared once when the ledger opens: each runs on the paths
 * before every call and text, or on every API request, so none is compiled per use. Statements
 * only the retention job or a listing with optional filters needs are prepared where they run.
 */
import type Database from 'better-sqlite3';
import type { AuditSubject } from '../ledger';
import type { AuditRow, DecisionRow, OutboxRow, Row } from './rows';
import type { ConsentLayoutSql } from './schema';

export type Statements = ReturnType<typeof prepareStatements>;

/** @param consents the consents table's layout (schema.ts): its dedupe statement and conflict target follow its indexes */
export function prepareStatements(db: Database.Database, consents: ConsentLayoutSql) {
  return {
    insertOrg: db.prepare('INSERT INTO orgs (id, data) VALUES (?, ?)'),
    getOrg: db.prepare<[string], Row>('SELECT data FROM orgs WHERE id = ?'),
    insertKey: db.prepare('INSERT INTO api_keys (id, org_id, hash, data) VALUES (?, ?, ?, ?)'),
    keyByHash: db.prepare<[string], Row>('SELECT data FROM api_keys WHERE hash = ?'),
    keysOfOrg: db.prepare<[string], Row>('SELECT data FROM api_keys WHERE org_id = ? ORDER BY rowid'),
    keyOfOrg: db.prepare<[string, string], Row>('SELECT data FROM api_keys WHERE id = ? AND org_id = ?'),
    updateKey: db.prepare('UPDATE api_keys SET data = ? WHERE id = ?'),
    consentByDedupe: db.prepare<[{ org_id: string; phone: string; dedupe_key: string }], Row>(consents.byDedupe),
    // Only a consent with the same content (for the same subject) is a duplicate; any other conflict (an id) is an error.
    insertConsent: db.prepare(
      `INSERT INTO consents (id, org_id, phone, entity_key, dedupe_key, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ${consents.conflictTarget} DO NOTHING`,
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
    bumpCounter: db.prepare<[string, string]>(
      'INSERT INTO send_counters (org_id, key, count) VALUES (?, ?, 1) ON CONFLICT (org_id, key) DO UPDATE SET count = count + 1',
    ),
    head: db.prepare<[string, string], { hash: string }>('SELECT hash FROM audit_heads WHERE org_id = ? AND phone = ?'),
    headRow: db.prepare<[string, string], { hash: string; sends: string | null; covered: string | null }>(
      'SELECT hash, sends, covered FROM audit_heads WHERE org_id = ? AND phone = ?',
    ),
    // A null `sends` keeps the row's: only a counted text changes them (daySends.ts).
    setHead: db.prepare<[string, string, string, string | null, string | null]>(
      `INSERT INTO audit_heads (org_id, phone, hash, sends, covered) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (org_id, phone) DO UPDATE SET hash = excluded.hash, sends = coalesce(excluded.sends, audit_heads.sends),
         covered = coalesce(excluded.covered, audit_heads.covered)`,
    ),
    deleteHead: db.prepare('DELETE FROM audit_heads WHERE org_id = ? AND phone = ?'),
    insertAudit: db.prepare('INSERT INTO audit (org_id, phone, kind, ref_id, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    auditOfSubject: db.prepare<[string, string, string], AuditRow>('SELECT * FROM audit WHERE org_id = ? AND phone IN (?, ?) ORDER BY seq'),
    subjects: db.prepare<[string, string, number], AuditSubject>(
      'SELECT org_id, phone, hash AS head FROM audit_heads WHERE (org_id, phone) > (?, ?) ORDER BY org_id, phone LIMIT ?',
    ),
    insertOutbox: db.prepare('INSERT INTO outbox (id, topic, payload, next_attempt_at) VALUES (?, ?, ?, ?)'),
    dueOutbox: db.prepare<[string, number], OutboxRow>('SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY seq LIMIT ?'),
    ackOutbox: db.prepare("UPDATE outbox SET delivered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
    retryOutbox: db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
  };
}
