import { describe, expect, it } from 'vitest';
import { detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';
import { expectRulesOptOut } from '../../../test/support/optout';

/**
 * Spanish and Arabic as people text a business: "d" and "q" for "de" and
 * "que", Spain's vosotros, a relative named and then "él" / "هو", a refusal
 * recalled after a complaint, Arabizi's dropped w ("2afo"), a frequency
 * complaint ending in "stop them". Each asserted on a sentence the
 * development set does not hold, on the rules alone, so the classifier
 * cannot hide a gap; and, quiet, the same words told to someone else, a call
 * sent to the speaker's own cell, a question about how unsubscribing works,
 * ads on another platform.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('Spanish and Arabic texted opt-outs the rules catch', () => {
  it.each([
    ['es', 'sms', 'ya dejen d mandar sus promociones', '"d" for "de", a determiner before the messages'],
    ['es', 'sms', 'os pido que dejéis de mandarme mensajes', 'vosotros'],
    ['es', 'sms', 'sáquenme d ahí xfa', '"d" for "de" after a bare "take me out"'],
    ['es', 'sms', 'oigan ya párenle a las llamadas', '"párenle a"'],
    ['es', 'sms', 'De baja porfa', 'the whole reply'],
    ['es', 'sms', 'me dan de baja porfa', '"me dan de baja" asked'],
    ['es', 'sms', 'ya no quiero nada d ustedes', '"d ustedes"'],
    ['es', 'sms', 'otra vez mensajes? ya les dije q no me interesa', 'a refusal recalled after a complaint'],
    ['es', 'voice', 'esta es la casa de mi abuela y ella dice que ya no le marquen', 'the relative named, then "ella"'],
    ['ar', 'sms', 'نطالب بالتوقف عن ارسال الرسائل', 'MSA "بالتوقف عن"'],
    ['ar', 'sms', 'كل شوي رسالة، بطلوها', 'a frequency complaint, then "stop them"'],
    ['ar', 'sms', 'كيف اطلع من هالقائمة؟', '"هال" before the list'],
    ['ar', 'voice', 'هذا جوال امي وهي تقول لا تتصلون عليها', 'the relative named, then "هي"'],
    ['ar', 'sms', 'بطلوا سبام', 'spam named as what is sent'],
    ['ar', 'sms', '2afou el messages plz', 'Arabizi "وقفوا" without its w'],
    ['ar', 'sms', 'kefaya ba2a', '"enough already", the whole reply'],
    ['es', 'sms', 'ya dejen la vaina con las llamadas', 'Caribbean "la vaina"'],
    ['ar', 'sms', 'ابي اطلع من هذي القايمة', 'a demonstrative before the list'],
    ['ar', 'sms', 'هالنمرة ما تتصلوا عليها', 'this number named, then "it"'],
    ['ar', 'sms', 'لا ترجعوا لمراسلتي', '"do not go back to" the contact'],
    ['ar', 'sms', 'ما ارغب بهذي الاعلانات', '"ب" before the demonstrative'],
    ['ar', 'sms', 'haram 3alekum wa2fo', 'Arabizi, a complaint then "stop"'],
    ['ar', 'sms', 'ma bghitch lmessages dyalkom', 'Maghrebi Arabizi, the article glued on'],
    ['ar', 'sms', 'sheelo el ra2am dah', 'Arabizi "this number"'],
    ['es', 'sms', 'ya porfa no me manden', '"no me manden" ending the text'],
    ['ar', 'sms', 'لا عاد ترسلون هالرسايل', '"هال" before the messages'],
  ] as const)('%s/%s: %j (%s)', (lang, channel, text, _why) => expectRulesOptOut(text, channel, lang));
});

describe('Spanish and Arabic look-alikes the rules leave alone', () => {
  it.each([
    ['sms', 'le dije a mi hermano k ya no me escriba', 'told to a brother, "k" for "que"'],
    ['voice', 'no le llame a mi esposo él trabaja de noche llámele a mi celular', 'the call sent to the speaker’s own cell'],
    ['sms', 'si me dan de baja me siguen llegando los recibos?', 'how unsubscribing works'],
    ['sms', 'كيف اوقف الاعلانات في الفيسبوك', 'ads on another platform'],
    ['voice', 'هذا رقم ابوي وهو قال لاخوي لا تتصل فيه', 'the relative told someone else'],
    ['sms', 'شركة الكهرباء ما تخلي رسايل، وانتو لا', 'another company'],
    ['sms', 'la compañía de luz no me deja de mandar mensajes', 'a negated third person, a pronoun between'],
    ['sms', 'shelo el ra2am da men el fatoora', 'the number taken off a bill'],
    ['sms', 'no me manden, lo recojo yo', '"no me manden" about something to be picked up'],
    ['sms', 'وقفوا بقى عند المحطة الجاية', '"بقى" after a stop that is about a bus'],
  ] as const)('%s: %j (%s)', (channel, text, _why) => {
    expect(rules(text, channel)).toBeNull();
  });
});
