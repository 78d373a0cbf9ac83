/**
 * Who a TwiML / TeXML document would dial: every phone number a `<Dial>` (or
 * a `<Refer>`, which hands the call to another party) reaches. A call that
 * dials someone from inside its document is a call to that someone, so each
 * target needs the same consent check as the call itself.
 *
 * Nouns, and why:
 * - `<Number>`, `<WhatsApp>` and bare text inside `<Dial>`: a phone number.
 * - `<Sip>`: a SIP address whose user part is a phone number reaches that
 *   phone through a trunk, so it is that number; any other SIP address
 *   (`sip:alice@pbx`) is an endpoint of the business's own, not a consumer.
 * - `<Client>`, `<Conference>`, `<Queue>`, `<Sim>`, `<Application>`: an
 *   agent's app, a room, a hold queue, a device or a TwiML app — nobody's
 *   phone is rung, so they pass (conference participants dialed through the
 *   REST API are gated there).
 * - Any other element inside `<Dial>`: we cannot tell whom it rings, so the
 *   document is refused (`unreadable`) rather than passed unchecked.
 *
 * Tags are matched without regard to letter case: a spelling the carrier
 * might accept must not hide a dial from the gate.
 */
import { parsePhone } from '../../src/domain/phone';
import { attrsOf, childrenOf, tagOf, type TwimlDocument, type TwimlNode } from './document';

export interface DialTarget {
  /** E.164. */
  phone: string;
  /** The `callerId` the dialing verb shows, when it sets one. */
  callerId?: string;
}

export type DialTargets = { ok: true; targets: DialTarget[] } | { ok: false; message: string };

const DIALING_VERBS = new Set(['dial', 'refer']);
const PHONE_NOUNS = new Set(['number', 'whatsapp']);
const NOBODYS_PHONE = new Set(['client', 'conference', 'queue', 'sim', 'application']);

/** The phone number in a SIP address's user part (`sip:+1212…@trunk`), if it is one. */
export function sipPhone(address: string): string | undefined {
  const m = /^\s*sips?:([^@;?]+)@/i.exec(address);
  if (!m) return undefined;
  let user: string;
  try {
    user = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  const p = parsePhone(user);
  return p.ok ? p.e164 : undefined;
}

function textOf(node: TwimlNode): string {
  return childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('')
    .trim();
}

export function dialTargets(doc: TwimlDocument): DialTargets {
  const targets: DialTarget[] = [];
  let problem: string | undefined;
  const addPhone = (raw: string, callerId: string | undefined, what: string) => {
    const p = parsePhone(raw);
    if (!p.ok) problem ??= `${what} '${raw}' is not a phone number Consent Gate can check consent for`;
    else targets.push({ phone: p.e164, ...(callerId ? { callerId } : {}) });
  };
  const dialing = (verb: TwimlNode) => {
    const callerId = attrsOf(verb).callerId;
    for (const child of childrenOf(verb)) {
      const tag = tagOf(child)?.toLowerCase();
      if (tag === undefined) {
        const bare = typeof child['#text'] === 'string' ? child['#text'].trim() : '';
        if (bare) addPhone(bare, callerId, 'the number dialed');
      } else if (PHONE_NOUNS.has(tag)) addPhone(textOf(child), callerId, `<${tagOf(child)}>`);
      else if (tag === 'sip') {
        const phone = sipPhone(textOf(child));
        if (phone) targets.push({ phone, ...(callerId ? { callerId } : {}) });
      } else if (!NOBODYS_PHONE.has(tag))
        problem ??= `<${tagOf(verb)}> holds <${tagOf(child)}>, which Consent Gate cannot check; dial a <Number>, <Sip>, <Client>, <Conference> or <Queue>`;
    }
  };
  const walk = (node: TwimlNode) => {
    const tag = tagOf(node);
    if (!tag) return;
    if (DIALING_VERBS.has(tag.toLowerCase())) dialing(node);
    else childrenOf(node).forEach(walk);
  };
  doc.verbs.forEach(walk);
  return problem ? { ok: false, message: problem } : { ok: true, targets };
}
