/**
 * `X-Twilio-Signature`, both ways, with twilio's own helpers:
 * `validateRequest` for what Twilio sends us (it knows the URL variants
 * Twilio may have signed — with and without the port, legacy query
 * encoding — and compares in constant time), `getExpectedTwilioSignature`
 * for what we send the application, signed for the application's own URL so
 * its `twilio.webhook()` / `validateRequest` passes unchanged.
 */
// The webhooks module alone: the package's index brings in every REST resource (a lot of memory) for two functions.
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { FormParams } from '../shared/form';

export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: FormParams): boolean {
  if (!signature) return false;
  return validateRequest(authToken, signature, url, params as Record<string, string>);
}

export function signForApplication(authToken: string, url: string, params: FormParams): string {
  return getExpectedTwilioSignature(authToken, url, params as Record<string, string>);
}
