import { describe, expect, it } from 'vitest';
import type { BlockedAnswer } from '../../src/gate/answers';
import { twilioDialect } from './errors';
import { readRequestTarget } from '../shared/requestPath';
import { gatedRouteOf } from './restRoutes';

/** The route of a path as the lane reads it: accepted by the path policy first, then matched. */
function routeOf(method: string, target: string): string | null | 'refused' {
  const reading = readRequestTarget(target);
  if (!reading.ok) return 'refused';
  return gatedRouteOf(method, reading.path)?.route ?? null;
}

describe('gatedRouteOf', () => {
  const A = '/2010-04-01/Accounts/AC123';
  it.each([
    ['POST', `${A}/Calls.json`, 'calls'],
    ['POST', `${A}/Calls`, 'calls'],
    ['POST', `${A}/calls.json/`, 'calls'],
    ['POST', `${A}/%43alls.json`, 'calls'],
    ['POST', `/2010-04-01//Accounts/AC123//Calls.json`, 'refused'],
    ['POST', `${A}/Messages.json`, 'messages'],
    ['POST', `${A}/SMS/Messages.json`, 'messages'],
    ['POST', `${A}/Conferences/CF1/Participants.json`, 'participants'],
    ['GET', `${A}/Calls.json`, null],
    ['POST', `${A}/Calls/CA1.json`, 'call_update'],
    ['POST', `${A}/Calls/CA1/Recordings.json`, null],
    ['POST', `${A}/Messages/SM1.json`, null],
    ['POST', `${A}/Calls%E0.json`, 'refused'],
  ])('gatedRouteOf %s %s → %s', (method, path, route) => {
    expect(routeOf(method, path)).toBe(route);
  });
});

describe('twilioDialect', () => {
  const decision: BlockedAnswer = {
    allowed: false,
    decision_id: 'dec_1',
    reason: 'consumer_revoked',
    revoked_at: '2026-01-05T15:00:00Z',
    honor_by_date: '2026-01-20T15:00:00Z',
    revocation_id: 'rev_1',
    compliance_notes: [],
  };
  it('a revoked recipient of a text is Twilio 21610, HTTP 400; the same for a call is 403', () => {
    const sms = twilioDialect.blocked('message', decision);
    expect(sms.status).toBe(400);
    expect(JSON.parse(sms.body)).toMatchObject({
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
      status: 400,
      reason: 'consumer_revoked',
      decision_id: 'dec_1',
    });
    const call = twilioDialect.blocked('call', decision);
    expect(call.status).toBe(403);
    expect(JSON.parse(call.body).message).toContain('consumer_revoked');
    expect(call.headers['x-should-retry']).toBe('false');
  });
});
