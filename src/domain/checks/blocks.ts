/**
 * What each block reason tells the caller besides its name. A chain's
 * reasons are keys of its fields map, so a reason added to the vocabulary
 * without saying what it carries does not compile; a check can only return
 * the fields its reason promises, and the gate's answer is typed from the
 * same map, so nothing between the chain and the wire needs a cast.
 */
import type { DncListName } from '../dnc/lists';
import type { ReassignedSourceName } from '../reassigned/answers';
import type { DailyWindow } from '../time/callingWindow';
import type { PrecallReason, PresendReason } from '../vocabulary';

/** A reason that carries nothing but its name and note. */
export type NoFields = Record<never, never>;

/** The revocation that blocks: when it was said, by when it must be honoured, which record. */
export type RevocationFields = {
  revoked_at: string;
  honor_by_date: string;
  revocation_id: string;
};

/** Where and when the recipient is, and when contact may resume. */
export type RecipientClockFields = {
  recipient_timezone: string;
  recipient_local_time: string;
  /** Null when the window does not open in every zone of the number within a week. */
  next_allowed_at: string | null;
  /** Whose rule blocked: `US` for the federal window, `US-FL` for a state's. */
  jurisdiction: string;
  /** The rule's citation, e.g. `47 CFR 64.1200(c)(1)`. */
  citation: string;
};

/** A state's legal holiday that allows no covered contact. */
export type HolidayFields = RecipientClockFields & { holiday: { name: string; date: string } };

/** A state of emergency the operator declared in one of the consumer's jurisdictions. */
export type EmergencyFields = {
  jurisdiction: string;
  /** Null when the state's rules name no emergency ban: the operator's declaration blocks all the same. */
  citation: string | null;
  emergency_id: string;
  emergency_to: string;
  next_allowed_at: string;
};

/** A state's cap on covered contacts (calls and marketing texts together) in a rolling window. */
export type StateCapFields = {
  jurisdiction: string;
  citation: string;
  limit: number;
  window_hours: number;
  contacts_in_window: number;
};

/**
 * The consent the contact relied on, the day it was captured (the date the source was asked
 * about) and the source that said the number was disconnected since; `source_unavailable` when
 * the source could not answer and REASSIGNED_ON_ERROR=block.
 */
export type NumberReassignedFields = {
  consent_id: string;
  consent_date: string;
  source: ReassignedSourceName;
  source_unavailable?: true;
};

/** The list that blocks; `stale` when it is a registry copy too old to rely on. */
export type DoNotCallFields = { list: DncListName; stale?: true };

export type PrecallFields = {
  adversary_nation: { calling_country: string };
  consumer_revoked: RevocationFields;
  honor_window_active: RevocationFields;
  /** `calling_window` is null on a day the rule allows no call at all (a Sunday ban). */
  quiet_hours: RecipientClockFields & { calling_window: DailyWindow | null };
  holiday: HolidayFields;
  state_of_emergency: EmergencyFields;
  frequency_cap: StateCapFields;
  no_consent_on_file: NoFields;
  scope_mismatch: NoFields;
  consent_expired: NoFields;
  ai_consent_missing: NoFields;
  do_not_call: DoNotCallFields;
  number_reassigned: NumberReassignedFields;
};

export type PresendFields = {
  quota_exceeded: { monthly_quota: number };
  /** Quiet hours are the complement of the sending window. */
  quiet_hours: RecipientClockFields & { quiet_hours: DailyWindow | null };
  holiday: HolidayFields;
  state_of_emergency: EmergencyFields;
  /** The gateway's own daily cap on texts, or a state's cap. */
  frequency_cap: { daily_cap: number; sent_today: number } | StateCapFields;
  consumer_revoked: RevocationFields;
  pending_double_optin: NoFields;
  no_consent_on_file: NoFields;
  do_not_call: DoNotCallFields;
  number_reassigned: NumberReassignedFields;
};

/**
 * One block per reason, told apart by `reason`. `R extends keyof M` is what
 * makes a reason without an entry in its chain's map a compile error.
 */
export type BlockOf<R extends keyof M, M> = {
  [K in R]: { reason: K; fields: M[K] };
}[R];

export type PrecallBlock = BlockOf<PrecallReason, PrecallFields>;
export type PresendBlock = BlockOf<PresendReason, PresendFields>;
