/**
 * Facts for the precall and pre-send chains decided under the rule data the
 * gateway ships (reference/state-rules.json, loaded as the gateway loads it),
 * with the consumer placed by a real number of the state. The table-driven
 * tests of every state build their cases from these; their expectations are
 * typed from the statutes, never read back from the data file.
 */
import { DateTime } from 'luxon';
import { DEFAULT_MAX_AGE_MONTHS } from '../../src/domain/checks/consentRules';
import { decidePrecall, type PrecallFacts } from '../../src/domain/checks/precall';
import { decidePresend, type PresendFacts } from '../../src/domain/checks/presend';
import { jurisdictionsFor } from '../../src/domain/stateLaw/jurisdictions';
import type { CompiledRuleSet } from '../../src/domain/stateLaw/ruleSet';
import { FEDERAL_WINDOW } from '../../src/domain/time/callingWindow';
import { timeZonesForNumber } from '../../src/domain/time/timezones';
import type { MessageType, ScopeValue } from '../../src/domain/vocabulary';
import { loadStateRules } from '../../src/gate/stateRules';
import { aConsent } from '../fixtures/records';

export const SHIPPED_RULES = loadStateRules();

export const FEDERAL = { jurisdiction: 'US', citation: '47 CFR 64.1200(c)(1)' } as const;

/** A number of each state with rules, in one zone (El Paso and the Panhandle avoided), and that zone. */
export const NUMBER_OF: Record<string, { phone: string; zone: string }> = {
  FL: { phone: '+13055550123', zone: 'America/New_York' }, // Miami
  OK: { phone: '+14055550123', zone: 'America/Chicago' }, // Oklahoma City
  MD: { phone: '+14105550123', zone: 'America/New_York' }, // Baltimore
  TX: { phone: '+12145550123', zone: 'America/Chicago' }, // Dallas
  WA: { phone: '+12065550123', zone: 'America/Los_Angeles' }, // Seattle
  CT: { phone: '+12035550123', zone: 'America/New_York' }, // New Haven
  RI: { phone: '+14015550123', zone: 'America/New_York' }, // Providence
  LA: { phone: '+15045550123', zone: 'America/Chicago' }, // New Orleans
  AL: { phone: '+12055550123', zone: 'America/Chicago' }, // Birmingham
  MS: { phone: '+16015550123', zone: 'America/Chicago' }, // Jackson
  PA: { phone: '+12155550123', zone: 'America/New_York' }, // Philadelphia
  UT: { phone: '+18015550123', zone: 'America/Denver' }, // Salt Lake City
  MA: { phone: '+16175550123', zone: 'America/New_York' }, // Boston
};

export const NEW_YORK = '+12125550123';
export const TOLL_FREE = '+18005550123';

/** `local` (`YYYY-MM-DDTHH:mm`) on the wall clock of `zone`, as the instant the chain decides at. */
export function localInstant(local: string, zone: string): Date {
  const at = DateTime.fromISO(local, { zone });
  if (!at.isValid || at.toFormat("yyyy-MM-dd'T'HH:mm") !== local) throw new RangeError(`${local} does not exist in ${zone}`);
  return at.toJSDate();
}

/** The same instant, whatever the offset it is written in (ms since the epoch), for comparing `next_allowed_at`. */
export const instantOf = (iso: string | null): number | null => (iso === null ? null : DateTime.fromISO(iso, { setZone: true }).toMillis());

export interface Placement {
  recipientState?: string;
  addressStates?: string[];
  /** The rules decided under: the shipped ones unless a test brings its own. */
  ruleSet?: CompiledRuleSet;
}

function consentFor(phone: string, at: Date, scope: ScopeValue[]) {
  // Captured shortly before the contact, so a consent's age never decides a case about the state rules.
  return aConsent({ phone, scope, captured_at: new Date(at.getTime() - 30 * 86_400_000).toISOString() });
}

export function precallFacts(phone: string, at: Date, extra: Partial<PrecallFacts> & Placement = {}): PrecallFacts {
  const { recipientState, addressStates = [], ruleSet = SHIPPED_RULES, ...overrides } = extra;
  const purpose = overrides.purpose ?? 'telemarketing';
  return {
    orgId: 'org_test',
    at,
    entity: 'Acme Insurance LLC',
    purpose,
    callType: 'ai_voice',
    callingCountry: 'US',
    adversaryCountries: new Set(),
    recipientZones: timeZonesForNumber(phone),
    callingWindow: FEDERAL_WINDOW,
    maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
    consents: [consentFor(phone, at, ['ai_voice', purpose])],
    revocations: [],
    stateRules: ruleSet,
    jurisdictions: jurisdictionsFor(phone, recipientState, addressStates, ruleSet.states),
    coveredContactsInWindow: 0,
    emergencies: [],
    ...overrides,
  };
}

export function presendFacts(phone: string, at: Date, messageType: MessageType, extra: Partial<PresendFacts> & Placement = {}): PresendFacts {
  const { recipientState, addressStates = [], ruleSet = SHIPPED_RULES, ...overrides } = extra;
  return {
    orgId: 'org_test',
    at,
    entity: 'Acme Insurance LLC',
    messageType,
    recipientZones: timeZonesForNumber(phone),
    quietWindow: FEDERAL_WINDOW,
    maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
    sentThisMonth: 0,
    monthlyQuota: null,
    sentToday: 0,
    dailyCap: 10,
    consents: [consentFor(phone, at, ['sms', messageType])],
    revocations: [],
    stateRules: ruleSet,
    jurisdictions: jurisdictionsFor(phone, recipientState, addressStates, ruleSet.states),
    coveredContactsInWindow: 0,
    emergencies: [],
    ...overrides,
  };
}

/** The answer as a user reads it: `allowed`, or the reason with its fields. */
export function answer(o: ReturnType<typeof decidePrecall> | ReturnType<typeof decidePresend>): { reason: string } & Record<string, unknown> {
  return o.allowed ? { reason: 'allowed' } : { reason: o.reason, ...(o.fields as Record<string, unknown>) };
}

export const callAnswer = (phone: string, at: Date, extra: Partial<PrecallFacts> & Placement = {}) => answer(decidePrecall(precallFacts(phone, at, extra)));
export const textAnswer = (phone: string, at: Date, messageType: MessageType, extra: Partial<PresendFacts> & Placement = {}) =>
  answer(decidePresend(presendFacts(phone, at, messageType, extra)));
