/**
 * States of emergency declared by the operator: while one is active in a
 * jurisdiction, covered contacts there are blocked. The ledger keeps them;
 * the gate hands the active ones to the checks as facts.
 */
import type { Jurisdiction } from './ruleTypes';

export interface ActiveEmergency {
  id: string;
  jurisdiction: Jurisdiction;
  /** ISO 8601: in force from this instant… */
  from: string;
  /** …until this one (exclusive). */
  to: string;
  note: string | null;
}

/** The emergency in force in `jurisdiction` at `atMs`, if any (the one lasting longest when several overlap). */
export function emergencyAt(emergencies: readonly ActiveEmergency[], jurisdiction: string, atMs: number): ActiveEmergency | null {
  let found: ActiveEmergency | null = null;
  for (const e of emergencies) {
    if (e.jurisdiction !== jurisdiction || !(Date.parse(e.from) <= atMs && atMs < Date.parse(e.to))) continue;
    if (!found || Date.parse(e.to) > Date.parse(found.to)) found = e;
  }
  return found;
}
