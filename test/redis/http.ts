/** Small HTTP helpers for the Redis gateway tests. */
import type { Consent } from '../../src/domain/records';
import { ADMIN_KEY } from '../support/adminKey';

export const AUTH = { Authorization: `Bearer ${ADMIN_KEY}` };

export interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string } };
  ms: number;
}

export async function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 10_000): Promise<Reply> {
  const started = Date.now();
  const res = await fetch(base + path, {
    method,
    headers: { ...AUTH, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, ms: Date.now() - started };
}

export const post = (base: string, path: string, body: unknown) => call(base, 'POST', path, body);
export const get = (base: string, path: string) => call(base, 'GET', path);

/** Written consent to AI calls and marketing texts from Acme, captured in March 2026. */
export function consentBody(phone: string): Record<string, unknown> {
  return {
    phone,
    calling_entity: 'Acme Insurance LLC',
    type: 'prior_express_written',
    scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
    ai_specific_consent: true,
    captured_at: '2026-03-15T14:23:11Z',
    evidence: { url: 'https://example.com/form', text: 'I agree', source: 'web_form' },
  };
}

export const precallBody = (phone: string) => ({ phone, calling_entity: 'Acme Insurance LLC', purpose: 'telemarketing', call_type: 'ai_voice' });
export const presendBody = (phone: string) => ({ phone, sending_entity: 'Acme Insurance LLC', message_type: 'marketing' });

export type { Consent };
