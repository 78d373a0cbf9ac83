/** What every use case gets: the ledger, the clock, the policy and someone to tell what happened. */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { isoTime } from '../domain/time/isoTime';
import type { Ledger } from '../ledger/ledger';
import type { DncStore } from '../ledger/dnc/dncStore';
import type { ReassignedStore } from '../ledger/reassigned/reassignedStore';
import type { Clock } from './clock';
import type { ReassignedNumberLookup } from './reassignedLookup';
import type { GatePolicy } from './policy';
import type { FailedAuthThrottle } from './authThrottle';
import type { GateObserver } from '../observability/gateObserver';

// Declared with the observability that implements it; the use cases name it from here.
export type { GateObserver } from '../observability/gateObserver';

export interface GateContext {
  ledger: Ledger;
  clock: Clock;
  policy: GatePolicy;
  observer: GateObserver;
  /** Signs `evidence_url`s so a browser can open them without an API key; absent = plain URLs that need a key. */
  evidenceLinks?: EvidenceLinks;
  /** The do-not-call lists (opened with the ledger, on the same store); absent where none were opened. */
  dnc?: DncStore;
  /** Reassigned-number answers: the orgs' imported RND results and the providers' cached answers; absent where none were opened. */
  reassigned?: ReassignedStore;
  /** The provider asked when an org imported no result for the number (Twilio Lookup, REASSIGNED_SOURCE=twilio); absent = none. */
  reassignedLookup?: ReassignedNumberLookup;
  /** Throttles failed authentications per client address (the gateway's; the CLI has none). */
  authThrottle?: FailedAuthThrottle;
}

/**
 * Signed evidence links: `…/v1/evidence/{id}?org=…&exp=…&sig=…` opens that one
 * record's evidence page without an API key until `exp` (unix seconds), so a
 * compliance officer can open or forward it from a browser, which cannot send
 * a Bearer header. The plain URL still needs a key with `audit:read`.
 *
 * `sig` is HMAC-SHA256 over org, id and expiry. The expiry is rounded up to
 * the end of a UTC day, so every answer about a record on one day carries
 * the same URL.
 */
export class EvidenceLinks {
  private readonly key: Buffer;

  constructor(
    secret: string | Buffer,
    readonly validDays: number,
  ) {
    // A key of its own, so a link signature can never stand in for anything else signed with the same secret.
    this.key = Buffer.from(hkdfSync('sha256', secret, '', 'consent-gate evidence links', 32));
  }

  sign(orgId: string, id: string, now: Date): { exp: number; sig: string } {
    const exp = Math.ceil((now.getTime() / 1000 + this.validDays * 86_400) / 86_400) * 86_400;
    return { exp, sig: this.mac(orgId, id, exp) };
  }

  /** True when `sig` was made by this server for this org, record and expiry, and `exp` has not passed. */
  verify(orgId: string, id: string, exp: number, sig: string, now: Date): boolean {
    if (!Number.isSafeInteger(exp) || exp * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.mac(orgId, id, exp));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(orgId: string, id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${orgId}\n${id}\n${exp}`).digest('base64url');
  }
}

/** EVIDENCE_LINK_SECRET, else a key derived from the bootstrap admin key, else none (unsigned links). */
export function evidenceLinksFromConfig(config: Config): EvidenceLinks | undefined {
  const secret = config.EVIDENCE_LINK_SECRET ?? config.CONSENT_GATE_API_KEY;
  return secret ? new EvidenceLinks(secret, config.EVIDENCE_LINK_DAYS) : undefined;
}

/** `PUBLIC_BASE_URL/v1/evidence/{id}`, signed for the record's org when the gateway signs links. */
export function evidenceUrl(ctx: GateContext, id: string, orgId?: string): string {
  const url = `${ctx.policy.publicBaseUrl}/v1/evidence/${id}`;
  if (!orgId || !ctx.evidenceLinks) return url;
  const { exp, sig } = ctx.evidenceLinks.sign(orgId, id, ctx.clock.now());
  return `${url}?org=${encodeURIComponent(orgId)}&exp=${exp}&sig=${sig}`;
}

let lastInstant = NaN;
let lastIso = '';

/**
 * `d.toISOString()`, remembering the last answer: a bulk import stamps every row of a segment with
 * the same instant, and formatting it anew showed in the parsing thread's profile.
 */
export function isoInstant(d: Date): string {
  const t = d.getTime();
  if (t !== lastInstant) {
    lastIso = isoTime(t);
    lastInstant = t;
  }
  return lastIso;
}

/** Milliseconds are noise in an audit log and in API answers; the contract's examples have none. */
export function isoSeconds(d: Date): string {
  // Always ends in `.sssZ` (it throws for an invalid date, as toISOString does): cut, not a regex (an import makes one per row).
  return isoTime(d.getTime()).slice(0, -5) + 'Z';
}
