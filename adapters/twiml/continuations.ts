/**
 * Every URL in a document from which the carrier fetches the call's next
 * TwiML: `<Redirect>`, the `action` of `<Gather>`, `<Dial>`, `<Record>`…, a
 * `waitUrl`, the whisper `url` of a dialed noun. A document the gate checked
 * is only as good as the documents it leads to, so a caller that must see
 * them all points each of these URLs back at itself (`rewrite`), and checks
 * what the application answers there in turn.
 *
 * Status callbacks (`statusCallback`, `recordingStatusCallback`…) are not
 * listed: the carrier only reports to them and runs nothing they answer.
 */
import { attrsOf, childrenOf, tagOf, text, withAttributes, withChildren, type TwimlDocument, type TwimlNode } from './document';

export interface Continuation {
  url: string;
  /** The method the document asks for (`GET`/`POST`), if it names one. */
  method?: string;
}

/** URL attribute and its method attribute, per element (lower case). */
const URL_ATTRIBUTES: Record<string, readonly (readonly [string, string])[]> = {
  gather: [['action', 'method']],
  dial: [['action', 'method']],
  record: [['action', 'method']],
  pay: [['action', 'method']],
  refer: [['action', 'method']],
  connect: [['action', 'method']],
  enqueue: [
    ['action', 'method'],
    ['waitUrl', 'waitMethod'],
  ],
  conference: [['waitUrl', 'waitMethod']],
  number: [['url', 'method']],
  sip: [['url', 'method']],
  client: [['url', 'method']],
  queue: [['url', 'method']],
};

/**
 * The document with each continuation URL replaced by `rewrite(…)` and its
 * method set to POST (the replacement is fetched by POST); `rewrite` returns
 * undefined to leave a URL as it is (one that already points at the caller).
 */
export function rewriteContinuations(doc: TwimlDocument, rewrite: (c: Continuation) => string | undefined): { doc: TwimlDocument; rewritten: number } {
  let rewritten = 0;
  const walk = (node: TwimlNode): TwimlNode => {
    const tag = tagOf(node);
    if (!tag) return node;
    const lower = tag.toLowerCase();
    let out = node;
    const attrs = attrsOf(node);
    for (const [urlKey, methodKey] of URL_ATTRIBUTES[lower] ?? []) {
      const url = attrs[urlKey];
      if (!url) continue;
      const replaced = rewrite({ url, method: attrs[methodKey] });
      if (replaced === undefined) continue;
      out = withAttributes(out, { [urlKey]: replaced, [methodKey]: 'POST' });
      rewritten++;
    }
    if (lower === 'redirect') {
      const url = childrenOf(node)
        .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
        .join('')
        .trim();
      const replaced = url ? rewrite({ url, method: attrs.method }) : undefined;
      if (replaced === undefined) return out;
      rewritten++;
      return withChildren(withAttributes(out, { method: 'POST' }), [text(replaced)]);
    }
    const children = childrenOf(node);
    return children.length ? withChildren(out, children.map(walk)) : out;
  };
  return { doc: { attributes: doc.attributes, verbs: doc.verbs.map(walk) }, rewritten };
}
