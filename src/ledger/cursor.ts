/**
 * Page cursors, the same for every engine: the position of a page's last
 * item as JSON, in base64url, opaque to clients.
 *
 * A cursor that is present but not one a list hands out is an error the
 * caller sees (400), not a fresh start: a client paging through an export
 * with a mangled cursor would otherwise get the first page again, and
 * duplicates, without a word.
 */
import { UnreadableCursorError } from '../errors';

export const encodeCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** The position `cursor` holds; null (start at the beginning) when there is none. */
export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | null {
  if (!cursor) return null;
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw new UnreadableCursorError();
  }
  if (!valid(position)) throw new UnreadableCursorError();
  return position;
}

/** A seq, or a list position: a whole number ≥ 0. */
export const isPosition = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** An audit subject's position: (org, phone). */
export const isSubjectPosition = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');
