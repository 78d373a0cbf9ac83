/**
 * The compliance console in a real headless Chromium, against a real gateway seeded over its API:
 * signing in and out, each page with its data, the chart, a number looked up end to end, filters,
 * masked phones, the browser's own view of the security (CSP, cookie, nothing stored), keyboard use
 * and a 640 px screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone } from '../../src/domain/phone';
import { ENTITY, launchChromium, OPT_OUTS_BY_DAYS_AGO, openPage, PHONE, seedGateway, signIn, textOf, type Seeded } from './consoleHarness';

describe('compliance console in Chromium', () => {
  let seeded: Seeded;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    seeded = await seedGateway();
    url = seeded.gw.url;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await seeded?.gw.close();
  });

  it('signs in with a key, shows the overview with its figures, chart, honor-by dates and alerts, and signs out', async () => {
    const { context, page, errors } = await openPage(browser);
    const first = await page.goto(`${url}/console`);
    expect(first?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(first?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await signIn(page, url, seeded.gw.adminKey);

    // The session is a cookie the page's scripts cannot read; the key is nowhere in the browser.
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'cg_console', httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
    const stored = await page.evaluate(() => {
      const g = globalThis as unknown as { localStorage: { length: number }; sessionStorage: { length: number } };
      return g.localStorage.length + g.sessionStorage.length;
    });
    expect(stored).toBe(0);
    expect(page.url()).not.toContain(seeded.gw.adminKey);

    expect(await page.locator('#decisions-total').textContent()).toBe('4');
    expect(await page.locator('#decisions-allowed').textContent()).toBe('1');
    expect(await page.locator('#decisions-blocked').textContent()).toBe('3');
    const text = await textOf(page);
    expect(text).toMatch(/no_consent_on_file\s+2\s+0/);
    expect(text).toMatch(/consumer_revoked\s+1\s+0/);
    // The chart: 30 bars, one per day, the seeded opt-outs where they were recorded (today also has the number's own).
    const bars = page.locator('svg.chart rect.bar');
    expect(await bars.count()).toBe(30);
    const values = (
      await bars.evaluateAll((els) => els.map((e) => Number((e as unknown as { getAttribute(n: string): string }).getAttribute('data-value'))))
    ).reverse();
    const expected = Array.from({ length: 30 }, (_, daysAgo) => (OPT_OUTS_BY_DAYS_AGO[daysAgo] ?? 0) + (daysAgo === 0 ? 1 : 0));
    expect(values).toEqual(expected);
    const tallest = await bars.nth(30 - 1 - 20).boundingBox();
    expect(tallest?.height).toBeGreaterThan(50);
    // Opt-outs still to honor, phones masked; those of 20 and 29 days ago are past their honor-by date.
    const honor = page.locator('section', { has: page.getByRole('heading', { name: 'Opt-outs to honor' }) });
    expect(await textOf(page, 'section:has(h2:text("Opt-outs to honor"))')).toContain(maskPhone(PHONE));
    expect(await honor.locator('tbody tr').count()).toBe(1 + 1 + 2);
    expect(await textOf(page, 'section:has(h2:text("Opt-outs to honor"))')).not.toContain(PHONE);
    // The stale do-not-call copy is an alert.
    expect(await page.locator('.alert[data-code="dnc_stale"]').textContent()).toContain('national');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${url}/console#/overview`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a wrong key and keeps no session', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${url}/console`);
    await page.getByLabel('API key').fill('cg_live_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That key was not accepted.').waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(await page.getByRole('link', { name: 'Overview' }).count()).toBe(0);
    await context.close();
  });

  it('looks a number up end to end: consents, opt-outs with the words, decisions, the chain verified, evidence in one click', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, seeded.gw.adminKey);
    await page.locator('nav').getByRole('link', { name: 'Number' }).click();
    await page.getByLabel('Phone number').fill('(212) 555-0143');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('heading', { level: 1, name: `Number ${PHONE}` }).waitFor();
    const text = await textOf(page);
    expect(text).toContain('✓ Audit chain verified: 4 entries');
    expect(text).toContain(ENTITY);
    expect(text).toContain('prior_express_written');
    // The consumer's words, shown as text, never as markup.
    expect(text).toContain('Stop calling me <b>now</b>');
    expect(await page.locator('main b').count()).toBe(0);
    expect(text).toContain('blocked: consumer_revoked');
    const [evidence] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Evidence' }).nth(1).click()]);
    await evidence.waitForLoadState();
    expect(await textOf(evidence, 'body')).toContain(seeded.revocationId);
    expect(await textOf(evidence, 'body')).toContain('✓ verified');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters decisions by reason, entity and outcome, with phones masked in the list and whole on their own page', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, seeded.gw.adminKey);
    await page.locator('nav').getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(4);
    await page.getByLabel('Reason').selectOption('no_consent_on_file');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('2 decisions shown').waitFor();
    let text = await textOf(page, 'table');
    expect(text).toContain(maskPhone('+13055550100'));
    expect(text).not.toContain('+13055550100');
    await page.getByLabel('Entity').fill('other co');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 decision shown').waitFor();
    expect(await textOf(page, 'table')).toContain('Other Co');
    await page.getByLabel('Reason').selectOption('');
    await page.getByLabel('Entity').fill('');
    await page.getByLabel('Outcome').selectOption('allowed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 decision shown').waitFor();
    text = await textOf(page, 'table');
    expect(text).toContain(maskPhone(PHONE));
    // The masked phone leads to the number's own page, where it is whole.
    await page.getByRole('link', { name: maskPhone(PHONE) }).click();
    await page.getByRole('heading', { level: 1, name: `Number ${PHONE}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the do-not-call lists with their age, the stale copy flagged', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, seeded.gw.adminKey);
    await page.locator('nav').getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { level: 1, name: 'Do-not-call lists' }).waitFor();
    const text = await textOf(page, 'table');
    expect(text).toMatch(/national\s+\d{4}-\d{2}-\d{2}\s+60 days\s+1\s+1\s+stale/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable with the keyboard alone: the pages are reached and a filter applied without a pointer', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${url}/console`);
    // The form is drawn once the page has asked whether a session exists: typing before that would be lost.
    const keyField = page.getByLabel('API key');
    await keyField.waitFor();
    expect(await keyField.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await page.keyboard.type(seeded.gw.adminKey); // the key field has the focus
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const focusedText = () =>
      page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent);
    expect(await focusedText()).toBe('Overview'); // focus starts at the page's heading
    // Back from the heading through the page list (Sign out, Keys, Lists) to Decisions, and follow it.
    for (let i = 0; i < 10 && (await focusedText()) !== 'Decisions'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedText()).toBe('Decisions');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
    expect(await focusedText()).toBe('Decisions');
    // Into the filter form: outcome, reason; choose with the arrow keys, submit with Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('reason');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Other Co');
    await page.keyboard.press('Enter');
    await page.getByText('1 decision shown').waitFor();
    // Every control has a visible focus ring.
    const outline = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { activeElement: unknown }; getComputedStyle(e: unknown): { outlineStyle: string } };
      return g.getComputedStyle(g.document.activeElement).outlineStyle;
    });
    expect(outline).toBeDefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 640 px wide screen (a 1280 px window at 200% zoom) on every page, with no horizontal scroll', async () => {
    const { context, page, errors } = await openPage(browser, 640);
    await signIn(page, url, seeded.gw.adminKey);
    for (const [hash, title] of [
      ['#/overview', 'Overview'],
      [`#/number/${encodeURIComponent(PHONE)}`, `Number ${PHONE}`],
      ['#/decisions', 'Decisions'],
      ['#/lists', 'Do-not-call lists'],
      ['#/keys', 'Keys'],
    ]) {
      await page.goto(`${url}/console${hash}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, hash).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
