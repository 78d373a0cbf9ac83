/**
 * The gateway's edits to a TeXML call document, with the signed Gather
 * action they need. The XML itself is handled by the carrier-neutral
 * `adapters/twiml`; only the URLs are Telnyx's.
 */
import { optOutConfirmation } from '../../src/gate/optOutSignals';
import { disclosureThenHangup, hangup, renderTwiml, responseOf, rewriteContinuations, say, withDisclosure, type TwimlDocument } from '../twiml';
import { gatewayUrl, methodOf, TOKEN_KINDS, WEBHOOK_PATHS, type GatherClaims, type SenderKindClaims, type TelnyxContext } from './context';

/** Said when the application's TeXML cannot be had after the consumer answered. */
export const TEXML_APOLOGY = 'Sorry, this call cannot continue right now. Goodbye.';

/** Said instead of the application's TeXML when it would dial someone the gate did not allow. */
export const TEXML_DIAL_REFUSED = 'Sorry, this call cannot be connected. Goodbye.';

function gatherAction(t: TelnyxContext, continuation: GatherClaims): string {
  return gatewayUrl(t, WEBHOOK_PATHS.texml, t.signer.sign(TOKEN_KINDS.gather, continuation));
}

/** The application's document with the disclosure Gather first. */
export function disclosedTexml(t: TelnyxContext, appDoc: TwimlDocument, script: string, continuation: GatherClaims): TwimlDocument {
  return withDisclosure(appDoc, { script, gatherAction: gatherAction(t, continuation) });
}

/** The application is unreachable or answered nonsense: identify the call, offer the opt-out, end it. */
export function disclosedApology(t: TelnyxContext, script: string, continuation: GatherClaims, apology = TEXML_APOLOGY): TwimlDocument {
  return disclosureThenHangup({ script, gatherAction: gatherAction(t, continuation) }, apology);
}

export function texmlGoodbye(words: string): string {
  return renderTwiml(responseOf([say(words), hangup()]));
}

export function texmlOptOutGoodbye(entity: string): string {
  return texmlGoodbye(optOutConfirmation(entity));
}

type CallParty = SenderKindClaims & { o: string; e: string; p: string; d: string };

/**
 * Every URL Telnyx would fetch this call's next TeXML from (`<Redirect>`, a
 * `<Gather>` or `<Dial>` action…) pointed at `/telnyx/texml`, so what the
 * application answers there has its dials checked too. `base` resolves
 * relative URLs; URLs already leading to the gateway, or that Telnyx could not
 * fetch either, stay.
 */
export function texmlContinuationsThroughGateway(
  t: TelnyxContext,
  doc: TwimlDocument,
  party: CallParty,
  base?: string,
): { doc: TwimlDocument; rewritten: number } {
  const own = `${t.publicBaseUrl}/`;
  const { o, e, p, d, pu, ct, sr } = party;
  return rewriteContinuations(doc, (c) => {
    let absolute: string;
    try {
      const u = new URL(c.url, base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
      absolute = u.toString();
    } catch {
      return undefined;
    }
    if (absolute.startsWith(own)) return undefined;
    const claims = { o, e, p, d, ...(pu ? { pu } : {}), ...(ct ? { ct } : {}), ...(sr ? { sr } : {}), u: absolute, m: methodOf(c.method) };
    return gatewayUrl(t, WEBHOOK_PATHS.texml, t.signer.sign(TOKEN_KINDS.texml, claims));
  });
}
