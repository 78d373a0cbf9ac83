/** The decision policy the configuration describes. */
import type { Config } from '../config';
import type { DisclosureTemplate } from '../domain/disclosure';
import { DEFAULT_MAX_AGE_MONTHS } from '../domain/checks/consentRules';
import { entityKey } from '../domain/vocabulary';
import { defaultPolicy, type GatePolicy } from './policy';

export function policyFromConfig(config: Config, publicBaseUrl: string): GatePolicy {
  const disclosures = new Map<string, DisclosureTemplate>();
  for (const e of config.entities) {
    if (e.disclosure) disclosures.set(entityKey(e.name), typeof e.disclosure === 'string' ? { text: e.disclosure } : e.disclosure);
  }
  return defaultPolicy({
    adversaryCountries: new Set(config.ADVERSARY_COUNTRIES.map((c) => c.toUpperCase())),
    callingWindow: config.calling_window,
    smsWindow: config.sms_window,
    smsDailyCap: config.SMS_DAILY_CAP,
    defaultMonthlyQuota: config.MONTHLY_QUOTA ?? null,
    maxAgeMonths: { ...DEFAULT_MAX_AGE_MONTHS, ...config.consent_max_age_months },
    dncStalePolicy: config.DNC_STALE_POLICY,
    reassignedCheckAfterDays: config.REASSIGNED_CHECK_AFTER_DAYS,
    reassignedOnError: config.REASSIGNED_ON_ERROR,
    disclosures,
    publicBaseUrl,
    keyRateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
}
