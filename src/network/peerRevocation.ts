/**
 * A revocation another deployment sends us, checked field by field before
 * anything is stored. A peer's signature proves who sent it, not that its
 * fields are sane, and what is stored here is read back by every org of
 * this deployment (precall answers, evidence): so nothing is kept as the
 * peer wrote it.
 *
 * - `captured_at` is an ISO 8601 instant, not before 2000 and not in the
 *   future beyond the clock skew an opt-out is allowed: a revocation dated
 *   ahead would outrank every consent given until then.
 * - `honor_by_date` is recomputed here from `captured_at` by the one rule
 *   every deployment follows; the peer's must be a valid instant after the
 *   capture and within the longest span ten business days can take, or the
 *   message is refused as inconsistent.
 * - The phone is parsed to E.164; the ids and origin are short visible ASCII.
 *
 * A refusal names the fields and the rule they broke, never their values.
 */
import { z } from 'zod';
import { parsePhone } from '../domain/phone';
import { honorByDate } from '../domain/time/honorBy';
import { TRIGGERS, type RevocationTrigger } from '../domain/vocabulary';
import { isoSeconds } from '../gate/context';

export interface PeerRevocation {
  /** The peer's message id. */
  id: string;
  /** The peer's PUBLIC_BASE_URL (or what it calls itself). */
  origin: string;
  /** The peer's revocation id: a redelivery names the same one. */
  revocationId: string;
  phone: string;
  trigger: RevocationTrigger;
  captured_at: string;
  honor_by_date: string;
}

export type PeerRevocationParse = { ok: true; value: PeerRevocation } | { ok: false; details: Record<string, string> };

const token = z.string().regex(/^[\x21-\x7e]{1,200}$/);
const shape = z.object({
  type: z.literal('revocation.network'),
  id: token,
  origin: token,
  revocation: z.object({
    id: token,
    phone: z.string().max(32),
    trigger: z.enum(TRIGGERS),
    captured_at: z.string().max(40),
    honor_by_date: z.string().max(40),
  }),
});

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
/** Ten business days take at most this long, even across the longest run of holidays and weekends. */
const LONGEST_HONOR_SPAN_MS = 21 * 86_400_000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds of a well-formed ISO 8601 instant with a real calendar date; NaN otherwise. */
function instantOf(s: string): number {
  const m = INSTANT.exec(s);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return NaN;
  return Date.parse(s);
}

export function parsePeerRevocation(body: unknown, now: Date, maxClockSkewMs: number): PeerRevocationParse {
  const parsed = shape.safeParse(body);
  if (!parsed.success) {
    const details: Record<string, string> = {};
    for (const issue of parsed.error.issues) details[issue.path.join('.') || 'body'] = 'missing or malformed';
    return { ok: false, details };
  }
  const r = parsed.data.revocation;
  const details: Record<string, string> = {};
  const phone = parsePhone(r.phone);
  if (!phone.ok) details['revocation.phone'] = 'must be E.164 or 10-11 digits';
  const captured = instantOf(r.captured_at);
  if (!Number.isFinite(captured)) details['revocation.captured_at'] = 'must be an ISO 8601 instant';
  else if (captured > now.getTime() + maxClockSkewMs) details['revocation.captured_at'] = 'must not be in the future';
  else if (captured < EARLIEST) details['revocation.captured_at'] = 'must not be before 2000';
  const honorBy = instantOf(r.honor_by_date);
  if (!Number.isFinite(honorBy)) details['revocation.honor_by_date'] = 'must be an ISO 8601 instant';
  else if (Number.isFinite(captured) && (honorBy <= captured || honorBy - captured > LONGEST_HONOR_SPAN_MS)) {
    details['revocation.honor_by_date'] = 'must fall within ten business days after captured_at';
  }
  if (!phone.ok || Object.keys(details).length) return { ok: false, details };
  const capturedAt = new Date(captured);
  return {
    ok: true,
    value: {
      id: parsed.data.id,
      origin: parsed.data.origin,
      revocationId: r.id,
      phone: phone.e164,
      trigger: r.trigger,
      captured_at: isoSeconds(capturedAt),
      honor_by_date: isoSeconds(honorByDate(capturedAt)),
    },
  };
}
