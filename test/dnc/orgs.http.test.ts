/**
 * Do-not-call lists are each org's own, over real HTTP against one real gateway holding two
 * orgs: the default org (A, the bootstrap admin key) and org B, whose admin key the CLI makes
 * on the same data directory. Another org's lists must neither block A's calls nor lift
 * the protection of A's own copy, nor show in A's listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../support/gateway';
import { prepareOrg } from '../support/orgs';
import { cli } from '../cli/runCli';

const ENTITY = 'Acme Insurance LLC';
// 10:00 in New York: inside every calling window.
const NOW = '2026-12-05T15:00:00Z';

describe('do-not-call lists kept apart per org', () => {
  let gw: TestGateway;
  let orgB: { Authorization: string };
  const orgA = () => gw.auth;

  const post = (auth: { Authorization: string }, path: string, body: string, contentType: string) =>
    fetch(`${gw.url}${path}`, { method: 'POST', headers: { ...auth, 'Content-Type': contentType }, body });
  const importList = async (auth: { Authorization: string }, list: string, text: string, asOf = '2026-12-01') => {
    const res = await post(auth, `/v1/dnc/${list}/import?as_of=${asOf}&mode=full`, text, 'text/plain');
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const lists = async (auth: { Authorization: string }) =>
    ((await (await fetch(`${gw.url}/v1/dnc`, { headers: auth })).json()) as { data: { list: string; entries: number }[] }).data;
  const consent = async (auth: { Authorization: string }, phone: string) => {
    const res = await post(
      auth,
      '/v1/consents',
      JSON.stringify({
        phone,
        calling_entity: ENTITY,
        type: 'prior_express',
        scope: ['human_voice', 'telemarketing', 'informational'],
        ai_specific_consent: false,
        // Within REASSIGNED_CHECK_AFTER_DAYS of NOW: these answers carry no reassigned-number note.
        captured_at: '2026-11-20T12:00:00Z',
        evidence: { url: 'https://acme.example/form', source: 'web_form' },
      }),
      'application/json',
    );
    expect(res.status).toBe(201);
  };
  const precall = async (auth: { Authorization: string }, phone: string, purpose = 'telemarketing') =>
    (await (
      await post(auth, '/v1/precall', JSON.stringify({ phone, calling_entity: ENTITY, purpose, call_type: 'human_voice' }), 'application/json')
    ).json()) as Record<string, unknown>;

  beforeAll(async () => {
    const b = await prepareOrg('Org B');
    const key = await cli(['--data-dir', b.dataDir, 'keys', 'create', '--org', b.orgId, '--scopes', 'admin', '--json'], { CONSENT_GATE_API_KEY: ADMIN_KEY });
    expect(key.code).toBe(0);
    orgB = { Authorization: `Bearer ${(JSON.parse(key.out) as { api_key: string }).api_key}` };
    gw = await startTestGateway({ DATA_DIR: b.dataDir }, { clock: new FixedClock(new Date(NOW)) });
    // Org A's own national copy of area code 212.
    await importList(orgA(), 'national', '2125550101\n2125550102\n');
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("another org's full national copy of an area code leaves A's copy of it blocking", async () => {
    // B's "full" list for 212 holds one other number: on a shared list it would replace A's copy of 212.
    expect(await importList(orgB, 'national', '2125550199\n')).toMatchObject({ added: 1, removed: 0, area_codes: ['212'] });
    await consent(orgA(), '+12125550101');
    expect(await precall(orgA(), '+12125550101')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'national' });
    // And B's copy blocks B's calls only.
    await consent(orgA(), '+12125550199');
    expect(await precall(orgA(), '+12125550199')).toMatchObject({ allowed: true });
    await consent(orgB, '+12125550199');
    expect(await precall(orgB, '+12125550199')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'national' });
  });

  it("another org's internal list does not block A's calls", async () => {
    await importList(orgB, 'internal', '2125550130\n');
    await consent(orgA(), '+12125550130');
    expect(await precall(orgA(), '+12125550130', 'informational')).toMatchObject({ allowed: true });
    await consent(orgB, '+12125550130');
    expect(await precall(orgB, '+12125550130', 'informational')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'internal' });
  });

  it("another org's stale registry copy does not block A's calls in its area codes", async () => {
    // Five weeks old: under DNC_STALE_POLICY=block it blocks the covered contacts of its own org in 512.
    await importList(orgB, 'state:TX', '5125550199\n', '2026-10-30');
    await consent(orgA(), '+15125550100');
    expect(await precall(orgA(), '+15125550100')).toMatchObject({ allowed: true, compliance_notes: [] });
    await consent(orgB, '+15125550100');
    expect(await precall(orgB, '+15125550100')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'state:TX', stale: true });
  });

  it('GET /v1/dnc lists the caller org its own lists only', async () => {
    await importList(orgB, 'internal', '2125550131\n2125550132\n2125550133\n');
    expect(await lists(orgA())).toEqual([
      { list: 'national', as_of: '2026-12-01', entries: 2, area_codes: ['212'], age_days: expect.any(Number), stale: expect.any(Boolean) },
    ]);
    expect((await lists(orgB)).map((l) => [l.list, l.entries])).toEqual([
      ['internal', 3],
      ['national', 1],
      ['state:TX', 1],
    ]);
  });
});
