/**
 * `consent-gate check <phone>`: may this call be dialed? The same precall
 * decision as POST /v1/precall — recorded in the audit log like the API's —
 * printed the way a person reads it. Exit 0 when allowed, 1 when blocked.
 */
import type { Command } from 'commander';
import { CONSENT_TYPE_LABELS, dayText, label, utcText } from '../../domain/labels';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { explainRules, type ExplainAnswer } from '../../gate/explainRules';
import { precall, type PrecallResponse } from '../../gate/precall';
import { precallSchema } from '../../gate/schemas';
import { CALL_TYPES, PURPOSES } from '../../domain/vocabulary';
import { CliError, EXIT, parseInput, withRuntime, type Io } from '../runtime';
import { json } from '../format';

interface CheckOpts {
  entity: string;
  purpose: string;
  callType: string;
  callingNumber?: string;
  at?: string;
  metadata?: string;
  org: string;
  state?: string;
  json?: boolean;
}

/** The number's jurisdictions in words: which states hold it, why, and what each says of the time asked. */
export function describeJurisdictions(e: ExplainAnswer): string {
  if (e.jurisdictions.length === 0) return `  Jurisdictions: federal rules only (rule set ${e.version})\n`;
  const lines = [`  Jurisdictions (rule set ${e.version}${e.covered ? '' : '; this purpose is not covered by state rules'}):`];
  for (const j of e.jurisdictions) {
    const verdict = j.allowed
      ? 'allows'
      : `blocks: ${j.reason}${j.citation ? ` (${j.citation})` : ''}${j.next_allowed_at ? `, next allowed ${j.next_allowed_at}` : ''}`;
    lines.push(`    ${j.jurisdiction} from ${j.source.replace('_', ' ')}: ${verdict}`);
  }
  return lines.join('\n') + '\n';
}

/** The decision in words: the verdict line first, then what it rests on. */
export function describePrecall(r: PrecallResponse): string {
  const lines: string[] = [];
  if (r.allowed) {
    const c = r.consent;
    const kind = [label(CONSENT_TYPE_LABELS, c.type), c.ai_specific_consent ? 'AI-specific' : null, `captured ${c.captured_at.slice(0, 10)}`]
      .filter(Boolean)
      .join(', ');
    lines.push(`ALLOWED — consent ${c.consent_id} (${kind})`);
    const d = r.disclosure;
    if (d.required && d.script) {
      lines.push(`  Disclosure: "${d.script}"`);
      lines.push(`              (version ${d.version}; deliver within the first ${d.delivery_window_seconds} s of the call)`);
    } else lines.push('  Disclosure: none required for this call type');
  } else {
    const notes = r.compliance_notes[0];
    lines.push(`BLOCKED — ${r.reason}${notes ? `: ${notes}` : ''}`);
    if ('revoked_at' in r)
      lines.push(
        `  Revoked ${utcText(r.revoked_at)}${r.revocation_id ? ` (${r.revocation_id})` : ''}; honor by ${dayText(r.honor_by_date)} (${utcText(r.honor_by_date)})`,
      );
    if ('jurisdiction' in r && r.jurisdiction) lines.push(`  Rule: ${r.jurisdiction}${r.citation ? `, ${r.citation}` : ''}`);
    if ('recipient_timezone' in r) lines.push(`  Recipient local time ${r.recipient_local_time} (${r.recipient_timezone}); next allowed ${r.next_allowed_at}`);
    if ('calling_country' in r) lines.push(`  Calling number country: ${r.calling_country}`);
  }
  lines.push(`  Decision: ${r.decision_id} (recorded in the audit log)`);
  return lines.join('\n') + '\n';
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check <phone>')
    .description('may this call be dialed? a real precall decision, recorded in the audit log')
    .requiredOption('--entity <name>', 'the calling entity, e.g. "Acme Insurance LLC"')
    .requiredOption('--purpose <purpose>', PURPOSES.join(' | '))
    .requiredOption('--call-type <type>', CALL_TYPES.join(' | '))
    .option('--calling-number <number>', 'the number the call comes from (checked against the foreign-adversary list)')
    .option('--at <iso>', 'the planned dial time, ISO 8601 (default: now)')
    .option('--metadata <json>', 'a JSON object stored with the decision')
    .option('--state <code>', "the consumer's US state or territory (recipient_state), held on top of the area code's")
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .option('--json', 'print the API answer as JSON')
    .action(async (phone: string, opts: CheckOpts, cmd: Command) => {
      let metadata: unknown;
      if (opts.metadata !== undefined) {
        try {
          metadata = JSON.parse(opts.metadata);
        } catch {
          throw new CliError('--metadata: must be a JSON object');
        }
      }
      const input = parseInput(
        precallSchema,
        {
          phone,
          calling_entity: opts.entity,
          purpose: opts.purpose,
          call_type: opts.callType,
          ...(opts.callingNumber ? { calling_number: opts.callingNumber } : {}),
          ...(opts.at ? { call_at: opts.at } : {}),
          ...(metadata !== undefined ? { metadata } : {}),
          ...(opts.state ? { recipient_state: opts.state } : {}),
        },
        {
          calling_entity: '--entity',
          purpose: '--purpose',
          call_type: '--call-type',
          calling_number: '--calling-number',
          call_at: '--at',
          metadata: '--metadata',
          recipient_state: '--state',
        },
      );
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const response = await precall(ctx, { ...input, orgId: opts.org });
        if (opts.json) io.out.write(json(response));
        else {
          const explained = explainRules(ctx, { phone: input.phone, at: input.call_at, purpose: input.purpose, recipient_state: input.recipient_state });
          io.out.write(describePrecall(response) + describeJurisdictions(explained));
        }
        return response.allowed ? EXIT.OK : EXIT.NO;
      });
    });
}
