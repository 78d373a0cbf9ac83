/**
 * `consent-gate audit export` streams the decision log and the call records
 * page by page (NDJSON or CSV) to a file or stdout; `consent-gate audit verify` walks every audit
 * chain in the store and reports the first broken link of each broken chain
 * (exit 1), so tampering with history is found without waiting for someone
 * to open the evidence of the record that was changed.
 */
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Decision } from '../../domain/records';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { checkChain, type ChainProblem } from '../../gate/chainCheck';
import { instantSchema, phoneSchema } from '../../gate/schemas';
import { z } from 'zod';
import { CliError, EXIT, parseInput, withRuntime, type Io } from '../runtime';
import { csvCell, json, screenPhone } from '../format';
import { CALL_CSV_COLUMNS, callRecordLines } from './calls';

const RECORDS = ['decisions', 'calls', 'all'] as const;

const CSV_COLUMNS = ['id', 'kind', 'decided_at', 'phone', 'entity', 'allowed', 'reason', 'request', 'response'] as const;

function decisionLine(d: Decision, format: 'ndjson' | 'csv'): string {
  if (format === 'ndjson') return JSON.stringify(d) + '\n';
  return CSV_COLUMNS.map((c) => csvCell(d[c])).join(',') + '\n';
}

async function write(out: Writable | NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out as Writable, 'drain');
}

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('export')
    .description('export decisions and call records (each oldest first), streamed page by page')
    .option('--records <which>', 'decisions, calls, or all (NDJSON only: decision lines, then call record lines)', 'decisions')
    .option('--from <iso>', 'decided (a call: started) at or after')
    .option('--to <iso>', 'decided (a call: started) before')
    .option('--phone <phone>', 'only this number')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--out <file>', 'write here instead of standard output')
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .action(async (opts: { records: string; from?: string; to?: string; phone?: string; format: string; out?: string; org: string }, cmd: Command) => {
      if (opts.format !== 'ndjson' && opts.format !== 'csv') throw new CliError('--format: must be ndjson or csv');
      const format = opts.format;
      const records = opts.records as (typeof RECORDS)[number];
      if (!RECORDS.includes(records)) throw new CliError('--records: must be decisions, calls or all');
      // One CSV has one header: decisions and calls have different columns.
      if (records === 'all' && format === 'csv') throw new CliError('--records all: only with --format ndjson (export decisions and calls to two CSV files)');
      const q = parseInput(
        z.object({ from: instantSchema.optional(), to: instantSchema.optional(), phone: phoneSchema.optional() }),
        { from: opts.from, to: opts.to, phone: opts.phone },
        { from: '--from', to: '--to', phone: '--phone' },
      );
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const out = opts.out ? createWriteStream(opts.out, { mode: 0o600 }) : io.out;
        let count = 0;
        let callCount = 0;
        const range = { phone: q.phone, from: q.from?.toISOString(), to: q.to?.toISOString() };
        try {
          if (records !== 'calls') {
            if (format === 'csv') await write(out, CSV_COLUMNS.join(',') + '\n');
            let after: string | undefined;
            do {
              const page = await ctx.ledger.listDecisions(opts.org, { ...range, after, limit: 500 });
              for (const d of page.items) await write(out, decisionLine(d, format));
              count += page.items.length;
              after = page.next_cursor ?? undefined;
            } while (after);
          }
          if (records !== 'decisions') {
            if (format === 'csv') await write(out, CALL_CSV_COLUMNS.join(',') + '\n');
            for await (const line of callRecordLines(ctx, opts.org, range, format)) {
              await write(out, line);
              callCount++;
            }
          }
        } finally {
          if (opts.out) {
            (out as Writable).end();
            await once(out as Writable, 'close');
          }
        }
        const what = [
          records !== 'calls' ? `${count} decision${count === 1 ? '' : 's'}` : '',
          records !== 'decisions' ? `${callCount} call record${callCount === 1 ? '' : 's'}` : '',
        ].filter(Boolean);
        io.err.write(`exported ${what.join(' and ')}${opts.out ? ` to ${opts.out}` : ''}\n`);
        return EXIT.OK;
      });
    });
  audit
    .command('verify')
    .description('verify every audit chain in the store (all orgs); exit 1 if one is broken')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        let chains = 0;
        let entries = 0;
        const problems: ChainProblem[] = [];
        let after: string | undefined;
        do {
          const page = await ctx.ledger.auditSubjects({ after, limit: 200 });
          for (const s of page.items) {
            const trail = await ctx.ledger.auditTrail(s.org_id, s.phone);
            chains++;
            entries += trail.length;
            const problem = checkChain(s.org_id, s.phone, s.head, trail);
            if (problem) problems.push(problem);
          }
          after = page.next_cursor ?? undefined;
        } while (after);
        if (opts.json) {
          io.out.write(json({ ok: problems.length === 0, chains, entries, broken: problems }));
        } else if (!problems.length) {
          io.out.write(`Verified ${chains} audit chain${chains === 1 ? '' : 's'} (${entries} entries): all intact.\n`);
        } else {
          for (const p of problems) {
            io.out.write(`BROKEN — ${p.org_id} ${screenPhone(p.phone)}: first bad entry seq ${p.seq}${p.ref_id ? ` (${p.kind} ${p.ref_id})` : ''}: ${p.why}\n`);
          }
          io.out.write(`${problems.length} of ${chains} audit chains broken (${entries} entries checked).\n`);
        }
        return problems.length ? EXIT.NO : EXIT.OK;
      });
    });
}
