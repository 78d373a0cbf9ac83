/**
 * The fixed vocabulary of the contract. Other programs depend on
 * these exact strings; the HTTP schemas, the checks and the docs all read
 * from here so they cannot drift apart.
 */
import { boundedMemo } from './boundedMemo';

export const PURPOSES = ['telemarketing', 'transactional', 'informational', 'survey', 'debt_collection', 'appointment_reminder'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CALL_TYPES = ['ai_voice', 'human_voice', 'automated_voice'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const MESSAGE_TYPES = ['marketing', 'transactional', 'mixed', 'informational'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const CONSENT_TYPES = ['prior_express_written', 'prior_express', 'established_business_relationship'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** What a consent's `scope` array may name: call types, purposes, `sms` and message types. */
export const SCOPE_VALUES = [...CALL_TYPES, ...PURPOSES, 'sms', ...MESSAGE_TYPES] as const;
export type ScopeValue = (typeof SCOPE_VALUES)[number];

export const TRIGGERS = ['verbal_stop_during_call', 'dtmf_opt_out', 'sms_stop', 'web_form', 'manual'] as const;
export type RevocationTrigger = (typeof TRIGGERS)[number];

export const REVOCATION_SCOPES = ['entity_only', 'all'] as const;
export type RevocationScope = (typeof REVOCATION_SCOPES)[number];

export const API_SCOPES = ['precall', 'presend', 'revoke', 'consent:read', 'consent:write', 'audit:read', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const PRECALL_REASONS = [
  'adversary_nation',
  'consumer_revoked',
  'honor_window_active',
  'quiet_hours',
  'holiday',
  'state_of_emergency',
  'frequency_cap',
  'no_consent_on_file',
  'scope_mismatch',
  'consent_expired',
  'ai_consent_missing',
  'do_not_call',
  'number_reassigned',
] as const;
export type PrecallReason = (typeof PRECALL_REASONS)[number];

export const PRESEND_REASONS = [
  'quota_exceeded',
  'quiet_hours',
  'holiday',
  'state_of_emergency',
  'frequency_cap',
  'consumer_revoked',
  'pending_double_optin',
  'no_consent_on_file',
  'do_not_call',
  'number_reassigned',
] as const;
export type PresendReason = (typeof PRESEND_REASONS)[number];

export type BlockReason = PrecallReason | PresendReason;

/** One line per reason, for compliance_notes and for the docs. */
export const REASON_NOTES: Record<BlockReason, string> = {
  adversary_nation: 'Calling number originates in a jurisdiction on the foreign-adversary list. Do not dial.',
  consumer_revoked: 'Consumer issued a revocation. FCC 10-business-day honor window in effect.',
  honor_window_active: 'A network-wide revocation for this number is on record. FCC 10-business-day honor window in effect.',
  quiet_hours: "Outside the permitted calling window in the recipient's local time (federal, or a state's hours or days).",
  holiday: "A legal holiday in the recipient's state, on which the state allows no telephone solicitation.",
  state_of_emergency: "A state of emergency is declared in the recipient's state, which allows no telephone solicitation meanwhile.",
  no_consent_on_file: 'No consent on file for this number and entity.',
  scope_mismatch: 'Consent exists but does not cover this entity, call type or purpose.',
  consent_expired: 'Consent is too old to rely on or past its expiry.',
  ai_consent_missing: 'General consent exists but AI-specific consent was not captured.',
  quota_exceeded: 'The monthly decision quota of this organization is used up.',
  frequency_cap: "Contact limit for this number and sender reached: the daily message limit, or the state's cap over 24 hours.",
  pending_double_optin: 'Consent is awaiting double opt-in confirmation.',
  number_reassigned:
    'The number was permanently disconnected (and may be reassigned) since the consent relied on was given, so that consent is void (or the reassigned-number source could not be reached: REASSIGNED_ON_ERROR=block).',
  do_not_call: 'The number is on a do-not-call list, and no consent on file overrides the listing (or the registry copy is too old to rely on).',
};

/**
 * Entity names match case-insensitively with surrounding spaces ignored.
 * A caller has a handful of entity names and every decision keys them several
 * times (consents, disclosures, counters): the keys are remembered.
 */
export const entityKey = boundedMemo((name) => name.trim().replace(/\s+/g, ' ').toLowerCase(), { limit: 1_000, maxInput: 200 });
