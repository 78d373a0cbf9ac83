import { describe, expect, it } from 'vitest';
import { expectPhraseOptOut } from '../../../test/support/optout';
import { detectOptOut } from './detectOptOut';

/**
 * Arabic (its dialects and Arabizi), Tagalog (and Taglish) and Haitian Creole
 * as people say and type them: a rule of the language must fire and say so,
 * not the classifier, and the look-alikes that are not opt-outs must not.
 */
describe('opt-outs in Arabic dialects, Tagalog and Haitian Creole', () => {
  it.each([
    ['ar', 'ما تتصلش بيا تاني خالص', 'Egyptian, negation closed by ش'],
    ['ar', 'ما بدي حدا منكن يدق علي', 'Levantine'],
    ['ar', 'لا عاد تتصلون علي تكفى', 'Gulf'],
    ['ar', 'عافاك ماتعيطليش', 'Moroccan, one word'],
    ['ar', 'حبسو الميساجات عافاكم', 'Moroccan'],
    ['ar', 'يزي مالميساجات بربي', 'Tunisian'],
    ['ar', 'shilo ra2mi men 3andkom', 'Arabizi'],
    ['ar', 'ma 3ad t3ayetli', 'Arabizi'],
    ['ar', 'لاتتصل بي مره ثانيه', 'speech recognition glues the prohibitive'],
    ['ar', 'لا تتصلوا بأمي مرة أخرى على هذا الرقم', 'a household member'],
    ['ar', 'أسحب موافقتي على استلام الرسائل', 'consent revoked'],
    ['ar', 'لا داعي للاتصال بي مرة أخرى', 'no need to call'],
    ['ar', 'لتخابرني بعد', 'Iraqi, the prohibitive glued to the verb'],
    ['ar', 'كافي تتصلون علي', 'enough of the calling'],
    ['ar', 'طلعني من القائمة لو سمحت', 'take me off the list'],
    ['ar', 'زوجتي تقول لا تتصلوا على البيت', 'a household member, passed on, about the home'],
    ['ar', 'ازعاج بطلوا', 'a complaint, then stop'],
    ['ar', 'حطوا رقمي في قائمة منع الاتصال', 'put on the do-not-call list'],
    ['ar', 'batlo tetaslo 3alaya', 'Arabizi'],
    ['ar', 'ma bade rasayl', 'Arabizi'],
    ['ar', 'la t5aberni ba3d', 'Arabizi, Iraqi'],
    ['ar', 'لم اعد اريد اتصالاتكم', 'Modern Standard, "no longer"'],
    ['ar', 'كفاية بقى رسايل', 'Egyptian, enough'],
    ['ar', 'وامي تقول لا ترسلوا على هالرقم', 'a household member, passed on, about this number'],
    ['ar', 'رقمي مسجل في قائمة عدم الاتصال', 'registered on the do-not-call list'],
    ['ar', 'msh 3ayza mkalmat', 'Arabizi'],
    ['ar', 'kafi msgs', 'Arabizi'],
    ['ar', 'قرفتونا برسايلكم وقفوها', 'the messages named, then "stop them"'],
    ['ar', 'ما سجلت بشي ووقفوا المكالمات', '"and stop" glued'],
    ['ar', 'هذا الرقم مو لكم لا ترسلون عليه', 'a wrong number, "don\'t text it"'],
    ['ar', 'امي كبيرة وما تبي احد يتصل عليها', 'what a household member wants'],
    ['ar', 'm3ad tb3tuli shi', 'Arabizi'],
    ['ar', '7bso lmsgs', 'Arabizi, the article glued'],
    ['ar', 'دايما تتصلون خلاص بطلوا', 'a complaint, then stop'],
    ['ar', 'ابوي يبي يطلع من قايمتكم', "a household member's wish passed on"],
    ['ar', 'امي تبيكم توقفون الاتصال على هالرقم', "a household member's wish passed on"],
    ['ar', 'ابي كل الرسايل على هالرقم تتوقف', 'the messages wanted to stop'],
    ['ar', 'la ba2a t7kooni', 'Arabizi'],
    ['tl', 'wag nyo na po akong tatawagan', 'future aspect'],
    ['tl', 'ayaw ko na pong tinatawagan nyo ako', 'progressive aspect'],
    ['tl', 'wg n po kau mgtxt', 'typed short forms'],
    ['tl', 'wag nyo nako tawagan', '"na ako" run together'],
    ['tl', 'huwag nyo nang tawagan ang nanay ko', 'a household member'],
    ['tl', 'binabawi ko na ang consent ko', 'consent revoked'],
    ['tl', 'paki remove na number ko', 'Taglish'],
    ['ht', 'pa rele manman m ankò', 'a household member'],
    ['ht', 'parelem anko', 'run together'],
    ['ht', 'm pa dakò pou nou voye m mesaj ankò', 'consent refused'],
    ['ht', 'm retire pèmisyon m pou nou rele m', 'consent revoked'],
    ['ht', 'm pa vle pale ak nou ankò', '"I do not want to talk to you any more"'],
  ])('%s: %j (%s)', (lang, text) => expectPhraseOptOut(text, lang));

  it.each(['ستوب', 'كانسل', 'إلغاء الاشتراك', 'UNREG', 'DEZABONE'])('the SMS keyword %j is an opt-out as the whole message', (text) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched: expect.stringMatching(/^keyword:/) });
  });

  it('reads Arabizi, Arabic in Latin letters, and reports it as Arabic with or without the hint', () => {
    expect(detectOptOut('la tetasalo bi abadan', { channel: 'voice', lang: 'ar' })).toMatchObject({
      intent: 'opt_out',
      lang: 'ar',
      matched: 'phrase:ar:la tetasalo',
    });
    expect(detectOptOut('la tetasalo bi abadan', { channel: 'voice' })).toMatchObject({ intent: 'opt_out', lang: 'ar' });
  });

  it.each([
    ['ar', 'بطل تزعج أختك يا ولد', 'a parent to a child'],
    ['ar', 'قال لي مديري لا ترسل رسائل للعملاء بالليل', 'reported speech'],
    ['ar', 'لا ترسل لي الفاتورة ورقيا، أرسلها بالإيميل', 'one thing not to send'],
    ['ar', 'لا تتصل بي على الواتساب، اتصل عادي', 'another way to call'],
    ['ar', 'كيف ألغي الاشتراك في النادي؟', 'a question about something else'],
    ['ar', 'شيل اسمي من الحجز وحط اسم اخوي', 'a booking, not a list'],
    ['ar', 'شو هي قائمة عدم الاتصال؟', 'a question about the do-not-call list'],
    ['ar', 'زوجي يقول لا تتصلوا عليه بعد المغرب', 'his own calls, and only the hour'],
    ['ar', 'ابغى اوقف العروض بس ابي رسايل المواعيد', 'only the offers, the reminders kept'],
    ['ar', 'بكفي تتصلوا مرة وحدة بالشهر', '"once a month is enough"'],
    ['ar', 'بدي اوقف الاشتراك في النادي', 'a subscription to something else'],
    ['ar', 'لا تتصلوا بعد نص الليل', 'only the hour'],
    ['ar', 'ضغطت الغاء الاشتراك بالغلط', 'unsubscribed by mistake'],
    ['ar', 'la tetasel 3a ra2mi el 2adim', 'Arabizi, only the old number'],
    ['ar', 'وقفوا الرسايل شهر بس وانا مسافر', 'a pause'],
    ['ar', 'ما ابي اتصالات وقت الصلاه', 'only the hour'],
    ['ar', 'شيلوني من جدول الاحد', 'a schedule, not a list'],
    ['ar', 'فعلت وضع عدم الازعاج', "the phone's own setting"],
    ['ar', 'كنت اقول لهم شيلوا رقمي لما كان عندي الخط القديم', 'the past'],
    ['ar', 'وقفوا الرسايل على جوال بنتي', "another person's phone"],
    ['tl', 'anak tigilan mo na ang pagtext sa crush mo', 'a parent to a child'],
    ['tl', 'wag kang tumigil sa pagtext sa akin', '"do not stop texting me"'],
    ['tl', 'huwag po kayong tumawag bukas, nasa ospital ako', 'not tomorrow'],
    ['tl', 'Ayoko na mag-text sa kanya, nakakapagod', 'the speaker will not text her'],
    ['ht', 'pitit sispann rele sè w la konsa', 'a parent to a child'],
    ['ht', 'M te di l pa rele m ankò', 'told to someone else'],
    ['ht', 'poukisa nou sispann voye mesaj yo?', 'a question'],
    ['ht', 'STOP la koute lajan?', 'a question about the keyword ("the STOP"), not Arabizi "stop, no"'],
    ['ht', 'STOP la ap anile rapèl yo tou?', 'a question about what the keyword does'],
    ['ht', 'retire non m sou rezèvasyon an, mete non frè m', 'a booking, not a list'],
    ['ht', 'eske m ka dezabone pita si m vle?', 'a question about unsubscribing'],
  ])('%s: %j is not an opt-out (%s)', (_lang, text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('none');
    expect(detectOptOut(text, { channel: 'voice' }).intent).toBe('none');
  });
});
