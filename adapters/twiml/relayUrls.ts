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
