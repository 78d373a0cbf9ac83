/**
 * The embedded engine's do-not-call lists: files in a directory beside the
 * SQLite ledger, one directory per org and list (`DATA_DIR/dnc/<org>/<list>/`,
 * `state:TX` as `state-TX`, the org id as orgStorageName spells it).
 *
 * Each list directory holds one bitmap file per area code (1.25 MB,
 * `<area code>.<import id>.bits`) and `manifest.json`, which names the file
 * in force for each area code with its count and `as_of`. An import writes
 * new bitmap files under a fresh import id, syncs them, then writes the
 * manifest to a temporary file and renames it into place: the rename is the
 * moment the import happens. An import that stops before it leaves the
 * previous manifest naming the previous files, all intact; the files it
 * left behind are removed by the next import of the list. Imports of one
 * list take `import.lock` (refused while another live process holds it), so
 * that clean-up never removes a file another import is writing.
 *
 * Lookups read bitmaps held in memory (1.25 MB of RSS per org, list and area
 * code: about 500 MB for each org's whole national registry), loaded by `load` (the
 * gateway, at start) or by the first lookup, and again when a manifest
 * changes (another process's import: checked at most once a second, on the
 * next lookup; this process's own import hands its new bitmaps over).
 * A process that only imports or lists (the CLI) reads manifests alone.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dncListName, type DncListName } from '../../domain/dnc/lists';
import type { DncImportMode } from '../../domain/dnc/listFormat';
import { LedgerUnavailableError } from '../../errors';
import { PRIVATE_FILE_MODE } from '../privateFiles';
import { BITMAP_BYTES } from './bitmap';
import {
  dncListWriter,
  listedIn,
  orgOfStorageName,
  orgStorageName,
  summarise,
  type DncListSummary,
  type DncListWriter,
  type DncManifest,
  type DncStore,
} from './dncStore';

interface ManifestFile {
  area_codes: Record<string, { count: number; as_of: string; file: string }>;
}

interface LoadedList {
  dir: string;
  manifestMtimeMs: number;
  manifest: ManifestFile;
  /** What `lists` answers for it, made once a manifest (not on every decision). */
  summary: DncListSummary | null;
  /** Null until a lookup (or `load`) needs them: an import, or `GET /v1/dnc`, reads manifests only. */
  bitmaps: Map<string, Uint8Array> | null;
}

const MANIFEST = 'manifest.json';
const LOCK = 'import.lock';
const REFRESH_EVERY_MS = 1000;

const dirNameOf = (list: DncListName) => list.replace(':', '-');
const listOfDirName = (name: string) => dncListName(name.replace(/^state-/, 'state:'));

function writeFileSynced(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readBitmap(path: string): Uint8Array {
  const buf = readFileSync(path);
  if (buf.length !== BITMAP_BYTES) throw new Error(`${path} is ${buf.length} bytes, not ${BITMAP_BYTES}`);
  // Word-aligned, for the counting in bitmap.ts.
  return buf.byteOffset % 4 === 0 ? buf : new Uint8Array(buf);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileDncStore implements DncStore {
  readonly engine = 'file';
  /** Org id → its lists. */
  private readonly loaded = new Map<string, Map<DncListName, LoadedList>>();
  private checkedAt = 0;

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.refresh();
  }

  async load(): Promise<void> {
    this.refresh();
    for (const lists of this.loaded.values()) for (const l of lists.values()) this.bitmapsOf(l);
  }

  lists(orgId: string): DncListSummary[] {
    // Asked on every decision where lists exist: another process's import is seen within the second, as for lookups.
    this.refreshAtMostEverySecond();
    const out: DncListSummary[] = [];
    for (const [, l] of [...(this.loaded.get(orgId) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) if (l.summary) out.push(l.summary);
    return out;
  }

  async orgs(): Promise<string[]> {
    this.refreshAtMostEverySecond();
    return [...this.loaded]
      .filter(([, lists]) => [...lists.values()].some((l) => l.summary))
      .map(([orgId]) => orgId)
      .sort();
  }

  async isListed(orgId: string, list: DncListName, phone: string): Promise<boolean> {
    this.refreshAtMostEverySecond();
    const l = this.loaded.get(orgId)?.get(list);
    if (!l) return false;
    const bitmaps = this.bitmapsOf(l);
    return listedIn((ac) => bitmaps.get(ac), phone);
  }

  listsHolding(orgId: string, phone: string): DncListName[] {
    this.refreshAtMostEverySecond();
    const out: DncListName[] = [];
    for (const [list, l] of this.loaded.get(orgId) ?? []) {
      const bitmaps = this.bitmapsOf(l);
      if (listedIn((ac) => bitmaps.get(ac), phone)) out.push(list);
    }
    return out;
  }

  /** The directory of the org's list. */
  listDir(orgId: string, list: DncListName): string {
    return join(this.dir, orgStorageName(orgId), dirNameOf(list));
  }

  startImport(orgId: string, list: DncListName, mode: DncImportMode, asOf: string): DncListWriter {
    const dir = this.listDir(orgId, list);
    const importId = `${this.now().toString(36)}${randomBytes(4).toString('hex')}`;
    return dncListWriter(
      {
        manifest: async () => plainManifest(this.readManifest(dir) ?? { area_codes: {} }),
        bitmap: async (_list, ac) => {
          const m = this.readManifest(dir);
          const file = m?.area_codes[ac]?.file;
          return file ? readBitmap(join(dir, file)) : null;
        },
        store: async (_list, bitmaps, manifest) => {
          mkdirSync(dir, { recursive: true, mode: 0o700 });
          this.withLock(dir, () => {
            const previous = this.readManifest(dir) ?? { area_codes: {} };
            const next: ManifestFile = { area_codes: {} };
            for (const [ac, entry] of Object.entries(manifest)) {
              const file = bitmaps.has(ac) ? `${ac}.${importId}.bits` : previous.area_codes[ac]?.file;
              if (file) next.area_codes[ac] = { ...entry, file };
            }
            for (const [ac, bits] of bitmaps) writeFileSynced(join(dir, `${ac}.${importId}.bits`), bits);
            syncDir(dir);
            const tmp = join(dir, `${MANIFEST}.${importId}.tmp`);
            writeFileSynced(tmp, JSON.stringify(next));
            renameSync(tmp, join(dir, MANIFEST));
            syncDir(dir);
            this.removeUnnamed(dir, next);
          });
          this.adopt(orgId, list, dir, bitmaps);
        },
      },
      list,
      mode,
      asOf,
    );
  }

  async close(): Promise<void> {
    this.loaded.clear();
  }

  private withLock(dir: string, fn: () => void): void {
    const lock = join(dir, LOCK);
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(lock, 'wx', PRIVATE_FILE_MODE);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0)
          throw new LedgerUnavailableError(`cannot lock ${lock}: ${(err as Error).message}`, { cause: err });
        const holder = Number(readFileSync(lock, 'utf8'));
        if (Number.isInteger(holder) && holder > 0 && processAlive(holder))
          throw new LedgerUnavailableError(`another import of this list is under way (process ${holder})`);
        // Left by a process that died mid-import: its files are cleaned up below.
        unlinkSync(lock);
      }
    }
    try {
      fn();
    } finally {
      unlinkSync(lock);
    }
  }

  /** Bitmap files and temporary manifests no manifest names: what an import that stopped part way left. */
  private removeUnnamed(dir: string, manifest: ManifestFile): void {
    const named = new Set(Object.values(manifest.area_codes).map((e) => e.file));
    for (const name of readdirSync(dir)) {
      if ((name.endsWith('.bits') && !named.has(name)) || name.endsWith('.tmp')) unlinkSync(join(dir, name));
    }
  }

  private readManifest(dir: string): ManifestFile | null {
    const path = join(dir, MANIFEST);
    if (!existsSync(path)) return null;
    return JSON.parse(readFileSync(path, 'utf8')) as ManifestFile;
  }

  private refreshAtMostEverySecond(): void {
    if (this.now() - this.checkedAt >= REFRESH_EVERY_MS) this.refresh();
  }

  /** Reads every manifest that is new or changed; a list whose bitmaps were held has them read again. */
  private refresh(): void {
    this.checkedAt = this.now();
    for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
      const orgId = entry.isDirectory() ? orgOfStorageName(entry.name) : null;
      if (orgId === null) continue;
      const orgDir = join(this.dir, entry.name);
      for (const name of readdirSync(orgDir)) {
        const list = listOfDirName(name);
        if (list) this.refreshList(orgId, list, join(orgDir, name));
      }
    }
  }

  private refreshList(orgId: string, list: DncListName, dir: string): void {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(join(dir, MANIFEST)).mtimeMs;
    } catch {
      return;
    }
    const current = this.loaded.get(orgId)?.get(list);
    if (current && current.manifestMtimeMs === mtimeMs) return;
    try {
      const manifest = this.readManifest(dir)!;
      const next: LoadedList = { dir, manifestMtimeMs: mtimeMs, manifest, summary: summarise(list, plainManifest(manifest)), bitmaps: null };
      if (current?.bitmaps) next.bitmaps = this.readBitmaps(next, current);
      this.listsOf(orgId).set(list, next);
    } catch {
      // Mid-swap by another process (a file named, then removed): the copy held stays in force, and the next check reads the new one.
      this.checkedAt = 0;
    }
  }

  private listsOf(orgId: string): Map<DncListName, LoadedList> {
    let lists = this.loaded.get(orgId);
    if (!lists) this.loaded.set(orgId, (lists = new Map()));
    return lists;
  }

  private bitmapsOf(l: LoadedList): Map<string, Uint8Array> {
    l.bitmaps ??= this.readBitmaps(l);
    return l.bitmaps;
  }

  /** The list's bitmaps from its files; an area code whose file is the one already held is not read again. */
  private readBitmaps(l: LoadedList, held?: LoadedList): Map<string, Uint8Array> {
    const bitmaps = new Map<string, Uint8Array>();
    for (const [ac, e] of Object.entries(l.manifest.area_codes)) {
      const same = held?.manifest.area_codes[ac]?.file === e.file ? held.bitmaps?.get(ac) : undefined;
      bitmaps.set(ac, same ?? readBitmap(join(l.dir, e.file)));
    }
    return bitmaps;
  }

  /** After this process's own import: its new bitmaps are the files just written, so a list held in memory takes them as they are. */
  private adopt(orgId: string, list: DncListName, dir: string, written: Map<string, Uint8Array>): void {
    const current = this.loaded.get(orgId)?.get(list);
    const manifest = this.readManifest(dir)!;
    const next: LoadedList = {
      dir,
      manifestMtimeMs: statSync(join(dir, MANIFEST)).mtimeMs,
      manifest,
      summary: summarise(list, plainManifest(manifest)),
      bitmaps: null,
    };
    if (current?.bitmaps) {
      const bitmaps = new Map(current.bitmaps);
      for (const [ac, bits] of written) bitmaps.set(ac, bits);
      next.bitmaps = bitmaps;
    }
    this.listsOf(orgId).set(list, next);
  }
}

function plainManifest(m: ManifestFile): DncManifest {
  const out: DncManifest = {};
  for (const [ac, e] of Object.entries(m.area_codes)) out[ac] = { count: e.count, as_of: e.as_of };
  return out;
}
