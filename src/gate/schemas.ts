/**
 * The request schemas of the /v1 API, in zod. They validate requests, turn
 * them into the gate's typed inputs (E.164 phones, Dates), and generate
 * /openapi.json — one definition, never written twice.
 */
import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import type { Jurisdiction } from '../domain/stateLaw/ruleTypes';
import { stateOfJurisdiction } from '../domain/stateLaw/stateCodes';
import { OPT_OUT_INTENTS } from '../domain/optout';
import {
  CALL_TYPES,
  CONSENT_TYPES,
  MESSAGE_TYPES,
  PURPOSES,
  REVOCATION_SCOPES,
  SCOPE_VALUES,
  TRIGGERS,
  API_SCOPES,
  PRECALL_REASONS,
  PRESEND_REASONS,
  type BlockReason,
} from '../domain/vocabulary';
import { isUsStateCode } from '../domain/stateLaw/stateCodes';

export const phoneSchema = z
  .string()
  .transform((value, ctx) => {
    const parsed = normalizePhone(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.e164;
  })
  .meta({ description: 'E.164 (+15551234567) or 10-11 US digits; answered in E.164', example: '+15551234567' });

const entitySchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

let lastInstantText: string | undefined;
let lastInstantMs = Number.NaN;

/** `Date.parse(s)`, remembering the last string: the checks below and the transform read the same one in turn. */
function instantMs(s: string): number {
  if (s !== lastInstantText) {
    lastInstantMs = Date.parse(s);
    lastInstantText = s;
  }
  return lastInstantMs;
}

/** ISO 8601 with a time zone (Z or ±hh:mm); impossible dates (Feb 30) are rejected. */
export const instantSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s), 'must be an ISO 8601 date-time with a time zone')
  .refine((s) => {
    if (Number.isNaN(instantMs(s))) return false;
    // Date.parse rolls Feb 30 over to Mar 2; check the calendar date survived.
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const day = Number(s.slice(8, 10));
    const probe = new Date(Date.UTC(y, m - 1, day));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === day;
  }, 'is not a real date')
  // An offset can carry 9999-12-31 into year 10000, which no four-digit ISO string (and no stored time) can hold.
  .refine((s) => {
    const year = new Date(instantMs(s)).getUTCFullYear();
    return year >= 0 && year <= 9999;
  }, 'must fall within the years 0000 to 9999 in UTC')
  .transform((s) => new Date(instantMs(s)))
  .meta({ example: '2026-04-10T15:43:10Z' });

/** A US state or territory code (`FL`, `PR`); any case in, upper case out. */
export const stateCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine(isUsStateCode, 'must be a two-letter US state or territory code')
  .meta({ description: 'Two-letter US state or territory code (USPS)', example: 'FL' });

const metadataSchema = z.record(z.string(), z.unknown()).meta({ description: 'Free-form, returned in the audit log' });

export const precallSchema = z.strictObject({
  phone: phoneSchema,
  calling_entity: entitySchema,
  purpose: z.enum(PURPOSES),
  call_type: z.enum(CALL_TYPES),
  calling_number: phoneSchema.optional(),
  metadata: metadataSchema.optional(),
  call_at: instantSchema.optional(),
  recipient_state: stateCodeSchema.optional(),
});

export const presendSchema = z.strictObject({
  phone: phoneSchema,
  sending_entity: entitySchema,
  message_type: z.enum(MESSAGE_TYPES),
  sending_number: phoneSchema.optional(),
  send_at: instantSchema.optional(),
  metadata: metadataSchema.optional(),
  recipient_state: stateCodeSchema.optional(),
});

export const revokeSchema = z.strictObject({
  phone: phoneSchema,
  calling_entity: entitySchema,
  trigger: z.enum(TRIGGERS),
  captured_at: instantSchema.optional(),
  audio_segment_url: z.url().max(2000).optional(),
  transcript: z.string().max(10_000).optional(),
  scope: z.enum(REVOCATION_SCOPES).optional(),
});

export const evidenceSchema = z.strictObject({
  url: z.url().max(2000).optional(),
  text: z.string().max(20_000).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  user_agent: z.string().max(1000).optional(),
  source: z.string().max(200).optional(),
});

export const consentCaptureSchema = z.strictObject({
  phone: phoneSchema,
  calling_entity: entitySchema,
  type: z.enum(CONSENT_TYPES),
  scope: z.array(z.enum(SCOPE_VALUES)).min(1, 'must name at least one call type, purpose or message type'),
  ai_specific_consent: z.boolean(),
  captured_at: instantSchema,
  expires_at: instantSchema.optional(),
  double_opt_in: z.boolean().optional(),
  evidence: evidenceSchema.optional(),
  address_state: stateCodeSchema.optional(),
});

export const detectSchema = z.strictObject({
  text: z.string().max(10_000),
  channel: z.enum(['sms', 'voice']),
  lang: z.string().min(2).max(10).optional(),
});

/** What `POST /v1/detect` answers (documentation only). */
export const detectResultSchema = z.object({
  intent: z.enum(OPT_OUT_INTENTS),
  matched: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  lang: z.string().optional(),
});

export const createOrgSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  monthly_quota: z.number().int().positive().nullable().optional(),
});

const cidrSchema = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()]);

export const createKeySchema = z.strictObject({
  scopes: z.array(z.enum(API_SCOPES)).min(1),
  ip_allowlist: z.array(cidrSchema).max(100).optional(),
  rate_limit_per_minute: z.number().int().positive().max(1_000_000).optional(),
  name: z.string().max(200).optional(),
});

export const pageQuerySchema = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(200).optional(),
};

export const consentListQuerySchema = z.object({
  phone: phoneSchema.optional(),
  calling_entity: z.string().max(200).optional(),
  ...pageQuerySchema,
});

export const explainQuerySchema = z.strictObject({
  phone: phoneSchema,
  at: instantSchema.optional(),
  purpose: z
    .enum([...new Set([...PURPOSES, ...MESSAGE_TYPES])] as [string, ...string[]])
    .transform((p) => p as (typeof PURPOSES)[number] | (typeof MESSAGE_TYPES)[number]),
  recipient_state: stateCodeSchema.optional(),
});

export const decisionListQuerySchema = z.object({
  phone: phoneSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  /** Filters (decisionFilter.ts): walked in time order, so a page may come back short with a cursor to go on. */
  outcome: z.enum(['allowed', 'blocked']).optional(),
  reason: z.enum([...new Set([...PRECALL_REASONS, ...PRESEND_REASONS])] as [BlockReason, ...BlockReason[]]).optional(),
  entity: z.string().trim().min(1).max(200).optional(),
  ...pageQuerySchema,
});

/**
 * `schema.safeParse(input)`, with the input reported in a failure's issues, which issuesToDetails
 * needs to tell "is required" from "must be …". Parsed without that first: asking zod to report the
 * input made passing parses noticeably slower too (an import parses one per row), and most inputs
 * pass; a failing one is parsed again, the same schema on the same input giving the same issues.
 */
export function safeParseReporting<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const quick = schema.safeParse(input);
  return quick.success ? quick : schema.safeParse(input, { reportInput: true });
}

/**
 * zod issues → the envelope's `details`: one message per field path.
 * Parse with safeParseReporting so a missing field reads "is required"
 * and a wrong one says what it must be.
 */
export function issuesToDetails(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : '_';
    if (details[path]) continue;
    details[path] = describeIssue(issue);
  }
  return details;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** `US-` and a state or territory code: where an operator declares a state of emergency. */
const jurisdictionSchema = z
  .string()
  .refine((s) => stateOfJurisdiction(s) !== null, 'must be US- followed by a US state or territory code, e.g. US-LA')
  .transform((s) => s as Jurisdiction)
  .meta({ example: 'US-LA' });

export const declareEmergencySchema = z
  .strictObject({
    jurisdiction: jurisdictionSchema,
    from: instantSchema,
    to: instantSchema,
    note: z.string().trim().max(500, 'must be at most 500 characters').nullable().optional(),
  })
  // Runs also when a field already failed (zod checks the object regardless): judged only on two real dates.
  .refine((e) => !(e.from instanceof Date && e.to instanceof Date) || e.to.getTime() > e.from.getTime(), { path: ['to'], message: 'must be after from' });
