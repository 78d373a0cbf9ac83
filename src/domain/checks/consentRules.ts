/**
 * What makes a consent usable for a given contact. Shared by both chains so a
 * call and a text read "covers", "strong enough" and "expired" the same way.
 */
import type { Consent } from '../records';
import type { CallType, ConsentType, MessageType, Purpose } from '../vocabulary';
import { entityKey } from '../vocabulary';

export type MaxAgeMonths = Partial<Record<ConsentType, number | null>>;

/** Defaults for the consent-age check: written and express consent last until revoked; EBR 18 months. */
export const DEFAULT_MAX_AGE_MONTHS: MaxAgeMonths = {
  prior_express_written: null,
  prior_express: null,
  established_business_relationship: 18,
};

const STRENGTH: Record<ConsentType, number> = {
  established_business_relationship: 1,
  prior_express: 2,
  prior_express_written: 3,
};

export function isStrongEnough(type: ConsentType, needed: ConsentType): boolean {
  return STRENGTH[type] >= STRENGTH[needed];
}

/**
 * Telemarketing by an artificial or prerecorded voice (AI and automated calls)
 * needs prior express written consent; other robo-calls need prior express
 * consent; a live human call may rely on any consent, including an
 * established business relationship.
 */
export function requiredStrengthForCall(purpose: Purpose, callType: CallType): ConsentType {
  if (callType === 'human_voice') return 'established_business_relationship';
  return purpose === 'telemarketing' ? 'prior_express_written' : 'prior_express';
}

export function requiredStrengthForText(messageType: MessageType): ConsentType {
  return messageType === 'marketing' || messageType === 'mixed' ? 'prior_express_written' : 'prior_express';
}

/** A call is covered when the consent names both its call type and its purpose. */
export function coversCall(consent: Consent, purpose: Purpose, callType: CallType): boolean {
  const scope = consent.scope as string[];
  return scope.includes(callType) && scope.includes(purpose);
}

/**
 * A text is covered by `sms` (every message type) or by its message type;
 * a `mixed` message carries marketing, so `marketing` covers it too.
 */
export function coversText(consent: Consent, messageType: MessageType): boolean {
  const scope = consent.scope as string[];
  if (scope.includes('sms') || scope.includes(messageType)) return true;
  return messageType === 'mixed' && scope.includes('marketing');
}

export function isExpired(consent: Consent, at: Date, maxAge: MaxAgeMonths): boolean {
  if (consent.expires_at && Date.parse(consent.expires_at) <= at.getTime()) return true;
  const months = maxAge[consent.type];
  if (months == null) return false;
  const limit = new Date(consent.captured_at);
  limit.setUTCMonth(limit.getUTCMonth() + months);
  return limit.getTime() <= at.getTime();
}

export function isForEntity(consent: Consent, entity: string): boolean {
  return entityKey(consent.calling_entity) === entityKey(entity);
}

/** Newest first, so the response names the most recent consent that qualifies. */
export function newestFirst(consents: Consent[]): Consent[] {
  return [...consents].sort((a, b) => b.captured_at.localeCompare(a.captured_at));
}
