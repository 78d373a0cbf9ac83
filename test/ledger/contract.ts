/**
 * The ledger contract: what every engine must do. Each engine's test file
 * calls `ledgerContract` with a factory for a fresh, empty ledger; the suite
 * is run against every engine, never copied.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, SendFacts, SendVerdict } from '../../src/ledger/ledger';
import { verifyChain } from '../../src/ledger/auditChain';
import { consentWrite } from '../../src/ledger/consentWrite';
import { blockingRevocation } from '../../src/domain/checks/revocationRules';
import { UnreadableCursorError } from '../../src/errors';
import { aConsent, aDecision, aRevocation, reserveSending } from '../fixtures/records';
import { orgAndKeyCases } from './orgAndKeyCases';
import { dailyCountsCases } from './dailyCountsCases';

export interface ContractOptions {
  /**
   * A second ledger instance on the same store as `ledger` (another gateway
   * process, in effect), for the races between instances. Engines without
   * one run those cases with two callers on the one instance.
   */
  openPeer?: (ledger: Ledger) => Promise<Ledger>;
}

export function ledgerContract(engine: string, open: () => Promise<Ledger>, options: ContractOptions = {}): void {
  describe(`ledger contract: ${engine}`, () => {
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

    it('answers ping', async () => {
      await expect(ledger.ping()).resolves.toBeUndefined();
    });

    orgAndKeyCases(
      () => ledger,
      () => peer,
    );

    dailyCountsCases(() => ledger);

    it('captures a consent once per dedupe key and keeps it per org', async () => {
      const c = aConsent({ dedupe_key: 'row-1' });
      expect((await ledger.captureConsent(c)).created).toBe(true);
      const again = await ledger.captureConsent(aConsent({ dedupe_key: 'row-1' }));
      expect(again).toEqual({ consent: c, created: false });
      expect(await ledger.getConsent('org_test', c.id)).toEqual(c);
      expect(await ledger.getConsent('org_other', c.id)).toBeNull();
    });

    it("keeps a consent's address_state through capture, bulk capture, a status change and the contact facts", async () => {
      const one = aConsent({ dedupe_key: 'addr-1', address_state: 'FL' });
      const bulk = aConsent({ dedupe_key: 'addr-2', address_state: 'PR', phone: '+15551234568' });
      await ledger.captureConsent(one);
      await ledger.captureConsents([consentWrite(bulk)]);
      expect((await ledger.getConsent('org_test', one.id))?.address_state).toBe('FL');
      expect((await ledger.getConsent('org_test', bulk.id))?.address_state).toBe('PR');
      const changed = await ledger.changeConsentStatus('org_test', one.id, {
        to: 'opted_out',
        at: '2026-04-01T00:00:00.000Z',
        source: 'api',
        event: 'opted_out',
      });
      expect(changed?.consent.address_state).toBe('FL');
      expect((await ledger.contactFacts('org_test', one.phone)).consents.map((c) => c.address_state)).toEqual(['FL']);
    });

    it('bulk capture counts created and duplicate rows', async () => {
      const rows = [aConsent({ dedupe_key: 'a' }), aConsent({ dedupe_key: 'b' }), aConsent({ dedupe_key: 'a' })].map(consentWrite);
      expect(await ledger.captureConsents(rows)).toEqual({ created: 2, duplicates: 1 });
      expect(await ledger.captureConsents(rows)).toEqual({ created: 0, duplicates: 3 });
    });

    it('lists consents by phone and entity (case-insensitive), paged', async () => {
      for (let i = 0; i < 5; i++) await ledger.captureConsent(aConsent({ calling_entity: i % 2 ? 'Beta Co' : 'Acme Insurance LLC' }));
      await ledger.captureConsent(aConsent({ phone: '+12125550100' }));
      const first = await ledger.listConsents('org_test', { phone: '+15551234567', limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.next_cursor).not.toBeNull();
      const second = await ledger.listConsents('org_test', { phone: '+15551234567', limit: 2, after: first.next_cursor! });
      const third = await ledger.listConsents('org_test', { phone: '+15551234567', limit: 2, after: second.next_cursor! });
      expect([...first.items, ...second.items, ...third.items]).toHaveLength(5);
      expect(third.next_cursor).toBeNull();
      const beta = await ledger.listConsents('org_test', { calling_entity: '  beta co ', limit: 10 });
      expect(beta.items).toHaveLength(2);
      expect((await ledger.listConsents('org_other', { limit: 10 })).items).toHaveLength(0);
    });

    it('pages through all of an org and only its own, oldest first, when nothing else is asked', async () => {
      const mine: string[] = [];
      const decided: string[] = [];
      for (let i = 0; i < 7; i++) {
        const org = i % 3 === 1 ? 'org_other' : 'org_test';
        const c = aConsent({ org_id: org, phone: `+1212555${1000 + i}` });
        const d = aDecision({ org_id: org, phone: c.phone, decided_at: `2026-04-1${i}T10:00:00.000Z` });
        await ledger.captureConsent(c);
        await ledger.recordDecision(d);
        if (org === 'org_test') {
          mine.push(c.id);
          decided.push(d.id);
        }
      }
      const all = async <T extends { id: string }>(list: (after?: string) => Promise<{ items: T[]; next_cursor: string | null }>) => {
        const ids: string[] = [];
        let after: string | undefined;
        do {
          const page = await list(after);
          ids.push(...page.items.map((x) => x.id));
          after = page.next_cursor ?? undefined;
        } while (after);
        return ids;
      };
      expect(await all((after) => ledger.listConsents('org_test', { limit: 2, after }))).toEqual(mine);
      expect(await all((after) => ledger.listDecisions('org_test', { limit: 2, after }))).toEqual(decided);
    });

    it('rejects a cursor it did not hand out rather than starting the list over', async () => {
      for (let i = 0; i < 3; i++) await ledger.captureConsent(aConsent({ phone: `+1212555${2000 + i}` }));
      await ledger.recordDecision(aDecision());
      const cursor = (await ledger.listConsents('org_test', { limit: 1 })).next_cursor!;
      const b64 = (text: string) => Buffer.from(text).toString('base64url');
      const mangled = ['not-a-cursor', b64('{"x":1}'), b64('-1'), b64('"1"'), b64('[1,2,3]')];
      for (const after of mangled) {
        await expect(ledger.listConsents('org_test', { limit: 1, after })).rejects.toBeInstanceOf(UnreadableCursorError);
        await expect(ledger.listDecisions('org_test', { limit: 1, after })).rejects.toBeInstanceOf(UnreadableCursorError);
        await expect(ledger.listDecisions('org_test', { phone: '+15551234567', limit: 1, after })).rejects.toBeInstanceOf(UnreadableCursorError);
        await expect(ledger.auditSubjects({ limit: 1, after })).rejects.toBeInstanceOf(UnreadableCursorError);
      }
      // A cursor of one list is not one of another.
      await expect(ledger.auditSubjects({ limit: 1, after: cursor })).rejects.toBeInstanceOf(UnreadableCursorError);
    });

    it('changes consent status once, with one history entry', async () => {
      const c = aConsent();
      await ledger.captureConsent(c);
      const change = { to: 'opted_out' as const, at: '2026-04-26T13:00:00.000Z', source: 'api', event: 'opted_out' as const };
      const first = await ledger.changeConsentStatus('org_test', c.id, change);
      expect(first?.changed).toBe(true);
      expect(first?.consent).toMatchObject({ status: 'opted_out', opted_out_at: change.at, opt_out_source: 'api' });
      const second = await ledger.changeConsentStatus('org_test', c.id, { ...change, at: '2026-04-27T00:00:00.000Z' });
      expect(second?.changed).toBe(false);
      expect(second?.consent.history.filter((h) => h.event === 'opted_out')).toHaveLength(1);
      expect(second?.consent.opted_out_at).toBe(change.at);
      expect(await ledger.changeConsentStatus('org_other', c.id, change)).toBeNull();
    });

    it('records a revocation once per dedupe key', async () => {
      const r = aRevocation({ dedupe_key: 'same' });
      expect((await ledger.recordRevocation(r)).created).toBe(true);
      const again = await ledger.recordRevocation(aRevocation({ dedupe_key: 'same' }));
      expect(again).toEqual({ revocation: r, created: false });
      expect(await ledger.getRevocation('org_test', r.id)).toEqual(r);
      expect(await ledger.getRevocation('org_other', r.id)).toBeNull();
    });

    it("contact facts hold the org's consents and revocations plus network-wide revocations of other orgs", async () => {
      await ledger.captureConsent(aConsent());
      await ledger.captureConsent(aConsent({ org_id: 'org_other' }));
      await ledger.recordRevocation(aRevocation());
      await ledger.recordRevocation(aRevocation({ org_id: 'org_other', scope: 'entity_only' }));
      const network = aRevocation({ org_id: 'org_other', scope: 'all', calling_entity: null });
      await ledger.recordRevocation(network);
      await ledger.recordRevocation(aRevocation({ phone: '+12125550100' }));
      const facts = await ledger.contactFacts('org_test', '+15551234567');
      expect(facts.consents).toHaveLength(1);
      expect(facts.revocations).toHaveLength(2);
      expect(facts.revocations.map((r) => r.id)).toContain(network.id);
    });

    it('contact facts carry when each consent and revocation was recorded, so no dated consent outranks a later opt-out', async () => {
      const phone = '+15551230001';
      // On file before the opt-out, dated 2099: its claimed date must not lift what is recorded after it.
      const futureDated = aConsent({ phone, captured_at: '2099-01-01T00:00:00Z', created_at: '2026-04-01T00:00:00.000Z' });
      const optOut = aRevocation({ phone, captured_at: '2026-04-10T15:43:10Z', created_at: '2026-04-10T16:00:00.000Z' });
      const backdated = aConsent({ phone, captured_at: '2026-02-01T10:00:00Z', created_at: '2026-04-10T16:30:00.000Z' });
      await ledger.captureConsent(futureDated);
      await ledger.recordRevocation(optOut);
      await ledger.captureConsent(backdated);
      let facts = await ledger.contactFacts('org_test', phone);
      expect(facts.consents.map((c) => [c.id, c.created_at])).toEqual(
        expect.arrayContaining([
          [futureDated.id, futureDated.created_at],
          [backdated.id, backdated.created_at],
        ]),
      );
      expect(facts.revocations.map((r) => [r.id, r.created_at])).toEqual([[optOut.id, optOut.created_at]]);
      expect(blockingRevocation('org_test', 'Acme Insurance LLC', facts.revocations, facts.consents)?.revocation.id).toBe(optOut.id);
      const genuine = aConsent({ phone, captured_at: '2026-04-10T17:00:00Z', created_at: '2026-04-10T17:00:00.500Z' });
      await ledger.captureConsent(genuine);
      facts = await ledger.contactFacts('org_test', phone);
      expect(blockingRevocation('org_test', 'Acme Insurance LLC', facts.revocations, facts.consents)).toBeNull();
    });

    it('reserves sends up to the daily cap and the monthly quota, never more', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: 4 };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await reserveSending(ledger, '+15551234567', r));
      expect(results).toEqual(['reserved', 'reserved', 'reserved', 'frequency_cap']);
      expect(await ledger.sendCounts('org_test', '+15551234567', r)).toEqual({ sentToday: 3, sentThisMonth: 3 });
      // Another number: the daily cap is per phone, the quota per org.
      expect(await reserveSending(ledger, '+12125550100', r)).toBe('reserved');
      expect(await reserveSending(ledger, '+12125550100', r)).toBe('quota_exceeded');
      // The next local day starts a new count.
      expect(await reserveSending(ledger, '+15551234567', { ...r, day: '2026-04-11', monthlyQuota: null })).toBe('reserved');
    });

    it('concurrent reservations never exceed the cap', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: null };
      const results = await Promise.all(Array.from({ length: 20 }, () => reserveSending(ledger, '+15551234567', r)));
      expect(results.filter((x) => x === 'reserved')).toHaveLength(3);
    });

    it('pages decisions oldest first by decided_at, ties in the order written, each once (a window; a subject)', async () => {
      const at = (h: number) => `2026-04-10T${String(h).padStart(2, '0')}:00:00.000Z`;
      // Written out of time order, with ties, around a window of [02:00, 06:00).
      const made = [5, 1, 2, 2, 7, 3, 2, 4, 6].map((h) => aDecision({ decided_at: at(h), phone: `+1212555${1000 + h}` }));
      for (const d of made) await ledger.recordDecision(d);
      await ledger.recordDecision(aDecision({ org_id: 'org_other', decided_at: at(3) }));
      const expected = made
        .filter((d) => d.decided_at >= at(2) && d.decided_at < at(6))
        .sort((a, b) => (a.decided_at < b.decided_at ? -1 : a.decided_at > b.decided_at ? 1 : 0));
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await ledger.listDecisions('org_test', { from: at(2), to: at(6), limit: 2, after });
        seen.push(...page.items.map((d) => d.id));
        after = page.next_cursor ?? undefined;
      } while (after);
      expect(seen).toEqual(expected.map((d) => d.id));
      // One subject's decisions, written out of time order, are listed in it too, page by page.
      const subject = [3, 1, 2].map((h) => aDecision({ decided_at: at(h), phone: '+12125559999' }));
      for (const d of subject) await ledger.recordDecision(d);
      const first = await ledger.listDecisions('org_test', { phone: '+12125559999', limit: 2 });
      const rest = await ledger.listDecisions('org_test', { phone: '+12125559999', limit: 2, after: first.next_cursor! });
      expect([...first.items, ...rest.items].map((d) => d.decided_at)).toEqual([at(1), at(2), at(3)]);
      expect(rest.next_cursor).toBeNull();
    });

    it("takes many subjects' writes at once (as under load, many in one turn of the event loop)", async () => {
      const phones = Array.from({ length: 60 }, (_, i) => `+1212555${String(2000 + i)}`);
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: null };
      const decisions = phones.map((phone) => aDecision({ phone }));
      const [, reserved] = await Promise.all([
        Promise.all(decisions.map((d) => ledger.recordDecision(d))),
        Promise.all(phones.map((phone) => reserveSending(ledger, phone, r))),
      ]);
      expect(reserved.every((x) => x === 'reserved')).toBe(true);
      for (const d of decisions) expect(await ledger.getDecision('org_test', d.id)).toEqual(d);
    });

    it('decides a text on the facts it reads with the count, counts an allowed one, and stores each decision', async () => {
      await ledger.createOrg({ id: 'org_test', name: 'Test', monthly_quota: 9, created_at: '2026-01-01T00:00:00.000Z' });
      const consent = aConsent();
      await ledger.captureConsent(consent);
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 1, monthlyQuota: 9 };
      const seen: SendFacts[] = [];
      const decide = (facts: SendFacts): SendVerdict => {
        seen.push(facts);
        const allowed = facts.consents.length > 0 && facts.sentToday < r.dailyCap;
        return { decision: aDecision({ kind: 'presend', allowed, reason: allowed ? null : 'frequency_cap' }), limits: allowed ? r : undefined };
      };
      const stored = [await ledger.decideSend('org_test', '+15551234567', r, decide), await ledger.decideSend('org_test', '+15551234567', r, decide)];
      expect(stored.map((d) => d.reason)).toEqual([null, 'frequency_cap']);
      expect(seen.map((f) => [f.org?.monthly_quota, f.consents.map((c) => c.id), f.sentToday, f.sentThisMonth])).toEqual([
        [9, [consent.id], 0, 0],
        [9, [consent.id], 1, 1],
      ]);
      for (const d of stored) expect(await ledger.getDecision('org_test', d.id)).toEqual(d);
      expect(await ledger.sendCounts('org_test', '+15551234567', r)).toEqual({ sentToday: 1, sentThisMonth: 1 });
    });

    it('a decider that allows past the limits is asked again on the count it met; one that still allows fails closed', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 1, monthlyQuota: null };
      expect(await reserveSending(ledger, '+15551234567', r)).toBe('reserved');
      // As a decision made on counts read before a racing sender took the last unit: allowed on its first ask.
      const asked: number[] = [];
      const stale = (facts: SendFacts): SendVerdict => {
        asked.push(facts.sentToday);
        const allowed = asked.length === 1;
        return { decision: aDecision({ kind: 'presend', allowed, reason: allowed ? null : 'frequency_cap' }), limits: allowed ? r : undefined };
      };
      const refused = await ledger.decideSend('org_test', '+15551234567', r, stale);
      expect(refused.reason).toBe('frequency_cap');
      expect(asked).toEqual([1, 1]);
      expect(await ledger.getDecision('org_test', refused.id)).toEqual(refused);
      const always = (): SendVerdict => ({ decision: aDecision({ kind: 'presend' }), limits: r });
      await expect(ledger.decideSend('org_test', '+15551234567', r, always)).rejects.toThrow(/still allows/);
      expect(await ledger.sendCounts('org_test', '+15551234567', r)).toEqual({ sentToday: 1, sentThisMonth: 1 });
      expect(await ledger.auditTrail('org_test', '+15551234567')).toHaveLength(2);
    });

    it('a send whose decision cannot be made, or is made for another subject, fails the call and counts nothing', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 1, monthlyQuota: null };
      const noDecision = new Error('no decision');
      const failing = ledger.decideSend('org_test', '+15551234567', r, () => {
        throw noDecision;
      });
      // The decider's own error, not the store's: nothing says the ledger is unavailable.
      await expect(failing).rejects.toBe(noDecision);
      const elsewhere = (): SendVerdict => ({ decision: aDecision({ phone: '+12125550100', kind: 'presend' }), limits: r });
      await expect(ledger.decideSend('org_test', '+15551234567', r, elsewhere)).rejects.toThrow(/recorded for org_test\/\+12125550100/);
      for (const phone of ['+15551234567', '+12125550100']) {
        expect(await ledger.auditTrail('org_test', phone)).toHaveLength(0);
        expect(await ledger.sendCounts('org_test', phone, r)).toEqual({ sentToday: 0, sentThisMonth: 0 });
      }
      expect(await reserveSending(ledger, '+15551234567', r)).toBe('reserved');
    });

    it('stores decisions and lists them by phone and time, per org', async () => {
      const d1 = aDecision({ decided_at: '2026-04-10T10:00:00.000Z' });
      const d2 = aDecision({ decided_at: '2026-04-11T10:00:00.000Z', kind: 'presend', allowed: false, reason: 'quiet_hours' });
      const d3 = aDecision({ decided_at: '2026-04-12T10:00:00.000Z', phone: '+12125550100' });
      for (const d of [d1, d2, d3]) await ledger.recordDecision(d);
      expect(await ledger.getDecision('org_test', d2.id)).toEqual(d2);
      expect(await ledger.getDecision('org_other', d2.id)).toBeNull();
      const byPhone = await ledger.listDecisions('org_test', { phone: '+15551234567', limit: 10 });
      expect(byPhone.items.map((d) => d.id)).toEqual([d1.id, d2.id]);
      const first = await ledger.listDecisions('org_test', { phone: '+15551234567', limit: 1 });
      const second = await ledger.listDecisions('org_test', { phone: '+15551234567', limit: 1, after: first.next_cursor! });
      expect([...first.items, ...second.items].map((d) => d.id)).toEqual([d1.id, d2.id]);
      expect(second.next_cursor).toBeNull();
      const phoneInWindow = await ledger.listDecisions('org_test', { phone: '+15551234567', from: '2026-04-11T00:00:00.000Z', limit: 10 });
      expect(phoneInWindow.items.map((d) => d.id)).toEqual([d2.id]);
      expect((await ledger.listDecisions('org_other', { phone: '+15551234567', limit: 10 })).items).toEqual([]);
      const window = await ledger.listDecisions('org_test', { from: '2026-04-11T00:00:00.000Z', to: '2026-04-12T00:00:00.000Z', limit: 10 });
      expect(window.items.map((d) => d.id)).toEqual([d2.id]);
    });

    it('chains every write of a subject into a verifiable audit trail', async () => {
      const c = aConsent();
      await ledger.captureConsent(c);
      await ledger.recordDecision(aDecision());
      await ledger.changeConsentStatus('org_test', c.id, { to: 'opted_out', at: '2026-04-26T13:00:00.000Z', source: 'api', event: 'opted_out' });
      await ledger.recordRevocation(aRevocation());
      const trail = await ledger.auditTrail('org_test', '+15551234567');
      expect(trail.map((e) => e.kind)).toEqual(['consent', 'decision', 'consent_event', 'revocation']);
      expect(trail[0].prev_hash).toBe('');
      expect(trail[1].prev_hash).toBe(trail[0].hash);
      expect(verifyChain(trail)).toMatchObject({ ok: true, length: 4 });
      // Edited history no longer verifies.
      const tampered = trail.map((e) => ({ ...e, body: { ...e.body } }));
      (tampered[1].body as { facts: Record<string, unknown> }).facts = { allowed: false };
      expect(verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: 1 });
      expect(await ledger.auditTrail('org_other', '+15551234567')).toEqual([]);
    });

    it('queues a network-wide revocation for delivery until acknowledged', async () => {
      const r = aRevocation({ scope: 'all', calling_entity: null });
      await ledger.recordRevocation(r);
      await ledger.recordRevocation(aRevocation()); // entity_only: not propagated
      const due = await ledger.dueOutbox('2026-12-01T00:00:00.000Z', 10);
      expect(due).toHaveLength(1);
      expect(due[0].payload).toMatchObject({ id: r.id, scope: 'all' });
      await ledger.retryOutbox(due[0].id, '2026-12-02T00:00:00.000Z');
      expect(await ledger.dueOutbox('2026-12-01T00:00:00.000Z', 10)).toHaveLength(0);
      const later = await ledger.dueOutbox('2026-12-03T00:00:00.000Z', 10);
      expect(later[0].attempts).toBe(1);
      await ledger.ackOutbox(later[0].id);
      expect(await ledger.dueOutbox('2026-12-31T00:00:00.000Z', 10)).toHaveLength(0);
    });

    it('marks a webhook seen once until its TTL passes, and forgets it when asked', async () => {
      expect(await ledger.markWebhookSeen('twilio:sms:SM1', 1)).toBe(true);
      expect(await ledger.markWebhookSeen('twilio:sms:SM1', 1)).toBe(false);
      expect(await peer.markWebhookSeen('twilio:sms:SM1', 1)).toBe(false);
      expect(await ledger.markWebhookSeen('twilio:sms:SM2', 60)).toBe(true);
      await ledger.forgetWebhookSeen('twilio:sms:SM2');
      expect(await peer.markWebhookSeen('twilio:sms:SM2', 60)).toBe(true);
      await new Promise((r) => setTimeout(r, 1100));
      expect(await peer.markWebhookSeen('twilio:sms:SM1', 60)).toBe(true);
      expect(await ledger.markWebhookSeen('twilio:sms:SM1', 60)).toBe(false);
      expect(await ledger.markWebhookSeen('twilio:sms:SM2', 60)).toBe(false);
    });

    it('of two instances racing to mark one webhook, exactly one is first', async () => {
      const marks = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? peer : ledger).markWebhookSeen('twilio:voice:CA1:9', 60)));
      expect(marks.filter(Boolean)).toHaveLength(1);
    });

    it('a held value is taken once, by whichever instance asks first, and is gone after its TTL', async () => {
      await ledger.holdValue('telnyx:hold:a', '{"stream_url":"wss://app/a"}', 60);
      expect(await peer.takeHeldValue('telnyx:hold:a')).toBe('{"stream_url":"wss://app/a"}');
      expect(await ledger.takeHeldValue('telnyx:hold:a')).toBeNull();
      expect(await ledger.takeHeldValue('telnyx:hold:never')).toBeNull();
      await ledger.holdValue('telnyx:hold:b', 'first', 60);
      await peer.holdValue('telnyx:hold:b', 'second', 60);
      const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? peer : ledger).takeHeldValue('telnyx:hold:b')));
      expect(racers.filter((v) => v !== null)).toEqual(['second']);
      await ledger.holdValue('telnyx:hold:c', 'short', 1);
      await new Promise((r) => setTimeout(r, 1100));
      expect(await peer.takeHeldValue('telnyx:hold:c')).toBeNull();
    });

    it('two instances racing 50 reservations for one number allow exactly the cap', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: null };
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => reserveSending(i % 2 ? peer : ledger, '+15551234567', r)));
      expect(results.filter((x) => x === 'reserved')).toHaveLength(3);
      expect(results.filter((x) => x === 'frequency_cap')).toHaveLength(47);
      expect((await peer.sendCounts('org_test', '+15551234567', r)).sentToday).toBe(3);
    });

    it('two instances racing reservations for many numbers never pass the monthly quota', async () => {
      const r = { entity: 'acme', day: '2026-04-10', month: '2026-04', dailyCap: 3, monthlyQuota: 7 };
      const phones = Array.from({ length: 50 }, (_, i) => `+1212555${String(1000 + i)}`);
      const results = await Promise.all(phones.map((p, i) => reserveSending(i % 2 ? peer : ledger, p, r)));
      expect(results.filter((x) => x === 'reserved')).toHaveLength(7);
      expect(results.filter((x) => x === 'quota_exceeded')).toHaveLength(43);
      expect((await ledger.sendCounts('org_test', phones[0], r)).sentThisMonth).toBe(7);
      // A refused send counts nothing against the number's daily cap.
      const perPhone = await Promise.all(phones.map((p) => ledger.sendCounts('org_test', p, r)));
      expect(perPhone.reduce((n, c) => n + c.sentToday, 0)).toBe(7);
    });

    it('concurrent writes to one subject from two instances form one verifiable chain', async () => {
      const consents = Array.from({ length: 5 }, (_, i) => aConsent({ captured_at: `2026-03-1${i}T00:00:00.000Z` }));
      await Promise.all([
        ...consents.map((c, i) => (i % 2 ? peer : ledger).captureConsent(c)),
        ...Array.from({ length: 20 }, (_, i) => (i % 2 ? peer : ledger).recordDecision(aDecision())),
        ledger.recordRevocation(aRevocation()),
      ]);
      const trail = await ledger.auditTrail('org_test', '+15551234567');
      expect(trail).toHaveLength(26);
      expect(verifyChain(trail)).toMatchObject({ ok: true, length: 26 });
      expect(trail.filter((e) => e.kind === 'decision')).toHaveLength(20);
    });

    it('a status change raced by two instances happens once', async () => {
      const c = aConsent();
      await ledger.captureConsent(c);
      const change = { to: 'opted_out' as const, at: '2026-04-26T13:00:00.000Z', source: 'api', event: 'opted_out' as const };
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? peer : ledger).changeConsentStatus('org_test', c.id, change)));
      expect(results.filter((r) => r?.changed)).toHaveLength(1);
      const stored = await peer.getConsent('org_test', c.id);
      expect(stored?.history.filter((h) => h.event === 'opted_out')).toHaveLength(1);
      const trail = await ledger.auditTrail('org_test', c.phone);
      expect(trail.map((e) => e.kind)).toEqual(['consent', 'consent_event']);
    });

    it('the same network-wide revocation raced by two instances is recorded and queued once', async () => {
      const attempts = Array.from({ length: 6 }, () => aRevocation({ scope: 'all', calling_entity: null, dedupe_key: 'same-all' }));
      const results = await Promise.all(attempts.map((r, i) => (i % 2 ? peer : ledger).recordRevocation(r)));
      expect(results.filter((x) => x.created)).toHaveLength(1);
      const stored = results.find((x) => x.created)!.revocation;
      expect(new Set(results.map((x) => x.revocation.id))).toEqual(new Set([stored.id]));
      const due = await ledger.dueOutbox('2026-12-01T00:00:00.000Z', 10);
      expect(due).toHaveLength(1);
      expect(due[0].payload).toMatchObject({ id: stored.id });
      // Another org sees it exactly once.
      const facts = await peer.contactFacts('org_elsewhere', '+15551234567');
      expect(facts.revocations.map((r) => r.id)).toEqual([stored.id]);
      const own = await peer.contactFacts('org_test', '+15551234567');
      expect(own.revocations.map((r) => r.id)).toEqual([stored.id]);
      expect((await ledger.auditTrail('org_test', '+15551234567')).filter((e) => e.kind === 'revocation')).toHaveLength(1);
    });

    it('pages decisions of an org and of a phone without gaps or repeats', async () => {
      const made = [];
      for (let i = 0; i < 7; i++) {
        const d = aDecision({ decided_at: `2026-04-1${i}T10:00:00.000Z`, phone: i % 3 ? '+15551234567' : '+12125550100' });
        await ledger.recordDecision(d);
        made.push(d);
      }
      const all = async (query: { phone?: string; from?: string }) => {
        const ids: string[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 20; guard++) {
          const page = await peer.listDecisions('org_test', { ...query, limit: 2, after });
          ids.push(...page.items.map((d) => d.id));
          if (!page.next_cursor) break;
          after = page.next_cursor;
        }
        return ids;
      };
      expect(await all({})).toEqual(made.map((d) => d.id));
      expect(await all({ phone: '+15551234567' })).toEqual(made.filter((d) => d.phone === '+15551234567').map((d) => d.id));
      expect(await all({ from: '2026-04-13T00:00:00.000Z' })).toEqual(made.slice(3).map((d) => d.id));
    });

    it('pages consents of an org without gaps or repeats', async () => {
      const made = [];
      for (let i = 0; i < 5; i++) made.push((await ledger.captureConsent(aConsent({ phone: i % 2 ? '+15551234567' : '+12125550100' }))).consent);
      const ids: string[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await peer.listConsents('org_test', { limit: 2, after });
        ids.push(...page.items.map((c) => c.id));
        if (!page.next_cursor) break;
        after = page.next_cursor;
      }
      expect(ids).toEqual(made.map((c) => c.id));
    });
  });
}
