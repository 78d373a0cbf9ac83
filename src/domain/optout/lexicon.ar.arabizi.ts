/**
 * Arabizi: Arabic typed in Latin letters, digits standing for the letters
 * Latin lacks (3 ع, 7 ح, 2 ء or ق, 5 خ, 9 ص or ق). Spelling is free, so the
 * stems are matched loosely ("tetasel", "tetsel", "ttasel"), with the dialect
 * words around them: Egyptian "balash", "ba2a"; Levantine "baddi", "khalas";
 * Gulf "abgha"; Maghrebi "matb9awch", "ma3adsh", "barka", "7bes", "sifto".
 *
 * A lexicon of its own, reported as `ar`: its rules share no letter with the
 * Arabic-script ones (lexicon.ar.ts), and each set is skipped for texts
 * without a letter of its script. Keywords are those of the Arabic lexicon
 * and of English ("stop"), as Arabizi texters use them.
 */
import type { Lexicon, PhraseRule } from './types';

// The contact verbs, after their person prefix: call, text/send, message, talk to, bother.
const CONTACT_STEM =
  '(?:[aei]?rs+[ie]?l|t?t?as[ae]?l|tt?[ae]?ss?[ae]?l|ttsel|tsel|tetwasal|twasal|3ayet|3ayat|3ayyet|3ayt|b3at|ba3t|b3t|ba3at|b3t|rasel|k[ae]?ll?[ae]?m|do2|doo2|d2|ez3aj|z3j|s[iy]f[ae]?to?|sayft|kh?ab[ae]?r|5ab[ae]?r|7(?:a|e)?k(?:i|ee|y|oo|o|u)n(?:i|y|a)|t?7ak(?:i|o|u)?(?:li|ni|na|lna))';
const MESSAGES =
  '(?:r[ae]?sa(?:y|2|i|e)e?l|m[uo]?kal?m[ae]?at|msgs|msg|messages|massages|mesajat|mesajet|misajat|[ei]tt?[ie]?s[ae]l(?:at|aat)|mukalmat|mokalmat|message|msj|mesej|calls|sms|ed3ayat|i3lanat|e3lanat|3orod)';
const DONT =
  '(?:(?:la|ma) (?:t3od|t3ood|ta3od|ta3ood|t3eed|t3id|ta3eed|ta3id|terja3|trja3|tarja3)(?:o|u|i)?|la|ma|bala|balash|wla|la 3ad|ma 3ad|m3ad|m3adsh|ma b3ad|mab3ad|la3ad|ma3ad|ma3adsh|ma3adch|ma3adech|ma ?tb[ae]?(?:9|2|q)a(?:w)?(?:sh|ch)|matb2ush|mat3awdoush|mat3awdoch)';
const WANT = '(?:bade|bedi|bidi|badi|baddi|biddi|badde|bedde|bidde|bde|bdy|bdi|3ayez|3awez|3ayza|abi|abgha|ab8a|abga|ureed|areed|bghit|n7eb|nheb|n7ebb|7abeb)';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
const rules: readonly PhraseRule[] = [
  // "la tetasel fiya", "mat3ayetleesh", "la tb3tli rasayel", "ma3adsh tetsel", "matb9awch tsifto liya"
  {
    id: 'arabizi-dont-contact',
    pattern: `${DONT}(?: (?:ba2a|baa2a|b2a))? (?:t|te|ti|tu)?${CONTACT_STEM}[a-z0-9]*|mat? ?(?:e|i)?(?:3ayet|3ayat|tt?[ae]?ss?[ae]?l|ttasel|tasel|b3at|ba3t|b3t|kal+em|klm|3ayt|sift)[a-z0-9]*(?:sh|ch)`,
    confidence: 0.85, unless: '(?:bih|biha|beeh|beha|3aleh|3aleha|now|hala2|delwa2ty|ba3den|daba)(?![^ ])|(?:[a-z0-9]+ ){0,3}(?:2adim|qadim|adim)(?![^ ])',
  },
  // "khalas ma baddi rasayel", "ma baddi 7ada yetasel fiyi"
  {
    id: 'arabizi-dont-want',
    pattern: `(?:(?:ma|mesh|mish|mush|msh|la|mo|mane|mani|manich|ma3ad|m3ad|mab3ad)(?: (?:3ad|3od|ba2a|3ot|ba3d|b3d|3ad))? ${WANT}|mab(?:i|y|gha|adi|de|di)|ma ?bghit)(?:sh|ch|kom)?(?: [a-z0-9]+){0,2}? (?:(?:l|el|al)?${MESSAGES}|(?:y|t)(?:e|i)?${CONTACT_STEM}[a-z0-9]*|(?:shi|ishi|eshi|7aga|7aja|haja) m[ie]n+k(?:o|u)?[nm])`,
    confidence: 0.85,
  },
  // "bas ba2a msgs", "wa9fo el rasayel", "barka mel messages"
  {
    id: 'arabizi-stop',
    pattern: `(?:stop|bala|bla|balash|bidun|bdun|w?a?2[ae]?f(?:o|ou|u)|2ef(?:o|ou|u)|wa2efo?|wa2afo|wa9fo|wa9ef|w9fo|w9fou|wa9fou|w9ef|wa22fo|wa22ef|wa2ef|w2fo|w2af|w2ef|w2efo|wa2fo|ba6lo|bat2lo|battlo|battal|7bes|7[ae]?bs(?:o|ou|u)|bas|khalas|kfaya|kefaya|kifaya|kaf+a|yezzi|yezi|barka|barkaw|kafi|kafee|kfi)(?: (?:el|al|l|men|mn|mel|mil|ba2a|ya|min|les|hal|had|hadi|hado|hadou|hay|hayde|dol|dool|ersal|irsal|ersaal))* (?:l|el|al)?${MESSAGES}`,
    confidence: 0.85, negatable: true,
  },
  // "shilo ra2mi men 3andkom", "em7i ra2mi", "na7io numero ta3i"
  {
    id: 'arabizi-remove-me',
    pattern: '(?:shil|sheel|shel|em7|im7|ems7|emsa7|imsa7|e7thef|e7zef|e7zf|ehzef|i7thif|fasakh|fasskh|na7i|na77i|7ayed|7ayd)[a-z0-9]* (?:r[ae]?(?:2|q|k|8|g)mi|nimrti|nemrti|nomroti|nemrati|esmi|numero(?: (?:diali|dyali|ta3i|te3i))|nomrew|ra2am(?: (?:tlifoni|mobayli))|(?:el |al |l)?r[ae]?(?:2|q)am (?:da|dah|dh?a|hada|hadha|hatha|hay|hada)(?![^ ]))',
    confidence: 0.85, negatable: true,
    // Off a bill, a booking or an account, not the list: "shelo el ra2am da men el fatoora".
    unless: '(?:(?:men|mn|min|mel|mil|f|fi|fe) )(?:el |al |l)?(?:fatoo?ra|fatu?ra|fatoura|7agz|hagz|order|talab|7[ie]?sab|hesab|account|maw3ed|booking|7ajz)(?![^ ])',
  },
  // "battal tettesel", "w2fo tb3to": stop + a contact verb.
  {
    id: 'arabizi-stop-contacting',
    pattern: `(?:ba(?:tt?|6|t2)[ae]?l(?:o|u|i)?|w2fo|wa2fo|wa2efo|wa9fo|7bes|7abso)(?: (?:ya [a-z]+|ba2a|khalas))? (?:t|te|ti|tu|y)?${CONTACT_STEM}[a-z0-9]*`,
    confidence: 0.85, negatable: true, unless: '(?:bih|biha|beeh|beha|3aleh|3aleha|fih|fiha|fihom)(?![^ ])',
  },
  // "ilghaa el ishtirak", "kif ulghi el eshterak": unsubscribe, asked for or asked how (a wish that the messages stop);
  // not a product's ("el netflix", "el nadi") nor one made by mistake.
  {
    id: 'arabizi-unsubscribe',
    pattern: '(?:[ei]lgh?a+2?|[aeiu]lgh?i|[aeiu]lgh?(?:o|ou|u)|n?lgh?i) (?:(?:el|al|l) ?)?(?:[ei]sht?[ie]?r?a?a?k|[ei]shtirak|[ei]shterak|[ei]shtrak)[a-z]*',
    confidence: 0.85, negatable: true, unless: '(?:(?:fe|fi|f|men|mn|b|bta3|ta3) )?(?:el |al |l)?(?:net|internet|nadi|gym|netflix|shahid|ba2a|baqa|bag?a|app|tatbee2|tatbi2|magalla|jarida)(?![^ ])|(?:[a-z0-9]+ )?(?:bel ?ghalat|bil ?ghalat|ghalat)(?![^ ])',
  },
  // "7elo 3anni", "sibouni f 7ali": leave me alone.
  { id: 'arabizi-leave-me-alone', pattern: '(?:7[ae]ll?(?:o|ou|u|i|y)?|7il+(?:o|ou)?) 3an+(?:i|y|ee|na)|(?:seeb|sib|sayyeb|s[ae]yb|etrok|itrok|otrok|5al+|khal+)[a-z]*(?:ni|ny|na) (?:f|fi|fe|b|bi)? ?7al(?:i|y|na|ee)', confidence: 0.85, negatable: true },
  // "7aram 3alekom w2fo": a complaint, then a bare "stop" that ends the text.
  { id: 'arabizi-complaint-then-stop', pattern: '(?:7aram|haram) 3al[ae]?y?k(?:om|um|o|u)(?: [a-z0-9]+){0,4} (?:w?a?2[ae]?f(?:o|ou|u)|w9fo|wa9fo|ba(?:tt?|6|t2)[ae]?l(?:o|u)|7bs(?:o|ou)|bas ba2a|kefaya ba2a|kfaya)$', confidence: 0.8 },
  // "5alas ma bdi", "bas ba2a ma bdi": the whole text a refusal of what was sent.
  { id: 'arabizi-enough-dont-want', pattern: `^(?:(?:5alas|khalas|kh?alas|bas|bass|ba2a|kfaya|kefaya|yezzi|barka|stop) )+(?:ma|mesh|mish|msh|mo) ${WANT}(?: (?:plz|pls|please|ba2a|khalas|5alas))*$`, confidence: 0.8 },
  // "stop plz ma bde", "stop khalas": the carriers' keyword opening an Arabizi text. Not Haitian Creole's "STOP la"
  // ("the STOP") with a verb after it: "STOP la koute lajan?" asks what the keyword costs.
  { id: 'arabizi-keyword-then', pattern: '^(?:(?:please|pls|plz) )?stop(?: (?:plz|pls|please|ya3ni|stop))* (?:ma|mesh|mish|la(?! (?:koute|ap|pral|va|se|fe|mache|vle|te|gen|ka|kab|kapab|anile|aktive|retire|sispann|bloke|konte)(?![^ ]))|khalas|5alas|bas|ba2a|kefaya|kfaya|ya3ni stop(?: (?:plz|pls|please))*$|ya [a-z0-9]+$)(?![^ ])', confidence: 0.85 },
];

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const arabizi: Lexicon = {
  lang: 'ar',
  script: 'Latin',
  // "bas ba2a", "khalas bikaffi": "enough already", a whole reply to what was sent.
  keywords: { opt_out: ['bikaffi', 'bekaffi', 'bkaffi', 'kefaya', 'kfaya', 'kifaya', 'bas ba2a', 'kefaya ba2a', 'yezzi', 'barka'], opt_in: [], help: [] },
  voiceKeywords: [],
  clauseKeywords: [],
  softeners: ['ya3ni', 'khalas', 'law sama7t', 'min fadlak', 'plz', 'pls'],
  fillers: [],
  laughter: [],
  notTypos: [],
  // "ma baddi ma tetaselo" is not read as a request: a negated want governs what follows.
  negation: { cue: ['ma', 'mesh', 'mish', 'mush', 'mo'], bridge: ['baddi', 'bade', 'bidi', '3ayez', '3awez', 'abi', 'abgha', 'ureed', 'areed', 'ana'], exceptAfter: ['leh', 'lesh', 'laysh'] },
  classes: {},
  rules,
};
