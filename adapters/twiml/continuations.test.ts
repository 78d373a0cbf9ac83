import { describe, expect, it } from 'vitest';
import { attrsOf, childrenOf, elementsOf, parseTwiml, renderTwiml, rewriteContinuations } from './index';

const doc = (inner: string) => parseTwiml(`<Response>${inner}</Response>`);
const seen = (inner: string) => {
  const found: string[] = [];
  rewriteContinuations(doc(inner), (c) => {
    found.push(`${c.method ?? '-'} ${c.url}`);
    return undefined;
  });
  return found;
};

describe('rewriteContinuations', () => {
  it.each([
    ['<Redirect>', '<Redirect method="GET">https://app.example/next</Redirect>', ['GET https://app.example/next']],
    ['a <Gather> action', '<Gather action="/menu" method="GET"><Say>Press 1</Say></Gather>', ['GET /menu']],
    [
      'a <Dial> action and a whisper url',
      '<Dial action="https://a.example/after"><Number url="https://a.example/whisper">+12125550100</Number></Dial>',
      ['- https://a.example/after', '- https://a.example/whisper'],
    ],
    [
      'an <Enqueue> action and waitUrl',
      '<Enqueue action="https://a.example/a" waitUrl="https://a.example/w" waitMethod="GET">q</Enqueue>',
      ['- https://a.example/a', 'GET https://a.example/w'],
    ],
    ['<Record> and <Pay>', '<Record action="https://a.example/r"/><Pay action="https://a.example/p"/>', ['- https://a.example/r', '- https://a.example/p']],
    ['nothing to follow', '<Say>hello</Say><Hangup/>', []],
  ])('rewriteContinuations finds %s', (_name, inner, urls) => {
    expect(seen(inner)).toEqual(urls);
  });

  it('rewriteContinuations replaces each URL and makes it a POST, leaving what rewrite declines', () => {
    const { doc: out, rewritten } = rewriteContinuations(
      doc('<Gather action="https://a.example/g" method="GET"/><Redirect>https://gw.example/keep</Redirect>'),
      (c) => (c.url.startsWith('https://gw.example/') ? undefined : `https://gw.example/v?u=${encodeURIComponent(c.url)}`),
    );
    expect(rewritten).toBe(1);
    const [gather, redirect] = elementsOf(out.verbs);
    expect(attrsOf(gather)).toEqual({ action: 'https://gw.example/v?u=https%3A%2F%2Fa.example%2Fg', method: 'POST' });
    expect(childrenOf(redirect)[0]['#text']).toBe('https://gw.example/keep');
    expect(parseTwiml(renderTwiml(out))).toEqual(out);
  });
});
