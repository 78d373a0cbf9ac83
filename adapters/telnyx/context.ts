/**
 * Everything the Telnyx adapter's pieces share, built once by the module:
 * the gate, the entity directory, the token signer, where Telnyx and the
 * application are, and the gateway's public URLs.
 */
import type { SignalContext } from '../../src/gate/optOutSignals';
import type { CarrierLink } from '../shared/gatedRequest';
import type { ParamSigner } from '../shared/signedParams';
import type { KeyObject } from 'node:crypto';
import type { CallType, Purpose } from '../../src/domain/vocabulary';
import type { EndingCalls } from './endingCalls';
import type { SeenEvents } from './seenEvents';

export interface TelnyxContext extends CarrierLink {
  ctx: SignalContext;
  signer: ParamSigner;
  /** TELNYX_PUBLIC_KEY as a key object; without it every webhook is refused. */
  publicKey: KeyObject | undefined;
  /** The gateway's own Call Control key (TELNYX_API_KEY); else the key the call was dialed with. */
  apiKey: string | undefined;
  /** Where webhooks are relayed (TELNYX_APP_URL) when the call did not name its own `webhook_url`. */
  appUrl: string | undefined;
  appTimeoutMs: number;
  /** PUBLIC_BASE_URL without a trailing slash: what Telnyx calls back. */
  publicBaseUrl: string;
  bodyLimitBytes: number;
  /** Telnyx `speak` voice and language for what the gateway itself says. */
  voice: string;
  language: string;
  /** Webhook event ids already handled (Telnyx redelivers on error): side effects run once. */
  seen: SeenEvents;
  /** Calls being hung up after an opt-out confirmation. */
  ending: EndingCalls;
  /** TRANSCRIBE_CALLS: gated calls get Telnyx transcription of the consumer's track (an entity may still say `transcribe: false`). */
  transcribeCalls: boolean;
}

export const WEBHOOK_PATHS = { webhooks: '/telnyx/webhooks', texml: '/telnyx/texml' } as const;

/** The query parameter that carries a gateway-signed token. */
export const TOKEN_PARAM = 'cg';

export const TOKEN_KINDS = { call: 'telnyx.call', texml: 'telnyx.texml', gather: 'telnyx.gather' } as const;

/** Telnyx answers at most this long a URL (error 10003); a token that would exceed it is refused up front. */
export const MAX_TELNYX_URL_LENGTH = 2000;

/**
 * Who a call placed through the gateway is with, carried in the URLs we hand
 * Telnyx (short keys: they ride in query strings). `p` lists the consumers
 * the decision allowed (a dial may ring several numbers at once).
 */
export interface CallClaims extends Record<string, unknown> {
  o: string;
  e: string;
  p: string[];
  /** The precall decision(s). */
  d: string;
  /** The disclosure script, when the call must open with one. */
  s?: string;
  /** Where this call's webhooks go on to (the application's own `webhook_url`); else TELNYX_APP_URL. */
  u?: string;
  /** 1: the gateway starts transcription of the consumer's track (after the disclosure, if there is one). */
  l?: 1;
  /** The key of the stream / assistant start held back from the dial (`heldStarts.ts`). */
  h?: string;
}

/** The sender's purpose, call type and where its entity came from, so numbers a TeXML document dials are checked as the call was. */
export interface SenderKindClaims {
  pu?: Purpose;
  ct?: CallType;
  sr?: 'header' | 'config';
}

/** A TeXML document to fetch (`u` with method `m`) and to open with script `s`, if the call needs one. */
export interface TexmlClaims extends Record<string, unknown>, SenderKindClaims {
  o: string;
  e: string;
  p: string;
  d: string;
  s?: string;
  u: string;
  m: 'GET' | 'POST';
}

/** The disclosure Gather's action: who to revoke on 9, how to continue otherwise (refetch `u`, or inline `t`). */
export interface GatherClaims extends Record<string, unknown>, SenderKindClaims {
  o: string;
  e: string;
  p: string;
  d: string;
  u?: string;
  m?: 'GET' | 'POST';
  t?: string;
}

export function gatewayUrl(t: TelnyxContext, path: string, token?: string): string {
  return `${t.publicBaseUrl}${path}${token ? `?${TOKEN_PARAM}=${token}` : ''}`;
}

export function methodOf(value: unknown): 'GET' | 'POST' {
  return typeof value === 'string' && value.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value) && URL.canParse(value);
}
