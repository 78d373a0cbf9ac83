/**
 * Expectations shared by the opt-out detector's construction tests: what a
 * user of the detector would see for a phrasing, on every channel.
 */
import { expect } from 'vitest';
import { detectOptOut } from '../../src/domain/optout/detectOptOut';

/** On SMS and on voice alike, a phrase rule of `lang` reads the text as an opt-out (not the classifier, not a keyword). */
export function expectPhraseOptOut(text: string, lang: string): void {
  for (const channel of ['sms', 'voice'] as const) {
    const result = detectOptOut(text, { channel });
    expect(result, channel).toMatchObject({ intent: 'opt_out', lang });
    expect(result.matched, channel).toMatch(new RegExp(`^phrase:${lang}:`));
  }
}
