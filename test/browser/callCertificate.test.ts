/**
 * A call's evidence certificate in a real headless Chromium: an agent-stream call with a spoken
 * opt-out (its words carrying markup), opened through the call record's signed evidence_url as a
 * person would, read back, checked for escaping, and screenshotted (CALL_CERTIFICATE_SCREENSHOT
 * names where; the one in docs/ was made this way).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';
import { settledCallRecord, withEvents } from '../support/callRecords';

const XSS = '<script>window.__pwned = 1</script>';
const SCREENSHOT = process.env.CALL_CERTIFICATE_SCREENSHOT ?? join(tmpdir(), 'consent-gate-call-certificate.png');

describe('call certificate in Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  let call: { id: string; evidence_url: string; opt_outs: { revocation_id: string }[] };
  const clock = new FixedClock(new Date('2026-04-10T18:00:00.000Z'));

  beforeAll(async () => {
    gw = await startTestGateway({}, { clock });
    const c = await FrameClient.connect(gw.url.replace('http', 'ws') + '/v1/stream', gw.auth);
    await c.quietAfter([{ type: 'start', call_id: 'agent-call-42', phone: '+12125550143', calling_entity: 'Acme Insurance LLC' }]);
    clock.advance(7400);
    c.send({ type: 'transcript', call_id: 'agent-call-42', text: `${XSS} please stop calling me`, is_final: true, speaker: 'customer' });
    await c.next();
    clock.advance(2100);
    await c.quietAfter([{ type: 'stop', call_id: 'agent-call-42' }]);
    c.close();
    call = (await settledCallRecord(gw.url, gw.auth, 'agent-call-42', withEvents(4))) as typeof call;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('opens the signed evidence_url without a key and reads as a call certificate, the words shown and never run', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(call.evidence_url);
    expect(response?.status()).toBe(200);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as rendered, what a person reads
    const text = await page.innerText('body');
    expect(text).toContain('Call record');
    expect(text).toContain(call.id);
    expect(text).toContain('agent stream call agent-call-42');
    expect(text).toContain('Acme Insurance LLC');
    expect(text).toContain(call.opt_outs[0].revocation_id);
    expect(text).toContain('7.4 s into the call');
    expect(text).toContain(`${XSS} please stop calling me`);
    expect(text).toContain('✓ verified');
    expect(text).toContain('✓ matches');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(requests).toEqual([call.evidence_url]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await context.close();
  });
});
