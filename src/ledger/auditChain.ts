/**
 * The audit chain: every consent, consent change, revocation and decision
 * appends one entry to the chain of its subject (org, phone). Each entry's
 * hash covers the previous entry's hash, so deleting or editing history is
 * detectable.
 *
 * Why per subject rather than one global chain: the entry must be written in
 * the same atomic step as the record it describes, and on a Redis Cluster one
 * atomic step touches one hash slot (`{org:phone}`); a per-subject chain also
 * makes one phone's evidence self-contained.
 *
 * Why a digest of personal data rather than the data: the retention job
 * erases transcripts, audio URLs and evidence text after the
 * retention period. The chain commits to `personal_digest` (a SHA-256 of the
 * personal fields), so erasing them leaves every hash verifiable, while a
 * record that still has its personal data can be checked against the digest.
 */
import { hash } from 'node:crypto';
import type { CallEvent } from '../domain/calls/events';
import type { AuditBody, AuditEntry, AuditKind, Consent, ConsentHistoryEntry, Decision, Revocation } from '../domain/records';
import { canonicalJson } from './canonicalJson';

export type { AuditBody, AuditKind };

// crypto.hash: the one-shot form, half the cost of createHash for inputs this small (same bytes, UTF-8 in, hex out).
const sha256 = (s: string) => hash('sha256', s);

export function digestPersonal(personal: Record<string, unknown>): string {
  return sha256(canonicalJson(personal));
}

export function consentBody(c: Consent): AuditBody {
  return {
    kind: 'consent',
    ref_id: c.id,
    at: c.created_at,
    facts: {
      calling_entity: c.calling_entity,
      type: c.type,
      scope: c.scope,
      ai_specific_consent: c.ai_specific_consent,
      captured_at: c.captured_at,
      expires_at: c.expires_at,
      status: c.status,
      ...(c.address_state ? { address_state: c.address_state } : {}),
    },
    personal_digest: digestPersonal({ phone: c.phone, evidence: c.evidence }),
  };
}

export function consentEventBody(c: Consent, event: ConsentHistoryEntry['event'], at: string, source: string): AuditBody {
  return {
    kind: 'consent_event',
    ref_id: c.id,
    at,
    facts: { event, source, status: c.status },
    personal_digest: digestPersonal({ phone: c.phone }),
  };
}

export function revocationBody(r: Revocation): AuditBody {
  return {
    kind: 'revocation',
    ref_id: r.id,
    at: r.created_at,
    facts: {
      calling_entity: r.calling_entity,
      scope: r.scope,
      trigger: r.trigger,
      captured_at: r.captured_at,
      honor_by_date: r.honor_by_date,
      origin: r.origin,
    },
    personal_digest: digestPersonal({ phone: r.phone, transcript: r.transcript, audio_segment_url: r.audio_segment_url }),
  };
}

/** The rule set a decision was made under and, for a block a rule caused, that rule's jurisdiction and citation: the auditor's why. */
function ruleFacts(d: Decision): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (typeof d.request.rules_version === 'string') facts.rules_version = d.request.rules_version;
  if (typeof d.response.jurisdiction === 'string') facts.jurisdiction = d.response.jurisdiction;
  if (typeof d.response.citation === 'string') facts.citation = d.response.citation;
  return facts;
}

export function decisionBody(d: Decision): AuditBody {
  return {
    kind: 'decision',
    ref_id: d.id,
    at: d.decided_at,
    facts: { kind: d.kind, entity: d.entity, allowed: d.allowed, reason: d.reason, ...ruleFacts(d) },
    personal_digest: digestPersonal({ phone: d.phone, request: d.request, response: d.response }),
  };
}

/** A call event's entry: the transcript of an opt-out (what the consumer said) only in the digest, with the phone. */
export function callEventBody(e: CallEvent): AuditBody {
  const { transcript, ...details } = e.details;
  return {
    kind: 'call_event',
    ref_id: e.call_id,
    at: e.at,
    facts: { kind: e.kind, carrier: e.carrier, carrier_call_id: e.carrier_call_id, source: e.source, key: e.key, details },
    personal_digest: digestPersonal({ phone: e.phone, transcript: transcript ?? null }),
  };
}

/**
 * An entry's body serialised once, in the form the chain hashes (canonical JSON, which is also
 * what the stores keep: it parses back to the same body). Made ahead of the write, so a bulk
 * import can make it in its parsing thread.
 */
export interface AuditText {
  kind: AuditKind;
  ref_id: string;
  at: string;
  canonical: string;
}

export function auditText(body: AuditBody): AuditText {
  return { kind: body.kind, ref_id: body.ref_id, at: body.at, canonical: canonicalJson(body) };
}

/** The hash of the entry whose canonical body is `canonical`, following `prevHash` ('' for a chain's first entry). */
export function chainHashOf(prevHash: string, canonical: string): string {
  return sha256(prevHash + '\n' + canonical);
}

export function chainHash(prevHash: string, body: AuditBody): string {
  return chainHashOf(prevHash, canonicalJson(body));
}

export type ChainVerdict = { ok: true; length: number; head: string } | { ok: false; brokenAt: number; seq: number; why: string };

/** Walks a subject's chain oldest first; reports the first entry that does not follow from the one before. */
export function verifyChain(entries: AuditEntry[]): ChainVerdict {
  let prev = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.prev_hash !== prev) return { ok: false, brokenAt: i, seq: e.seq, why: 'prev_hash does not match the previous entry' };
    if (chainHash(prev, e.body) !== e.hash) return { ok: false, brokenAt: i, seq: e.seq, why: 'hash does not match the entry body' };
    prev = e.hash;
  }
  return { ok: true, length: entries.length, head: prev };
}
