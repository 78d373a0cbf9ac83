/**
 * The reassigned-number store contract: what every engine must do with imported RND results
 * and cached provider answers (see src/ledger/reassigned/reassignedStore.ts). Each engine's
 * contract test file calls `reassignedContract` with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RndResultRow } from '../../src/domain/reassigned/rndFile';
import { ANSWER_CACHE_MS, type ReassignedStore } from '../../src/ledger/reassigned/reassignedStore';

const ORG = 'org_contract';
const OTHER = 'org_other';
const rows: RndResultRow[] = [
  { phone: '+12125550143', date: '2026-10-01', result: 'yes' },
  { phone: '+12125550143', date: '2026-06-01', result: 'no' },
  { phone: '+13055550100', date: '2026-10-01', result: 'no_data' },
];

export function reassignedContract(
  engine: string,
  open: () => Promise<ReassignedStore>,
  options: { openPeer?: (store: ReassignedStore) => Promise<ReassignedStore> } = {},
): void {
  describe(`reassigned-number store contract: ${engine}`, () => {
    let store: ReassignedStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("imported results are the org's, by number and date; importing them again changes nothing", async () => {
      expect(await store.hasImportedResults(ORG)).toBe(false);
      expect(await store.importResults(ORG, rows, new Date())).toEqual({ added: 3, changed: 0, unchanged: 0 });
      expect(await store.hasImportedResults(ORG)).toBe(true);
      expect(await store.importedResults(ORG, '+12125550143')).toEqual([
        { date: '2026-06-01', result: 'no' },
        { date: '2026-10-01', result: 'yes' },
      ]);
      expect(await store.importedResults(ORG, '+17185550100')).toEqual([]);
      expect(await store.importResults(ORG, rows, new Date())).toEqual({ added: 0, changed: 0, unchanged: 3 });
      expect(await store.importedResults(ORG, '+13055550100')).toEqual([{ date: '2026-10-01', result: 'no_data' }]);
    });

    it('a later result for a number and date replaces the one held', async () => {
      await store.importResults(ORG, rows, new Date());
      expect(await store.importResults(ORG, [{ phone: '+13055550100', date: '2026-10-01', result: 'yes' }], new Date())).toEqual({
        added: 0,
        changed: 1,
        unchanged: 0,
      });
      expect(await store.importedResults(ORG, '+13055550100')).toEqual([{ date: '2026-10-01', result: 'yes' }]);
    });

    it("another org neither sees nor replaces an org's results", async () => {
      await store.importResults(ORG, rows, new Date());
      expect(await store.hasImportedResults(OTHER)).toBe(false);
      expect(await store.importedResults(OTHER, '+12125550143')).toEqual([]);
      expect(await store.importResults(OTHER, [{ phone: '+12125550143', date: '2026-10-01', result: 'no' }], new Date())).toEqual({
        added: 1,
        changed: 0,
        unchanged: 0,
      });
      expect(await store.importedResults(ORG, '+12125550143')).toContainEqual({ date: '2026-10-01', result: 'yes' });
    });

    it('a cached answer is returned for its org, number and consent date until its time is up', async () => {
      const checkedAt = new Date();
      const answer = { result: 'no' as const, source: 'twilio_lookup' as const, checked_at: checkedAt.toISOString() };
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-01', checkedAt)).toBeNull();
      await store.cacheAnswer(ORG, '+12125550143', '2026-10-01', answer);
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-01', checkedAt)).toEqual(answer);
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-02', checkedAt)).toBeNull();
      expect(await store.cachedAnswer(OTHER, '+12125550143', '2026-10-01', checkedAt)).toBeNull();
      const justBefore = new Date(checkedAt.getTime() + ANSWER_CACHE_MS.no - 1000);
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-01', justBefore)).toEqual(answer);
      const after = new Date(checkedAt.getTime() + ANSWER_CACHE_MS.no + 1000);
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-01', after)).toBeNull();
    });

    it('a new answer for the same question replaces the cached one', async () => {
      const now = new Date();
      await store.cacheAnswer(ORG, '+12125550143', '2026-10-01', { result: 'no_data', source: 'twilio_lookup', checked_at: now.toISOString() });
      await store.cacheAnswer(ORG, '+12125550143', '2026-10-01', { result: 'yes', source: 'twilio_lookup', checked_at: now.toISOString() });
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-10-01', now)).toMatchObject({ result: 'yes' });
    });

    it('retention removes the results imported and the answers given before its cutoff, and keeps younger ones', async () => {
      const DAY = 86_400_000;
      const now = Date.now();
      const old = new Date(now - 31 * DAY);
      const young = new Date(now - 5 * DAY);
      await store.importResults(ORG, [rows[0], rows[1]], old);
      await store.importResults(OTHER, [{ phone: '+13055550100', date: '2026-10-01', result: 'yes' }], old);
      await store.importResults(ORG, [rows[2]], young);
      // Imported again lately: as young as its latest import, though unchanged.
      expect(await store.importResults(ORG, [rows[1]], young)).toEqual({ added: 0, changed: 0, unchanged: 1 });
      const oldYes = { result: 'yes' as const, source: 'twilio_lookup' as const, checked_at: old.toISOString() };
      const youngYes = { result: 'yes' as const, source: 'twilio_lookup' as const, checked_at: young.toISOString() };
      await store.cacheAnswer(ORG, '+12125550143', '2026-01-01', oldYes);
      await store.cacheAnswer(ORG, '+12125550143', '2026-02-01', youngYes);

      const cutoff = now - 30 * DAY;
      expect(await store.removeBefore(cutoff)).toEqual({ rnd_results: 2, cached_answers: 1 });
      expect(await store.importedResults(ORG, '+12125550143')).toEqual([{ date: '2026-06-01', result: 'no' }]);
      expect(await store.importedResults(ORG, '+13055550100')).toEqual([{ date: '2026-10-01', result: 'no_data' }]);
      expect(await store.importedResults(OTHER, '+13055550100')).toEqual([]);
      // Asked at a time the old answer was still cached: retention, not expiry, took it away.
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-01-01', new Date(old.getTime() + DAY))).toBeNull();
      expect(await store.cachedAnswer(ORG, '+12125550143', '2026-02-01', young)).toEqual(youngYes);

      expect(await store.removeBefore(cutoff)).toEqual({ rnd_results: 0, cached_answers: 0 });
      // A result imported again after the pass is new data: the next pass keeps it.
      await store.importResults(ORG, [rows[0]], new Date(now));
      expect(await store.removeBefore(cutoff)).toEqual({ rnd_results: 0, cached_answers: 0 });
      expect(await store.importedResults(ORG, '+12125550143')).toContainEqual({ date: '2026-10-01', result: 'yes' });
    });

    if (options.openPeer) {
      it('another process on the same storage sees the results and answers', async () => {
        const peer = await options.openPeer!(store);
        try {
          await store.importResults(ORG, rows, new Date());
          const now = new Date();
          await store.cacheAnswer(ORG, '+13055550100', '2026-10-01', { result: 'no', source: 'twilio_lookup', checked_at: now.toISOString() });
          expect(await peer.hasImportedResults(ORG)).toBe(true);
          expect(await peer.importedResults(ORG, '+12125550143')).toHaveLength(2);
          expect(await peer.cachedAnswer(ORG, '+13055550100', '2026-10-01', now)).toMatchObject({ result: 'no' });
        } finally {
          await peer.close();
        }
      });
    }
  });
}
