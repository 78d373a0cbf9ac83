import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Spanish, Portuguese and French as they are texted and heard: texting
 * spellings ("q", "k", "ñ", "n" for no/não, "d" for de, "msj", "pu"), the
 * French "ne" dropped, Brazilian "num", the present as an order ("vous
 * m'appelez plus, d'accord"), and the look-alikes that must stay quiet:
 * relayed and present-tense reported speech, a call redirected to this
 * number, a statement with a named subject. Opt-outs are asserted on the
 * rules alone, so the classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('texted and spoken opt-outs the rules catch in es, pt, fr', () => {
  it.each([
    ['es', 'sms', 'ñ me manden mas msjs'],
    ['es', 'sms', 'k ya no me escriban xfa'],
    ['es', 'sms', 'dejen d mandarme promos'],
    ['es', 'sms', 'no kiero mas txts de ustedes'],
    ['es', 'voice', 'yano me marquen'],
    ['es', 'voice', 'hágame el favor de no volverme a marcar'],
    ['es', 'voice', 'ya no me estén hablando a este cel'],
    ['es', 'voice', 'ya les pedí que no llamen'],
    ['es', 'sms', 'me pueden dar de baja?'],
    ['es', 'sms', 'sáquenme de este grupo porfa'],
    ['es', 'voice', 'no deseo volver a ser contactada'],
    ['es', 'sms', 'dejen de cobrarme por mensaje'],
    ['pt', 'sms', 'n me mandem + nd'],
    ['pt', 'voice', 'num me liga mais'],
    ['pt', 'voice', 'não fiquem me mandando mensagem'],
    ['pt', 'sms', 'tô de saco cheio dessas msgs, parem'],
    ['pt', 'voice', 'não liguem pra minha sogra aqui'],
    ['pt', 'voice', 'não precisa mais me ligar'],
    ['pt', 'voice', 'vc não me liga mais viu'],
    ['pt', 'sms', 'solicito a exclusão do meu número'],
    ['pt', 'voice', 'não dou permissão pra ninguém me ligar'],
    ['fr', 'sms', 'jveux pu de textos'],
    ['fr', 'voice', 'écoutez vous me rappelez plus'],
    ['fr', 'voice', 'plus jamais vous me contactez'],
    ['fr', 'sms', 'stp arrête de m’envoyer ça'],
    ['fr', 'voice', 'il faut plus me téléphoner'],
    ['fr', 'voice', 'je préfère qu’on ne me rappelle plus'],
    ['fr', 'sms', 'je m’oppose à recevoir vos sms'],
    ['fr', 'voice', 'mettez-moi sur la liste ne pas appeler'],
    ['fr', 'sms', 'enlevez-moi de ce groupe svp'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
    expect(result?.matched).toMatch(/^(?:phrase|keyword)/);
  });
});

describe('look-alikes that stay quiet in es, pt, fr', () => {
  it.each([
    ['sms', 'mi vecina me dijo q les pidiera que no la llamen, es cierto?'],
    ['voice', 'mi suegra siempre dice que le dejen de llamar pero a mí sí me interesa'],
    ['voice', 'no le marque a mi esposo, él no sabe, márqueme a mí'],
    ['sms', 'no me llamen al trabajo, llamen a este número'],
    ['sms', 'no me llames amor jaja'],
    ['voice', 'no me llamen al trabajo por favor'],
    ['sms', 'não me liguem no trabalho, por favor'],
    ['voice', 'no me vuelva a hablar de ese plan, el otro sí me interesa'],
    ['sms', 'quiero salir del grupo de baile'],
    ['voice', 'me disseram que vocês iam parar de ligar é verdade'],
    ['sms', 'a vizinha me pediu pra falar pra vcs não ligarem pra ela'],
    ['voice', 'o chefe falou pra gente parar de ligar pros clientes'],
    ['sms', 'Parem, já tô chegando na loja'],
    ['sms', 'não me liguem no trabalho, liguem nesse número'],
    ['voice', 'mon mari dit d’arrêter de l’appeler mais moi je suis intéressée'],
    ['voice', 'on m’a dit que vous alliez arrêter d’appeler'],
    ['voice', 'personne de l’autre compagnie m’appelle plus'],
    ['voice', 'ne m’envoyez pas vers un autre service'],
    ['sms', 'ne m’appelez pas au travail, appelez ce numéro'],
    ['sms', 'je me désabonne de la newsletter mais gardez les sms'],
  ] as const)('%s: %j', (channel, text) => {
    expect(detectOptOut(text, { channel }).intent).not.toBe('opt_out');
  });
});

describe('guards of the es, pt, fr rules', () => {
  // The n-gram classifier may still read these as opt-outs (it has few such negatives to learn from); the rules must not.
  it.each([
    ['sms', 'não recebi nem ligação nem mensagem'],
    ['sms', "j'ai pas d'appels ni de sms depuis lundi"],
    ['voice', 'ele não me liga mais'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)?.intent).not.toBe('opt_out');
  });
});
