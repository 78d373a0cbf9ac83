/**
 * The console screenshot in the docs (docs/console-overview.png): a gateway seeded over its API
 * with a month of opt-outs and a day of decisions, the overview opened in headless Chromium signed
 * in as a person is, and photographed.
 *
 *   npx tsx scripts/console-screenshot.ts [out.png]
 */
import { join } from 'node:path';
import request from 'supertest';
import { launchChromium, seedGateway, signIn } from '../test/browser/consoleHarness';

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'console-overview.png');
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
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await signIn(page, gw.url, gw.adminKey);
  await page.locator('svg.chart').waitFor();
  // The first screen: alerts, today's figures and the chart, as a person sees the page open.
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  await gw.close();
}
