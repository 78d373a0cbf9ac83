/**
 * The evidence certificate in a real headless Chromium (Debian's `chromium`
 * package, driven by playwright-core): a revocation made over the API,
 * opened through its signed evidence_url as a person would — no API key —
 * read back, checked for escaping, and screenshotted.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayText } from '../../src/domain/labels';
import { startTestGateway, type TestGateway } from '../support/gateway';

const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
const SCREENSHOT = join(tmpdir(), 'consent-gate-evidence-page.png');

describe('evidence page in Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  let revocation: { revocation_id: string; honor_by_date: string; evidence_url: string };

  beforeAll(async () => {
    gw = await startTestGateway();
    const api = request(gw.url);
    await api
      .post('/v1/consents')
      .set(gw.auth)
      .send({
        phone: '+12125550143',
        calling_entity: 'Acme Insurance LLC',
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing'],
        ai_specific_consent: true,
        captured_at: '2026-03-15T14:23:11Z',
      })
      .expect(201);
    const rev = await api
      .post('/v1/revoke')
      .set(gw.auth)
      .send({
        phone: '+12125550143',
        calling_entity: 'Acme Insurance LLC',
        trigger: 'verbal_stop_during_call',
        transcript: `${XSS} Stop calling me, take me off your list`,
      })
      .expect(201);
    revocation = rev.body;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('opens the signed evidence_url without a key and reads as a certificate', async () => {
    expect(revocation.evidence_url).toMatch(/\/v1\/evidence\/rev_\w+\?org=org_default&exp=\d+&sig=[\w-]+$/);
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    const response = await page.goto(revocation.evidence_url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");

    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as rendered, what a person reads
    const text = await page.innerText('body');
    expect(text).toContain('Opt-out (revocation of consent)');
    expect(text).toContain(revocation.revocation_id);
    expect(text).toContain('Acme Insurance LLC');
    expect(text).toContain('said "stop" during a call');
    expect(text).toContain(`honor by ${dayText(revocation.honor_by_date)}`);
    expect(text).toContain('✓ verified');
    expect(text).toContain('✓ matches');
    // The transcript is shown as the words it is, never run.
    expect(text).toContain(`${XSS} Stop calling me, take me off your list`);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // No external asset: the page itself is the only request.
    expect(requests).toEqual([revocation.evidence_url]);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    // Print: no page background, no card border.
    await page.emulateMedia({ media: 'print' });
    // (the test compiles without the DOM lib: the browser's globals are reached through globalThis)
    const borderOf = (el: unknown) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { borderTopStyle: string } }).getComputedStyle(el).borderTopStyle;
    expect(await page.locator('main').evaluate(borderOf)).toBe('none');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-print.png'), fullPage: true });
    await context.close();
  });

  it('without the signature the page needs an API key, and a tampered link is refused', async () => {
    const page = await browser.newPage();
    const plain = revocation.evidence_url.split('?')[0];
    const unsigned = await page.goto(plain);
    expect(unsigned?.status()).toBe(401);
    const tampered = await page.goto(revocation.evidence_url.replace(/sig=[\w-]{4}/, 'sig=AAAA'));
    expect(tampered?.status()).toBe(403);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as above
    expect(await page.innerText('body')).toContain('invalid or has expired');
    await page.close();
  });

  it('an API client with a key gets the same evidence as JSON', async () => {
    const res = await request(gw.url).get(`/v1/evidence/${revocation.revocation_id}`).set(gw.auth).expect(200);
    expect(res.type).toBe('application/json');
    expect(res.body).toMatchObject({ type: 'revocation', integrity: { chain_verified: true } });
    const html = await request(gw.url).get(`/v1/evidence/${revocation.revocation_id}`).set(gw.auth).set('Accept', 'text/html').expect(200);
    expect(html.text).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html.text).not.toContain('<script>');
  });
});
