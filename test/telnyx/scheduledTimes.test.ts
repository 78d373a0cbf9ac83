/**
 * A Telnyx scheduled text (`send_at`) is checked for when it goes out; a time
 * years away is refused in Telnyx's own 400 dialect, never a 500, with nothing
 * forwarded and no decision recorded.
 */
import request from 'supertest';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, ACME_NUMBER, rejection, seedConsent, startStack, type Stack } from './harness';

describe('Telnyx send_at out of range', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it.each(['9999-12-31T23:59:59Z', '2010-01-01T00:00:00Z'])('send_at %s: 400 naming send_at, nothing sent, nothing recorded', async (send_at) => {
    const to = '+12125551090';
    await seedConsent(s, to, ACME, ['sms', 'marketing'], { ai: false });
    const err = await rejection(s.client.messages.schedule({ from: ACME_NUMBER, to, text: 'much later', send_at }));
    expect(err).toBeInstanceOf(Telnyx.BadRequestError);
    expect(err.status).toBe(400);
    expect(err.error.errors[0].detail).toContain('send_at');
    expect(s.telnyx.received('POST', '/v2/messages/schedule')).toHaveLength(0);
    const decisions = await request(s.gw.url).get('/v1/decisions').query({ phone: to }).set(s.gw.auth);
    expect(decisions.body.data).toEqual([]);
  });
});
