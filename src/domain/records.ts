/**
 * The records the gate reasons about and the ledger keeps. Plain data, our
 * own field names (never a carrier's), times as ISO 8601 UTC strings.
 */
import type { CallCarrier, CallEventDetails, CallEventKind } from './calls/events';
import type { ApiScope, BlockReason, ConsentType, RevocationScope, RevocationTrigger, ScopeValue } from './vocabulary';

export type ConsentStatus = 'active' | 'pending' | 'opted_out';

export interface Evidence {
  url?: string;
  text?: string;
  ip?: string;
  user_agent?: string;
  source?: string;
}

export interface ConsentHistoryEntry {
  event: 'captured' | 'confirmed' | 'opted_out' | 'anonymised';
  at: string;
  source: string;
}

export interface Consent {
  id: string;
  org_id: string;
  phone: string;
  calling_entity: string;
  type: ConsentType;
  scope: ScopeValue[];
  ai_specific_consent: boolean;
  captured_at: string;
  expires_at: string | null;
  status: ConsentStatus;
  double_opt_in: boolean;
  confirmed_at: string | null;
  opted_out_at: string | null;
  opt_out_source: string | null;
  evidence: Evidence;
  /** Where the consumer lives, when the consent captured it: a two-letter US state or territory code; its rules hold the consumer. */
  address_state?: string | null;
  /** Idempotency for bulk imports: the same row twice is one consent. */
  dedupe_key: string;
  created_at: string;
  updated_at: string;
  history: ConsentHistoryEntry[];
}

export interface Revocation {
  id: string;
  org_id: string;
  phone: string;
  /** Null for scope `all`: it covers every entity. */
  calling_entity: string | null;
  scope: RevocationScope;
  trigger: RevocationTrigger;
  captured_at: string;
  honor_by_date: string;
  transcript: string | null;
  audio_segment_url: string | null;
  /** Where it came from: `local` or the id of the network peer that sent it. */
  origin: string;
  /** Same revocation twice → same record. */
  dedupe_key: string;
  created_at: string;
}

export type DecisionKind = 'precall' | 'presend';

export interface Decision {
  id: string;
  org_id: string;
  kind: DecisionKind;
  phone: string;
  entity: string;
  allowed: boolean;
  reason: BlockReason | null;
  /** What was asked, as received (after validation), for the audit log. */
  request: Record<string, unknown>;
  /** What was answered, exactly. */
  response: Record<string, unknown>;
  decided_at: string;
}

/**
 * What each kind of audit entry states in clear: the non-personal facts of
 * its record. A kind is a key here, so writing an entry and reading one back
 * agree on its facts without a cast.
 */
export interface AuditFacts {
  /** A consent as captured; later changes are `consent_event` entries. */
  consent: Pick<Consent, 'calling_entity' | 'type' | 'scope' | 'ai_specific_consent' | 'captured_at' | 'expires_at' | 'status'>;
  /** A consent's status change (confirmed, opted out) and the status it left. */
  consent_event: { event: ConsentHistoryEntry['event']; source: string; status: ConsentStatus };
  revocation: Pick<Revocation, 'calling_entity' | 'scope' | 'trigger' | 'captured_at' | 'honor_by_date' | 'origin'>;
  decision: { kind: DecisionKind; entity: string; allowed: boolean; reason: Decision['reason'] };
  /** One moment of a call (calls/events.ts): its kind, carrier, source and key, and its details but the transcript. */
  call_event: {
    kind: CallEventKind;
    carrier: CallCarrier;
    carrier_call_id: string;
    source: string;
    key: string;
    details: Omit<CallEventDetails, 'transcript'>;
  };
}

export type AuditKind = keyof AuditFacts;

/**
 * What an audit entry's hash commits to: the non-personal facts in clear and
 * the personal fields only as a digest, so erasing them leaves the chain
 * verifiable (see ledger/auditChain.ts). Told apart by `kind`.
 */
export type AuditBody = {
  [K in AuditKind]: {
    kind: K;
    ref_id: string;
    at: string;
    facts: AuditFacts[K];
    personal_digest: string;
  };
}[AuditKind];

export interface AuditEntry {
  seq: number;
  org_id: string;
  phone: string;
  kind: AuditKind;
  ref_id: string;
  at: string;
  /** Hash of the subject's previous entry ('' for the first): a per-(org, phone) chain. */
  prev_hash: string;
  hash: string;
  /** The body the hash commits to (see ledger/auditChain.ts). */
  body: AuditBody;
}

export interface Org {
  id: string;
  name: string;
  /** Monthly allowed-send quota for pre-send decisions; null = unlimited. */
  monthly_quota: number | null;
  created_at: string;
}

export interface ApiKey {
  id: string;
  org_id: string;
  /** SHA-256 of the secret, hex. The secret itself is shown once and never stored. */
  hash: string;
  /** First characters of the secret, so an operator can tell keys apart. */
  prefix: string;
  scopes: ApiScope[];
  /** CIDRs; empty = any address. */
  ip_allowlist: string[];
  /** Requests per minute; null = the server default. */
  rate_limit_per_minute: number | null;
  created_at: string;
  revoked_at: string | null;
  /** The key that created this one through the API: it is revoked with it. Absent or null = made by an operator (CLI, bootstrap, an org's first key). */
  parent_key_id?: string | null;
  /** Set on the admin key `bootstrap` made: from CONSENT_GATE_API_KEY, or generated on first start. */
  bootstrap?: 'configured' | 'generated';
}
