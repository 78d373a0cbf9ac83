/**
 * Consents in SQLite: captured one at a time or by the import's batches, listed, and changed in
 * status; each write appends its audit entry in the same transaction (synchronous=FULL).
 */
import { withConsentStatus } from '../../domain/consentStatus';
import type { Consent } from '../../domain/records';
import { entityKey } from '../../domain/vocabulary';
import { auditText, consentEventBody } from '../auditChain';
import { consentWrite, type ConsentWrite } from '../consentWrite';
import { decodeCursor, isPosition } from '../cursor';
import type { ConsentQuery, ConsentStatusChange, Page } from '../ledger';
import { pageOf, parse, parseData, type SeqRow } from './rows';
import type { SqliteStore } from './store';
import { appendAudit } from './subjectAudit';

/**
 * The org condition of a list paged by seq. With no other filter it is written `+org_id`, so
 * that SQLite does not pick an index that starts with org_id (consents_org_entity) and then
 * sort the whole org by seq for every page; it walks the rowid from the cursor instead and stops
 * at the page's end.
 */
const orgTerm = (otherFilters: boolean) => `${otherFilters ? '' : '+'}org_id = ?`;

export class SqliteConsents {
  constructor(private readonly store: SqliteStore) {}

  async captureConsent(consent: Consent): Promise<{ consent: Consent; created: boolean }> {
    return this.store.write(() => {
      if (this.insert(consentWrite(consent))) return { consent, created: true };
      const existing = this.store.stmt.consentByDedupe.get({ org_id: consent.org_id, phone: consent.phone, dedupe_key: consent.dedupe_key });
      return { consent: parse<Consent>(existing)!, created: false };
    });
  }

  async captureConsents(consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
    return this.store.write(() => {
      let created = 0;
      for (const c of consents) if (this.insert(c)) created++;
      return { created, duplicates: consents.length - created };
    });
  }

  /** Inserts a consent unless one with the same content exists; one statement for a new consent (the import's common case). */
  private insert(c: ConsentWrite): boolean {
    const inserted = this.store.stmt.insertConsent.run(c.id, c.org_id, c.phone, c.entity_key, c.dedupe_key, c.doc).changes;
    if (!inserted) return false;
    appendAudit(this.store, c.org_id, c.phone, c.audit);
    return true;
  }

  async getConsent(orgId: string, id: string): Promise<Consent | null> {
    return parse<Consent>(this.store.read(() => this.store.stmt.consentById.get(id, orgId)));
  }

  async listConsents(orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
    const where = [orgTerm(Boolean(q.phone || q.calling_entity)), 'seq > ?'];
    const args: (string | number)[] = [orgId, decodeCursor(q.after, isPosition) ?? 0];
    if (q.phone) {
      where.push('phone IN (?, ?)');
      args.push(q.phone, this.store.altKey(q.phone));
    }
    if (q.calling_entity) {
      where.push('entity_key = ?');
      args.push(entityKey(q.calling_entity));
    }
    const rows = this.store.read(() =>
      this.store.db.prepare<unknown[], SeqRow>(`SELECT seq, data FROM consents WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...args, q.limit + 1),
    );
    return pageOf(rows, q.limit, parseData<Consent>, (last) => last.seq);
  }

  async changeConsentStatus(orgId: string, id: string, change: ConsentStatusChange): Promise<{ consent: Consent; changed: boolean } | null> {
    const { stmt } = this.store;
    return this.store.write(() => {
      const stored = parse<Consent>(stmt.consentById.get(id, orgId));
      if (!stored) return null;
      const changed = withConsentStatus(stored, change);
      if (!changed) return { consent: stored, changed: false };
      const { consent } = changed;
      stmt.updateConsent.run(JSON.stringify(consent), consent.id);
      appendAudit(this.store, orgId, consent.phone, auditText(consentEventBody(consent, change.event, change.at, change.source)));
      return { consent, changed: true };
    });
  }
}
