/**
 * What the gateway signs into the URLs it hands Twilio (see
 * `shared/signedParams.ts`). Short keys: these ride in query strings.
 *
 * - `voice`: a rewritten call `Url` — fetch the application's TwiML from
 *   `u` with method `m`, speak script `s` first.
 * - `gather`: the disclosure Gather's action — who to revoke on 9, and how
 *   to continue otherwise (refetch `u`/`m`, or the inline TwiML `t`).
 * - `relay`: a rewritten ConversationRelay `url` — the application's socket.
 * - `connect`: the `action` of a `<Connect>` holding a relay — hang up after
 *   an opt-out, else continue with the application's action `u`/`m` or the
 *   verbs `t` that followed the `<Connect>`.
 *
 * All carry the party (`o` org, `e` entity, `p` consumer phone) so an
 * opt-out is recorded against the call's own decision, not a guess.
 */
export interface PartyClaims extends Record<string, unknown> {
  o: string;
  e: string;
  p: string;
  /** The precall decision, when there was one. */
  d?: string;
}

export interface VoiceClaims extends PartyClaims {
  u: string;
  m: 'GET' | 'POST';
  s: string;
}

export interface GatherClaims extends PartyClaims {
  u?: string;
  m?: 'GET' | 'POST';
  t?: string;
}

export interface RelayClaims extends PartyClaims {
  u: string;
}

export interface ConnectClaims extends PartyClaims {
  u?: string;
  m?: 'GET' | 'POST';
  t?: string;
}

export const TOKEN_KINDS = { voice: 'twilio.voice', gather: 'twilio.gather', relay: 'twilio.relay', connect: 'twilio.connect' } as const;

export function partyOf(c: PartyClaims): { orgId: string; entity: string; phone: string } {
  return { orgId: c.o, entity: c.e, phone: c.p };
}

export function methodOf(value: string | undefined): 'GET' | 'POST' {
  return value?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}
