/**
 * What the console's browser tests share: a real gateway seeded over its API (consents, decisions,
 * opt-outs spread over past days through the gateway's clock, a stale do-not-call copy, a second
 * org), a headless Chromium (Debian's package, through playwright-core), and signing in as a person
 * does — typing the key into the form.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
export { launchChromium } from '../support/chromium';
import request from 'supertest';
import type { Clock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';

const DAY_MS = 86_400_000;

/** The real time, moved back by a number of days while older records are seeded. */
export class DaysAgoClock implements Clock {
  daysAgo = 0;
  now(): Date {
    return new Date(Date.now() - this.daysAgo * DAY_MS);
  }
}

export const PHONE = '+12125550143';
export const ENTITY = 'Acme Insurance LLC';
/** Opt-outs seeded per day back from today (index = days ago): the chart's bars, newest last. */
export const OPT_OUTS_BY_DAYS_AGO: Record<number, number> = { 0: 1, 3: 2, 20: 4, 29: 1 };

export interface Seeded {
  gw: TestGateway;
  clock: DaysAgoClock;
  /** The other org's first key (every scope but admin). */
  otherKey: string;
  /** A key of the main org without the admin scope. */
  readerKey: string;
  revocationId: string;
}

export async function seedGateway(): Promise<Seeded> {
  const clock = new DaysAgoClock();
  const gw = await startTestGateway({}, { clock });
  const api = request(gw.url);
  const call = (phone: string, entity = ENTITY) =>
    api.post('/v1/precall').set(gw.auth).send({ phone, calling_entity: entity, purpose: 'informational', call_type: 'human_voice' }).expect(200);
  await api
    .post('/v1/consents')
    .set(gw.auth)
    .send({
      phone: PHONE,
      calling_entity: ENTITY,
      type: 'prior_express_written',
      scope: ['ai_voice', 'human_voice', 'telemarketing', 'informational'],
      ai_specific_consent: true,
      captured_at: '2026-03-15T14:23:11Z',
    })
    .expect(201);
  for (const [daysAgo, n] of Object.entries(OPT_OUTS_BY_DAYS_AGO)) {
    clock.daysAgo = Number(daysAgo);
    for (let i = 0; i < n; i++) {
      const phone = `+1305555${String(1000 + Number(daysAgo) * 10 + i)}`;
      await api.post('/v1/revoke').set(gw.auth).send({ phone, calling_entity: ENTITY, trigger: 'sms_stop' }).expect(201);
    }
  }
  clock.daysAgo = 0;
  await call(PHONE); // allowed
  await call('+13055550100'); // no consent
  await call('+13055550101', 'Other Co'); // no consent
  const rev = await api
    .post('/v1/revoke')
    .set(gw.auth)
    .send({ phone: PHONE, calling_entity: ENTITY, trigger: 'verbal_stop_during_call', transcript: 'Stop calling me <b>now</b>' })
    .expect(201);
  await call(PHONE); // consumer_revoked
  // A national copy taken 60 days ago: stale.
  const asOf = new Date(Date.now() - 60 * DAY_MS).toISOString().slice(0, 10);
  await api.post(`/v1/dnc/national/import?as_of=${asOf}`).set(gw.auth).set('Content-Type', 'text/plain').send('2125550199\n').expect(200);
  const reader = await api
    .post('/v1/keys')
    .set(gw.auth)
    .send({ scopes: ['audit:read', 'consent:read'] })
    .expect(201);
  const other = await api.post('/v1/orgs').set(gw.auth).send({ name: 'Another org' }).expect(201);
  return { gw, clock, otherKey: other.body.api_key, readerKey: reader.body.api_key, revocationId: rev.body.revocation_id };
}

/** A page of its own context (its own cookies), recording console errors, page errors and dialogs. */
export async function openPage(browser: Browser, width = 1100): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, errors };
}

export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

/** The text as rendered, what a person reads. */
export async function textOf(page: Page, selector = 'main'): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as rendered
  return page.innerText(selector);
}
