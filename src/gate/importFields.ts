/**
 * An import row's CSV fields → the input of the capture schema (the same
 * schema as POST /v1/consents), and the quick way to check a row against it.
 *
 * Why it is kept beside the whole-row parse: zod parsing every row's object
 * was a large share of the import's parsing thread, mostly on fields every
 * row repeats (docs/performance.md, "Second paths"). So each field is parsed
 * by its own schema from `consentCaptureSchema.shape`, and the answer for a
 * repeated text (the entity, the type, the scope list, the evidence) is
 * remembered; only the phone and the dates are parsed on every row.
 *
 * zod stays the one definition of a valid row: a field is only ever judged by
 * the schema's own field, and a row with any field in doubt is parsed whole by
 * the schema again, so its rejection reads exactly as before
 * (`importFields.test.ts` compares both ways on generated rows).
 */
import type { z } from 'zod';
import { boundedMemo } from '../domain/boundedMemo';
import { consentCaptureSchema, safeParseReporting } from './schemas';

type CaptureFields = z.output<typeof consentCaptureSchema>;
type Shape = typeof consentCaptureSchema.shape;
type Row = Record<string, string>;

const BOOLEAN = /^(true|false|1|0|yes|no)$/i;
const TRUE = /^(true|1|yes)$/i;

/** A yes/no column: a boolean when its text reads as one; other text is passed on for the schema to reject. */
const booleanInput = (text: string | undefined): unknown => (BOOLEAN.test(text ?? '') ? TRUE.test(text!) : text);

/** `ai_voice|sms`: the scope column's values, blanks dropped. */
const scopeInput = (text: string | undefined): string[] | undefined =>
  text
    ? text
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** The evidence columns as the schema's `evidence` object; none when both are empty. */
function evidenceInput(url: string | undefined, source: string | undefined): Record<string, string> | undefined {
  if (!url && !source) return undefined;
  return { ...(url ? { url } : {}), ...(source ? { source } : {}) };
}

/** A CSV record as the capture schema's input: the one mapping from columns to fields. */
export function rowToCaptureInput(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {
    phone: row.phone,
    calling_entity: row.calling_entity,
    type: row.type,
    scope: scopeInput(row.scope),
    ai_specific_consent: booleanInput(row.ai_specific_consent),
    captured_at: row.captured_at,
  };
  if (row.expires_at) out.expires_at = row.expires_at;
  if (row.double_opt_in) out.double_opt_in = booleanInput(row.double_opt_in);
  if (row.address_state) out.address_state = row.address_state;
  const evidence = evidenceInput(row.evidence_url, row.evidence_source);
  if (evidence) out.evidence = evidence;
  return out;
}

type FieldResult = { success: true; data: unknown } | { success: false };

/** The schema's own parse of one field, made from its CSV text by `toInput`, remembered by that text. */
function remembered<K extends keyof Shape>(field: K, toInput: (text: string) => unknown): (text: string) => FieldResult {
  const schema = consentCaptureSchema.shape[field] as z.ZodType;
  return boundedMemo((text) => schema.safeParse(toInput(text)), { limit: 1_000, maxInput: 300 });
}

const fieldOf = <K extends keyof Shape>(field: K) => consentCaptureSchema.shape[field] as z.ZodType;

const entity = remembered('calling_entity', (t) => t);
const type = remembered('type', (t) => t);
const scope = remembered('scope', scopeInput);
const ai = remembered('ai_specific_consent', booleanInput);
const doubleOptIn = remembered('double_opt_in', booleanInput);
const addressState = remembered('address_state', (t) => t);
/** The two evidence columns as one memo key: the url's length, a space, the url, the source. */
const evidenceKey = (url = '', source = '') => `${url.length} ${url}${source}`;
const evidence = remembered('evidence', (key) => {
  const space = key.indexOf(' ');
  const end = space + 1 + Number(key.slice(0, space));
  return evidenceInput(key.slice(space + 1, end), key.slice(end));
});
const phone = fieldOf('phone');
const instant = fieldOf('captured_at');
const parsePhone = (text: string) => phone.safeParse(text);
const parseInstant = (text: string) => instant.safeParse(text);

/** A field's answer into the row's fields (none when the field was not given); false when it failed. */
function take(out: Record<string, unknown>, key: keyof Shape, r: FieldResult): boolean {
  if (!r.success) return false;
  if (r.data !== undefined) out[key] = r.data;
  return true;
}

// A column missing from the file reads as '' here and as undefined in rowToCaptureInput; both are
// "not given" to the optional fields, and a required field in doubt sends the row to the full parse.
const required = (text: string | undefined, parse: (t: string) => FieldResult): FieldResult => (text === undefined ? { success: false } : parse(text));

/**
 * The row checked against the capture schema: the parsed fields, or the schema's own failure
 * (with `reportInput`, as every API error is made), from parsing the whole row again. The answer's
 * object is the row's own; the values of remembered fields in it (the scope list, the evidence)
 * are shared with other rows: read them, never change them.
 */
export function parseCaptureRow(row: Row): z.ZodSafeParseResult<CaptureFields> {
  const out: Record<string, unknown> = {};
  const ok =
    take(out, 'phone', required(row.phone, parsePhone)) &&
    take(out, 'calling_entity', required(row.calling_entity, entity)) &&
    take(out, 'type', required(row.type, type)) &&
    take(out, 'scope', required(row.scope, scope)) &&
    take(out, 'ai_specific_consent', required(row.ai_specific_consent, ai)) &&
    take(out, 'captured_at', required(row.captured_at, parseInstant)) &&
    (!row.expires_at || take(out, 'expires_at', parseInstant(row.expires_at))) &&
    (!row.double_opt_in || take(out, 'double_opt_in', doubleOptIn(row.double_opt_in))) &&
    (!row.address_state || take(out, 'address_state', addressState(row.address_state))) &&
    (!(row.evidence_url || row.evidence_source) || take(out, 'evidence', evidence(evidenceKey(row.evidence_url, row.evidence_source))));
  if (ok) return { success: true, data: out as CaptureFields };
  return safeParseReporting(consentCaptureSchema, rowToCaptureInput(row));
}
