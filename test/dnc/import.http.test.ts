/**
 * Do-not-call list import and listing over real HTTP, against a real gateway on a real
 * SQLite data directory (the lists as files beside the ledger).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway, type TestGateway } from '../support/gateway';

const FIXTURES = join(__dirname, '../fixtures/dnc');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('do-not-call lists over HTTP', () => {
  let gw: TestGateway;
  const clock = new FixedClock(new Date('2026-12-05T15:00:00Z'));
  beforeAll(async () => {
    // The limit a buffered import body is read under, far below the list sent in the last case.
    gw = await startTestGateway({ IMPORT_BODY_LIMIT_BYTES: 64 * 1024 }, { clock });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const importList = (list: string, query: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${gw.url}/v1/dnc/${encodeURIComponent(list)}/import?${query}`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'text/plain', ...headers },
      body,
    });
  const lists = async () => (await (await fetch(`${gw.url}/v1/dnc`, { headers: gw.auth })).json()) as { data: unknown[] };

  it('imports the FTC flat file in full, then a change file, and lists the result', async () => {
    const res = await importList('national', 'as_of=2026-12-01&mode=full', fixture('ftc-full-flat.txt'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ list: 'national', as_of: '2026-12-01', mode: 'full', added: 4, removed: 0, area_codes: ['212', '305'], lines: 4 });
    const changes = await importList('national', 'as_of=2026-12-02&mode=changes', fixture('changes.txt'));
    expect(changes.status).toBe(200);
    expect(await changes.json()).toMatchObject({ mode: 'changes', added: 2, removed: 2, area_codes: ['212', '305'], lines: 4 });
    expect(await lists()).toEqual({
      data: [{ list: 'national', as_of: '2026-12-02', entries: 4, area_codes: ['212', '305'], age_days: expect.any(Number), stale: expect.any(Boolean) }],
    });
  });

  it('imports a plain list into a state list, and re-importing it changes nothing', async () => {
    const first = await (await importList('state:TX', 'as_of=2026-12-03', fixture('plain.txt'))).json();
    expect(first).toMatchObject({ list: 'state:TX', mode: 'full', added: 4, removed: 0 });
    const again = await (await importList('state:TX', 'as_of=2026-12-03', fixture('plain.txt'))).json();
    expect(again).toMatchObject({ added: 0, removed: 0, lines: 4 });
  });

  it.each([
    ['state:CA', 'as_of=2026-12-01', '2125550143\n', 'list', /unknown list/],
    ['nationwide', 'as_of=2026-12-01', '2125550143\n', 'list', /unknown list/],
    ['national', 'as_of=2026-12-06', '2125550143\n', 'as_of', /in the future/],
    ['national', 'as_of=2026-02-30', '2125550143\n', 'as_of', /YYYY-MM-DD/],
    ['national', 'as_of=yesterday', '2125550143\n', 'as_of', /YYYY-MM-DD/],
    ['national', '', '2125550143\n', 'as_of', /YYYY-MM-DD/],
    ['national', 'as_of=2026-12-01&mode=sometimes', '2125550143\n', 'mode', /full or changes/],
    ['national', 'as_of=2026-12-01', '', 'body', /empty/],
    ['national', 'as_of=2026-12-01', '\n\n', 'body', /empty/],
    ['national', 'as_of=2026-12-01', '2125550143\n2125550144\nPhone Number\n', 'body', /^line 3: /],
    ['internal', 'as_of=2026-12-01&mode=changes', '2125550143,A\n', 'mode', /never imported in full/],
  ])('%s ?%s is refused with 400 naming %s', async (list, query, body, field, message) => {
    const res = await importList(list, query, body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; details: Record<string, string> } };
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.details[field]).toMatch(message);
  });

  it('a file refused at a bad line keeps nothing of the lines before it', async () => {
    const res = await importList('state:FL', 'as_of=2026-12-01', '2125550143\nnot a number\n');
    expect(res.status).toBe(400);
    expect(((await lists()).data as { list: string }[]).map((l) => l.list)).not.toContain('state:FL');
  });

  it('a body that is not text/plain is refused, and so is an import without the admin scope', async () => {
    const csv = await importList('national', 'as_of=2026-12-01', '2125550143\n', { 'Content-Type': 'text/csv' });
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as { error: { details: { body: string } } }).error.details.body).toMatch(/text\/plain/);
    const key = await fetch(`${gw.url}/v1/keys`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scopes: ['precall', 'consent:write'] }),
    });
    const narrow = ((await key.json()) as { api_key: string }).api_key;
    const forbidden = await importList('national', 'as_of=2026-12-01', '2125550143\n', { Authorization: `Bearer ${narrow}` });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${gw.url}/v1/dnc`, { headers: { Authorization: `Bearer ${narrow}` } })).status).toBe(403);
  });

  it('a list larger than the import body limit is read as it arrives, not buffered whole', async () => {
    // Two hundred thousand numbers over four area codes (2.2 MB), sent in chunks as they are made.
    async function* lines() {
      for (let ac = 0; ac < 4; ac++) {
        let chunk = '';
        for (let i = 0; i < 50_000; i++) chunk += `${201 + ac}${2_000_000 + i * 7}\n`;
        yield Buffer.from(chunk);
      }
    }
    const res = await fetch(`${gw.url}/v1/dnc/internal/import?as_of=2026-12-04`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'text/plain' },
      body: ReadableStreamFrom(lines()),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ added: 200_000, area_codes: ['201', '202', '203', '204'], lines: 200_000 });
  });
});

function ReadableStreamFrom(it: AsyncIterable<Buffer>): ReadableStream<Uint8Array> {
  const iterator = it[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value));
    },
  });
}
