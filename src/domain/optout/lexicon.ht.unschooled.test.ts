import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Haitian Creole as people write it who were never taught to ("sèspann",
 * "pavle", "nimero", "tanpi"), as an English or French speech model hears
 * it ("si pan", "moi", "encore", "anymore"), an elder's "se pa la pèn", and
 * the sender asked to block its own messages. And the look-alikes each new
 * form brings: the speaker's own habit ("m pa rele nou ankò"), a relative
 * told, stopping something done somewhere else ("… nan gwoup la"), "rele w
 * demen" after the words, the speaker's own blocking. Asserted on the rules
 * alone, so the classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('ht opt-outs in unschooled spelling, ASR and code-switching', () => {
  it.each([
    ['sms', 'sèspann voye mesaj yo tanpi'],
    ['sms', 'pavle tèks nou yo ankò'],
    ['sms', 'tampri retire nimero mwen'],
    ['sms', 'M PA VLE NOU REKONTAKTE MWEN'],
    ['voice', 'pa ekri moi encore'],
    ['voice', 'si pan voye m mesaj'],
    ['voice', 'se pa la pèn voye mesaj ankò'],
    ['voice', 'pa voye m tèks anymore'],
    ['voice', 'm pa vle moun k ap rele m pou pwomosyon'],
    ['sms', 'bloke tèks sa yo ban m'],
    ['sms', 'bloke nimero m nan lis nou an'],
    ['voice', 'pitit mwen sispann voye tèks sa yo ban m'],
    ['voice', 'sispann itilize lòt nimewo pou rele m'],
    ['voice', 'se twòp mesaj sa a sispann ekri m'],
    ['voice', 'granmoun nan di pou nou sispann rele isit la'],
    ['sms', 'arrête d’envoyer les textos'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)).toMatchObject({ intent: 'opt_out', lang: expect.stringMatching(/^(ht|fr)$/) });
  });
});

describe('ht look-alikes the new forms leave alone', () => {
  it.each([
    ['sms', 'm pa ekri nou ankò paske m jwenn sa m te bezwen an'],
    ['sms', 'm te di frè m nan sispann voye m videyo'],
    ['sms', 'sispann ekri sou tab la'],
    ['voice', 'direktè a te di pou n sispann voye foto nan gwoup la'],
    ['voice', 'ou pa bezwen rele m ankò jodi a m a rele w lendi'],
    ['sms', 'm bloke tout mesaj li yo'],
    ['sms', 'bloke kat mwen an tanpri'],
    ['voice', 'pa kite m tann twò lontan'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)?.intent).not.toBe('opt_out');
  });
});
