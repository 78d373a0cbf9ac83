/**
 * Who sees what in the console, in a real Chromium: another org's key sees none of this org's
 * records, a key without the admin scope has no Keys page, an admin creates and revokes keys, a
 * revoked key's session ends at its next request, and the console's API refuses a call without the
 * session's CSRF token.
 */
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, PHONE, seedGateway, signIn, textOf, type Seeded } from './consoleHarness';

describe('console sessions, scopes and tenancy in Chromium', () => {
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

  it("another org's key sees none of this org's decisions, opt-outs or number records", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, seeded.otherKey);
    expect(await page.locator('#decisions-total').textContent()).toBe('0');
    expect(await page.locator('svg.chart rect.bar[data-value="0"]').count()).toBe(30);
    expect(await textOf(page)).toContain('No opt-out is waiting for its honor-by date.');
    await page.goto(`${url}/console#/number/${encodeURIComponent(PHONE)}`);
    await page.getByRole('heading', { level: 1, name: `Number ${PHONE}` }).waitFor();
    const text = await textOf(page);
    expect(text).toContain('No consent on file.');
    expect(text).toContain('No opt-out recorded by this org.');
    expect(text).toContain('No decision about this number.');
    await page.goto(`${url}/console#/decisions`);
    await page.getByText('No decision matches.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a key without the admin scope has no Keys page, and is told so if it goes there', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, seeded.readerKey);
    expect(await page.locator('nav a').allTextContents()).toEqual(['Overview', 'Number', 'Decisions', 'Calls', 'Lists']);
    await page.goto(`${url}/console#/keys`);
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    expect(await textOf(page)).toContain('Keys are managed with a key that has the admin scope.');
    expect(await page.locator('table').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a page a key may not read says which scope it needs, instead of showing the refusal', async () => {
    const caller = await request(url)
      .post('/v1/keys')
      .set(seeded.gw.auth)
      .send({ scopes: ['precall', 'presend'] })
      .expect(201);
    const { context, page, errors } = await openPage(browser);
    await signIn(page, url, caller.body.api_key);
    await page.getByText('This page is shown to keys with the audit:read scope').waitFor();
    for (const [hash, heading, needs] of [
      ['#/decisions', 'Decisions', 'audit:read'],
      ['#/lists', 'Lists', 'admin'],
    ]) {
      await page.goto(`${url}/console${hash}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByText(`shown to keys with the ${needs} scope`).waitFor();
      expect(await textOf(page)).not.toContain('missing required scope');
    }
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
    await context.close();
  });

  it("an admin creates a key, whose session then ends when the admin revokes it; the console's API wants the CSRF token", async () => {
    const admin = await openPage(browser);
    await signIn(admin.page, url, seeded.gw.adminKey);
    await admin.page.locator('nav').getByRole('link', { name: 'Keys' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    await admin.page.getByLabel('audit:read').check();
    await admin.page.getByLabel('consent:read').check();
    await admin.page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await admin.page.locator('#new-key').textContent()) ?? '';
    expect(secret).toMatch(/^cg_live_\w+$/);

    const holder = await openPage(browser);
    await signIn(holder.page, url, secret);
    // Without the header the page's scripts add, the session's cookie alone opens nothing.
    const bare = await holder.page.evaluate(async (u) => (await fetch(`${u}/console/api/v1/alerts`)).status, url);
    expect(bare).toBe(401);
    expect(holder.errors.filter((e) => !e.includes('401'))).toEqual([]);

    const prefix = secret.slice(0, 10);
    await admin.page
      .getByRole('row', { name: new RegExp(prefix) })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await admin.page.getByRole('button', { name: /Confirm: revoke/ }).click();
    await admin.page.getByText('revoked, with every key made from it').waitFor();

    // The holder's next step finds the session ended.
    await holder.page.locator('nav').getByRole('link', { name: 'Decisions' }).click();
    await holder.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await textOf(holder.page)).toContain('Your session has ended');
    await holder.page.goto(`${url}/console`);
    await holder.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    await holder.context.close();
  });

  it('signing out ends the session on the server, not only in the page', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, url, seeded.gw.adminKey);
    const [cookie] = await context.cookies();
    const csrf = await page.evaluate(async (u) => ((await (await fetch(`${u}/console/session`)).json()) as { csrf: string }).csrf, url);
    const before = await request(url).get('/console/api/v1/alerts').set('Cookie', `${cookie.name}=${cookie.value}`).set('X-Console-Csrf', csrf);
    expect(before.status).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const after = await request(url).get('/console/api/v1/alerts').set('Cookie', `${cookie.name}=${cookie.value}`).set('X-Console-Csrf', csrf);
    expect(after.status).toBe(401);
    await context.close();
  });
});
