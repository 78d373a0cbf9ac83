import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * French and Haitian Creole as callers say them: France's "opposition au
 * démarchage" and "mettez fin à", Quebec "tu m'appelles pu", words split or
 * glued by speech recognition ("fou tez", "mapp eler", "si span"), Kreyòl
 * with French and English verbs ("arete de rele m", "sispann call mwen"),
 * a relative's word passed on without a pronoun. And the look-alikes: the
 * speaker taking leave ("je vous laisse tranquille", "m ap kite nou anpè"),
 * ending a contract, someone told elsewhere, a laugh after the words.
 * Asserted on the rules alone, so the classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('fr, ht opt-outs the rules catch', () => {
  it.each([
    ['fr', 'voice', 'je fais opposition au démarchage par téléphone'],
    ['fr', 'sms', 'Opposition aux sollicitations svp'],
    ['fr', 'voice', 'mettez un terme à vos coups de fil'],
    ['fr', 'voice', "je m'oppose à ce qu'on me recontactiez"],
    ['fr', 'voice', 'fou tez nous la paix'],
    ['fr', 'voice', 'arrete de nous app eler'],
    ['fr', 'voice', 'laissez nous tranquil'],
    ['fr', 'voice', 'arrêtez ça fait quatre fois cette semaine'],
    ['fr', 'voice', 'écoute tu me rappelles pu ok'],
    ['fr', 'voice', 'je veux pu entendre parler de votre société'],
    ['fr', 'voice', 'retirez mon nom svp'],
    ['fr', 'voice', 'ne me rappelez plu'],
    ['ht', 'voice', 'si spann voye m mesaj'],
    ['ht', 'voice', 'arete de voye m tèks'],
    ['ht', 'voice', 'tanpri sispann call mwen'],
    ['ht', 'voice', 'papa m di pa rele l ankò sou nimewo sa a'],
    ['ht', 'voice', 'kite manman m anpè'],
    ['ht', 'sms', 'Dezabonman tanpri'],
    ['ht', 'sms', 'm retire pèmisyon pou rele m'],
    ['ht', 'voice', 'sispann fatige m'],
    ['ht', 'voice', 'm pa vle tande pale de konpayi sa a ankò'],
    ['fr', 'voice', 'non pis écrivez jamais'],
    ['fr', 'voice', 'merci de plus composer ce numéro'],
    ['fr', 'voice', 'vous me harcelez arrêtez tout ça'],
    ['ht', 'voice', 'pa rele moun lakay la ankò'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
  });
});

describe('fr, ht look-alikes the rules leave alone', () => {
  it.each([
    ['voice', 'bon je vous laisse tranquille au revoir'],
    ['voice', 'on va la laisser en paix elle dort'],
    ['voice', 'mettez fin à mon bail le mois prochain'],
    ['voice', 'elle a dit au gars du garage de plus la rappeler'],
    ['voice', 'effacez mon nom de la liste des invités'],
    ['sms', 'arrête de m’écrire lol t’es drôle'],
    ['voice', 'm ap kite nou anpè la a bòn nuit'],
    ['sms', 'frè m nan vle dezabone, l ap ekri nou'],
    ['sms', 'pitit mwen an di sispann voye foto lol'],
    ['voice', 'm te fatige anpil yè swa'],
    ['voice', 'mon fils appelle jamais'],
    ['voice', 'pas besoin de me rappeler, je vous rappelle lundi'],
    ['sms', 'plus de promos comme ça, j’adore'],
    ['voice', 'madanm mwen pa la, li pa vle pale ak ou'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)?.intent).not.toBe('opt_out');
  });
});
