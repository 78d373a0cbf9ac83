/**
 * The per-request overrides a client may send with a carrier REST request
 * (docs/twilio.md, docs/telnyx.md): `X-Consent-Entity`, `X-Consent-Purpose`, `X-Consent-Call-Type`,
 * `X-Consent-Message-Type`. A header wins over the configuration; a value
 * outside the contract's vocabulary is an error, never silently ignored (a
 * typo must not fall back to a weaker default). They are ours, so they are
 * stripped before anything goes upstream.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CALL_TYPES, MESSAGE_TYPES, PURPOSES, type CallType, type MessageType, type Purpose } from '../../src/domain/vocabulary';

export interface ConsentOverrides {
  entity?: string;
  purpose?: Purpose;
  call_type?: CallType;
  message_type?: MessageType;
}

export type ConsentHeadersResult = { ok: true; overrides: ConsentOverrides } | { ok: false; header: string; message: string };

export const CONSENT_HEADER_PREFIX = 'x-consent-';

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function pick<T extends string>(headers: IncomingHttpHeaders, name: string, allowed: readonly T[]): T | undefined | { bad: string } {
  const v = single(headers, name.toLowerCase());
  if (v === undefined) return undefined;
  return (allowed as readonly string[]).includes(v) ? (v as T) : { bad: `${name}: must be one of ${allowed.join(', ')}` };
}

export function readConsentHeaders(headers: IncomingHttpHeaders): ConsentHeadersResult {
  const overrides: ConsentOverrides = {};
  const entity = single(headers, 'x-consent-entity');
  if (entity !== undefined) {
    if (entity.length > 200) return { ok: false, header: 'X-Consent-Entity', message: 'X-Consent-Entity: at most 200 characters' };
    overrides.entity = entity;
  }
  const purpose = pick(headers, 'X-Consent-Purpose', PURPOSES);
  if (typeof purpose === 'object') return { ok: false, header: 'X-Consent-Purpose', message: purpose.bad };
  const callType = pick(headers, 'X-Consent-Call-Type', CALL_TYPES);
  if (typeof callType === 'object') return { ok: false, header: 'X-Consent-Call-Type', message: callType.bad };
  const messageType = pick(headers, 'X-Consent-Message-Type', MESSAGE_TYPES);
  if (typeof messageType === 'object') return { ok: false, header: 'X-Consent-Message-Type', message: messageType.bad };
  if (purpose) overrides.purpose = purpose;
  if (callType) overrides.call_type = callType;
  if (messageType) overrides.message_type = messageType;
  return { ok: true, overrides };
}
