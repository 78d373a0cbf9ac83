/**
 * `consent-gate calls show <id>`: one call record (by its `call_` id or the carrier's id) as a
 * person reads it — each time with where it comes from, the disclosure's timing, the keys pressed,
 * each opt-out — or as JSON. The call part of `audit export` (`callRecordLines`) lives here too.
 */
import type { Command } from 'commander';
import { callRecord, listCallRecords, type CallQuery, type CallRecordView } from '../../gate/calls';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import type { GateContext } from '../../gate/context';
import { columns, csvCell, json, screenPhone } from '../format';
import { EXIT, withRuntime, type Io } from '../runtime';

const when = (at: string | null, source?: string) => (at ? `${at}${source ? `  (${source})` : ''}` : '—');

export function callRecordText(c: CallRecordView): string {
  const d = c.disclosure;
  const rows: string[][] = [
    ['Call', c.id],
    ['Carrier', `${c.carrier} ${c.carrier_call_id}`],
    ['Phone', screenPhone(c.phone)],
    ['Entity', c.entity ?? '—'],
    ['Decision', c.decision_id ?? '—'],
    ['Gated', when(c.gated_at, c.sources.gated_at)],
    ['Answered', when(c.answered_at, c.sources.answered_at)],
    ['Ended', when(c.ended_at, c.sources.ended_at)],
    ['Status', `${c.status ?? '—'}${c.duration_seconds === null ? '' : `, ${c.duration_seconds} s`}`],
  ];
  if (d) {
    rows.push(
      ['Disclosure', `version ${d.version}, window ${d.delivery_window_seconds} s`],
      ['  started', when(d.started_at, c.sources.disclosure_started_at)],
      ['  completed', when(d.completed_at, c.sources.disclosure_completed_at)],
      ['  within window', d.within_window === null ? 'unknown' : d.within_window ? 'yes' : 'NO'],
    );
  } else rows.push(['Disclosure', 'none required']);
  rows.push(['Keys pressed', c.dtmf.map((k) => k.digit).join(' ') || 'none']);
  for (const o of c.opt_outs) {
    rows.push(['Opt-out', `${o.trigger ?? '—'} ${o.revocation_id ?? '(queued)'} at ${o.at}${o.offset_seconds === null ? '' : ` (+${o.offset_seconds} s)`}`]);
  }
  rows.push(['Evidence', c.evidence_url]);
  return columns(rows);
}

export const CALL_CSV_COLUMNS = [
  'id',
  'carrier',
  'carrier_call_id',
  'decision_id',
  'phone',
  'entity',
  'answered_at',
  'ended_at',
  'status',
  'duration_seconds',
  'disclosure',
  'dtmf',
  'opt_outs',
] as const;

/** Every call record of the org matching `q`, one line each (NDJSON, or CSV under CALL_CSV_COLUMNS), page by page. */
export async function* callRecordLines(
  ctx: GateContext,
  orgId: string,
  q: Omit<CallQuery, 'after' | 'limit'>,
  format: 'ndjson' | 'csv',
): AsyncGenerator<string> {
  let after: string | undefined;
  do {
    const page = await listCallRecords(ctx, orgId, { ...q, after, limit: 200 });
    for (const c of page.items) {
      yield format === 'ndjson' ? JSON.stringify(c) + '\n' : CALL_CSV_COLUMNS.map((k) => csvCell(c[k])).join(',') + '\n';
    }
    after = page.next_cursor ?? undefined;
  } while (after);
}

export function registerCalls(program: Command, io: Io): void {
  const calls = program.command('calls').description('call records: what the gateway saw on each gated call');
  calls
    .command('show <id>')
    .description('one call record, by its call_ id or the carrier call id')
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .option('--json', 'print the record as JSON')
    .action(async (id: string, opts: { org: string; json?: boolean }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const record = await callRecord(ctx, opts.org, id);
        io.out.write(opts.json ? json(record) : callRecordText(record));
        return EXIT.OK;
      });
    });
}
