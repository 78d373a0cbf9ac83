/**
 * Tamper-proof values the gateway hands to a carrier and gets back later:
 * the application's original TwiML URL in a rewritten `Url`, the decision
 * behind a DTMF gather action, the application's websocket behind a
 * ConversationRelay URL. The carrier echoes them in a query parameter; only
 * the gateway can mint one, so nobody can point the gateway at a URL of
 * their choosing (no open relay) or swap the consumer a call belongs to.
 *
 * Format: base64url(deflated JSON) "." base64url(HMAC-SHA256(kind "." body)).
 * The kind is inside the MAC, so a token minted for one purpose is refused
 * for another. Tokens expire (`ttlSeconds`, default 24 h — longer than any
 * call) so a leaked URL is not good forever.
 *
 * @example
 *   const signer = new ParamSigner(secret, clock);
 *   const t = signer.sign('relay', { u: 'wss://app/relay' });
 *   signer.verify<{ u: string }>('relay', t)?.u; // 'wss://app/relay'
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Clock } from '../../src/gate/clock';

export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** Inflated payloads above this are refused: a token is a few hundred bytes, a TwiML document at most a few KB. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export class ParamSigner {
  private readonly key: Buffer;

  constructor(
    secret: string | Buffer,
    private readonly clock: Clock,
    private readonly ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
  ) {
    if (secret.length < 16) throw new Error('ParamSigner: secret must be at least 16 bytes');
    this.key = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
  }

  sign(kind: string, payload: Record<string, unknown>): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + this.ttlSeconds;
    const body = deflateRawSync(Buffer.from(JSON.stringify({ ...payload, exp }), 'utf8')).toString('base64url');
    return `${body}.${this.mac(kind, body)}`;
  }

  /** The payload, or null when the token is malformed, forged, minted for another kind, or expired. */
  verify<T extends Record<string, unknown>>(kind: string, token: string | undefined | null): T | null {
    if (typeof token !== 'string' || token.length > 16 * 1024) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(kind, body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let payload: unknown;
    try {
      payload = JSON.parse(inflateRawSync(Buffer.from(body, 'base64url'), { maxOutputLength: MAX_PAYLOAD_BYTES }).toString('utf8'));
    } catch {
      return null;
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp !== 'number' || exp * 1000 < this.clock.now().getTime()) return null;
    return payload as T;
  }

  private mac(kind: string, body: string): string {
    return createHmac('sha256', this.key).update(`${kind}.${body}`).digest('base64url');
  }
}

/**
 * The signing secret: the configured one, else derived from a carrier
 * secret every instance already shares (so a cluster agrees without one
 * more setting), else random — fine for one process, and said so in the log.
 */
export function gatewaySecret(
  configured: string | undefined,
  ...sharedSecrets: (string | undefined)[]
): { secret: Buffer; source: 'configured' | 'derived' | 'random' } {
  if (configured) return { secret: Buffer.from(configured, 'utf8'), source: 'configured' };
  const shared = sharedSecrets.find((s): s is string => !!s);
  if (shared) {
    // A one-way derivation: knowing the gateway secret does not give the carrier token.
    return { secret: createHmac('sha256', shared).update('consent-gate/signed-params/v1').digest(), source: 'derived' };
  }
  return { secret: randomBytes(32), source: 'random' };
}
