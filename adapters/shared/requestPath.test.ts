import { describe, expect, it } from 'vitest';
import { targetUrl, upstreamUrl } from './forward';
import { encodePath, looselyUnder, readRequestTarget } from './requestPath';

const A = '/2010-04-01/Accounts/AC123';

describe('readRequestTarget: what is refused', () => {
  it.each([
    ['absolute-form', `http://127.0.0.1:9/${A}/Calls.json`],
    ['asterisk-form', '*'],
    ['empty', ''],
    ['no leading slash', 'v2/calls'],
    ['leading //', `//2010-04-01%2F@127.0.0.1:9/latest/meta-data`],
    ['empty segment', `${A}//Calls.json`],
    ['two trailing slashes', '/v2/calls//'],
    ['backslash', '/\\127.0.0.1:9/x'],
    ['backslash inside', '/v2/calls\\x'],
    ['@', '/v2/@127.0.0.1/x'],
    ['#', '/v2/calls#x'],
    [';', `${A}/Calls.json;x=1`],
    ['%3B', `${A}/Calls.json%3Bx=1`],
    ['..', `${A}/x/../Calls.json`],
    ['.', `${A}/Calls/.`],
    ['. inside', `${A}/./Calls.json`],
    ['%2e%2e', `/2010-04-01/Accounts/x/%2e%2e/AC123/Calls.json`],
    ['%2E%2E', '/v2/x/%2E%2E/messages'],
    ['mixed .%2E', '/v2/x/.%2E/messages'],
    ['%2e', '/v2/calls/%2e'],
    ['trailing dot', `${A}/Calls.json.`],
    ['trailing %2E', `${A}/Calls%2E`],
    ['%2f', `${A}%2FCalls.json`],
    ['%2F', '//v2%2F@127.0.0.1:9/internal/admin'],
    ['%5c', '/v2/calls%5cx'],
    ['%5C', '/v2/calls%5Cx'],
    ['%40', '/v2/x%40y'],
    ['%25', '/v2/%252e%252e/calls'],
    ['%00', `${A}/Calls.json%00`],
    ['%1f', '/v2/calls%1f'],
    ['%7f', '/v2/calls%7F'],
    ['%20', '/v2/calls%20'],
    ['%09', '/v2/calls%09'],
    ['raw space', '/v2/ca lls'],
    ['raw DEL', '/v2/calls\x7f'],
    ['raw non-ASCII', '/v2/cällš'],
    ['lone %', '/v2/calls%'],
    ['% and one digit', '/v2/calls%4'],
    ['% and non-hex', `${A}/Calls%ZZ.json`],
    ['not UTF-8', `${A}/Calls%E0.json`],
    ['truncated UTF-8', '/v2/%E0%A4%A'],
    ['encoded non-ASCII', '/v2/caf%C3%A9'],
    ['encoded fullwidth c', '/v2/%EF%BD%83alls'],
    ['%3F', `${A}/Calls.json%3Fx`],
    ['%23', `${A}/Calls.json%23x`],
  ])('%s: %s', (_, target) => {
    expect(readRequestTarget(target).ok).toBe(false);
  });
});

describe('readRequestTarget: what is accepted, and as what', () => {
  it.each([
    [`${A}/Calls.json`, `${A}/Calls.json`, ''],
    [`${A}/calls.json/`, `${A}/calls.json/`, ''],
    [`${A}/Calls.xml`, `${A}/Calls.xml`, ''],
    [`${A}/%43alls.json/`, `${A}/Calls.json/`, ''],
    [`${A}/Calls%2Ejson`, `${A}/Calls.json`, ''],
    [`${A}/Calls.json?PageSize=5&To=%2B1212`, `${A}/Calls.json`, 'PageSize=5&To=%2B1212'],
    ['/v2/%63alls', '/v2/calls', ''],
    ['/v2/balance?', '/v2/balance', ''],
    ['/v2/calls/v3:abc%3Adef/actions/speak', '/v2/calls/v3:abc:def/actions/speak', ''],
    ['/v2/phone_numbers/%2B15551234567', '/v2/phone_numbers/+15551234567', ''],
    ['/v2/x/.well', '/v2/x/.well', ''],
    ['/', '/', ''],
    // The query is the client's business and the carrier's: passed on as sent (no path rules).
    ['/v2/balance?a=/../@%2f', '/v2/balance', 'a=/../@%2f'],
  ])('%s → %s ? %s', (target, path, query) => {
    expect(readRequestTarget(target)).toEqual({ ok: true, path, query });
  });
});

describe('forwarding an accepted target', () => {
  it('sets the path on the base, keeps its prefix and origin, and re-encodes what needs it', () => {
    expect(upstreamUrl('http://127.0.0.1:9/prefix/', '/2010-04-01/x?y=1').href).toBe('http://127.0.0.1:9/prefix/2010-04-01/x?y=1');
    expect(targetUrl('https://api.telnyx.com', { path: '/v2/café/a b?#', query: '' }).href).toBe('https://api.telnyx.com/v2/caf%C3%A9/a%20b%3F%23');
    expect(encodePath('/v2/calls/v3:abc/+1,a=b&c$')).toBe('/v2/calls/v3:abc/+1,a=b&c$');
  });

  it('a path that would leave the base is never built', () => {
    // The gateway's own requests go through the same policy.
    expect(() => upstreamUrl('https://api.twilio.com', '//evil.example/x')).toThrow();
    expect(() => upstreamUrl('https://api.twilio.com', '/v2/calls/../x')).toThrow();
    // And a path the policy would have refused, handed over directly, is caught by the result check.
    expect(() => targetUrl('https://api.twilio.com', { path: '/a/../b', query: '' })).toThrow();
  });
});

describe('looselyUnder: which carrier lane answers', () => {
  it.each([
    ['/v2/calls', '/v2/', true],
    ['//v2%2F@127.0.0.1:9/internal', '/v2/', true],
    ['/x/../v2/calls', '/v2/', true],
    ['/V2/Calls', '/v2/', true],
    ['http://127.0.0.1:9/v2/balance', '/v2/', true],
    ['/\\2010-04-01/x', '/2010-04-01/', true],
    ['/%32010-04-01/x', '/2010-04-01/', true],
    ['/v2/calls/..', '/v2/', true],
    ['/v2/.', '/v2/', true],
    ['/v2', '/v2/', false],
    ['/v1/precall', '/v2/', false],
    ['*', '/v2/', false],
  ])('%s under %s: %s', (target, prefix, under) => {
    expect(looselyUnder(target, prefix)).toBe(under);
  });
});
