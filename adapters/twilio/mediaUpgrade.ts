/**
 * `/twilio/media/{token}`: Twilio's Media Streams socket. As for
 * `/twilio/relay`, the gateway only connects onwards to a URL it signed
 * itself when it rewrote the application's `<Stream url>` — an unsigned,
 * altered or expired target is refused before the upgrade, so the gateway
 * is never an open relay — and with TWILIO_AUTH_TOKEN set the handshake
 * must carry Twilio's `X-Twilio-Signature` over the socket URL. The
 * application's handshake carries a signature for its own URL.
 *
 * The application's socket is opened before Twilio's is accepted: when
 * Twilio's first frames (`connected`, `start`) arrive there is already
 * somewhere to send them, so nothing waits in the gateway. An application
 * that refuses or cannot be reached makes the handshake fail (502), which
 * Twilio reports as it would the application's own failure.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { mediaUrl, WEBHOOK_PATHS, type TwilioContext } from './context';
import { MediaStreamSession } from './mediaStream';
import { isValidTwilioSignature, signForApplication } from './signature';
import { partyOf, TOKEN_KINDS, type RelayClaims } from './tokens';

export interface MediaServer {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
  sessions: Set<MediaStreamSession>;
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export function mediaServer(t: TwilioContext, maxFrameBytes: number): MediaServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  const sessions = new Set<MediaStreamSession>();
  const opening = new Set<WebSocket>();
  let closing = false;
  const prefix = `${WEBHOOK_PATHS.media}/`;

  return {
    sessions,
    upgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
      if (path !== WEBHOOK_PATHS.media && !path.startsWith(prefix)) return false;
      if (closing) {
        reject(socket, 503, 'Service Unavailable');
        return true;
      }
      const token = path.slice(prefix.length);
      const claims = t.signer.verify<RelayClaims>(TOKEN_KINDS.media, token);
      if (!claims || !/^wss?:\/\//i.test(claims.u)) {
        t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
        t.logger.warn({ path: WEBHOOK_PATHS.media }, 'twilio media: target not signed by this gateway; refused');
        reject(socket, 403, 'Forbidden');
        return true;
      }
      if (t.authToken) {
        const signature = req.headers['x-twilio-signature'];
        const wsUrl = mediaUrl(t, token);
        const ok = typeof signature === 'string' && [wsUrl, wsUrl.replace(/^ws/i, 'http')].some((u) => isValidTwilioSignature(t.authToken!, signature, u, {}));
        if (!ok) {
          t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
          t.logger.warn({ path: WEBHOOK_PATHS.media, why: signature ? 'bad signature' : 'no signature' }, 'twilio media: handshake refused');
          reject(socket, 403, 'Forbidden');
          return true;
        }
      }
      const app = new WebSocket(claims.u, {
        headers: t.authToken ? { 'x-twilio-signature': signForApplication(t.authToken, claims.u, {}) } : undefined,
        maxPayload: maxFrameBytes,
        handshakeTimeout: t.appTimeoutMs,
        // Compressing 20 ms audio frames costs more time than it saves bytes on the way to the application.
        perMessageDeflate: false,
      });
      opening.add(app);
      // Twilio giving up while the application is still being reached: nothing to relay to.
      const abandon = () => app.terminate();
      socket.once('close', abandon);
      const fail = (why: string) => {
        opening.delete(app);
        socket.off('close', abandon);
        t.logger.warn({ why }, 'twilio media: application socket could not be opened; refused');
        app.terminate();
        if (!socket.destroyed) reject(socket, 502, 'Bad Gateway');
      };
      app.once('unexpected-response', (_req, res) => fail(`application answered ${res.statusCode}`));
      app.once('error', (err) => fail(err.message));
      app.once('open', () => {
        opening.delete(app);
        socket.off('close', abandon);
        app.removeAllListeners('error');
        app.removeAllListeners('unexpected-response');
        if (socket.destroyed || closing) return void app.close(1001, 'carrier gone');
        let accepted = false;
        wss.handleUpgrade(req, socket, head, (carrier) => {
          accepted = true;
          t.metrics.streamConnections.inc({ kind: 'twilio_media' });
          const session = new MediaStreamSession({
            ctx: t.ctx,
            logger: t.logger,
            hangups: t.hangups,
            carrier,
            app,
            party: partyOf(claims),
            onClosed: () => {
              sessions.delete(session);
              t.metrics.streamConnections.dec({ kind: 'twilio_media' });
            },
          });
          sessions.add(session);
        });
        // ws refused Twilio's handshake itself (a malformed upgrade request): the application's socket has nobody to serve.
        if (!accepted) app.close(1011, 'carrier handshake refused');
      });
      return true;
    },
    async close() {
      closing = true;
      for (const a of opening) a.terminate();
      for (const s of [...sessions]) s.close(1001, 'gateway shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
