/**
 * The CSV import, pinned row by row: which rows are accepted, the exact
 * reason and line of every rejection, duplicates within and across runs, and
 * the audit chain of every subject afterwards — for every batch size, so a
 * faster import can be checked against the same answers.
 */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importConsents, type ImportOptions } from './importConsents';
import { FixedClock } from './clock';
import { defaultPolicy } from './policy';
import type { GateContext } from './context';
import { SqliteLedger } from '../ledger/sqlite/sqliteLedger';
import { verifyChain } from '../ledger/auditChain';

const HEADER = 'phone,calling_entity,type,scope,ai_specific_consent,captured_at,expires_at,double_opt_in,evidence_url,evidence_source';
const OK = 'Acme Insurance LLC,prior_express_written,ai_voice|telemarketing,true,2026-03-15T14:23:11Z';

/** Line numbers are the file's: the header is line 1; the quoted newline in the third row makes it lines 4–5. */
const CSV = [
  HEADER, //                                                                               1
  `+12125550101,${OK},,,https://acme.example/f?ref=1,web_form`, //                            2  ok
  `(212) 555-0102,${OK},,false,,`, //                                                        3  ok (punctuated)
  `"+12125550103","Acme Insurance LLC","prior_express_written","sms|marketing",yes,2026-03-15T14:23:11Z,,,"https://acme.example/f?a=1,b=2","web
form"`, //                                                                                 4–5 ok, quoted comma and newline
  `not-a-phone,${OK},,,,`, //                                                                6  bad phone
  `+12125550106,Acme Insurance LLC,verbal,sms,false,2026-03-15T14:23:11Z,,,,`, //            7  bad type
  `+12125550107,Acme Insurance LLC,prior_express,,false,2026-03-15T14:23:11Z,,,,`, //        8  missing scope
  `+12125550108,Acme Insurance LLC,prior_express,sms|fax,false,2026-03-15T14:23:11Z,,,,`, // 9  unknown scope value
  `+12125550109,Acme Insurance LLC,prior_express,sms,maybe,2026-03-15T14:23:11Z,,,,`, //     10 bad boolean
  `+12125550110,Acme Insurance LLC,prior_express,sms,false,2026-02-30T10:00:00Z,,,,`, //     11 impossible date
  `+12125550111,Acme Insurance LLC,prior_express,sms,false,2026-03-15 10:00,,,,`, //         12 no time zone
  `+12125550112,${OK},2026-03-01T00:00:00Z,,,`, //                                           13 expires before captured
  `+12125550113,,prior_express,sms,false,2026-03-15T14:23:11Z,,,,`, //                       14 empty entity
  `,${OK},,,,`, //                                                                           15 empty phone
  ``, //                                                                                     16 blank, skipped
  `   +12125550117  ,  Acme Insurance LLC ,prior_express,SMS ,1,2026-03-15T14:23:11+02:00`, // 17 short row, trimmed; SMS is not a scope value
  `+12125550118,${OK},2027-03-15T14:23:11Z,TRUE,https://acme.example/f?ref=18,web_form,extra`, // 18 ok, extra column ignored, pending
  `+12125550101,${OK},,,https://acme.example/f?ref=1,web_form`, //                           19 duplicate of line 2
  `+12125550119,${OK},,,,not a url?`, //                                                     20 ok (source only)
  `+12125550120,Acme Insurance LLC,prior_express,sms|sms|informational,0,2026-03-15T14:23:11.999Z,,no,notaurl,`, // 21 bad evidence url
  `+1 212 555 0121,Bright Solar Inc.,prior_express,informational|sms,no,2026-03-15T14:23:11.250Z,,,,`, // 22 ok, ms dropped
  `+12125550121,Bright Solar Inc.,prior_express,sms|informational,false,2026-03-15T14:23:11Z,,,,`, //    23 duplicate of 22 (scope order, ms)
  `+44 20 7946 0958,Acme Insurance LLC,prior_express,sms,false,2026-03-15T14:23:11Z,,,,`, //  24 ok, UK
  `+1212555012,${OK},,,,`, //                                                                25 too short
  `+12125550101,Acme Insurance LLC,prior_express,sms,false,2026-03-15T14:23:11Z,,,,`, //   26 ok, a second consent for line 2's phone
].join('\r\n');

const SCOPES =
  'ai_voice, human_voice, automated_voice, telemarketing, transactional, informational, survey, debt_collection, appointment_reminder, sms, marketing, mixed';
const REJECTIONS = [
  { line: 6, reason: 'phone must be E.164 or 10-11 digits' },
  { line: 7, reason: 'type must be one of: prior_express_written, prior_express, established_business_relationship' },
  { line: 8, reason: 'scope is required' },
  { line: 9, reason: `scope.1 must be one of: ${SCOPES}` },
  { line: 10, reason: 'ai_specific_consent must be boolean' },
  { line: 11, reason: 'captured_at is not a real date' },
  { line: 12, reason: 'captured_at must be an ISO 8601 date-time with a time zone' },
  { line: 13, reason: 'expires_at must be after captured_at' },
  { line: 14, reason: 'calling_entity must not be empty' },
  { line: 15, reason: 'phone must be E.164 or 10-11 digits' },
  { line: 17, reason: `scope.0 must be one of: ${SCOPES}` },
  { line: 21, reason: 'evidence.url Invalid URL' },
  { line: 25, reason: 'phone must be E.164 or 10-11 digits' },
];

/** What was stored, one line per consent (phone entity type scope ai captured expires status double_opt_in evidence). */
const STORED = [
  '+12125550101 Acme Insurance LLC prior_express_written ai_voice|telemarketing true 2026-03-15T14:23:11Z - active false {"url":"https://acme.example/f?ref=1","source":"web_form"}',
  '+12125550102 Acme Insurance LLC prior_express_written ai_voice|telemarketing true 2026-03-15T14:23:11Z - active false {}',
  '+12125550103 Acme Insurance LLC prior_express_written marketing|sms true 2026-03-15T14:23:11Z - active false {"url":"https://acme.example/f?a=1,b=2","source":"web\\nform"}',
  '+12125550118 Acme Insurance LLC prior_express_written ai_voice|telemarketing true 2026-03-15T14:23:11Z 2027-03-15T14:23:11Z pending true {"url":"https://acme.example/f?ref=18","source":"web_form"}',
  '+12125550119 Acme Insurance LLC prior_express_written ai_voice|telemarketing true 2026-03-15T14:23:11Z - active false {"source":"not a url?"}',
  '+12125550121 Bright Solar Inc. prior_express informational|sms false 2026-03-15T14:23:11Z - active false {}',
  '+442079460958 Acme Insurance LLC prior_express sms false 2026-03-15T14:23:11Z - active false {}',
  '+12125550101 Acme Insurance LLC prior_express sms false 2026-03-15T14:23:11Z - active false {}',
];

const NOW = new Date('2026-04-10T15:43:10Z');
let ledger: SqliteLedger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

function context(): GateContext {
  ledger = new SqliteLedger({ file: ':memory:' });
  return { ledger, clock: new FixedClock(NOW), policy: defaultPolicy(), observer: {} };
}

/**
 * In this thread, in one worker thread, and dealt out to three in segments of a few rows (so that
 * quoted line breaks, CRLF pairs and rows fall on every side of a cut); as one chunk (the API), and in
 * small chunks (a file read piece by piece).
 */
const MODES = [
  { worker: false, chunk: Infinity, parsers: 1, segmentBytes: undefined },
  { worker: false, chunk: 7, parsers: 1, segmentBytes: undefined },
  { worker: true, chunk: Infinity, parsers: 1, segmentBytes: undefined },
  { worker: true, chunk: 7, parsers: 1, segmentBytes: undefined },
  { worker: true, chunk: Infinity, parsers: 3, segmentBytes: 150 },
  { worker: true, chunk: 7, parsers: 3, segmentBytes: 40 },
];
let mode = MODES[0];

function chunks(csv: string, size: number): Buffer[] {
  const bytes = Buffer.from(csv);
  if (size === Infinity) return [bytes];
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

const run = (ctx: GateContext, csv: string, options: Partial<ImportOptions> = {}) =>
  importConsents(ctx, Readable.from(chunks(csv, mode.chunk)), {
    orgId: 'org_a',
    worker: mode.worker,
    parsers: mode.parsers,
    segmentBytes: mode.segmentBytes,
    ...options,
  });

async function stored(ctx: GateContext): Promise<string[]> {
  const page = await ctx.ledger.listConsents('org_a', { limit: 500 });
  return page.items.map((c) =>
    [
      c.phone,
      c.calling_entity,
      c.type,
      c.scope.join('|'),
      c.ai_specific_consent,
      c.captured_at,
      c.expires_at ?? '-',
      c.status,
      c.double_opt_in,
      JSON.stringify(c.evidence),
    ].join(' '),
  );
}

/** Every subject's chain verifies, its head is its newest entry, and it holds one entry per consent of that phone. */
async function expectChainsVerify(ctx: GateContext) {
  const consents = (await ctx.ledger.listConsents('org_a', { limit: 500 })).items;
  const subjects = (await ctx.ledger.auditSubjects({ limit: 500 })).items;
  expect(subjects.map((s) => s.phone).sort()).toEqual([...new Set(consents.map((c) => c.phone))].sort());
  for (const s of subjects) {
    const trail = await ctx.ledger.auditTrail(s.org_id, s.phone);
    const verdict = verifyChain(trail);
    expect(verdict).toMatchObject({ ok: true, head: s.head });
    expect(trail.map((e) => e.ref_id)).toEqual(consents.filter((c) => c.phone === s.phone).map((c) => c.id));
  }
}

describe.each(MODES)('importConsents (worker: $worker, $parsers parsers, segments of $segmentBytes bytes, chunks of $chunk bytes)', (m) => {
  beforeEach(() => {
    mode = m;
  });

  it.each([1, 2, 3, 1000])('accepts and rejects row by row, with line numbers (batch size %i)', async (batchSize) => {
    const ctx = context();
    const progress: number[] = [];
    const result = await run(ctx, CSV, { batchSize, onProgress: (p) => progress.push(p.imported + p.duplicates) });
    expect(result).toEqual({ rows: 23, imported: 8, duplicates: 2, rejected: 13, rejections: REJECTIONS, stopped_early: false });
    expect(progress.at(-1)).toBe(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await stored(ctx)).toEqual(STORED);
    // Consents on disk were deduplicated by this key: it must not change, or a re-import would create them twice.
    const [first] = (await ctx.ledger.listConsents('org_a', { limit: 1 })).items;
    expect(first.dedupe_key).toBe('9fab9689bf1cd8ca2a249de8e0d70e89abdefc65f3b69642da7186384e35ed9a');
    await expectChainsVerify(ctx);
  });

  it('imports a file with LF line ends as the same file with CRLF (plain segments are read without csv-parse)', async () => {
    const crlf = context();
    const lf = context();
    const expected = await run(crlf, CSV);
    expect(await run(lf, CSV.split('\r\n').join('\n'))).toEqual(expected);
    expect(await stored(lf)).toEqual(await stored(crlf));
    await expectChainsVerify(lf);
  });

  it('a re-run creates nothing and rejects the same rows', async () => {
    const ctx = context();
    await run(ctx, CSV);
    const again = await run(ctx, CSV, { batchSize: 4 });
    expect(again).toEqual({ rows: 23, imported: 0, duplicates: 10, rejected: 13, rejections: REJECTIONS, stopped_early: false });
    expect(await stored(ctx)).toEqual(STORED);
    await expectChainsVerify(ctx);
  });

  it('stops at the first bad row with onError stop, keeping the rows before it', async () => {
    const ctx = context();
    const result = await run(ctx, CSV, { onError: 'stop' });
    expect(result).toEqual({ rows: 4, imported: 3, duplicates: 0, rejected: 1, rejections: [REJECTIONS[0]], stopped_early: true });
    expect(await stored(ctx)).toEqual(STORED.slice(0, 3));
  });

  it('reads a BOM, mapped column names, and keeps at most maxReportedRejections reasons', async () => {
    const ctx = context();
    const csv =
      '\uFEFFPhone , Company,type,scope,ai_specific_consent,captured_at\n' +
      CSV.split('\r\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 6).join(','))
        .join('\n');
    const result = await run(ctx, csv, { columnMap: { Phone: 'phone', Company: 'calling_entity' }, maxReportedRejections: 2 });
    // Row 4's quoted newline went with the columns cut off, so these lines are one earlier.
    expect(result.rejections).toEqual(REJECTIONS.slice(0, 2).map((r) => ({ ...r, line: r.line - 1 })));
    expect(result.rejected).toBeGreaterThan(2);
    expect((await stored(ctx))[0]).toMatch(/^\+12125550101 Acme Insurance LLC prior_express_written ai_voice\|telemarketing true/);
  });

  it('reports an unreadable CSV (an unclosed quote) with its line, and imports nothing after it', async () => {
    const ctx = context();
    const csv = [
      HEADER,
      `+12125550101,${OK},,,,`,
      `+12125550102,${OK},,,,`,
      `+12125550103,"Acme Insurance LLC,prior_express,sms,false,2026-03-15T14:23:11Z`,
      `+12125550104,${OK},,,,`,
    ].join('\n');
    const result = await run(ctx, csv, { batchSize: 1 });
    expect(result).toMatchObject({ rejected: 1, stopped_early: true });
    expect(result.rejections).toEqual([{ line: 5, reason: expect.stringMatching(/^unreadable CSV: Quote Not Closed/) }]);
    // Rows read before the error may or may not have been written (that depends on how far csv-parse got); none after it.
    expect(result.imported).toBe(result.rows);
    expect((await stored(ctx)).filter((c) => c.startsWith('+12125550103') || c.startsWith('+12125550104'))).toEqual([]);
  });

  it('fails with the error of the input stream (a file that cannot be read to the end)', async () => {
    const ctx = context();
    let sent = false;
    const input = new Readable({
      read() {
        if (sent) return this.destroy(new Error('disk gone'));
        sent = true;
        this.push(Buffer.from(CSV.split('\r\n').slice(0, 4).join('\n') + '\n'));
      },
    });
    await expect(importConsents(ctx, input, { orgId: 'org_a', worker: mode.worker })).rejects.toThrow('disk gone');
  });

  it('a phone repeated within one batch and across batches chains its entries in file order', async () => {
    const ctx = context();
    const rows = Array.from({ length: 9 }, (_, i) => `+1212555020${i % 3},Acme Insurance LLC,prior_express,sms,false,2026-03-0${i + 1}T00:00:00Z`);
    const result = await run(ctx, ['phone,calling_entity,type,scope,ai_specific_consent,captured_at', ...rows].join('\n'), { batchSize: 4 });
    expect(result).toMatchObject({ rows: 9, imported: 9, rejected: 0 });
    await expectChainsVerify(ctx);
    const trail = await ctx.ledger.auditTrail('org_a', '+12125550200');
    expect(trail.map((e) => (e.body.kind === 'consent' ? e.body.facts.captured_at : e.body.kind))).toEqual([
      '2026-03-01T00:00:00Z',
      '2026-03-04T00:00:00Z',
      '2026-03-07T00:00:00Z',
    ]);
  });
});

describe('importConsents in parallel parsers', () => {
  it('stops at a bad row with onError stop while the reader is held by a full window, and writes the rows before it', async () => {
    const ctx = context();
    // 3,000 rows in ~60-byte segments: hundreds of segments, so the reader is waiting on the window when the import stops.
    const rows = Array.from({ length: 3000 }, (_, i) => (i === 5 ? '+12125550000,,,,,' : `+1212555${String(1000 + i).padStart(4, '0')},${OK},,,,`));
    const input = Readable.from(chunks([HEADER, ...rows].join('\n'), 4096));
    const result = await importConsents(ctx, input, { orgId: 'org_a', worker: true, parsers: 2, segmentBytes: 60, batchSize: 4, onError: 'stop' });
    expect(result).toMatchObject({ rows: 6, imported: 5, rejected: 1, stopped_early: true });
    expect(result.rejections).toEqual([{ line: 7, reason: expect.any(String) }]);
    expect((await ctx.ledger.listConsents('org_a', { limit: 10 })).items).toHaveLength(5);
  });

  it('refuses a record that runs on past 8 MB (an unclosed quote) with the line it starts on, after the rows before it', async () => {
    const ctx = context();
    const rows = [HEADER, `+12125550101,${OK},,,,`, `+12125550102,"${OK}`].join('\n');
    const input = Readable.from([Buffer.from(rows), ...Array.from({ length: 9 }, () => Buffer.alloc(1 << 20, 'a'))]);
    const result = await importConsents(ctx, input, { orgId: 'org_a', worker: true, parsers: 2, segmentBytes: 64 });
    expect(result).toMatchObject({ rows: 1, imported: 1, rejected: 1, stopped_early: true });
    expect(result.rejections).toEqual([{ line: 3, reason: expect.stringMatching(/^unreadable CSV: a record runs on for more than 8 MB/) }]);
  });
});
