import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';

/**
 * Portuguese plain-language opt-outs by text message: what a sender's number
 * receives is addressed to the sender, so "para c isso", "sai fora", "já
 * mandei sair 2x", "não mandar mais" and "para de mandar áudio" ask it to
 * stop. The look-alikes stay quiet: "não quero sair não", a question about
 * spam from other numbers, the delivery that "sai amanhã", a keyword merely
 * mentioned. Asserted on the rules alone, so the classifier cannot hide a gap.
 */
const sms = (text: string) => detectRules(text, { channel: 'sms', lang: 'pt' });

describe('pt texted opt-outs the rules catch', () => {
  it.each([
    'pare c isso pfv',
    'nao tenho interesse nenhum, sai fora',
    'ja respondi PARE 2x e continua chegando',
    'ja mandei stop umas tres vezes',
    'pessoal do spam, para com essas msgs',
    'para c essas propagandas',
    'n enviar mais nada pfv',
    'nao insistam por favor',
    'isso ja e spam hein, para',
    'nao pretendo receber mais sms',
    'para de me mandar audio',
    'qro sair, obg',
    'queria parar de receber essas porcarias',
    'affs q chatice, chega',
    'chega ne, 10 sms por dia',
  ])('%s', (text) => {
    expect(sms(text)?.intent).toBe('opt_out');
  });
});

describe('pt texted look-alikes the rules leave alone', () => {
  it.each([
    'n quero sair nao',
    'nao quero sair da lista, gosto dos cupons',
    'como faco pra parar de receber spam de outros numeros no celular?',
    'quero sair do plano familia',
    'se eu mandar sair perco o cashback?',
    'blz, sai amanha entao',
    'ele nao insiste, fica tranquila',
    'minha mae pediu pra sair do grupo da escola',
    'chega, ja entendi, manda o contrato',
    'nao obrigada nao preciso',
  ])('%s', (text) => {
    expect(sms(text)?.intent ?? 'none').not.toBe('opt_out');
  });
});
