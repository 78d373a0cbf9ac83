/**
 * The states of emergency a covered decision reads, held per org by each instance. Every
 * covered decision still asks Redis, beside its other reads, whether the org's emergency version
 * moved (declaring and ending move it, scripts/emergencies.ts): an emergency declared through one
 * instance applies on every other from their next decision, while the records themselves are
 * sent and parsed only when they changed, however many ended ones an org keeps.
 */
import { activeView, isActiveAt, type ActiveEmergency, type StateOfEmergency } from '../../domain/stateLaw/emergencies';
import { emergenciesSince } from './scripts/emergencies';
import type { ScriptRunner } from './scripts';

/** Orgs held at most; past it the cache starts over (a miss costs one read of the records). */
const MAX_ORGS = 10_000;

interface Held {
  version: string;
  /** The emergencies not ended, in the order they were declared. */
  live: StateOfEmergency[];
}

export class EmergencyCache {
  private readonly byOrg = new Map<string, Held>();

  /** The org's emergencies in force at `atMs`, in the order they were declared. */
  async activeAt(run: ScriptRunner, keys: { emergencies: string; emergencyVersion: string }, orgId: string, atMs: number): Promise<ActiveEmergency[]> {
    const held = this.byOrg.get(orgId);
    const { version, records } = await emergenciesSince(run, keys, held?.version ?? '');
    let current = held;
    if (records || !current) {
      const all = (records ?? []).map((raw) => JSON.parse(raw) as StateOfEmergency);
      current = { version, live: sortDeclared(all).filter((e) => e.ended_at === null) };
      if (this.byOrg.size >= MAX_ORGS && !held) this.byOrg.clear();
      this.byOrg.set(orgId, current);
    }
    if (current.live.length === 0) return [];
    const instant = new Date(atMs);
    return current.live.filter((e) => isActiveAt(e, instant)).map(activeView);
  }
}

/** In the order they were declared (ties by id). */
export function sortDeclared(all: StateOfEmergency[]): StateOfEmergency[] {
  return all.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
