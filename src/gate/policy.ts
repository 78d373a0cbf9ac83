/**
 * What the operator may tune about decisions. Defaults are the contract's
 * (the precall and pre-send rules); the config file overrides them.
 */
import type { DncStalePolicy } from '../domain/checks/doNotCall';
import type { ReassignedOnError } from '../domain/checks/reassigned';
import { DEFAULT_ADVERSARY_COUNTRIES } from '../domain/adversaryCountries';
import type { DisclosureTemplate } from '../domain/disclosure';
import type { MaxAgeMonths } from '../domain/checks/consentRules';
import { DEFAULT_MAX_AGE_MONTHS } from '../domain/checks/consentRules';
import { FEDERAL_WINDOW, type DailyWindow } from '../domain/time/callingWindow';
import { MAX_CLOCK_SKEW_MS } from '../domain/time/plausibleTimes';
import type { CompiledRuleSet } from '../domain/stateLaw/ruleSet';
import { loadStateRules } from './stateRules';

export interface GatePolicy {
  adversaryCountries: ReadonlySet<string>;
  callingWindow: DailyWindow;
  smsWindow: DailyWindow;
  smsDailyCap: number;
  /** Default monthly pre-send quota for orgs that have none of their own; null = unlimited. */
  defaultMonthlyQuota: number | null;
  maxAgeMonths: MaxAgeMonths;
  /** What a stale registry do-not-call copy does to the contacts it covers (DNC_STALE_POLICY). */
  dncStalePolicy: DncStalePolicy;
  /** Consents older than this many days are checked for a reassigned number (REASSIGNED_CHECK_AFTER_DAYS). */
  reassignedCheckAfterDays: number;
  /** What a reassigned-number source that cannot be reached does to the contact (REASSIGNED_ON_ERROR). */
  reassignedOnError: ReassignedOnError;
  /** Disclosure templates by `entityKey(calling_entity)`. */
  disclosures: ReadonlyMap<string, DisclosureTemplate>;
  /** Base of `evidence_url`s, without a trailing slash. */
  publicBaseUrl: string;
  /** How far ahead of our clock a claimed `captured_at` may be: MAX_CLOCK_SKEW_MS, the skew consents and /v1/revoke are held to. */
  maxClockSkewMs: number;
  /** Requests a minute of an API key without a limit of its own (RATE_LIMIT_PER_MINUTE): the most a key it makes may ask for. */
  keyRateLimitPerMinute: number;
  /** The state rules decisions are made under (reference/state-rules.json). */
  stateRules: CompiledRuleSet;
}

export function defaultPolicy(overrides: Partial<GatePolicy> = {}): GatePolicy {
  const policy: GatePolicy = {
    adversaryCountries: new Set(DEFAULT_ADVERSARY_COUNTRIES),
    callingWindow: FEDERAL_WINDOW,
    smsWindow: FEDERAL_WINDOW,
    smsDailyCap: 3,
    defaultMonthlyQuota: null,
    maxAgeMonths: DEFAULT_MAX_AGE_MONTHS,
    dncStalePolicy: 'block',
    reassignedCheckAfterDays: 30,
    reassignedOnError: 'block',
    disclosures: new Map(),
    publicBaseUrl: 'http://localhost:8080',
    maxClockSkewMs: MAX_CLOCK_SKEW_MS,
    keyRateLimitPerMinute: 6000,
    stateRules: overrides.stateRules ?? loadStateRules(),
    ...overrides,
  };
  // Every evidence link is this base and a path: its trailing slashes are trimmed once, here, not on each answer.
  return { ...policy, publicBaseUrl: policy.publicBaseUrl.replace(/\/+$/, '') };
}
