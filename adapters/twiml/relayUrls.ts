/**
 * Finds every `<Connect><ConversationRelay url="…">` in a document and
 * replaces its URL, so the conversation passes through the gateway where the
 * consumer's speech is inspected for opt-outs. Carrier-neutral: Telnyx TeXML
 * uses the same verb and attribute.
 *
 * Nested anywhere (a `<Connect>` is always top level in practice, but a
 * document is walked whole so nothing slips by).
 */
import { attrsOf, childrenOf, tagOf, withAttributes, withChildren, type TwimlDocument, type TwimlNode } from './document';

export const RELAY_TAGS = new Set(['ConversationRelay']);

export function rewriteRelayUrls(doc: TwimlDocument, rewrite: (url: string) => string): { doc: TwimlDocument; rewritten: number } {
  let rewritten = 0;
  const walk = (node: TwimlNode): TwimlNode => {
    const tag = tagOf(node);
    if (!tag) return node;
    let out = node;
    const url = attrsOf(node).url;
    if (RELAY_TAGS.has(tag) && url) {
      out = withAttributes(out, { url: rewrite(url) });
      rewritten++;
    }
    const children = childrenOf(node);
    return children.length ? withChildren(out, children.map(walk)) : out;
  };
  return { doc: { attributes: doc.attributes, verbs: doc.verbs.map(walk) }, rewritten };
}

/** Every relay URL in a document, for tests and logs. */
export function relayUrls(doc: TwimlDocument): string[] {
  const found: string[] = [];
  const walk = (node: TwimlNode) => {
    const tag = tagOf(node);
    if (tag && RELAY_TAGS.has(tag) && attrsOf(node).url) found.push(attrsOf(node).url);
    childrenOf(node).forEach(walk);
  };
  doc.verbs.forEach(walk);
  return found;
}

export interface ConnectGuard {
  /** The application's own `action`/`method` on that `<Connect>`, if it had one. */
  action?: string;
  method?: string;
  /** The verbs after that `<Connect>`: what the call would do next without an action. */
  following: TwimlNode[];
}

/**
 * Points the `action` of every top-level `<Connect>` that holds a relay at
 * `actionFor(…)`. When the relay session ends (for instance because the
 * gateway ended it on an opt-out) the carrier asks that action what to do
 * next, so the gateway gets the last word: hang up after an opt-out,
 * otherwise continue exactly as the application's document said — its own
 * action, or the verbs that followed the `<Connect>` (handed to `actionFor`;
 * with an action set, the carrier no longer runs them itself).
 */
export function guardRelayConnects(doc: TwimlDocument, actionFor: (guard: ConnectGuard) => string): TwimlDocument {
  const verbs = [...doc.verbs];
  // Last to first, so a guard's `following` already carries the guards of later Connects.
  for (let i = verbs.length - 1; i >= 0; i--) {
    const v = verbs[i];
    if (tagOf(v) !== 'Connect' || !childrenOf(v).some((c) => RELAY_TAGS.has(tagOf(c) ?? ''))) continue;
    const { action, method } = attrsOf(v);
    verbs[i] = withAttributes(v, { action: actionFor({ action, method, following: verbs.slice(i + 1) }), method: 'POST' });
  }
  return { attributes: doc.attributes, verbs };
}
