/**
 * What precall and pre-send answer, as types the callers can rely on: an
 * allowed answer and a blocked one are told apart by `allowed`, and only an
 * allowed precall carries the disclosure the call must open with. The
 * property order here is the order the JSON goes out in.
 */
import type { Disclosure } from '../domain/disclosure';
import type { Consent } from '../domain/records';
import type { BlockReason } from '../domain/vocabulary';

/** The consent an allowed answer rests on; `ai_specific_consent` is told only to calls. */
export type ConsentSummary = {
  consent_id: string;
  type: Consent['type'];
  ai_specific_consent?: Consent['ai_specific_consent'];
  captured_at: Consent['captured_at'];
  scope: Consent['scope'];
  evidence_url: string;
};

/** Said on an allowed precall whose call type needs no disclosure. */
export type NoDisclosure = { required: false; script: null; version: null; delivery_window_seconds: null };

export type BlockedAnswer = {
  allowed: false;
  decision_id: string;
  reason: BlockReason;
  compliance_notes: string[];
  /** The facts behind the reason (revoked_at, next_allowed_at…), which differ per reason. */
  [fact: string]: unknown;
};

export type AllowedPrecall = {
  allowed: true;
  decision_id: string;
  consent: ConsentSummary;
  honor_by_date: null;
  disclosure: Disclosure | NoDisclosure;
  compliance_notes: string[];
};

export type AllowedPresend = {
  allowed: true;
  decision_id: string;
  consent: ConsentSummary;
  compliance_notes: string[];
};

export type PrecallResponse = AllowedPrecall | BlockedAnswer;
export type PresendResponse = AllowedPresend | BlockedAnswer;
