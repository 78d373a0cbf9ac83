import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Portuguese, Haitian Creole and French: a question to the sender about how to
 * stop receiving these messages or calls is an opt-out (the consumer has said
 * they want them to stop); a question about the mechanism, about spam in
 * general, or about another service or person is not. The same lines also pin
 * the guards that keep other people's wishes and hypotheses quiet: someone
 * outside the household with a number of their own, "what happens if I …",
 * the speaker who disagrees. Asserted on the rules alone, so the classifier
 * cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('pt, ht, fr: how do I stop these? is an opt-out', () => {
  it.each([
    ['pt', 'sms', 'como faço pra não receber mais essas ligações?'],
    ['pt', 'sms', 'como que eu deixo de receber isso'],
    ['pt', 'voice', 'tem como eu sair da lista de vocês'],
    ['pt', 'sms', 'o que eu tenho que fazer pra parar de receber?'],
    ['ht', 'sms', 'kouman pou m fè sispann resevwa mesaj nou yo?'],
    ['ht', 'voice', 'kijan pou m fè nou pa rele m ankò'],
    ['ht', 'sms', 'ki jan m ka dezabòne?'],
    ['fr', 'sms', 'comment faire pour ne plus recevoir vos textos?'],
    ['fr', 'voice', "qu'est-ce que je peux faire pour plus recevoir vos appels"],
    ['fr', 'sms', 'comment on fait pour se désinscrire?'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
  });
});

describe('pt, ht, fr opt-outs in polite, indirect and respelt forms', () => {
  it.each([
    ['pt', 'sms', 'gostaríamos que vocês parassem de mandar mensagem'],
    ['pt', 'voice', 'eu preferia que não me ligassem mais'],
    ['pt', 'voice', 'vocês podem me deixar em paz'],
    ['pt', 'sms', 'risquem meu numero da lista'],
    ['ht', 'voice', 'arrête rélé moin souplé'],
    ['ht', 'sms', 'souple mete yon bout ak mesaj yo'],
    ['ht', 'sms', 'pa voye pyès mesaj ankò'],
    ['fr', 'sms', 'merci de pu m’écrire'],
    ['fr', 'voice', 'combien de fois faut-il vous le dire'],
    ['fr', 'voice', 'appelez pas icitte no more'],
    ['ht', 'voice', 'nou pa gen pèmisyon pou rele m'],
    ['ht', 'sms', 'm pa ka sipòte tèks nou yo ankò'],
    ['pt', 'sms', 'me tira disso pfv'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
  });
});

describe('pt, ht, fr questions and wishes that are not this consumer asking this sender to stop', () => {
  it.each([
    ['sms', 'como faço pra parar de receber ligação de spam em geral?'],
    ['sms', 'PARE cancela as ligações também?'],
    ['voice', 'e se eu quiser sair da lista depois perco o desconto'],
    ['sms', 'minha vizinha quer sair da lista, o celular dela é outro'],
    ['voice', 'minha tia falou que não quer mais ligação do plano dela'],
    ['sms', 'kijan pou m sispann resevwa mesaj lòt konpayi an?'],
    ['voice', 'si m mande nou retire m nan lis la m ap pèdi rabè a?'],
    ['sms', 'frè m vle soti nan lis la, li gen pwòp nimewo pa l'],
    ['sms', 'comment arrêter les appels des robots en général?'],
    ['sms', 'si je me désinscris, je garde mes points?'],
    ['voice', 'mon collègue veut être retiré de la liste, son numéro est le 555'],
    ['sms', 'ma tante veut plus vos messages mais moi oui'],
    ['sms', 'quero parar de receber o extrato em papel'],
    ['sms', 'não é pra me tirar da lista, eu gosto das ofertas'],
    ['voice', 'eu ia pedir pra sair da lista mas desisti'],
    ['voice', 'ou ka sispann rele m mesye'],
  ] as const)('%s: %j', (channel, text) => {
    expect(rules(text, channel)?.intent).not.toBe('opt_out');
  });
});
