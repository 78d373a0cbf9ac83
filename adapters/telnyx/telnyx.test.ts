import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { speakingTimeMs } from './endingCalls';
import { eventOf } from './events';
import { readRequestTarget } from '../shared/requestPath';
import { gatedRouteOf } from './restRoutes';
import { SeenEvents } from './seenEvents';
import { checkTelnyxSignature, telnyxPublicKey } from './signature';
import { TelnyxKeyError } from '../../src/errors';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawPublic = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
const NOW = new Date('2026-04-10T18:00:00Z');
const TS = String(NOW.getTime() / 1000);
const BODY = Buffer.from('{"data":{"event_type":"call.answered","payload":{"to":"+12125551234"}}}');

function headersFor(body: Buffer, ts = TS, key = privateKey) {
  return { 'telnyx-signature-ed25519': sign(null, Buffer.concat([Buffer.from(`${ts}|`), body]), key).toString('base64'), 'telnyx-timestamp': ts };
}

describe('checkTelnyxSignature', () => {
  const key = telnyxPublicKey(rawPublic);
  const other = generateKeyPairSync('ed25519').privateKey;

  it.each([
    ['a signature over timestamp|raw body is valid', headersFor(BODY), BODY, true],
    ['one byte of the body changed', headersFor(BODY), Buffer.from(BODY.toString().replace('1234', '1235')), false],
    ['the timestamp changed after signing', { ...headersFor(BODY), 'telnyx-timestamp': String(Number(TS) + 1) }, BODY, false],
    ['signed by another key', headersFor(BODY, TS, other), BODY, false],
    ['300 s old is still accepted', headersFor(BODY, String(Number(TS) - 300)), BODY, true],
    ['301 s old is a replay', headersFor(BODY, String(Number(TS) - 301)), BODY, false],
    ['301 s in the future is refused', headersFor(BODY, String(Number(TS) + 301)), BODY, false],
    ['no signature header', { 'telnyx-timestamp': TS }, BODY, false],
    ['a timestamp that is not digits', { ...headersFor(BODY), 'telnyx-timestamp': '1e9' }, BODY, false],
    ['a signature of the wrong length', { ...headersFor(BODY), 'telnyx-signature-ed25519': 'AAAA' }, BODY, false],
  ])('checkTelnyxSignature: %s', (_name, headers, body, ok) => {
    expect(checkTelnyxSignature(key, headers, body, NOW).ok).toBe(ok);
  });

  it('telnyxPublicKey refuses anything but 32 raw bytes in base64', () => {
    expect(() => telnyxPublicKey(Buffer.alloc(31).toString('base64'))).toThrow(TelnyxKeyError);
    expect(() => telnyxPublicKey(publicKey.export({ format: 'der', type: 'spki' }).toString('base64'))).toThrow(TelnyxKeyError);
  });
});

describe('gatedRouteOf', () => {
  it.each([
    ['POST', '/v2/calls', 'dial'],
    ['POST', '/v2/Calls/', 'dial'],
    ['POST', '//v2//calls', 'refused'],
    ['POST', '/v2/calls//', 'refused'],
    ['POST', '/v2/%63alls', 'dial'],
    ['GET', '/v2/calls', null],
    ['POST', '/v2/calls/v3:abc/actions/speak', null],
    ['POST', '/v2/calls/v3:abc/actions/transfer', 'call_action'],
    ['POST', '/v2/calls/v3:abc/actions/Refer/', 'call_action'],
    ['POST', '/v2/messages', 'message'],
    ['POST', '/v2/messages/long_code', 'message'],
    ['POST', '/v2/messages/NUMBER_POOL', 'message'],
    ['POST', '/v2/messages/short_code/', 'message'],
    ['POST', '/v2/messages/group_mms', 'message'],
    ['POST', '/v2/messages/schedule', 'message'],
    ['DELETE', '/v2/messages/123', null],
    ['POST', '/v2/messaging_profiles', null],
    ['POST', '/v2/texml/Accounts/acc-1/Calls', 'texml'],
    ['POST', '/v2/texml/accounts/acc-1/calls.json', 'texml'],
    ['POST', '/v2/texml/Accounts/acc-1/Calls.xml', 'texml'],
    ['POST', '/v2/texml/Accounts/acc-1/Conferences/c-1/Participants.xml', 'texml'],
    ['POST', '/v2/texml/calls/1684641123236054244', 'texml'],
    ['POST', '/v2/texml/Accounts/acc-1/Conferences/c-1/Participants', 'texml'],
    ['POST', '/v2/texml/Accounts/acc-1/Calls/v3:abc', null],
    ['POST', '/v2/%E0%A4%A', 'refused'],
  ])('gatedRouteOf %s %s → %s', (method, path, kind) => {
    // As the lane reads it: accepted by the path policy first, then matched.
    const reading = readRequestTarget(path);
    expect(reading.ok ? (gatedRouteOf(method, reading.path)?.kind ?? null) : 'refused').toBe(kind);
  });
});

describe('eventOf', () => {
  it('reads the envelope, and leaves other JSON to be relayed untouched', () => {
    expect(eventOf({ data: { event_type: 'call.answered', id: 'e1', payload: { a: 1 } } })).toEqual({ id: 'e1', type: 'call.answered', payload: { a: 1 } });
    expect(eventOf({ data: { event_type: 'x', payload: [1] } })?.payload).toEqual({});
    for (const other of [null, 1, 'x', [], {}, { data: 'x' }, { data: { id: 'no type' } }]) expect(eventOf(other)).toBeUndefined();
  });
});

describe('SeenEvents', () => {
  it('an event id is new once within the TTL, again after it, and after forget', () => {
    const clock = new FixedClock(NOW);
    const seen = new SeenEvents(clock, 1000);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    seen.forget('a');
    expect(seen.firstTime('a')).toBe(true);
    clock.advance(1001);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime(undefined)).toBe(true);
  });

  it('stays bounded', () => {
    const seen = new SeenEvents(new FixedClock(NOW), 60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) seen.firstTime(id);
    expect(seen.firstTime('a')).toBe(true); // the oldest was dropped
    expect(seen.firstTime('d')).toBe(false);
  });
});

describe('speakingTimeMs', () => {
  it.each([
    ['Goodbye.', 4000],
    ['You have been opted out and will not receive further calls from Acme Insurance LLC. Goodbye.', 8400],
    [Array(200).fill('word').join(' '), 20_000],
  ])('speakingTimeMs(%s) = %i', (words, ms) => {
    expect(speakingTimeMs(words)).toBe(ms);
  });
});
