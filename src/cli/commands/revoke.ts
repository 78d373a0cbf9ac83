/**
 * `consent-gate revoke <phone>`: record an opt-out, exactly as POST
 * /v1/revoke does — durable before it answers, idempotent, with its FCC
 * honor-by date and evidence link.
 */
import type { Command } from 'commander';
import { dayText, utcText } from '../../domain/labels';
import { REVOCATION_SCOPES, TRIGGERS } from '../../domain/vocabulary';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { revoke } from '../../gate/revoke';
import { revokeSchema } from '../../gate/schemas';
import { EXIT, parseInput, withRuntime, type Io } from '../runtime';
import { json } from '../format';

interface RevokeOpts {
  entity: string;
  trigger: string;
  scope?: string;
  transcript?: string;
  capturedAt?: string;
  org: string;
  json?: boolean;
}

export function registerRevoke(program: Command, io: Io): void {
  program
    .command('revoke <phone>')
    .description('record an opt-out: blocks further calls and texts at once')
    .requiredOption('--entity <name>', 'the calling entity the consumer opted out of')
    .option('--trigger <trigger>', TRIGGERS.join(' | '), 'manual')
    .option('--scope <scope>', `${REVOCATION_SCOPES.join(' | ')} (all: every entity, propagated to the network)`)
    .option('--transcript <text>', 'what the consumer said or wrote')
    .option('--captured-at <iso>', 'when the consumer opted out (default: now)')
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .option('--json', 'print the API answer as JSON')
    .action(async (phone: string, opts: RevokeOpts, cmd: Command) => {
      const input = parseInput(
        revokeSchema,
        {
          phone,
          calling_entity: opts.entity,
          trigger: opts.trigger,
          ...(opts.scope ? { scope: opts.scope } : {}),
          ...(opts.transcript ? { transcript: opts.transcript } : {}),
          ...(opts.capturedAt ? { captured_at: opts.capturedAt } : {}),
        },
        { calling_entity: '--entity', trigger: '--trigger', scope: '--scope', transcript: '--transcript', captured_at: '--captured-at' },
      );
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const r = await revoke(ctx, { ...input, orgId: opts.org });
        if (opts.json) {
          const { created: _created, ...answer } = r;
          io.out.write(json(answer));
        } else {
          io.out.write(
            `REVOKED — ${r.revocation_id}${r.created ? '' : ' (already on record: the same opt-out)'}\n` +
              `  Honor by ${dayText(r.honor_by_date)} (${utcText(r.honor_by_date)})\n` +
              (r.propagated_to_network ? '  Network-wide: queued for delivery to the network subscribers\n' : '') +
              `  Evidence: ${r.evidence_url}\n`,
          );
        }
        return EXIT.OK;
      });
    });
}
