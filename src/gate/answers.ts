/**
 * What precall and pre-send answer, as types the callers can rely on: an
 * allowed answer and a blocked one are told apart by `allowed`, and only an
 * allowed precall carries the disclosure the call must open with. The
 * property order here is the order the JSON goes out in.
 */
import type { Disclosure } from '../domain/disclosure';
import type { Consent } from '../domain/records';
import type { PrecallFields, PresendFields } from '../domain/checks/blocks';
import type { BlockReason, PrecallReason, PresendReason } from '../domain/vocabulary';

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

/** A blocked answer for one reason: the reason's fields sit beside `reason` on the wire. */
export type BlockedFor<R extends BlockReason, F> = {
  allowed: false;
  decision_id: string;
  reason: R;
  compliance_notes: string[];
} & F;

/** One blocked answer per reason of a chain, told apart by `reason`. */
export type BlockedAnswerOf<M, R extends keyof M & BlockReason> = { [K in R]: BlockedFor<K, M[K]> }[R];

export type BlockedPrecall = BlockedAnswerOf<PrecallFields, PrecallReason>;
export type BlockedPresend = BlockedAnswerOf<PresendFields, PresendReason>;
export type BlockedAnswer = BlockedPrecall | BlockedPresend;

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

export type PrecallResponse = AllowedPrecall | BlockedPrecall;
export type PresendResponse = AllowedPresend | BlockedPresend;
