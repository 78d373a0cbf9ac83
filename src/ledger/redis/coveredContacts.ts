/**
 * Covered contacts (state frequency caps) and states of emergency on Redis. A covered decision's
 * facts add two reads to the contact's, sent with them in parallel: ZCOUNT of the subject's
 * covered-contact set (the subject's slot) and the org's emergencies (the org's slot: its version,
 * and the records only when they changed since this instance last read them).
 * The count is taken afterwards by cgCountCovered, under the limit the decider holds it to
 * (coveredDecision.ts). The set is keyed by phone and expires on its own after its newest
 * instant's window, as the daily send counters do, so the retention job does not move it.
 */
import type { ActiveEmergency, StateOfEmergency } from '../../domain/stateLaw/emergencies';
import { COVERED_CONTACT_WINDOW_MS } from '../../domain/stateLaw/coveredContacts';
import type { BoundedCount } from '../coveredDecision';
import { NOT_COVERED } from '../coveredDecision';
import type { CoveredContactWindow, CoveredFacts } from '../ledger';
import { sortDeclared } from './emergencyCache';
import { countCoveredUnder, type CoveredCount } from './scripts/coveredContacts';
import type { RedisStore } from './store';

export async function coveredFacts(
  store: RedisStore,
  orgId: string,
  phone: string,
  entity: string,
  window: CoveredContactWindow | undefined,
): Promise<CoveredFacts> {
  if (!window) return NOT_COVERED;
  const [count, emergencies] = await Promise.all([
    store.client.zcount(store.keys.subject(orgId, phone).coveredContacts(entity), `(${window.sinceMs}`, `(${window.untilMs}`),
    activeEmergencies(store, orgId, window.atMs),
  ]);
  return { coveredContactsInWindow: Number(count), emergencies };
}

/** The org's emergencies in force at `atMs`: the instance's copy, once Redis says it is current (emergencyCache.ts). */
export function activeEmergencies(store: RedisStore, orgId: string, atMs: number): Promise<ActiveEmergency[]> {
  return store.emergencies.activeAt(store.scripts, store.keys.org(orgId), orgId, atMs);
}

/** Adds the allowed contact (`member`: its decision id) unless the window holds `limit` already (null: no cap). */
export async function countCoveredContact(
  store: RedisStore,
  orgId: string,
  phone: string,
  entity: string,
  window: CoveredContactWindow,
  limit: number | null,
  member: string,
): Promise<BoundedCount> {
  const result = await countCoveredUnder(store.scripts, store.keys.subject(orgId, phone).coveredContacts(entity), coveredCount(window, limit, member));
  return result.counted ? { counted: true } : { counted: false, count: result.count };
}

/** What the count scripts take for a contact in `window` under `limit` (null: no cap). */
export function coveredCount(window: CoveredContactWindow, limit: number | null, member: string): CoveredCount {
  return {
    sinceMs: window.sinceMs,
    untilMs: window.untilMs,
    atMs: window.atMs,
    limit,
    member,
    forgetBeforeMs: window.forgetBeforeMs,
    // Gateways' clocks differ a little; a window's worth of slack costs only memory.
    marginMs: COVERED_CONTACT_WINDOW_MS,
  };
}

/** Takes back a contact counted for a text the send counters then refused. */
export async function uncountCoveredContact(store: RedisStore, orgId: string, phone: string, entity: string, member: string): Promise<void> {
  await store.client.zrem(store.keys.subject(orgId, phone).coveredContacts(entity), member);
}

/** The org's emergencies, in the order they were declared. */
export async function listEmergencies(store: RedisStore, orgId: string): Promise<StateOfEmergency[]> {
  return sortDeclared(Object.values(await store.client.hgetall(store.keys.org(orgId).emergencies)).map((raw) => JSON.parse(raw) as StateOfEmergency));
}
