/**
 * The retention part of the ledger contract: what every engine
 * opened with a suppression keying must do. Run it beside `ledgerContract`
 * from each engine's test file, with a way to open the same store again
 * (the refuse-to-open guard is checked across a reopen):
 *
 *   retentionContract('sqlite', (suppression) => new SqliteLedger({ file: (file = freshFile()), suppression }), {
 *     reopen: async (suppression) => new SqliteLedger({ file, suppression }),
 *   });
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerUnavailableError, suppressionKeying, type Ledger, type SuppressionKeying } from '../../src/ledger/ledger';
import { verifyChain } from '../../src/ledger/auditChain';
import { aConsent, aDecision, aRevocation } from '../fixtures/records';
import { aCallEvent, aWholeCall, CALL_SID } from '../fixtures/calls';
import { foldCallRecord } from '../../src/domain/calls/record';

const PHONE = '+15551234567';
const CUTOFF = '2026-01-01T00:00:00.000Z';
const OLD = '2025-06-01T12:00:00.000Z';
const RECENT = '2026-02-01T12:00:00.000Z';

export interface RetentionContractOptions {
  /** Opens the store the last `open` made again, as it is (no emptying), with this keying or none. */
  reopen(suppression: SuppressionKeying | undefined): Promise<Ledger>;
}

export function retentionContract(engine: string, open: (suppression: SuppressionKeying) => Promise<Ledger>, { reopen }: RetentionContractOptions): void {
  describe(`ledger contract (retention): ${engine}`, () => {
    const keying = suppressionKeying('contract-test-retention-secret');
    const KEY = keying.keyOf(PHONE);
    let ledger: Ledger;
    beforeEach(async () => {
      ledger = await open(keying);
    });
    afterEach(async () => {
      await ledger?.close();
    });

    it('keys are HMACs: stable, secret-dependent, never the bare number', () => {
      expect(KEY).toMatch(/^hmac:[0-9a-f]{64}$/);
      expect(keying.keyOf(PHONE)).toBe(KEY);
      expect(suppressionKeying('another-secret-of-16+').keyOf(PHONE)).not.toBe(KEY);
      expect(KEY).not.toContain('5551234567');
    });

    it('an anonymised revocation loses its transcript and phone but still blocks the number', async () => {
      const r = aRevocation({
        created_at: OLD,
        captured_at: OLD,
        transcript: 'Stop calling me, I am Jane Doe',
        audio_segment_url: 'https://media.example/a.wav',
      });
      const network = aRevocation({ org_id: 'org_other', scope: 'all', calling_entity: null, created_at: OLD, captured_at: OLD });
      await ledger.recordRevocation(r);
      await ledger.recordRevocation(network);
      await ledger.recordRevocation(aRevocation({ phone: '+12125550100', created_at: RECENT, captured_at: RECENT }));
      const counts = await ledger.anonymiseBefore(CUTOFF);
      expect(counts.revocations).toBe(2);
      const stored = await ledger.getRevocation('org_test', r.id);
      expect(stored).toMatchObject({ id: r.id, phone: KEY, transcript: null, audio_segment_url: null, honor_by_date: r.honor_by_date, trigger: r.trigger });
      expect(JSON.stringify(stored)).not.toContain('5551234567');
      const facts = await ledger.contactFacts('org_test', PHONE);
      expect(facts.revocations.map((x) => x.id).sort()).toEqual([r.id, network.id].sort());
      // A network-wide opt-out blocks the number for other orgs too, anonymised or not.
      expect((await ledger.contactFacts('org_elsewhere', PHONE)).revocations.map((x) => x.id)).toEqual([network.id]);
      expect((await ledger.contactFacts('org_test', '+12125550100')).revocations).toHaveLength(1);
      expect((await ledger.contactFacts('org_test', '+12125550199')).revocations).toHaveLength(0);
    });

    it('goes on past its first batches: every old record of a large ledger is anonymised, nothing recent', async () => {
      // More old decisions and subjects than one batch (500) holds, interleaved with recent ones.
      const phones = Array.from({ length: 620 }, (_, i) => `+1212555${String(1000 + i)}`);
      const made = phones.flatMap((phone, i) => [
        aDecision({ phone, decided_at: OLD }),
        ...(i % 2 ? [aDecision({ phone, decided_at: OLD })] : []),
        ...(i % 5 ? [] : [aDecision({ phone, decided_at: RECENT })]),
      ]);
      for (let i = 0; i < made.length; i += 100) await Promise.all(made.slice(i, i + 100).map((d) => ledger.recordDecision(d)));
      const old = made.filter((d) => d.decided_at === OLD);
      const counts = await ledger.anonymiseBefore(CUTOFF);
      expect(counts.decisions).toBe(old.length);
      // Each old decision's chain entry moved to its subject's key, in every subject (more than a batch of them).
      expect(counts.audit_entries).toBe(old.length);
      for (const phone of [phones[0], phones[555], phones[619]]) {
        const trail = await ledger.auditTrail('org_test', phone);
        expect(trail.filter((e) => e.phone === keying.keyOf(phone))).toHaveLength(old.filter((d) => d.phone === phone).length);
        expect(verifyChain(trail)).toMatchObject({ ok: true });
      }
      for (const d of made) {
        const stored = await ledger.getDecision('org_test', d.id);
        expect(stored?.phone).toBe(d.decided_at === OLD ? keying.keyOf(d.phone) : d.phone);
      }
      expect((await ledger.anonymiseBefore(CUTOFF)).decisions).toBe(0);
    });

    it('decisions lose their request metadata and phone, and are still listed by phone', async () => {
      const old = aDecision({ decided_at: OLD, request: { phone: PHONE, metadata: { customer: 'Jane Doe' } } });
      const recent = aDecision({ decided_at: RECENT, request: { phone: PHONE, metadata: { customer: 'Jane Doe' } } });
      await ledger.recordDecision(old);
      await ledger.recordDecision(recent);
      expect((await ledger.anonymiseBefore(CUTOFF)).decisions).toBe(1);
      const stored = await ledger.getDecision('org_test', old.id);
      expect(stored).toMatchObject({ phone: KEY, request: { phone: KEY, metadata: null }, allowed: old.allowed, reason: old.reason });
      expect(await ledger.getDecision('org_test', recent.id)).toEqual(recent);
      const listed = await ledger.listDecisions('org_test', { phone: PHONE, limit: 10 });
      expect(listed.items.map((d) => d.id)).toEqual([old.id, recent.id]);
    });

    it('an ended consent loses its evidence text, ip and user agent; a consent in force keeps everything', async () => {
      const evidence = { url: 'https://acme.example/form', text: 'I agree', ip: '203.0.113.7', user_agent: 'Mozilla/5.0', source: 'web_form' };
      const ended = aConsent({ created_at: OLD, captured_at: OLD, status: 'opted_out', opted_out_at: OLD, evidence });
      const inForce = aConsent({ created_at: OLD, captured_at: '2025-05-01T00:00:00.000Z', evidence });
      await ledger.captureConsent(ended);
      await ledger.captureConsent(inForce);
      expect((await ledger.anonymiseBefore(CUTOFF)).consents).toBe(1);
      const e = await ledger.getConsent('org_test', ended.id);
      expect(e).toMatchObject({ phone: KEY, status: 'opted_out', evidence: { url: evidence.url, source: 'web_form' } });
      expect(e!.evidence).not.toHaveProperty('text');
      expect(e!.evidence).not.toHaveProperty('ip');
      expect(e!.evidence).not.toHaveProperty('user_agent');
      expect(e!.history.at(-1)).toMatchObject({ event: 'anonymised', source: 'retention' });
      expect(await ledger.getConsent('org_test', inForce.id)).toEqual(inForce);
      expect((await ledger.contactFacts('org_test', PHONE)).consents.map((c) => c.id).sort()).toEqual([ended.id, inForce.id].sort());
    });

    it('a consent that expired before its opt-out counts as ended from its expiry, also after a run with an earlier cutoff', async () => {
      const consent = aConsent({
        created_at: '2025-01-01T00:00:00.000Z',
        captured_at: '2025-01-01T00:00:00.000Z',
        expires_at: '2025-03-01T00:00:00.000Z',
        status: 'opted_out',
        opted_out_at: '2025-09-01T00:00:00.000Z',
      });
      await ledger.captureConsent(consent);
      // Before its expiry: in force, kept.
      expect((await ledger.anonymiseBefore('2025-02-01T00:00:00.000Z')).consents).toBe(0);
      expect(await ledger.getConsent('org_test', consent.id)).toMatchObject({ phone: PHONE });
      // After its expiry, before its opt-out: it has ended.
      expect((await ledger.anonymiseBefore('2025-06-01T00:00:00.000Z')).consents).toBe(1);
      expect(await ledger.getConsent('org_test', consent.id)).toMatchObject({ phone: KEY });
    });

    it('a capture is a duplicate only within its subject: captured again after retention anonymised it, a consent is new', async () => {
      const ended = aConsent({ created_at: OLD, captured_at: OLD, status: 'opted_out', opted_out_at: OLD });
      await ledger.captureConsent(ended);
      expect((await ledger.captureConsent({ ...ended, id: 'con_again_1' })).created).toBe(false);
      expect((await ledger.anonymiseBefore(CUTOFF)).consents).toBe(1);
      // The same content under the plain number is a new record; the anonymised one stays as it was.
      const again = { ...ended, id: 'con_again_2', status: 'active' as const, opted_out_at: null };
      expect(await ledger.captureConsent(again)).toEqual({ consent: again, created: true });
      expect(await ledger.getConsent('org_test', ended.id)).toMatchObject({ phone: KEY, status: 'opted_out' });
      expect((await ledger.captureConsent({ ...again, id: 'con_again_3' })).consent.id).toBe('con_again_2');
    });

    it('anonymises the same content twice for one number: both records stay, under the key', async () => {
      const ended = aConsent({ created_at: OLD, captured_at: OLD, status: 'opted_out', opted_out_at: OLD });
      await ledger.captureConsent(ended);
      expect((await ledger.anonymiseBefore(CUTOFF)).consents).toBe(1);
      // Captured again under the plain number (a re-run of an old import), and ended again long ago.
      const again = { ...ended, id: 'con_again_1' };
      expect((await ledger.captureConsent(again)).created).toBe(true);
      expect((await ledger.anonymiseBefore(CUTOFF)).consents).toBe(1);
      for (const id of [ended.id, again.id]) expect(await ledger.getConsent('org_test', id)).toMatchObject({ phone: KEY, status: 'opted_out' });
      expect((await ledger.contactFacts('org_test', PHONE)).consents.map((c) => c.id).sort()).toEqual([again.id, ended.id].sort());
    });

    it('the audit chain keeps its bodies and hashes, verifies across both keys, and continues after new writes', async () => {
      await ledger.captureConsent(aConsent({ created_at: OLD, captured_at: OLD }));
      await ledger.recordDecision(aDecision({ decided_at: OLD }));
      await ledger.recordRevocation(aRevocation({ created_at: OLD, captured_at: OLD }));
      await ledger.recordDecision(aDecision({ decided_at: RECENT }));
      const before = await ledger.auditTrail('org_test', PHONE);
      const counts = await ledger.anonymiseBefore(CUTOFF);
      expect(counts.audit_entries).toBe(3);
      const after = await ledger.auditTrail('org_test', PHONE);
      expect(after.map((e) => e.phone)).toEqual([KEY, KEY, KEY, PHONE]);
      expect(after.map(({ phone: _p, ...rest }) => rest)).toEqual(before.map(({ phone: _p, ...rest }) => rest));
      expect(verifyChain(after)).toMatchObject({ ok: true, length: 4 });
      // The anonymised part on its own (what the evidence of an anonymised record shows) is a valid prefix.
      expect(verifyChain(await ledger.auditTrail('org_test', KEY))).toMatchObject({ ok: true, length: 3 });
      await ledger.recordDecision(aDecision({ decided_at: '2026-03-01T00:00:00.000Z' }));
      expect(verifyChain(await ledger.auditTrail('org_test', PHONE))).toMatchObject({ ok: true, length: 5 });
    });

    it('a subject anonymised in full moves its head to the key, and the next write continues the same chain', async () => {
      await ledger.recordRevocation(aRevocation({ created_at: OLD, captured_at: OLD }));
      await ledger.recordDecision(aDecision({ decided_at: OLD }));
      await ledger.anonymiseBefore(CUTOFF);
      const subjects = (await ledger.auditSubjects({ limit: 10 })).items;
      expect(subjects.map((s) => s.phone)).toEqual([KEY]);
      expect(JSON.stringify(subjects)).not.toContain('5551234567');
      const trail = await ledger.auditTrail('org_test', PHONE);
      expect(subjects[0].head).toBe(trail.at(-1)!.hash);
      await ledger.recordDecision(aDecision({ decided_at: RECENT }));
      const continued = await ledger.auditTrail('org_test', PHONE);
      expect(continued).toHaveLength(3);
      expect(continued[2].prev_hash).toBe(trail[1].hash);
      expect(verifyChain(continued)).toMatchObject({ ok: true, length: 3 });
      const now = (await ledger.auditSubjects({ limit: 10 })).items;
      expect(now).toEqual([{ org_id: 'org_test', phone: PHONE, head: continued[2].hash }]);
    });

    it("an old call's record loses the phone and the opt-out's words, is still found by its ids, and its chain still verifies; a recent call keeps them", async () => {
      const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
      const old = aWholeCall().map((e) => ({ ...e, at: at(OLD, Date.parse(e.at) - Date.parse(aWholeCall()[0].at)) }));
      old[6] = { ...old[6], details: { ...old[6].details, transcript: 'stop calling me, this is Jane Doe' } };
      const recentSid = 'CAffffffffffffffffffffffffffffffff';
      const recent = aCallEvent('opt_out', RECENT, { revocation_id: 'rev_x', transcript: 'stop calling me' }, { carrier_call_id: recentSid });
      for (const e of [...old, recent]) await ledger.recordCallEvent(e);
      const counts = await ledger.anonymiseBefore(CUTOFF);
      expect(counts.call_events).toBe(old.length);
      const read = await ledger.callEvents('org_test', CALL_SID);
      expect(read!.call.phone).toBe(KEY);
      expect(read!.events).toHaveLength(old.length);
      expect(JSON.stringify(read)).not.toContain('5551234567');
      expect(JSON.stringify(read)).not.toContain('Jane Doe');
      expect(foldCallRecord(read!.events)).toMatchObject({ phone: KEY, status: 'completed', opt_outs: [{ transcript: null }] });
      expect((await ledger.listCalls('org_test', { phone: PHONE, limit: 10 })).items.map((c) => c.carrier_call_id)).toEqual([CALL_SID, recentSid]);
      expect((await ledger.callEvents('org_test', recentSid))!.events[0].details.transcript).toBe('stop calling me');
      expect(verifyChain(await ledger.auditTrail('org_test', PHONE))).toMatchObject({ ok: true, length: old.length + 1 });
      expect((await ledger.anonymiseBefore(CUTOFF)).call_events).toBe(0);
    });

    it('is idempotent: a second run changes nothing', async () => {
      await ledger.recordRevocation(aRevocation({ created_at: OLD, captured_at: OLD }));
      await ledger.recordDecision(aDecision({ decided_at: OLD }));
      expect(await ledger.anonymiseBefore(CUTOFF)).toMatchObject({ revocations: 1, decisions: 1, audit_entries: 2 });
      expect(await ledger.anonymiseBefore(CUTOFF)).toEqual({ consents: 0, revocations: 0, decisions: 0, audit_entries: 0, call_events: 0 });
      expect(verifyChain(await ledger.auditTrail('org_test', PHONE))).toMatchObject({ ok: true, length: 2 });
    });

    // Anonymised opt-outs are found only through their key: a store opened without it, or with
    // another secret, would quietly unblock opted-out numbers.
    it('a store holding anonymised records refuses to open without the secret it was anonymised under, or with another one', async () => {
      await ledger.recordRevocation(aRevocation({ created_at: OLD, captured_at: OLD }));
      expect((await ledger.anonymiseBefore(CUTOFF)).revocations).toBe(1);
      await ledger.close();
      await expect(reopen(undefined)).rejects.toThrow(LedgerUnavailableError);
      await expect(reopen(undefined)).rejects.toThrow(/set the RETENTION_SECRET/);
      await expect(reopen(suppressionKeying('another-secret-00002'))).rejects.toThrow(/different RETENTION_SECRET/);
      ledger = await reopen(keying);
      expect((await ledger.contactFacts('org_test', PHONE)).revocations).toHaveLength(1);
    });

    it('a store never anonymised opens with or without a secret, and cannot be anonymised without one', async () => {
      await ledger.recordRevocation(aRevocation({ created_at: OLD, captured_at: OLD }));
      const plain = await reopen(undefined);
      try {
        await expect(plain.anonymiseBefore(CUTOFF)).rejects.toThrow(/RETENTION_SECRET/);
        expect((await plain.contactFacts('org_test', PHONE)).revocations).toHaveLength(1);
      } finally {
        await plain.close();
      }
    });

    it('lists every audit subject once, paged', async () => {
      const phones = Array.from({ length: 5 }, (_, i) => `+1212555010${i}`);
      for (const phone of phones) await ledger.recordDecision(aDecision({ phone }));
      await ledger.recordDecision(aDecision({ phone: phones[0], org_id: 'org_other' }));
      const seen: string[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await ledger.auditSubjects({ limit: 2, after });
        seen.push(...page.items.map((s) => `${s.org_id} ${s.phone}`));
        if (!page.next_cursor) break;
        after = page.next_cursor;
      }
      expect(seen.sort()).toEqual([...phones.map((p) => `org_test ${p}`), `org_other ${phones[0]}`].sort());
    });
  });
}
