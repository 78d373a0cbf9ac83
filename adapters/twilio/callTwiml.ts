/**
 * The gateway's edits to a call's TwiML, with the signed URLs they need:
 * ConversationRelay sockets pointed through `/twilio/relay`, the disclosure
 * Gather whose action comes back to `/twilio/voice`. The XML itself is
 * handled by the carrier-neutral `adapters/twiml`.
 */
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import {
  disclosureThenHangup,
  guardRelayConnects,
  hangup,
  renderTwiml,
  responseOf,
  rewriteContinuations,
  rewriteRelayUrls,
  rewriteStreamUrls,
  say,
  withDisclosure,
  type TwimlDocument,
} from '../twiml';
import { gatewayUrl, mediaUrl, relayUrl, WEBHOOK_PATHS, type TwilioContext } from './context';
import { methodOf, senderClaims, TOKEN_KINDS, type GatherClaims, type PartyClaims } from './tokens';

/** Said when the application's TwiML cannot be had after the disclosure. */
export const APOLOGY = 'We are sorry, we cannot continue this call right now. Goodbye.';

/** Said instead of the application's TwiML when it would dial someone the gate did not allow. */
export const DIAL_REFUSED = 'We are sorry, this call cannot be connected. Goodbye.';

/**
 * Every ConversationRelay socket through `/twilio/relay`, and the action of
 * its `<Connect>` through `/twilio/voice`, so that after the gateway ends a
 * session on an opt-out the call hangs up instead of carrying on with the
 * application's next verbs. Every media `<Stream>` through `/twilio/media`
 * (the gateway ends those calls itself on an opt-out: `mediaStream.ts`); a
 * relative stream URL is resolved against `base`, the URL the document came
 * from, as Twilio would resolve it.
 */
export function throughRelay(t: TwilioContext, doc: TwimlDocument, party: PartyClaims, base?: string): TwimlDocument {
  const streamed = rewriteStreamUrls(doc, (u) => mediaUrl(t, t.signer.sign(TOKEN_KINDS.media, { ...party, u: absoluteWsUrl(u, base) ?? u }))).doc;
  const relayed = rewriteRelayUrls(streamed, (u) => relayUrl(t, t.signer.sign(TOKEN_KINDS.relay, { ...party, u }))).doc;
  return guardRelayConnects(relayed, (g) =>
    gatewayUrl(
      t,
      WEBHOOK_PATHS.voice,
      t.signer.sign(TOKEN_KINDS.connect, g.action ? { ...party, u: g.action, m: methodOf(g.method) } : { ...party, t: renderTwiml(responseOf(g.following)) }),
    ),
  );
}

/**
 * Every URL Twilio would fetch this call's next TwiML from (`<Redirect>`, a
 * `<Gather>` or `<Dial>` action…) pointed at `/twilio/voice`, so what the
 * application answers there has its dials checked before Twilio runs it.
 * `base` resolves relative URLs (the URL the document came from); URLs that
 * already lead to the gateway, and ones Twilio could not fetch either, stay.
 */
export function continuationsThroughGateway(
  t: TwilioContext,
  doc: TwimlDocument,
  party: PartyClaims,
  base?: string,
): { doc: TwimlDocument; rewritten: number } {
  const own = `${t.publicBaseUrl}/`;
  return rewriteContinuations(doc, (c) => {
    const absolute = absoluteHttpUrl(c.url, base);
    if (!absolute || absolute.startsWith(own)) return undefined;
    return gatewayUrl(t, WEBHOOK_PATHS.voice, t.signer.sign(TOKEN_KINDS.voice, { ...senderClaims(party), u: absolute, m: methodOf(c.method) }));
  });
}

/** A placed call's document as the gateway passes it on: relays through `/twilio/relay`, continuations through `/twilio/voice`. */
export function gatedCallDoc(t: TwilioContext, doc: TwimlDocument, party: PartyClaims, base?: string): TwimlDocument {
  return continuationsThroughGateway(t, throughRelay(t, doc, party, base), party, base).doc;
}

function absoluteHttpUrl(url: string, base: string | undefined): string | undefined {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A socket URL as Twilio would open it: relative ones against the document's own URL, its http(s) turned into ws(s). */
function absoluteWsUrl(url: string, base: string | undefined): string | undefined {
  try {
    const u = new URL(url, base);
    if (u.protocol === 'http:' || u.protocol === 'https:') u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.protocol === 'ws:' || u.protocol === 'wss:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function gatherAction(t: TwilioContext, claims: GatherClaims): string {
  return gatewayUrl(t, WEBHOOK_PATHS.voice, t.signer.sign(TOKEN_KINDS.gather, claims));
}

/** Above this many characters the verbs after the disclosure are not carried in the gather action's URL (they are fetched again). */
const CARRIED_VERBS_MAX = 2000;

/**
 * The application's document (already relayed through us) with the disclosure first. Twilio asks
 * for the Gather's action also when nothing was pressed, once the script was said and the gather
 * timed out: that request is when the disclosure is known to have been said (call records), and it
 * continues with the application's verbs — carried in the action's token when they are short,
 * else fetched again.
 */
export function disclosedDoc(t: TwilioContext, appDoc: TwimlDocument, script: string, continuation: GatherClaims): TwimlDocument {
  const rest = continuation.t ?? renderTwiml(appDoc);
  const claims = continuation.t === undefined && rest.length <= CARRIED_VERBS_MAX ? { ...continuation, n: rest } : continuation;
  return withDisclosure(appDoc, { script, gatherAction: gatherAction(t, claims), actionOnEmptyResult: true });
}

/** The application could not be reached or answered nonsense: identify, offer the opt-out, end. */
export function disclosedHangup(t: TwilioContext, script: string, continuation: GatherClaims, apology = APOLOGY): TwimlDocument {
  const n = renderTwiml(responseOf([say(apology), hangup()]));
  return disclosureThenHangup({ script, gatherAction: gatherAction(t, { ...continuation, n }), actionOnEmptyResult: true }, apology);
}

export function optOutGoodbye(entity: string): string {
  return renderTwiml(responseOf([say(optOutConfirmation(entity)), hangup()]));
}

export function apologyHangup(): string {
  return renderTwiml(responseOf([say(APOLOGY), hangup()]));
}

export function dialRefusedHangup(): string {
  return renderTwiml(responseOf([say(DIAL_REFUSED), hangup()]));
}
