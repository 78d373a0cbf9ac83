/**
 * Revocations in SQLite: recorded once per (org, dedupe key) with their audit entry, committed with
 * synchronous=FULL so an acknowledged opt-out survives a power cut; a network-wide opt-out of this
 * deployment also queues its outbox message in the same transaction.
 */
import type { Revocation } from '../../domain/records';
import { newId } from '../../domain/ids';
import { auditText, revocationBody } from '../auditChain';
import { optOutCountName, utcDay } from '../dailyCounts';
import type { SqliteDailyCounts } from './dailyCounts';
import { parse } from './rows';
import type { SqliteStore } from './store';
import { appendAudit } from './subjectAudit';

export class SqliteRevocations {
  constructor(
    private readonly store: SqliteStore,
    private readonly dailyCounts: SqliteDailyCounts,
  ) {}

  async recordRevocation(revocation: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
    const { stmt } = this.store;
    return this.store.write(() => {
      const existing = parse<Revocation>(stmt.revocationByDedupe.get(revocation.org_id, revocation.dedupe_key));
      if (existing) return { revocation: existing, created: false };
      const r = revocation;
      stmt.insertRevocation.run(r.id, r.org_id, r.phone, r.scope, r.dedupe_key, JSON.stringify(r));
      appendAudit(this.store, r.org_id, r.phone, auditText(revocationBody(r)));
      this.dailyCounts.bump(r.org_id, utcDay(r.created_at), optOutCountName(r));
      // Only this deployment's own network-wide opt-outs are propagated; a peer's are not echoed back.
      if (r.scope === 'all' && r.origin === 'local') {
        stmt.insertOutbox.run(newId('evt'), 'revocation.network', JSON.stringify(r), r.created_at);
      }
      return { revocation: r, created: true };
    });
  }

  async getRevocation(orgId: string, id: string): Promise<Revocation | null> {
    return parse<Revocation>(this.store.read(() => this.store.stmt.revocationById.get(id, orgId)));
  }
}
