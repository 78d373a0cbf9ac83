/**
 * A Telnyx text is acted on once, on every instance. Telnyx's signature
 * holds for five minutes: within them, a captured START can be sent again —
 * to another instance, or to one that restarted — after the consumer said
 * STOP. It is relayed, and re-subscribes nobody.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger';
import { startGateway, type Gateway } from '../../src/server';
import { ADMIN_KEY } from '../support/gateway';
import { APP_EVENTS, CLINIC, CLINIC_NUMBER, startStack, type Stack } from './harness';

const WEBHOOKS = '/telnyx/webhooks';

function inboundText(s: Stack, from: string, text: string, url: string): string {
  return s.telnyx.envelope(
    'message.received',
    { id: randomUUID(), direction: 'inbound', from: { phone_number: from }, to: [{ phone_number: CLINIC_NUMBER }], text },
    url,
  );
}

async function textDecision(gwUrl: string, phone: string): Promise<{ allowed: boolean; reason?: string }> {
  const res = await request(gwUrl)
    .post('/v1/sms/pre-send')
    .set('Authorization', `Bearer ${ADMIN_KEY}`)
    .send({ phone, sending_entity: CLINIC, message_type: 'transactional' });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a replayed Telnyx text', () => {
  let s: Stack;
  let restarted: Gateway | undefined;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await restarted?.close();
    await s.telnyx.stop();
    await s.app.stop();
  });

  it('a captured START sent again to a restarted gateway after a later STOP is relayed but re-subscribes nobody', async () => {
    const phone = '+12125556001';
    const url = s.gw.url + WEBHOOKS;
    expect((await s.telnyx.deliver(url, inboundText(s, phone, 'STOP', url))).status).toBe(200);
    s.clock.advance(30_000);
    const start = inboundText(s, phone, 'START', url);
    const captured = s.telnyx.signatureHeaders(start);
    expect((await s.telnyx.deliver(url, start, captured)).status).toBe(200);
    expect(await textDecision(s.gw.url, phone)).toMatchObject({ allowed: true });
    s.clock.advance(30_000);
    expect((await s.telnyx.deliver(url, inboundText(s, phone, 'STOP', url))).status).toBe(200);
    expect(await textDecision(s.gw.url, phone)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });

    // The same instance restarts (its memory is gone) on the same store; the signature is still within its window.
    await s.gw.close();
    restarted = await startGateway(s.gw.config, { logger: silentLogger(), clock: s.clock });
    s.clock.advance(30_000);
    const relayedBefore = s.app.received(APP_EVENTS).filter((r) => r.rawBody === start).length;
    const replay = await s.telnyx.deliver(restarted.url + WEBHOOKS, start, captured);
    expect(replay.status).toBe(200);
    expect(await textDecision(restarted.url, phone)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    expect(s.app.received(APP_EVENTS).filter((r) => r.rawBody === start)).toHaveLength(relayedBefore + 1);
  });
});
