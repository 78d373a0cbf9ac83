/**
 * The bench's world: one calling entity, consumers numbered 0…N-1 with one
 * written, AI-specific consent each, and requests pinned to a Friday
 * afternoon so the allowed path is taken whatever the hour of the run.
 */
import type { CaptureInput } from '../../src/gate/consents';

export const ENTITY = 'Acme Insurance LLC';
export const CALLING_NUMBER = '+18005550100';
/** 16:00 in New York, a Friday: inside every calling and texting window. */
export const PINNED_AT = '2026-04-10T20:00:00Z';
export const API_KEY = 'cg_live_bench_key_0123456789abcdef';
export const SCOPE = ['ai_voice', 'telemarketing', 'informational', 'sms', 'marketing'] as const;

/** Consumer i: +1 212 EEE LLLL, exchange 200… (never 555), all in New York's zone. Up to 8,000,000 numbers. */
export function phoneAt(i: number): string {
  const exchange = 200 + Math.floor(i / 10_000);
  if (exchange > 999) throw new Error(`phoneAt(${i}): out of range`);
  return `+1212${exchange}${String(i % 10_000).padStart(4, '0')}`;
}

export function capturedAt(i: number): Date {
  return new Date(Date.UTC(2026, 0, 15, 12, 0, 0) + (i % 86_400) * 1000);
}

export function consentInput(i: number, orgId: string): CaptureInput {
  return {
    orgId,
    phone: phoneAt(i),
    calling_entity: ENTITY,
    type: 'prior_express_written',
    scope: [...SCOPE],
    ai_specific_consent: true,
    captured_at: capturedAt(i),
    evidence: { url: 'https://acme.example/consent-form', source: 'web_form' },
    source: 'import',
  };
}

export const CSV_HEADER = 'phone,calling_entity,type,scope,ai_specific_consent,captured_at,evidence_url,evidence_source';

export function csvRow(i: number): string {
  return `${phoneAt(i)},${ENTITY},prior_express_written,${SCOPE.join('|')},true,${capturedAt(i).toISOString().replace('.000Z', 'Z')},https://acme.example/consent-form,web_form`;
}

export function precallBody(phone: string): string {
  return JSON.stringify({
    phone,
    calling_entity: ENTITY,
    calling_number: CALLING_NUMBER,
    purpose: 'telemarketing',
    call_type: 'ai_voice',
    call_at: PINNED_AT,
  });
}

export function presendBody(phone: string): string {
  return JSON.stringify({ phone, sending_entity: ENTITY, sending_number: CALLING_NUMBER, message_type: 'marketing', send_at: PINNED_AT });
}
