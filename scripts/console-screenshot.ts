/**
 * The console screenshots in the docs (docs/console-overview.png, docs/images/console-call.png): a
 * gateway seeded over its API with a month of opt-outs and a day of decisions, and one whole call
 * in its ledger, the overview and the call's page opened in headless Chromium signed in as a
 * person is, and photographed.
 *
 *   npx tsx scripts/console-screenshot.ts [overview.png] [call.png]
 */
import { join } from 'node:path';
import request from 'supertest';
import { callIdFor } from '../src/domain/calls/events';
import { aWholeCall } from '../test/fixtures/calls';
import { launchChromium, seedGateway, signIn } from '../test/browser/consoleHarness';

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'console-overview.png');
const callOut = process.argv[3] ?? join(import.meta.dirname, '..', 'docs', 'images', 'console-call.png');
const seeded = await seedGateway();
const { gw, clock } = seeded;
const api = request(gw.url);
// A month of opt-outs, a few a day, in a fixed pattern so the picture is the same each time.
for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
  clock.daysAgo = daysAgo;
  const n = [2, 4, 1, 5, 3, 0, 2][daysAgo % 7];
  for (let i = 0; i < n; i++) {
    const phone = `+1718555${String(1000 + daysAgo * 10 + i)}`;
    await api
      .post('/v1/revoke')
      .set(gw.auth)
      .send({ phone, calling_entity: 'Acme Insurance LLC', trigger: i % 2 ? 'sms_stop' : 'verbal_stop_during_call' })
      .expect(201);
  }
}
clock.daysAgo = 0;
for (let i = 0; i < 24; i++) {
  const phone = `+1646555${String(2000 + i)}`;
  await api
    .post('/v1/precall')
    .set(gw.auth)
    .send({ phone, calling_entity: 'Acme Insurance LLC', purpose: i % 3 ? 'informational' : 'telemarketing', call_type: 'ai_voice' })
    .expect(200);
}
const callSid = 'CA5f3e0c9a1b2d4e6f8a0b1c2d3e4f5a6b';
// The sources a Twilio call's events carry, so the picture reads as a real call's page does.
const SOURCES: Record<string, string> = {
  gated: 'precall decision (calls.create through the gateway)',
  status: 'twilio status callback: ringing',
  answered: 'gateway: TwiML request of the answered call',
  disclosure_started: 'gateway: TwiML request of the answered call (the disclosure is its first verb)',
  disclosure_completed: 'gateway: the disclosure Gather timed out after the script (actionOnEmptyResult)',
  dtmf: 'gateway: the disclosure Gather action',
  opt_out: 'gateway: the disclosure Gather action',
  ended: 'twilio status callback: completed',
};
for (const e of aWholeCall({ org_id: gw.bootstrap.orgId, carrier_call_id: callSid, phone: '+12125550143' })) {
  await gw.ctx.ledger.recordCallEvent({ ...e, source: SOURCES[e.kind] ?? e.source });
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await signIn(page, gw.url, gw.adminKey);
  await page.locator('svg.chart').waitFor();
  // The first screen: alerts, today's figures and the chart, as a person sees the page open.
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
  await page.goto(`${gw.url}/console#/calls/${callIdFor(gw.bootstrap.orgId, 'twilio', callSid)}`);
  await page.getByRole('heading', { level: 2, name: 'Opt-outs' }).waitFor();
  await page.screenshot({ path: callOut, fullPage: true });
  process.stdout.write(`wrote ${callOut}\n`);
} finally {
  await browser.close();
  await gw.close();
}
