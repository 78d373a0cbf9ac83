/**
 * Puts the AI/automated-call disclosure first in a call's document.
 *
 * The disclosure is spoken inside a one-digit DTMF `<Gather>` whose action is
 * the gateway, so pressing 9 while it plays (or just after) reaches the
 * gateway, which revokes. When nothing is pressed, a Gather without input
 * falls through to the next verb — the application's own document follows
 * unchanged. A short `timeout` keeps that fall-through to one second of
 * silence instead of the default five.
 *
 * @example
 *   withDisclosure(parseTwiml(appXml), { script, gatherAction: 'https://gw/twilio/voice?cg=…' })
 */
import { element, type Attributes, type TwimlDocument, type TwimlNode } from './document';
import { hangup, say } from './verbs';

export interface DisclosureOptions {
  /** The words, exactly as the decision recorded them. */
  script: string;
  /** Absolute URL the carrier posts the digit to. */
  gatherAction: string;
  /** `<Say>` attributes (voice, language) — carrier-specific values. */
  sayAttributes?: Attributes;
  /** Seconds to wait for a digit after the script (default 1). */
  timeoutSeconds?: number;
  /**
   * Ask the carrier for the action also when nothing was pressed (Twilio's `actionOnEmptyResult`):
   * that request then tells when the script had been said in full, and its answer continues the call.
   */
  actionOnEmptyResult?: boolean;
}

export function disclosureGather(options: DisclosureOptions): TwimlNode {
  return element(
    'Gather',
    {
      input: 'dtmf',
      numDigits: '1',
      action: options.gatherAction,
      method: 'POST',
      timeout: String(options.timeoutSeconds ?? 1),
      ...(options.actionOnEmptyResult ? { actionOnEmptyResult: 'true' } : {}),
    },
    [say(options.script, options.sayAttributes)],
  );
}

/** The disclosure, then the application's verbs. */
export function withDisclosure(doc: TwimlDocument, options: DisclosureOptions): TwimlDocument {
  return { attributes: doc.attributes, verbs: [disclosureGather(options), ...doc.verbs] };
}

/**
 * When the application's document cannot be had (down, slow, not XML) the
 * consumer has already answered: the call still identifies itself and offers
 * the opt-out, then ends — an answered call must not be silent or abandoned
 * without identification (47 CFR 64.1200(a)(7), (b)(1)).
 */
export function disclosureThenHangup(options: DisclosureOptions, apology?: string): TwimlDocument {
  const verbs: TwimlNode[] = [disclosureGather(options)];
  if (apology) verbs.push(say(apology, options.sayAttributes));
  verbs.push(hangup());
  return { attributes: {}, verbs };
}
