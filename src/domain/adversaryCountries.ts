/**
 * Calling countries on the foreign-adversary list a precall refuses by
 * default (ISO 3166-1 alpha-2). A deployment may replace the list
 * (ADVERSARY_COUNTRIES); this is what it starts from.
 */
export const DEFAULT_ADVERSARY_COUNTRIES = ['CN', 'HK', 'MO', 'CU', 'IR', 'KP', 'RU', 'VE'];
