import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Portuguese, Haitian Creole and French beyond the textbook: a household
 * member's request passed on about this number, speech recognition gluing or
 * respelling words ("parademe ligar", Kreyòl heard as French "pas rélé moin
 * encore"), Cajun "quitter de", and the look-alikes that must stay quiet: a
 * third party or a company named as the one told to stop, a named thing no
 * longer to be sent (a paper bill), a question about what STOP covers, a
 * statement about the caller. Asserted on the rules alone, so the classifier
 * cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('pt, ht, fr opt-outs the rules catch', () => {
  it.each([
    ['pt', 'voice', 'minha avó pediu pra vocês não ligarem mais aqui'],
    ['pt', 'voice', 'meu pai disse pra vocês pararem de mandar mensagem nesse número'],
    ['pt', 'voice', 'para di mi mandar mensagem'],
    ['pt', 'voice', 'parademe telefonar'],
    ['pt', 'sms', 'sem mais ligações pfv'],
    ['pt', 'sms', 'deixa a gente em paz'],
    ['pt', 'sms', 'tira a gente daqui'],
    ['ht', 'voice', 'papa m di nou pa rele isit la'],
    ['ht', 'voice', 'pas voyé moin message encore'],
    ['ht', 'voice', 'cessez voye mesaj'],
    ['ht', 'sms', 'delete nimewo m'],
    ['ht', 'voice', 'yo rele m chak jou sispann'],
    ['fr', 'sms', 'arrêtez de mharceler'],
    ['fr', 'voice', 'quittez de nous appeler'],
    ['fr', 'voice', 'ma femme veut que vous arrêtiez de nous appeler à la maison'],
    ['fr', 'sms', 'je veux plus vos maudits textos'],
    ['fr', 'voice', 'vous appelez trop il faut arrêter'],
    ['fr', 'sms', 'arrêtez ça svp'],
    ['pt', 'sms', 'estou cancelando o recebimento de sms'],
    ['pt', 'sms', 'cessem o envio de mensagens'],
    ['pt', 'sms', 'me remove do zap de vocês'],
    ['ht', 'sms', 'mpa vle okenn mesaj ankò'],
    ['ht', 'voice', 'mwen vle soti nan lis la'],
    ['ht', 'sms', 'remove mwen sou lis la'],
    ['fr', 'sms', 'me texter pus'],
    ['fr', 'voice', 'arrêtez de nous inonder de pubs'],
    ['fr', 'voice', 'appelez pas chez nous'],
    ['fr', 'voice', 'mon grand-père veut pas que vous l’appeliez à ce numéro'],
    ['fr', 'sms', 'pas de textos svp plus jamais'],
    ['pt', 'voice', 'já avisei pra não me mandarem mais'],
    ['pt', 'sms', 'sai do meu pé com esses torpedos'],
    ['fr', 'sms', 'je veux pu recevoir quoi que ce soit'],
    ['pt', 'voice', 'deixa o meu número em paz'],
    ['pt', 'voice', 'para de me azucrinar'],
    ['ht', 'voice', 'ou pa ka sispann rele mwen'],
    ['fr', 'voice', 'laissez ce numéro en paix'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
    expect(result?.matched).toMatch(/^(?:phrase|keyword)/);
  });
});

describe('pt, ht, fr look-alikes the rules leave alone', () => {
  it.each([
    ['voice', 'o meu ex não para de me ligar'],
    ['sms', 'a tim não para de me mandar sms'],
    ['voice', 'ela gritou pare de me ligar pro ex dela'],
    ['sms', 'eu falei pra Vivo parar de ligar'],
    ['sms', 'meu irmão diz que vcs não param de ligar pra ele'],
    ['sms', 'não me manda mais a fatura impressa, só por email'],
    ['voice', 'já é a quinta vez essa semana que eu ligo'],
    ['sms', 'koman pou m dezabone pitit mwen?'],
    ['voice', 'ou pa deranje m menm'],
    ['sms', 'm anile abònman netflix la'],
    ['voice', 'lopital la di nou sispann rele la'],
    ['voice', "elle a hurlé arrête de m'appeler à son ex"],
    ['voice', "j'ai dit à Rogers d'arrêter de m'appeler"],
    ['sms', "n'envoyez plus le relevé papier"],
    ['sms', 'si je texte STOP je reçois encore les alertes?'],
    ['sms', "arrêtez d'écrire à mon ancien courriel"],
    ['voice', 'arrête ça tout de suite mon grand'],
    ['sms', 'minha mãe manda parar de ligar pra ela'],
    ['voice', 'o vizinho pediu pra companhia parar de ligar'],
    ['sms', 'dá pra parar as notificações do app?'],
    ['voice', 'não me manda mais aquela moça, manda o gerente'],
    ['sms', 'nou pa deranje m non'],
    ['sms', 'retire m nan lis legliz la'],
    ['sms', 'comment arrêter les notifications de l’application?'],
    ['voice', 'appelez pas ici, appelez mon cellulaire'],
    ['sms', 'remove meu nome da lista de convidados'],
    ['voice', 'não me liga na hora do jantar'],
    ['sms', 'meu avô disse pra não mandarem mais a revista'],
    ['voice', 'm te di famasi lan sispann voye m tèks'],
    ['sms', 'vous pouvez m’envoyer plus de promotions?'],
    ['voice', 'parar de ligar não adianta nada'],
    ['voice', 'se vocês pararem de mandar mensagem eu perco os cupons'],
    ['sms', 'me deixem em paz um pouco, tô no hospital'],
    ['sms', 'si nou sispann voye mesaj m ap rate pwomosyon yo'],
    ['voice', 'si vous arrêtez de m’écrire je vais manquer les soldes'],
    ['voice', 'laissez-moi tranquille ce soir on se reparle'],
    ['sms', 'm’appelez pas, textez-moi'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)?.intent).not.toBe('opt_out');
  });
});
