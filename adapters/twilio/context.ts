/**
 * Everything the Twilio adapter's pieces share, built once by the module:
 * the gate, the entity directory, the token signer, where Twilio and the
 * application are, and the gateway's public URLs.
 */
import type { SignalContext } from '../../src/gate/optOutSignals';
import type { CarrierLink } from '../shared/gatedRequest';
import type { ParamSigner } from '../shared/signedParams';
import type { CallHangups } from './callHangups';

export interface TwilioContext extends CarrierLink {
  ctx: SignalContext;
  signer: ParamSigner;
  /** Validates Twilio's webhooks and re-signs them for the application. Without it every webhook is refused. */
  authToken: string | undefined;
  /** SHA-256 of `authToken`, made once: REST credentials are compared against it before every gated create. */
  authTokenDigest: Buffer | undefined;
  /** The deployment's own account (TWILIO_ACCOUNT_SID), whose REST credentials are checked against `authToken`. */
  ownAccountSid: string | undefined;
  /** Base for Twilio's other API domains, with `{host}` (TWILIO_DOMAIN_UPSTREAM). */
  domainUpstream: string;
  /** Where webhooks are relayed (TWILIO_APP_URL), without a trailing slash. */
  appUrl: string | undefined;
  appTimeoutMs: number;
  /** PUBLIC_BASE_URL without a trailing slash: what Twilio calls, and what it signs. */
  publicBaseUrl: string;
  bodyLimitBytes: number;
  /** Largest ConversationRelay frame relayed either way. */
  maxFrameBytes: number;
  /** TRANSCRIBE_CALLS: gated calls start Twilio's real-time transcription (an entity may still say `transcribe: false`). */
  transcribeCalls: boolean;
  /** Ends calls after a spoken opt-out, through Twilio's Calls resource (see `callHangups.ts`). */
  hangups: CallHangups;
}

export const WEBHOOK_PATHS = {
  voice: '/twilio/voice',
  sms: '/twilio/sms',
  status: '/twilio/status',
  relay: '/twilio/relay',
  transcription: '/twilio/transcription',
  media: '/twilio/media',
} as const;

/** The query parameter that carries a gateway-signed token. */
export const TOKEN_PARAM = 'cg';

export function gatewayUrl(t: TwilioContext, path: string, token?: string): string {
  return `${t.publicBaseUrl}${path}${token ? `?${TOKEN_PARAM}=${token}` : ''}`;
}

/** `http(s)://` → `ws(s)://`: Twilio opens ConversationRelay sockets to a ws(s) URL. */
export function relayUrl(t: TwilioContext, token: string): string {
  return gatewayUrl(t, WEBHOOK_PATHS.relay, token).replace(/^http/i, 'ws');
}

/**
 * Where Twilio opens a media stream: the signed target rides in the path
 * (`/twilio/media/{token}`), because Twilio's `<Stream url>` takes no query
 * string (its custom values go in `<Parameter>`s instead): Twilio's pages for errors
 * 31920 and 31922 (https://www.twilio.com/docs/api/errors/31920) say a query string
 * on the `url` breaks the handshake.
 */
export function mediaUrl(t: TwilioContext, token: string): string {
  return `${t.publicBaseUrl}${WEBHOOK_PATHS.media}/${token}`.replace(/^http/i, 'ws');
}
