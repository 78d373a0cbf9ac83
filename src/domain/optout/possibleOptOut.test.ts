import { describe, expect, it } from 'vitest';
import { detectOptOut } from './index';
import { possibleOptOut, POSSIBLE_OPT_OUT_LANGUAGES } from './possibleOptOut';

const voice = (text: string, lang?: string) => detectOptOut(text, { channel: 'voice', lang });

describe('possibleOptOut: speech that may be an opt-out, in each language', () => {
  it.each([
    ['en', "I'm not interested."],
    ['en', 'uh who gave you my number?'],
    ['en', 'Why do you keep calling?'],
    ['en', 'how did you get this number'],
    ['en', 'you guys keep calling me'],
    ['es', 'No me interesa'],
    ['es', '¿Quién le dio mi número?'],
    ['es', '¿Por qué me siguen llamando?'],
    ['fr', 'Ça ne m’intéresse pas'],
    ['fr', 'Qui vous a donné mon numéro ?'],
    ['pt', 'Não tenho interesse'],
    ['pt', 'Quem te deu meu número?'],
    ['zh', '我不感兴趣'],
    ['zh', '我對這個不感興趣'],
    ['zh', '谁给你我的电话号码的？'],
    ['zh', '你怎麼有我的號碼'],
    ['vi', 'Tôi không quan tâm'],
    ['vi', 'toi khong quan tam'],
    ['vi', 'Ai đưa anh số điện thoại của tôi?'],
    ['tl', 'Hindi ako interesado'],
    ['tl', 'Sino ang nagbigay sa inyo ng number ko?'],
    ['ko', '관심 없어요'],
    ['ko', '관심없습니다'],
    ['ko', '제 번호 어디서 났어요?'],
    ['ar', 'أنا لست مهتماً'],
    ['ar', 'من أعطاك رقمي؟'],
    ['ht', 'Mwen pa enterese'],
    ['ht', 'Ki moun ki ba ou nimewo mwen?'],
  ])('%s: %j is possible_opt_out, reported in that language', (lang, text) => {
    expect(voice(text)).toMatchObject({ intent: 'possible_opt_out', lang, matched: expect.stringMatching(new RegExp(`^possible:${lang}:`)) });
  });

  it('has a list for each of the ten languages', () => {
    expect([...POSSIBLE_OPT_OUT_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ht', 'ko', 'pt', 'tl', 'vi', 'zh']);
  });

  it.each([
    'I am interested, tell me more',
    'I want to hear about your rates',
    'my number changed can you update it',
    'can you call me back tomorrow',
    'me interesa mucho',
    '我很感兴趣',
    '관심 있어요',
    'Tôi quan tâm',
  ])('%j is not', (text) => {
    expect(voice(text).intent).toBe('none');
  });

  it('a clear opt-out stays an opt-out: the uncertain middle is only asked when nothing clear fired', () => {
    expect(voice("I'm not interested, stop calling me").intent).toBe('opt_out');
    expect(voice('no me interesa, no me llame más').intent).toBe('opt_out');
  });

  it('SMS never yields possible_opt_out: texts are answered by the keyword rules, never by a question', () => {
    for (const text of ["I'm not interested", 'who gave you my number?', 'no me interesa']) {
      expect(detectOptOut(text, { channel: 'sms' }).intent).not.toBe('possible_opt_out');
    }
  });

  it('the language hint is tried first and reported', () => {
    expect(possibleOptOut('no me interesa', 'es-MX')).toMatchObject({ lang: 'es', confidence: 0.5 });
    expect(possibleOptOut('')).toBeNull();
  });
});

describe('possible opt-outs as speech gives them: particles, plural "you", a relative pronoun dropped', () => {
  it.each([
    ['how did you even get this number', 'en'],
    ['we dont need any thanks', 'en'],
    ['wala po akong interes', 'tl'],
    ['bakit ba lagi kayong tumatawag', 'tl'],
    ['poukisa n ap rele m chak jou', 'ht'],
    ['ki jan nou fe jwenn nimewo m', 'ht'],
    ['مين اعطاكم رقمي', 'ar'],
    ['ليش تتصلون علي كل يوم', 'ar'],
    ['ليه بتتصلوا كتير كده', 'ar'],
    ['谁给你们我的号码的', 'zh'],
    ['你們怎麼會有我的電話號碼', 'zh'],
  ])('%j on a call is a possible opt-out (%s)', (text, lang) => {
    expect(detectOptOut(text, { channel: 'voice' })).toMatchObject({ intent: 'possible_opt_out', lang });
  });
});

describe('the uncertain middle, widened by construction: any negation of interest, any way the number was got', () => {
  it.each([
    ["i ain't interested", 'en'],
    ['nah i aint too interested', 'en'],
    ['ما عندي اهتمام', 'ar'],
    ['ما لي رغبة', 'ar'],
    ['لا ما بدي', 'ar'],
    ['لا مش عايز حاجة', 'ar'],
    ['كيف وصلكم رقمي', 'ar'],
    ['منين جبتوا نمرتي', 'ar'],
  ])('%j on a call is a possible opt-out (%s)', (text, lang) => {
    expect(detectOptOut(text, { channel: 'voice' })).toMatchObject({ intent: 'possible_opt_out', lang });
  });

  it.each([
    'no me interesa ese seguro pero sí el de auto',
    'no me interesa la tarjeta pero me gustaría saber del préstamo',
    'no me interesa ahorita, llámeme la otra semana',
    "i ain't interested in the warranty but what about the loan",
    'مش مهتم بالعرض ده بس عايز اعرف عن الباقة التانية',
    'esse plano não me interessa mas o outro sim',
    'não tenho interesse no seguro de vida mas quero saber do de carro',
    'ما بدي اروح هلق',
  ])('%j: interest in something else, or not about the call — nothing is asked', (text) => {
    expect(detectOptOut(text, { channel: 'voice' }).intent).toBe('none');
  });
});
