/**
 * `/twilio/relay`: Twilio's ConversationRelay socket. The gateway only ever
 * connects onwards to a URL it signed itself when it rewrote the
 * application's `<ConversationRelay url>` — an unsigned, altered or expired
 * target is refused before the upgrade, so the gateway is never an open
 * relay. With TWILIO_AUTH_TOKEN set, the handshake must also carry Twilio's
 * `X-Twilio-Signature` over the socket URL (Twilio signs every
 * ConversationRelay handshake): a missing or bad one is refused, since the
 * signed target alone is in the TwiML anyone on the call path may have
 * seen. The application gets a signature of its own for its own URL.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ConversationRelaySession } from '../shared/conversationRelaySession';
import { relayUrl, TOKEN_PARAM, WEBHOOK_PATHS, type TwilioContext } from './context';
import { signForApplication, isValidTwilioSignature } from './signature';
import { partyOf, TOKEN_KINDS, type RelayClaims } from './tokens';

export interface RelayServer {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
  sessions: Set<ConversationRelaySession>;
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export function relayServer(t: TwilioContext): RelayServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: t.maxFrameBytes });
  const sessions = new Set<ConversationRelaySession>();
  let closing = false;

  return {
    sessions,
    upgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (url.pathname !== WEBHOOK_PATHS.relay) return false;
      if (closing) {
        reject(socket, 503, 'Service Unavailable');
        return true;
      }
      const token = url.searchParams.get(TOKEN_PARAM);
      const claims = t.signer.verify<RelayClaims>(TOKEN_KINDS.relay, token);
      if (!claims || !/^wss?:\/\//i.test(claims.u)) {
        t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
        t.logger.warn({ path: url.pathname }, 'twilio relay: target not signed by this gateway; refused');
        reject(socket, 403, 'Forbidden');
        return true;
      }
      if (t.authToken) {
        const signature = req.headers['x-twilio-signature'];
        const wsUrl = relayUrl(t, token ?? '');
        const ok = typeof signature === 'string' && [wsUrl, wsUrl.replace(/^ws/i, 'http')].some((u) => isValidTwilioSignature(t.authToken!, signature, u, {}));
        if (!ok) {
          t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
          t.logger.warn({ path: url.pathname, why: signature ? 'bad signature' : 'no signature' }, 'twilio relay: handshake refused');
          reject(socket, 403, 'Forbidden');
          return true;
        }
      }
      wss.handleUpgrade(req, socket, head, (carrier) => {
        t.metrics.streamConnections.inc({ kind: 'twilio_relay' });
        const session = new ConversationRelaySession({
          ctx: t.ctx,
          logger: t.logger,
          carrier,
          appUrl: claims.u,
          appHeaders: t.authToken ? { 'x-twilio-signature': signForApplication(t.authToken, claims.u, {}) } : undefined,
          party: partyOf(claims),
          maxFrameBytes: t.maxFrameBytes,
          connectTimeoutMs: t.appTimeoutMs,
          onClosed: () => {
            sessions.delete(session);
            t.metrics.streamConnections.dec({ kind: 'twilio_relay' });
          },
        });
        sessions.add(session);
      });
      return true;
    },
    async close() {
      closing = true;
      for (const s of [...sessions]) s.close(1001, 'gateway shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
