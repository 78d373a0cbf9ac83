/**
 * Korean. People space Korean freely ("전화하지 마세요", "전화 하지마세요",
 * speech recognition's "전화 하지 마 세요"), so the rules match on characters
 * (`matchOn: 'characters'`) and are written without spaces.
 *
 * The request is a contact word (전화 call, 연락 contact, 문자 text …) with a
 * prohibitive (…하지 마세요 / 말아 주세요), "stop" (그만), "do not want to
 * receive" (받고 싶지 않아요, 받기 싫어요), or removal of "my number" from a
 * list; and 수신거부, the carriers' own word for refusing messages. Quoted
 * speech ("…하지 말라고 했는데", someone else said not to call) and a stop in
 * the past ("전화를 그만 했어요", they stopped calling) do not fire.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const ko: Lexicon = {
  lang: 'ko',
  matchOn: 'characters',
  script: 'Hangul',
  keywords: {
    opt_out: ['수신거부', '수신 거부', '거부', '광고거부', '광고 거부', '해지', '중지', '수신중지', '탈퇴', '그만', '무료거부', '무료수신거부', '문자거부', '차단', '광고수신거부'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: ['그만'],
  clauseKeywords: ['수신거부', '광고거부'],
  softeners: ['제발', '좀', '요', '감사합니다', '부탁드립니다', '부탁해요', '이제', '네'],
  fillers: ['음', '어', '아', '저기'],
  laughter: ['ㅋ+', 'ㅎ+'],
  notTypos: [],
  negation: { cue: [], bridge: [], exceptAfter: [] },
  classes: {
    contact: ['전화', '연락', '문자', '메시지', '메세지', '카톡', '톡', '광고', '광고문자', '스팸', '알림', '전화연락', '문자메시지', '광고전화', '홍보'],
    particle: ['를', '을', '도', '는', '은', '좀', '로'],
    again: ['다시는', '다시', '더이상', '더는', '앞으로', '이제', '절대', '두번다시'],
    act: ['하지', '걸지', '주지', '보내지', '드리지', '넣지', '돌리지'],
    // The rest of a request not to: 마(세요/라) or 말아(주세요).
    dont: ['마', '말'],
    noMoreWant: ['받고싶지않', '받기싫', '원하지않', '받지않겠', '안받을게', '안받겠', '안받고싶', '안받을래', '안받을테니', '사절', '거절'],
    // Not now, not at this hour: "지금 전화하지 마세요, 회의 중이에요" puts a call off.
    notNow: [
      '지금', '오늘', '내일', '이따', '이따가', '나중에', '밤에', '밤늦게', '늦게', '아침에', '새벽에', '주말에', '근무중에', '회의중', '운전중', '당분간', '잠깐', '잠시',
      '이시간에', '이시간', '저녁에', '점심에', '오전에', '오후에', '퇴근전에', '업무시간에',
    ],
    myNumber: ['제번호', '내번호', '저의번호', '제전화번호', '내전화번호', '제연락처', '내연락처', '이번호', '제휴대폰번호', '번호', '연락처', '전화번호'],
    list: ['명단', '리스트', '목록', '데이터베이스', '디비', '명부', '발송목록', '발송명단'],
    remove: ['빼', '삭제', '지워', '제외', '지우', '없애', '빼주'],
  },
  rules: [
    // "다시 전화하지 마세요", "문자 보내지 마세요", "더 이상 연락하지 말아 주세요" — not "…하지 말라고 했는데" (quoted).
    { id: 'dont-contact', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*{act}(?:{particle})?{dont}', confidence: 0.95, notAfter: '(?:{notNow})(?:은|는|에|엔)?', unless: '라고(?!요)|래|란|랬|라는|라던' },
    // "귀찮게 하지 마세요"
    { id: 'dont-bother', pattern: '귀찮게(?:좀)?(?:하지|굴지)(?:{dont})', confidence: 0.85, unless: '라고(?!요)|래|란|랬' },
    // "전화 그만 하세요", "문자 그만 보내", "그만 좀 연락해요" — not "전화를 그만 했어요" (they stopped).
    { id: 'stop-contacting', pattern: '{contact}(?:{particle})*(?:이제)?그만|그만(?:좀)?(?:{contact}|보내)', confidence: 0.9, notAfter: '한테|에게|께', unless: '(?:하|좀)?(?:했|뒀|둔|두었|두고|둘|둬|두|하셨|하더라|한대|했대)|(?:좀)?(?:보내|하|해)?(?:래|라고(?!요)|랬)|.*?(?:방법|어떻게)' },
    // "더는 전화 받고 싶지 않아요", "문자 받기 싫어요", "연락 안 받을게요"
    { id: 'dont-want-contact', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*(?:수신)?(?:을|를)?{noMoreWant}', confidence: 0.9 },
    // "수신 거부합니다", "광고 거부"
    { id: 'refuse-messages', pattern: '수신거부|무료거부|문자거부|수신을?거부|광고거부|수신차단|수신중지|수신을?원하지않|수신동의철회|동의철회', confidence: 0.9 },
    // "제 번호 삭제해 주세요", "명단에서 저를 빼주세요"
    // Not the past: "전화번호 삭제했어요" (I deleted it).
    { id: 'remove-number', pattern: '{myNumber}(?:을|를|좀|은)*{remove}', confidence: 0.85, unless: '했|됐|된|졌|한(?!다)|하셨|버렸' },
    { id: 'remove-from-list', pattern: '{list}(?:에서)(?:저를|저|제번호를|제번호|번호를|번호|저희를|좀)*(?:{myNumber})?(?:을|를|좀)*{remove}', confidence: 0.9, unless: '했|됐|된|졌|한(?!다)|하셨|버렸' },
    // "구독 취소해 주세요", "전화 금지", "수신 해지"
    { id: 'unsubscribe', pattern: '구독(?:을)?(?:취소|해지|끊)|(?:전화|연락|문자)금지|수신해지|문자해지|수신동의(?:를)?철회', confidence: 0.85 },
  ],
};
