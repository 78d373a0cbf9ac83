/**
 * One real stack for the Twilio tests: the Twilio emulator (upstream), the
 * fake application (webhooks relayed to it, TwiML fetched from it), the
 * gateway between them on a fixed clock, and the real twilio-node client
 * pointed at the gateway with the one line a user changes.
 */
import twilio from 'twilio';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FakeApp } from '../emulators/app';
import { TwilioEmulator } from '../emulators/twilio';

export const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
export const AUTH_TOKEN = 'twilio_test_auth_token_0123456789';
/** 14:00 in New York, inside every calling window for 212 numbers. */
export const NOON_ISH = '2026-04-10T18:00:00Z';

export const ACME = 'Acme Insurance LLC';
export const ACME_NUMBER = '+12125550100';
export const CLINIC = 'Beta Clinic';
export const CLINIC_NUMBER = '+13125550100';
export const GAMMA = 'Gamma Surveys';
export const ACME_MESSAGING_SERVICE = 'MG' + 'a'.repeat(32);

export const ENTITIES = [
  {
    name: ACME,
    numbers: [ACME_NUMBER],
    twilio_messaging_service_sids: [ACME_MESSAGING_SERVICE],
    purpose: 'telemarketing',
    call_type: 'ai_voice',
    message_type: 'marketing',
  },
  { name: CLINIC, numbers: [CLINIC_NUMBER], purpose: 'appointment_reminder', call_type: 'human_voice', message_type: 'transactional' },
  // Named only: an entity X-Consent-Entity may choose (a header can only name a configured entity).
  { name: GAMMA },
];

export interface Stack {
  gw: TestGateway;
  emulator: TwilioEmulator;
  app: FakeApp;
  clock: FixedClock;
  client: twilio.Twilio;
  stop(): Promise<void>;
}

export async function startStack(overrides: Record<string, unknown> = {}, emulatorOptions: { apiKey?: { sid: string; secret: string } } = {}): Promise<Stack> {
  const emulator = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ...emulatorOptions }).start();
  const app = await new FakeApp({
    // The application checks the gateway's re-signed request for its own URL, as twilio.webhook() would.
    verify: (req, fullUrl) =>
      twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), fullUrl, req.method === 'POST' ? req.form : {}),
    verifySocket: (headers, fullUrl) => twilio.validateRequest(AUTH_TOKEN, String(headers['x-twilio-signature'] ?? ''), fullUrl, {}),
    socketPaths: ['/relay', '/media'],
  }).start();
  const clock = new FixedClock(new Date(NOON_ISH));
  const gw = await startTestGateway(
    {
      TWILIO_API_BASE: emulator.url,
      // The client's account is the deployment's own: its traffic is the default org's.
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_DOMAIN_UPSTREAM: `${emulator.url}/{host}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_APP_URL: app.url,
      APP_TIMEOUT_MS: 400,
      UPSTREAM_TIMEOUT_MS: 1000,
      entities: ENTITIES,
      ...overrides,
    },
    { clock },
  );
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = gw.url; // the one line
  return {
    gw,
    emulator,
    app,
    clock,
    client,
    async stop() {
      await gw.close();
      await app.stop();
      await emulator.stop();
    },
  };
}

export { seedConsent } from '../support/consents';

/** A webhook to the gateway exactly as Twilio sends it (signed for the gateway's public URL). */
export function signedWebhook(s: Stack, path: string, params: Record<string, string>): Promise<Response> {
  const url = s.gw.url + path;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params) },
    body: new URLSearchParams(params).toString(),
  });
}

export const TWIML = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

/** twilio-node's rejection (a RestException), for asserting on what a user sees. */
export async function rejection(p: Promise<unknown>): Promise<Error & { status: number; code: number; details?: Record<string, unknown>; moreInfo?: string }> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the SDK call to fail');
}
