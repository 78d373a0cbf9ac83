/**
 * Haitian Creole. Spelling is far from settled in texts and transcripts:
 * accents come and go ("ankò" / `anko`, handled by normalisation), the
 * pronoun is "mwen" or "m" and is glued on or split off ("pa rele m",
 * "pa relem", "pa rele'm" → `relem`), "sispann" is also "sispan". The
 * lexicon lists those variants.
 *
 * A prohibitive (pa / pinga / pa janm) with a contact verb needs "ankò" (any
 * more) or to end on "me" to be an opt-out: "pa bliye rele m" (don't forget
 * to call me), "pa rele l ankò" (don't call him), "pa rele m sou nimewo
 * travay la" (not that number) do not fire. The speaker's own "m ap sispann
 * voye mesaj ba li" (I'll stop texting her) is not a request either.
 */
import { ENGLISH_HOW_TO } from './borrowedEnglish';
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const ht: Lexicon = {
  lang: 'ht',
  script: 'Latin',
  keywords: {
    opt_out: ['kanpe', 'sispann', 'sispan', 'sispenn', 'sispen', 'sipann', 'sespann', 'sespan', 'sespenn', 'sepann', 'stop', 'retire', 'retire m', 'retire mwen', 'dezabone', 'dezabone m', 'dezabonman', 'anile', 'ase', 'arete', 'fini', 'kite'],
    opt_in: [],
    help: ['ed'],
  },
  voiceKeywords: ['sispann', 'sispan', 'sespann', 'sespan', 'ase', 'arete'],
  clauseKeywords: ['sispann', 'kanpe', 'retire m'],
  softeners: ['m pa enterese', 'mwen pa enterese', 'm di w', 'm di ou', 'mwen di w', 'mwen di ou', 'm di nou', 'mwen di nou', 'm te di w', 'm te di nou', 'tanpri', 'tanpi', 'tampri', 'tanpri wi', 'souple', 'silvouple', 'mesi', 'mesi anpil', 'non', 'non mesi', 'wi', 'kounye a', 'kounyea', 'la', 'frem', 'ser', 'mezanmi', 'non menm'],
  fillers: ['enm', 'hmmm'],
  laughter: ['(?:ha){2,}', '(?:hi){2,}'],
  delight: ['bon nouvel', 'se bel', 'wow', 'se pa vre', 'ou pa serye', 'felisitasyon', 'bravo', 'mezanmi o', 'm pa kwe', 'pa kwe sa', 'sa pa posib'],
  notTypos: ['kanpay'],
  negation: {
    cue: ['pa', 'pap', 'p ap', 'pinga'],
    bridge: ['vle', 'te', 't', 'janm', 'bezwen', 'di', 'mande', 'konn', 'ka', 'kapab', 'nou', 'ou', 'w'],
    exceptAfter: ['poukisa', 'pouki'],
  },
  classes: {
    dont: ['pa', 'pas', 'pinga', 'pa janm', 'pa janm janm', 'pa ditou', 'pa vin', 'pa janm vin', 'piga', 'pa bezwen', 'pa gen bezwen', 'pa dwe', 'pa gen dwa', 'se pa la pen', 'pa la pen', 'pala pen', 'pa nesese'],
    // The speaker, as texts and transcripts spell it: "mwen", "m", "mw", the French-influenced "moin".
    self: ['m', 'mwen', 'mw', 'mwn', 'moin', 'mwin', 'mouin', 'moi'],
    contactVerb: ['rele', 'relem', 're le', 'rel', 'voyem', 'ekrim', 'tekstem', 'kontaktem', 'anbete', 'anbetem', 'toumante', 'bay traka', 'ekri', 'voye', 'deranje', 'derange', 'kontakte', 'kontak', 'sonnen', 'teks', 'tekste', 'anmerde', 'anmede', 'chaje', 'fe m resevwa', 'spam', 'spame', 'spanm', 'call', 'kol', 'text', 'fatige', 'rekontakte', 'rekontakte m', 'rerele', 'reekri', 'revoye'],
    // Close kin and the home: "pa rele manman m ankò" asks the same for this number.
    household: ['manman', 'papa', 'madanm', 'mari', 'pitit', 'fanmi', 'granmoun', 'grann', 'gran', 'fre', 'se', 'isit', 'lakay', 'kay', 'timoun'],
    me: ['m', 'mwen', 'mw', 'mwn', 'moin', 'mwin', 'moi', 'nou', 'sou (?:telefon|nimewo|selil|selile) (?:sa a|sa|mwen|m)', 'lakay mwen', 'lakay', 'nimewo sa a', 'nimewo sa', 'nimewo m', 'nimewo mwen', 'fanmi m', 'fanmi mwen', 'moun lakay'],
    // Words that may stand between the verb and "ankò": whom, what, where.
    between: [
      'm', 'mwen', 'mw', 'mwn', 'moin', 'mwin', 'moi', 'nou', '{number}', 'lakay', 'sou', 'mesaj', 'message', 'messages', 'text', 'texte', 'tex', 'anyen', 'teks', 'imel', 'sms', 'pwomosyon', 'promosyon', 'pwomo', 'kipon', 'kupon', 'ofri', 'ban', 'ba', 'bay', 'pou', 'sa', 'a', 'yo', 'tanpri',
      'nan', 'telefon', 'selile', 'selil', 'piblisite', 'reklam', 'ditou', 'menm', 'janm', 'anko', 'fanmi', 'mesaj sa yo', 'la', 'an', 'lan', '{household}', 'ak', 'ni', 'msj', 'msg', 'oswa', 'bagay', 'lot', 'okenn', 'pesonn', 'moun', '{contactVerb}',
    ],
    contactNoun: ['apel', 'mesaj', 'message', 'messages', 'text', 'texte', 'tex', 'pwomosyon', 'promosyon', 'pwomo', 'kipon', 'kupon', 'msj', 'msg', 'kontak', 'teks', 'sms', 'rele', 'relem', 'kou d fil', 'koudfil', 'piblisite', 'reklam', 'imel', 'apel telefon', 'apel yo', 'mesaj yo', 'tekst', 'kominikasyon'],
    stop: ['sispann', 'sispan', 'sispanm', 'sispenn', 'sispen', 'sipann', 'sis pann', 'sis pan', 'si spann', 'si span', 'si pann', 'si pan', 'sespann', 'sespan', 'sespenn', 'sepann', 'ses pann', 'cessez', 'sese', 'kanpe', 'arete', 'arrete', 'arretez', 'aret', 'arret', 'ase', 'fini ak', 'stop'],
    selfFuture: ['m ap', 'mwen ap', 'map', 'm pral', 'mwen pral', 'n ap', 'nou ap', 'm a', 'm va', 'mwen va', 'mwen a', 'm pap', 'mwen pap', 'li', '(?<!sa )yo', 'li te', 'yo te', 'm te', 'mwen te', 'te', 't'],
    // Told to someone else, asked about, or said to a child: "M te di l pa rele m", "poukisa nou sispann…", "pitit, sispann…".
    notARequest: [
      '(?:te )?(?:di|mande) (?:l|li|yo|m|mwen)(?: (?:pou|ke))?(?: (?:l|li|yo))?(?: te)?', '(?:poukisa|pouki|eske|kile|kijan|kouman|koman|kman)(?: [^ ]+){0,3}', 'si (?:m|mwen|nou|ou|w|yo)(?: [^ ]+){0,3}',
      '(?:te )?(?:di|mande) (?:{household})(?: (?:gason|fi|fanm|pitit))? (?:m|mwen)(?: (?:nan|lan|la|a|an))?(?: (?:pou|ke))?(?: (?:l|li))?',
      // Someone named: "m te mande bank lan sispann rele m".
      '(?:te )?(?:di|mande) (?!nou(?![^ ]))[^ ]+ (?:la|lan|a|an|yo)(?: (?:pou|ke))?', '(?:te )?(?:di|mande) (?!(?:nou|ou|w)(?![^ ]))[^ ]+ (?:m|mwen|li) (?:pou|ke)(?: (?:l|li|yo))?', 'pitit(?: ,)?', 'ti (?:gason|fi|moun)(?: ,)?', 'cheri(?: ,)?',
      // What it costs: "konbyen sa koute pou m dezabone?" (not "konbyen fwa…", how many times I said it).
      '(?:konbyen|kombyen)(?! fwa)(?: [^ ]+){0,4}',
      // Asked who said it: "kiyès ki di nou pou nou sispann rele m?".
      '(?:kiyes|kiles|ki moun|kimoun) ki (?:te )?(?:di|mande)(?: [^ ]+){0,3}',
    ],
    // "(ou pa bezwen rele m ankò,) m ap vin demen": the speaker will come or call instead.
    // Another language or channel, not none at all: "m pa vle mesaj an angle, voye yo an kreyòl".
    otherWay: ['(?:[^ ]+ ){0,3}(?:an|nan|pa|sou) (?:angle|kreyol|franse|panyol|espanyol|imel|whatsapp|papye|lapos)(?![^ ])'],
    // Things subscribed to that are not these messages: "anile abònman Netflix mwen an".
    product: ['netflix', 'entenet', 'jim', 'gym', 'jounal', 'magazin', 'kab', 'televizyon', 'asirans', 'spotify', 'amazon', 'hulu', 'disney', 'youtube', 'aplikasyon', 'app', 'klib', 'fofe', 'plan'],
    // "… rele m pita": call me later, not never.
    callMeLater: ['(?:[^ ]+ ){0,8}rele (?:{self}) (?:pita|demen|aswe|apre|lot fwa|lot semen|semen pwochen)'],
    // The speaker's own habit, "m pa rele nou ankò" (I don't call you any more): "m" opening the text or a clause, not "papa m pa rele…".
    // An hour or a place the calls are kept from, not all of them: "… anvan 10 è", "… apre legliz", "… nan travay".
    onlyWhen: ['(?:[^ ]+ ){0,2}(?:anvan|apre|pandan|le|nan travay|sou nimewo travay|nan maten|lematen|leswa|nan wikenn)(?![^ ])(?! (?:sa|sa a)(?![^ ]))'],
    selfStatement: ['(?:^|(?<=, ))(?:m|mwen)'],
    comingMyself: ['(?:[^ ]+ ){0,5}?(?:, )?(?:m ap|mwen ap|map|m pral|mwen pral|m a|m va) (?:vin|rele|pase|ekri|voye|kontakte)(?! (?:lapolis|polis|avoka|jij|fcc|biwo)(?![^ ]))'],
    // Taken off a booking or swapped for another: "retire non m sou rezèvasyon an", "retire nimewo travay la, mete…".
    notTheList: ['(?:[^ ]+ ){0,3}(?:sou|nan) (?:rezevasyon|komand|kont|fakti|randevou|gwoup|lis envite|envite|ekip|ore|orar|planin|travay)', '(?:[^ ]+ ){0,3}(?:, )?mete',
      // A named list: "dezabone m nan lis lekòl la" (not "lis la", "lis pa rele a", "lis mesaj yo").
      '(?:[^ ]+ ){0,3}(?:sou|nan) lis (?!(?:la|a|an|lan|nou|ou|w|yo|sa|pa|nimewo|kliyan|moun|konpayi|{contactNoun})(?![^ ]))[^ ]+'],
  // The number as unschooled spelling and French give it: "nimero", "numero".
    number: ['nimewo', 'nimero', 'numero', 'limewo', 'nimewo telefon'],
  },
  rules: [
    // "pa rele m ankò", "pinga nou voye m mesaj ankò", "pa voye anyen ban mwen ankò", "pa rele manman m ankò", "parelem ankò"
    { id: 'dont-contact-any-more', pattern: '(?:{dont}(?: (?:tanpri|tampri|nou|ou|w|janm))* |pa)(?:{contactVerb})(?: (?:{between})){0,7} (?:anko|an ko|ank|manko|ankor|encore|en cor|encor|enko|enkor|anymore|any more)', confidence: 0.9, notAfter: '{selfFuture}|{notARequest}|{selfStatement}', unless: '{comingMyself}|{onlyWhen}' },
    // "pa rele m", "tanpri pa rele mwen" — the request ends there.
    { id: 'dont-contact-me', pattern: '{dont}(?: (?:tanpri|nou|ou|w|janm))* {contactVerb} (?:{me})(?: (?:okenn|lot|pyes|mesaj|teks|piblisite|reklam|sms|apel|anyen|bagay))*(?=$| ,| (?:tanpri|souple|mesi|non|anko|ditou|menm|ni))', confidence: 0.85, notAfter: '{selfFuture}|{notARequest}|{selfStatement}|(?<!(?:di|mande) )(?:ou|w|li|l|yo|nou)', unless: '(?:(?:anko|tanpri|souple) )*{comingMyself}|{onlyWhen}' },
    // "tanpri sispann rele m", "kanpe voye mesaj ban m", "ase rele m"
    // Not "sispann rele l" (stop calling him), nor "sispann rele sè w" (your sister); "sispann tèks yo" is "stop the texts".
    {
      id: 'stop-contacting',
      pattern: '{stop}(?: (?:tanpri|non|nou|ou|w))?(?: (?:ak|de|d))? ?(?:(?:{contactVerb})(?! (?:l|li|yo)(?![^ ]))|(?:apel|mesaj|teks|tekst|sms|piblisite|reklam|imel|kou d fil|koudfil))',
      confidence: 0.9, negatable: true, notAfter: `{selfFuture}|{notARequest}|konn|kon|abitye|(?!(?:sa|{contactNoun})(?![^ ]))[^ ]+ (?:la|a|an|yo)(?: (?:te )?(?:di|mande)(?: (?:nou|m|mwen|li|l|yo))?(?: pou)?(?: (?:nou|n))?)?|(?:{household}) (?:{self}|li|yo)(?: (?:an|la|a))?(?: (?:te )?(?:di|mande)(?: (?:nou|m|mwen|li|l|yo))?(?: pou)?)?|${ENGLISH_HOW_TO}`, unless: '(?:(?:{contactNoun}) )?(?:nan|sou|pou|ak|avek) (?!(?:{contactNoun}|{self}|{number}|nou|telefon|selil|selile|lakay|kay|isit)(?![^ ]))[^ ]+ (?:la|lan|a|an|yo)(?![^ ])|(?:[^ ]+ )?(?:w|ou|l|li)(?![^ ])|(?:moun|pesonn|kliyan)(?![^ ])(?! (?:lakay|kay|isit|nan fanmi)(?![^ ]))|(?:kipon|kupon) (?:la|lan|a|an)(?![^ ])|(?:[^ ]+ ){0,4}(?:, )?(?:poukisa|pouki)(?![^ ])|(?:[^ ]+ ){0,2}(?:lol|lool|haha|hahaha|mdr)(?![^ ])|(?:m|mwen) (?:madanm|mesye|misye|manzel|cheri|bos)(?![^ ])|(?:m |mwen |ban m )?(?:kod|kat|resi|fakti|lyen|papye)(?: (?:la|a|an))?(?= ,|$)|(?!(?:{contactNoun}|{self}|{household}|nou|nimewo|sa)(?![^ ]))[^ ]+ (?:la|lan|a|an|yo)(?![^ ])',
    },
    // "mwen pa vle resevwa apèl ou yo ankò", "m pa vle nou rele m ankò"
    {
      id: 'dont-want-contact',
      pattern: '(?:(?:(?:{self}|nou|n) pas?|mpa|mwenpa) |^pa ?(?=vle ))(?:vle|bezwen|(?:ka |kab |kapab )?sipote)(?: (?:okenn|pyes|anko))*(?: (?:(?:resevwa|tande|jwenn|pran|we)(?: [a-z]+){0,3}? (?:{contactNoun})|resevwa (?:anyen|okenn bagay|ankenn bagay)(?=$| ,| (?:anko|ditou))|(?:nou|ou|w|yo|moun|pesonn|okenn moun|ankenn moun|pyes moun|konpayi(?: (?:nou|ou|w|sa))?(?: (?:an|la|a))?)(?: (?:nan|de|ki soti nan) (?:konpayi|biwo|sevis)(?: (?:an|la|a|nou|sa a|sa))?)?(?: (?:janm|anko|ap|k ap|ki|kap))* (?:{contactVerb})|(?:{contactNoun})))',
      // "m pa vle pwomosyon sa a, m vle lòt la" is a choice between offers.
      confidence: 0.85, unless: '(?:l|li|yo)(?![^ ])|{otherWay}|(?:[^ ]+ ){0,3}(?:, )?(?:{self}) (?:vle|pito|prefere)(?![^ ])|(?:[^ ]+ ){0,2}(?:nan travay|nan biwo|sou nimewo travay)|(?:[^ ]+ ){0,4}(?:, )?rele (?:{self}) (?:lakay|pita|demen|aswe|sou)|{comingMyself}|{onlyWhen}',
    },
    // "m pa dakò pou nou voye m mesaj ankò"
    { id: 'dont-agree', pattern: '(?:m|mwen|nou) pa (?:dako|dakor) (?:pou|ke) (?:nou|ou|w|yo) (?:{contactVerb})', confidence: 0.85 },
    // "retire nimewo m nan lis ou a", "retire m sou lis la", "efase nimewo mwen"
    { id: 'remove-me', pattern: '(?:retire|efase|wete|elimine|retirer|efase m|siprime|dekonekte|dezenskri)(?: tanpri)?(?: tout)? (?:m|mwen|{number}|non m|non mwen|nou|(?:enfomasyon|done|detay) (?:{self}))(?![^ ])(?! (?:lajan|kob))', confidence: 0.85, negatable: true, notAfter: '{selfFuture}|{notARequest}', unless: '{notTheList}' },
    // Code-switched: "remove m sou lis la", "delete nimewo m".
    { id: 'remove-me-english', pattern: '(?:remove|delete) (?:m|mwen|nimewo (?:m|mwen))(?: (?:sou|nan) lis(?: la| a| nou an)?)?(?=$| ,| (?:tanpri|souple|silvouple|mesi|please)(?![^ ]))', confidence: 0.85, negatable: true },
    // "pa voye piblisite ban mwen", "m pa vle tande pale de nou ankò"
    { id: 'dont-send-me', pattern: '{dont} voye(?: (?:okenn|anyen|mesaj|teks|piblisite|reklam|sms|imel))+ (?:(?:ban|ba|pou) (?:m|mwen|nou)|nan (?:nimewo|telefon|selil|selile) (?:sa a|sa|{self}))(?=$| ,| (?:tanpri|souple|mesi|anko|ditou|menm)(?![^ ]))', confidence: 0.85, notAfter: '{selfFuture}' },
    // "m pa vle tande pale de nou", "mwen pa vle tande nou ankò", "m pa vle pale ak nou ankò" — not "… kounye a" (not now).
    {
      id: 'dont-want-to-hear',
      pattern: 'pa vle (?:janm )?tande anyen(?: anko)? (?:nan men|de|sou|soti nan) (?:nou|ou|w|konpayi)|pa vle (?:janm )?(?:(?:tande|konn) pale (?:de|sou)|tande vwa|tande|we|pale ak|pale avek|gen afe ak) (?:nou|ou|w|konpayi|okenn moun (?:nan|ki soti nan|de) (?:konpayi|biwo))(?: nou| ou| sa a?)?(?: (?:an|la|a))?(?=$| ,| anko| ditou| menm)',
      // Someone else's wish: "li pa vle pale ak ou".
      confidence: 0.85, notAfter: '(?:li|l|yo)',
    },
    // "nimewo sa a pa pou piblisite, retire l": the number named, then "remove it".
    { id: 'remove-it', pattern: 'nimewo(?: [^ ]+){0,5}(?: ,)? (?:retire|efase|wete) (?:l|li)(?![^ ])', confidence: 0.85, negatable: true },
    // "kite m anpè", "kite m trankil"
    { id: 'leave-me-alone', pattern: 'ban (?:{self}|nou) (?:lape|yon ti lape|yon ti souf)|(?:kite|kit) (?:m|mwen|mw|moin|nou|(?:{household}) (?:{self})) (?:anpe|trankil|an pe|anrepo)|kitem (?:anpe|trankil|an pe|anrepo)', confidence: 0.85, negatable: true, notAfter: '{selfFuture}|{notARequest}', unless: '(?:[^ ]+ ){0,2}(?:yon (?:ti )?(?:moman|minit|segonn|ti tan)|pou kounye a|kounye a|jodi a)(?![^ ])|{callMeLater}' },
    // "m retire konsantman m", "m anile pèmisyon m te ba nou"
    { id: 'revoke-consent', pattern: '(?:anile|retire|rale|wete|revoke) (?:pemisyon|konsantman|otorizasyon|dako|konsent|akor)(?: (?:{self}|nou)(?![^ ])| (?:pou|ke) (?:nou|ou|w|yo)| pou (?:{contactVerb}))|pa (?:ba|bay|ban) (?:w|ou|nou|yo) (?:pemisyon|otorizasyon|dwa)(?: (?:pou|anko))? (?:{contactVerb})|(?:nou|ou|w|yo) pa gen (?:okenn )?(?:pemisyon|otorizasyon|dwa)(?: (?:pou|anko))*(?: (?:nou|ou|w))? (?:{contactVerb})', confidence: 0.9 },
    // "nimewo sa a se pou manman m, pa voye l mesaj ankò": the number is a relative's, then "him/her".
    { id: 'dont-contact-kin', pattern: 'nimewo(?: sa a| sa| la)?(?: se)?(?: pou| a| pa)? (?:{household}) (?:{self})(?: ,)? (?:tanpri )?(?:{dont}) (?:{contactVerb}) (?:l|li)(?![^ ])', confidence: 0.85 },
    // "pa rele, pa ekri", "pa rele ni ekri": neither way.
    { id: 'neither-way', pattern: '{dont} (?:{contactVerb})(?: ,)? (?:pa|ni) (?:{contactVerb})(?=$| ,| (?:anko|tanpri|souple|ditou))', confidence: 0.85, notAfter: '{selfFuture}|{notARequest}' },
    // "m bouke ak apèl nou yo, sispann": tired of them, then "stop" ending the text.
    { id: 'tired-then-stop', pattern: '(?:bouke|fatige|bouke tande|anmerde|twop|two|tro)(?: (?:{self}|nou))?(?: (?:ak|avek|ave|de))?(?: tout)? (?:{contactNoun})(?: [^ ]+){0,3}(?: ,)? (?:{stop}|rete)(?=$| ,| (?:non|tanpri|souple))', confidence: 0.85 },
    // "sispann itilize nimewo m": my number is not to be used.
    { id: 'stop-using-my-number', pattern: '(?:{stop}|{dont}) (?:itilize|sevi ak|pran) (?:nimewo|non|enfomasyon) (?:{self}|sa a|sa)(?![^ ])', confidence: 0.85, notAfter: '{selfFuture}|{notARequest}' },
    // "stop sa souple", "sispann sa": "stop this" as a text's whole first clause.
    { id: 'stop-this', pattern: '^(?:{stop}) sa(?: a)?(?=$| ,| (?:tanpri|souple|silvouple|non|mesi)(?![^ ]))', confidence: 0.85 },
    // "nou anmède m twòp, ase", "ase atò, nou rele twòp": too much, enough.
    { id: 'too-much-enough', pattern: '(?:nou|ou|w|yo) (?:{contactVerb})(?: (?:{self}))?(?: [^ ]+)? (?:twop|two)(?: ,)? ase(?=$| ,)|^ase(?: ato| la)?(?: ,)? (?:nou|ou|w|yo) (?:{contactVerb})(?: (?:{self}))?(?: [^ ]+)? (?:twop|two)(?=$| ,)', confidence: 0.85 },
    // A household member's word passed on, about this number: "manman m di nou sispann rele l nan nimewo sa a".
    { id: 'household-says-stop', pattern: '(?:{household}) (?:{self}|li) (?:di|mande|pa vle)(?: (?:pou|ke))?(?: (?:nou|ou|w))? (?:(?:{stop}|{dont}) )?(?:{contactVerb})(?: [^ ]+){0,4}? (?:(?:nan|sou) (?:nimewo|telefon|selil|selile) (?:sa a|sa)|isit(?: la)?|lakay(?: la| a)?|kay la)', confidence: 0.85 },
    // "se katriyèm fwa nou rele jodi a, sispann": "stop" ending a complaint about the calls.
    { id: 'complaint-then-stop', pattern: '(?:nou|yo|ou|w)(?: (?:ki|k|ap|k ap|kap))? (?:{contactVerb})(?: (?:{self}))?(?: [^ ]+){0,4}(?: ,)? (?<!(?:ap|pral|te|pa|va) )(?:{stop})(?: (?:tanpri|souple|non))?$', confidence: 0.8, notAfter: '{notARequest}|si' },
    // "nou pa ka sispann rele m?": can't you stop, asked in exasperation.
    { id: 'cant-you-stop', pattern: '(?:nou|ou|w) pa (?:ka|kab|kapab) (?:{stop}) (?:{contactVerb}) (?:{self})(?![^ ])', confidence: 0.8 },
    // "m vle soti nan lis la": leaving the list.
    { id: 'leave-the-list', pattern: '(?:vle|bezwen|ka) (?:soti|sot|sove|kite) (?:nan|sou) lis(?: (?:la|a|nou an|nou|sa a|mesaj la|mesaj yo))?(?=$| ,| (?:tanpri|souple|mesi)(?![^ ]))', confidence: 0.85, negatable: true, notAfter: '(?:{household}) (?:{self})|li|l|yo|{notARequest}' },
    // "anile abònman mwen", "dezabòne m"
    { id: 'unsubscribe', pattern: 'dezabone|dezabonnen|dezenskri(?:psyon|ve)?(?![^ ])|anile (?:abonman|enskripsyon|(?:{contactNoun})(?: (?:yo|la|sa yo))?(?=$| ,| (?:tanpri|souple|mesi)(?![^ ])))|retire non m|lis pa rele', confidence: 0.9, negatable: true, notAfter: '{notARequest}|(?:{household}) (?:{self})(?: (?:nan|la|a|an))? (?:vle|bezwen|ta vle|ta renmen)',
      unless: '{notTheList}|(?:[^ ]+ )?(?:{product})(?![^ ])|(?!(?:{self}|{contactNoun}|nou|an|la|a|lan|sa|tanpri|souple|yo)(?![^ ]))[^ ]+ (?:la|a|an|lan)(?![^ ])' },
    // How to stop them, asked of the sender: "kijan pou m sispann resevwa mesaj sa yo?", "kòman m ka dezabòne?", "kouman pou m soti nan lis la".
    {
      id: 'how-to-stop',
      pattern: '(?:kijan|ki jan|kouman|koman|kman|kisa (?:m|mwen) (?:dwe|ka|kab|gen pou|ta dwe) fe)(?: (?:pou|m|mwen|ka|kab|kapab|fe|nou|ou|w|ta))* (?:(?:{stop}|pa) (?:resevwa|jwenn)|dezabone|(?:soti|sot|kite) (?:nan|sou) lis|(?:retire|wete) (?:m|mwen|nimewo (?:m|mwen)) (?:nan|sou) lis|(?:fe )?(?:nou|yo) (?:{stop}|pa) (?:{contactVerb}))',
      // Not spam in general, another sender or someone else, nor only some of them ("… imèl yo men kenbe tèks yo").
      confidence: 0.85, unless: '(?:[^ ]+ ){0,4}(?:spam|robo|an jeneral|lot|men|bank|konpayi)(?![^ ])|{notTheList}|(?:pitit|manman|papa|madanm|mari|fre|grann|timoun|yon moun)(?![^ ])',
    },
    // "eske nou ka sispann rele m?", "nou pa ka sispann voye mesaj?": a request asked as a question.
    { id: 'can-you-stop', pattern: '(?:eske |eske w |ske )?(?:nou|ou|w) (?:pa )?(?:ka|kab|kapab|te ka|te kapab|ta ka) (?:{stop}) (?:{contactVerb})(?: (?:{self}|mesaj|teks|ban m|ba m|ban mwen))*(?=$| ,| (?:tanpri|souple|silvouple|non|anko)(?![^ ]))', confidence: 0.8, notAfter: '{notARequest}|si' },
    // "pa voye okenn lòt mesaj", "pinga nou voye pyès mesaj ankò": none at all.
    { id: 'dont-send-any', pattern: '{dont}(?: (?:nou|ou|w|tanpri))* (?:voye|ekri) (?:okenn|pyes|ankenn)(?: lot)? (?:{contactNoun}|bagay)(?=$| ,| (?:tanpri|souple|mesi|anko|ditou|menm)(?![^ ]))', confidence: 0.85, notAfter: '{selfFuture}|{notARequest}' },
    // "bliye nimewo sa a": forget this number (not "pa bliye m", don't forget me).
    { id: 'forget-this-number', pattern: '(?:bliye|efase) (?:nimewo (?:sa a|sa|m|mwen)|(?:{self}))(?=$| ,| (?:tande|tanpri|souple|non|net)(?![^ ]))', confidence: 0.8, negatable: true, notAfter: '{selfFuture}|{notARequest}' },
    // "eske w ka retire nimewo m sou lis la?": a request asked as a question; not another list ("… nan gwoup la").
    { id: 'can-you-remove', pattern: '(?:eske |ske )?(?:nou|ou|w) (?:ka|kab|kapab|te ka|te kapab|ta ka) (?:retire|efase|wete) (?:m|mwen|nimewo (?:m|mwen)|non (?:m|mwen))(?![^ ])', confidence: 0.8, notAfter: 'si', unless: '{notTheList}' },
    // "nimewo sa a pa dwe resevwa mesaj ankò": this number is not to get them (not "pa ka", cannot).
    { id: 'number-must-not-receive', pattern: 'nimewo (?:sa a|sa|m|mwen)(?: (?:la|a))? pa (?:dwe|bezwen|vle) (?:resevwa|jwenn)(?: (?:okenn|pyes|lot))* (?:{contactNoun})', confidence: 0.85 },
    // A household member's own "don't call me" passed on: "manman m di pa rele l ankò", "madanm mwen di li pa vle resevwa apèl nou yo"
    // — not when the speaker then disagrees ("… men mwen menm m enterese"), nor "mari m di bòs li…" (someone else told).
    { id: 'household-relays-own', pattern: '(?:{household}) (?:{self})(?: te)? (?:di|mande|fe m konnen)(?: (?:pou|ke))?(?: (?:nou|ou|w))? (?:(?:{dont}|{stop}) (?:{contactVerb}) (?:l|li|yo)(?=$| ,| (?:anko|ditou|tanpri|li|paske)(?![^ ]))|(?:li|l|yo) pa vle (?:(?:resevwa|tande)(?: [^ ]+){0,2}? (?:{contactNoun})|(?:nou|ou|w|pesonn|okenn moun) (?:{contactVerb})))', confidence: 0.85, unless: '(?:[^ ]+ ){0,6}men (?:mwen|m|se pa (?:mwen|m))(?![^ ])|(?:(?:anko|ditou|tanpri) )*(?:apre|anvan|pandan|le|nan travay|sou nimewo travay)(?![^ ])' },
    // "kilè n ap sispann voye m bagay sa yo?": when will you stop — not someone else, nor one thing ("… kòmand lan").
    { id: 'when-will-you-stop', pattern: '(?:kile|ki le) (?:nou|n|ou|w) (?:ap|pral|va|a) (?:{stop}) (?!chaje)(?:{contactVerb})', confidence: 0.8,
      unless: '(?:[^ ]+ )?(?:l|li|yo)(?![^ ])|(?:(?:{self}) )?(?!(?:{contactNoun}|{self}|bagay|nimewo|sa)(?![^ ]))[^ ]+ (?:la|lan|a|an|yo)(?![^ ])' },
    // "eske m ka pa resevwa mesaj sa yo ankò?": may I not get them — not in another language or way.
    { id: 'may-i-not-receive', pattern: '(?:{self}) (?:ka|kab|kapab|ta ka|ta renmen) (?:pa|sispann) (?:resevwa|jwenn)(?: (?:okenn|pyes|tout))?(?: (?:{contactNoun}))', confidence: 0.8, notAfter: 'si|(?:{household}) (?:{self})', unless: '{otherWay}|(?:[^ ]+ ){0,4}(?:spam|robo|bank|lot konpayi)(?![^ ])' },
    // "mwen te deja di STOP": the keyword already sent — not "si m voye STOP" (what if), nor sent by mistake.
    { id: 'already-said-stop', pattern: '(?:{self}) (?:(?:te|t)(?: deja)?|deja) (?:di|voye|ekri|reponn|tape)(?: (?:nou|w|ou))?(?: deja)? stop(?![^ ])', confidence: 0.85, negatable: true, notAfter: 'si|le|padon', unless: '(?:[^ ]+ ){0,3}(?:pa ere|an ere|pa aksidan)(?![^ ])' },
    // "bloke mesaj sa yo pou mwen": block them, asked of the sender — not the speaker's own blocking ("m bloke nimewo l"), a card, or spam in general.
    { id: 'block-them', pattern: '(?:bloke (?:tout )?(?:{contactNoun})(?: (?:sa yo|yo|la|nou yo|sa a|sa))?(?: (?:pou|ban|ba) (?:{self}))?|bloke (?:{number}) (?:{self}) (?:nan|sou) (?:sistem|lis) (?:nou|ou|w)(?: (?:an|la|a))?)(?=$| ,| (?:tanpri|souple|mesi|anko)(?![^ ]))', confidence: 0.8, notAfter: '{selfFuture}|{notARequest}|{self}|(?:{self}) (?:te|deja|fin|ka|konn)|li|l|yo|pou (?:{self})' },
    // "rete voye mesaj ban m", "ret ekri m": "rete" opening the text, as "stop" — not "m rete…" (I live / I kept).
    { id: 'stop-rete', pattern: '^(?:ret|rete) (?:voye|ekri|rele|tekste|teks)(?: (?:{self}|{contactNoun}|sa yo|yo|ban m|ba m|ban mwen))+(?=$| ,| (?:tanpri|souple|mesi|anko)(?![^ ]))', confidence: 0.8 },
    // "sispann voye mesaj sa yo ban m", "sispann chanje nimewo pou rele m": these messages, or any way round to reach me,
    // are the sender's — even after "pitit" (an elder's "my child" to the agent).
    { id: 'stop-these-to-me', pattern: '{stop} (?:(?:{contactVerb}) (?:{contactNoun}) sa yo(?: (?:ban|ba) (?:{self}))?|(?:[^ ]+ ){1,3}pou (?:{contactVerb}) (?:{self}))(?=$| ,| (?:tanpri|souple|mesi|non|anko)(?![^ ]))|{stop} fe (?:telefon|selil|selile) (?:{self}) (?:sonnen|sone)', confidence: 0.8, notAfter: '{selfFuture}|(?:{household}) (?:{self}|li|yo)(?: te)? (?:di|mande)(?: (?:l|li|yo))?(?: pou)?' },
    // "kenbe mesaj nou yo pou nou": keep them to yourselves.
    { id: 'keep-them', pattern: 'kenbe (?:{contactNoun})(?: (?:nou|ou|w))?(?: (?:yo|la|a|sa yo))? pou (?:nou|ou|w|tet nou|tet ou)(?=$| ,| (?:m|mwen|tanpri|souple|mesi)(?![^ ]))', confidence: 0.8 },
    // "mete yon fen ak mesaj yo": put an end to them.
    { id: 'put-an-end', pattern: 'mete (?:yon )?(?:fen|bout) (?:ak|a|nan|pou) (?:{contactNoun})', confidence: 0.85, notAfter: '{selfFuture}|{notARequest}' },
  ],
};
