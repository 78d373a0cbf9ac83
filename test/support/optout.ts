/**
 * Expectations shared by the opt-out detector's construction tests: what a
 * user of the detector would see for a phrasing, on every channel.
 */
import { expect } from 'vitest';
import { detectOptOut, detectRules } from '../../src/domain/optout/detectOptOut';
import type { OptOutChannel } from '../../src/domain/optout/types';

/** On SMS and on voice alike, a phrase rule of `lang` reads the text as an opt-out (not the classifier, not a keyword). */
export function expectPhraseOptOut(text: string, lang: string): void {
  for (const channel of ['sms', 'voice'] as const) {
    const result = detectOptOut(text, { channel });
    expect(result, channel).toMatchObject({ intent: 'opt_out', lang });
    expect(result.matched, channel).toMatch(new RegExp(`^phrase:${lang}:`));
  }
}

/** On one channel, the rules alone (not the classifier) read the text as an opt-out of `lang`, by a phrase or a keyword. */
export function expectRulesOptOut(text: string, channel: OptOutChannel, lang: string): void {
  const result = detectRules(text, { channel });
  expect(result).toMatchObject({ intent: 'opt_out', lang });
  expect(result?.matched).toMatch(/^(?:phrase|keyword)/);
}
