/**
 * How a consumer answered "Would you like us to stop calling you?": `yes`,
 * `no`, or `null` for anything else. The confirm step revokes on `yes`, so a
 * `yes` must be an answer and nothing more: the whole utterance is made of
 * affirmative phrases and politeness ("yes", "yeah sure", "yes please",
 * "that's right", "sí, por favor", "是的，谢谢"); "yes, tell me more" or "yeah
 * but what about my claim" are not. A `no` only has to lead ("no, go on",
 * "nope, keep going"): it closes the question.
 *
 * Phrases of all ten languages are tried together: they do not collide, and a
 * caller may answer in another language than the call's. Written in the form
 * `plainWords` gives (no accents, no apostrophes, Han characters one a word).
 *
 * @example
 * confirmationAnswer("Yes, that's right."); // 'yes'
 * confirmationAnswer('Sí, por favor');      // 'yes'
 * confirmationAnswer('no, go on');          // 'no'
 * confirmationAnswer('yes, tell me more');  // null
 */
import { plainWords } from './plainWords';

export type ConfirmationAnswer = 'yes' | 'no';

// biome-ignore format: data, one language a line
const YES: readonly string[] = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yah', 'sure', 'correct', 'right', 'thats right', 'that is right', 'thats correct', 'that is correct', 'exactly', 'absolutely', 'definitely', 'of course', 'certainly', 'please do', 'i would', 'yes i would', 'i do', 'yes i do', 'i would like that', 'id like that', 'do it', 'go ahead', 'affirmative',
  'si', 'claro', 'claro que si', 'correcto', 'exacto', 'asi es', 'por supuesto', 'desde luego', 'efectivamente', 'eso es',
  'oui', 'ouais', 'exactement', 'tout a fait', 'bien sur', 'absolument', 'cest ca', 'cest exact', 'volontiers', 'daccord',
  'sim', 'claro que sim', 'isso', 'isso mesmo', 'exatamente', 'com certeza', 'correto', 'certo', 'pode', 'pode sim', 'quero', 'quero sim',
  '是', '是 的', '对', '对 的', '對', '對 的', '好', '好 的', '要', '可 以', '没 错', '沒 錯', '当 然', '當 然', '行',
  // Vietnamese as recognisers write it, with or without diacritics (đúng → dung)
  'co', 'vang', 'da', 'dung', 'dung roi', 'dung vay', 'phai', 'phai roi', 'duoc',
  'oo', 'opo', 'oho', 'oo naman', 'opo naman', 'tama', 'sige', 'syempre', 'siyempre',
  '네', '네네', '예', '응', '맞아요', '맞아', '맞습니다', '그래요', '그래', '그렇습니다', '좋아요', '그렇게 해 주세요', '그렇게 해주세요',
  // Arabic with the hamza folded (أجل → اجل)
  'نعم', 'اجل', 'ايوه', 'ايوة', 'ايوا', 'بلي', 'صحيح', 'طبعا', 'بالتاكيد', 'اكيد',
  'wi', 'se sa', 'egzakteman', 'dako', 'natirelman',
];

/** Said around a yes without changing it. */
// biome-ignore format: data
const POLITE: readonly string[] = [
  'please', 'thanks', 'thank you', 'sir', 'maam', 'por favor', 'gracias', 'senor', 'senora', 'sil vous plait', 'merci', 'madame', 'monsieur',
  'obrigado', 'obrigada', '谢 谢', '謝 謝', '请', '請', '了', '啊', '呀', 'a', 'cam on', 'po', 'salamat', '감사합니다', '고맙습니다', '요',
  'من فضلك', 'لو سمحت', 'شكرا', 'souple', 'tanpri', 'mesi',
];

/** Hesitations dropped before reading the answer. */
const FILLERS = new Set(['uh', 'um', 'umm', 'uhm', 'er', 'erm', 'ah', 'oh', 'well', 'hmm', 'hm', 'mm', 'mmm', 'eh', 'euh', 'ben', 'pues', '嗯', '呃', '음']);

/** A leading no: the answer to the question is no. */
// biome-ignore format: data
const NO: readonly string[] = [
  'no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'not at all', 'no way', 'para nada', 'de ninguna manera', 'non', 'nan',
  'pas du tout', 'pas vraiment', 'nao', 'de jeito nenhum', '不', '不 是', '不 用', '不 要', '没 有', '沒 有', 'khong', 'khong can', 'khong phai',
  'thoi', 'hindi', 'huwag', 'wag', '아니요', '아니오', '아뇨', '아니', '아니에요', 'لا', 'كلا', 'pa ditou',
];

/** Starts like a no but is not one: "no problem" answers nothing, "不错" is "not bad". */
const NOT_NO: readonly string[] = ['no problem', 'no worries', 'no doubt', 'no pasa nada', '不 错', '不 錯'];

type PhraseKind = 'yes' | 'polite' | 'no' | 'not_no';

/** Phrases by their first word, longest first, so "thats right" is tried before "thats". */
const BY_FIRST_WORD = new Map<string, { words: readonly string[]; kind: PhraseKind }[]>();
for (const [list, kind] of [
  [YES, 'yes'],
  [POLITE, 'polite'],
  [NO, 'no'],
  [NOT_NO, 'not_no'],
] as const) {
  for (const phrase of list) {
    const words = phrase.split(' ');
    const entries = BY_FIRST_WORD.get(words[0]) ?? [];
    entries.push({ words, kind });
    entries.sort((a, b) => b.words.length - a.words.length);
    BY_FIRST_WORD.set(words[0], entries);
  }
}

/** Longest phrase of one of `kinds` starting at `at`, or undefined. */
function phraseAt(words: readonly string[], at: number, kinds: readonly PhraseKind[]): { length: number; kind: PhraseKind } | undefined {
  for (const entry of BY_FIRST_WORD.get(words[at]) ?? []) {
    if (!kinds.includes(entry.kind)) continue;
    if (entry.words.every((w, i) => words[at + i] === w)) return { length: entry.words.length, kind: entry.kind };
  }
  return undefined;
}

export function confirmationAnswer(text: string): ConfirmationAnswer | null {
  const words = plainWords(typeof text === 'string' ? text : '').filter((w) => !FILLERS.has(w));
  if (words.length === 0) return null;
  if (isOnlyYes(words)) return 'yes';
  return phraseAt(words, 0, ['no', 'not_no'])?.kind === 'no' ? 'no' : null;
}

function isOnlyYes(words: readonly string[]): boolean {
  let sawYes = false;
  for (let at = 0; at < words.length; ) {
    const found = phraseAt(words, at, ['yes', 'polite']);
    if (!found) return false;
    if (found.kind === 'yes') sawYes = true;
    at += found.length;
  }
  return sawYes;
}
