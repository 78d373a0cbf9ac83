/** Reading TwiML/TeXML the way an assertion wants it. */
import { childrenOf, type elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';

/** Every number a TwiML document would dial (`<Number>`, at any depth), however it is spelled. */
export function dialedIn(xml: string): string[] {
  const out: string[] = [];
  const walk = (n: ReturnType<typeof elementsOf>[number]) => {
    if (tagOf(n) === 'Number') out.push(String(childrenOf(n)[0]?.['#text'] ?? ''));
    childrenOf(n).forEach(walk);
  };
  parseTwiml(xml).verbs.forEach(walk);
  return out;
}
