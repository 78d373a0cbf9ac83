/**
 * Finds every media `<Stream url="…">` a document opens — inside `<Start>`
 * (a one-way fork of the call's audio) or `<Connect>` (a two-way stream
 * that holds the call) — and replaces its URL, so the audio passes through
 * the gateway, which watches it for the opt-out digit. `<Stop><Stream>`
 * names a stream to end and opens nothing, so it stays as written.
 */
import { attrsOf, childrenOf, tagOf, withAttributes, withChildren, type TwimlDocument, type TwimlNode } from './document';

/** The verbs under which a `<Stream>` opens a socket. */
const STREAM_OPENERS = new Set(['Start', 'Connect']);

export function rewriteStreamUrls(doc: TwimlDocument, rewrite: (url: string) => string): { doc: TwimlDocument; rewritten: number } {
  let rewritten = 0;
  const walk = (node: TwimlNode, parent: string | undefined): TwimlNode => {
    const tag = tagOf(node);
    if (!tag) return node;
    let out = node;
    const url = attrsOf(node).url;
    if (tag === 'Stream' && parent && STREAM_OPENERS.has(parent) && url) {
      out = withAttributes(out, { url: rewrite(url) });
      rewritten++;
    }
    const children = childrenOf(node);
    return children.length
      ? withChildren(
          out,
          children.map((c) => walk(c, tag)),
        )
      : out;
  };
  return { doc: { attributes: doc.attributes, verbs: doc.verbs.map((v) => walk(v, undefined)) }, rewritten };
}

/** Every media stream URL a document opens, for tests and logs. */
export function streamUrls(doc: TwimlDocument): string[] {
  const found: string[] = [];
  const walk = (node: TwimlNode, parent: string | undefined) => {
    const tag = tagOf(node);
    if (tag === 'Stream' && parent && STREAM_OPENERS.has(parent) && attrsOf(node).url) found.push(attrsOf(node).url);
    for (const c of childrenOf(node)) walk(c, tag);
  };
  for (const v of doc.verbs) walk(v, undefined);
  return found;
}
