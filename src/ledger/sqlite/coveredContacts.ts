/**
 * The covered-contact count in SQLite (state frequency caps): the instants of a subject's allowed
 * covered contacts, per entity, kept in its chain-head row (audit_heads.covered) as the day's
 * texts are (daySends.ts), not in rows of their own.
 *
 * Why there: every decision appends to the subject's chain, so its head row is written anyway; a
 * row per contact keyed by phone dirtied a random page of its own in every commit, before every
 * call and text. The row is read and written inside the decision's savepoint of the turn's
 * transaction (BEGIN IMMEDIATE: another process waits for the write lock), so the count a
 * decision is made on is the count it adds to.
 *
 * Instants that can no longer fall in any window are dropped whenever the row is rewritten with a
 * contact; the retention job clears what is left before its cutoff.
 */
import type Database from 'better-sqlite3';
import type { CoveredContactWindow, CoveredFacts } from '../ledger';
import { NOT_COVERED } from '../coveredDecision';
import type { SqliteEmergencies } from './emergencies';

/**
 * `[["acme insurance llc", [1777900000000, …]], …]`: per entity key, the instants (ms), oldest first.
 * Pairs, not an object keyed by entity: an entity may be named anything, `__proto__` too.
 */
type CoveredInstants = [string, number[]][];

const ms = (iso: string) => Date.parse(iso);

/** The text parsed last, and what it parsed to: a decision reads its count and then writes one more from the same row. */
let lastParsed: { text: string; instants: CoveredInstants } | undefined;

/** The row's instants; never changed by its callers (what they write is built anew), so the last one parsed is shared. */
function parse(covered: string | null | undefined): CoveredInstants {
  if (!covered) return [];
  if (lastParsed?.text === covered) return lastParsed.instants;
  const value = JSON.parse(covered) as unknown;
  const instants = Array.isArray(value) ? (value as CoveredInstants) : [];
  lastParsed = { text: covered, instants };
  return instants;
}

/** Contacts from `entity` in (since, until) as the head row records them. */
export function coveredCountIn(covered: string | null | undefined, entity: string, window: CoveredContactWindow): number {
  const instants = parse(covered).find(([e]) => e === entity)?.[1] ?? [];
  let n = 0;
  for (const t of instants) if (t > window.sinceMs && t < window.untilMs) n++;
  return n;
}

/** The head row's `covered` after one more contact from `entity` at the window's instant, without instants before `forgetBefore`. */
export function withCoveredContact(covered: string | null | undefined, entity: string, window: CoveredContactWindow): string {
  const forgetBefore = window.forgetBeforeMs;
  const kept: CoveredInstants = [];
  let added = false;
  for (const [e, instants] of parse(covered)) {
    const fresh = instants.filter((t) => t >= forgetBefore);
    if (e === entity) {
      fresh.push(window.atMs);
      fresh.sort((a, b) => a - b);
      added = true;
    }
    if (fresh.length) kept.push([e, fresh]);
  }
  if (!added) kept.push([entity, [window.atMs]]);
  return JSON.stringify(kept);
}

/** The covered facts of a contact, from its head row's `covered` and the org's emergencies; nothing read when it is not covered. */
export function readCoveredFacts(
  emergencies: SqliteEmergencies,
  orgId: string,
  covered: string | null | undefined,
  entity: string,
  window: CoveredContactWindow | undefined,
): CoveredFacts {
  if (!window) return NOT_COVERED;
  return { coveredContactsInWindow: coveredCountIn(covered, entity, window), emergencies: emergencies.activeAt(orgId, window.atMs) };
}

/** The retention job's part: instants before the cutoff are past every window; a row left with none loses the column. */
export function forgetCoveredContactsBefore(db: Database.Database, cutoffIso: string): void {
  const rows = db
    .prepare<[], { org_id: string; phone: string; covered: string }>('SELECT org_id, phone, covered FROM audit_heads WHERE covered IS NOT NULL')
    .all();
  const cutoff = ms(cutoffIso);
  const set = db.prepare('UPDATE audit_heads SET covered = ? WHERE org_id = ? AND phone = ?');
  for (const row of rows) {
    const before = parse(row.covered);
    const kept = before.map(([e, instants]): [string, number[]] => [e, instants.filter((t) => t >= cutoff)]).filter(([, instants]) => instants.length > 0);
    const changed = kept.length !== before.length || kept.some(([, instants], i) => instants.length !== before[i][1].length);
    if (changed) set.run(kept.length ? JSON.stringify(kept) : null, row.org_id, row.phone);
  }
}
