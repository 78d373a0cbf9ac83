/**
 * The do-not-call store contract: what every engine must do with the lists
 * (see src/ledger/dnc/dncStore.ts). Each engine's contract test file calls
 * `dncContract` with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DncListName } from '../../src/domain/dnc/lists';
import { DncListParser, type DncImportMode } from '../../src/domain/dnc/listFormat';
import type { DncStore } from '../../src/ledger/dnc/dncStore';

export interface DncContractOptions {
  /** A second store on the same storage (another gateway process), opened before the first imports. */
  openPeer: (store: DncStore) => Promise<DncStore>;
  /** Leaves what an import of the area code that stopped part way leaves behind (a temporary file, a temporary key). */
  leaveInterruptedImport: (store: DncStore, list: DncListName, areaCode: string, numbers: string[]) => Promise<void>;
  /** How long a peer may take to see another's import. */
  peerDelayMs: number;
}

export async function importText(store: DncStore, list: DncListName, mode: DncImportMode, asOf: string, text: string) {
  const writer = store.startImport(list, mode, asOf);
  const parser = new DncListParser(mode, writer);
  const error = parser.push(Buffer.from(text)) ?? parser.end();
  if (error) throw new Error(`line ${error.line}: ${error.reason}`);
  return writer.commit();
}

export function dncContract(engine: string, open: () => Promise<DncStore>, options: DncContractOptions): void {
  describe(`do-not-call store contract: ${engine}`, () => {
    let store: DncStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const full = '2125550143\n212,5550144\n+13055550100\n';

    it('a full import lists its numbers and no others, and says what it holds', async () => {
      expect(await store.lists()).toEqual([]);
      expect(await importText(store, 'national', 'full', '2026-12-01', full)).toEqual({ added: 3, removed: 0, area_codes: ['212', '305'] });
      expect(await store.isListed('national', '+12125550143')).toBe(true);
      expect(await store.isListed('national', '+12125550144')).toBe(true);
      expect(await store.isListed('national', '+13055550100')).toBe(true);
      expect(await store.isListed('national', '+12125550145')).toBe(false);
      expect(await store.isListed('national', '+17185550143')).toBe(false);
      expect(await store.isListed('state:TX', '+12125550143')).toBe(false);
      expect(await store.isListed('national', '+442071234567')).toBe(false);
      expect(await store.listsHolding('+12125550143')).toEqual(['national']);
      expect(await store.lists()).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('re-importing the same file changes nothing', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      expect(await importText(store, 'national', 'full', '2026-12-01', full)).toEqual({ added: 0, removed: 0, area_codes: ['212', '305'] });
      expect(await store.lists()).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('a change file adds and deletes numbers, and dates every area code of the list', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      const r = await importText(store, 'national', 'changes', '2026-12-02', '2125550145,A\n212,5550143,D\n2125550199,D\n');
      expect(r).toEqual({ added: 1, removed: 1, area_codes: ['212'] });
      expect(await store.isListed('national', '+12125550145')).toBe(true);
      expect(await store.isListed('national', '+12125550143')).toBe(false);
      expect(await store.isListed('national', '+12125550144')).toBe(true);
      expect(await store.lists()).toEqual([{ list: 'national', as_of: '2026-12-02', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('a full import of an area code replaces that area code only', async () => {
      await importText(store, 'national', 'full', '2026-11-01', full);
      const r = await importText(store, 'national', 'full', '2026-12-01', '2125550150\n');
      expect(r).toEqual({ added: 1, removed: 2, area_codes: ['212'] });
      expect(await store.isListed('national', '+12125550150')).toBe(true);
      expect(await store.isListed('national', '+12125550143')).toBe(false);
      expect(await store.isListed('national', '+13055550100')).toBe(true);
      // The list is as old as its oldest area code.
      expect(await store.lists()).toEqual([{ list: 'national', as_of: '2026-11-01', entries: 2, area_codes: ['212', '305'] }]);
    });

    it('lists are kept apart, and a number on two lists is named on both', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      await importText(store, 'state:TX', 'full', '2026-12-01', '2125550143\n');
      await importText(store, 'internal', 'full', '2026-12-03', '7185550100\n');
      expect((await store.listsHolding('+12125550143')).sort()).toEqual(['national', 'state:TX']);
      expect(await store.listsHolding('+17185550100')).toEqual(['internal']);
      expect((await store.lists()).map((l) => [l.list, l.entries])).toEqual([['internal', 1], ['national', 3], ['state:TX', 1]]);
    });

    it('an import that stopped part way leaves the previous copy in force, and the next import is whole', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      await options.leaveInterruptedImport(store, 'national', '212', ['2125550177']);
      expect(await store.isListed('national', '+12125550177')).toBe(false);
      expect(await store.isListed('national', '+12125550143')).toBe(true);
      expect(await store.lists()).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
      const reopened = await options.openPeer(store);
      try {
        expect(await reopened.isListed('national', '+12125550177')).toBe(false);
        expect(await reopened.isListed('national', '+12125550143')).toBe(true);
        expect(await importText(reopened, 'national', 'full', '2026-12-02', '2125550143\n')).toEqual({ added: 0, removed: 1, area_codes: ['212'] });
        expect(await reopened.isListed('national', '+12125550177')).toBe(false);
        expect(await reopened.isListed('national', '+12125550144')).toBe(false);
      } finally {
        await reopened.close();
      }
    });

    it('another instance on the same storage sees an import', async () => {
      const peer = await options.openPeer(store);
      try {
        expect(await peer.listsHolding('+12125550143')).toEqual([]);
        await importText(store, 'national', 'full', '2026-12-01', full);
        await new Promise((r) => setTimeout(r, options.peerDelayMs));
        expect(await peer.listsHolding('+12125550143')).toEqual(['national']);
        expect(await peer.isListed('national', '+12125550143')).toBe(true);
        expect((await peer.lists()).map((l) => l.entries)).toEqual([3]);
      } finally {
        await peer.close();
      }
    });
  });
}
