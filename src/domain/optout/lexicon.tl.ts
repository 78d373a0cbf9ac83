/**
 * Tagalog (Filipino), and the Taglish mix people text in ("stop na po":
 * English keywords and phrases are matched by the English lexicon, Tagalog
 * particles are softeners). Hyphens split words ("mag-text" → `mag text`,
 * "i-unsubscribe" → `i unsubscribe`), and both "huwag" and "wag" are written.
 *
 * Word order is free around the enclitic particles (mo, nyo, na, po, ako…),
 * so a prohibitive is "huwag" + any run of particles + a contact verb:
 * "huwag mo na akong tawagan", "wag na po kayo tumawag ulit". A non-particle
 * word in between breaks it: "huwag mong kalimutang tawagan ako" (don't
 * forget to call me), "wag ka munang tumawag" (not now), "huwag na raw
 * siyang tawagan" (reported, someone else). The speaker's own "titigil na
 * ako" (I will stop) is not a request.
 */
import { ENGLISH_HOW_TO } from './borrowedEnglish';
import { TAGALOG_IF } from './taglishAsides';
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const tl: Lexicon = {
  lang: 'tl',
  script: 'Latin',
  keywords: {
    opt_out: ['tigil', 'itigil', 'hinto', 'ihinto', 'tama na', 'tigil na', 'unsub', 'ayoko na', 'tigilan nyo na', 'tigilan mo na', 'ayaw ko na', 'tumigil', 'alis', 'tanggal', 'paalis', 'unreg', 'unregister', 'pakitigil', 'paki tigil', 'pakistop', 'paki stop', 'pakihinto', 'paki hinto', 'pa stop', 'pastop', 'tgil', 'tgl', 'tgil na', 'paunsub', 'pa unsub', 'paunsubscribe', 'pa unsubscribe', 'unsub na'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: ['tigil', 'tama na', 'tigil na'],
  clauseKeywords: ['tigil', 'itigil', 'tigilan nyo na', 'tigilan mo na', 'tama na', 'pakitigil', 'paki tigil', 'pakistop', 'paki stop'],
  softeners: ['na', 'n', 'po', 'na po', 'n po', 'ho', 'eh', 'sabi', 'sabi ko', 'salamat', 'salamat po', 'sige', 'sige po', 'lang', 'naman', 'please', 'pls', 'ok', 'talaga', 'nga', 'ha', 'kuya', 'ate', 'sir', 'maam', 'kasi', 'nmn', 'nman', 'ano ba', 'ano ba nmn', 'ano ba naman'],
  fillers: ['ahh', 'ehh'],
  laughter: ['(?:ha){2,}', '(?:he){2,}', 'hahaha'],
  notTypos: ['tigas', 'hindi'],
  negation: {
    cue: ['hindi', 'di', 'wag', 'huwag', 'ayaw', 'ayoko'],
    bridge: ['ko', 'ako', 'mo', 'nyo', 'na', 'po', 'pong', 'gusto', 'gustong', 'kong', 'sabi', 'naman', 'ba', 'ka', 'kang', 'kayo', 'kayong', 'mong', 'nyong', 'niyong', 'ninyong', 'niyo', 'ninyo', 'sana', 'sinabi', 'sinabing', 'sabihing', 'akong', 'kami', 'kaming', 'nyo na', 'kayo na'],
    exceptAfter: ['bakit', 'ba t'],
  },
  classes: {
    dont: ['huwag', 'wag', 'hwag', 'h wag', 'wg', 'huag', 'huwg', 'wagnyo', 'wagmo', 'wagna', 'huwagna', 'wagnapo', 'wag na wag', 'huwag na huwag'],
    // Enclitics and pronouns that may sit between the prohibitive and the verb,
    // as typed and as heard ("nako" for "na ako", "nyu" for "nyo", "n" for "na").
    particle: [
      'mo', 'nyo', 'niyo', 'ninyo', 'nyu', 'nio', 'kayo', 'kayong', 'ka', 'kang', 'na', 'n', 'nang', 'po', 'pong', 'ho', 'hong', 'ako', 'akong', 'ko', 'ko na', 'kong',
      'kami', 'kaming', 'kyo', 'kau', 'kyong', 'kayung', 'kayu', 'aq', 'q', 'ung', 'nako', 'nko', 'mong', 'nyong', 'niyong', 'ninyong', 'ulit', 'muli', 'nga', 'please', 'pls', 'naman', 'sa', 'akin', 'amin', 'i', 'mag',
      'na ako', 'kahit kailan', 'na kayo', 'ng', 'ang', 'kahit',
    ],
    // Verbs of contact in their aspect forms: tawag, tawagan, tatawagan, tinatawagan, tumawag, kakatawag; text, i-text, tinetext, magtext.
    contactVerb: [
      '[a-z]*t(?:um|in)?awag(?:an|in|i)?', '(?:i|ma|mag|mg|magte|ti|tine|te|mate|i )?(?:text|txt)(?:an)?', 'mag text', 'mag txt', 'mg text', 'magpadala', 'padalhan', 'pinapadalhan',
      'i?i?storbo(?:hin)?', 'iniistorbo', 'inistorbo', 'guluhin', 'guguluhin', 'ginugulo', 'kukulitin', 'gambalain', 'kontakin', 'kontak', 'i contact', 'icontact', 'kulitin', 'kinukulit', 'message', 'imessage', 'i message',
      'mag message', 'magmessage', 'imensahe', 'mensahe', '(?:mag|i)? ?call', 'tumext', 'sms', 'magsend', 'mag send', 'send', 'padala', 'ipadala', 'abalahin',
      // "wag na kayong magparamdam": don't show yourselves any more (get in touch).
      'magparamdam', 'paramdam',
    ],
    contactNoun: [
      '(?:(?:pag|pagte|pagti|kaka|kakate|kakati|pang) ?)?(?:text|txt|tawag|message|call|msg|send)s?', 'mensahe', 'mga msg', 'promo', 'promos', 'sms', 'messages', 'pagpapadala',
      'pagme message', 'pangungulit', 'pang iistorbo', 'pang gugulo', 'tawagan', 'ads', 'advertisement', 'text blast', 'tinetext', 'tinatawagan', 'tumatawag', 'nagtetext', 'spam', 'spams',
    ],
    // The speaker as the one contacted: "ayoko na ma-text" (not "ayoko na mag-text sa kanya": I text her).
    contactedMe: ['ma ?(?:text|txt)', 'matawagan', 'kinokontak', 'kinocontact', 'kino contact', 'kinokontact', 'minemessage', 'mine message', 'kinocall', 'kino call', 'tinatxt', 'iniispam', 'tinatawagan', 'tinetext', 'tine text', 'kinukulit', 'iniistorbo', 'maistorbo', 'ginugulo', 'padalhan', 'pinapadalhan'],
    who: ['ako', 'ko', 'aq', 'me na', 'me po', 'kami', 'number ko', 'numero ko', 'pangalan ko', 'contact ko', 'number namin', 'numero namin', 'yung number ko', 'ang number ko', '(?:number|numero) ng (?:{kin}) (?:ko|namin)'],
    day: ['linggo|lunes|martes|miyerkules|huwebes|biyernes|sabado|weekend|weekends|sunday|saturday'],
    kin: ['nanay', 'tatay', 'lola', 'lolo', 'asawa', 'anak', 'magulang', 'pamilya', 'mama', 'papa', 'kapatid'],
    // Someone else, or not now: "wag mo na siyang i-text", "huwag po kayong tumawag bukas", "... sa crush mo".
    elsewhere: [
      '(?:[^ ]+ ){0,2}(?:bukas|ngayon|mamaya|muna|ngayong|sa (?:trabaho|opisina|umaga|gabi|hapon)|(?:ng|tuwing|pag) (?:umaga|gabi|hapon|tanghali|{day})|habang|hanggang)',
      '(?:[^ ]+ ){0,8}(?:dito|diyan|dyan|ako|kami) na lang', '(?:[^ ]+ ){0,4}(?:tulog pa|natutulog|nasa trabaho pa)', '(?:[^ ]+ ){0,2}(?:sa (?:kanya|kaniya|kanila|crush|ex|jowa|boyfriend|girlfriend)|(?:kay|kina)(?! (?:{kin})(?: (?:ko|namin))?(?: (?:po|na))* (?:dito|sa (?:bahay|number|numero|numerong))(?![^ ])))',
      // An hour: "wag kayo tumawag ng alas sais", "… before 9am".
      '(?:[^ ]+ ){0,2}(?:alas [a-z0-9]+|[0-9]+ ?(?:am|pm)|(?:before|after|bago|pagkatapos ng) (?:[0-9]+|alas|tanghali|mag))',
    ],
    // Said to a child, or passed on: "anak, tigilan mo na…", "… daw"; how the mechanism works ("paano gumagana yung stop");
    // or asked how ("paano i-stop …"), which the rule how-to-stop reads with its own guards.
    child: ['(?:gumagana|ibig sabihin|mangyayari|may bayad|magkano)(?: [^ ]+){0,4}', '(?:paano|pano|paanong|panu)(?: [^ ]+){0,3}', 'anak(?: ,)?', 'nak(?: ,)?', 'iho(?: ,)?', 'iha(?: ,)?', 'bunso(?: ,)?', 'sabi(?: ni| ng)? [^ ]+(?: [^ ]+)?'],
    // Only imagined, or told to someone else: "ano mangyayari pag sinabi kong wag na kayong tumawag", "sinabihan ko yung ibang kumpanya na wag na tumawag".
    notToYou: [
      '(?:pag|kapag|kung|pano kung|paano kung)(?: [^ ]+){0,3} (?:sinabi|sasabihin|sabihin|sinabihan|sabihan|sinagot|sagutin|i reply|ireply|reply)(?: (?:ko|kong|ko na|ko po|ko sa inyo))?(?: na)?',
      '(?:sinabihan|pinagsabihan|sinabi ko sa|sinabi ko kay|sinabi ko kina) (?:(?:ko|namin|na) )*(?:yung|ang|ung|si|sina|mga)(?: [^ ]+){1,3} (?:na|ng)',
      '(?:sinabihan|pinagsabihan) (?:ko|namin)(?: (?:na|po|ho|sila|siya|sya|rin|din))* (?:na|ng)',
      // Another company is the one talked about: "yung kabilang kumpanya tawag ng tawag, sinabihan ko na wag na tumawag".
      '(?:yung|ang|ung|sa|mga) (?:kabilang|ibang) (?:kumpanya|company|kompanya|companies|bangko|bank|tindahan|network)(?: [^ ]+| ,){0,10}',
    ],
    // "paano po", "pano ba": how, asked of the sender.
    how: ['(?:paano|pano|panu|papaano|paanu)(?: (?:po|ba|ko|ako|kami|nyo|niyo|kaya|ho|naman|mo|q|aq))*'],
    // A thing sent that is not a message: "wag na pong ipadala yung technician".
    sentThing: ['(?:yung|ang|ung) (?:technician|tech|order|package|parcel|item|rider|tubig|gamot|sulat|bill|resibo|card|papel|delivery)(?![^ ])'],
    // "kung ayaw ko na ng promo, ano gagawin ko": only supposed.
    conditional: [TAGALOG_IF, 'if'],
    // The relayed request, then the speaker's own wish against it: "… wag na daw kayong tumawag pero ako interesado".
    relayedButWants: ['(?:[^ ]+ |, ){0,4}(?:pero|kaso|but)(?![^ ])'],
    stop: ['tigilan', 'itigil', 'tigil', 'ihinto', 'hinto', 'pakitigil', 'paki tigil', 'pakihinto', 'paki hinto', 'tumigil', 'stop', 'pakistop', 'paki stop', 'pkistop', 'pki stop', 'pkitigil', 'pki tigil', 'paki off', 'pakioff', 'i off', 'ioff', 'i stop', 'istop'],
    remove: [
      'alisin', 'tanggalin', 'burahin', 'i alis', 'ialis', 'paki alis', 'pakialis', 'pakialisin', 'paki alisin', 'pakitanggal', 'paki tanggal', 'pkitanggal', 'pkialis', 'pakibura', 'paki bura', 'pakiburahin',
      'paki burahin', 'tanggal', 'i block', 'iblock', 'paki block', 'pakiblock', 'i delete', 'idelete', 'delete', 'paki delete', 'pakidelete', 'i remove', 'iremove', 'remove', 'paki remove', 'pakiremove',
    ],
  },
  rules: [
    // "huwag mo na akong tawagan", "wag na kayong mag-text sa akin", "wag nyo na ulit tawagan ang number na to", "wag nyo nako tinetext"
    { id: 'dont-contact', pattern: '{dont}(?: {particle}){0,7} (?:{contactVerb})', confidence: 0.9, notAfter: '{child}|{notToYou}', unless: '(?:{elsewhere})(?![^ ])|{sentThing}' },
    // "wag nyo na ako isali sa mga promo"
    { id: 'dont-include-me', pattern: '{dont}(?: {particle}){0,6} (?:isali|isama|ilagay) sa (?:mga )?(?:promo|promos|list|listahan|text|texts|mailing list)', confidence: 0.85 },
    // "paki-cancel na po ng text alerts ko", "cancel nyo na ang subscription ko sa text"
    {
      id: 'cancel-texts',
      pattern: '(?:paki ?cancel|pa cancel|i ?cancel|cancel)(?: (?:nyo|na|po|ang|ng|yung|lang))* (?:(?:text|sms|promo) (?:alerts?|subscription|messages|blast)|(?:subscription|subscribe) (?:ko |namin )?sa (?:text|sms|promo)s?)',
      confidence: 0.85, negatable: true,
    },
    // "huwag nyo nang gagamitin ang number ko"
    { id: 'dont-use-my-number', pattern: '{dont}(?: {particle}){0,6} (?:gagamitin|gamitin|i save|isave|itatago) (?:ang |yung )?(?:number|numero|pangalan|contact) (?:ko|namin)', confidence: 0.85 },
    // "hindi na po kailangan tumawag ulit" (not "… tumawag, bayad na ako": just this once)
    { id: 'no-need-again', pattern: '(?:hindi|di) na(?: (?:po|ho|kayo|nyo))* (?:kailangan|pwede|puwede)(?:ng)?(?: (?:nyo|pa|po|na|kayo|kayong))* (?:{contactVerb})(?: (?:kayo|nyo))?(?: (?:ulit|pa ulit|kahit kailan|sa akin|dito)| salamat| pa(?: po)?$|$)', confidence: 0.85 },
    // "tigilan nyo na ako", "pakitigil na ang pagtawag", "itigil nyo na po ang pagpapadala ng mensahe", "pakistop na po ng text nyo"
    {
      id: 'stop-contacting',
      pattern: '(?:{stop})(?: (?:mo|nyo|niyo|ninyo|nyu|na|n|po|ho|kayo|nga|naman|lang))*(?: (?:ang|sa|s|na|n|ng|yung|ung|yang|yan|iyang|nyo|mga|lahat|lahat ng|anumang))* (?:{contactNoun})',
      confidence: 0.9, negatable: true, notAfter: `{child}|${ENGLISH_HOW_TO}`, unless: '(?:{elsewhere})(?![^ ])',
    },
    { id: 'leave-me-alone', pattern: '(?:tigilan|tantanan|lubayan|layuan) (?:mo|nyo|niyo|ninyo|nyu)(?: (?:na|n|po|ho|nga|lang))* (?:ako|ko|aq|kami|(?:ang |yung )?(?:{kin}|bahay) (?:ko|namin))', confidence: 0.85, negatable: true, notAfter: '{child}' },
    // "kayo na naman? tigil na kayo please": the company told to stop (not "tumigil ka na", said to a child).
    { id: 'you-stop', pattern: '(?:tigil|tumigil|hinto|huminto|stop)(?: (?:na|po|nga))* (?:kayo|nyo)(?: (?:na|po|please|pls|nga|naman|ha))*(?=$| ,)', confidence: 0.85, negatable: true },
    // "tama na ang pagtawag nyo", "tama na po ang kakatext nyo"
    { id: 'enough', pattern: '(?:tama na|sobra na|sawa na ako sa|(?:ayoko|ayaw (?:ko|q)) (?:na|n)(?: (?:po|ho|pong|hong|talaga))* (?:sa|ng))(?: (?:po|ho|ang|sa|ng|mga|yung))* (?:{contactNoun})', confidence: 0.85, notAfter: '{conditional}|{notToYou}|{child}' },
    // "naku tama na, araw-araw kayong tumatawag": the company told it calls too much.
    { id: 'enough-you-call', pattern: '(?:tama na|sobra na)(?: (?:po|na|araw araw|palagi|lagi|paulit ulit))* (?:kayong|kayo|nyong) (?:{contactVerb})', confidence: 0.85 },
    // "ayoko nang makatanggap ng mga text nyo", "di ko na kailangan mga text nyo", "ayoko na ma-text", "ayaw ko na pong tinatawagan nyo ako"
    {
      id: 'dont-want-contact',
      pattern: '(?:ayoko|ayaw (?:ko|q)|ayaw namin|ayaw na namin|(?:hindi|di|d|dili|wala)(?: na)?(?: po| ho)? (?:ko|q|namin|mi)(?: (?:na|n))?(?: po)? (?:gusto|kailangan|ganahan)(?:ng)?)(?: (?:na|nang|ng|ug|og|po|pong|pa|mga|sa|inyong|inyo|ninyong|nyong|na ng|ganitong|ganyang|ganyan|ganito|ang|yung|kahit|anong|anumang))* (?:(?:makatanggap|makarinig|matawagan|tumanggap|makareceive|maka receive|tanggapin|makakuha|ma)(?: (?:ng|pa ng|ng mga|mga|sa|na|kahit|anong|anumang|ganitong|ganyang|ganitong mga))* )?(?:{contactNoun}|{contactedMe}|makausap kayo|kausapin kayo|(?:kontakin|tawagan|i text|itext|istorbohin) (?:nyo|ninyo|niyo) (?:ako|kami))',
      confidence: 0.9, notAfter: '{conditional}|{notToYou}', unless: '(?:{elsewhere})(?![^ ])',
    },
    // "alisin nyo na ako sa listahan", "burahin nyo na ang number ko", "paki remove na number ko"
    {
      id: 'remove-me',
      pattern: '(?:{remove})(?: (?:mo|nyo|niyo|ninyo|nyu|na|n|po|ho|nga|naman|ang|yung|ung|lang|ng))* (?:{who})(?![^ ])',
      confidence: 0.9, negatable: true,
    },
    // "ilagay nyo ako sa do not call list", "paki lagay po ako sa dnc list nyo"
    {
      id: 'do-not-call',
      pattern: '(?:ilagay|isama|idagdag|pakilagay|paki lagay|lagay|isali|pakisama|paki sama)(?: (?:mo|nyo|niyo|ninyo|na|po|ho|lang))* (?:ako|kami|number ko|numero ko)(?: (?:po|na|lang))* sa (?:do not call|dnc|no call)',
      confidence: 0.9,
    },
    // "paremove po sa list", "pa-delete na ako sa listahan nyo", "paunsubscribe po ako sa promo nyo": off the list, the list named.
    {
      id: 'off-the-list',
      pattern: '(?:{remove}|pa ?remove|pa ?delete|pa ?alis|pa ?tanggal|pa ?unsubscribe|pa ?unsub)(?: (?:mo|nyo|niyo|na|n|po|ho|ako|kami|lang|ang|yung|ng)| (?:number|numero) (?:ko|namin))* sa (?:list|listahan|mailing list|contact list|database|system|(?:mga )?(?:promo|promos|text|texts|sms)(?= (?:nyo|ninyo|niyo)(?![^ ])))(?![^ ])',
      confidence: 0.85, negatable: true,
    },
    // "ayoko na po, pakitigil na": "please stop" closing the message.
    { id: 'please-stop-end', pattern: '(?:pakitigil|paki tigil|pakistop|paki stop|pakihinto|paki hinto|pa stop)(?: (?:na|n|po|ho|nyo|nga|lang|na po))*$', confidence: 0.85, negatable: true },
    // "hindi na ako pumapayag na tawagan nyo ako": consent no longer given.
    { id: 'no-consent', pattern: '(?:hindi|di) na(?: (?:po|ho))? (?:ako|kami|aq)(?: (?:po|ho))? (?:pumapayag|papayag|payag|sumasang ayon)', confidence: 0.85 },
    // "ilang beses na po kayong tumatawag, ayoko na po": a complaint about the calls, then the refusal.
    { id: 'complaint-then-refuse', pattern: '(?:kayong|kayo|nyo) (?:{contactVerb})(?: [^ ]+){0,4}? (?:ayoko|ayaw (?:ko|q)) (?:na|n)(?: (?:po|ho|talaga))*$', confidence: 0.8 },
    // "wala na kayong pahintulot na tawagan ako", "hindi ko kayo pinayagang tumawag": no permission to call.
    { id: 'no-permission', pattern: '(?:wala(?: na)?(?: (?:po|ho))? (?:kayong|kayo|nyong|kang) (?:pahintulot|permiso|permission|karapatan|consent)|(?:hindi|di) ko(?: (?:po|ho))? (?:kayo )?(?:pinayagan|pinayagang|pinahintulutan|binigyan ng (?:pahintulot|permiso)))', confidence: 0.85 },
    // Passed on to the caller: "sabi ng asawa ko wag na daw kayong tumawag dito", "wag nyo na daw siyang tawagan" —
    // "kayo/nyo" names the company; "wag na daw siyang tawagan" alone may be told to anyone.
    {
      id: 'relayed-dont-contact',
      pattern: '{dont}(?: (?:na|nang|po|pong|daw|raw|nga))* (?:nyo|niyo|ninyo|kayo|kayong|nyong|niyong|ninyong)(?: (?:{particle}|daw|raw|siya|siyang|sya|syang))* (?:{contactVerb})',
      confidence: 0.85, notAfter: '{notToYou}', unless: '(?:{elsewhere})(?![^ ])(?! dito)|{relayedButWants}',
    },
    // "ayaw na po ng lola ko na tawagan nyo siya": a household member's refusal, addressed to the caller.
    { id: 'kin-refuses', pattern: 'ayaw(?: (?:na|po|ho))* ng (?:{kin}) (?:ko|namin)(?: (?:na|po|ho|daw|raw))* (?:{contactVerb}) (?:nyo|niyo|ninyo|kayo)', confidence: 0.85, unless: '(?:[^ ]+ ){0,2}(?:{elsewhere})(?![^ ])' },
    // Cebuano and Ilocano prohibitives: "ayaw na mo tawag", "palihug ayaw na ko tawagi", "undang na mo og tawag", "saan kayon nga agtawag".
    // Tagalog "ayaw mo …" (you don't want) is left out: the Cebuano forms put "na" first or use "kamo/mi", or the -i imperative.
    {
      id: 'visayan-dont-contact',
      pattern: '(?:ayaw na(?: (?:mo|kamo|mi|ko|nako|nami))?|ayaw (?:kamo|mi)|undang(?:i|a)? na(?: (?:mo|kamo|mi))?)(?: (?:og|ug|sa|pag|palihug|na|lang))* (?:pag ?)?(?:tawag|tawagi|text|texti|itext|i text|tawagan|message)|ayaw(?: [a-z]+){0,2} (?:tawagi|texti|tawgi)',
      confidence: 0.85, unless: '(?:{elsewhere})(?![^ ])',
    },
    { id: 'ilocano-dont-contact', pattern: 'saan(?:en)? (?:kayon|kayo|mo|kan|ka|yo|mon)(?: (?:kon|nakon|kami|dakami|metten|manen|pay))* nga (?:ag ?)?(?:tawag|tawagan|text|itext|txt|message)', confidence: 0.85 },
    // The last word after a complaint about the company: "ang kulit nyo na, tigil na", "tawag kayo ng tawag, tama na po", "nakakaabala na ang text nyo, wag na po".
    {
      id: 'complaint-then-stop',
      pattern: '(?:tigil|tama|hinto|stop|tigilan|wag|huwag)(?: (?:na|n|po|ho|nga|please|pls|naman))+$(?<=(?:(?:kulit|tawag|text|txt|tumatawag|nagtetext|kakatawag|kakatext) (?:nyo|niyo|ninyo|kayo)|(?:nyo|niyo|ninyo|kayo|kayong) (?:[^ ]+ )?(?:kulit|makulit|tawag|tumatawag|text|nagtetext))(?: [^ ]+| ,){0,5})',
      confidence: 0.8,
    },
    // Asking the sender how to stop them is asking for it: "paano ko ititigil ang mga text nyo", "pano matanggal sa list nyo",
    // "paano po para hindi na kayo tumawag" (not "paano i-block ang spam", spam in general; not "... kung sakali", only supposed).
    {
      id: 'how-to-stop',
      pattern: '{how}(?: para)? (?:(?:(?:ma|i|mag|pa) )?(?:[a-z]*(?:stop|tigil|hinto)[a-z]*|tumigil|huminto)|(?:hindi|di|d) na)(?: (?:na|po|ako|kami|ang|yung|ung|mga|tong|itong|yang|iyang|to|ito|nyo|ninyo|ng|sa))* (?!spam|scam)(?:{contactNoun}|makatanggap|makareceive|maka receive|tumanggap|matawagan|ma ?text)|{how} (?:(?:matanggal|maalis|maaalis|matatanggal|ma ?remove|ma ?unsubscribe|mag ?unsubscribe|mag ?unsub)(?: (?:na|po|ako|kami|number ko))* sa (?:list|listahan|mailing list|text|texts|promo|promos|mga text)(?: (?:nyo|ninyo|niyo|ng (?:text|sms|promo)s?(?: (?:nyo|ninyo|niyo))?))?|(?:para )?(?:hindi|di|d) na(?: (?:po|kayo|nyo|kau))+ (?:mag |mg )?(?:{contactVerb})|(?:para )?(?:kayo|nyo) (?:(?:hindi|di) na (?:{contactVerb})|[a-z]*(?:tigil|hinto|stop)[a-z]*))',
      confidence: 0.85, unless: '(?:[^ ]+ ){0,5}(?:kung (?:gusto|sakali|kailangan)|pero|sakaling)(?![^ ])|(?:[^ ]+ ){0,3}sa (?:app|netflix|newsletter|email|spotify|globe|smart|gcash|iba)(?![^ ])',
    },
    // "sabi po ng lola ko ayaw na niya ng tawag ninyo", "sabi ng tatay ko tigilan nyo na daw ang pagtawag": a household
    // member's refusal passed on, "nyo" naming the caller.
    {
      id: 'kin-says-no-more',
      pattern: 'sabi(?: (?:po|ho|daw))* (?:ng|ni) (?:{kin}) (?:ko|namin)(?: [^ ]+){0,3}? (?:ayaw(?: (?:na|po|ho|daw|raw))* (?:niya|nya|nila)(?: (?:na|nang|po|ng|daw|raw|mga))* (?:{contactNoun}) (?:nyo|ninyo|niyo)|(?:{stop}) (?:nyo|niyo|ninyo)(?: (?:na|po|daw|raw|ho))* (?:(?:ang|yung|ung|sa) )?(?:{contactNoun}))',
      confidence: 0.85, unless: '{relayedButWants}',
    },
    // Taglish: "please lang don't call na po ulit", the particle marking it as said to the caller.
    { id: 'taglish-dont-call', pattern: '(?:dont|do not|wag|pls dont)(?: (?:na|po|nyo))* (?:call|text|message|msg|txt)(?: (?:me|us|ako|kami))?(?: (?:na|po|ulit|again|anymore|na po))+(?=$| ,| (?:please|pls|salamat)(?![^ ]))', confidence: 0.85 },
    // "binabawi ko na ang pahintulot ko", "bawiin ko na yung consent ko"
    { id: 'revoke-consent', pattern: '(?:binabawi|babawiin|bawiin|binawi|ibinabawi|i revoke|irevoke|revoke) ko(?: (?:na|po))*(?: (?:ang|yung|ung))? (?:pahintulot|consent|permiso|permission|pagpayag)', confidence: 0.9 },
  ],
};
