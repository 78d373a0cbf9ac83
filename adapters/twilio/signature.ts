/**
 * `X-Twilio-Signature`, both ways, with twilio's own helpers:
 * `validateRequest` for what Twilio sends us (it knows the URL variants
 * Twilio may have signed — with and without the port, legacy query
 * encoding — and compares in constant time), `getExpectedTwilioSignature`
 * for what we send the application, signed for the application's own URL so
 * its `twilio.webhook()` / `validateRequest` passes unchanged.
 */
import twilio from 'twilio';
import type { FormParams } from '../shared/form';

export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: FormParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params as Record<string, string>);
}

export function signForApplication(authToken: string, url: string, params: FormParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params as Record<string, string>);
}
