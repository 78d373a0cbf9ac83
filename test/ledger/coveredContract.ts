/**
 * The covered-contact count (state frequency caps) and states of emergency: what every engine
 * must do. Each engine's test file calls `coveredContract` with a factory for a fresh, empty
 * ledger and, where the engine has one, a second instance on the same store (another gateway).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coveredContactWindow } from '../../src/domain/stateLaw/coveredContacts';
import { newId } from '../../src/domain/ids';
import type { StateOfEmergency } from '../../src/domain/stateLaw/emergencies';
import type { CallFacts, Ledger, SendFacts } from '../../src/ledger/ledger';
import { aDecision } from '../fixtures/records';

export interface CoveredContractOptions {
  /** Another instance on the same store as `ledger`; without it, races run two callers on one instance. */
  openPeer?: (ledger: Ledger) => Promise<Ledger>;
  /** Whether the peer may race the ledger at once (not two SQLite handles in one process: they wait on each other synchronously). */
  peerRaces?: boolean;
}

const HOUR = 3_600_000;
const T = Date.parse('2026-05-04T16:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const PHONE = '+13055550100';
const CAP = 3;

/** A precall as the gate makes one, deciding on the covered count alone: allowed under the cap (`cap: null`: no cap applies). */
async function call(
  ledger: Ledger,
  at: number,
  o: { phone?: string; entity?: string; now?: number; covered?: boolean; org?: string; cap?: number | null } = {},
) {
  const phone = o.phone ?? PHONE;
  const org = o.org ?? 'org_test';
  const seen: CallFacts[] = [];
  const keys = { entity: o.entity ?? 'acme', covered: o.covered === false ? undefined : coveredContactWindow(new Date(at), new Date(o.now ?? at)) };
  // Asked again after a race, the gate answers under the same decision id.
  const id = newId('dec');
  const d = await ledger.decideCall(org, phone, keys, (facts) => {
    seen.push(facts);
    const cap = o.cap === undefined ? CAP : o.cap;
    const capped = cap !== null && facts.coveredContactsInWindow >= cap;
    return { decision: aDecision({ id, org_id: org, phone, allowed: !capped, reason: capped ? 'frequency_cap' : null }), coveredLimit: cap };
  });
  return { decision: d, facts: seen[seen.length - 1], asked: seen.length };
}

/** A marketing text as the gate makes one: the state cap on covered contacts, and a daily cap high enough not to matter. */
async function text(ledger: Ledger, at: number, o: { entity?: string; now?: number } = {}) {
  const seen: SendFacts[] = [];
  const day = iso(at).slice(0, 10);
  const keys = { entity: o.entity ?? 'acme', day, month: day.slice(0, 7), covered: coveredContactWindow(new Date(at), new Date(o.now ?? at)) };
  const d = await ledger.decideSend('org_test', PHONE, keys, (facts) => {
    seen.push(facts);
    const capped = facts.coveredContactsInWindow >= CAP;
    const decision = aDecision({ kind: 'presend', phone: PHONE, allowed: !capped, reason: capped ? 'frequency_cap' : null });
    return { decision, limits: capped ? undefined : { dailyCap: 100, monthlyQuota: null, coveredLimit: CAP } };
  });
  return { decision: d, facts: seen[seen.length - 1] };
}

const anEmergency = (o: Partial<StateOfEmergency> = {}): StateOfEmergency => ({
  id: `emg_${Math.random().toString(36).slice(2, 12)}`,
  org_id: 'org_test',
  jurisdiction: 'US-LA',
  from: iso(T - HOUR),
  to: iso(T + HOUR),
  note: 'Hurricane',
  created_at: iso(T - 2 * HOUR),
  ended_at: null,
  ...o,
});

export function coveredContract(engine: string, open: () => Promise<Ledger>, options: CoveredContractOptions = {}): void {
  describe(`ledger contract, covered contacts and emergencies: ${engine}`, () => {
    let ledger: Ledger;
    let peer: Ledger;
    beforeEach(async () => {
      ledger = await open();
      peer = options.openPeer ? await options.openPeer(ledger) : ledger;
    });
    afterEach(async () => {
      if (peer !== ledger) await peer.close();
      await ledger.close();
    });

    it('counts over a rolling window: a contact 24 h + 1 s before does not count, one 23 h 59 m before does', async () => {
      await call(ledger, T - 24 * HOUR - 1000, { now: T - 30 * HOUR });
      await call(ledger, T - 24 * HOUR + 60_000, { now: T - 30 * HOUR });
      const { facts } = await call(ledger, T, { now: T - 30 * HOUR });
      expect(facts.coveredContactsInWindow).toBe(1);
    });

    it('counts contacts planned after the one decided, within the window after it: contacts decided out of order cannot pass the cap', async () => {
      for (const h of [10, 11, 12]) expect((await call(ledger, T + h * HOUR, { now: T })).decision.allowed).toBe(true);
      expect(await call(peer, T, { now: T })).toMatchObject({ decision: { allowed: false, reason: 'frequency_cap' }, facts: { coveredContactsInWindow: 3 } });
      // 24 h + 1 s before the first of them: outside every window they are in.
      expect((await call(peer, T + 10 * HOUR - 24 * HOUR - 1000, { now: T })).facts.coveredContactsInWindow).toBe(0);
    });

    it('counts allowed calls and texts together, per entity, and nothing that is not covered or not allowed', async () => {
      expect((await call(ledger, T - 3 * HOUR)).decision.allowed).toBe(true);
      expect((await text(ledger, T - 2 * HOUR)).facts.coveredContactsInWindow).toBe(1);
      // Not a covered call: not read, not counted.
      const informational = await call(ledger, T - HOUR, { covered: false });
      expect(informational.facts).toMatchObject({ coveredContactsInWindow: 0, emergencies: [] });
      expect((await call(ledger, T - HOUR / 2)).facts.coveredContactsInWindow).toBe(2);
      // The third took the last unit: the fourth, a text, is refused and not counted.
      expect((await text(ledger, T)).decision).toMatchObject({ allowed: false, reason: 'frequency_cap' });
      expect((await call(peer, T)).facts.coveredContactsInWindow).toBe(3);
      expect((await call(ledger, T, { entity: 'other seller' })).facts.coveredContactsInWindow).toBe(0);
      expect((await call(ledger, T, { phone: '+13055550199' })).facts.coveredContactsInWindow).toBe(0);
    });

    it('what one instance counted, the other decides on', async () => {
      await call(ledger, T - HOUR);
      await text(peer, T - HOUR / 2);
      expect((await call(ledger, T)).facts.coveredContactsInWindow).toBe(2);
      expect((await call(peer, T + 1000)).facts.coveredContactsInWindow).toBe(3);
    });

    it('drops instants that can no longer fall in any window as it counts', async () => {
      await call(ledger, T);
      // Thirty hours on, the first contact is past every window from now on, and is dropped.
      await call(ledger, T + 30 * HOUR, { now: T + 30 * HOUR });
      const replay = await call(ledger, T + HOUR, { now: T + 30 * HOUR });
      expect(replay.facts.coveredContactsInWindow).toBe(0);
    });

    it('of racing contacts for the last unit, exactly one wins; the others are refused and stored refused', async () => {
      await call(ledger, T - HOUR);
      await text(ledger, T - HOUR);
      const racer = options.peerRaces === false ? ledger : peer;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 4 === 0 ? text : call)(i % 2 ? racer : ledger, T + i * 1000).then((r) => r.decision)),
      );
      expect(results.filter((d) => d.allowed)).toHaveLength(1);
      const refused = results.filter((d) => !d.allowed);
      expect(refused.map((d) => d.reason)).toEqual(Array(7).fill('frequency_cap'));
      for (const d of results) expect(await peer.getDecision('org_test', d.id)).toEqual(d);
      // Every decision stored is listed once, by the org and by the phone; a refused racer's first answer is in neither.
      const ids = results.map((d) => d.id).sort();
      for (const q of [{ limit: 100 }, { phone: PHONE, limit: 100 }]) {
        const listed = (await peer.listDecisions('org_test', q)).items.map((d) => d.id).filter((id) => ids.includes(id));
        expect(listed.sort()).toEqual(ids);
      }
      expect((await call(peer, T + 10_000)).facts.coveredContactsInWindow).toBe(CAP);
    });

    it('contacts under no cap (a state without one) are all counted, however many race', async () => {
      const racer = options.peerRaces === false ? ledger : peer;
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2 ? racer : ledger, T + i, { cap: null })));
      expect(results.every((r) => r.decision.allowed)).toBe(true);
      expect((await call(peer, T + 1000, { cap: null })).facts.coveredContactsInWindow).toBe(12);
    });

    describe('states of emergency', () => {
      it('declared, listed, in force within [from, to), and read into a covered decision', async () => {
        const e = anEmergency();
        await ledger.declareEmergency(e);
        expect(await peer.listEmergencies('org_test')).toEqual([e]);
        const active = { id: e.id, jurisdiction: 'US-LA', from: e.from, to: e.to, note: 'Hurricane' };
        expect(await peer.activeEmergencies('org_test', iso(T - HOUR))).toEqual([active]);
        expect(await peer.activeEmergencies('org_test', iso(T + HOUR))).toEqual([]);
        expect(await peer.activeEmergencies('org_test', iso(T - HOUR - 1))).toEqual([]);
        expect((await call(peer, T)).facts.emergencies).toEqual([active]);
        expect((await text(peer, T)).facts.emergencies).toEqual([active]);
        expect((await call(peer, T, { covered: false })).facts.emergencies).toEqual([]);
        expect((await call(peer, T + 2 * HOUR)).facts.emergencies).toEqual([]);
      });

      it('ended: listed with ended_at, no longer in force; ending again keeps the first time', async () => {
        const e = anEmergency();
        const later = anEmergency({ created_at: iso(T - HOUR), jurisdiction: 'US-FL', note: null });
        await ledger.declareEmergency(e);
        await ledger.declareEmergency(later);
        const ended = await peer.endEmergency('org_test', e.id, iso(T));
        expect(ended).toEqual({ ...e, ended_at: iso(T) });
        expect(await ledger.endEmergency('org_test', e.id, iso(T + HOUR))).toEqual({ ...e, ended_at: iso(T) });
        expect(await ledger.listEmergencies('org_test')).toEqual([{ ...e, ended_at: iso(T) }, later]);
        expect((await ledger.activeEmergencies('org_test', iso(T))).map((a) => a.id)).toEqual([later.id]);
      });

      it('declared or ended on one instance, apply at once on another that has already decided without them', async () => {
        const phone = '+13055550111';
        expect((await call(peer, T, { phone, cap: null })).facts.emergencies).toEqual([]);
        expect((await text(peer, T)).facts.emergencies).toEqual([]);
        const e = anEmergency();
        await ledger.declareEmergency(e);
        expect((await call(peer, T + 1, { phone, cap: null })).facts.emergencies.map((a) => a.id)).toEqual([e.id]);
        expect((await text(peer, T + 1)).facts.emergencies.map((a) => a.id)).toEqual([e.id]);
        expect((await peer.activeEmergencies('org_test', iso(T))).map((a) => a.id)).toEqual([e.id]);
        await ledger.endEmergency('org_test', e.id, iso(T - HOUR / 2));
        expect((await call(peer, T + 2, { phone, cap: null })).facts.emergencies).toEqual([]);
        expect((await text(peer, T + 2)).facts.emergencies).toEqual([]);
        expect(await peer.activeEmergencies('org_test', iso(T))).toEqual([]);
      });

      it('belong to their org: another org neither sees nor ends them', async () => {
        const e = anEmergency();
        await ledger.declareEmergency(e);
        expect(await peer.endEmergency('org_other', e.id, iso(T))).toBeNull();
        expect(await peer.listEmergencies('org_other')).toEqual([]);
        expect(await peer.activeEmergencies('org_other', iso(T))).toEqual([]);
        expect((await call(peer, T, { org: 'org_other' })).facts.emergencies).toEqual([]);
        expect(await peer.endEmergency('org_test', 'emg_missing', iso(T))).toBeNull();
      });
    });
  });
}
