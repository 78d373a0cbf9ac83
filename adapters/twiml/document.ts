/**
 * TwiML (Twilio) and TeXML (Telnyx's dialect of it) as a tree, read and
 * written with a real XML library — never by pasting strings, so a quote or
 * an ampersand in a disclosure script or a URL cannot break the document or
 * smuggle verbs into it.
 *
 * The tree is fast-xml-parser's `preserveOrder` shape: a node is
 * `{ Tag: children[], ':@': { attr: value } }` or `{ '#text': '…' }`. Element
 * order is kept exactly, which is what TwiML means.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { TwimlError } from '../../src/errors';

export type Attributes = Record<string, string>;
export type TwimlNode = { [tag: string]: TwimlNode[] | Attributes | string | undefined; ':@'?: Attributes; '#text'?: string };

/** A parsed `<Response>`: the verbs in order. */
export interface TwimlDocument {
  verbs: TwimlNode[];
  /** Attributes of `<Response>` itself (rare, kept). */
  attributes: Attributes;
}

/** Largest document we read: Twilio's own TwiML limit is 64 KB. */
export const MAX_TWIML_BYTES = 64 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  suppressEmptyNode: true,
  processEntities: true,
});

const ATTRS = ':@';

export function tagOf(node: TwimlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRS && k !== '#text');
}

export function childrenOf(node: TwimlNode): TwimlNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? c : [];
}

export function attrsOf(node: TwimlNode): Attributes {
  return node[ATTRS] ?? {};
}

export function element(tag: string, attributes: Attributes = {}, children: TwimlNode[] = []): TwimlNode {
  const node: TwimlNode = { [tag]: children };
  if (Object.keys(attributes).length) node[ATTRS] = { ...attributes };
  return node;
}

export function text(value: string): TwimlNode {
  return { '#text': value };
}

/** The same element with some attributes replaced; the input is not changed. */
export function withAttributes(node: TwimlNode, changes: Attributes): TwimlNode {
  return { ...node, [ATTRS]: { ...attrsOf(node), ...changes } };
}

/** The same element with other children; the input is not changed. */
export function withChildren(node: TwimlNode, children: TwimlNode[]): TwimlNode {
  const tag = tagOf(node);
  if (!tag) return node;
  return { ...node, [tag]: children };
}

/**
 * Parses a TwiML answer. Throws TwimlError when it is not well-formed XML,
 * declares a DTD (TwiML never does; entity expansion is a classic attack),
 * or is not a `<Response>` document.
 */
export function parseTwiml(xml: string): TwimlDocument {
  if (Buffer.byteLength(xml, 'utf8') > MAX_TWIML_BYTES) throw new TwimlError(`TwiML larger than ${MAX_TWIML_BYTES} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new TwimlError('TwiML must not declare a DTD');
  const trimmed = xml.trim();
  if (!trimmed) throw new TwimlError('empty TwiML');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new TwimlError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = parser.parse(trimmed) as TwimlNode[];
  const roots = nodes.filter((n) => {
    const tag = tagOf(n);
    return tag !== undefined && !tag.startsWith('?');
  });
  if (roots.length !== 1 || tagOf(roots[0]) !== 'Response') throw new TwimlError('root element must be <Response>');
  return { verbs: childrenOf(roots[0]), attributes: attrsOf(roots[0]) };
}

export function renderTwiml(doc: TwimlDocument): string {
  const root = element('Response', doc.attributes, doc.verbs);
  return '<?xml version="1.0" encoding="UTF-8"?>' + builder.build([root]);
}

export function responseOf(verbs: TwimlNode[]): TwimlDocument {
  return { verbs, attributes: {} };
}
