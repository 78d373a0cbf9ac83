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
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const tl: Lexicon = {
  lang: 'tl',
  script: 'Latin',
  keywords: {
    opt_out: ['tigil', 'itigil', 'hinto', 'ihinto', 'tama na', 'tigil na', 'unsub', 'ayoko na', 'tigilan nyo na', 'tigilan mo na', 'ayaw ko na', 'tumigil', 'alis', 'tanggal', 'paalis', 'unreg', 'unregister'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: ['tigil', 'tama na', 'tigil na'],
  clauseKeywords: ['tigil', 'itigil'],
  softeners: ['na', 'po', 'na po', 'ho', 'salamat', 'salamat po', 'sige', 'sige po', 'lang', 'naman', 'please', 'pls', 'ok', 'talaga', 'nga', 'ha', 'kuya', 'ate', 'sir', 'maam'],
  fillers: ['ahh', 'ehh'],
  laughter: ['(?:ha){2,}', '(?:he){2,}', 'hahaha'],
  notTypos: ['tigas', 'hindi'],
  negation: {
    cue: ['hindi', 'di', 'wag', 'huwag', 'ayaw', 'ayoko'],
    bridge: ['ko', 'ako', 'mo', 'nyo', 'na', 'po', 'gusto', 'gustong', 'kong', 'sabi', 'naman', 'ba'],
    exceptAfter: ['bakit', 'ba t'],
  },
  classes: {
    dont: ['huwag', 'wag', 'hwag', 'h wag', 'wg', 'huag', 'huwg'],
    // Enclitics and pronouns that may sit between the prohibitive and the verb.
    particle: [
      'mo', 'nyo', 'niyo', 'ninyo', 'kayo', 'kayong', 'ka', 'kang', 'na', 'nang', 'po', 'ho', 'ako', 'akong', 'ko', 'ko na', 'kong', 'kami', 'kaming',
      'ulit', 'muli', 'nga', 'please', 'pls', 'naman', 'sa', 'akin', 'amin', 'i', 'mag', 'na ako', 'kahit kailan', 'na kayo', 'ng', 'ang', 'kahit',
    ],
    contactVerb: [
      'text', 'txt', 'itext', 'mag text', 'magtext', 'tawag', 'tawagan', 'tumawag', 'tatawag', 'tawagin', 'magpadala', 'padalhan', 'istorbohin',
      'istorbo', 'guluhin', 'gambalain', 'kontakin', 'kontak', 'kulitin', 'message', 'imessage', 'mag message', 'mensahe', 'call', 'i call', 'tumext',
      'magtxt', 'sms', 'magsend', 'mag send', 'send', 'padala', 'ipadala', 'abalahin',
    ],
    contactNoun: [
      'text', 'texts', 'txt', 'tawag', 'mensahe', 'promo', 'promos', 'sms', 'message', 'messages', 'pagtawag', 'pag tawag', 'pagtext', 'pag text',
      'pagte text', 'pagpapadala', 'pagme message', 'pag message', 'pangungulit', 'pang iistorbo', 'pang gugulo', 'pag tetext', 'tawagan', 'call',
      'calls', 'ads', 'advertisement',
    ],
    who: ['ako', 'kami', 'number ko', 'numero ko', 'pangalan ko', 'contact ko', 'number namin', 'numero namin'],
  },
  rules: [
    // "huwag mo na akong tawagan", "wag na kayong mag-text sa akin", "wag nyo na ulit tawagan ang number na to"
    { id: 'dont-contact', pattern: '{dont}(?: {particle}){0,6} {contactVerb}', confidence: 0.9 },
    // "tigilan nyo na ako", "pakitigil na ang pagtawag", "itigil nyo na po ang pagpapadala ng mensahe"
    {
      id: 'stop-contacting',
      pattern: '(?:tigilan|itigil|tigil|ihinto|hinto|pakitigil|paki tigil|pakihinto|tumigil|stop)(?: (?:mo|nyo|niyo|ninyo|na|po|ho|kayo|nga|naman))*(?: (?:ang|sa|na|ng|yung|nyo))* (?:{contactNoun})',
      confidence: 0.9, negatable: true,
    },
    { id: 'leave-me-alone', pattern: 'tigilan (?:mo|nyo|niyo|ninyo)(?: (?:na|po|ho|nga))* (?:ako|kami)', confidence: 0.85, negatable: true },
    // "tama na ang pagtawag nyo", "tama na ang text nyo"
    { id: 'enough', pattern: '(?:tama na|tama na po|sobra na|sawa na ako sa|ayoko na sa|ayoko na ng|ayaw ko na ng|ayaw ko na sa)(?: (?:ang|sa|ng|mga|yung))* (?:{contactNoun})', confidence: 0.85 },
    // "ayoko nang makatanggap ng mga text nyo", "hindi ko na gustong makatanggap ng tawag"
    {
      id: 'dont-want-contact',
      pattern: '(?:ayoko|ayaw ko|ayaw namin|ayaw na namin|hindi ko(?: na)? gusto(?:ng)?|di ko(?: na)? gusto(?:ng)?|hindi na namin gusto(?:ng)?)(?: (?:na|nang|ng|po|pa|mga|sa|na ng))* (?:(?:makatanggap|matawagan|tumanggap|makareceive|maka receive|tanggapin|makakuha)(?: (?:ng|pa ng|ng mga|mga|sa|na))* )?(?:{contactNoun})',
      confidence: 0.9,
    },
    // "alisin nyo na ako sa listahan", "burahin nyo na ang number ko"
    {
      id: 'remove-me',
      pattern: '(?:alisin|tanggalin|burahin|i alis|ialis|paki alis|pakialis|pakitanggal|paki tanggal|pakibura|paki bura|tanggal|i delete|idelete|delete|i remove|iremove)(?: (?:mo|nyo|niyo|ninyo|na|po|ho|nga|naman|ang|yung))* (?:{who})',
      confidence: 0.9, negatable: true,
    },
    // "ilagay nyo ako sa do not call list"
    { id: 'do-not-call', pattern: '(?:ilagay|isama|idagdag)(?: (?:mo|nyo|niyo|ninyo|na|po|ho))* (?:ako|kami|number ko)(?: po)? sa (?:do not call|dnc|no call)', confidence: 0.9 },
  ],
};
