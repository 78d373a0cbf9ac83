import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  guardRelayConnects,
  disclosureThenHangup,
  elementsOf,
  message,
  parseTwiml,
  relayUrls,
  renderTwiml,
  responseOf,
  rewriteRelayUrls,
  tagOf,
  withDisclosure,
  withoutVerbs,
} from './index';
import { TwimlError } from '../../src/errors';

const APP = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say voice="Polly.Joanna">Hello &amp; welcome</Say>
  <Connect action="https://app.example/after?x=1&amp;y=2">
    <ConversationRelay url="wss://app.example/relay?a=1&amp;b=2" welcomeGreeting="Hi"/>
  </Connect>
</Response>`;

/** An independent reading of the output: what a carrier's XML parser would see. */
function read(xml: string) {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  }).parse(xml);
}

describe('parseTwiml', () => {
  it('parseTwiml keeps verbs in order with their attributes and entities decoded', () => {
    const doc = parseTwiml(APP);
    expect(elementsOf(doc.verbs).map(tagOf)).toEqual(['Say', 'Connect']);
    expect(relayUrls(doc)).toEqual(['wss://app.example/relay?a=1&b=2']);
  });

  it.each([
    ['plain text', 'Sorry, something went wrong'],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['unclosed tags', '<Response><Say>hi</Response>'],
    ['empty', '   '],
    ['a DTD (entity expansion)', '<!DOCTYPE r [<!ENTITY a "aaaa">]><Response><Say>&a;</Say></Response>'],
    ['two roots', '<Response/><Response/>'],
  ])('parseTwiml refuses %s', (_name, xml) => {
    expect(() => parseTwiml(xml)).toThrow(TwimlError);
  });

  it('an empty <Response/> is a valid document with no verbs', () => {
    expect(parseTwiml('<Response/>').verbs).toEqual([]);
  });
});

describe('withDisclosure', () => {
  const script = 'Hi, this is an AI assistant calling on behalf of "Acme & Sons" <LLC>. Press 9 to opt out.';
  const action = 'https://gw.example/twilio/voice?cg=abc.def&x=1';

  it('withDisclosure speaks the script first inside a one-digit DTMF Gather, then the app verbs', () => {
    const xml = renderTwiml(withDisclosure(parseTwiml(APP), { script, gatherAction: action }));
    const r = read(xml).Response[0];
    const gather = r.Gather[0];
    expect(gather['@input']).toBe('dtmf');
    expect(gather['@numDigits']).toBe('1');
    expect(gather['@action']).toBe(action);
    expect(gather.Say[0]['#text'] ?? gather.Say[0]).toBe(script);
    // The first element of the document is the Gather.
    expect(xml.indexOf('<Gather')).toBeLessThan(xml.indexOf('<Say voice="Polly.Joanna"'));
    expect(r.Connect[0].ConversationRelay[0]['@url']).toBe('wss://app.example/relay?a=1&b=2');
  });

  it('withDisclosure output parses back to the same verbs (round trip)', () => {
    const once = renderTwiml(withDisclosure(parseTwiml(APP), { script, gatherAction: action }));
    expect(renderTwiml(parseTwiml(once))).toBe(once);
  });

  it('disclosureThenHangup identifies the call, offers the opt-out and ends it', () => {
    const xml = renderTwiml(disclosureThenHangup({ script, gatherAction: action }, 'Goodbye.'));
    expect(elementsOf(parseTwiml(xml).verbs).map(tagOf)).toEqual(['Gather', 'Say', 'Hangup']);
  });
});

describe('rewriteRelayUrls', () => {
  it('rewriteRelayUrls replaces every ConversationRelay url and nothing else', () => {
    const { doc, rewritten } = rewriteRelayUrls(parseTwiml(APP), (u) => `wss://gw.example/twilio/relay?cg=${encodeURIComponent(u)}`);
    expect(rewritten).toBe(1);
    const r = read(renderTwiml(doc)).Response[0];
    expect(r.Connect[0].ConversationRelay[0]['@url']).toBe('wss://gw.example/twilio/relay?cg=' + encodeURIComponent('wss://app.example/relay?a=1&b=2'));
    expect(r.Connect[0]['@action']).toBe('https://app.example/after?x=1&y=2');
    expect(r.Connect[0].ConversationRelay[0]['@welcomeGreeting']).toBe('Hi');
  });
});

describe('verbs', () => {
  it('withoutVerbs drops top-level verbs of one kind', () => {
    const doc = parseTwiml('<Response><Message>Buy now!</Message><Redirect>https://x</Redirect></Response>');
    expect(elementsOf(withoutVerbs(doc.verbs, 'Message')).map(tagOf)).toEqual(['Redirect']);
  });

  it('message bodies are escaped, not interpreted', () => {
    const xml = renderTwiml(responseOf([message('</Message><Redirect>https://evil</Redirect>')]));
    expect(elementsOf(parseTwiml(xml).verbs).map(tagOf)).toEqual(['Message']);
  });
});

describe('guardRelayConnects', () => {
  it('guardRelayConnects sets the action of a relay Connect, handing over its own action or the verbs after it', () => {
    const doc = parseTwiml('<Response><Connect><ConversationRelay url="wss://a"/></Connect><Say>after</Say><Hangup/></Response>');
    const seen: { action?: string; following: string[] }[] = [];
    const out = guardRelayConnects(doc, (g) => {
      seen.push({ action: g.action, following: elementsOf(g.following).map((n) => tagOf(n)!) });
      return 'https://gw/next';
    });
    expect(seen).toEqual([{ action: undefined, following: ['Say', 'Hangup'] }]);
    const r = read(renderTwiml(out)).Response[0];
    expect(r.Connect[0]['@action']).toBe('https://gw/next');
    expect(r.Connect[0]['@method']).toBe('POST');
    const kept = guardRelayConnects(parseTwiml(APP), (g) => `https://gw/next?was=${g.action}`);
    expect(read(renderTwiml(kept)).Response[0].Connect[0]['@action']).toBe('https://gw/next?was=https://app.example/after?x=1&y=2');
  });

  it('a Connect without a relay (a Stream, a Room) is left alone', () => {
    const doc = parseTwiml('<Response><Connect><Stream url="wss://s"/></Connect></Response>');
    expect(renderTwiml(guardRelayConnects(doc, () => 'https://gw/next'))).toBe(renderTwiml(doc));
  });
});
