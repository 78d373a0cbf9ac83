/**
 * Was the number reassigned since the consent relied on was given?
 * (`number_reassigned`, checked last in the precall and pre-send chains: it
 * only matters for a contact everything else allows, and it is the one
 * check that may need to ask a source outside the gateway.)
 *
 * - A consent no older than REASSIGNED_CHECK_AFTER_DAYS is relied on as it is.
 * - `yes` blocks: the number was permanently disconnected since the consent,
 *   so its subscriber now is not the one who gave it.
 * - `no` allows; `no_data` allows with a note (the source holds nothing for
 *   the number and date: the consent is relied on unverified).
 * - A source that could not answer blocks (`source_unavailable: true`) under
 *   REASSIGNED_ON_ERROR=block, or allows with a note under `allow`.
 * - With no source for the number (no Twilio Lookup configured, no imported
 *   result for it), the decision is the one made without this check, and a
 *   note says that no check ran.
 */
import type { ReassignedResult, ReassignedSourceName } from '../reassigned/answers';
import type { NumberReassignedFields } from './blocks';

export type ReassignedOnError = 'block' | 'allow';

/** What the gate learned of the number for the consent's date. */
export type ReassignedAnswer =
  | { kind: 'answered'; result: ReassignedResult; source: ReassignedSourceName }
  | { kind: 'unavailable'; source: ReassignedSourceName; message: string }
  | { kind: 'no_source' };

export interface ReassignedFacts {
  consentId: string;
  /** YYYY-MM-DD: the day the consent was captured, the date the source was asked about. */
  consentDate: string;
  answer: ReassignedAnswer;
  onError: ReassignedOnError;
  checkAfterDays: number;
}

export interface ReassignedOutcome {
  block: { reason: 'number_reassigned'; fields: NumberReassignedFields } | null;
  notes: string[];
}

const SOURCE_LABEL: Record<ReassignedSourceName, string> = {
  rnd_import: 'the imported Reassigned Numbers Database results',
  twilio_lookup: 'Twilio Lookup',
};

export function checkReassigned(f: ReassignedFacts): ReassignedOutcome {
  const a = f.answer;
  if (a.kind === 'no_source') {
    return {
      block: null,
      notes: [
        `No reassigned-number check ran: the consent relied on (${f.consentDate}) is more than ${f.checkAfterDays} days old and no reassigned-number source covers this number (REASSIGNED_SOURCE=twilio, or imported RND results).`,
      ],
    };
  }
  const fields = { consent_id: f.consentId, consent_date: f.consentDate, source: a.source };
  if (a.kind === 'unavailable') {
    if (f.onError === 'block') return { block: { reason: 'number_reassigned', fields: { ...fields, source_unavailable: true } }, notes: [] };
    return {
      block: null,
      notes: [`The reassigned-number check could not be made (${SOURCE_LABEL[a.source]} did not answer); allowed under REASSIGNED_ON_ERROR=allow.`],
    };
  }
  if (a.result === 'yes') return { block: { reason: 'number_reassigned', fields }, notes: [] };
  if (a.result === 'no_data')
    return {
      block: null,
      notes: [`${SOURCE_LABEL[a.source]} holds no disconnection data for this number since ${f.consentDate}: the consent is relied on unverified.`],
    };
  return { block: null, notes: [] };
}
