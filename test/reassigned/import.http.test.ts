/** Importing Reassigned Numbers Database results over real HTTP (POST /v1/reassigned/import, text/csv, admin). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_CONSENT, startReassignedGateway } from './support';

describe('POST /v1/reassigned/import', () => {
  let t: Awaited<ReturnType<typeof startReassignedGateway>>;
  beforeAll(async () => {
    t = await startReassignedGateway(null);
  });
  afterAll(async () => {
    await t?.gw.close();
  });

  const file = 'phone,date,result\n2125550501,2026-10-01,yes\n+12125550502,2026-10-01,NO\n2125550503,2026-09-15,No Data\n\n';

  it('imports a results file, and importing it again changes nothing', async () => {
    const first = await t.importResults(file);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ added: 3, changed: 0, unchanged: 0, lines: 5, rows: 3 });
    const again = await t.importResults(file);
    expect(await again.json()).toEqual({ added: 0, changed: 0, unchanged: 3, lines: 5, rows: 3 });
    const changed = await t.importResults('2125550503,2026-09-15,yes\n');
    expect(await changed.json()).toEqual({ added: 0, changed: 1, unchanged: 0, lines: 1, rows: 1 });
  });

  it.each([
    ['2125550510,2026-10-01,maybe\n', /^line 1: result: must be yes, no or no_data/],
    ['phone,date,result\n2125550510,2026-10-01,yes\n2125550511,2026-10-01,reassigned\n', /^line 3: result/],
    ['2125550510,2026-02-30,yes\n', /^line 1: date: must be YYYY-MM-DD/],
    ['2125550510,10/01/2026,yes\n', /^line 1: date: must be YYYY-MM-DD/],
    ['2125550510,2026-12-06,no\n', /^line 1: date: 2026-12-06 is in the future/],
    ['1125550510,2026-10-01,yes\n', /^line 1: phone: not a US number/],
    ['2125550510,2026-10-01\n', /^line 1: expected phone,date,result \(3 fields\), found 2/],
    ['', /empty/],
    ['phone,date,result\n\n', /empty/],
  ])('%j is refused with 400 naming the body and the line', async (body, message) => {
    const res = await t.importResults(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; details: Record<string, string> } };
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.details.body).toMatch(message);
  });

  it('a file refused at a bad line keeps nothing of the lines before it', async () => {
    expect((await t.importResults('2125550520,2026-10-01,yes\n2125550521,2026-10-01,perhaps\n')).status).toBe(400);
    await t.consent('+12125550520', OLD_CONSENT);
    // Not blocked: the yes before the bad line was not kept, and no source covers the number.
    expect(await t.precall('+12125550520')).toMatchObject({ allowed: true, compliance_notes: [expect.stringMatching(/^No reassigned-number check ran/)] });
  });

  it('a body that is not text/csv is refused, and so is an import without the admin scope', async () => {
    const plain = await t.importResults('2125550530,2026-10-01,yes\n', { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: { details: { body: string } } }).error.details.body).toMatch(/text\/csv/);
    const key = await fetch(`${t.gw.url}/v1/keys`, {
      method: 'POST',
      headers: { ...t.gw.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scopes: ['precall', 'consent:write'] }),
    });
    const narrow = ((await key.json()) as { api_key: string }).api_key;
    expect((await t.importResults('2125550530,2026-10-01,yes\n', { Authorization: `Bearer ${narrow}` })).status).toBe(403);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.gw.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/v1/reassigned/import']?.post).toBeDefined();
  });
});
