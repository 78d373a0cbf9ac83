/**
 * What the gateway signs into the URLs it hands Twilio (see
 * `shared/signedParams.ts`). Short keys: these ride in query strings.
 *
 * - `voice`: a rewritten call `Url` — fetch the application's TwiML from
 *   `u` with method `m`, speak script `s` first (if any), and check the
 *   numbers it dials.
 * - `gather`: the disclosure Gather's action — who to revoke on 9, and how
 *   to continue otherwise (refetch `u`/`m`, or the inline TwiML `t`; when
 *   nothing was pressed, the verbs `n` already fetched, if carried).
 * - `relay`: a rewritten ConversationRelay `url` — the application's socket.
 * - `media`: a rewritten media `<Stream url>` — the application's socket `u`.
 * - `connect`: the `action` of a `<Connect>` holding a relay — hang up after
 *   an opt-out, else continue with the application's action `u`/`m` or the
 *   verbs `t` that followed the `<Connect>`.
 * - `status`: a gated call's status callback (call records): the party, and
 *   the application's own StatusCallback `u`/`m` and events `ev` to relay to.
 * - `transcription`: the status callback of the call's real-time
 *   transcription — whom a spoken opt-out revokes for, and the account `a`
 *   whose call the gateway then ends (see `transcriptionStart.ts`).
 *
 * All carry the party (`o` org, `e` entity, `p` consumer phone) so an
 * opt-out is recorded against the call's own decision, not a guess.
 */
import type { CallType, Purpose } from '../../src/domain/vocabulary';

export interface PartyClaims extends Record<string, unknown> {
  o: string;
  e: string;
  p: string;
  /** The precall decision, when there was one. */
  d?: string;
  /** The sender's purpose, call type and where its entity came from, so numbers the call's TwiML dials are checked as the call was. */
  pu?: Purpose;
  ct?: CallType;
  sr?: 'header' | 'config';
}

export interface VoiceClaims extends PartyClaims {
  u: string;
  m: 'GET' | 'POST';
  /** The disclosure to speak first; absent for a live call's new `Url` (its disclosure was spoken when it began). */
  s?: string;
  /** Set on a new call's first document: start transcribing it, for this account SID (see `transcriptionStart.ts`). */
  tr?: string;
}

export interface GatherClaims extends PartyClaims {
  u?: string;
  m?: 'GET' | 'POST';
  t?: string;
  /** The verbs to continue with when nothing was pressed (the document already fetched and checked), when small enough to carry. */
  n?: string;
}

export interface RelayClaims extends PartyClaims {
  u: string;
}

export interface ConnectClaims extends PartyClaims {
  u?: string;
  m?: 'GET' | 'POST';
  t?: string;
}

/** A gated call's status callback through the gateway: the application's own callback `u`/`m` (if it set one) and the events it asked for `ev`. */
export interface StatusClaims extends PartyClaims {
  u?: string;
  m?: 'GET' | 'POST';
  ev?: string[];
}

export interface TranscriptionClaims extends PartyClaims {
  /** The account the call belongs to: the call is ended through its Calls resource. */
  a: string;
}

export const TOKEN_KINDS = {
  voice: 'twilio.voice',
  gather: 'twilio.gather',
  relay: 'twilio.relay',
  media: 'twilio.media',
  connect: 'twilio.connect',
  transcription: 'twilio.transcription',
  status: 'twilio.status',
} as const;

/** The claims that say who is calling and how, copied onto every token a call's later requests carry. */
export function senderClaims(c: PartyClaims): PartyClaims {
  return { o: c.o, e: c.e, p: c.p, d: c.d, ...(c.pu ? { pu: c.pu } : {}), ...(c.ct ? { ct: c.ct } : {}), ...(c.sr ? { sr: c.sr } : {}) };
}

export function partyOf(c: PartyClaims): { orgId: string; entity: string; phone: string } {
  return { orgId: c.o, entity: c.e, phone: c.p };
}

export function methodOf(value: string | undefined): 'GET' | 'POST' {
  return value?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}
