import { describe, expect, it } from 'vitest';
import { expectPhraseOptOut } from '../../../test/support/optout';
import { detectOptOut } from './detectOptOut';

/**
 * Arabic, Haitian Creole and Korean as they vary from one writer or one
 * recogniser to the next: dialect verbs, spellings without a standard,
 * verbs left out, words run together or split. A rule of the language must
 * fire and say so; the near misses beside each one must not.
 */
describe('opt-out variants in Arabic, Haitian Creole and Korean', () => {
  it.each([
    ['ko', '전화 고마 하이소', 'Gyeongsang "stop"'],
    ['ko', '다신 전화 마세요', 'the verb left out'],
    ['ko', '연락 ㄴㄴ', 'texting slang'],
    ['ko', '수신거뷰', 'a typo of the carriers\u2019 word'],
    ['ko', '광고 전화 거부합니다', 'refused'],
    ['ko', '아 그만 좀 해요 전화 좀 그만 하라고', 'the speaker repeating themself'],
    ['ko', '더는 안 받을래요', 'what is refused is understood'],
    ['ko', '다시는 이 번호로 안 걸었으면 좋겠어요', 'this number'],
    ['ko', '제 폰으로 광고 보내는 거 그만하세요', 'the act named, then stop'],
    ['ko', '광고 알림 필요없어요 꺼주세요', 'the contact named, then a bare imperative'],
    ['ko', '매일 전화하시는데 이제 그만하셨으면 합니다', '"I wish you would stop"'],
    ['ko', '광고 문자 끊어주세요', 'cut off the texts'],
    ['ar', 'حلوا عني', 'Levantine plural'],
    ['ar', 'اتركوني وشأني', 'leave me alone'],
    ['ar', 'أرجو عدم مراسلتي مجدداً', 'formal'],
    ['ar', 'بلا اتصالات', 'no more calls'],
    ['ar', 'ازعجتوني وقفوا', 'a complaint, then stop'],
    ['ar', 'اذا اتصلتوا مرة ثانية بشتكي عليكم', 'a threat'],
    ['ar', 'matetesselsh beya tany', 'Arabizi, Egyptian'],
    ['ar', 'battal tettesel', 'Arabizi, stop calling'],
    ['ar', 'ma 3ad bde wala message', 'Arabizi, Levantine'],
    ['ar', 'انا مش موافق انكم تتصلوا علي', 'consent refused'],
    ['ar', 'لا تتصلوا بهالرقم ابدا هاد رقم ستي', 'this number, contracted'],
    ['ar', 'la tdo2 3alay marra tanye', 'Arabizi, ring'],
    ['ar', 'كلمتوني عشر مرات بطلوا بقى', 'a complaint about the calls, then stop'],
    ['ar', 'هذا ازعاج، اوقفوه', 'stop it'],
    ['ar', 'mat b3tolish tany please', 'Arabizi, split prohibitive'],
    ['ht', 'pa rélé moin anko', 'French-influenced spelling'],
    ['ht', 'sispannrelem', 'run together'],
    ['ht', 'pa rele manko', '"m ankò" run together'],
    ['ht', 'pa bezwen rele m ankò', '"no need to call me"'],
    ['ht', 'nimewo sa a se pou manman m, pa voye l mesaj ankò', 'a relative\u2019s number'],
    ['ht', 'm pa ba w pèmisyon rele m ankò', 'permission refused'],
    ['ht', 'ban m lapè non', 'leave me in peace'],
    ['ht', 'Souple sispann itilize nimewo m', 'my number not to be used'],
    ['ht', 'Pa kontakte m ni pa tèks ni pa apèl', 'neither texts nor calls'],
    ['ht', 'sispann rele kay la', 'the house'],
  ])('%s: %j (%s)', (lang, text) => expectPhraseOptOut(text, lang));

  it.each([
    ['ko', '전화 고마워요', 'thanks for the call'],
    ['ko', '금요일엔 전화하지 마세요 출장 가요', 'not on Friday'],
    ['ko', '아빠 운전 중이니까 전화하지 마', 'the reason given first'],
    ['ko', '사장님이 광고 전화 그만 돌리라고 하셨어요', 'reported speech'],
    ['ko', '그만 보내라는 말이 아니에요 시간만 바꿔주세요', '"I did not say stop"'],
    ['ko', '수신거부 하면 할인 쿠폰도 안 오나요?', 'a question about opting out'],
    ['ko', '그만 보내도 되나요 아니면 계속 보내야 하나요?', 'asking whether to stop'],
    ['ko', '배달 기사님 전화 하지 마시고 문 앞에 두세요', 'something else instead'],
    ['ko', '알림 끄는 방법 좀 알려주세요 앱에서요', 'how to'],
    ['ko', '그 회사가 문자를 그만 보냈어요', 'they stopped'],
    ['ko', '저녁엔 전화하지 마세요 애들 재워야 해서요', 'not in the evening'],
    ['ko', '전화 그만 했으면 좋겠다고 제 동생이 그러더라고요', 'reported'],
    ['ko', '광고 전화 그만 오게 하는 앱 추천해 주세요', 'an app that stops them'],
    ['ko', '이 번호로 전화하지 마시고 회사로 해 주세요', 'another number instead'],
    ['ko', '아 전화 그만 끊을게요 좋은 하루 되세요', 'hanging up'],
    ['ko', '수신 거부 기간이 끝났나요?', 'a question about the opt-out'],
    ['ko', '운전하면서 전화하지 말라고 했잖아 여보', 'not while driving'],
    ['ko', '전화하지 마시라고 제가 말씀드린 적 없어요', '"I never said"'],
    ['ko', '예약 알림 끄지 말아 주세요', '"do not turn them off"'],
    ['ko', '엄마 그만 좀 전화해 나 회의 중이야', 'said to family'],
    ['ko', '그 사람한테는 전화하지 마세요 제가 전할게요', 'someone else, politely'],
    ['ko', '수신거부 누르면 포인트 사라지나요', 'what happens if'],
    ['ar', 'أمي دايما تقولي بطلي تتصلي فيهم', 'reported, and about them'],
    ['ar', 'مش قصدي ما تتصلوش بس الوقت مش مناسب', '"I do not mean do not call"'],
    ['ar', 'شو يعني إلغاء الاشتراك بيصير شي', 'a question'],
    ['ar', 'ما في داعي تبعتوا الموظف البيت', 'a person, not messages'],
    ['ht', 'Zanmi m di l te dezabone, men mwen m rete', 'someone else unsubscribed'],
    ['ht', 'Ou pa bezwen rele m ankò, m ap vin nan biwo a demen', 'the speaker will come instead'],
    ['ht', 'm pa t konnen nou te sispann voye kat yo', 'a stop in the past'],
    ['ht', 'yo te retire m nan lis la pa erè remete m', 'removed by mistake'],
    ['ht', 'm te di manman m sispann rele bank lan', 'told to someone else, about a third party'],
    ['ht', 'm pa vle pwomosyon sa a m vle lòt la', 'a choice between offers'],
    ['ht', 'm pa vle nou rele m nan travay, rele m lakay', 'at home, not at work'],
    ['ht', 'pitit mwen sispann rele m depi li gen telefòn li', 'a relative stopped calling'],
    ['ht', 'Sispann voye m kòd la, m jwenn li deja', 'one code, already received'],
  ])('%s: %j is not an opt-out (%s)', (_lang, text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('none');
    expect(detectOptOut(text, { channel: 'voice' }).intent).toBe('none');
  });

  it.each(['도움말', 'مساعدة', 'ÈD'])('the SMS keyword %j asks for help', (text) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'help', matched: expect.stringMatching(/^keyword:/) });
  });
});
