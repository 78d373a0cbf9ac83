/**
 * The subjects' audit chains in SQLite: every entry appended in the transaction of the record it
 * describes, one head row per subject, and the chains read back.
 *
 * Anonymised subjects: with a suppression keying, a subject's entries may be partly under its
 * phone and partly under its key (the retention job moves the older ones), and reads match both.
 */
import type { AuditEntry } from '../../domain/records';
import { chainHashOf, type AuditText } from '../auditChain';
import { decodeCursor, isSubjectPosition } from '../cursor';
import type { AuditSubject, Page } from '../ledger';
import { pageOf, type AuditRow } from './rows';
import type { SqliteStore } from './store';

/**
 * A subject's chain head as a decision read it, handed to the append in the same savepoint:
 * `hash` undefined when there is none under the phone; `sends` the day counts to write and
 * `covered` the covered contacts to write (null: keep the row's).
 */
export interface HeadAsRead {
  hash: string | undefined;
  sends: string | null;
  covered?: string | null;
}

/** @param head the subject's head as a pre-send just read it (not read twice), with the day counts to write (daySends.ts) */
export function appendAudit(store: SqliteStore, orgId: string, phone: string, entry: AuditText, head?: HeadAsRead): void {
  const { stmt } = store;
  let prev = head ? head.hash : stmt.head.get(orgId, phone)?.hash;
  if (prev === undefined) {
    // A subject anonymised in full has its head under its key: continue that chain, and bring the head back.
    const key = store.altKey(phone);
    if (key !== phone) {
      prev = stmt.head.get(orgId, key)?.hash;
      if (prev !== undefined) stmt.deleteHead.run(orgId, key);
    }
  }
  prev ??= '';
  const hash = chainHashOf(prev, entry.canonical);
  stmt.insertAudit.run(orgId, phone, entry.kind, entry.ref_id, entry.at, prev, hash, entry.canonical);
  stmt.setHead.run(orgId, phone, hash, head?.sends ?? null, head?.covered ?? null);
}

export async function auditTrail(store: SqliteStore, orgId: string, phone: string): Promise<AuditEntry[]> {
  return store.read(() => store.stmt.auditOfSubject.all(orgId, phone, store.altKey(phone))).map(auditFromRow);
}

export async function auditSubjects(store: SqliteStore, query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
  const [org, phone] = decodeCursor(query.after, isSubjectPosition) ?? ['', ''];
  const rows = store.read(() => store.stmt.subjects.all(org, phone, query.limit + 1));
  return pageOf(
    rows,
    query.limit,
    (row) => row,
    (last) => [last.org_id, last.phone],
  );
}

function auditFromRow(r: AuditRow): AuditEntry {
  const { seq, org_id, phone, kind, ref_id, at, prev_hash, hash } = r;
  return { seq, org_id, phone, kind, ref_id, at, prev_hash, hash, body: JSON.parse(r.body) };
}
