/**
 * The whole flow on your machine, nothing sent to Twilio: the local Twilio
 * emulator the tests use plays Twilio, a Consent Gate runs in-process, the
 * example app answers TwiML, and `outbound.ts` runs twice — before and after
 * the consumer's consent is recorded — then the consumer texts STOP.
 *
 *   npx tsx examples/twilio/demo.ts
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import { configSchema } from '../../src/config';
import { FixedClock } from '../../src/gate/clock';
import { silentLogger } from '../../src/observability/logger';
import { startGateway } from '../../src/server';
import { TwilioEmulator } from '../../test/emulators/twilio';
import { exampleApp } from './app';
import { runOutbound } from './outbound';
import config from './consent-gate.config.json' with { type: 'json' };

const ACCOUNT_SID = 'AC' + '0'.repeat(32);
const AUTH_TOKEN = 'demo_auth_token_not_a_secret_000';
const FROM = '+12125550100';
const TO = '+12125551234';
const ADMIN_KEY = 'cg_demo_admin_key_0123456789abcdef';

async function main(): Promise<void> {
  const emulator = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  // The app validates signatures against its public URL, known once it listens.
  const appServer = createServer();
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
  appServer.on('request', exampleApp(AUTH_TOKEN, appUrl));
  // A fixed afternoon in New York, so the calling window is open whenever you run this.
  const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));

  const gw = await startGateway(
    configSchema.parse({
      ...config,
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-demo-')),
      CONSENT_GATE_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'silent',
      TWILIO_API_BASE: emulator.url,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_APP_URL: appUrl,
    }),
    { logger: silentLogger(), clock },
  );
  const log = (l: string) => console.log('  ' + l);
  try {
    console.log(`gateway ${gw.url}, Twilio emulator ${emulator.url}, app ${appUrl}\n`);
    console.log('1. No consent on file yet:');
    await runOutbound({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, gatewayUrl: gw.url, from: FROM, to: TO, voiceUrl: `${appUrl}/voice`, log });

    console.log('\n2. Consent captured (POST /v1/consents), try again:');
    const captured = await fetch(`${gw.url}/v1/consents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        phone: TO,
        calling_entity: 'Acme Insurance LLC',
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing', 'sms'],
        ai_specific_consent: true,
        captured_at: new Date(clock.now().getTime() - 86_400_000).toISOString(),
        evidence: { source: 'demo web form' },
      }),
    });
    if (captured.status !== 201) throw new Error(`consent capture failed: ${captured.status} ${await captured.text()}`);
    const { call } = await runOutbound({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      gatewayUrl: gw.url,
      from: FROM,
      to: TO,
      voiceUrl: `${appUrl}/voice`,
      log,
    });

    if (call.startsWith('CA')) {
      console.log('\n3. Twilio answers the call and fetches its TwiML (through the gateway):');
      console.log('  ' + (await emulator.answer(call)));
    }

    console.log('\n4. The consumer texts STOP (a signed Twilio webhook to /twilio/sms):');
    const params = { AccountSid: ACCOUNT_SID, MessageSid: 'SM' + '1'.repeat(32), From: TO, To: FROM, Body: 'STOP' };
    const url = `${gw.url}/twilio/sms`;
    const stop = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    console.log('  answer: ' + (await stop.text()));
    console.log('\n5. And now:');
    await runOutbound({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, gatewayUrl: gw.url, from: FROM, to: TO, voiceUrl: `${appUrl}/voice`, log });
  } finally {
    await gw.close();
    appServer.close();
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
