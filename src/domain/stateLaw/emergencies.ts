/**
 * Operator-declared states of emergency: while one is active in a
 * jurisdiction, no covered contact (telemarketing call, marketing or mixed
 * text) to a consumer there is allowed. Declared per org; an ended one stays
 * on record (who declared what, and when it stopped) but no longer applies.
 */
import type { Jurisdiction } from './ruleTypes';

/** What a decision needs to know of an emergency in force at the contact's time. */
export interface ActiveEmergency {
  id: string;
  jurisdiction: Jurisdiction;
  /** ISO 8601 instant, inclusive. */
  from: string;
  /** ISO 8601 instant, exclusive. */
  to: string;
  note: string | null;
}

/** An emergency as the ledger keeps it. */
export interface StateOfEmergency extends ActiveEmergency {
  org_id: string;
  created_at: string;
  /** Set once, when the operator ends it; an ended emergency no longer applies. */
  ended_at: string | null;
}

/** `at` within [from, to): the one reading of an emergency's time span, for the ledger and the checks alike. */
function spans(e: ActiveEmergency, atMs: number): boolean {
  return Date.parse(e.from) <= atMs && atMs < Date.parse(e.to);
}

/** In force at `at`: not ended, and `at` within [from, to). */
export function isActiveAt(e: StateOfEmergency, at: Date): boolean {
  return e.ended_at === null && spans(e, at.getTime());
}

export function activeView(e: StateOfEmergency): ActiveEmergency {
  return { id: e.id, jurisdiction: e.jurisdiction, from: e.from, to: e.to, note: e.note };
}

/** The emergency in force in `jurisdiction` at `atMs`, if any (the one lasting longest when several overlap). */
export function emergencyAt(emergencies: readonly ActiveEmergency[], jurisdiction: string, atMs: number): ActiveEmergency | null {
  let found: ActiveEmergency | null = null;
  for (const e of emergencies) {
    if (e.jurisdiction !== jurisdiction || !spans(e, atMs)) continue;
    if (!found || Date.parse(e.to) > Date.parse(found.to)) found = e;
  }
  return found;
}
