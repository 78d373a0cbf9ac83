/**
 * Do-not-call lists in storage: per org and list, one bitmap per area code
 * (see bitmap.ts) and a small manifest naming each area code with its entry
 * count and the date of the copy it came from (`as_of`).
 *
 * Rules every engine keeps (held by the contract in test/ledger/dncContract.ts):
 * - A full import replaces the area codes its file holds, and only those; a
 *   change import adds and deletes numbers in the list as it is.
 * - An import is applied whole per area code or not at all: one that stops
 *   part way (a crash, a lost connection) leaves the previous copy of each
 *   area code in force, never a half-written one.
 * - Re-importing the same file changes nothing (added and removed are 0).
 * - Each org's lists are its own: another org's import neither adds to,
 *   replaces nor shows among them (a tenant's full copy of an area code
 *   would otherwise lift another tenant's protection).
 * - A list's `as_of` is the oldest of its area codes' copies: a list is only
 *   as fresh as its stalest part.
 */
import type { DncListName } from '../../domain/dnc/lists';
import type { DncEntrySink, DncImportMode } from '../../domain/dnc/listFormat';
import { bitmapDifference, clearBit, emptyBitmap, setBit, splitUsNumber, testBit } from './bitmap';

/** One area code of a list: how many numbers it holds and the date of the copy they came from. */
export interface DncAreaCodeEntry {
  count: number;
  as_of: string;
}

/** Area code (three digits) → its entry. */
export type DncManifest = Record<string, DncAreaCodeEntry>;

export interface DncListSummary {
  list: DncListName;
  /** The oldest copy among the list's area codes (YYYY-MM-DD). */
  as_of: string;
  entries: number;
  area_codes: string[];
}

export interface DncImportResult {
  added: number;
  removed: number;
  /** The area codes the import wrote, sorted. */
  area_codes: string[];
}

/** An import under way: parsed lines go in (`add`/`remove`), then `commit` applies them. */
export interface DncListWriter extends DncEntrySink {
  commit(): Promise<DncImportResult>;
}

export interface DncStore {
  readonly engine: string;
  /**
   * Every list the org imported so far, by name. An engine that holds them in memory answers at once,
   * not with a promise: this is asked before every call and text, and a promise costs the decision a turn of
   * the microtask queue for nothing.
   */
  lists(orgId: string): DncListSummary[] | Promise<DncListSummary[]>;
  /** Every org that imported a list, sorted (what /readyz and the list-age metric walk). */
  orgs(): Promise<string[]>;
  /** Makes every list ready for lookups (the file engine reads its bitmaps into memory): a gateway calls it at start. */
  load(): Promise<void>;
  /** Whether the number (E.164) is on the org's list. */
  isListed(orgId: string, list: DncListName, phone: string): Promise<boolean>;
  /** The org's lists holding the number (E.164), by name; at once, as `lists`, where the engine holds them in memory. */
  listsHolding(orgId: string, phone: string): DncListName[] | Promise<DncListName[]>;
  /** Starts an import into the org's list; nothing is visible until `commit` resolves. */
  startImport(orgId: string, list: DncListName, mode: DncImportMode, asOf: string): DncListWriter;
  close(): Promise<void>;
}

export const areaCodeKey = (areaCode: number) => String(areaCode);

/**
 * An org id as it appears in a file name or a Redis key: letters, digits,
 * `_` and `-` kept, anything else percent-encoded, so that no id can name a
 * parent directory, a path separator or a hash tag. Ids the gateway makes
 * (`org_…`, `org_default`) are unchanged.
 */
export function orgStorageName(orgId: string): string {
  if (!orgId) throw new Error('a do-not-call list needs the org it belongs to');
  return encodeURIComponent(orgId).replace(/[.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The org id a storage name stands for, or null when the name is not one `orgStorageName` makes. */
export function orgOfStorageName(name: string): string | null {
  try {
    const id = decodeURIComponent(name);
    return id && orgStorageName(id) === name ? id : null;
  } catch {
    return null;
  }
}

/** The summary of a list from its manifest, or null when it holds no area code. */
export function summarise(list: DncListName, manifest: DncManifest): DncListSummary | null {
  const codes = Object.keys(manifest).sort();
  if (!codes.length) return null;
  let entries = 0;
  let asOf = manifest[codes[0]].as_of;
  for (const c of codes) {
    entries += manifest[c].count;
    if (manifest[c].as_of < asOf) asOf = manifest[c].as_of;
  }
  return { list, as_of: asOf, entries, area_codes: codes };
}

/** What an engine provides for the import algorithm below. */
export interface DncImportTarget {
  manifest(list: DncListName): Promise<DncManifest>;
  /** The area code's bitmap as stored, or null when the list has none. */
  bitmap(list: DncListName, areaCode: string): Promise<Uint8Array | null>;
  /**
   * Stores the new bitmaps and the manifest naming them, so that each area
   * code is swapped whole (see the rules above).
   */
  store(list: DncListName, bitmaps: Map<string, Uint8Array>, manifest: DncManifest): Promise<void>;
}

/**
 * Collects parsed lines in memory: a full import as a fresh bitmap per area
 * code (1.25 MB each), a change import as the last mark per number (change
 * files are small). `commit` then reads each area code's stored copy once,
 * counts what changed and hands the new copies to the engine.
 */
export function dncListWriter(target: DncImportTarget, list: DncListName, mode: DncImportMode, asOf: string): DncListWriter {
  const full = new Map<number, Uint8Array>();
  const changes = new Map<number, Map<number, boolean>>();
  let lastAreaCode = -1;
  let lastBits: Uint8Array | null = null;
  const changesOf = (areaCode: number) => {
    let m = changes.get(areaCode);
    if (!m) changes.set(areaCode, (m = new Map()));
    return m;
  };
  return {
    add(areaCode, local) {
      if (mode === 'changes') return void changesOf(areaCode).set(local, true);
      // Registry files come an area code at a time: the last one's bitmap is kept at hand.
      if (areaCode !== lastAreaCode) {
        let bits = full.get(areaCode);
        if (!bits) full.set(areaCode, (bits = emptyBitmap()));
        lastAreaCode = areaCode;
        lastBits = bits;
      }
      setBit(lastBits!, local);
    },
    remove(areaCode, local) {
      changesOf(areaCode).set(local, false);
    },
    async commit() {
      const manifest = { ...(await target.manifest(list)) };
      const written = new Map<string, Uint8Array>();
      let added = 0;
      let removed = 0;
      const touched = mode === 'full' ? [...full.keys()] : [...changes.keys()];
      for (const areaCode of touched) {
        const key = areaCodeKey(areaCode);
        const previous = await target.bitmap(list, key);
        let next: Uint8Array;
        if (mode === 'full') next = full.get(areaCode)!;
        else {
          // A copy: a Buffer's slice would be a view of the stored copy.
          next = previous ? new Uint8Array(previous) : emptyBitmap();
          for (const [local, listed] of changes.get(areaCode)!) (listed ? setBit : clearBit)(next, local);
        }
        const diff = bitmapDifference(previous, next);
        added += diff.added;
        removed += diff.removed;
        const count = (manifest[key]?.count ?? 0) + diff.added - diff.removed;
        const asOfNow = mode === 'changes' && manifest[key] && manifest[key].as_of > asOf ? manifest[key].as_of : asOf;
        manifest[key] = { count, as_of: asOfNow };
        written.set(key, next);
        full.delete(areaCode);
      }
      // A change list covers every area code of the subscription: those it does not name are unchanged as of its date.
      if (mode === 'changes') for (const key of Object.keys(manifest)) if (manifest[key].as_of < asOf) manifest[key] = { ...manifest[key], as_of: asOf };
      await target.store(list, written, manifest);
      return { added, removed, area_codes: [...written.keys()].sort() };
    },
  };
}

/** The lookup both engines make once they hold a list's bitmap. */
export function listedIn(bitmapOf: (areaCode: string) => Uint8Array | undefined, phone: string): boolean {
  const n = splitUsNumber(phone);
  if (!n) return false;
  const bits = bitmapOf(areaCodeKey(n.areaCode));
  return bits !== undefined && testBit(bits, n.local);
}
