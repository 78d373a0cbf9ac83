/**
 * Vietnamese, with or without diacritics: speech recognition and many
 * phones drop them, so normalisation strips them (and folds đ to d) and the
 * lexicon is written without: "Đừng gọi cho tôi nữa" and "dung goi cho toi
 * nua" are the same text.
 *
 * Without diacritics words collide: `dung` is đừng (don't), dừng (stop),
 * đúng (right) and dùng (use); `goi` is gọi (call) and gói (package). So a
 * bare `dung` is never a keyword, and a prohibitive needs `nua` (any more)
 * or "me" right after the verb to be an opt-out ("đừng gọi cho tôi nữa"),
 * which "đừng quên gọi cho tôi" (don't forget to call me), "đừng cúp máy"
 * (don't hang up) and "đúng rồi" never have. The speaker's own promise
 * ("tôi sẽ không gọi nữa") and calls to someone else ("đừng gọi cho anh ấy
 * nữa") do not fire.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const vi: Lexicon = {
  lang: 'vi',
  script: 'Latin',
  keywords: {
    // "DK DNC" registers with Vietnam's do-not-call list; "TC" (từ chối) refuses advertising.
    opt_out: ['huy', 'tc', 'tu choi', 'ngung', 'huy dang ky', 'huy dk', 'ngung nhan tin', 'huy tin nhan', 'huy qc', 'tu choi qc', 'tc qc', 'dk dnc', 'dnc', 'ngung qc', 'huy quang cao', 'ngung lai', 'ngung gui', 'ngung nhan', 'ngung ngay'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: [],
  clauseKeywords: ['huy dang ky', 'tu choi', 'ngung', 'ngung lai'],
  softeners: ['nhe', 'nha', 'a', 'di', 'giup', 'giup toi', 'giup em', 'cam on', 'cam on nhieu', 'xin', 'lam on', 'vui long', 'roi', 'ak', 'nhe ban', 'ban oi', 'anh oi', 'chi oi', 'em oi', 'gium', 'dum', 'gium toi', 'gium em', 'dum em', 'nghen', 'dum cai', 'gium cai', 'lien', 'luon'],
  // Fillers are dropped from every language's text: only sounds that are no word anywhere.
  fillers: ['uhm', 'uhmm'],
  laughter: ['(?:ha){2,}', '(?:hi){2,}', 'kk+'],
  notTypos: ['dung', 'dang'],
  negation: {
    cue: ['khong', 'ko', 'k', 'kh', 'hong', 'chang', 'cha', 'chua', 'dung', 'kg', 'hok', 'hem', 'khum', 'hk'],
    bridge: ['muon', 'can', 'phai', 'co', 'se', 'the', 'duoc', 'bao gio', 'he', 'tung'],
    exceptAfter: ['sao', 'tai sao'],
  },
  classes: {
    // "không" is a request only where it opens the sentence ("không gọi nữa nhé"); after a subject it states a fact
    // ("mẹ không gọi cho tôi nữa").
    dont: [
      'dung', 'dung co', 'xin dung', 'lam on dung', 'vui long dung', 'thoi dung', 'dung co ma', 'dung bao gio', 'vui long khong', 'xin dung co',
      // Texting spellings of "không": kg, hok, hem, khum, hk.
      '(?<=^|, )(?:khong|ko|k|kh|hong|kg|hok|hem|khum|hk)', 'thoi (?:khong|ko)', '(?<=^|, )(?:khong|ko|k) duoc', 'cam', '(?<=^|, )(?:khong|ko|k) can', '(?<=^|, )hong co',
      // "khỏi" (no need): "khỏi gọi nữa"; "đừg", "đừn" typed short.
      'khoi', 'thoi khoi', 'dug', 'dun',
    ],
    dontImperative: ['dung', 'dung co', 'xin dung', 'lam on dung', 'vui long dung', 'thoi dung', 'dung co ma', 'dung bao gio', 'xin dung co', 'khoi', 'dug', 'cam', 'bot', 'vui long khong', 'xin khong', 'xin vui long khong', 'lam on khong', '(?:de nghi|yeu cau) (?:khong|dung)'],
    contactVerb: [
      // "gửi" (send) but not goods, money or papers: "đừng gửi hàng nữa" is about an order.
      'goi', 'goi dien', 'goi dien thoai', 'goi lai', 'goi toi', 'nhan', 'nhan tin', 'gui tin', 'gui tin nhan', 'gui sms', 'gui qc', 'lien lac', 'lien he',
      'gui(?! (?:(?:cai|may cai|nhung|cac|cai) )?(?:hang|don|do|tien|qua|buu|thu|hoa don|ho so|dia chi|xe|anh|hinh|video|clip|meme|sticker|link|file|tai lieu|bai|ma|code|otp|sai|nham|lon)(?![^ ]))',
      // "kêu" (southern: call) only with who is called: "đừng kêu tôi nữa", not "đừng kêu ca nữa" (stop complaining).
      'keu(?= (?:{self}|cho|dien)(?![^ ]))',
      // "đừng có điện nữa": "điện" for a phone call, after "có".
      '(?<=co )dien',
      'lam phien', 'quay ray', 'lam on goi', 'spam', 'call', 'text', 'send', 'msg', 'mess', 'nt', 'sms', 'goi den', 'goi vao', 'quang cao', 'ib', 'inbox', 'dien thoai',
    ],
    contactNoun: ['tin nhan', 'cuoc goi', 'qc', 'tin qc', 'tn', 'tin rac', 'quang cao', 'tin quang cao', 'tin', 'sms', 'dien thoai', 'khuyen mai', 'tin khuyen mai', 'thong bao', 'cuoc dien thoai'],
    me: ['toi', 'em', 'minh', 'tui', 'chau', 'tao', 'anh', 'chi', 'co', 'so nay', 'so dien thoai nay', 'so cua toi', 'chung toi', 'nha toi', 'con'],
    // The speaker as the subject, opening the sentence ("tôi sẽ không gọi nữa"); not "số của bà nội tôi, đừng gọi nữa".
    selfSubject: ['(?<=^|, )(?:{self})(?: (?:se|cung|thi|da|sau nay))*'],
    self: ['toi', 'em', 'minh', 'tui', 'tao', 'chung toi', 'chau'],
    // "Dung" as a name (Dũng), after "là" / "tên": "tôi là Dũng, gọi lại cho anh".
    named: ['(?:toi|em|tui|minh|anh|chi|day|con|ten) la', 'ten(?: (?:toi|em|tui))?'],
    // Laughter later on: "đừng nhắn nữa, cười chết mất haha" is a joke.
    joking: ['.*?(?<![^ ])(?:haha+|hihi+|hehe+|cuoi chet|buon cuoi|kkk+)(?![^ ])'],
    // Somebody else is the one not to call ("anh ấy", "bà", "họ"), or cannot ("không gọi được nữa").
    third: ['ay', 'ba', 'ho', 'no', 'ong', 'ong ay', 'ba ay', 'co ay', 'chu', '{notFamily}'],
    // People outside the household: "đừng nhắn cho sếp ảnh nữa" is about the boss, even in a relative's words.
    notFamily: ['sep', 'hang xom', 'ban trai', 'ban gai', 'nguoi yeu', 'dong nghiep', 'khach', 'bac si', 'thay', 'co giao', 'phong kham', 'nha thuoc', 'ngan hang', 'bao hiem', 'luat su', 'tho', 'chu nha'],
    // "bà tôi", "ba tôi": someone the consumer speaks for, at this number.
    mine: ['toi', 'em', 'minh', 'tui', 'chung toi', 'con'],
    // Between the verb and "nữa", words that make it something else: a time, not for good ("đừng nhắn cho tôi lúc
    // nửa đêm nữa", "trong giờ học"), only a wrong number ("đừng gọi nhầm số nữa"), or what else "gọi" takes
    // ("đừng gọi món nữa", order food; "gọi xe", "gọi tên").
    otherSense: ['luc', 'trong', 'khi', 'truoc', 'sau', 'vao gio', 'vao buoi', 'ban dem', 'buoi toi', 'gio nay', 'luc nay', 'hom nay', 'bay gio', 'toi nay', 'dem nay', 'sang nay', 'nham', 'sai', 'bang (?:tui|hop|giay|bao)', 'mon', 'xe', 'taxi', 'grab', 'do an', 'nuoc', 'bia', 'ten', 'la'],
    // A later call asked for: "đừng gọi giờ này nữa, mai gọi lại nha".
    later: ['.*?(?<![^ ])(?:mai|ngay mai|lat nua|luc khac|tuan sau|chieu nay|toi nay|de sau) (?:hay |thi )?(?:goi|nhan)'],
    // …or a child told after the fact: "đừng nhắn tin nữa, lo học đi con".
    toChildAfter: ['.*?(?<![^ ])(?:lo hoc|di ngu|di hoc|lam bai|an com)(?![^ ])', '.*? (?:di|nghe|nha|nhe) con$'],
    // A parent to a child ("con đừng nhắn tin nữa, đi ngủ đi"): "con" opening the sentence is who is told.
    toChild: ['(?<=^|, )con'],
    // Someone's instructions passed on: "sếp bảo không cần nhắn tin cho khách nữa".
    passedOn: ['(?:{third}|sep|cong ty|thay|co giao|quan ly)(?: [a-z]+)? (?:da |cung )?(?:(?<!(?:ba|ong) )noi|bao|dan|keu)(?: (?:la|rang))?'],
    // Words of someone outside the household, up to six words on: "hàng xóm tôi bảo họ nói với công ty đừng gọi nữa",
    // "bác sĩ nói ngừng…". A household member's words passed on ("chồng tôi nói đừng gọi nữa") stay a request for this
    // number, unless the speaker goes on to disagree ({contrary}).
    // "bà nội" / "ông nội" are grandparents, not "bà nói" (she said): "số của bà nội tôi, đừng gọi nữa".
    said: ['(?:{toldOther}|{passedOn}|(?:{outsiders})(?: (?:{mine}|cua (?:{mine})))?(?: (?:da|cung|co|thi))* (?:noi|bao|dan|keu|nhac|bieu)(?: (?:la|rang|voi))?)(?: [a-z]+){0,6}?'],
    // Someone else told, not the caller: "tôi kêu họ đừng gọi nữa", "bảo nó đừng gọi cho tao nữa", "con gái tôi bảo bạn trai nó…".
    toldOther: ['(?:keu|bao|noi voi|dan|bieu|nhac) (?:ho|no|nguoi ta|cong ty|ben kia|sep|ban trai|ban gai|thang|con|nhan vien|ong ta|ba ta|ban (?:anh|ay|no|cua|chi))(?: [a-z]+){0,4}?', '(?:noi voi|dan|nhac) (?!(?:cac|may|anh|chi|em|ban|ong|ba|co|quy|phia anh|phia chi)(?![^ ]))[a-z]+(?: [a-z]+){0,4}?'],
    // "bạn" is also "you": a friend only as "bạn tôi", "bạn của em".
    outsiders: ['hang xom', 'bac si', 'dong nghiep', 'nguoi ta', 'ban be', 'ban(?= (?:{mine}|cua))'],
    // The speaker disagrees with what was passed on: "… nhưng tôi thì muốn nghe", "… mà tôi chưa muốn", "… nhưng tôi thì không".
    contrary: ['.*?(?<![^ ])(?:nhung|ma) (?:{self})(?: (?:thi|van|cung|lai|con))*(?: (?:van|chua|con))? (?:muon|can|thich|quan tam|co)(?![^ ])', '.*?(?<![^ ])nhung (?:{self})(?: thi)? (?:khong|chua|hong)(?![^ ])', '.*?(?<![^ ])(?:nhung|ma) (?:day|nay|so nay) la so (?:cua )?(?:{self})(?![^ ])'],
    // Someone else wanting it: "em gái tôi muốn hủy đăng ký"; not the speaker's own "tôi muốn…".
    otherWants: ['(?:em gai|em trai|anh trai|chi gai|ban|dong nghiep|hang xom|no|ho|anh ay|chi ay|co ay|ong ay|ba ay)(?: (?:{mine}))?(?: (?:cung|da|dang))? (?:muon|can|dinh|tinh)'],
    // Contact that keeps coming: "nhắn hoài", "gọi mãi", "gửi suốt".
    keepContacting: ['(?:nhan|goi|gui|nt|spam|call|text)(?: (?:tin|dien|tin nhan))? (?:hoai|mai|suot|lien tuc|hoai hoai|quai)(?![^ ])'],
    // Another number asked for instead: "đừng nhắn số này nữa, nhắn qua số mới", "có gì gọi số riêng".
    otherNumber: ['.*?(?<![^ ])(?:goi|nhan|nhan tin|gui|lien lac|lien he|text|call)(?: (?:qua|vao|vo|toi|den|cho|lai))* so (?:(?:{self}|cua (?:{self})) )?(?:moi|rieng|khac|di dong|cong ty|nha|[0-9]+)(?![^ ])'],
    // Something else sent instead: "đừng gửi cái link đó nữa, gửi link khác đi".
    sendOther: ['.*?(?<![^ ])gui (?:lai|(?:[a-z]+ ){0,2}?(?:khac|moi|dung))(?![^ ])'],
    // The speaker never said it: "em chưa bao giờ nói đừng gửi nữa", "tôi đâu có nói đừng gọi".
    denied: ['(?:chua bao gio|chua tung|khong he|dau co|khong co|ko co|hong co|hok co|chang he|chang) (?:noi|bao|keu|dan|nhan|yeu cau)(?: (?:la|rang))?', '(?:khong phai|dau phai|chu khong phai|ko phai|k phai)(?: (?:la|{self}))*(?: (?:keu|noi|bao|muon|doi))?', '(?:{self} )?(?:khong|ko|k) (?:noi|bao|keu)(?: (?:la|rang))?'],
    people: ['em', 'anh', 'chi', 'toi', 'tui', 'minh', 'ban', 'me', 'ma', 'ba', 'con', 'vo', 'chong'],
    // Someone asked to call the speaker instead: "tôi không muốn gọi lại nữa, anh gọi cho tôi đi".
    callMe: ['.*?(?<![^ ])(?:anh|chi|ban|ben anh|ben chi|cong ty|may nguoi|ong|ba|co|em) (?:hay |thi |cu )?goi (?:lai )?(?:cho )?(?:{self})(?: (?:di|nha|nhe|a|nghe))*$'],
    // "gói" (package) read as "gọi": "ngừng gói cước", "đăng ký gói này".
    plan: ['cuoc', 'data', 'dich vu', 'nay', 'tra truoc', 'tra sau', 'thang', 'nam', 'tiet kiem', 'combo', 'internet', 'mang', '[345]g', 'tap', 'hang', 'qua', 'bao hiem', 'kia', 'khac', 'uu dai', 'vay', 'san pham'],
    // After "nua", words that make it "nửa" (half), not "nữa" (any more): "nửa đêm", "nửa tiếng".
    half: ['dem', 'tieng', 'gio', 'thang', 'nam', 'ngay', 'buoi', 'phut'],
    // A time of day or week: "cuối tuần đừng gọi", "trước mười giờ".
    when: ['cuoi tuan', 'chu nhat', 'thu (?:hai|ba|tu|nam|sau|bay)', 'ban dem', 'buoi (?:sang|trua|chieu|toi)', 'gio (?:lam|lam viec|hanh chinh|an|ngu)', 'khuya', 'sang som', '(?:truoc|sau|luc|tu) [a-z0-9]+(?: [a-z0-9]+)?(?: gio)?(?: (?:sang|trua|chieu|toi|dem|khuya))?', 'ngay mai', 'hom nay', 'toi nay', 'bay gio', 'gio nay', '(?<!(?:goi|nhan|gui|tin) )mai', 'mot', '(?:sang|chieu|toi) mai', '(?:tuan|thang) nay', 'may (?:ngay|bua|hom) nay', 'dao nay'],
    // A question about unsubscribing, or what a word means: "làm sao để hủy đăng ký", "hủy đăng ký rồi có đăng ký lại được không".
    // Asking how to unsubscribe ("làm sao để hủy đăng ký") is asking to stop; a condition or the word itself is not.
    asking: ['ghi', 'chu', 'neu'],
    // Asking for someone else: "tôi hỏi giùm bạn tôi cách hủy đăng ký".
    forOthers: ['hoi (?:gium|dum|giup|cho|ho) (?:[a-z]+ ){1,4}?(?:cach|lam sao)(?: de)?'],
    askingAfter: ['(?:[a-z]+ ){0,6}?(?:la sao|la gi|nghia la|dang ky lai|mat tien|mat phi|ton tien|co mat|cai nao)(?![^ ])', '(?:[a-z]+ ){0,3}?(?:thi|roi) (?:[a-z]+ ){0,4}?(?<!lam )(?:the nao|ra sao|sao)(?![^ ])', '(?:[a-z]+ ){0,4}?gi(?: (?:vay|the|a|ha))?$', '(?:(?:thi|roi) )?co (?!duoc khong)(?:[a-z]+ ){1,6}?(?:khong|ko|k)(?![^ ])', 'dau(?![^ ])'],
    // Kinds of thing "hủy đăng ký" cancels that are not messages: a class, a membership, an email list.
    notMessages: ['goi', 'khoa hoc', 'lop', 'mon', 'email', 'mail', 'tai khoan', 'the', 've', 'thanh vien', 'hoi vien', 'tap', 'xe', 'ket hon', 'thuong tru', 'tam tru', 'kinh doanh', 'gym', 'netflix', 'spotify', 'youtube', 'hulu', 'amazon', 'prime', 'icloud', 'apple', 'disney', 'bao', 'tap chi', 'kenh', 'kia', 'cong ty', 'cho (?:ban|nguoi|chong|vo|me|ba|con|em|anh|chi)', '[a-z]+ roi$'],
  },
  rules: [
    // "tháng trước em hủy rồi sao còn nhắn": it was cancelled and still comes — a request to stop, made again.
    { id: 'cancelled-still-coming', pattern: '(?:huy(?: dang ky| dk| nhan tin)?|nhan (?:stop|huy|dung|tc)|tu choi) roi(?: ,)?(?: (?:ma|nhung))?(?: (?:sao|tai sao|ma sao))? (?:van|con|lai)(?: (?:con|van|tiep tuc))? (?:nhan|goi|gui|nt|spam)(?![^ ])', confidence: 0.85, notAfter: '{said}|{otherWants}|{denied}|(?:chua|khong|ko|k|dau co|lo|nham)(?: [a-z]+)?' },
    // "dừng lại giùm, nhắn hoài vậy", "gọi hoài, thôi đi": a stop word beside a complaint that they keep calling or texting.
    { id: 'stop-it-keep-contacting', pattern: '(?:(?:dung|ngung|thoi) lai|thoi di|du roi)(?: (?:di|gium|dum|giup|nha|nhe|em|toi|ma))* , (?:[a-z]+ ){0,2}?{keepContacting}|{keepContacting}(?: [a-z]+){0,2}? , (?:(?:dung|ngung|thoi) lai|thoi di|du roi)(?=$| ,| (?:di|gium|dum|giup|nha|nhe|dum)(?![^ ]))', confidence: 0.85, notAfter: '{said}' },
    // "đừng gọi cho tôi nữa", "làm ơn đừng nhắn tin nữa", "không gọi cho tôi nữa nhé"
    {
      id: 'dont-contact-any-more',
      pattern: '{dont} {contactVerb}(?: (?:bat cu|bat ky) (?:thu |cai )?gi)?(?: (?!(?:(?:{third})(?!(?: (?:noi|ngoai))? (?:{mine})(?![^ ]))|duoc|{otherSense})(?![^ ]))[a-z]+){0,6}? (?:nua|nx)(?! (?:{half})(?![^ ]))',
      confidence: 0.9,
      notAfter: '{selfSubject}|{named}|sao|tai sao|vi sao|{toChild}|{said}|{denied}|(?:haha+|hihi+|hehe+|kkk+)(?: [a-z]+){0,3}?',
      unless: '{joking}|{contrary}|{later}|{toChildAfter}|{otherNumber}|{sendOther}',
    },
    // "đừng gọi cho tôi", "dừng nhắn tin cho tôi", "xin đừng gọi số này" — ends with who.
    {
      id: 'dont-contact-me',
      pattern: '{dontImperative} {contactVerb}(?: (?:{contactNoun}))?(?: (?:cho|den|vao|voi|toi))? (?:{me})(?=$| ,| (?:nhe|nha|a|di|nua|giup|duoc khong|nhe ban|lam on|xin)(?![^ ])| (?:duoi|bang|qua) (?:bat ky|bat cu|moi|hinh thuc))',
      confidence: 0.85, notAfter: '{selfSubject}|{named}|{said}|{denied}', unless: '{contrary}|{otherNumber}',
    },
    // "ngừng nhắn tin cho tôi" — but not "đừng ngừng gửi tin cho tôi" (don't stop).
    {
      id: 'stop-contacting-me',
      pattern: '(?:ngung|thoi) {contactVerb}(?: (?:{contactNoun}))?(?: (?:cho|den|vao|voi|toi))? (?:{me})(?=$| ,| (?:nhe|nha|a|di|nua|giup|duoc khong|nhe ban|lam on|xin)(?![^ ]))',
      confidence: 0.85, negatable: true, notAfter: '{selfSubject}|{said}', unless: '{contrary}',
    },
    // "không nhận quảng cáo", "dừng gửi quảng cáo", "không đồng ý nhận cuộc gọi": refusing a kind of message.
    { id: 'refuse-kind', pattern: '(?<=^|, )(?:khong|ko|k) (?:muon )?nhan (?:them )?(?:{contactNoun})', confidence: 0.85, unless: '(?:[a-z]+ ){0,3}duoc' },
    // "tôi không muốn nhận tin nhắn quảng cáo", "không muốn tiếp tục nhận cuộc gọi" — a wish about messages, without "nữa".
    { id: 'dont-want-to-receive', pattern: '(?:khong|ko|k|kh|chang|hong) (?:muon|can|thich)(?: (?:tiep tuc|nhan them))? nhan (?:them )?(?:bat ky |cac |nhung |may )?(?:{contactNoun})', confidence: 0.85, notAfter: '{passedOn}|(?:neu|khi)(?: (?:{self}))?' },
    // "Làm sao để không nhận tin nhắn này nữa": asking how to stop is asking to stop.
    { id: 'how-to-stop', pattern: '(?:(?:lam sao|lam the nao|cach nao|lam gi|phai lam gi)(?: (?:de|cho))?|sao (?:de|cho)) (?:khong|ko|k|ngung|thoi|het|khoi) (?:(?:nhan|nhan duoc)(?: [a-z]+){0,2}? (?:{contactNoun})|bi (?:goi|goi dien|lam phien|quay ray|lien lac|spam)(?![^ ]))', confidence: 0.85 },
    // "làm sao để các anh không gọi nữa", "cách nào để mấy người ngưng gọi tui": asking how to make them stop.
    { id: 'how-to-make-you-stop', pattern: '(?:(?:lam sao|lam the nao|cach nao|lam gi|phai lam gi)(?: (?:de|cho))?|sao (?:de|cho)) (?:cac|may|ben|phia) (?:anh|chi|nguoi|ban|em|co|cong ty|ong|ba) (?:khong|ko|k|ngung|thoi|het|khoi|dung)(?: (?:con|goi))? (?:goi|goi dien|nhan tin|nhan|gui tin|lien lac|lam phien)(?![^ ])', confidence: 0.85 },
    // "thôi đừng gọi lại", "khỏi gọi lại nhé" — at the end: "đừng gọi lại, để tôi gọi" puts off a call.
    // "không cần gọi lại đâu, tôi không mua" — a reason that rules out a later call.
    {
      id: 'dont-call-back',
      pattern: '(?:{dontImperative}|khong can|ko can|k can|vui long khong|xin khong|xin vui long khong) (?:goi|goi dien|nhan tin|nhan) lai(?: (?:nhe|nha|a|nua|di|ma|dau))*(?=$| ,(?: (?:{self}))? (?:khong|ko|chang) (?:mua|can|quan tam|co nhu cau)| (?:{self}) (?:khong|ko|chang) (?:mua|can|quan tam|co nhu cau))',
      confidence: 0.85,
    },
    // "... đừng gọi" closing a voice turn; not "chọn đúng gói" (the right package).
    // "bớt nhắn đi" (cut it out); not a time: "cuối tuần đừng gọi nha".
    { id: 'dont-call-end', pattern: '(?:dung|dung co|xin dung|lam on dung|thoi dung|khoi|bot) (?:goi|goi dien|nhan tin|nhan|gui|gui tin|nt|text|sms)(?=$| ,| (?:ma(?! (?:cho|xac|otp|code|pin|so|giam|khuyen|uu|kich|qr|vach|don|van)(?![^ ]))|nha|nhe|nghe|a|di|roi ma)(?![^ ]))', confidence: 0.8, notAfter: 'chon|mua|dang ky|lay|la|dat|phai|da|chua|co|dung|ban|xai|su dung|{when}|{denied}' },
    // "xin đừng làm phiền" closing the message: do not disturb. Not "đừng làm phiền mẹ" (a parent to a child).
    { id: 'do-not-disturb', pattern: '(?:{dontImperative}) (?:lam phien|quay ray)(?=$| ,| (?:nua|nhe|nha|a|di|toi|em|minh|chung toi)(?![^ ]))', confidence: 0.85, notAfter: '{toChild}' },
    // "hãy dừng gọi", "xin hãy ngừng nhắn tin": "hãy" makes "dung" the verb "stop".
    { id: 'please-stop', pattern: '(?:hay|xin hay|vui long|lam on) (?:dung|ngung) (?:{contactVerb})', confidence: 0.85 },
    // "Stop nhắn tin đi", "stop gọi cho tôi": the English verb, a Vietnamese object.
    { id: 'stop-english', pattern: '(?:stop (?:nhan tin|nhan|goi dien|goi|gui tin nhan|gui tin|lien lac|quang cao|spam))(?=$| ,| (?:nua|di|nhe|nha|a|giup|dum|cho (?:{self}))(?![^ ]))', confidence: 0.85, notAfter: '(?:{self})' },
    // "dừng quảng cáo đi", "ngừng spam": the object makes "dung" the verb "stop".
    { id: 'stop-ads', pattern: '(?:dung|ngung) (?:quang cao|spam|qc)(?=$| ,| (?:nua|di|nhe|nha|a|giup|dum)(?![^ ]))', confidence: 0.85 },
    { id: 'stop-sending-ads', pattern: '(?:dung gui|(?:xin thoi|het) (?:gui|nhan)) (?:quang cao|tin quang cao|qc|khuyen mai|tin khuyen mai|sms|tin nhan|tin)(?: rac| quang cao| qc| khuyen mai)?(?=$| ,| (?:nua|nhe|nha|di|a|gium|dum|giup|cho (?:{self}))(?![^ ]))', confidence: 0.85, notAfter: '{selfSubject}' },
    { id: 'do-not-agree', pattern: '(?:khong|ko|k)(?: con)? dong y(?: (?:nhan|nghe))? (?:them )?(?:{contactNoun})', confidence: 0.85 },
    // "tôi không đồng ý cho các anh gọi nữa", "tôi rút lại sự đồng ý"
    { id: 'no-consent', pattern: '(?:khong|ko|k)(?: con)? (?:dong y|cho phep) (?:(?:cho|de) )?(?:[a-z]+ ){0,3}?(?:{contactVerb})', confidence: 0.85, notAfter: '{said}' },
    // "tôi không đăng ký cái này, hủy giùm": never signed up, then told to cancel.
    { id: 'never-signed-up', pattern: '(?:khong|ko|k|chua|hong|hok)(?: (?:he|co|tung))* (?:dang ky|dk)(?: [a-z]+){0,4}? , (?:[a-z]+ ){0,2}?(?:huy|xoa|go|ngung|stop)(?![^ ])', confidence: 0.85 },
    { id: 'withdraw-consent', pattern: '(?:rut|thu hoi|huy) (?:lai )?(?:su )?(?:dong y|cho phep|chap thuan|uy quyen)', confidence: 0.9, negatable: true },
    // "để tôi yên", "để cho tôi yên đi" — not "để tôi yên tâm".
    { id: 'leave-me-alone', pattern: 'de (?:cho )?(?:{self}) (?:duoc )?yen(?=$| ,| (?:di|nha|nhe|a|giup|dum|duoc khong|coi|dung|lam on)(?![^ ]))', confidence: 0.85 },
    // "gọi nữa là tôi báo công an": a threat is a request to stop.
    { id: 'or-else', pattern: '(?:goi|nhan tin|nhan|gui|lam phien) (?:them |lai )?nua(?: (?:la|thi))?(?: [a-z]+){0,3}? (?:bao cong an|bao canh sat|kien|bao cao|chan so|block|report)', confidence: 0.85 },
    // "ngừng gửi tin nhắn", "ngung goi cho toi": ngừng has no collision.
    { id: 'stop-contacting', pattern: 'ngung (?:(?:moi|tat ca|het|toan bo|cac|nhung) )?(?:{contactVerb}|{contactNoun})(?! (?:don|hang|tien|khach|ho so|order|viec)(?![^ ]))', confidence: 0.9, negatable: true, notAfter: '(?<!cho )(?:{self})(?: (?:se|cung|thi|da))*|{said}', unless: '{plan}|{contrary}' },
    // "tôi không muốn bị làm phiền bởi tin nhắn"
    { id: 'dont-want-bothered', pattern: '(?:khong|ko|k|hong|hok) (?:muon|thich) (?:bi|duoc) (?:lam phien|quay ray|goi dien|goi|spam|nhan tin|lien lac|lien he)', confidence: 0.85 },
    // "tui hổng muốn nghe quảng cáo" (not "tin": news)
    { id: 'dont-want-to-hear', pattern: '(?:khong|ko|k|kh|chang|hong|hok) (?:muon|can|thich) nghe (?:them )?(?:quang cao|qc|tin quang cao|khuyen mai|cuoc goi|dien thoai)', confidence: 0.85 },
    // "tôi yêu cầu xóa số", "yêu cầu các anh xóa thông tin của tôi"
    { id: 'request-removal', pattern: '(?:yeu cau|de nghi|xin|muon) (?:(?:cac |may )?(?:anh|chi|ban|ben|nguoi|cong ty) )?(?:xoa|go|bo|loai) (?:so|ten|thong tin|sdt)', confidence: 0.85, negatable: true },
    // "đăng ký Do Not Call", "cho tôi vào danh sách DNC"
    { id: 'do-not-call', pattern: '(?:dang ky|dk|vao|them vao|dua vao)(?: danh sach)? (?:do not call|dnc)', confidence: 0.9, negatable: true },
    // "Tôi không muốn nhận cuộc gọi nào nữa", "không muốn các anh gọi cho tôi nữa"
    {
      id: 'dont-want-contact',
      pattern: '(?:khong|ko|k|kh|chang|hong) (?:muon|can|thich|ua)(?: (?:nhan|nghe|bi|them))*(?: [a-z]+){0,3}? (?:{contactNoun}|{contactVerb})(?: [a-z]+){0,4}? (?:nua|nx)',
      confidence: 0.85, notAfter: '{said}', unless: '{callMe}|{contrary}',
    },
    // "tắt thông báo tin nhắn giùm tôi": turning the messages off.
    { id: 'turn-off', pattern: 'tat (?:het )?(?:thong bao|tin nhan|quang cao|cuoc goi|tin qc|sms)(?: (?:tin nhan|quang cao|sms))?(?=$| ,| (?:di|nha|nhe|giup|gium|dum|cho|luon|dum)(?![^ ]))', confidence: 0.85, negatable: true, notAfter: '{selfSubject}|{asking}' },
    // A relative's request passed on: "má tôi nói mấy người đừng gọi cho bả nữa" (her, at this number).
    { id: 'relayed', pattern: '(?:chong|vo|me|ma|ba|bo|cha|con|ong|ba noi|ong noi|ba ngoai|ong ngoai)(?: (?:{mine}|cua (?:{mine})))? (?:noi|bao|keu|bieu|dan)(?: (?:la|voi))?(?: (?:may nguoi|may anh|may chi|cac anh|cac chi|anh|chi|ben anh|cong ty|cac ban|may ban|ban|quy vi|may co|cac co|may em|cac em))? (?:{dont}) {contactVerb}(?: (?!(?:{notFamily}|{otherSense})(?![^ ]))[a-z]+){0,4}? (?:nua|nx)', confidence: 0.85, unless: '{contrary}|{later}' },
    // A relative named first, then "him" / "her": "ông nội tôi không biết tiếng Anh, đừng gọi ông nữa"; not a relative's
    // words to the speaker ("con tôi bảo tôi đừng gọi cho nó nữa").
    { id: 'household-then-them', pattern: '(?:ong noi|ba noi|ong ngoai|ba ngoai|ba|me|ma|bo|cha|chong|vo|con) (?:{mine})(?: (?!(?:bao|noi|keu|dan|bieu|nhac|voi)(?![^ ]))[a-z]+| ,){0,8}? (?:{dont}) {contactVerb}(?: (?:cho|toi))? (?:ong|ba|anh|chi|no|co|ong ay|ba ay|anh ay|chi ay) (?:nua|nx)', confidence: 0.85, unless: '{contrary}|{later}' },
    // "tôi từ chối nhận tin nhắn quảng cáo"
    { id: 'refuse', pattern: 'tu choi(?: nhan)?(?: {contactNoun}| cuoc goi| goi| moi)', confidence: 0.9, negatable: true, notAfter: '{said}', unless: '(?:{plan})(?![^ ])' },
    // "xóa số của tôi khỏi danh sách", "bỏ số tôi ra khỏi danh sách"
    { id: 'remove-number', pattern: '(?:xoa|bo|loai|rut|go|dua|gach|remove|delete) (?:so|ten|thong tin|so dien thoai|sdt|so dt)(?: (?:cua|cho))? (?:{self}|nay)', confidence: 0.9, negatable: true },
    // "gỡ tôi ra đi", "xóa tui ra nha": removing the speaker, no list named.
    { id: 'take-me-out', pattern: '(?:go|xoa|loai|gach|rut) (?:ten )?(?:{self}) ra(?: khoi)?(?=$| ,| (?:di|nha|nhe|giup|gium|dum|lien|luon)(?![^ ]))', confidence: 0.85, negatable: true },
    { id: 'off-the-list', pattern: '(?:{self}|so|ten)(?: [a-z]+){0,4}? (?:ra )?(?:khoi|trong) (?:danh sach|he thong|du lieu|co so du lieu|data|list)', confidence: 0.9, negatable: true, unless: '(?:hoi vien|thanh vien|khach hang than thiet|khach quen|vip|nhan qua|trung thuong|du thuong|lop|khoa hoc|cho)(?![^ ])' },
    { id: 'do-not-call-list', pattern: 'danh sach (?:khong|ko|dung|cam) (?:goi|lien lac|lam phien|nhan tin)', confidence: 0.9, negatable: true },
    // "hủy đăng ký", "hủy nhận tin nhắn" — not "hủy đơn hàng" or "hủy lịch hẹn".
    { id: 'unsubscribe', pattern: 'huy(?: (?:gium|dum|giup|luon|het|cai|cho (?:em|e|toi|tui|minh)))* (?:dang ky|dk|nhan tin|nhan|dich vu tin nhan|dich vu nhan tin|theo doi|tin nhan|quang cao|qc|nhan thong bao)', confidence: 0.9, negatable: true, notAfter: '{said}|{asking}|{forOthers}|{otherWants}|(?:lo|lo tay|bam nham|vo tinh|nham)(?: (?:bam|nhan|nhap|bam vao))?|(?:{outsiders}|{third})(?: (?:{mine}))? hoi(?: [a-z]+){0,3}?',
      // "anh Huy nhắn em chưa": Huy the name, who texted someone.
      unless: '{contrary}|{askingAfter}|(?:{notMessages})|(?:vua roi|vua gui|vua nay|luc nay|hoi nay|truoc do)(?![^ ])|.*?(?<![^ ])(?:gui|bam|nhan|go) (?:lon|nham)(?![^ ])|(?:{people})(?: (?:chua|roi|gi|la|di|nhe|nha))?$|(?:cho|voi) (?:{people}) (?:chua|roi)$' },
  ],
};
