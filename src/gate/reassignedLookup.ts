/** The seam between the gate and a reassigned-number provider (adapters/twilio/reassignedLookup.ts is one). */
import type { ReassignedResult, ReassignedSourceName } from '../domain/reassigned/answers';

/** A provider of answers (Twilio Lookup): an outbound adapter the composition root hands the gate. */
export interface ReassignedNumberLookup {
  readonly source: ReassignedSourceName;
  /**
   * Has the number been permanently disconnected on or after `consentDate` (YYYY-MM-DD)? Rejects
   * when the provider gives no answer: unreachable, too slow, refused, or an answer it marks as an error.
   */
  ask(phone: string, consentDate: string): Promise<ReassignedResult>;
}
