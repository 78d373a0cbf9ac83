/**
 * The two-letter codes of the US states, the District of Columbia and the
 * inhabited territories (USPS / ISO 3166-2:US), the only values
 * `recipient_state`, `address_state` and a jurisdiction's state part accept.
 */
import type { Jurisdiction } from './ruleTypes';

export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
]);

export function isUsStateCode(value: string): boolean {
  return US_STATE_CODES.has(value);
}

/** `US-FL` for `FL`. */
export function jurisdictionOf(stateCode: string): Jurisdiction {
  return `US-${stateCode}`;
}

/** The state code of a jurisdiction such as `US-FL`, or null when it is not one. */
export function stateOfJurisdiction(jurisdiction: string): string | null {
  const match = /^US-([A-Z]{2})$/.exec(jurisdiction);
  return match && US_STATE_CODES.has(match[1]) ? match[1] : null;
}
