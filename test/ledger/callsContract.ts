/**
 * Call records: what every engine must do. Each engine's test file calls `callsContract` with a
 * factory for a fresh, empty ledger and, where the engine has one, a second instance on the same
 * store (another gateway instance).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callIdFor } from '../../src/domain/calls/events';
import { foldCallRecord } from '../../src/domain/calls/record';
import { callEventBody, verifyChain } from '../../src/ledger/auditChain';
import type { Ledger } from '../../src/ledger/ledger';
import { ANSWERED, CALL_SID, aCallEvent, aWholeCall } from '../fixtures/calls';
import { aDecision } from '../fixtures/records';

export interface CallsContractOptions {
  /** Another instance on the same store as `ledger`; without it, the halves are written by one instance. */
  openPeer?: (ledger: Ledger) => Promise<Ledger>;
  /** Whether the peer may write at the same time (not two SQLite handles in one process: they wait on each other synchronously). */
  peerRaces?: boolean;
}

const PHONE = '+15551234567';

export function callsContract(name: string, openLedger: () => Promise<Ledger>, options: CallsContractOptions = {}) {
  describe(`call records contract: ${name}`, () => {
    let ledger: Ledger;
    let peer: Ledger | null = null;
    beforeEach(async () => {
      ledger = await openLedger();
    });
    afterEach(async () => {
      await peer?.close();
      peer = null;
      await ledger.close();
    });

    it('events written in any order, some twice, read back as one call, by our id and by the carrier id', async () => {
      const events = aWholeCall();
      const created = [];
      for (const e of [...events].reverse()) created.push((await ledger.recordCallEvent(e)).created);
      for (const e of events.slice(1, 4)) created.push((await ledger.recordCallEvent(e)).created);
      expect(created).toEqual([...events.map(() => true), false, false, false]);
      const id = callIdFor('org_test', 'twilio', CALL_SID);
      const byOurs = await ledger.callEvents('org_test', id);
      const byCarrier = await ledger.callEvents('org_test', CALL_SID);
      expect(byOurs!.events).toHaveLength(events.length);
      expect(foldCallRecord(byOurs!.events)).toEqual(foldCallRecord(events));
      expect(foldCallRecord(byCarrier!.events)).toEqual(foldCallRecord(events));
      expect(byOurs!.call).toEqual({ call_id: id, org_id: 'org_test', carrier: 'twilio', carrier_call_id: CALL_SID, phone: PHONE, started_at: events[0].at });
      expect(await ledger.findCall('org_test', CALL_SID)).toEqual(byOurs!.call);
    });

    it("another org's call, or an unknown id, is not found", async () => {
      for (const e of aWholeCall()) await ledger.recordCallEvent(e);
      expect(await ledger.callEvents('org_other', CALL_SID)).toBeNull();
      expect(await ledger.callEvents('org_other', callIdFor('org_test', 'twilio', CALL_SID))).toBeNull();
      expect(await ledger.findCall('org_test', 'CAffffffffffffffffffffffffffffffff')).toBeNull();
    });

    it("each event is one audit entry on the consumer's chain, after the decision before it, and the chain verifies", async () => {
      await ledger.recordDecision(aDecision({ phone: PHONE }));
      const events = aWholeCall();
      for (const e of events) await ledger.recordCallEvent(e);
      await ledger.recordCallEvent(events[3]);
      const trail = await ledger.auditTrail('org_test', PHONE);
      expect(trail.map((t) => t.kind)).toEqual(['decision', ...events.map(() => 'call_event')]);
      expect(trail.slice(1).map((t) => t.body)).toEqual(events.map(callEventBody));
      expect(verifyChain(trail)).toMatchObject({ ok: true, length: events.length + 1 });
    });

    it('two instances each writing half of a call’s events at once make one whole record, and one verified chain', async () => {
      peer = options.openPeer ? await options.openPeer(ledger) : null;
      const other = peer ?? ledger;
      const events = aWholeCall();
      // Each half also redelivers one event of the other half: the carrier retried it elsewhere.
      const mine = events.filter((_, i) => i % 2 === 0).concat(events[1]);
      const theirs = events.filter((_, i) => i % 2 === 1).concat(events[0]);
      const write = (on: Ledger, half: typeof events) => Promise.all(half.map((e) => on.recordCallEvent(e)));
      const results =
        options.peerRaces === false
          ? [...(await write(ledger, mine)), ...(await write(other, theirs))]
          : (await Promise.all([write(ledger, mine), write(other, theirs)])).flat();
      expect(results.filter((r) => r.created)).toHaveLength(events.length);
      for (const reader of [ledger, other]) {
        const read = await reader.callEvents('org_test', CALL_SID);
        expect(foldCallRecord(read!.events)).toEqual(foldCallRecord(events));
        expect(read!.call.started_at).toBe(events[0].at);
      }
      const trail = await ledger.auditTrail('org_test', PHONE);
      expect(trail).toHaveLength(events.length);
      expect(verifyChain(trail)).toMatchObject({ ok: true });
    });

    it('calls are listed by start, oldest first, filtered by phone and time, paged', async () => {
      const starts = ['2026-05-01T10:00:00.000Z', '2026-05-02T10:00:00.000Z', '2026-05-03T10:00:00.000Z', '2026-05-04T10:00:00.000Z'];
      for (const [i, at] of starts.entries()) {
        const phone = i === 2 ? '+12125550100' : PHONE;
        const sid = `CA${String(i).padStart(32, '0')}`;
        // The answer first, the gate after: the call starts at the earlier of the two all the same.
        await ledger.recordCallEvent(aCallEvent('answered', new Date(Date.parse(at) + 5000).toISOString(), {}, { carrier_call_id: sid, phone }));
        await ledger.recordCallEvent(aCallEvent('gated', at, { decision_id: 'dec_x' }, { carrier_call_id: sid, phone }));
      }
      const all = await ledger.listCalls('org_test', { limit: 10 });
      expect(all.items.map((c) => c.started_at)).toEqual(starts);
      expect(all.next_cursor).toBeNull();
      const first = await ledger.listCalls('org_test', { phone: PHONE, limit: 2 });
      expect(first.items.map((c) => c.started_at)).toEqual(starts.slice(0, 2));
      const second = await ledger.listCalls('org_test', { phone: PHONE, limit: 2, after: first.next_cursor! });
      expect(second.items.map((c) => c.started_at)).toEqual([starts[3]]);
      expect(second.next_cursor).toBeNull();
      const window = await ledger.listCalls('org_test', { from: starts[1], to: starts[3], limit: 10 });
      expect(window.items.map((c) => c.carrier_call_id)).toEqual([`CA${'1'.padStart(32, '0')}`, `CA${'2'.padStart(32, '0')}`]);
      expect((await ledger.listCalls('org_other', { limit: 10 })).items).toEqual([]);
    });

    it('an opt-out event keeps its transcript in the record and only its digest on the chain', async () => {
      const said = 'stop calling me';
      await ledger.recordCallEvent(aCallEvent('opt_out', ANSWERED, { revocation_id: 'rev_x', trigger: 'verbal_stop_during_call', transcript: said }));
      const read = await ledger.callEvents('org_test', CALL_SID);
      expect(read!.events[0].details.transcript).toBe(said);
      const [entry] = await ledger.auditTrail('org_test', PHONE);
      expect(JSON.stringify(entry.body)).not.toContain(said);
    });
  });
}
