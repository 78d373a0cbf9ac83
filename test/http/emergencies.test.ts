/**
 * States of emergency over real HTTP: the operator (an `admin` key) declares and ends them per
 * org, any key of the org lists them, other orgs neither see nor end them, and bad input is a
 * 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { FixedClock } from '../../src/gate/clock';
import { generateKeySecret, hashApiKey } from '../../src/gate/tenants';
import { startTestGateway, type TestGateway } from '../support/gateway';

const clock = new FixedClock(new Date('2026-08-28T15:00:00.000Z'));
let gw: TestGateway;
/** The default org's first key from POST /v1/orgs would be another org; this is a key of the admin's own org without `admin`. */
let plainKey: string;
/** An operator of another org. */
let otherAdmin: string;

const send = async (method: string, path: string, key: string, body?: unknown) => {
  const res = await fetch(`${gw.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the route answered
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

const storm = { jurisdiction: 'US-LA', from: '2026-08-28T00:00:00Z', to: '2026-09-04T00:00:00-05:00', note: 'Hurricane Ida (declared by the governor)' };

beforeAll(async () => {
  gw = await startTestGateway({}, { clock });
  const narrow = await send('POST', '/v1/keys', gw.adminKey, { scopes: ['precall', 'presend', 'consent:read'] });
  plainKey = narrow.body.api_key;
  const org = await send('POST', '/v1/orgs', gw.adminKey, { name: 'Other Seller' });
  otherAdmin = generateKeySecret();
  // POST /v1/keys gives no key more than its own scopes, so the other org's operator key is made where keys are kept.
  await gw.ctx.ledger.createApiKey({
    id: newId('key'),
    org_id: org.body.org_id,
    hash: hashApiKey(otherAdmin),
    prefix: otherAdmin.slice(0, 12),
    scopes: ['admin'],
    ip_allowlist: [],
    rate_limit_per_minute: null,
    created_at: clock.now().toISOString(),
    revoked_at: null,
  });
});

afterAll(async () => {
  await gw?.close();
});

describe('POST /v1/rules/emergencies, GET, DELETE', () => {
  it('an admin declares one (201, the record), it is listed to any key of the org, and ended it stays listed with ended_at', async () => {
    const declared = await send('POST', '/v1/rules/emergencies', gw.adminKey, storm);
    expect(declared.status).toBe(201);
    expect(declared.body).toEqual({
      id: expect.stringMatching(/^emg_[0-9A-Za-z]+$/),
      jurisdiction: 'US-LA',
      from: '2026-08-28T00:00:00.000Z',
      to: '2026-09-04T05:00:00.000Z',
      note: storm.note,
      created_at: '2026-08-28T15:00:00.000Z',
      ended_at: null,
    });
    const listed = await send('GET', '/v1/rules/emergencies', plainKey);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toContainEqual(declared.body);

    const ended = await send('DELETE', `/v1/rules/emergencies/${declared.body.id}`, gw.adminKey);
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ ...declared.body, ended_at: '2026-08-28T15:00:00.000Z' });
    expect((await send('GET', '/v1/rules/emergencies', plainKey)).body.data).toContainEqual(ended.body);
  });

  it('without the admin scope, declaring and ending are 403 and change nothing', async () => {
    const before = (await send('GET', '/v1/rules/emergencies', plainKey)).body.data;
    const denied = await send('POST', '/v1/rules/emergencies', plainKey, storm);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const declared = await send('POST', '/v1/rules/emergencies', gw.adminKey, storm);
    expect((await send('DELETE', `/v1/rules/emergencies/${declared.body.id}`, plainKey)).status).toBe(403);
    const after = (await send('GET', '/v1/rules/emergencies', plainKey)).body.data;
    expect(after).toEqual([...before, declared.body]);
  });

  it("another org's operator neither sees nor ends them: 404, as for an id that does not exist", async () => {
    const declared = await send('POST', '/v1/rules/emergencies', gw.adminKey, storm);
    const theirs = await send('GET', '/v1/rules/emergencies', otherAdmin);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    const res = await send('DELETE', `/v1/rules/emergencies/${declared.body.id}`, otherAdmin);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await send('DELETE', '/v1/rules/emergencies/emg_doesnotexist', gw.adminKey)).status).toBe(404);
    const mine = (await send('GET', '/v1/rules/emergencies', gw.adminKey)).body.data;
    expect(mine.find((e: { id: string }) => e.id === declared.body.id).ended_at).toBeNull();
  });

  it.each([
    ['to', { ...storm, to: '2026-08-27T00:00:00Z' }],
    ['to', { ...storm, to: storm.from }],
    ['jurisdiction', { ...storm, jurisdiction: 'US-XX' }],
    ['jurisdiction', { ...storm, jurisdiction: 'LA' }],
    ['jurisdiction', { ...storm, jurisdiction: 'CA-ON' }],
    ['from', { ...storm, from: '2026-02-30T00:00:00Z' }],
    ['from', { ...storm, from: 'tomorrow' }],
    ['to', { jurisdiction: 'US-LA', from: storm.from }],
    ['note', { ...storm, note: 42 }],
  ])('400 VALIDATION_FAILED naming %s', async (field, body) => {
    const res = await send('POST', '/v1/rules/emergencies', gw.adminKey, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details)).toContain(field);
  });

  it('are in /openapi.json, with the declaration schema', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the route answered
    const doc = (await (await fetch(`${gw.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, any>> };
    expect(Object.keys(doc.paths['/v1/rules/emergencies']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/rules/emergencies/{id}'])).toEqual(['delete']);
    const schema = doc.paths['/v1/rules/emergencies'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['jurisdiction', 'from', 'to']));
  });

  it('an unknown field is a 400 naming it', async () => {
    const res = await send('POST', '/v1/rules/emergencies', gw.adminKey, { ...storm, colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.error.details._).toMatch(/colour/);
  });
});
