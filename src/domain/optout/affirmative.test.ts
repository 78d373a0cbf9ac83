import { describe, expect, it } from 'vitest';
import { confirmationAnswer } from './affirmative';

describe('confirmationAnswer: the answer to "Would you like us to stop calling you?"', () => {
  it.each([
    ['en', ['yes', 'Yes.', 'yeah', 'Yes please!', "That's right", 'uh yeah sure', 'yes, thank you', 'yes yes', 'Of course', 'please do']],
    ['es', ['sí', 'Sí, por favor', 'si', 'claro que sí', 'así es']],
    ['fr', ['oui', 'Oui, merci', 'tout à fait', "c'est ça"]],
    ['pt', ['sim', 'Sim, por favor', 'isso mesmo', 'com certeza']],
    ['zh', ['是', '是的', '是的，谢谢', '对', '好的', '對的']],
    ['vi', ['có', 'co', 'Vâng ạ', 'Dạ vâng', 'đúng rồi', 'dung roi']],
    ['tl', ['oo', 'opo', 'Oo po', 'tama po', 'sige po']],
    ['ko', ['네', '네 맞아요', '예', '그렇게 해 주세요']],
    ['ar', ['نعم', 'نعم من فضلك', 'أجل', 'أيوه']],
    ['ht', ['wi', 'Wi souple', 'wi mesi']],
  ] as const)('%s: yes', (_lang, answers) => {
    for (const text of answers) expect(confirmationAnswer(text), text).toBe('yes');
  });

  it.each([
    ['en', ['no', 'No, go on.', 'nope', 'no thanks', 'not really']],
    ['es', ['no', 'no, gracias', 'para nada']],
    ['fr', ['non', 'non merci']],
    ['pt', ['não', 'nao obrigado']],
    ['zh', ['不', '不用了', '不是']],
    ['vi', ['không', 'khong can']],
    ['tl', ['hindi', 'hindi po']],
    ['ko', ['아니요', '아뇨']],
    ['ar', ['لا', 'لا شكرا']],
    ['ht', ['non', 'non mesi']],
  ] as const)('%s: no', (_lang, answers) => {
    for (const text of answers) expect(confirmationAnswer(text), text).toBe('no');
  });

  it.each(['yes, tell me more about the rates', 'yeah but what about my claim', 'I want to hear about the plan', 'no problem', 'okay', '', '不错', 'what?'])(
    '%j answers nothing',
    (text) => {
      expect(confirmationAnswer(text)).toBeNull();
    },
  );
});
