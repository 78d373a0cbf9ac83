import { describe, expect, it } from 'vitest';
import { expectPhraseOptOut } from '../../../test/support/optout';
import { detectOptOut } from './detectOptOut';

/**
 * Arabic and Haitian Creole constructions, each said in words the development
 * set does not hold: a dialect's own verb for wanting or calling, a request
 * put as a question or a threat, a relative's wish passed on. A rule of the
 * language must fire on each; beside each construction, the near miss that
 * only mentions stopping (another number, another time, another language, a
 * product, someone else told, a question about the past) must not.
 */
describe('opt-out constructions in Arabic and Haitian Creole', () => {
  it.each([
    ['ar', 'ما داير اي رسايل منكم', 'Sudanese "want"'],
    ['ar', 'ما تضرب لي مره تانيه', 'Sudanese "call"'],
    ['ar', 'لا تتلفنلي بعد', 'Levantine and Maghrebi "phone"'],
    ['ar', 'ما بقيتش باغي الميساجات ديالكم', 'Moroccan "no longer want"'],
    ['ar', 'ما عدتش نحب حاجه منكم', 'Tunisian "anything from you"'],
    ['ar', 'بنتي تبيكم تحذفون رقمها', 'a relative wants you to remove her number'],
    ['ar', 'هذا الرقم ما يبي رسايل دعايه', 'this number does not want them'],
    ['ar', 'اعطيتكم موافقتي زمان والحين اسحبها', 'consent named, then withdrawn'],
    ['ar', 'بشتكي عليكم لو ما وقفتوا الرسايل', 'a complaint threatened unless they stop'],
    ['ar', 'اي مكالمه ثانيه منكم راح اشتكي', 'a threat named by the call'],
    ['ar', 'طلب رسمي لايقاف المراسلات', 'formal, "for stopping"'],
    ['ar', 'w9fo lmessages 3afak', 'Arabizi, Moroccan'],
    ['ar', 'ما نحبش نسمع صوتكم', 'Tunisian "hear you"'],
    ['ht', 'eske nou ka retire non m sou lis la?', 'a request asked as a question'],
    ['ht', 'Kilè w ap sispann rele m?', '"when will you stop"'],
    ['ht', 'eske m ka pa resevwa mesaj nou yo ankò', '"may I not receive them"'],
    ['ht', 'm te deja voye STOP', 'the keyword already sent'],
    ['ht', 'papa m di li pa vle resevwa mesaj nou yo', 'a relative\u2019s wish passed on'],
    ['ht', 'nimewo m pa dwe resevwa piblisite', 'this number must not receive them'],
    ['ht', 'kenbe pwomosyon nou yo pou nou', '"keep them to yourselves"'],
    ['ht', 'Nou pa gen dwa pou nou rele m', 'no right to call'],
    ['ht', 'efase tout done m yo', 'all my data'],
    ['ht', 'm te mande nou pa rele m', 'asked you not to'],
  ])('%s: %j (%s)', (lang, text) => expectPhraseOptOut(text, lang));

  it.each([
    ['ar', 'لا تتصل على رقمي القديم', 'another number'],
    ['ar', 'لا تخابرني هسه بالدوام', 'Iraqi "not now"'],
    ['ar', 'البنت تقول لاخوها بطل تتصل فيني', 'said to someone else'],
    ['ar', 'اخوي قال شيلوا رقمه من الحساب', 'taken off an account'],
    ['ar', 'لا تتصلوا على الخط الارضي', 'the landline'],
    ['ar', 'انا ما قلت لكم لا ترسلوا', '"I did not say"'],
    ['ar', 'كيف اوقف الرسائل الصوتية', 'voicemail'],
    ['ar', 'ما ابي رسايل العروض بس رسايل الطلبات تمام', 'part of the messages, the rest kept'],
    ['ht', 'm pa vle resevwa mesaj yo an franse', 'another language'],
    ['ht', 'anile abònman Spotify la', 'a product'],
    ['ht', 'si m te di STOP, eske m ap resevwa rapèl yo?', 'what if'],
    ['ht', 'kiyès ki te mande nou sispann voye mesaj ban m?', 'who asked'],
    ['ht', 'sispann voye pake yo lakay mwen', 'parcels'],
    ['ht', 'kite m anpè pou kounye a, rele m aswè', 'for now, call tonight'],
    ['ht', 'manman m di pa rele l apre nevè', 'a relative\u2019s hour'],
    ['ht', 'kilè n ap sispann voye kòmand lan?', 'one order'],
    ['ht', 'konbyen m ap peye si m dezabone?', 'what it costs'],
  ])('%s: %j is not an opt-out (%s)', (_lang, text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('none');
    expect(detectOptOut(text, { channel: 'voice' }).intent).toBe('none');
  });
});
