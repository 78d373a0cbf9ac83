/**
 * Opt-outs that arrive in carrier traffic and agent streams: an inbound
 * text, a final transcript of the consumer's speech, a DTMF digit. Every
 * path (Twilio, Telnyx, ConversationRelay, /v1/stream, /v1/detect) goes
 * through here, so there is one detector and one way to revoke.
 *
 * If the ledger is down when an opt-out is detected, the revocation is handed
 * to the durable fallback queue (when one is configured) and applied when the
 * store returns: an opt-out is never dropped because the store blinked.
 */
import { detectOptOut, type OptOutResult } from '../domain/optout';
import { entityKey, type RevocationTrigger } from '../domain/vocabulary';
import { LedgerUnavailableError } from '../errors';
import type { GateContext } from './context';
import { buildConsent } from './consents';
import { revoke, type RevokeInput, type RevokeResponse } from './revoke';
import { keywordConsentDedupeKey } from './webhookOnce';

/** Where opt-outs wait while the store is unreachable (a fsynced local file). */
export interface RevocationFallbackQueue {
  enqueue(input: RevokeInput): Promise<void>;
}

export interface SignalContext extends GateContext {
  fallbackQueue?: RevocationFallbackQueue;
}

export type OptOutOutcome =
  | { revoked: true; queued: false; revocation: RevokeResponse }
  /** The store was down: the opt-out is durably queued and will be applied when it returns. */
  | { revoked: true; queued: true; revocation: null };

/** Revoke, or durably queue when the store is unreachable. Rejects only if neither is possible. */
export async function revokeFromTraffic(ctx: SignalContext, input: RevokeInput): Promise<OptOutOutcome> {
  try {
    return { revoked: true, queued: false, revocation: await revoke(ctx, input) };
  } catch (err) {
    if (!(err instanceof LedgerUnavailableError) || !ctx.fallbackQueue) throw err;
    await ctx.fallbackQueue.enqueue({ ...input, captured_at: input.captured_at ?? ctx.clock.now() });
    return { revoked: true, queued: true, revocation: null };
  }
}

export interface Party {
  orgId: string;
  /** The consumer's number, E.164. */
  phone: string;
  /** The calling/sending entity the consumer is talking to. */
  entity: string;
}

export interface InboundTextResult {
  detection: OptOutResult;
  optOut?: OptOutOutcome;
  /** Set when START/UNSTOP/YES re-subscribed the consumer. */
  optedIn?: { consent_id: string };
}

/**
 * An inbound SMS: STOP (and plain-language opt-outs) revoke; START re-consents; HELP is only reported.
 * @param messageId the carrier's id of the text: the consent a START records is keyed by it, so a
 *   replay of that START records nothing new (webhookOnce.ts)
 */
export async function inboundText(ctx: SignalContext, party: Party, text: string, lang?: string, messageId?: string): Promise<InboundTextResult> {
  const detection = detectOptOut(text, { channel: 'sms', lang });
  if (detection.intent === 'opt_out') {
    const optOut = await revokeFromTraffic(ctx, {
      orgId: party.orgId,
      phone: party.phone,
      calling_entity: party.entity,
      trigger: 'sms_stop',
      transcript: text,
    });
    return { detection, optOut };
  }
  if (detection.intent === 'opt_in') {
    // A keyword re-subscription is express (not written) consent to texts; it
    // lifts an earlier STOP because it is newer than the revocation.
    const built = buildConsent(ctx, {
      orgId: party.orgId,
      phone: party.phone,
      calling_entity: party.entity,
      type: 'prior_express',
      scope: ['sms'],
      ai_specific_consent: false,
      captured_at: ctx.clock.now(),
      evidence: { text, source: 'sms_keyword' },
      source: 'sms_keyword',
    });
    if (messageId) built.dedupe_key = keywordConsentDedupeKey(party.phone, party.entity, messageId);
    const { consent } = await ctx.ledger.captureConsent(built);
    return { detection, optedIn: { consent_id: consent.id } };
  }
  return { detection };
}

export interface UtteranceInput {
  text: string;
  /** Only final transcripts revoke: partials change as the recogniser hears more. */
  isFinal: boolean;
  /** Only the consumer's speech counts; the agent saying "just say stop" never revokes. */
  speaker: 'consumer' | 'agent';
  lang?: string;
  audioSegmentUrl?: string;
}

export interface UtteranceResult {
  detection: OptOutResult | null;
  optOut?: OptOutOutcome;
}

export async function utterance(ctx: SignalContext, party: Party, u: UtteranceInput): Promise<UtteranceResult> {
  if (!u.isFinal || u.speaker !== 'consumer') return { detection: null };
  const detection = detectOptOut(u.text, { channel: 'voice', lang: u.lang });
  if (detection.intent !== 'opt_out') return { detection };
  const optOut = await revokeFromTraffic(ctx, {
    orgId: party.orgId,
    phone: party.phone,
    calling_entity: party.entity,
    trigger: 'verbal_stop_during_call',
    transcript: u.text,
    audio_segment_url: u.audioSegmentUrl,
  });
  return { detection, optOut };
}

/** The digit that opts out during a call (the disclosure says "press 9"). */
export const OPT_OUT_DIGIT = '9';

export async function dtmf(ctx: SignalContext, party: Party, digits: string): Promise<OptOutOutcome | null> {
  if (!digits.includes(OPT_OUT_DIGIT)) return null;
  return revokeFromTraffic(ctx, { orgId: party.orgId, phone: party.phone, calling_entity: party.entity, trigger: 'dtmf_opt_out' as RevocationTrigger });
}

/** What the consumer hears after an opt-out during a call. */
export function optOutConfirmation(entity: string): string {
  return `You have been opted out and will not receive further calls from ${entity}. Goodbye.`;
}

/** The one confirmation text the FCC allows after an SMS opt-out (47 CFR 64.1200(a)(12)): no marketing. */
export function smsOptOutConfirmation(entity?: string): string {
  return `${entity ? entity + ': ' : ''}You are unsubscribed and will receive no further messages. Reply START to resubscribe.`;
}

export interface UnmappedTextResult {
  detection: OptOutResult;
  /** The entities revoked for (empty when the text was not an opt-out or nobody could be named). */
  entities: string[];
  optOuts: OptOutOutcome[];
}

/**
 * An inbound text to one of our numbers that no entity is mapped to. We
 * cannot tell which entity the consumer is answering, so an opt-out revokes
 * for every entity that holds a consent from this consumer in the org, and
 * every entity the configuration names for the org: an opt-out is never
 * dropped because a number was left out of the config (fail closed). An
 * opt-in is not recorded: we would not know for whom.
 */
export async function inboundTextToUnmappedNumber(
  ctx: SignalContext,
  who: { orgId: string; phone: string },
  text: string,
  configuredEntities: string[],
  lang?: string,
): Promise<UnmappedTextResult> {
  const detection = detectOptOut(text, { channel: 'sms', lang });
  if (detection.intent !== 'opt_out') return { detection, entities: [], optOuts: [] };
  let consented: string[] = [];
  try {
    const { consents } = await ctx.ledger.contactFacts(who.orgId, who.phone);
    consented = consents.filter((c) => c.status !== 'opted_out').map((c) => c.calling_entity);
  } catch (err) {
    // The store is down: the configured entities still get their (queued) revocations.
    if (!(err instanceof LedgerUnavailableError)) throw err;
  }
  const byKey = new Map<string, string>();
  for (const name of [...configuredEntities, ...consented]) if (!byKey.has(entityKey(name))) byKey.set(entityKey(name), name);
  const entities = [...byKey.values()];
  const optOuts: OptOutOutcome[] = [];
  for (const entity of entities) {
    optOuts.push(await revokeFromTraffic(ctx, { orgId: who.orgId, phone: who.phone, calling_entity: entity, trigger: 'sms_stop', transcript: text }));
  }
  return { detection, entities, optOuts };
}
