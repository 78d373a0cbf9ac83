/**
 * A new consent as the ledgers write it: its JSON document, the columns it is
 * found by, and its audit entry's body, all serialised once.
 *
 * Why a form of its own: serialising is a large share of a bulk import's
 * writing thread (the document, the audit body and its digests). Made here, it can be made in the import's parsing
 * thread instead, and what crosses between the threads is a few flat strings
 * rather than a nested object. The writer then only reads the chain head,
 * hashes, and runs its statements.
 */
import type { Consent } from '../domain/records';
import { entityKey } from '../domain/vocabulary';
import { auditText, consentBody, type AuditText } from './auditChain';

export interface ConsentWrite {
  id: string;
  org_id: string;
  phone: string;
  dedupe_key: string;
  /** entityKey(calling_entity): the column consents are listed by entity with. */
  entity_key: string;
  created_at: string;
  /** JSON.stringify(consent): what the store keeps and the API returns. */
  doc: string;
  audit: AuditText;
}

export function consentWrite(c: Consent): ConsentWrite {
  return {
    id: c.id,
    org_id: c.org_id,
    phone: c.phone,
    dedupe_key: c.dedupe_key,
    entity_key: entityKey(c.calling_entity),
    created_at: c.created_at,
    doc: JSON.stringify(c),
    audit: auditText(consentBody(c)),
  };
}
