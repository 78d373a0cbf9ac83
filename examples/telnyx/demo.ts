/**
 * The whole flow on your machine, nothing sent to Telnyx: the local Telnyx
 * emulator the tests use plays Telnyx (its API, and its signed webhooks), a
 * Consent Gate runs in-process, the example app takes the relayed webhooks,
 * and `outbound.ts` runs before consent, after consent, and after the
 * consumer pressed 9 during the call.
 *
 *   npx tsx examples/telnyx/demo.ts
 */
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../src/config';
import { FixedClock } from '../../src/gate/clock';
import { silentLogger } from '../../src/observability/logger';
import { startGateway } from '../../src/server';
import { TelnyxEmulator } from '../../test/emulators/telnyx';
import { exampleApp, type Verify } from './app';
import { runOutbound } from './outbound';
import config from './consent-gate.config.json' with { type: 'json' };

const API_KEY = 'KEY_demo_not_a_secret_0123456789';
const ADMIN_KEY = 'cg_demo_admin_key_0123456789abcdef';
const [ACME] = config.entities;
const FROM = ACME.numbers[0];
const CONNECTION_ID = ACME.telnyx_connection_ids[0];
const TO = '+12125551234';

/**
 * The same check as the SDK's `webhooks.unwrap` (app.ts uses that), but on the demo's clock:
 * the demo runs at a fixed afternoon in New York, and the SDK compares timestamps with Date.now().
 */
function demoVerifier(publicKeyBase64: string, now: () => Date): Verify {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyBase64, 'base64')]),
    format: 'der',
    type: 'spki',
  });
  return async (raw, headers) => {
    const ts = headers['telnyx-timestamp'];
    const fresh = Math.abs(now().getTime() / 1000 - Number(ts)) <= 300;
    if (!fresh || !verify(null, Buffer.from(`${ts}|${raw}`), key, Buffer.from(headers['telnyx-signature-ed25519'] ?? '', 'base64')))
      throw new Error('bad signature');
    return JSON.parse(raw);
  };
}

async function main(): Promise<void> {
  // A fixed afternoon in New York, so the calling window is open whenever you run this.
  const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));
  const telnyx = await new TelnyxEmulator({ apiKey: API_KEY, now: () => clock.now() }).start();
  const app = exampleApp(
    demoVerifier(telnyx.publicKeyBase64, () => clock.now()),
    (l) => console.log('  ' + l),
  ).listen(0, '127.0.0.1');
  await new Promise((r) => app.once('listening', r));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

  const gw = await startGateway(
    configSchema.parse({
      ...config,
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-telnyx-demo-')),
      CONSENT_GATE_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'silent',
      TELNYX_API_BASE: telnyx.url,
      TELNYX_API_KEY: API_KEY,
      TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64,
      TELNYX_APP_URL: `${appUrl}/telnyx/events`,
    }),
    { logger: silentLogger(), clock },
  );
  telnyx.webhookUrl = `${gw.url}/telnyx/webhooks`; // in Mission Control: the connection's webhook URL
  const outbound = () =>
    runOutbound({ apiKey: API_KEY, gatewayUrl: gw.url, connectionId: CONNECTION_ID, from: FROM, to: TO, log: (l) => console.log('  ' + l) });
  try {
    console.log(`gateway ${gw.url}, Telnyx emulator ${telnyx.url}, app ${appUrl}\n`);
    console.log('1. No consent on file yet:');
    await outbound();

    console.log('\n2. Consent captured (POST /v1/consents), try again:');
    const captured = await fetch(`${gw.url}/v1/consents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        phone: TO,
        calling_entity: ACME.name,
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing', 'sms'],
        ai_specific_consent: true,
        captured_at: new Date(clock.now().getTime() - 86_400_000).toISOString(),
        evidence: { source: 'demo web form' },
      }),
    });
    if (captured.status !== 201) throw new Error(`consent capture failed: ${captured.status} ${await captured.text()}`);
    const { call } = await outbound();
    if (call.startsWith('refused')) return;

    console.log('\n3. The consumer answers (Telnyx sends call.answered to the gateway):');
    await telnyx.answer(call);
    for (const c of telnyx.commands(call)) console.log(`  Telnyx got ${c.action}: "${c.body.payload}"`);

    console.log('\n4. The consumer presses 9:');
    await telnyx.pressDigit(call, '9');
    await telnyx.speakEnded(call); // the confirmation has been said
    for (const c of telnyx.commands(call).slice(1)) console.log(`  Telnyx got ${c.action}${c.body.payload ? `: "${c.body.payload}"` : ''}`);

    console.log('\n5. And now:');
    await outbound();
  } finally {
    await gw.close();
    app.close();
    await telnyx.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
