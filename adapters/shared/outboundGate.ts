/**
 * A carrier REST request that would dial a call or send a text, turned into
 * one gate decision — the same for every carrier.
 *
 * 1. Who is calling: within the org the request's carrier account maps to,
 *    the entity `X-Consent-Entity` names; else the configured entity found
 *    by the request's numbers and carrier ids. Another org's entity → 403;
 *    no entity → 400; either way never forwarded.
 * 2. What kind of contact: header, else the entity's configuration, else the
 *    fail-closed defaults below.
 * 3. The decision (precall / pre-send), stored before we answer. A store that
 *    cannot be reached is `unavailable`: the request is not forwarded.
 */
import { parsePhone } from '../../src/domain/phone';
import type { CallType, MessageType, Purpose } from '../../src/domain/vocabulary';
import { AppError, LedgerUnavailableError } from '../../src/errors';
import type { GateContext } from '../../src/gate/context';
import type { AllowedPrecall, AllowedPresend, BlockedAnswer } from '../../src/gate/answers';
import { precall } from '../../src/gate/precall';
import { presend } from '../../src/gate/presend';
import type { FieldProblem } from './carrier';
import type { ConsentOverrides } from './consentHeaders';
import { stripChannel, type DirectoryEntry, type EntityDirectory, type EntityLookup } from './entityDirectory';

/**
 * When neither a header nor the entity's configuration says what a contact
 * is, assume the kind the law is strictest about: a telemarketing call by an
 * AI voice (written consent, AI-specific consent, calling hours, disclosure)
 * and a marketing text (quiet hours). Guessing a weaker kind would let a
 * misconfigured sender through; guessing the strictest at worst blocks it.
 */
export const FAIL_CLOSED_DEFAULTS = { purpose: 'telemarketing', call_type: 'ai_voice', message_type: 'marketing' } as const satisfies {
  purpose: Purpose;
  call_type: CallType;
  message_type: MessageType;
};

export interface ResolvedSender {
  orgId: string;
  entity: string;
  purpose: Purpose;
  call_type: CallType;
  message_type: MessageType;
  /** Where the entity came from, for the audit metadata. */
  source: 'header' | 'config';
}

/**
 * Why a request was refused before the gate: `entity_not_in_org` (it names
 * an entity, number or carrier id that is not its account's org's) is a 403
 * in the carrier's dialect; `invalid` (no entity at all) is a 400.
 */
/** What a gateway-signed call token says of its sender: org and entity, and (in tokens minted since they carry them) purpose, call type and where the entity came from. */
export interface SenderClaims {
  o: string;
  e: string;
  pu?: Purpose;
  ct?: CallType;
  sr?: 'header' | 'config';
}

/** The sender a token speaks for, so what its call's TwiML dials is checked as the call was; older tokens fall back to the configuration. */
export function senderOfClaims(directory: EntityDirectory, c: SenderClaims): ResolvedSender {
  const configured = directory.byName(c.e);
  return {
    orgId: c.o,
    entity: c.e,
    purpose: c.pu ?? configured?.purpose ?? FAIL_CLOSED_DEFAULTS.purpose,
    call_type: c.ct ?? configured?.call_type ?? FAIL_CLOSED_DEFAULTS.call_type,
    message_type: configured?.message_type ?? FAIL_CLOSED_DEFAULTS.message_type,
    source: c.sr ?? 'config',
  };
}

export type ResolveResult = { ok: true; sender: ResolvedSender } | { ok: false; refusal: 'entity_not_in_org' | 'invalid'; message: string };

const LOOKUP_NAMES: Record<EntityLookup['kind'], string> = {
  number: 'From number',
  twilio_account: 'account',
  twilio_messaging_service: 'Messaging Service',
  telnyx_connection: 'connection',
  telnyx_messaging_profile: 'messaging profile',
};

/**
 * The sender of a request whose carrier account maps to `orgId` (the caller
 * found that first; an unmapped account never gets here). Everything the
 * request names must be of that org: a header naming another org's entity,
 * or a From / messaging service / connection configured for another org's
 * entity, would gate the request against that org's consents and spend its
 * caps — so it is refused, whatever the consents say, and before they are
 * read. `X-Consent-Entity` must name a configured entity: a name the
 * configuration does not know cannot be shown to be the org's own.
 */
export function resolveSender(directory: EntityDirectory, orgId: string, overrides: ConsentOverrides, lookups: readonly EntityLookup[]): ResolveResult {
  for (const lookup of lookups) {
    const hit = directory.resolve([lookup]);
    if (hit && hit.orgId !== orgId) {
      return {
        ok: false,
        refusal: 'entity_not_in_org',
        message: `Consent Gate refused this request: its ${LOOKUP_NAMES[lookup.kind]} is configured for a calling entity that is not this account's`,
      };
    }
  }
  let configured: DirectoryEntry | undefined;
  if (overrides.entity) {
    configured = directory.byName(overrides.entity);
    // One answer for "not configured" and "another org's", so the header cannot probe other orgs' entity names.
    if (!configured || configured.orgId !== orgId) {
      return {
        ok: false,
        refusal: 'entity_not_in_org',
        message: "Consent Gate refused this request: X-Consent-Entity names no calling entity configured for this account's org",
      };
    }
  } else {
    configured = directory.resolve(lookups);
    if (!configured) {
      return {
        ok: false,
        refusal: 'invalid',
        message:
          'Consent Gate cannot tell which calling entity this request is for: map the From number, account or messaging service to an entity in the configuration, or send the X-Consent-Entity header',
      };
    }
  }
  return {
    ok: true,
    sender: {
      orgId,
      entity: configured.name,
      purpose: overrides.purpose ?? configured.purpose ?? FAIL_CLOSED_DEFAULTS.purpose,
      call_type: overrides.call_type ?? configured.call_type ?? FAIL_CLOSED_DEFAULTS.call_type,
      message_type: overrides.message_type ?? configured.message_type ?? FAIL_CLOSED_DEFAULTS.message_type,
      source: overrides.entity ? 'header' : 'config',
    },
  };
}

/** An allowed decision, whichever gate took it. */
export type GatedDecision = AllowedPrecall | AllowedPresend;

export type GateOutcome<D extends GatedDecision> =
  | { kind: 'allowed'; decision: D }
  | { kind: 'blocked'; decision: BlockedAnswer }
  | { kind: 'unavailable'; message: string }
  | { kind: 'invalid'; message: string; field?: string; problem?: FieldProblem };

export interface OutboundContact {
  sender: ResolvedSender;
  /** The consumer's number as the carrier request names it (`To`). */
  to: string | undefined;
  /** Our number (`From`), when the request names one. */
  from?: string;
  /** Carrier facts for the audit log (account, request kind…). */
  metadata: Record<string, unknown>;
  /** When the contact will happen, if the request schedules it (a text's `send_at`); default now. */
  at?: Date;
}

type Consumer = { ok: true; phone: string; callingNumber?: string } | { ok: false; message: string; field: string; problem: FieldProblem };

function consumerOf(contact: OutboundContact, toField: string): Consumer {
  if (!contact.to) return { ok: false, message: `No '${toField}' number is specified`, field: toField, problem: 'missing' };
  const to = parsePhone(stripChannel(contact.to));
  if (!to.ok) {
    return {
      ok: false,
      message: `Invalid '${toField}' Phone Number: Consent Gate checks consent for phone numbers only (${to.error})`,
      field: toField,
      problem: 'malformed',
    };
  }
  const from = contact.from ? parsePhone(stripChannel(contact.from)) : undefined;
  return { ok: true, phone: to.e164, callingNumber: from?.ok ? from.e164 : undefined };
}

/** The consumer's number in E.164, as the gate saw it (undefined when it is not a phone number). */
export function consumerPhone(to: string | undefined): string | undefined {
  if (!to) return undefined;
  const p = parsePhone(stripChannel(to));
  return p.ok ? p.e164 : undefined;
}

async function decide<D extends GatedDecision>(run: () => Promise<D | BlockedAnswer>): Promise<GateOutcome<D>> {
  try {
    const decision = await run();
    return decision.allowed ? { kind: 'allowed', decision } : { kind: 'blocked', decision };
  } catch (err) {
    if (err instanceof LedgerUnavailableError) return { kind: 'unavailable', message: err.message };
    if (err instanceof AppError && err.code === 'UNAVAILABLE') return { kind: 'unavailable', message: err.message };
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
      return {
        kind: 'invalid',
        message:
          Object.entries(err.details ?? {})
            .map(([k, v]) => `${k} ${v}`)
            .join('; ') || err.message,
      };
    }
    throw err;
  }
}

export function gateCall(ctx: GateContext, contact: OutboundContact, toField = 'To'): Promise<GateOutcome<AllowedPrecall>> {
  const consumer = consumerOf(contact, toField);
  if (!consumer.ok) return Promise.resolve({ kind: 'invalid', message: consumer.message, field: consumer.field, problem: consumer.problem });
  const { sender } = contact;
  return decide(() =>
    precall(ctx, {
      orgId: sender.orgId,
      phone: consumer.phone,
      calling_entity: sender.entity,
      purpose: sender.purpose,
      call_type: sender.call_type,
      calling_number: consumer.callingNumber,
      metadata: { ...contact.metadata, entity_source: sender.source },
      call_at: contact.at,
    }),
  );
}

export function gateMessage(ctx: GateContext, contact: OutboundContact, toField = 'To'): Promise<GateOutcome<AllowedPresend>> {
  const consumer = consumerOf(contact, toField);
  if (!consumer.ok) return Promise.resolve({ kind: 'invalid', message: consumer.message, field: consumer.field, problem: consumer.problem });
  const { sender } = contact;
  return decide(() =>
    presend(ctx, {
      orgId: sender.orgId,
      phone: consumer.phone,
      sending_entity: sender.entity,
      message_type: sender.message_type,
      sending_number: consumer.callingNumber,
      metadata: { ...contact.metadata, entity_source: sender.source },
      send_at: contact.at,
    }),
  );
}
