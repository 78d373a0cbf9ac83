/**
 * DATA_DIR holds phone numbers, consent evidence and opt-out transcripts:
 * the directory is the owner's alone (0700) and so is every file in it
 * (0600), whatever the process umask.
 *
 * A directory that already exists is tightened when this process owns it and
 * it is plainly a data directory (empty, or holding the ledger or the
 * fallback queue: an older version, or `mkdir` in a Dockerfile, made it
 * 0755). Any other — someone else's, or one with other files in it
 * (DATA_DIR=. or a home directory) — is left as it is, with a warning:
 * changing the mode of a directory shared on purpose would break more than
 * it protects.
 */
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import type { Logger } from '../observability/logger';

export const PRIVATE_DIR_MODE = 0o700;
/** What the gateway itself writes in DATA_DIR (the ledger and its -wal/-shm, the fallback queue and its companions, the reassigned-number answers). */
const DATA_FILE = /^(consent-gate\.db|revocation-fallback\.jsonl|reassigned\.db)/;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and its missing parents) 0700, or tightens it to 0700 when it is ours. */
export function preparePrivateDir(dir: string, logger?: Logger): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const { mode, uid } = statSync(dir);
  if ((mode & 0o077) === 0) return;
  const ours = (!process.getuid || uid === process.getuid()) && readdirSync(dir).every((name) => DATA_FILE.test(name));
  if (!ours) {
    logger?.warn({ dir, mode: (mode & 0o777).toString(8) }, 'the data directory can be read by others and is not only ours to tighten: make it 0700');
    return;
  }
  chmodSync(dir, PRIVATE_DIR_MODE);
  logger?.warn({ dir, was: (mode & 0o777).toString(8) }, 'the data directory could be read by others: now 0700');
}

/**
 * Makes `file` exist with mode 0600 (created empty if absent, tightened if not). SQLite creates
 * a database's -wal and -shm files with the database file's mode, so creating the database file
 * this way before SQLite opens it makes those private too; `companions` are tightened when they
 * exist already (left by an earlier version).
 */
export function preparePrivateFile(file: string, companions: string[] = []): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, ...companions]) {
    try {
      if ((statSync(f).mode & 0o077) !== 0) chmodSync(f, PRIVATE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
