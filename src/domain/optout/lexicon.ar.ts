/**
 * Arabic, Modern Standard and the common spoken forms (Egyptian, Levantine,
 * Gulf). Normalisation strips the vowel marks and the tatweel and folds
 * hamza seats and letter variants (أ إ آ → ا, ى → ي, ة → ه), so the
 * lexicon is written in that folded spelling: "لا تتصل بي مرة أخرى" is matched
 * as `لا تتصل بي مره اخري`.
 *
 * Verbs carry their object as a suffix (تتصلوا، تزعجني) and Egyptian negates
 * with a closing ش (ما تتصلش), so contact verbs are matched as stems with
 * whatever letters follow. A prohibitive aimed at someone else ("لا تتصلوا
 * به", don't call him) or put off ("لا تتصل الآن", not now) does not fire.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const ar: Lexicon = {
  lang: 'ar',
  keywords: {
    opt_out: ['توقف', 'ايقاف', 'اوقف', 'الغاء', 'الغاء الاشتراك', 'قف', 'كفي', 'كفايه', 'وقف', 'الغي الاشتراك', 'ايقاف الاشتراك', 'الغاء اشتراك', 'خروج', 'الغ'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: ['توقف', 'كفي', 'كفايه'],
  clauseKeywords: ['توقف', 'الغاء الاشتراك', 'ايقاف'],
  softeners: ['من فضلك', 'لو سمحت', 'شكرا', 'رجاء', 'الرجاء', 'ارجوك', 'ارجو', 'خلاص', 'يا اخي', 'لا', 'لا شكرا', 'بليز', 'حالا', 'الان', 'فورا', 'يعني', 'طيب', 'يا', 'اخي', 'اختي'],
  fillers: ['امم', 'اه', 'ااه', 'ممم'],
  laughter: ['ه{3,}', '(?:ها){2,}'],
  delight: ['رايع', 'حلو', 'يا سلام', 'مبروك', 'واو', 'مش معقول', 'بجد', 'تمزح', 'خبر جميل', 'ما شاء الله', 'الحمد لله'],
  notTypos: [],
  negation: {
    cue: ['لا', 'ما', 'مش', 'مو', 'لن', 'لم', 'ليس'],
    bridge: ['اريد', 'ابغي', 'ابي', 'بدي', 'عايز', 'عاوز', 'ارغب', 'ان', 'اطلب', 'طلبت', 'قلت', 'اقصد', 'نريد'],
    exceptAfter: ['لماذا', 'ليش', 'ليه', 'لماذا'],
  },
  classes: {
    // Stems of contact verbs: call, text/send, message, speak to, bother, ring.
    // Second person: "لا تتصل" is a request, "لا يتصل" (he does not call) a statement.
    contactStem: ['تتصل', 'ترسل', 'تبعت', 'تراسل', 'تكلم', 'تزعج', 'تضايق', 'تدق', 'ترن', 'تحاكي', 'تحكي', 'تحك', 'تبعث', 'تطلب'],
    // Anyone, after "I don't want": "ما بدي حدا يتصل فيني".
    anyoneStem: ['تتصل', 'ترسل', 'تبعت', 'تراسل', 'تزعج', 'يتصل', 'يرسل', 'يبعت', 'يراسل', 'يزعج', 'اتصالات', 'تدق', 'يدق', 'ترن', 'يرن', 'يكلم', 'تكلم', 'يحكي'],
    contactNounStem: ['رسايل', 'رساله', 'رسال', 'مكالم', 'اتصال', 'مسج', 'اعلان', 'ازعاج', 'مراسل', 'ارسال', 'sms'],
    dont: ['لا', 'ولا', 'و لا', 'ما', 'بلاش', 'ارجو عدم', 'الرجاء عدم', 'يرجي عدم', 'نرجو عدم', 'رجاء عدم', 'لا عاد', 'ما عاد', 'لا تعود', 'مت', 'ماعاد', 'عدم'],
    ceaseFrom: ['توقف', 'توقفو', 'توقفي', 'كف', 'كفو', 'كفي', 'امتنع', 'امتنعو'],
    stop: ['اوقف', 'اوقفو', 'اوقفي', 'ايقاف', 'بطل', 'بطلو', 'بطلي', 'وقفو', 'وقفي', 'الغاء', 'الغو', 'الغي'],
    // Someone else, or not now: "لا تتصلوا به", "لا تتصل الان".
    elsewhere: ['به', 'بها', 'بهم', 'عليه', 'عليها', 'عليهم', 'له', 'لها', 'لهم', 'الان', 'الحين', 'هلا', 'هلق', 'دلوقتي', 'اليوم', 'بعد الساعه', 'قبل', 'في الليل', 'بالليل', 'وانا'],
    // What follows a request not to call that makes it about the consumer, or final.
    toMeOrAgain: [
      'بي', 'لي', 'علي', 'عليا', 'بيا', 'فيني', 'فيا', 'معي', 'معايا', 'مره', 'ابدا', 'نهاييا', 'تاني', 'ثاني', 'بعد', 'مجددا', 'ثانيه', 'علي هذا',
      'هذا', 'لهذا', 'رسايل', 'اي', 'خلاص', 'من فضلك', 'لو سمحت', 'رجاء', 'ارجوك', 'يا', 'هنا', 'لنا', 'بنا', 'علينا', 'الينا', 'الي',
    ],
    // A subject before "توقفوا" makes it the past ("they stopped"), not the imperative.
    subject: ['هم', 'هو', 'هي', 'انا', 'احنا', 'نحن', 'هما', 'انت', 'انتم', 'الشركه', 'الناس'],
    want: ['اريد', 'ابغي', 'ابغا', 'ابي', 'بدي', 'عايز', 'عاوز', 'ارغب', 'احب', 'اود', 'نريد', 'بدنا', 'عايزين'],
    remove: ['احذف', 'احذفو', 'احذفي', 'امسح', 'امسحو', 'امسحي', 'شيل', 'شيلو', 'شيلي', 'ازل', 'ازيلو', 'ازيل', 'اشطب', 'اشطبو', 'ابعد', 'ابعدو', 'حذف', 'مسح', 'ازاله', 'شطب'],
    mine: ['رقمي', 'اسمي', 'بياناتي', 'معلوماتي', 'رقم تلفوني', 'رقم هاتفي', 'رقم جوالي', 'رقم موبايلي', 'هذا الرقم', 'رقمنا'],
  },
  rules: [
    // "لا تتصل بي مرة أخرى", "ما تتصلش بيا تاني", "لا تزعجني" — not "لا تتصلوا به" nor "لا تتصل الآن".
    {
      id: 'dont-contact',
      pattern: '{dont} (?:عاد |تعود )?(?:{contactStem}[^ ]*ني|{contactStem}[^ ]*(?=$| ,| (?:{toMeOrAgain})(?![^ ])))',
      confidence: 0.9, notAfter: 'قال|قالت|قالو|قالوا|يقول|تقول|قلت له|(?:قال|قالت|قالو|قالوا) (?:لي|لنا)|لماذا|ليش|ليه|لم|لما|وين', unless: '{elsewhere}',
    },
    // Egyptian, one word: "متتصلوش", "ابعتوش رسايل".
    { id: 'dont-contact-egyptian', pattern: '(?:م|ما )?ت(?:تصل|بعت|زعج|رن|راسل)[^ ]*ش|ابعتو?ش|(?:م|ما )?تكلمو?نيش', confidence: 0.85, unless: '{elsewhere}' },
    // Arabizi, Arabic in Latin letters and digits: "la tetasel fiya", "mat3ayetleesh", "la tb3tli rasayel".
    {
      id: 'arabizi-dont-contact',
      pattern: '(?:la|ma|bala|balash|wla) (?:t|te|ti|tu)?(?:t?t?asel|ttsel|tsel|3ayet|3ayat|b3at|ba3t|b3t|ba3at|rasel|kallem|kalem|klm|ez3aj|z3j)[a-z0-9]*|mat?(?:e|i)?(?:3ayet|3ayat|ttasel|tasel|b3at|ba3t|kallem)[a-z0-9]*sh',
      confidence: 0.85, unless: '(?:bih|biha|beeh|beha|3aleh|3aleha|now|hala2|delwa2ty|ba3den)(?![^ ])',
    },
    {
      id: 'arabizi-dont-want',
      pattern: '(?:ma|mesh|mish|mush|la|mo) (?:bade|bedi|bidi|3ayez|3awez|3ayza|abi|abgha|ureed|areed|badi)(?: [a-z0-9]+){0,2}? (?:rasayel|rasa2el|rsayel|msgs|messages|etisalat|etesalat|mukalmat|calls|sms|ed3ayat)',
      confidence: 0.85,
    },
    // "حل عني", "اتركوني في حالي": leave me alone.
    { id: 'leave-me-alone', pattern: 'حل(?:و|ي)? عني|(?:اتركني|اتركوني|اتركيني|سيبني|سيبوني|خلوني|خليني|دعني|دعوني) (?:في |ف|ب)?(?:حالي|شاني|حال سبيلي)|(?:سيبني|سيبوني) في حالي', confidence: 0.85, negatable: true },
    // "توقفوا عن إرسال الرسائل", "بطلوا تتصلوا", "الرجاء إيقاف الرسائل"
    // "توقف" is also intransitive ("توقف الاتصال": the call dropped), so it needs عن; the transitive verbs take an object.
    {
      id: 'stop-contacting',
      pattern: '(?:{ceaseFrom})[^ ]{0,2} عن (?:ال)?(?:[^ ]*{contactNounStem}[^ ]*|{contactStem}[^ ]*)|(?:{stop})[^ ]{0,2} (?:(?:هذه|هذي|هاي|هاد|ذي|كل) )?(?:ال)?(?:[^ ]*{contactNounStem}[^ ]*|{contactStem}[^ ]*)',
      confidence: 0.9, negatable: true, notAfter: '{subject}|كيف|ازاي|كيفاش|شلون|هل', unless: '(?:[^ ]* )?(?:البريد|الايميل|ايميل|الاميل)',
    },
    // "أرجو عدم إرسال رسائل لهذا الرقم"
    { id: 'please-do-not', pattern: 'عدم (?:ال)?(?:ارسال|اتصال|مراسله|تواصل|ازعاجي|الاتصال بي)', confidence: 0.9, negatable: true },
    // "لا أريد تلقي أي رسائل", "ما بدي حدا يتصل فيني"
    { id: 'dont-want-contact', pattern: '(?:لا|ما|مش|مو) {want}(?: (?:في|تلقي|استلام|استقبال|اي|ان|حدا|احد|حد|منكم|من|هذه|هذي|هاي|تجيني|توصلني|يجيني|يوصلني|المزيد|مزيد|اتلقي|استقبل|تاني|بعد))* (?:[^ ]*{contactNounStem}[^ ]*|{anyoneStem}[^ ]*)', confidence: 0.9, unless: '{elsewhere}' },
    // "ابغى توقفون الرسايل", "ابي الغي الاشتراك" is the unsubscribe rule
    { id: 'want-you-to-stop', pattern: '{want} (?:ان )?(?:ت|ي)?(?:وقف|لغي|لغو|شيل)[^ ]* (?:(?:هذه|هذي|هاي|كل) )?(?:ال)?[^ ]*{contactNounStem}[^ ]*', confidence: 0.85 },
    // "كفى رسائل", "يكفي اتصالات"
    { id: 'enough-contact', pattern: '(?:كفي|كفايه|يكفي|خلاص|بلاش) (?:من )?[^ ]*{contactNounStem}[^ ]*', confidence: 0.85 },
    // "احذف رقمي من قائمتكم", "أزيلوني من القائمة"
    { id: 'remove-me', pattern: '{remove}[^ ]{0,2} (?:{mine})|{remove}[^ ]{0,2}ني(?: من)?|(?:حذف|مسح|ازاله|شطب) (?:{mine})', confidence: 0.9, negatable: true },
    // "ضعوني في قائمة عدم الاتصال"
    { id: 'do-not-call-list', pattern: 'قايمه (?:عدم (?:الاتصال|الازعاج)|الحظر)|القايمه السوداء', confidence: 0.9, negatable: true },
    // "أريد إلغاء الاشتراك في الرسائل" — "إلغاء اشتراكي" (my plan) is a product, not these messages.
    { id: 'unsubscribe', pattern: '(?:الغاء|الغي|الغو|اوقف|ايقاف|الغ) (?:ال)?اشتراك(?!ي)[^ ]*', confidence: 0.9, negatable: true },
  ],
};
