/**
 * The gate counts what state caps count, over real HTTP: allowed telemarketing calls and
 * marketing/mixed texts to a phone from an entity, together; not informational calls, not
 * transactional texts, not refused contacts. The count is read back from the gateway's own
 * ledger as the next covered decision would read it (the caps themselves are the rule set's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredContactWindow } from '../../src/domain/stateLaw/coveredContacts';
import { entityKey } from '../../src/domain/vocabulary';
import { FixedClock } from '../../src/gate/clock';
import type { CallFacts } from '../../src/ledger/ledger';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { consentBody, post, precallBody, presendBody } from '../redis/http';
import { aDecision } from '../fixtures/records';

// 12:00 in New York on a weekday: inside the calling and texting windows.
const clock = new FixedClock(new Date('2026-04-14T16:00:00.000Z'));
const PHONE = '+12125550140';
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({}, { clock });
  const consent = { ...consentBody(PHONE), scope: ['ai_voice', 'telemarketing', 'informational', 'sms', 'marketing'] };
  expect((await post(gw.url, '/v1/consents', consent)).status).toBe(201);
});
afterAll(async () => {
  await gw?.close();
});

/** The facts the next covered call from `entity` would be decided on. */
async function nextCallFacts(entity: string): Promise<CallFacts> {
  let seen!: CallFacts;
  const now = clock.now();
  await gw.ctx.ledger.decideCall('org_default', PHONE, { entity: entityKey(entity), covered: coveredContactWindow(now, now) }, (facts) => {
    seen = facts;
    return { decision: aDecision({ org_id: 'org_default', phone: PHONE, allowed: false, reason: 'frequency_cap' }), coveredLimit: null };
  });
  return seen;
}

describe('covered contacts counted by the gate', () => {
  it('counts allowed telemarketing calls and marketing/mixed texts together, and nothing else', async () => {
    const replies = await Promise.all([
      post(gw.url, '/v1/precall', precallBody(PHONE)),
      post(gw.url, '/v1/precall', { ...precallBody(PHONE), purpose: 'informational' }),
      post(gw.url, '/v1/sms/pre-send', presendBody(PHONE)),
      post(gw.url, '/v1/sms/pre-send', { ...presendBody(PHONE), message_type: 'transactional' }),
      // Refused (no consent from this entity): not counted.
      post(gw.url, '/v1/precall', { ...precallBody(PHONE), calling_entity: 'Someone Else LLC' }),
    ]);
    expect(replies.map((r) => r.body.allowed)).toEqual([true, true, true, true, false]);
    expect((await nextCallFacts('Acme Insurance LLC')).coveredContactsInWindow).toBe(2);
    expect((await nextCallFacts('Someone Else LLC')).coveredContactsInWindow).toBe(0);
  });

  it('a declared emergency is read into the next covered decision', async () => {
    const declared = await post(gw.url, '/v1/rules/emergencies', { jurisdiction: 'US-NY', from: '2026-04-14T00:00:00Z', to: '2026-04-15T00:00:00Z' });
    expect(declared.status).toBe(201);
    expect((await nextCallFacts('Acme Insurance LLC')).emergencies.map((e) => e.id)).toEqual([declared.body.id]);
  });
});
