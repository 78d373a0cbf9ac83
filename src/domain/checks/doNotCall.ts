/**
 * Does a do-not-call listing block this contact? (`do_not_call`, checked
 * after the consent checks: a consent decides whether a listing is
 * overridden.)
 *
 * - Registry lists (`national`, `state:XX`) cover telemarketing calls and
 *   marketing or mixed texts, and nothing else. A covered contact to a listed
 *   number is blocked unless the entity holds, for this contact, a prior
 *   express written consent, or an established business relationship still
 *   within its age limit (47 CFR 64.1200(c)(2): the consumer's signed
 *   agreement, or the EBR the rule exempts).
 * - A registry copy more than 31 days old no longer protects the caller (the
 *   safe harbor needs one at most 31 days old): while a list covering the
 *   number's area code is stale, covered contacts without such a consent are
 *   blocked with `stale: true`, or let through with a compliance note under
 *   the `warn` policy. A listing on a fresh copy blocks whatever the policy.
 * - The `internal` list (the org's own, 47 CFR 64.1200(d)) blocks every
 *   purpose, unless the entity holds a consent captured after the listing.
 *   A list keeps no date per number, so the listing is taken as of the date
 *   of the copy that holds it: a consent given between the real listing and
 *   that date does not count (the safe side).
 */
import type { DncListName } from '../dnc/lists';
import type { DoNotCallFields } from './blocks';
import { isRegistryList } from '../dnc/lists';
import type { Consent } from '../records';
import type { MessageType, Purpose } from '../vocabulary';
import { coversCall, coversText, isExpired, isForEntity, type MaxAgeMonths } from './consentRules';
import type { CallType } from '../vocabulary';

export type DncStalePolicy = 'block' | 'warn';

/** A list as the number meets it: whether it holds the number, whether it covers its area code, and its date. */
export interface DncListFacts {
  list: DncListName;
  /** YYYY-MM-DD: the date of the copy (the oldest among the list's area codes). */
  as_of: string;
  listed: boolean;
  /** The list holds the number's area code (a registry copy only speaks for the area codes it holds). */
  coversAreaCode: boolean;
}

export type DncContact = { kind: 'call'; purpose: Purpose; callType: CallType } | { kind: 'text'; messageType: MessageType };

export interface DoNotCallFacts {
  at: Date;
  entity: string;
  contact: DncContact;
  lists: DncListFacts[];
  /** Every consent of the org for the number. */
  consents: Consent[];
  maxAgeMonths: MaxAgeMonths;
  stalePolicy: DncStalePolicy;
}

export interface DoNotCallOutcome {
  block: { reason: 'do_not_call'; fields: DoNotCallFields } | null;
  notes: string[];
}

/** A registry copy is stale once more than this many days have passed since it was taken. */
export const DNC_FRESH_DAYS = 31;
const DAY_MS = 86_400_000;

export function isStaleCopy(asOf: string, at: Date): boolean {
  return at.getTime() >= Date.parse(`${asOf}T00:00:00Z`) + (DNC_FRESH_DAYS + 1) * DAY_MS;
}

export function registryCovers(contact: DncContact): boolean {
  return contact.kind === 'call' ? contact.purpose === 'telemarketing' : contact.messageType === 'marketing' || contact.messageType === 'mixed';
}

const coversContact = (c: Consent, contact: DncContact) =>
  contact.kind === 'call' ? coversCall(c, contact.purpose, contact.callType) : coversText(c, contact.messageType);

/** A written consent, or an EBR within its age limit, of the entity, in force and covering the contact. */
export function overridesRegistry(f: DoNotCallFacts): boolean {
  return f.consents.some(
    (c) =>
      c.status === 'active' &&
      isForEntity(c, f.entity) &&
      (c.type === 'prior_express_written' || c.type === 'established_business_relationship') &&
      coversContact(c, f.contact) &&
      !isExpired(c, f.at, f.maxAgeMonths),
  );
}

/** A consent of the entity in force, captured after the day the internal copy holding the number was taken. */
function consentAfterListing(f: DoNotCallFacts, asOf: string): boolean {
  const listedBy = Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
  return f.consents.some((c) => c.status === 'active' && isForEntity(c, f.entity) && Date.parse(c.captured_at) >= listedBy);
}

export function checkDoNotCall(f: DoNotCallFacts): DoNotCallOutcome {
  const notes: string[] = [];
  const internal = f.lists.find((l) => l.list === 'internal' && l.listed);
  if (internal && !consentAfterListing(f, internal.as_of)) return { block: { reason: 'do_not_call', fields: { list: 'internal' } }, notes };
  if (!registryCovers(f.contact)) return { block: null, notes };
  const registries = f.lists.filter((l) => isRegistryList(l.list));
  if (!registries.length || overridesRegistry(f)) return { block: null, notes };
  const listed = registries.find((l) => l.listed && !isStaleCopy(l.as_of, f.at));
  if (listed) return { block: { reason: 'do_not_call', fields: { list: listed.list } }, notes };
  for (const l of registries) {
    if (!(l.listed || l.coversAreaCode) || !isStaleCopy(l.as_of, f.at)) continue;
    if (f.stalePolicy === 'block') return { block: { reason: 'do_not_call', fields: { list: l.list, stale: true } }, notes };
    notes.push(
      `The ${l.list} do-not-call copy (as of ${l.as_of}) is more than ${DNC_FRESH_DAYS} days old: it no longer protects this contact (DNC_STALE_POLICY=warn).`,
    );
  }
  return { block: null, notes };
}
