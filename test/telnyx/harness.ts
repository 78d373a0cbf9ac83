/**
 * One real stack for the Telnyx tests: the Telnyx emulator (upstream, and
 * the one signing webhooks), the fake application (webhooks relayed to it,
 * verified with Telnyx's public key), the gateway between them on a fixed
 * clock, and the real telnyx SDK pointed at the gateway with the one line a
 * user changes. Webhooks are signed with the same fixed clock the gateway
 * checks them against.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import Telnyx from 'telnyx';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FakeApp, type AppRequestRecord } from '../emulators/app';
import { TelnyxEmulator } from '../emulators/telnyx';

export const API_KEY = 'KEY0123456789ABCDEF_telnyx_test_key';
/** How an entity maps that key to its org without TELNYX_API_KEY (`telnyx_api_key_sha256`). */
export const API_KEY_SHA256 = createHash('sha256').update(API_KEY).digest('hex');
/** 14:00 in New York, inside every calling window for 212 numbers. */
export const NOON_ISH = '2026-04-10T18:00:00Z';

export const ACME = 'Acme Insurance LLC';
export const ACME_NUMBER = '+12125550100';
export const ACME_CONNECTION = '1684641123236054244';
export const ACME_PROFILE = '40017f1a-0000-4000-8000-acme00000001';
export const CLINIC = 'Beta Clinic';
export const CLINIC_NUMBER = '+13125550100';
export const CLINIC_PROFILE = '40017f1a-0000-4000-8000-c11c00000002';
/** The application's own webhook endpoint (TELNYX_APP_URL = app.url + this). */
export const APP_EVENTS = '/telnyx/events';

export const ENTITIES = [
  {
    name: ACME,
    numbers: [ACME_NUMBER],
    telnyx_connection_ids: [ACME_CONNECTION],
    telnyx_messaging_profile_ids: [ACME_PROFILE],
    purpose: 'telemarketing',
    call_type: 'ai_voice',
    message_type: 'marketing',
  },
  {
    name: CLINIC,
    numbers: [CLINIC_NUMBER],
    telnyx_messaging_profile_ids: [CLINIC_PROFILE],
    purpose: 'appointment_reminder',
    call_type: 'human_voice',
    message_type: 'transactional',
  },
];

export interface Stack {
  gw: TestGateway;
  telnyx: TelnyxEmulator;
  app: FakeApp;
  clock: FixedClock;
  client: Telnyx;
  /** Every request the SDK made (retries included). */
  sdkRequests: string[];
  stop(): Promise<void>;
}

/** The application's check of a relayed webhook: Telnyx's signature over `timestamp|raw body`, ±300 s of its clock. */
export function verifiesAsTelnyx(publicKeyBase64: string, clock: () => Date) {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyBase64, 'base64')]),
    format: 'der',
    type: 'spki',
  });
  return (req: AppRequestRecord): boolean => {
    const signature = String(req.headers['telnyx-signature-ed25519'] ?? '');
    const timestamp = String(req.headers['telnyx-timestamp'] ?? '');
    if (!signature || !/^\d+$/.test(timestamp)) return false;
    if (Math.abs(clock().getTime() / 1000 - Number(timestamp)) > 300) return false;
    return verify(null, Buffer.from(`${timestamp}|${req.rawBody}`, 'utf8'), key, Buffer.from(signature, 'base64'));
  };
}

export async function startStack(overrides: Record<string, unknown> = {}, options: { appVerify?: (req: AppRequestRecord) => boolean } = {}): Promise<Stack> {
  const clock = new FixedClock(new Date(NOON_ISH));
  const telnyx = await new TelnyxEmulator({ apiKey: API_KEY, now: () => clock.now() }).start();
  const verifyTelnyx = verifiesAsTelnyx(telnyx.publicKeyBase64, () => clock.now());
  const app = await new FakeApp({ verify: options.appVerify ?? ((req) => req.path.startsWith('/texml') || verifyTelnyx(req)) }).start();
  app.on(APP_EVENTS, { status: 200, contentType: 'application/json', body: '{"received":true}' });
  const gw = await startTestGateway(
    {
      TELNYX_API_BASE: telnyx.url,
      TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64,
      TELNYX_API_KEY: API_KEY,
      TELNYX_APP_URL: app.url + APP_EVENTS,
      APP_TIMEOUT_MS: 400,
      UPSTREAM_TIMEOUT_MS: 1000,
      entities: ENTITIES,
      ...overrides,
    },
    { clock },
  );
  // In Mission Control: the connection's and the messaging profile's webhook URL point at the gateway.
  telnyx.webhookUrl = gw.url + '/telnyx/webhooks';
  const sdkRequests: string[] = [];
  const client = new Telnyx({
    apiKey: API_KEY,
    baseURL: gw.url + '/v2', // the one line
    fetch: (url, init) => {
      sdkRequests.push(`${init?.method ?? 'GET'} ${String(url)}`);
      return fetch(url, init);
    },
  });
  return {
    gw,
    telnyx,
    app,
    clock,
    client,
    sdkRequests,
    async stop() {
      await gw.close();
      await app.stop();
      await telnyx.stop();
    },
  };
}

export { seedConsent } from '../support/consents';

/** The SDK's rejection, for asserting on what a user sees. */
export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { status: number; error: { errors: { code: string; title: string; detail: string; meta?: Record<string, unknown> }[] }; headers: Headers }> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the SDK call to fail');
}
