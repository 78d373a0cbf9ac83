/**
 * The ledger contract's cases for what the console's overview reads: the org's counts per UTC day,
 * maintained as decisions and revocations are stored, and revocations listed by honor-by date;
 * `ledgerContract` runs them on every engine.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Ledger } from '../../src/ledger/ledger';
import { aDecision, aRevocation } from '../fixtures/records';

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

export function dailyCountsCases(ledgerOf: () => Ledger): void {
  let ledger: Ledger;
  beforeEach(() => {
    ledger = ledgerOf();
  });

  it('counts decisions per UTC day by kind, outcome and reason as they are stored, per org', async () => {
    const blocked = (reason: 'quiet_hours' | 'consumer_revoked', at: string, org = 'org_test') =>
      aDecision({ org_id: org, allowed: false, reason, decided_at: at, phone: '+12125550143' });
    await ledger.recordDecision(aDecision({ decided_at: '2026-11-30T23:59:59.999Z' }));
    await ledger.recordDecision(aDecision({ decided_at: '2026-12-01T00:00:00.000Z' }));
    await ledger.recordDecision(aDecision({ decided_at: '2026-12-01T10:00:00.000Z' }));
    await ledger.recordDecision(blocked('quiet_hours', '2026-12-01T22:00:00.000Z'));
    await ledger.recordDecision(blocked('quiet_hours', '2026-12-02T01:00:00.000Z', 'org_other'));
    // Through the one-step paths the gate uses, as well as recordDecision.
    await ledger.decideCall('org_test', '+12125550143', { entity: 'acme' }, () => ({
      decision: blocked('consumer_revoked', '2026-12-02T08:00:00.000Z'),
      coveredLimit: null,
    }));
    await ledger.decideSend('org_test', '+12125550143', { entity: 'acme', day: '2026-12-02', month: '2026-12' }, () => ({
      decision: aDecision({ kind: 'presend', phone: '+12125550143', allowed: false, reason: 'quiet_hours', decided_at: '2026-12-02T09:00:00.000Z' }),
    }));

    expect(await ledger.dailyCounts('org_test', '2026-12-01', '2026-12-02')).toEqual([
      { day: '2026-12-01', name: 'decision:precall:allowed:', count: 2 },
      { day: '2026-12-01', name: 'decision:precall:blocked:quiet_hours', count: 1 },
      { day: '2026-12-02', name: 'decision:precall:blocked:consumer_revoked', count: 1 },
      { day: '2026-12-02', name: 'decision:presend:blocked:quiet_hours', count: 1 },
    ]);
    expect(await ledger.dailyCounts('org_test', '2026-11-30', '2026-11-30')).toEqual([{ day: '2026-11-30', name: 'decision:precall:allowed:', count: 1 }]);
    expect(await ledger.dailyCounts('org_other', '2026-11-01', '2026-12-31')).toEqual([
      { day: '2026-12-02', name: 'decision:precall:blocked:quiet_hours', count: 1 },
    ]);
    expect(await ledger.dailyCounts('org_nobody', '2026-11-01', '2026-12-31')).toEqual([]);
  });

  it('counts an opt-out once on the day it was recorded, and lists revocations by honor-by date within the org', async () => {
    const now = Date.now();
    const rev = (daysAgo: number, overrides = {}) => {
      const at = iso(now - daysAgo * DAY_MS);
      return aRevocation({ captured_at: at, created_at: at, ...overrides });
    };
    const old = rev(20, { phone: '+12125550101' });
    const recent = rev(5, { phone: '+12125550102', trigger: 'sms_stop' });
    const fresh = rev(1, { phone: '+12125550103' });
    const elsewhere = rev(1, { org_id: 'org_other', phone: '+12125550104' });
    for (const r of [fresh, old, recent, elsewhere]) expect((await ledger.recordRevocation(r)).created).toBe(true);
    // The same opt-out again is the record already stored, and is not counted again.
    expect((await ledger.recordRevocation({ ...fresh, id: 'rev_repeat' })).created).toBe(false);

    const today = iso(now).slice(0, 10);
    const counts = await ledger.dailyCounts('org_test', iso(now - 30 * DAY_MS).slice(0, 10), today);
    expect(counts.map((c) => [c.day, c.name, c.count])).toEqual([
      [old.created_at.slice(0, 10), 'opt_out:verbal_stop_during_call', 1],
      [recent.created_at.slice(0, 10), 'opt_out:sms_stop', 1],
      [fresh.created_at.slice(0, 10), 'opt_out:verbal_stop_during_call', 1],
    ]);

    // Not yet honored (honor-by from now on), soonest first: the old one's date has passed.
    const ahead = await ledger.revocationsByHonorBy('org_test', { from: iso(now), to: iso(now + 30 * DAY_MS), limit: 10 });
    expect(ahead.map((r) => r.id)).toEqual([recent.id, fresh.id]);
    expect(ahead[0]).toEqual(recent);
    expect((await ledger.revocationsByHonorBy('org_test', { from: iso(now), to: iso(now + 30 * DAY_MS), limit: 1 })).map((r) => r.id)).toEqual([recent.id]);
    // The window's end is excluded.
    expect(await ledger.revocationsByHonorBy('org_test', { from: iso(now), to: recent.honor_by_date, limit: 10 })).toEqual([]);
    expect((await ledger.revocationsByHonorBy('org_other', { from: iso(now), to: iso(now + 30 * DAY_MS), limit: 10 })).map((r) => r.id)).toEqual([
      elsewhere.id,
    ]);
  });
}
