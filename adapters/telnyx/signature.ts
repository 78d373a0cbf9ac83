/**
 * Telnyx webhook signatures: ed25519 over `"{telnyx-timestamp}|{raw body}"`,
 * base64 in `telnyx-signature-ed25519`, with the account's public key as
 * Mission Control shows it (base64 of the raw 32-byte key).
 *
 * Why not the SDK's `webhooks.unwrap`: it checks the timestamp against
 * `Date.now()`, and the gateway's clock is its own (tests, replays). The
 * check is the same: Node's `crypto.verify` with the raw key wrapped as SPKI.
 *
 * A timestamp more than 300 s from the gateway's clock is refused either way
 * (a replayed or held-back webhook), as Telnyx's own libraries do.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TelnyxKeyError } from '../../src/errors';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';

/** TELNYX_PUBLIC_KEY (base64, 32 bytes) as a key object; throws TelnyxKeyError when it is not one. */
export function telnyxPublicKey(base64: string): KeyObject {
  const raw = Buffer.from(base64.trim(), 'base64');
  if (raw.length !== 32) throw new TelnyxKeyError(`TELNYX_PUBLIC_KEY must be the base64 of a 32-byte ed25519 key (got ${raw.length} bytes)`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; why: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function hasSignature(headers: IncomingHttpHeaders): boolean {
  return header(headers, SIGNATURE_HEADER) !== undefined || header(headers, TIMESTAMP_HEADER) !== undefined;
}

export function checkTelnyxSignature(key: KeyObject, headers: IncomingHttpHeaders, rawBody: Buffer, now: Date): SignatureCheck {
  const signature = header(headers, SIGNATURE_HEADER);
  const timestamp = header(headers, TIMESTAMP_HEADER);
  if (!signature) return { ok: false, why: 'no signature' };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, why: 'no or malformed timestamp' };
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, why: 'timestamp outside ±300 s' };
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64) return { ok: false, why: 'malformed signature' };
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), rawBody]);
  return verify(null, signed, key, sig) ? { ok: true, timestamp: seconds } : { ok: false, why: 'bad signature' };
}
