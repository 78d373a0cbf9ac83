import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * Portuguese as speech recognition and hurried texters give it — words split
 * ("li gar") or misheard ("legar"), English mixed in ("esses calls") — and
 * polite refusals ("prefiro não receber", "dispenso as ligações"); with the
 * look-alikes each construction brings: the same verbs about a card, a bill, a
 * place to be called instead, a condition, a wish that the calls go on, a
 * plea to nobody. Asserted on the rules alone, so the classifier cannot hide a
 * gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel, lang: 'pt' });

describe('pt spoken, code-switched and polite opt-outs the rules catch', () => {
  it.each([
    ['voice', 'pa ra de me li gar por favor'],
    ['voice', 'ei nao me li gue mais'],
    ['voice', 'moço para de me legar toda hora'],
    ['voice', 'dexa a gente em paz'],
    ['voice', 'muito obrigado mas prefiro não receber mais ligação de vocês'],
    ['voice', 'gostaria de não ser mais contatada'],
    ['voice', 'olha eu dispenso essas ligações'],
    ['sms', 'parem de mandar esses texts'],
    ['sms', 'favor cancelar o recebimento'],
    ['voice', 'me tira fora dessa lista aí'],
    ['sms', 'onde eu clico pra parar de receber isso'],
    ['voice', 'já falei pra parar viu'],
    ['voice', 'é a terceira vez hoje moço para'],
    ['sms', 'para d liga pra mim'],
    ['sms', 'stop de me mandar essas msg'],
    ['sms', 'me tira dessa list please'],
    ['voice', 'para de me ligar quando eu quiser eu ligo'],
    ['voice', 'para de me ligar eu quero o meu sossego'],
    ['voice', 'oh my god para de me ligar'],
    ['voice', 'pelo amor de deus me tira daqui'],
  ] as const)('%s: %s', (channel, text) => {
    expect(rules(text, channel)?.intent).toBe('opt_out');
  });
});

describe('pt look-alikes of those constructions the rules leave alone', () => {
  it.each([
    ['voice', 'para de me ligar no escritório me liga no celular'],
    ['voice', 'pede pra não ligarem na minha firma'],
    ['sms', 'descadastra o cartão velho por favor'],
    ['sms', 'quero descadastrar minha chave pix'],
    ['sms', 'não me manda mais fatura em papel'],
    ['voice', 'vocês vão parar de me ligar se eu pagar a parcela'],
    ['voice', 'se eu renegociar vocês param de me ligar'],
    ['voice', 'vocês param de me ligar assim que eu quitar né'],
    ['voice', 'não para de ligar não eu quero saber da promoção'],
    ['sms', 'não quero que parem de mandar os lembretes'],
    ['voice', 'the guy da entrega não para de me ligar'],
    ['voice', 'deixa em paz a tua irmã'],
    ['voice', 'alguém me tira dessa fila'],
    ['voice', 'prefiro não receber ligação no trabalho'],
  ] as const)('%s: %s', (channel, text) => {
    expect(rules(text, channel)?.intent ?? 'none').not.toBe('opt_out');
  });
});
