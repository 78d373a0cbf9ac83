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
 * the past ("전화를 그만 했어요", they stopped calling) do not fire, nor do
 * a time limit ("운전 중에는"), the speaker's promise ("제가 … 보낼게요"), another
 * channel asked for instead, or a request about someone else given in plain
 * speech ("친구한테 문자 그만 보내"); a household member ("우리 엄마한테 …") counts.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const ko: Lexicon = {
  lang: 'ko',
  matchOn: 'characters',
  script: 'Hangul',
  keywords: {
    opt_out: ['수신거부', '수신 거부', '거부', '광고거부', '광고 거부', '해지', '중지', '수신중지', '탈퇴', '그만', '무료거부', '무료수신거부', '문자거부', '차단', '광고수신거부', '스탑', '스톱', '수신거절', '발송중지', '수신해제', '수신 해제', '문자해지', '언섭스크라이브', '언서브스크라이브', '언서브', '언섭'],
    opt_in: [],
    help: ['도움말', '도움'],
  },
  voiceKeywords: ['그만'],
  clauseKeywords: ['수신거부', '광고거부'],
  softeners: ['제발', '좀', '요', '감사합니다', '부탁드립니다', '부탁해요', '이제', '네', '해주세요', '해 주세요', '해요', '바랍니다'],
  fillers: ['음', '어', '아', '저기'],
  laughter: ['ㅋ+', 'ㅎ+'],
  notTypos: [],
  negation: { cue: [], bridge: [], exceptAfter: [] },
  classes: {
    contact: [
      '전화', '전화질', '문자질', '연락', '문자', '메시지', '메세지', '카톡', '톡', '광고', '광고문자', '스팸', '알림', '전화연락', '문자메시지', '광고전화', '홍보', '상담전화', '영업전화', '마케팅',
      // Code-switching: "콜 하지 마세요", "텍스트 보내지 마세요".
      '콜', '텍스트', '텍스트메시지', 'call', 'text', 'sms', '컨택', '컨텍', '콘택트', '디엠',
      // Speech recognition's "전하하지 마세요" for 전화.
      '전하(?=하지|하세|해)', '저나(?=하지|하디|하세|해|좀|그만)',
    ],
    particle: ['를', '을', '도', '는', '은', '좀', '로', '든', '이든', '다'],
    again: ['다시는', '다시', '더이상', '더는', '앞으로', '이제', '절대', '두번다시', '더'],
    act: ['하지', '걸지', '주지', '보내지', '드리지', '넣지', '돌리지', '하덜', '하들', '걸덜', '하디', '보내디', '주시지', '하시지', '보내시지', '거시지'],
    // The rest of a request not to: 마(세요/라) or 말아(주세요).
    dont: ['마', '말'],
    // "정중히 사양하겠습니다", "일절 받지 않겠습니다": an adverb may come first.
    politely: ['정중히', '정중하게', '일절', '절대', '전혀', '더이상'],
    noMoreWant: ['받고싶지않', '받기싫', '그만받을래', '그만받고싶', '그만받겠', '원하지않', '받지않겠', '안받을게', '안받겠', '안받고싶', '안받을래', '안받을테니', '안받을거', '사절', '거절', '원치않', '사양'],
    // Not now, not at this hour: "지금 전화하지 마세요, 회의 중이에요" puts a call off.
    notNow: [
      '지금', '오늘', '내일', '이따', '이따가', '나중에', '밤에', '밤늦게', '늦게', '아침에', '새벽에', '주말에', '근무중에', '회의중', '운전중', '당분간', '잠깐', '잠시',
      '이시간에', '이시간', '[가-힣]{1,2}요일', '주중', '평일', '휴일', '출근길', '저녁에', '점심에', '오전에', '오후에', '퇴근전에', '업무시간에', '저녁', '아침', '점심', '새벽', '주말', '오전', '오후', '밤',
      // Any "… 시간에 / 중에 / 때": "수업 시간에 문자하지 마", "운전 중에는".
      '[가-힣]{1,4}(?:시간|중|때|동안)',
      // An hour with its edge: "오전 열 시 전에는", "9시 이후에".
      '[가-힣0-9]{0,6}?시(?:전|이전|후|이후|까지|부터|넘어서|넘어|지나서)',
      // Until some time: "다음 주까지는 전화하지 마세요".
      '[가-힣0-9]{1,6}?까지',
    ],
    // Someone the consumer speaks for: "우리 엄마한테 전화 그만 하세요" is for this number; "친구한테 문자 그만 보내" is a parent to a child.
    household: [
      '(?:우리|저희|제|내)(?:집)?(?:어머니|어머님|엄마|아버지|아버님|아빠|할머니|할아버지|남편|아내|와이프|부모님|애들|아이들|아이|아들|딸|가족|집사람|동생|형|누나|언니|오빠)',
    ],
    // Family whose request the consumer passes on: "남편이 전화 그만하래요", "엄마가 이 번호로 연락하지 말래요".
    relative: ['(?<![옆윗앞뒷넛]|옆집|윗집|앞집|뒷집|아랫집|건넛집)(?:우리|저희|제|내)?(?:집)?(?:어머니|어머님|엄마|아버지|아버님|아빠|할머니|할아버지|남편|신랑|아내|와이프|부모님|아들|딸|가족|집사람|동생|형|누나|언니|오빠|애아빠|애엄마)(?:이|가|께서|은|는|도)'],
    // Without the caller named, only a parent, spouse or child: "동생이 전화 그만 하래요" is more often a sibling telling the speaker.
    closeRelative: ['(?<![옆윗앞뒷넛]|옆집|윗집|앞집|뒷집|아랫집|건넛집)(?:우리|저희|제|내)?(?:집)?(?:어머니|어머님|엄마|아버지|아버님|아빠|할머니|할아버지|남편|신랑|아내|와이프|부모님|아들|딸|가족|집사람|애아빠|애엄마)(?:이|가|께서|은|는|도)'],
    // The caller, or this number, named in what is passed on: "그쪽한테", "너희", "여기로", "이 번호로".
    addressee: ['(?:(?:그쪽|너희|당신네|거기|이|귀)회사|그쪽|너희|당신들|당신|거기|여기|이번호|이집|댁)(?:한테|에게|께|에서|에다|에|로|으로|는|도)?'],
    // A quoted request, in any tense: "…하지 말래요", "…그만하라고 하시네요".
    relayEnd: ['(?:하지|보내지|걸지|주지|그만)(?:좀)?(?:말|마시|마|하시|하|보내시|보내|해|거시|걸)(?:래|라고|라셨|라시|라네|랍니다|라세요|라셔)'],
    // …or said now, without the caller named: not "…라고 했는데" (the past) nor "했대요".
    relayNow: ['(?:하지|보내지|걸지|주지|그만)(?:좀)?(?:말|마시|마|하시|하|보내시|보내|해|거시|걸)(?:래요|래|라시네요|라고하네요|라고하시네요|라고하세요|라시는데요|라고하셔서|랍니다|라셔요|라세요|라고전해)'],
    // The speaker then goes against it: "…근데 저는 궁금해서요", "…했는데 저는 관심 있어요".
    myOwnView: ['.*?(?:근데|하지만|그런데|그래도|지만|는데|데요|는데요)(?:저는|전|제가|난|나는|저도)'],
    // Said to the caller about someone else: "친구한테 연락하지 마" (a parent to a child); not "저한테", not "우리 엄마한테".
    toSomeoneElse: ['(?<!{household}|저|나|제|저희)(?:한테|에게|께)(?:는|도)?'],
    // Named as someone else even in a polite request: "그 사람한테는 전화하지 마세요".
    thirdParty: ['(?:그|저)(?:사람|분|쪽|친구|남자|여자|회사|집)(?:한테|에게|께)(?:는|도)?', '(?:걔|쟤|그녀|그애)(?:한테|에게)(?:는|도)?'],
    // Said to family, not to the caller: "엄마 그만 좀 전화해, 나 회의 중이야".
    vocative: ['(?:^|,)(?:엄마|아빠|여보|자기야|오빠|언니|누나|형|얘들아|얘야)'],
    // A family member called first, then told ("엄마 그 번호로 전화하지 마"); not "엄마 번호인데…" (mother's number).
    vocativeFirst: ['{vocative}(?!번호|집|폰|핸드폰|전화번호|께|한테|이|가|는|은|의)[^,]{0,10}?'],
    // Where a spoken sentence ended, when nothing marks it: "…없으니", "…할게요".
    clauseEnd: ['요', '다', '니', '니까', '서'],
    // A reason that makes it "not now": "문자 보내지 마, 아빠 운전 중이야".
    busyNow: ['.*?(?:운전|회의|수업|근무|통화|수술|식사|시험|출장|여행|휴가|입원)중'],
    // The same reason given first: "아빠 운전 중이니까 전화하지 마".
    busyBefore: ['(?:운전|회의|수업|근무|통화|수술|식사|시험)(?:중|하면서|할때|하는동안)[가-힣]{0,5}'],
    // Things sent that are not messages: "우편으로 청구서 보내지 마세요".
    notSent: ['(?:청구서|고지서|영수증|택배|우편|편지|물건|서류|사진|돈|카탈로그|소포)(?:를|을|는|은|도)?'],
    // Another way asked for instead: "문자 보내지 마시고 이메일로 주세요".
    instead: ['.*?(?:이메일|메일|카톡|우편|문자|전화|편지|번호|회사|사무실|집)(?:로|으로)(?:만)?(?:주|보내|연락|해|하)'],
    // The consumer as the subject: "제가 문자 그만 보낼게요" is a promise.
    speaker: ['제가', '내가', '저는', '나는', '저도', '나도'],
    // Quoted, unless the consumer repeats their own words: "전화하지 말라고 했잖아요".
    quoted: ['라고(?!요|했잖|몇번|분명|말했|말씀|$)', '래', '란', '랬', '라는', '라던'],
    // 내 after 아/안/시/사/부 is another word's end: "아내 이름" (wife's name), "안내 번호" (an information line).
    myNumber: ['제번호', '(?<![아안시사부])내(?:번호|전화번호|연락처|정보|이름)', '저의번호', '제전화번호', '제연락처', '이번호', '제휴대폰번호', '번호', '연락처', '전화번호', '개인정보', '제정보', '제개인정보', '제이름', '저희이름'],
    // A number that is not the consumer's: "안내 번호 삭제", "예전 번호 지워 주세요" (an account update), "계좌 번호".
    notMyNumber: ['안내|회사|사무실|팩스|예전|옛날|이전|옛|다른|딴|계좌|카드|주문|예약|송장|운송장|주민'],
    // The removal forbidden: "번호 지우지 마세요", "명단에서 빼지 말아 주세요".
    notDone: ['지(?:마|말|않)'],
    list: ['명단', '리스트', '목록', '데이터베이스', '데이터', '디비', '명부', '발송목록', '발송명단'],
    // Other services one unsubscribes from: "넷플릭스 구독 취소".
    otherService: ['넷플릭스', '유튜브', '디즈니', '스포티파이', '멤버십', '신문', '잡지', '채널', '앱', '어플', '쿠팡', '헬스', '[a-z]{3,}'],
    // Spam in general, not this sender's: "스팸 문자 안 받으려면".
    spamLike: ['스팸', '보이스피싱', '피싱', '모르는', '낯선', '다른'],
    // Blocking on a phone is a setting asked about, not a request to this sender: "할아버지 휴대폰 문자 차단하는 법".
    device: ['(?:휴대폰|핸드폰|휴대전화|스마트폰|아이폰|갤럭시|안드로이드|전화기|폰)(?:에서|에|으로|로|의|은|는)?'],
    remove: ['빼', '삭제', '지워', '제외', '지우', '없애', '빼주', 'remove', 'delete'],
  },
  rules: [
    // "다시 전화하지 마세요", "문자 보내지 마세요", "더 이상 연락하지 말아 주세요" — not "…하지 말라고 했는데" (quoted).
    { id: 'dont-contact', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*{act}(?:{particle})?{dont}', confidence: 0.95, notAfter: '(?:{notNow})(?:에는|에도|은|는|에|엔)?|{toSomeoneElse}|{busyBefore}|{vocativeFirst}', unless: '(?:세요|십시오|시오|시|요)?(?:{quoted})|까|자|고(?!요|$)|시고|아야|야|{busyNow}|{instead}' },
    // "연락 마세요", "다신 전화 마요": the verb left out — not "전화마다" (every call).
    { id: 'dont-contact-short', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*(?:마세요|마요|마십시오|말아주세요|말아요|마셈|마라|마(?=$|,))', confidence: 0.85, notAfter: '(?:{notNow})(?:에는|에도|은|는|에|엔)?|{toSomeoneElse}|{vocativeFirst}', unless: '{quoted}|{busyNow}|{instead}' },
    // Polite endings are said to the caller, so "어머니한테 전화하지 말아 주세요" is for this number even without "우리".
    {
      id: 'dont-contact-polite', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*{act}(?:{particle})?(?:마세요|마십시오|말아주세요|말아주십시오|말아주시|마시오|말아요)',
      confidence: 0.9, notAfter: '(?:{notNow})(?:에는|에도|은|는|에|엔)?|{busyBefore}|{thirdParty}', unless: '(?:{quoted})|{busyNow}|{instead}',
    },
    // "보내지 마세요" replying to a text, "연락하지 말라니까요": the contact is understood.
    // Also after a sentence ends without punctuation (speech): "광고 필요 없으니 보내지 마세요", "끊을게요 다시 하지 마세요".
    { id: 'dont-send', pattern: '(?<=^|,|{clauseEnd})(?:{again})?(?:좀)?(?:보내|연락하|전화하|문자하|전화걸|걸)지(?:좀)?(?:{dont})', confidence: 0.85, notAfter: '{busyBefore}|{notSent}', unless: '(?:세요|시)?(?:{quoted})|까|자|고(?!요)|아야|야|{instead}' },
    { id: 'dont-again', pattern: '(?<=^|,|{clauseEnd}|고)(?:다시는|다시|더이상|더는|앞으로|두번다시|다신)(?:좀)?(?:하지|보내지|걸지|주지)(?:좀)?(?:{dont})', confidence: 0.85, notAfter: '{busyBefore}', unless: '(?:세요|시)?(?:{quoted})|까|자|고(?!요)|아야|야' },
    // "이 번호로 다시는 걸지 마세요": the number, not the kind of contact, comes first.
    { id: 'this-number', notAfter: '{vocativeFirst}|그|저|다른|딴', pattern: '(?:{myNumber})(?:로|으로|에|에는|에다)(?:{again})?(?:좀)?(?:{contact})?(?:{particle})*(?:{act}|전화하지|연락하지|문자하지)(?:좀)?(?:{dont})', confidence: 0.9, unless: '(?:세요|시)?(?:{quoted})|까|자|고(?!요)|아야|야|{busyNow}|{instead}' },
    // "연락 자제해 주세요", "전화 삼가 주세요" — not the speaker's "연락 자제할게요".
    { id: 'refrain', pattern: '{contact}(?:{particle})*(?:{again})?(?:{particle})*(?:자제|삼가)', confidence: 0.85, unless: '할게|할께|하겠|했|할거' },
    // "연락 끊어 주세요" (not "전화 끊어", hang up; not "친구랑 연락 끊어").
    { id: 'cut-contact', pattern: '(?:연락|문자|광고|광고문자|알림|메시지|메세지|카톡)(?:을|를|은|좀)*(?:끊어|끊읍시다|끊자)', confidence: 0.85, notAfter: '랑|하고|와|과|이랑' },
    // "왜 자꾸 전화해 하지 말라고": the contact named in one breath, then a bare "don't".
    { id: 'named-then-dont', pattern: '(?<={contact}(?:{particle})*(?:해|하네|하냐|하니|해요|하세요|하시네|하시나))(?:좀)?하지(?:좀)?(?:{dont})', confidence: 0.85, unless: '(?:세요|시)?(?:{quoted})|까|자|고(?!요|$)|아야|야|{instead}' },
    // "귀찮게 하지 마세요"
    { id: 'dont-bother', pattern: '귀찮게(?:좀)?(?:하지|굴지)(?:{dont})', confidence: 0.85, unless: '라고(?!요)|래|란|랬' },
    // "전화 그만 하세요", "문자 그만 보내", "그만 좀 연락해요" — not "전화를 그만 했어요" (they stopped).
    { id: 'stop-contacting', pattern: '{contact}(?:{particle})*(?:이제)?(?:그만|고만|작작|고마(?=하|해|혀|좀|보내|,|$))|(?:그만|고만)(?:좀)?(?:{contact}|보내|걸어(?=.*전화))', confidence: 0.9, notAfter: '(?<!{household})(?:한테|에게|께)|(?:{speaker})(?:이제)?|{vocative}|[\u110f\u1112]+', unless: '.*?(?:[\u110f\u1112]{2,}|웃겨|웃기|배아파)|(?:좀)?(?:기다리|미루|늦|끌|뜸들|헷갈리|애태우)|[^,]{0,6}?고[^,]{0,10}?(?:연결|바꿔|넘겨|돌려)(?:해)?(?:주|줘)|.*?(?:빨리|얼른|어서|계속)(?:좀)?(?:보내|주세요|줘|받)|(?:좀)?오면|[^,]{0,6}?(?:된다고|한다고|하래|보내래)|(?:하|보내|해)고(?!요)|하구|(?:할|둘|보낼)(?:까|지)|(?:좀)?(?:보낼|할|걸|드릴)(?:게|께|거)|(?:하|좀)?(?:했|뒀|둔|두었|두고|둘|둬|두|하셨|하더라|한대|했대|보냈|보내셨|걸었)|(?:좀)?[가-힣]{0,3}?(?:래|라고(?!요|$)|랬|라셨|라던)|[^,]{0,6}?(?:라는|란)[^,]{0,5}?아니|(?:좀)?[가-힣]{0,3}?(?:셔)?도(?:되나|될까|되는지|돼나)|[^,]{0,8}?,?아니면|(?:오게|보내게|받게|되게)?하는(?:앱|어플|방법|법|거|것)|[가-힣]{0,3}?도(?:괜찮|상관없)|(?:좀)?끊|{busyNow}|.*?(?:방법|어떻게)' },
    // "더는 전화 받고 싶지 않아요", "문자 받기 싫어요", "연락 안 받을게요"
    { id: 'dont-want-contact', pattern: '(?:{contact}|통화|이런거|이런것|이런건|이런것들|이딴거|이거|그런거)(?:{particle})*(?:{again})?(?:{particle})*(?:정보|소식|안내)?(?:수신)?(?:을|를)?(?:{politely})?{noMoreWant}', confidence: 0.9, unless: '[은는](?:건|게|것은?)?아니|(?:으)?면|[^,]{0,8}?(?:어떻게|방법)' },
    // "문자 안 받아요", "연락 안 받습니다 끊을게요": the consumer's refusal, said as a plain statement — not "왜 전화 안 받아요"
    // (why don't you answer), not someone else who does not answer ("할머니가 전화 안 받아요"), not a question.
    { id: 'i-do-not-take-them', pattern: '(?<=^|,|요|다)(?:이제|이젠|더이상|더는|앞으로)?(?:이런|이)?(?:{contact})(?:를|을|은|는|도)?(?:이제|더이상|더는|앞으로)?안받(?:습니다|아요|음)(?=$|,|끊|[가-힣]{0,4}요$)', confidence: 0.85, unless: '[^,]{0,8}?(?:왜|까|나요|죠)', notAfter: '왜|어째서' },
    // "수신 거부합니다", "광고 거부" — not "수신 거부 안 했는데", "수신거부 해제", "거부감".
    {
      id: 'refuse-messages', notAfter: '실수로|잘못|모르고|다른[^,]{0,8}?', pattern: '수신을?(?:거[부뷰브]|겨부)|무료거부|문자거부|광고거부|수신차단|수신중지|수신을?원하지않|수신을?원치않|수신을?거절|광고거절|수신(?:을)?(?:안할|안하겠|하지않겠|안합니다|안함)',
      confidence: 0.9, unless: '(?:를|은|는|가|이)?(?:안|해제|취소|철회|풀|하지않|한적|못)|감|했던|했었|했대|했다고|했다던|했다네|(?:이)?(?:라고|라는|란)|(?:를|을)?(?:해도|했는데|했더니|해봤|눌렀)|(?:는|은)?(?:무슨|뭐)|말고|.*?(?:다시|계속)(?:받고|받을)|(?:를|을)?(?:하면|하는(?!방법|법)|할때|하신|한사람|가능)|[^,]{0,8}?(?:싶대|싶다고|한대|하겠대|한다고|하래)|번호(?:가|는)?[^,]{0,10}?(?:나요|인가요|맞나요|맞아요)|.*?(?:친구|동생|지인|누가|언니|형|누나|오빠)[가-힣]{0,2}?(?:가|이)?(?:물어(?:봐|보)|궁금해)|(?:문자|를|을)?[^,]{0,4}?(?:잘못|실수로)|(?:기간|기한|상태|여부)|(?:를|을)?(?:누르|눌러|하|신청하)?면|버튼',
    },
    // "저 빼 주세요" as the whole reply: take me off.
    { id: 'remove-me', pattern: '^(?:저|저희|나|저를|나를|저희를|제꺼|제거)(?:좀)?(?:빼|제외해|삭제해|지워)(?:주세요|줘요|주십시오|줘|요|주실래요)?$', confidence: 0.85 },
    // "ㅅㅅㄱㅂ": 수신거부 in initials, as texters write it.
    { id: 'refuse-initials', pattern: '(?<=^|,)\u1109\u1109\u1100\u1107', confidence: 0.85, unless: '[^,]{0,6}?(?:했|됐|하면|누르면|가능|뭐|무슨)' },
    // "stop해주세요", "STOP요": a carrier keyword glued to Korean.
    { id: 'english-keyword', pattern: '^(?:stop|unsubscribe|cancel|remove|스탑|스톱|언섭스크라이브|언서브스크라이브|언서브|언섭)(?:해주세요|해줘|해요|요|이요|이에요|입니다|하세요|합니다|할게요|할께요|할래요|부탁드립니다|부탁해요|please)*(?:{myNumber})?$', confidence: 0.9 },
    // "거부합니다" as the whole reply.
    { id: 'refuse-whole', pattern: '^(?:(?:거부|수신거부|해지|중지|탈퇴|차단|스탑|스톱)(?:합니다|해요|할게요|하겠습니다|해주세요|함|요)|(?:(?:거부|수신거부|스탑|스톱)(?:요|합니다)?,?){2,3})$', confidence: 0.85 },
    // "마케팅 수신 동의 철회합니다", "수신 동의 취소할게요"
    { id: 'withdraw-consent', pattern: '(?:수신|마케팅|광고|정보|이용|개인정보|문자)?동의(?:를|을)?(?:취소|철회|거부|안함|안합|안해|안할|하지않)', confidence: 0.9, unless: '했|됐|된|하려면|방법|어떻게' },
    // "문자 알림 해지해 주세요", "광고 전화 차단해 주세요", "알림 꺼 주세요"
    { id: 'turn-off', pattern: '(?!스팸){contact}(?:{particle})*(?:{contact})?(?:{particle})*(?:발송|수신|전송)?(?:을|를)?(?:해지|해제|꺼|끄|차단|중단|중지)', confidence: 0.85, notAfter: '{speaker}|{spamLike}|(?:{otherService})(?:에서|에|의|은|는)?|{device}', unless: '지(?:마|말)|져|졌|(?:이|가|은|는)(?:안|잘|되|돼|어떻게|왜)|했|됐|된|당했|당|되었|돼|하는(?!방법|법)|는(?!방법|법)|[^,]{0,16}?(?:앱|어플)' },
    // "광고 알림 필요없어요, 꺼 주세요", "전화를 왜 자꾸 하세요, 하지 마세요": the contact named, then a bare imperative.
    { id: 'named-then-imperative', pattern: '{contact}[^,]{0,12}?(?:,|(?<=[요다]))(?:좀)?(?:다)?(?:(?:꺼|차단해|해지해|해제해)(?:주세요|줘요|주십시오|줘)|하지(?:좀)?(?:마세요|마십시오|말아주세요|마))', confidence: 0.85, notAfter: '{speaker}', unless: '(?:{quoted})|시고' },
    // "문자 안 오게 해 주세요", "전화 오지 않게 해주세요"
    { id: 'make-it-stop', pattern: '{contact}(?:{particle}|가|이)*(?:안오게|오지않게|못오게|안오도록|오지않도록)', confidence: 0.85 },
    // "더 이상 문자 안 보내셨으면 합니다", "연락 안 주셨으면 좋겠어요"
    {
      id: 'would-rather-not', pattern: '(?:{contact}|(?:{myNumber})(?:로|으로|에)|더는|더이상|앞으로는)(?:{particle})*(?:{again})?(?:{particle})*안(?:보내주셨|보내셨|보냈|해주셨|하셨|했|주셨|줬|걸었|거셨|드렸|오|왔)으면(?:좋겠|합니다|해요|하|감사|싶)',
      confidence: 0.85, notAfter: '{speaker}',
    },
    // "매일 전화하시는데 이제 그만하셨으면 합니다": the contact named, then "I wish you would stop".
    { id: 'wish-you-stopped', pattern: '{contact}[^,]{0,12}?(?:그만|고만)(?:좀)?(?:하셨|해주셨|했|보내셨|두셨|해줬)으면(?:좋겠|합니다|해요|하|감사|싶)', confidence: 0.85, notAfter: '{speaker}', unless: '[^,]{0,6}?(?:다고(?!요|$)|다며|다는|래|라고(?!요|$)|랬)' },
    // "더 이상 전화 안 하셔도 돼요", "이제 문자 그만 보내셔도 돼요" — not "오늘은 전화 안 주셔도 돼요" (once).
    { id: 'no-need-any-more', pattern: '(?:더이상|더는|앞으로|다시는|이제)(?:{contact})(?:{particle})*안(?:하셔|주셔|보내셔|걸어|거셔|해|줘|보내)도(?:돼|되|됩|괜찮)', confidence: 0.85 },
    // A relative's request passed on to the caller, who is named ("남편이 그쪽한테 문자 보내지 말라고 전해 달래요") or not
    // ("와이프가 전화 그만 하시래요"); not told to the speaker ("엄마가 저한테 전화하지 말래요") nor undercut after.
    { id: 'relayed-to-you', pattern: '{relative}(?:(?!자기|본인)[^,]){0,6}?{addressee}(?:{contact})?(?:{particle})*(?:{again})?(?:{particle})*(?:{relayEnd})', confidence: 0.85, unless: '{myOwnView}|{instead}|했대|했다고|그랬대' },
    { id: 'relayed', pattern: '{closeRelative}(?:{again})?(?:{contact})(?:{particle})*(?:{again})?(?:{particle})*(?:{relayNow})', confidence: 0.85, unless: '{myOwnView}|{instead}' },
    // "더 전화 주실 필요 없어요"
    { id: 'no-need-to-contact', pattern: '(?:더|더이상|더는|앞으로|이제)(?:{contact})(?:{particle})*(?:주실|하실|보내실|거실|걸)필요(?:는|가|도)?(?:없|전혀없)', confidence: 0.85 },
    // "전화 오는 거 싫어요"
    { id: 'hate-it', pattern: '{contact}(?:{particle})*(?:오는|받는)(?:거|것)(?:이|가|은|는|도)?(?:싫|원하지않|원치않|귀찮)|(?:이런|이딴|그런)(?:{contact})(?:{particle})*(?:정말|너무|진짜|다)?(?:싫|원하지않|원치않)', confidence: 0.85 },
    // "문자 stop 해주세요"
    { id: 'stop-english', pattern: '{contact}(?:{particle})*(?:stop|스탑|스톱)', confidence: 0.85 },
    // "do not call 명단에 넣어 주세요"
    { id: 'do-not-call-list', pattern: '(?:donotcall|dnc|두낫콜|두낫컬|두노콜|수신거부|전화금지|연락금지|통화금지)(?:명단|리스트|목록)에(?:넣|올려|올리|추가|등록)|(?:donotcall|dnc)(?:해|처리|등록|으로|로)', confidence: 0.9 },
    // "광고 보내는 거 그만하세요", "전화하는 것 좀 그만해": the act named, then stop.
    { id: 'stop-doing-it', pattern: '(?:보내|연락하|전화하|전화주|문자하|걸)는(?:거|것)(?:을|를|좀)*(?:이제)?(?:그만|고만)', confidence: 0.85, notAfter: '{speaker}', unless: '(?:좀)?[가-힣]{0,3}?(?:래|라고(?!요|$)|랬|라셨|라던)|(?:하|좀)?(?:했|뒀|둔|두|하셨|한대|했대)' },
    // "더는 안 받을래요", "앞으로 정중히 사양할게요": what is refused is understood.
    { id: 'no-more-receive', pattern: '(?<=^|,|{clauseEnd})(?:더는|더이상|앞으로는?|이제는?|다시는)(?:{politely})?(?:{noMoreWant})', confidence: 0.85 },
    // "또 전화했네, 제발 그만 좀 하세요": a sentence-final plea to stop after another sentence.
    { id: 'stop-final', pattern: '(?<=[요다네죠,]|제발)(?:제발)?(?:좀)?(?:그만|고만)(?:좀)?(?:하세요|하십시오|해주세요|하라고요|하라니까요?)$', confidence: 0.85 },
    // "그만하세요", "그만요", "제발 그만 좀 해": the whole reply.
    { id: 'stop-whole', pattern: '^(?:제발)?(?:좀)?(?:그만|고만)(?:좀)?(?:요|해|해요|하세요|하십시오|하라고요?|해라|해주세요|해줘|하라니까)?(?:요)?$', confidence: 0.85 },
    // "연락 ㄴㄴ", "전화 노노": texting slang for no.
    { id: 'contact-no-no', pattern: '{contact}(?:{particle})*(?:\u1102\u1102|노노|놉놉)', confidence: 0.85 },
    // "광고 전화 거부합니다" — not "전화 거부당했어요".
    { id: 'refuse-contact', pattern: '{contact}(?:{particle})*(?:{contact})?(?:{particle})*(?:수신)?(?:을|를)?거부(?=합니다|할게|할께|하겠|해요|해|함|요|$)', confidence: 0.85, notAfter: '{speaker}' },
    // "그만 좀 괴롭혀요", "나 좀 내버려 둬요"
    { id: 'leave-me-alone', pattern: '(?:그만|고만)(?:좀)?(?:괴롭혀|괴롭히|귀찮게해)|(?:나|저|날|저를|나를)(?:좀)?(?:그냥)?(?:가만히)?(?:내버려|가만|냅)(?:둬|두세요|놔|놔둬|놔두세요|두십시오|둬요)', confidence: 0.85, unless: '{quoted}' },
    // "또 전화하면 신고할 거예요": a threat is a request to stop.
    { id: 'or-else', pattern: '(?:(?:또|다시|한번만더|한번더|계속)(?:{contact})?|{contact})(?:{particle})*(?:하면|오면|보내면|걸면|하시면|주시면|보내시면|거시면)[^,]{0,8}?(?:신고|고소|고발|경찰|차단)', confidence: 0.85 },
    // "제 번호 삭제해 주세요", "명단에서 저를 빼주세요"
    // Not the past: "전화번호 삭제했어요" (I deleted it).
    { id: 'remove-number', notAfter: '{notMyNumber}', pattern: '{myNumber}(?:을|를|좀|은|다)*{remove}|(?:제번호|내번호|제전화번호|제연락처)[^,]{0,16}?(?:지워|삭제해|빼)(?:주세요|줘요|주십시오|줘)', confidence: 0.85, unless: '했|됐|된|졌|한(?!다)|하셨|버렸|{notDone}' },
    { id: 'remove-from-list', pattern: '(?:{list}|연락처|주소록|시스템|전산)(?:에서)(?:저를|저|제번호를|제번호|번호를|번호|저희를|좀)*(?:{myNumber})?(?:을|를|좀)*{remove}', confidence: 0.9, unless: '했|됐|된|졌|한(?!다)|하셨|버렸|{notDone}' },
    // "구독 취소해 주세요", "전화 금지", "수신 해지" — not "유튜브 구독 취소했어요".
    // Asking how ("구독 취소 어떻게 하죠") is a request; not "구독 취소 안 했는데", nor another service ("넷플릭스 구독 취소").
    { id: 'unsubscribe', pattern: '구독(?:을)?(?:취소|해지|끊)|(?:전화|연락|문자|광고)(?:발송|수신)?금지|수신해지|문자해지|수신(?:을)?해제', confidence: 0.85, notAfter: '{otherService}', unless: '했|됐|된|한(?!다)|하셨|하면|할까|할지|가능|(?:을|를|은|는)?(?:안|못)|(?:은|는)?(?:말고|아니고)' },
    // "이 문자 안 받으려면 어떻게 해요?", "전화 안 오게 하려면 뭐 눌러요", "어떻게 하면 이 전화 안 받을 수 있어요": asking how to stop them
    // is asking them to stop; not spam in general ("스팸 문자 안 받으려면") nor other messages ("…스팸 말고 택배 문자요").
    { id: 'how-to-stop', pattern: '{contact}(?:{particle}|가|이)*(?:더이상|더는|이제)?(?:수신(?:을)?)?(?:(?:안|그만|못)(?:받|오)|끊|차단하|거부하|해지하)(?:으려면|려면|고싶으면|고싶은데|게하려면|게하는|게할수)(?:[^,]{0,10}?(?:어떻게|어케|방법|뭐|뭘|어디)|요?$)|(?:어떻게|어케)(?:하면|해야)?(?:이|이런|그쪽)?{contact}(?:{particle}|가|이)*(?:더이상|더는|이제)?(?:안|그만|못)(?:받|오)(?:을수|게할수|게되)|(?<=이|이런|그쪽|오는)(?:{contact})(?:{particle}|가|이)*(?:어떻게|어케)(?:하면)?(?:끊|막|차단|해지|수신거부|안받|그만받)|{contact}(?:{particle}|가|이)*(?:어떻게|어케)(?:하면)?(?:더이상|더는|이제)?(?:안|그만|못)(?:받|오)(?:을수|게할수|게되|게하)|{contact}(?:{particle}|가|이)*(?:어떻게|어케)(?:하면)?(?:끊|막|차단|해지|수신거부|안받|그만받)(?=[^,]{0,8}?,?(?:이번호|여기|그쪽|이쪽|이회사|이문자))|(?:어떻게|어케)(?:하면|해야)?{contact}(?:{particle}|가|이)*(?:안|그만|못)(?:받|오|와)(?=[^,]{0,12}?,?(?:이번호|여기|그쪽|이쪽|이회사|이문자))|(?:{contact}(?:가|이)?오는(?:거|것)|(?<=^|,)(?:이거|이것|이런거|이런것))(?:을|를|좀)*(?:어떻게|어케)(?:하면|해야)?(?:끊|막|차단|해지|수신거부|안받|그만받)', confidence: 0.85, notAfter: '{spamLike}|{device}', unless: '.*?(?:말고|아니고)' },
    // "그만하세요, 전화": the stop first, what to stop after.
    { id: 'stop-then-topic', pattern: '^(?:제발)?(?:좀)?(?:그만|고만)(?:좀)?(?:하세요|해요|해|하라고요?|하십시오|해주세요),?(?:이|그|이런)?(?:{contact})(?:요|좀|은|는)?$', confidence: 0.85 },
  ],
};
