/**
 * ConversationRelay as Twilio drives it, for tests: "Twilio" is a `ws` client
 * opening the URL the gateway wrote into the TwiML, signed as Twilio signs
 * it; the application is the fake app's websocket server.
 */
import twilio from 'twilio';
import WebSocket from 'ws';
import { parseTwiml, relayUrls } from '../../adapters/twiml';
import type { AppSocketRecord } from '../emulators/app';
import { ACME, ACME_NUMBER, AUTH_TOKEN, seedConsent, TWIML, type Stack } from './harness';

export interface CarrierSide {
  ws: WebSocket;
  frames: Record<string, unknown>[];
  closed: Promise<{ code: number; reason: string }>;
}

export function openAsTwilio(url: string, signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, {})): Promise<CarrierSide> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { 'x-twilio-signature': signature } });
    const frames: Record<string, unknown>[] = [];
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export const sendFrame = (ws: WebSocket, frame: unknown) => ws.send(JSON.stringify(frame));

/** Places an AI call whose app answers with a ConversationRelay, answers it, and connects both sockets (after `setup`). */
export async function connectedRelayCall(s: Stack, consumer: string): Promise<{ twilioSide: CarrierSide; app: AppSocketRecord; relayUrl: string }> {
  await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
  const path = `/agent/${consumer.slice(1)}`;
  s.app.on(path, { body: TWIML(`<Connect><ConversationRelay url="${s.app.wsUrl}/relay?agent=7" dtmfDetection="true"/></Connect>`) });
  const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, url: s.app.url + path });
  const [relayUrl] = relayUrls(parseTwiml(await s.emulator.answer(call.sid)));
  const appSocket = s.app.nextSocket();
  const twilioSide = await openAsTwilio(relayUrl);
  sendFrame(twilioSide.ws, {
    type: 'setup',
    sessionId: 'VX' + '0'.repeat(32),
    callSid: call.sid,
    from: ACME_NUMBER,
    to: consumer,
    direction: 'outbound-api',
    customParameters: {},
  });
  return { twilioSide, app: await appSocket, relayUrl };
}
