/**
 * What an anonymised phone column looks like. Retention replaces an erased
 * number with a keyed hash under this prefix, so the opt-out still applies
 * while the number itself is gone; readers use it to tell the two apart.
 */
export const SUPPRESSION_KEY_PREFIX = 'hmac:';

/** True for a phone column that holds a suppression key rather than a number. */
export function isSuppressionKey(phone: string): boolean {
  return phone.startsWith(SUPPRESSION_KEY_PREFIX);
}
