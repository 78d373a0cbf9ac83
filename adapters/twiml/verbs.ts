/**
 * The few verbs the gateway itself speaks, and the edits it makes to an
 * application's document. Verb and attribute names are common to Twilio
 * TwiML and Telnyx TeXML.
 */
import { element, tagOf, text, type Attributes, type TwimlNode } from './document';

export function say(words: string, attributes: Attributes = {}): TwimlNode {
  return element('Say', attributes, [text(words)]);
}

export function hangup(): TwimlNode {
  return element('Hangup');
}

export function message(body: string): TwimlNode {
  return element('Message', {}, [text(body)]);
}

/** The verbs without any named `tag` at the top level. */
export function withoutVerbs(verbs: readonly TwimlNode[], tag: string): TwimlNode[] {
  return verbs.filter((v) => tagOf(v) !== tag);
}

/** Only the elements (whitespace between verbs dropped), for counting and tests. */
export function elementsOf(verbs: readonly TwimlNode[]): TwimlNode[] {
  return verbs.filter((v) => tagOf(v) !== undefined);
}
