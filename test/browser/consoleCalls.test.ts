/**
 * The console's Calls page and a number's calls, in a real headless Chromium against a real
 * gateway: calls seeded through the agent stream websocket (an opt-out whose words carry markup)
 * and through the ledger (Twilio calls whose disclosure was in its window, late, or never heard),
 * listed with masked phones, filtered, opened to their disclosure timing and evidence; another org
 * sees none; a key without audit:read is told so; keyboard only; a 640 px screen.
 */
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdFor } from '../../src/domain/calls/events';
import { maskPhone } from '../../src/domain/phone';
import { aCallEvent, aWholeCall, ANSWERED } from '../fixtures/calls';
import { settledCallRecord, withEvents } from '../support/callRecords';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';
import { launchChromium, openPage, signIn, textOf } from './consoleHarness';

const TWILIO_PHONE = '+15551234567'; // the fixtures' consumer
const STREAM_PHONE = '+13055550177';
const ENTITY = 'Acme Insurance LLC';
const WHOLE_SID = 'CA0000000000000000000000000000000a';
const LATE_SID = 'CA0000000000000000000000000000000b';
const UNANSWERED_SID = 'CA0000000000000000000000000000000c';
const WORDS = 'Stop calling me <b>now</b>';

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

async function seedCalls(gw: TestGateway): Promise<void> {
  const org = gw.bootstrap.orgId;
  const on = (carrier_call_id: string, phone = TWILIO_PHONE) => ({ org_id: org, carrier_call_id, phone });
  const disclosure = { script: 'Hi, this is an AI assistant calling for Acme.', version: 'v3', delivery_window_seconds: 2 };
  // Said in its window: answered, disclosure 0.4 s later, 9 pressed, completed after 42 s.
  for (const e of aWholeCall(on(WHOLE_SID))) await gw.ctx.ledger.recordCallEvent(e);
  // Said late: 5 s after the answer, with a 2-second window.
  const late = plus(ANSWERED, 3_600_000);
  for (const e of [
    aCallEvent('gated', plus(late, -6000), { decision_id: 'dec_1111111111111111111111', entity: ENTITY, disclosure }, on(LATE_SID)),
    aCallEvent('answered', late, {}, on(LATE_SID)),
    aCallEvent('disclosure_started', plus(late, 5000), {}, on(LATE_SID)),
    aCallEvent('ended', plus(late, 30_000), { status: 'completed', duration_seconds: 30 }, on(LATE_SID)),
  ])
    await gw.ctx.ledger.recordCallEvent(e);
  // Never answered: whether the disclosure was in its window cannot be said.
  const unanswered = plus(ANSWERED, 7_200_000);
  for (const e of [
    aCallEvent('gated', unanswered, { decision_id: 'dec_2222222222222222222222', entity: ENTITY, disclosure }, on(UNANSWERED_SID, '+12125550100')),
    aCallEvent('ended', plus(unanswered, 20_000), { status: 'no-answer', duration_seconds: 0 }, on(UNANSWERED_SID, '+12125550100')),
  ])
    await gw.ctx.ledger.recordCallEvent(e);
  // An agent-stream call (no disclosure asked of it), the consumer's words carrying markup.
  const c = await FrameClient.connect(`${gw.url.replace('http', 'ws')}/v1/stream`, gw.auth);
  await c.quietAfter([{ type: 'start', call_id: 'agent-call-1', phone: STREAM_PHONE, calling_entity: ENTITY }]);
  c.send({ type: 'transcript', call_id: 'agent-call-1', text: WORDS, is_final: true, speaker: 'customer' });
  expect(await c.next()).toMatchObject({ revocation_id: expect.stringMatching(/^rev_/) });
  await c.quietAfter([{ type: 'stop', call_id: 'agent-call-1' }]);
  c.close();
  await settledCallRecord(gw.url, gw.auth, 'agent-call-1', withEvents(3));
}

const overflowX = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe('console calls in Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  let otherKey: string;
  let noAuditKey: string;
  const wholeId = () => callIdFor(gw.bootstrap.orgId, 'twilio', WHOLE_SID);

  beforeAll(async () => {
    gw = await startTestGateway();
    await seedCalls(gw);
    otherKey = (await request(gw.url).post('/v1/orgs').set(gw.auth).send({ name: 'Another org' }).expect(201)).body.api_key;
    noAuditKey = (
      await request(gw.url)
        .post('/v1/keys')
        .set(gw.auth)
        .send({ scopes: ['precall', 'revoke'] })
        .expect(201)
    ).body.api_key;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('lists the calls with masked phones, entity, carrier, status, duration, the disclosure verdict and opt-outs', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    await page.locator('nav').getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calls' }).waitFor();
    await page.getByText('4 calls shown').waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const text = await textOf(page, 'table');
    const shown = await rows.allInnerTexts();
    for (const phone of [TWILIO_PHONE, STREAM_PHONE, '+12125550100']) {
      expect(text).toContain(maskPhone(phone));
      expect(text).not.toContain(phone);
    }
    // Oldest first: in the window, late, never answered, then the agent-stream call.
    expect(shown[0]).toMatch(/twilio\s+completed\s+42 s\s+✓ yes\s+1/);
    expect(shown[1]).toMatch(/twilio\s+completed\s+30 s\s+✗ no\s+0/);
    expect(shown[2]).toMatch(/twilio\s+no-answer\s+0 s\s+\? unknown\s+0/);
    expect(shown[3]).toMatch(/stream\s+completed\s+.*none required\s+1/);
    expect(
      await page.locator('[data-disclosure]').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { disclosure: string } }).dataset.disclosure)),
    ).toEqual(['yes', 'no', 'unknown', 'none']);
    expect(text).toContain(ENTITY);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by phone as typed and by UTC days; a phone the gateway cannot read is named, the form kept', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    await page.goto(`${gw.url}/console#/calls`);
    await page.getByText('4 calls shown').waitFor();
    await page.getByLabel('Phone').fill('(305) 555-0177');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 call shown').waitFor();
    expect(await textOf(page, 'table')).toContain(maskPhone(STREAM_PHONE));
    // By UTC days: the day of the three Twilio calls, the agent-stream call (today) left out.
    await page.getByLabel('Phone').fill('');
    await page.getByLabel('From (UTC day)').fill('2026-05-04');
    await page.getByLabel('To (UTC day)').fill('2026-05-04');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('3 calls shown').waitFor();
    expect(await textOf(page, 'table')).not.toContain('stream');
    await page.getByLabel('Phone').fill('12');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('alert').waitFor();
    expect(await textOf(page, '[role=alert]')).toMatch(/phone/i);
    expect(await page.getByLabel('Phone').inputValue()).toBe('12');
    // The refused request is the browser's only complaint.
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });

  it("opens a call's detail: the phone whole, the disclosure timing with each time's source, the key, the opt-out, and the evidence", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    await page.goto(`${gw.url}/console#/calls`);
    await page.getByText('4 calls shown').waitFor();
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: `Call to ${TWILIO_PHONE}` }).waitFor();
    const text = await textOf(page);
    expect(text).toContain('✓ Within the window: the disclosure started +0.4 s after the answer, inside its 2-second window.');
    expect(text).toMatch(/Answered\s+2026-05-04 16:00:10 UTC\s+\+0 s\s+test: answered/);
    expect(text).toMatch(/Disclosure started\s+2026-05-04 16:00:10 UTC\s+\+0\.4 s\s+test: disclosure_started/);
    expect(text).toMatch(/Disclosure said in full \(by\)\s+2026-05-04 16:00:16 UTC\s+\+6\.4 s\s+test: disclosure_completed/);
    expect(text).toContain('Hi, this is an AI assistant.');
    expect(text).toMatch(/9\s+2026-05-04 16:00:19 UTC\s+\+9 s/);
    expect(text).toMatch(/dtmf_opt_out\s+2026-05-04 16:00:19 UTC\s+\+9\.1 s\s+—\s+rev_0000000000000000000000/);
    expect(text).toContain(wholeId());
    const [evidence] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Evidence certificate' }).click()]);
    await evidence.waitForLoadState();
    const certificate = await textOf(evidence, 'body');
    expect(certificate).toContain('Call record');
    expect(certificate).toContain(wholeId());
    expect(certificate).toContain('✓ verified');
    // A late disclosure reads as late.
    await page.goto(`${gw.url}/console#/calls/${LATE_SID}`);
    await page.getByText('✗ Not within the window: the disclosure started +5 s after the answer, later than its 2-second window.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the consumer's words on a call as text, never as markup", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    await page.goto(`${gw.url}/console#/calls/agent-call-1`);
    await page.getByRole('heading', { level: 1, name: `Call to ${STREAM_PHONE}` }).waitFor();
    const text = await textOf(page);
    expect(text).toContain(WORDS);
    expect(text).toContain('This call needed no AI disclosure.');
    expect(await page.locator('main b').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lists a number's calls on its page, each opening its detail", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    await page.goto(`${gw.url}/console#/number/${encodeURIComponent(TWILIO_PHONE)}`);
    await page.getByRole('heading', { level: 1, name: `Number ${TWILIO_PHONE}` }).waitFor();
    const calls = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Calls' }) });
    expect(await calls.locator('tbody tr').count()).toBe(2);
    expect(await textOf(page, 'section:has(h2:text("Calls"))')).toMatch(/twilio\s+completed\s+42 s\s+✓ yes\s+1\s+Evidence/);
    await calls.locator('tbody tr').nth(1).getByRole('link').first().click();
    await page.getByText('✗ Not within the window').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("never shows another org's calls, in the list or by id", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, otherKey);
    await page.goto(`${gw.url}/console#/calls`);
    await page.getByText('0 calls shown').waitFor();
    expect(await textOf(page)).toContain('No call matches.');
    await page.goto(`${gw.url}/console#/calls/${wholeId()}`);
    await page.getByRole('heading', { level: 1, name: 'Call not found' }).waitFor();
    expect(await textOf(page)).not.toContain(TWILIO_PHONE);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });

  it('tells a key without audit:read that calls are not for it, without asking the gateway', async () => {
    const { context, page, errors } = await openPage(browser);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/calls')) asked.push(r.url());
    });
    await page.goto(`${gw.url}/console#/calls`);
    await page.getByLabel('API key').fill(noAuditKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calls' }).waitFor();
    expect(await textOf(page)).toContain('Call records are shown to keys with the audit:read scope.');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is reached and used with the keyboard alone: a call opened, then its evidence link', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, gw.url, gw.adminKey);
    const active = () =>
      page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { textContent: string; getAttribute(n: string): string | null } } }).document
          .activeElement;
        return { text: el.textContent, href: el.getAttribute('href') ?? '' };
      });
    for (let i = 0; i < 12 && (await active()).text !== 'Calls'; i++) await page.keyboard.press('Shift+Tab');
    expect((await active()).text).toBe('Calls');
    await page.keyboard.press('Enter');
    await page.getByText('4 calls shown').waitFor();
    for (let i = 0; i < 12 && !(await active()).href.startsWith('#/calls/'); i++) await page.keyboard.press('Tab');
    expect((await active()).href).toBe(`#/calls/${encodeURIComponent(wholeId())}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Call to ${TWILIO_PHONE}` }).waitFor();
    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Evidence certificate');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 640 px wide screen with no horizontal scroll: the list, a call, a number', async () => {
    const { context, page, errors } = await openPage(browser, 640);
    await signIn(page, gw.url, gw.adminKey);
    for (const [hash, title] of [
      ['#/calls', 'Calls'],
      [`#/calls/${wholeId()}`, `Call to ${TWILIO_PHONE}`],
      ['#/calls/agent-call-1', `Call to ${STREAM_PHONE}`],
      [`#/number/${encodeURIComponent(TWILIO_PHONE)}`, `Number ${TWILIO_PHONE}`],
    ]) {
      await page.goto(`${gw.url}/console${hash}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await overflowX(page), hash).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
