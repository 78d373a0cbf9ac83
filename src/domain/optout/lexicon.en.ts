/**
 * English. Patterns run on normalised text: lower case, no accents, no
 * apostrophes ("don't" → `dont`, "I'm" → `im`), clause marks as ` , `.
 *
 * The rules are built from intent, not sentences: a request to stop
 * ({cease} + a contact gerund or noun), a negated contact verb ("don't call
 * me"), list removal ({removeVerb} + who + off/from + a list), adding to a
 * do-not-call list, unsubscribe/opt out, consent revocation, "leave me alone",
 * "lose my number". Traps are handled by the same few filters everywhere:
 * negation scope, a subject that makes it the consumer's own action
 * ("I'll stop texting you"), and what follows ("stop calling me sir",
 * "don't call me right now").
 */
import { ENGLISH_HOW_TO } from './borrowedEnglish';
import { TAGALOG_ELSEWHERE, TAGALOG_NOT_ASKING } from './taglishAsides';
import { EN_CLASSES } from './lexicon.en.classes';
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const en: Lexicon = {
  lang: 'en',
  script: 'Latin',
  keywords: {
    opt_out: [
      'stop', 'stopall', 'stop all', 'stop it', 'stop this', 'stop that', 'unsubscribe', 'unsubscribe me', 'unsubscribe all', 'unsub',
      'cancel', 'cancel all', 'end', 'quit', 'revoke', 'optout', 'opt out', 'opt me out', 'remove', 'remove me', 'no more', 'stahp', 'stawp', 'stahp it', 'stawp it', 'stp',
      // Plain refusals a text can be on its own: "go away", "I want out".
      'go away', 'i want out', 'want out', 'quit it',
      // "U can stop now", "No texts": the messages answered are what is refused.
      'you can stop', 'u can stop', 'yall can stop', 'rmv', 'rmv me', 'no texts', 'no txts', 'no calls', 'no messages', 'no msgs', 'no texting', 'no calling',
    ],
    // Not a bare 'resume': it re-consents, and a texted "resume" is as often a CV.
    opt_in: ['start', 'unstop', 'yes', 'resume texts', 'start texting me', 'start texts'],
    help: ['help', 'info'],
  },
  voiceKeywords: ['stop', 'stop it', 'stop this', 'stop that', 'stop all', 'unsubscribe', 'opt out', 'stahp', 'stahp it', 'stawp', 'stawp it'],
  clauseKeywords: ['stop', 'stopall', 'stop all', 'stop it', 'stop this', 'unsubscribe', 'optout', 'opt out'],
  softeners: [
    'please', 'pls', 'plz', 'plez', 'pleas', 'now', 'right now', 'already', 'immediately', 'asap', 'for good', 'forever', 'again',
    'thanks', 'thank you', 'thx', 'ty', 'ok', 'okay', 'k', 'no', 'nope', 'nah', 'just', 'hey', 'yeah', 'sorry', 'seriously', 'enough',
    'i said', 'i told you', 'i already said', 'like i said', 'i mean', 'you know', 'look', 'listen', 'man', 'dude', 'sir', 'maam', 'lady', 'bro',
    'no thanks', 'no thank you', 'thanks a lot', 'not interested', 'im not interested', 'i am not interested', 'no longer interested', 'im no longer interested', 'wrong number', 'you have the wrong number',
    'who is this', 'who dis', 'who are you', 'who tf is this', 'who the hell is this', 'who the heck is this', 'who the fuck is this', 'and thanks', 'and thx', 'and ty', 'and thank you', 'goodbye', 'bye', 'like', 'bruh', 'fr', 'for real', 'yo', 'but', 'ugh', 'you need to', 'yall need to', 'u need to', 'you gotta', 'yall gotta',
    'idk who this is', 'idk who you are', 'idk who u are', 'i dont know who you are', 'i dont know who this is',
  ],
  fillers: ['uh', 'uhh', 'uhm', 'um', 'umm', 'er', 'erm', 'ah', 'ahh', 'hmm', 'hm', 'mm', 'mmm'],
  laughter: ['l+o+l+', 'lmf?ao+', 'rofl', '(?:ha){2,}h?', '(?:he){2,}h?', 'xd'],
  delight: [
    'no way', 'youre kidding', 'you re kidding', 'you are kidding', 'are you kidding', 'youre joking', 'amazing', 'awesome', 'best news', 'great news',
    'good news', 'congrats', 'congratulations', 'i won', 'we won', 'wow', 'omg', 'oh my god', 'too kind', 'so sweet', 'blush', 'hilarious', 'so funny',
    'make me cry', 'made my day', 'youre the best', 'you are the best', 'so happy', 'making me laugh', 'make me laugh', 'making me blush',
    'so cute', 'im dead', 'im dying', 'im weak', 'blushing', 'im crying',
  ],
  // Real words within typo reach of a keyword: never read them as the keyword.
  notTypos: ['stoop', 'stoops', 'tops', 'spot', 'post', 'pots', 'opts', 'alot', 'cancer', 'remote', 'subscribe', 'evoke', 'quiet', 'edn', 'hlep'],
  negation: {
    cue: [
      'dont', 'do not', 'didnt', 'did not', 'doesnt', 'does not', 'never', 'not', 'wont', 'will not', 'wouldnt', 'would not',
      'shouldnt', 'should not', 'no need to', 'without', 'dnt', 'doh',
    ],
    bridge: [
      'want', 'wanna', 'wanted', 'need', 'mean', 'meant', 'ask', 'asked', 'asking', 'tell', 'told', 'telling', 'say', 'said', 'saying',
      'you', 'u', 'yall', 'them', 'him', 'her', 'me', 'to', 'ever', 'even', 'really', 'gonna', 'going', 'have', 'has', 'had', 'it',
      'try', 'trying', 'plan', 'planning', 'wish', 'intend', 'i', 'that', 'think', 'be', 'guys',
    ],
    // "why don't you stop calling", "they won't stop calling me", "you guys never stop": a request or a
    // complaint about the business, not a negation. "he"/"she" stay negations: a third party ("he didn't stop calling until I answered").
    exceptAfter: ['why', 'you', 'u', 'yall', 'they', 'people', 'guys', 'it', 'calls', 'phone'],
  },
  classes: EN_CLASSES,
  rules: [
    // "stop calling me", "quit texting", "please stop fucking calling" — but not "I'll stop texting you" or "stop calling me sir".
    { id: 'stop-contacting', pattern: '{cease}(?:(?: {intensifier})? ?{contactGerund}|{contactGerund}(?:me|us))', confidence: 0.95, negatable: true, notAfter: '(?:phone|it|line|cell) (?:wont|will not|doesnt|does not|didnt|cant|never)|(?:he|she)(?: (?:just|finally|already|suddenly|totally|kinda))?|{selfSubject}|{reportedTo}|(?:{reportedTo}) ,|{otherModal}|{wishOthers}|(?:did|have|has|had) (?:you|u|yall|you guys|they|he|she|it)(?: (?:ever|just|already|finally))?|(?:does|do|will|would) (?:it|they|that|this|the (?:calls|system|robot|bot|ai))(?: (?:ever|still|also|just|automatically|really|actually))?', unless: '(?:(?:me|us|him|her|it|them) )?(?:{naming}|{hours})|{secondPerson}|(?:your|ur) [a-z]+|{otherLine}(?: [a-z]+){0,3}{useThisLine}|{retracted}|{ifStopped}|{speakerDisagrees}|{otherChannel}|{butYoureFine}|{acceptedAfter}|(?:(?:{target}) )?{redirectTo}|{peopleAtLarge}|(?:the|my|your|our|his|her) [a-z]+ (?:that|names|stupid|dumb|ugly|fat|crazy|liar|by (?:his|her|their|its) name)(?![^ ])' },
    // "stop sending me messages", "quit sending me these", "quit sending robots to call me"; not "stop sending the invoice to my old email".
    {
      id: 'stop-sending',
      pattern: '{cease}(?: {intensifier})? sendin(?:g)?(?: (?:me|us|this number|my phone))?(?: {det})?(?: (?:{nounMod} )?{contactNoun}| (?:stuff|crap|junk|shit|garbage|things|anything|these|this|them|that|it|those|dis|dat|dem|em)|{end}| (?:{det} )?(?:{agent}|people|reps|agents|salespeople|callers) to {contactVerb})',
      confidence: 0.9, negatable: true, notAfter: '{selfSubject}',
    },
    // "stop the calls", "stop it with the texts", "cancel these texts", "please cease all calls"; not a how-to
    // about spam or robocalls in general ("how do I stop robocalls") — "these robocalls" are the caller's.
    { id: 'stop-the-contact', pattern: `(?:{cease}|cancel|block|end|halt|disable|deactivate)(?!(?<=(?:${ENGLISH_HOW_TO}|(?:a|any|no) way to|ways to|help me|trying to|tips to) [a-z]+)(?= (?:(?:those|the|all|these) )?(?:spam|scam|junk|fake|unknown|random)| (?:robocalls|robo calls|robocallers|telemarketers|telemarketing calls)(?![^ ])))(?: (?:getting|receiving))?(?: it)?(?: (?:with|w))?(?: (?:{det}|my)(?: [a-z]+)?)? (?:{nounMod} )?{contactNoun}(?<!(?:newsletter|newsletters|promo|promotional|marketing|weekly|monthly) (?:emails|e mails))`, confidence: 0.9, negatable: true, notAfter: '{selfSubject}|{reportedTo}|(?:does|will|would|did) (?:[a-z]+ ){1,6}(?:also|even|automatically)|{otherModal}|{mechanism}', unless: 'from (?:going|coming|being sent) to|{whenever}|(?:only )?{hours}|only (?:on|at|in|during|after|before)(?![^ ])|{keepOther}|on (?:my |the |an? )?(?:iphone|android|samsung|pixel|galaxy|phone|cell)(?![^ ])|on (?:my |his |her )?[a-z]+s (?:phone|cell|line|number)(?![^ ])' },
    // "shut these calls off", "turn the texts off"
    { id: 'turn-off-contact', pattern: '(?:turn|shut|switch) off(?: (?:{det}|my)(?: [a-z]+)?)? (?:{nounMod} )?{contactNoun}', confidence: 0.85, negatable: true, notAfter: '{selfSubject}|{mechanism}', unless: '{whenever}|(?:only )?{hours}|only (?:on|at|in|during|after|before)(?![^ ])' },
    { id: 'turn-contact-off', pattern: '(?:turn|shut|switch)(?: (?:{det}|my)(?: [a-z]+)?)? (?:{nounMod} )?{contactNoun} off', confidence: 0.85, negatable: true, notAfter: '{selfSubject}|{mechanism}', unless: '{whenever}|(?:only )?{hours}|only (?:on|at|in|during|after|before)(?![^ ])' },
    // Texting shorthand, a bare verb or noun: "stop txt", "stop msg me", "stop call me". The request must end there.
    { id: 'stop-shorthand', pattern: '{cease} (?:{contactVerb}|{contactNoun})(?: {target})?{end}', confidence: 0.85, negatable: true, notAfter: '{selfSubject}' },
    // A question to the sender on how to stop what it sends: "how do I stop these", "how can I end this".
    { id: 'how-to-stop-these', pattern: '(?:how (?:do|can|could|should|to)(?: (?:i|u|we))?(?: (?:even|ever|actually|just|really))?) (?:stop|end|cancel|block|get rid of)(?: (?:getting|receiving))? (?:these|them|all these|all of these|all this|this)(?: (?:please|pls|plz|now|already))*$', confidence: 0.8, negatable: true },
    // Causative: "how do I make it stop", "make them stop calling".
    { id: 'make-it-stop', pattern: '(?:make|get) (?:it|them|this|these|that|you|u|yall|you guys|you people|(?:{det} )?(?:{nounMod} )?{contactNoun}) (?:to )?stop(?:{end}| {contactGerund})', confidence: 0.8, negatable: true },
    // "I want these texts to stop", "I need the calls to end"
    { id: 'want-contact-to-stop', pattern: '(?:want|wants|need|needs|wanna|would like|like) (?:{det} )?(?:{nounMod} )?{contactNoun} to (?:stop|end|cease)', confidence: 0.85, negatable: true, unless: '{notTheContact}|{speakerDisagrees}' },
    // "these calls need to stop", "the texts have to end"
    { id: 'contact-must-stop', pattern: '(?:{det} )?(?:{nounMod} )?{contactNoun}(?:(?: [a-z]+| ,){1,6}? (?:and )?(?:they|it))? (?:need to|needs to|have to|has to|gotta|must|got to|better) (?:stop|end|cease)(?={end}|$)', confidence: 0.85, negatable: true },
    // Speech recognition writes "stop" as "stopped": "can you please stopped calling me".
    { id: 'please-stopped', pattern: '(?:please|pls|plz|can you|could you|would you|need to|just|gotta) stopped {contactGerund}', confidence: 0.8 },
    // "I keep getting calls from you guys and I want them to stop": the calls named just before.
    {
      id: 'want-them-to-stop',
      pattern: '(?:want|need|wanna|(?:would |really |just )?like) (?:them|it|this|that) to (?:stop|end|cease)(?<=(?:{contactNoun}|{contactGerund}|call|calls|text|texts|message|ring)(?: [a-z]+| ,){1,16})(?={end}|$)',
      confidence: 0.8, negatable: true,
    },
    // "If you text me again I'm reporting this number": a warning is a request.
    // A threat is a request: "next time you call me I'm calling the police".
    {
      id: 'next-time-you-contact',
      pattern: '(?:the )?next time (?:you|u|yall|you guys|you people|anyone|your company) (?:{contactVerb}|send)(?: (?:me|us|here|this number|my phone))?(?: again)?(?: ,)? (?:im|i am|ill|i will|we will|well|were|we are)(?: (?:gonna|going to|just))? (?:call(?:ing)?|report(?:ing)?|sue|suing|block(?:ing)?|fil(?:e|ing)|get(?:ting)? (?:a )?lawyer)',
      confidence: 0.8,
    },
    { id: 'if-you-contact-again', pattern: 'if (?:you|u|yall|you guys|you people|anyone) (?:keep {contactGerund}|(?:{contactVerb}|send)(?: (?:me|us|this number|here|my phone))? (?:one more time|again|ever again|anymore|any more))', confidence: 0.8, unless: '{deferral}' },
    // "cancel my subscription" (these messages) — but "…my subscription to the newspaper" is a product.
    {
      id: 'cancel-subscription',
      pattern: '(?:{cease}|cancel|end) (?:(?:my|the|this|your|our|ur) )?subscription',
      confidence: 0.8, negatable: true, notAfter: '{selfSubject}',
      unless: '(?:to|for|with|of|at|on)(?! (?:{det} )?(?:(?:{nounMod} )?{contactNoun}|{listNoun}|text|sms|message|alert)(?![^ ]))|(?:box|boxes|plan|service|order|delivery|deliveries|membership|package)(?![^ ])',
    },
    // "don't call me again", "never text me again", "do not call this number"; not "don't call me right now", "they never call me back".
    {
      id: 'dont-contact',
      pattern: '{neverContact} (?:{contactVerb}|be {contactGerund})(?:(?: ,)? (?:or|and|nor|n|{neverContact}) (?:{contactVerb}|nothing|nothin|nuthin|anything))*(?: {target}(?! (?!(?:{notAName})(?![^ ]))[a-z]+(?:$| ,| (?:lol|haha|lmao|call me|its|my name)(?![^ ])))(?: (?:{again}|back|by (?:phone|text|email|mail|any means)(?: (?:or|and) (?:phone|text|email|mail))*))?| {again}| back(?: (?:ever|{again}))?| (?:this|it|that|here|him|her|them) {again}| (?:it|this|here)(?=$| ,)| (?:on|at) this (?:number|phone|line)(?: {again})?(?={end}|$)|(?=$))(?!(?<= (?:{family}|him|her|them))(?: [a-z]+| ,){0,8}? (?:call|text|contact|reach|message|email) (?:me|us)(?![^ ]))',
      // Not "call me back, don't text" (another way to reach them), "don't call me sir", "don't call back, I figured it out".
      confidence: 0.95, notAfter: '{thirdSubject}|why|how come|(?:call|text|email|message)(?: (?:me|us))?(?: (?:back|instead|later|tomorrow|tonight|anytime|(?:after|at|before) [a-z0-9]+))*(?: ,)?', unless: '(?:back )?{deferral}|{title}|{solved}|{otherChannel}|{atOtherPlace}|(?:(?:{target}) )?{redirectTo}|{oneThing}',
    },
    // Texting and Caribbean English: "dnt txt me", "doh call me again" (a rule of their own: three-letter
    // words would weaken the literal test that decides when "dont-contact" runs).
    { id: 'dont-contact-short', pattern: '(?:dnt|doh) {contactVerb}(?: {target})?(?: back)?(?: {again})?(?: (?:nah|na|no))?(?: (?:yuh|you|ya|yah|u) hear(?: me)?)?(?={end}|$)', confidence: 0.9, notAfter: '{thirdSubject}|why|how come' },
    // "don't send me any more texts"
    {
      id: 'dont-send',
      pattern: '{neverContact} send(?: (?:me|us|this number))?(?:(?: (?:any|anymore|any more|more|these|those|your|no|this|that|the))* (?:(?:{nounMod} )?{contactNoun}|stuff|crap|junk|anything|things)| (?:anymore|any more|more) of (?:these|those|them|this|that)(?={end}|$))',
      confidence: 0.9, notAfter: '{thirdSubject}',
    },
    // "I don't want any more calls", "I no longer wish to receive these messages"
    {
      id: 'dont-want-contact',
      pattern: '{dontWant}(?: to)?(?: (?:receive|get|have|be getting|keep getting|keep receiving|continue receiving|continue to receive|be receiving))?(?: (?:{det}|any more|more|anymore))? (?:{nounMod} )?{contactNoun}',
      // Not "I don't want the calls to go to voicemail" (where they go), nor "… but keep the billing texts".
      confidence: 0.9, unless: '{keepOther}|{butYoureFine}|to (?:go|ring|show up|come (?:in|from|to)|be (?:sent|forwarded|going)|forward|roll)(?![^ ])|{onlySome}',
    },
    // "I'd prefer not to get these texts", "I would rather not receive calls" (a rule of its own: in {dontWant}
    // it would drop the negation words from the literals that decide when those rules run).
    { id: 'prefer-not-to-receive', pattern: '(?:prefer|rather|(?:would|d) (?:like|love)) (?:not|to not)(?: to)?(?: (?:receive|get|have|be getting|keep getting|keep receiving))?(?: (?:{det}|any more|more|anymore))? (?:{nounMod} )?{contactNoun}', confidence: 0.85, unless: '{keepOther}' },
    // "I don't want any more of these": the messages being answered.
    { id: 'dont-want-more-of-these', pattern: '{dontWant}(?: to (?:get|receive))? (?:any ?more|more) of (?:these|those|them|this)(?={end}|$)', confidence: 0.85 },
    // "no longer contact me", "please no longer call this number"
    { id: 'no-longer-contact', pattern: 'no longer {contactVerb} {target}', confidence: 0.85, notAfter: '{thirdSubject}|why|how come', unless: '{deferral}' },
    // "I don't want to receive anything else" — only with receive: "I don't want anything" refuses an offer.
    { id: 'dont-want-to-receive-anything', pattern: '{dontWant} to (?:receive|keep receiving|be receiving) (?:anything|any thing|nothing)(?: (?:else|more|from you))?', confidence: 0.85 },
    // "I don't want you calling me anymore", "I don't want to be called again"
    // Not when another line or hour is named at once: "I don't want your ai to call my landline, call my cell".
    { id: 'dont-want-you-contacting', pattern: '{dontWant} (?:you|u|yall|you guys|you people|anyone|anybody|nobody|no one|noone|somebody|someone|them|your company|your people|(?:(?:your|ur|no|any|a|an|the|some|that|this|these|those) )?(?:{agent}))(?: (?:from|at|with) (?:your|ur|this|that|the) [a-z]+)?(?: to)?(?: (?:keep|ever))? (?:{contactVerb}|{contactGerund})(?: {target})?', confidence: 0.9, unless: '(?:back )?{deferral}|{atOtherPlace}|(?:(?:the|my|our|his|her) )?(?:(?:[a-z]+ )?(?:phone|line|number|landline|cell|house|office|work|mobile)(?: (?:phone|line|number))? )?{redirectTo}' },
    // "don't let your machine call me anymore", "please don't have your computer call me again", "quit having your robot dial me"
    {
      id: 'dont-let-contact',
      pattern: '(?:{neverContact} (?:let|allow|have|make)|{cease} (?:having|letting|making)) (?:you|u|yall|you guys|you people|them|anyone|anybody|(?:(?:your|ur|the|that|this|these|those|any) (?:[a-z]+ )?)?(?:{agent})|(?:your|ur|the|that|this|these|those|any) (?:[a-z]+ )?(?:company|people|team|office|guys|agents?|reps?|representatives?|callers?)) (?:{contactVerb}|{contactGerund})(?: {target})?(?: (?:{again}|back))?(?={end}|$)',
      confidence: 0.85, notAfter: '{thirdSubject}|why|how come', unless: '(?:back )?{deferral}|{title}|{solved}|{otherChannel}|{atOtherPlace}|(?:(?:{target}) )?{redirectTo}|{oneThing}',
    },
    { id: 'dont-want-to-be-contacted', pattern: '{dontWant} to be {contactPassive}', confidence: 0.9, unless: '{onlySome}|{namedAs}' },
    // "I'd prefer not to be called", "I don't wanna get called no more", "to no longer be contacted"
    { id: 'not-to-be-contacted', pattern: '(?:(?:prefer|rather|like|love) (?:to )?not(?: to)? be|no longer be|{dontWant}(?: to)? (?:get|keep getting|keep being)) {contactPassive}', confidence: 0.85, unless: '{namedAs}' },
    // "no robocalls ever again", "no calls from you anymore"; not "why do I get no texts anymore".
    {
      id: 'no-contact-again',
      pattern: 'no (?:{nounMod} )?(?:{contactNoun}|call|text)(?: (?:from (?:you|u|yall|you guys|your [a-z]+)|to (?:this number|me|my phone|here)))? (?:ever again|again|anymore|any more|from now on|going forward|henceforth)',
      confidence: 0.85, notAfter: '(?:there|theres|have|has|had|got|get|getting|gets|receive|received|receiving|see|saw|why|because|cause|since|was|were|is|are|with|and)', unless: '{keepOther}',
    },
    // "no more texts", "enough with the calls"; not "there are no more messages"
    { id: 'no-more-contact', pattern: '(?:no(?: ,)? more(?: ,)?|nomore|no further|enough (?:with|w)|enough of|enough|(?:done|through|finished) (?:with|w)) (?:{det} )?(?:{nounMod} )?(?:{contactNoun}|call|text)(?![^ ])', confidence: 0.85, notAfter: '(?:there are|there is|theres|have|has|had|got|get|i have|you have|received|see|saw)', unless: '{keepOther}|(?:today|tonight|this week|for now|right now|until|lens|lenses|info|information|details|form|number|page|person|list|card|left|available|remaining|in stock)' },
    // "take me off your list", "remove my number from your system", "please opt me out of these texts"
    { id: 'list-removal', pattern: '(?:take|tak|remove|remov|rmv|delete|drop|get|scratch|cross|erase|wipe|pull|strike|unsubscribe|unenroll|unregister|opt|purge|exclude|kick|knock|cut|clear|block|ban|count)(?: (?:{who}|this|it))? (?:(?:off|out) )?{offFrom} {listy}', confidence: 0.95, negatable: true, notAfter: '{reportedTo}|{whatItDoes}', unless: '{listAsModifier}|{keepOther}|{speakerDisagrees}|{whenever}|(?:that )?(?:my|his|her|their|a) [a-z]+ (?:made|started|created|set up)(?![^ ])|(?:[a-z]+ ){0,4}?(?:he|she|they|who) (?:doesnt|does not|dont|do not|no longer) (?:live|lives|stay|stays) (?:here|there|with (?:me|us))(?![^ ])' },
    // "remove me", "delete my number", "take me off" — the request ends there; not "take me off hold".
    { id: 'list-removal-bare', pattern: '(?:remove|delete|erase|purge|unsubscribe|unenroll|unlist|delist|deregister|unregister|wipe|cancel) {who}(?: (?:from|off|of|out of) {smallObject})?{end}', confidence: 0.85, negatable: true },
    { id: 'take-me-off', pattern: '(?:take|tak|get|opt|scratch|cross|kick|knock) {who} (?:off|out)(?: (?:from|of) {smallObject})?{end}', confidence: 0.85, negatable: true },
    // "I want to be removed", "I asked to be taken off your list", "I want my number removed"
    {
      id: 'be-removed',
      pattern: '(?:(?:be|been|being|get|got|getting) (?:taken|removed|deleted|dropped|unsubscribed|scratched|crossed|wiped|erased|purged|opted)|(?:want|need|get|have|like|wanna) (?:{who}|my name and (?:phone )?number|my number and name) (?:removed|deleted|taken|erased|scratched|crossed))(?: (?:off|out))?(?: {offFrom} {listy}|{end}| (?:last|before|already|yesterday|twice|several|many|multiple|a (?:week|month|year|few)))',
      confidence: 0.9, negatable: true, notAfter: 'if (?:i|we)(?: [a-z]+){0,3}|(?:did|was|were|have|has) (?:i|we|my number)(?: (?:just|already|ever))?',
    },
    // "I want off this list", "how do I get off this list"
    // "I don't want to be on your list"
    { id: 'dont-want-on-list', pattern: '{dontWant} to be (?:on|in) (?:(?:the|your|ur|this|that|any|a) )?(?:{listNoun}|{dncList})', confidence: 0.85 },
    { id: 'get-off-list', pattern: '(?:(?:want|wanna|get|need) {who}|want|wants|wanna|get|getting|need|needs|be|stay) (?:off|out of|outta|off of) {listy}', confidence: 0.9, negatable: true },
    // "put me on your do not call list"; "put me on the waiting list" is not a DNC list
    { id: 'add-to-dnc', pattern: '(?:put|add|added|place|placed|register|registered|enter|entered|include|included|list|listed|sign|stick|throw|keep) (?:{who} )?(?:on|onto|to|in|into|up for|with|down as|down for|as) (?:(?:the|your|a|that|this|ur|their) )?{dncList}', confidence: 0.95, negatable: true, unless: '(?:thing|feature|setting|mode|function|option|button)(?![^ ])|on (?:my|the) (?:phone|iphone|android|cell)(?![^ ])' },
    { id: 'on-dnc', pattern: '(?:im|i am|we are|were|number is|registered|listed|signed up|ive been|i have been|been)(?: already)?(?: (?:registered|listed|signed up))? (?:on|with|in|for) (?:(?:the|your|a|that|this|ur|their) )?{dncList}', confidence: 0.9, unless: '{butYoureFine}|(?:at|for) (?:my|the|our) (?:old|other|previous|last|work|business|office) [a-z]+|for (?:[a-z]+ )?(?:companies|telemarketers|marketers|salespeople|sales calls|robocalls|solicitors)(?![^ ])|(?:[a-z]+ ){0,2}(?:does|so|but) (?:that|it|this) (?:mean|means)(?![^ ])|(?:thing|feature|setting|mode|function|option|button)(?![^ ])' },
    // "I want to unsubscribe", "how do I opt out", "I already unsubscribed"
    {
      id: 'unsubscribe',
      // Speech recognition splits "unsubscribe me" into "on subscribe me".
      pattern: '(?:unsubscribe|unsubscribed|(?<!(?:does|will|would|did|is|doesnt) )(?:unsubscribing|opting out)|unsub|unsuscribe|unsubcribe|unsubscibe|opt out|opted out|optout|opt me out|opt us out|opt myself out|on subscribe(?= (?:me|us|my|this)(?![^ ])))',
      confidence: 0.9, negatable: true,
      // Not someone else's ("my friend unsubscribed and still got texts"), not the mechanism described ("reply stop to opt out"),
      // not a right stated ("he said I could unsubscribe anytime"); nor, in Taglish, negated ("hindi ako nag-unsubscribe",
      // "wag nyo po akong i-unsubscribe") or passed on with daw ("i-unsubscribe ko daw", someone else's advice).
      notAfter: `{reportedTo}|accidentally|mistakenly|did i get|did i|was i|have i been|got|what (?:does|is|do)|whats|how does|(?:if|when|once) (?:i|we)|{mechanism}|click(?:ed)?(?: on)?|(?:thought|thinking|think) about|consider(?:ed|ing)?|almost|nearly|(?:was|were) (?:going to|gonna|about to)|tempted to|(?:i|we) (?:can|could|may|might|am able to|will be able to)|(?:he|she|they|my [a-z]+|(?:a|my|his|her) friend|[a-z]+ and i)(?: (?:already|also|just|finally))?|(?:hindi|di|wag|huwag)(?: (?:po|ako|kami|nyo|ninyo|mo|akong|kaming|pa|na))*(?: (?:nag|mag|i|pa))?|${TAGALOG_NOT_ASKING}`,
      unless: `{answeredNo}|(?:(?:ko|ako|mo|ka) )?daw(?![^ ])|(?:mean|means)(?![^ ])|(?:(?:me|us|her|him|them) )?(?:by (?:accident|mistake|error)|on accident|accidentally)|(?:(?:me|us|him|her|them) )?(?:(?:from|to|of|sa) )?(?:(?:just|only) )?(?:(?:the|your|ur|my|his|her|their|all|these|those|all the|all your) )?(?:(?:promo|promotional|marketing|weekly|daily|monthly|sales) )?(?:emails?|e mails?|email address|newsletters?|mailings?|mailing list|magazine|paper (?:bills?|statements?|mail|copies|billing)|push notifications|app notifications)|{keepOther}|{whenever}|{notContactPart}|{asModifier}|(?:is|was) (?:what|the (?:word|button|link|option))|from (?:the|that|another|a) (?:other|different) (?:company|companies|one|place|store|bank|guys)|from (?:them|another company)|(?:from (?:the|my|that) [a-z]+(?: [a-z]+)? )?(?:but )?not (?:from )?(?:you|u|yall|you guys|your (?:texts|calls|company))(?![^ ])|(?:[a-z]+ ){1,5}not (?:mine|me|this (?:one|number|phone))(?![^ ])|${TAGALOG_ELSEWHERE}`,
    },
    // A warning that further contact is unwelcome is a request: "any further texts to this number will be considered harassment".
    { id: 'further-contact-warned', pattern: '(?:any|all) (?:further|more|future|additional|other) (?:{nounMod} )?{contactNoun}(?: (?:to|at|on) (?:this (?:number|phone|line)|me|my (?:phone|number|cell)))? (?:will|shall|would) (?:be (?:considered|treated|reported|deemed|regarded|seen)|result in|lead to)', confidence: 0.85 },
    // A household member's request passed on to the caller, about this line: "my husband says quit calling here",
    // "my wife wants y'all to stop calling the house" (not "my husband said to stop calling him": his own calls).
    {
      id: 'household-relays',
      pattern: '{family} (?:says|said|wants|wanted|asks|asked|told me to (?:tell|ask) (?:you|u|yall))(?: (?:you|u|yall|you guys|you people))?(?: (?:to|need to|gotta|should))? {cease} {contactGerund} (?:here|this number|this phone|this line|the house|this house|our house|the landline|us|me)(?={end}|$| (?:she|he|they|shes|hes|theyre|she is|he is)(?![^ ]))',
      confidence: 0.85,
    },
    // The same for list removal: "my wife says take us off your list", "my dad wants you to put him on the do not call list".
    {
      id: 'household-relays-list',
      pattern: '{family} (?:says|said|wants|wanted|asks|asked|told me to (?:tell|ask) (?:you|u|yall))(?: (?:you|u|yall|you guys|you people))?(?: (?:to|need to|gotta|should))? (?:take|remove|delete|drop|get|put) (?:us|our (?:number|names?)|this number|our phone|me|him|her|them|{family}) (?:(?:off|out) )?(?:{offFrom} {listy}|(?:on|onto) (?:(?:the|your|a|ur) )?{dncList})',
      confidence: 0.85, unless: '{speakerDisagrees}',
    },
    // "requesting removal from your list"
    { id: 'removal-from-list', pattern: 'removal(?: of (?:{who}))? from {listy}', confidence: 0.85, negatable: true, notAfter: '{reportedTo}' },
    // "stop or I'm blocking you": the keyword with a threat.
    { id: 'stop-or-else', pattern: '^(?:(?:please|pls|plz) )?(?:stop|quit)(?: (?:{contactGerund}|sending)(?: (?:me|us))?)? (?:or|before) (?:im|i am|ill|i will|imma)(?: (?:gonna|going to))? (?:block|report|sue|call)(?:ing)?', confidence: 0.85 },
    // "I need you to stop", "I'm asking y'all to quit": the whole request, nothing after it.
    { id: 'need-you-to-stop', pattern: '(?:need|want|asking|ask|asked|told|telling) (?:you|u|yall|you guys|you people) to (?:stop|quit|cease)(?: (?:now|already|please|pls|plz|asap|immediately|right now|for real|fr|ok|okay))*$', confidence: 0.8, negatable: true, notAfter: '{reportedTo}' },
    // "nobody at this number wants your calls", "ain't nobody here want no calls from y'all"
    { id: 'nobody-here-wants', pattern: '(?:nobody|no one|noone)(?: (?:here|in here|at this (?:number|house|address|phone)|in this (?:house|household)))+ (?:wants?|needs?) (?:(?:{det}|no|any|yall|ya|you guys|you people) )?(?:{nounMod} )?{contactNoun}', confidence: 0.85 },
    // "… but I want off", "I want out already": off whatever the caller has them on.
    { id: 'want-off', pattern: '(?:i|we|just) (?:want|wanna|need|would like) (?:off|out)(?: (?:now|please|pls|already|asap))*$', confidence: 0.8, negatable: true, notAfter: '{reportedTo}' },
    // "I revoke my consent", "I do not consent to these messages", "you don't have my permission to call me"
    { id: 'revoke-consent', pattern: '(?:revoke|revoking|withdraw|withdrawing|rescind|cancel|take back|retract)(?: (?:all|any))?(?: (?:my|our|the|any|all|of my))? (?:consent|permission|authorization|authorisation)', confidence: 0.95, negatable: true, unless: '{moneyOrRecords}' },
    { id: 'no-consent', pattern: '(?:(?:do not|dont|did not|didnt|no longer|never) (?:authori[sz]e|approve)(?= (?:(?:{det}|any|more|further|future|these|you|your|this|automated|artificial|robot|robo|ai|recorded) ){0,3}(?:{contactNoun}|{contactGerund}|(?:{agent}|you|u|yall|anyone) to {contactVerb})(?![^ ]))|(?:am not|im not|are not|arent|will not be|wont be) (?:giving|granting) (?:you )?(?:my |any )?(?:consent|permission)|(?:do not|dont|did not|didnt|no longer|never) (?:consent|agree to (?:{det} )?(?:{contactNoun}|being)|gave (?:you )?(?:my |any )?(?:consent|permission)|give (?:you )?(?:my |any )?(?:consent|permission)|have my (?:consent|permission)))', confidence: 0.9, unless: '{consentToOther}' },
    // "cease and desist", the legal demand to stop
    { id: 'cease-and-desist', pattern: 'cease and desist', confidence: 0.9, negatable: true },
    // "leave me alone"; not "leave me alone for a minute"
    { id: 'leave-me-alone', pattern: 'leave (?:me|us|this number|my number|my phone|this phone|{family})(?:(?: the (?:hell|heck|fuck|f)| tf)? alone| be(?={end}|$))', confidence: 0.85, negatable: true, notAfter: '{reportedTo}', unless: 'for (?:a |one |just a |like )?(?:(?:few|couple|two|three|five|ten|fifteen|twenty|[0-9]+) )?(?:sec|secs|second|seconds|minute|minutes|min|mins|moment|bit|while|hour|hours)|(?:while|until|till|til|so i can)(?![^ ])|to (?:my|his|her|the) [a-z]+|with (?:the|my|this|that|these|those|it|them|a)(?! (?:(?:{det}|damn) )?(?:{nounMod} )?{contactNoun}(?![^ ]))|(?:[a-z]+ ){0,4}not (?:you|u|yall|to you)(?![^ ])|{roomAside}' },
    // "lose my number", "delete my information"; not "remove my number from my account"
    {
      id: 'lose-my-number',
      pattern: '(?:lose|delete|erase|forget|burn|toss|trash|wipe|throw away|throw out|get rid of|shred|forget (?:you ever had|you have|about)) (?:my|this|our) (?:(?:phone|cell|cell phone|mobile|home|contact) )?(?:number|digits|info|information|contact|details|data)',
      confidence: 0.9, negatable: true, notAfter: '{reportedTo}', unless: '(?:from|off|on|in) (?:my|the|our) (?:account|profile|file|policy|card|application|form|order|bill)|{answeredNo}',
    },
    // "can you not call me anymore", "I need you to not call this number"
    {
      id: 'ask-not-to-contact',
      pattern: '(?:(?:can|could|would|will) (?:you|u|yall|you guys)(?: (?:please|just|maybe|kindly))? not|(?:ask|asking|request|requesting) that (?:you|u|yall|you guys|your company)(?: (?:please|kindly))? (?:not|never|no longer)|(?:need|want|ask|asked|asking|like|told|tell|telling|begged|begging) (?:you|u|yall|you guys|you people|your company)(?: (?:already|before|twice|yesterday|(?:last|this) (?:week|month|year|time)|(?:[a-z]+ )?times))? (?:to not|not to|never to)) {contactVerb}(?: {target})?(?: (?:again|anymore|any more|ever again|no more))?(?={end}|$)',
      confidence: 0.85, unless: '(?:back )?{deferral}',
    },
    // "please refrain from calling or texting this number"
    { id: 'refrain-from', pattern: '(?:refrain|abstain|desist) from {contactGerund}', confidence: 0.85, negatable: true },
    // "you're not allowed to call this number"
    { id: 'not-allowed', pattern: '(?:youre|you are|your|ur|you|yall|yall are|you guys are) (?:not|no longer) (?:allowed|permitted|authorized|authorised) to {contactVerb}', confidence: 0.85 },
    // "you've called me six times today, knock it off": the calls named just before.
    {
      id: 'knock-it-off',
      pattern: '(?:knock it off|cut it out|give it a rest)(?: (?:already|please|now))?(?<=(?:{contactNoun}|{contactGerund}|{contactPassive}|call|calls|text|texts)(?: [a-z]+| ,){1,16})$',
      confidence: 0.8,
    },
    // "cut it out with the texts", "knock it off with the spam"
    { id: 'cut-it-out-with', pattern: '(?:(?:cut (?:it|that) out|knock (?:it|that) off|give it a rest|quit it|cool it|lay off|chill(?: out)?|ease up|let up|back off)(?: already)? (?:with|w|on)|lay off) (?:{det} )?(?:{nounMod} )?{contactNoun}', confidence: 0.85 },
    // "I don't want to hear from you again", "never want to hear from your company"
    { id: 'dont-want-to-hear-from', pattern: '{dontWant} to (?:ever )?hear from (?:you|u|yall|you guys|you people|your company|this company|anyone|(?:(?:your|ur|this|that|the|any|a|an) )?(?:{agent}))', confidence: 0.85 },
    // "I'd appreciate it if you stopped calling", "it would be great if you didn't text me"
    { id: 'polite-if', pattern: '(?:appreciate it|be (?:great|nice|better)|prefer(?: it)?|rather) if (?:you|u|yall|you guys|your company) (?:would |could )?(?:(?:stopped|stop|quit|ceased) {contactGerund}|(?:didnt|did not|wouldnt|would not|never) {contactVerb})', confidence: 0.85 },
    // "I'd rather you didn't call again"
    { id: 'rather-you-didnt', pattern: 'rather (?:you|u|yall|you guys|your company) (?:didnt|did not|wouldnt|would not|never) {contactVerb}(?: {target})?(?: {again})?(?={end}|$)', confidence: 0.85 },
    // "don't bother calling back"
    { id: 'dont-bother-contacting', pattern: '(?:dont|do not|please dont|never) bother (?:{contactGerund}|trying)', confidence: 0.85, notAfter: '{thirdSubject}', unless: '(?:(?:me|us) )?(?:back )?{deferral}' },
    // "Who gave you my number? Delete it." — the number named just before.
    {
      id: 'lose-it',
      // "Wrong number, please remove it": the number is this one.
      pattern: '(?:delete|lose|erase|forget|burn|toss|trash|shred|remove) (?:it|that)(?<=(?:(?:my|this|our) (?:(?:phone|cell|cell phone) )?|wrong )number(?: [a-z]+| ,){2,10})',
      confidence: 0.85, negatable: true, unless: '(?:from|off|on|in) (?:my|the|our) (?:account|profile|file|policy|card|application|form|order|bill)',
    },
    // "Consent revoked.", "permission withdrawn"
    { id: 'consent-revoked', pattern: '(?:consent|permission|authorization|authorisation) (?:is |has been |hereby |now )?(?:revoked|withdrawn|rescinded|cancelled|canceled)', confidence: 0.9, negatable: true },
    // "How many times do I have to say STOP": the keyword, asked for again.
    {
      id: 'how-many-times-say-stop',
      pattern: 'how many (?:more )?times (?:do|must|should|will|did|have) (?:i|we)(?: (?:have to|got to|gotta|need to|to))? (?:say|tell (?:you|u|yall)(?: people| guys)?|ask(?: (?:you|u|yall))?|text|type|reply|write|send)(?: (?:to|you))? (?:stop|quit|end|unsubscribe|cancel|remove me)(?![^ ])',
      confidence: 0.85,
    },
    // A consumer's "… stop" at the very end of what they said, after a clause that can end a complaint:
    // "why do you keep calling me stop", "this is the fifth time please stop". An allow-list, because the
    // words that make "stop" a noun ("the nearest stop", "a quick stop") are an open class.
    {
      id: 'final-stop',
      pattern: '(?<=(?:^| ){complaintEnd} )stop(?: (?:please|now|it|already|right now|immediately|ok|okay|thanks|thank you))*$',
      // Not a question about the messages: "why did the texts stop?"
      confidence: 0.8, negatable: true,
      notAfter: '(?:why|when|how come)(?: (?:did|do|does|will|would|have|has|is|are))? (?:the|these|those|my|your|ur)(?: [a-z]+)? (?:texts|calls|messages|msgs|reminders|alerts|notifications)',
    },
  ],
};
