import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Portuguese as Portugal, the islands and texting write it: the pronoun after
 * the verb ("tire-me da lista"), "escusam de ligar", "continuar a receber",
 * "qro" and "d m" for "quero" and "de me", and the look-alikes that must stay
 * quiet: an order passed to a relative or a named collector, a complaint about
 * a third party told in two clauses. Asserted on the rules alone, so the
 * classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel, lang: 'pt' });

describe('pt regional and texted opt-outs the rules catch', () => {
  it.each([
    ['voice', 'olhe tire-me lá da lista que eu não estou interessado'],
    ['sms', 'n qro + msg pf'],
    ['sms', 'favor não entrar mais em contato'],
    ['sms', 'quero cancelar o recebimento dessas mensagens'],
    ['voice', 'o meu filho mandou dizer que é pra vocês pararem de ligar aqui em casa'],
    ['sms', 'para d m ligar'],
    ['sms', 'Não desejo mais receber comunicações da vossa empresa'],
    ['voice', 'não desejo continuar a receber chamadas vossas'],
    ['voice', 'escusam de ligar outra vez que eu não compro nada'],
    ['sms', 'PARA DE MANDAR ESSAS MERDAS'],
    ['sms', 'me tira desses envios'],
    ['sms', 'stop mensagens de seguro'],
    ['voice', 'tirem lá o meu número que eu não quero saber disso'],
    ['voice', 'já pedi que me retirassem da lista e continuam ligando'],
  ] as const)('%s: %s', (channel, text) => {
    expect(rules(text, channel)?.intent).toBe('opt_out');
  });
});

describe('pt look-alikes the rules leave alone', () => {
  it.each([
    ['voice', 'fala pro teu irmão parar de me ligar de madrugada'],
    ['sms', 'manda teu primo parar de me mandar mensagem'],
    ['voice', 'eu disse pro cobrador da outra empresa parar de ligar e ele parou'],
    ['voice', 'meu filho saiu da escola e não para de ligar pra mim'],
    ['voice', 'escusa de se preocupar que eu já paguei'],
    ['voice', 'eu pedi pro meu genro tirar o meu nome da lista da casa de repouso'],
    ['sms', 'para de ligar pro meu pai sem me avisar antes, ligue primeiro pra mim'],
    ['sms', 'how do i stop spam texts on my iphone'],
  ] as const)('%s: %s', (channel, text) => {
    expect(rules(text, channel)?.intent ?? 'none').not.toBe('opt_out');
  });
});
