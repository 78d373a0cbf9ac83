/**
 * Writes that are on disk when they resolve (data and size flushed), without blocking the event
 * loop: the revocation fallback queue acknowledges an opt-out only after one of these.
 */
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE } from '../ledger/privateFiles';

/** Appends `data` to `file` (created 0600 if absent) and flushes it; resolves to the file's new length. */
export async function appendDurably(file: string, data: string): Promise<number> {
  const handle = await open(file, 'a', PRIVATE_FILE_MODE);
  try {
    await handle.write(data);
    await handle.datasync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** Replaces `file` with `data` all at once: written beside it, flushed, renamed over it. */
export async function replaceDurably(file: string, data: string): Promise<void> {
  const tmp = file + '.tmp';
  const handle = await open(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.write(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await syncDirectory(dirname(file));
}

/** Empties `file` and flushes the new size. */
export async function truncateDurably(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(0);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (a rename or a new file in it). */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems do not allow fsync on a directory; the file itself is flushed.
  }
}
