/**
 * A Twilio create or call update read the way Twilio reads it, before the
 * gate is asked: the fields the gate checks said once, in the body, spelled
 * as Twilio spells them (see `shared/requestShape.ts`), and a scheduled
 * text's `SendAt` as the moment the text goes out.
 */
import { instantSchema } from '../../src/gate/schemas';
import type { HttpAnswer } from '../shared/carrier';
import { first, type FormParams } from '../shared/form';
import { fieldProblem, queryProblem, type ShapeProblem } from '../shared/requestShape';
import { twilioError, TWILIO_ERRORS } from './errors';

/** Every parameter the gate reads, or rewrites, in a gated Twilio request. */
export const TWILIO_GATED_FIELDS = [
  'To',
  'From',
  'MessagingServiceSid',
  'SendAt',
  'ScheduleType',
  'Url',
  'Method',
  'Twiml',
  'FallbackUrl',
  'FallbackMethod',
  'ApplicationSid',
  'Status',
] as const;

/** The refusal for a request whose gated fields are ambiguous, or undefined when it reads one way only. */
export function ambiguousRequest(pathAndQuery: string, pairs: readonly [string, string][]): HttpAnswer | undefined {
  const names = pairs.map(([k]) => k);
  const problem = queryProblem(pathAndQuery, TWILIO_GATED_FIELDS) ?? fieldProblem(names, TWILIO_GATED_FIELDS) ?? instructionsProblem(names);
  return problem ? badParameter(problem.message, problem.field) : undefined;
}

/**
 * A call runs one set of instructions. Given `Url` and `Twiml`, Twilio runs
 * the `Url` (its warning 32019); the gate would have checked, and put the
 * disclosure into, the other. Rather than rely on which one Twilio picks, a
 * request naming more than one source is refused.
 */
const INSTRUCTION_SOURCES = ['Twiml', 'Url', 'ApplicationSid'] as const;

function instructionsProblem(names: readonly string[]): ShapeProblem | undefined {
  const given = INSTRUCTION_SOURCES.filter((f) => names.includes(f));
  if (given.length < 2) return undefined;
  return { field: given[0], message: `${given.join(' and ')} are both given; Consent Gate checks one set of call instructions, so give only one` };
}

/**
 * When a message goes out: its `SendAt` (Twilio schedules with
 * `ScheduleType=fixed`; a `SendAt` is honoured here even without it, since
 * quiet hours are about when the phone buzzes). Undefined means now.
 */
export function scheduledFor(params: FormParams): { ok: true; at?: Date } | { ok: false; answer: HttpAnswer } {
  const sendAt = first(params, 'SendAt');
  if (sendAt === undefined) return { ok: true };
  const parsed = instantSchema.safeParse(sendAt);
  if (!parsed.success) return { ok: false, answer: badParameter(`SendAt must be an ISO 8601 date-time with a time zone, not '${sendAt}'`, 'SendAt') };
  return { ok: true, at: new Date(parsed.data) };
}

/** 20001 whatever the field: an ambiguous `To` is not an invalid phone number (21211). */
function badParameter(message: string, field: string): HttpAnswer {
  return twilioError(TWILIO_ERRORS.invalidParameter.code, 400, message, { reason: 'invalid_request', field });
}
