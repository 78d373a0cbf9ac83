/**
 * Console sign-in sessions as the store keeps them, so that any gateway instance serves a session
 * another made, and a restart keeps it. The record names the API key by its id and never holds its
 * secret; the session is found by a SHA-256 of the cookie's random id, so reading the store gives
 * no one a cookie to present. What a session may do is decided by its key, read again on each
 * request (the gate's consoleSessions.ts); the store only keeps, finds and ends records.
 */

export interface ConsoleSessionRecord {
  /** SHA-256 (hex) of the cookie's random id: what the session is found by. */
  id_hash: string;
  org_id: string;
  /** The API key the session was made from; every request through it is authenticated as this key. */
  key_id: string;
  created_at: string;
  /** The last use recorded (uses are recorded at most once in a while, not on every request). */
  last_used_at: string;
  /** The instant it ends unless a use moves it: the store deletes it then, or when it is next looked for. */
  expires_at: string;
}

/**
 * Asked with the live session a lookup found: the times to store for this use, or null to write
 * nothing (most uses). Asked once per lookup; it must not act, only answer.
 */
export type ConsoleSessionTouch = (session: ConsoleSessionRecord) => Pick<ConsoleSessionRecord, 'last_used_at' | 'expires_at'> | null;
