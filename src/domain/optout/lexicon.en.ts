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
  classes: {
    cease: [
      'sto+p+', 'stp', 'stahp', 'sta+w+p+', 'quit', 'cease', 'discontinue',
      // Speech recognition hears "quit calling me" as "quick calling me".
      'quick(?= (?:cal+|tex+t|txt|messag|ring)in(?:g)? (?:me|us|here|this|my)(?![^ ]))',
    ],
    intensifier: ['fucking', 'freaking', 'effing', 'frigging', 'damn', 'bloody', 'goddamn', 'just', 'please', 'all', 'all this', 'all the'],
    contactGerund: [
      // The final g is often dropped in writing and in speech: "stop callin", "quit hittin me up".
      'cal+ing+', 'cal+in', 'kal+in(?:g)?', 'cal+ng', 'txtn', 'txtng', 'textn', 'textng', 'ca[uw]l+in(?:g)?', 'tex+ting+', 'textin', 'txting', 'txtin', 'messagin(?:g)?', 'msging', 'msgng', 'emailin(?:g)?', 'contactin(?:g)?',
      'botherin(?:g)?', 'harassin(?:g)?', 'harrassing', 'harasing', 'spammin(?:g)?', 'ringin(?:g)?', 'phonin(?:g)?', 'robocalling', 'robo calling', 'dialing',
      'dialling', 'hittin(?:g)? me up', 'hittin(?:g)? up my phone', 'blowin(?:g)? up my (?:phone|line|cell)', 'blowin(?:g)? my (?:phone|line|cell) up', 'reachin(?:g)? out',
      'pesterin(?:g)?', 'soliciting', 'buggin(?:g)?', 'hounding', 'hassling', 'badgering', 'hittin(?:g)? (?:me|my (?:line|phone|cell|number))(?: up)?', 'hmu',
      // Speech recognition splits or mishears "calling": "stop cal ling me", "stop collin me".
      'cal ling', 'call ing', '(?:colin|collin|colleen|collie|colon|cul+in(?:g)?|cul+en|cal+en|kol+in|kal+en)(?= (?:me|us|here|this|my)(?![^ ]))', '(?:tex|text) in(?= (?:me|us|this|my)(?![^ ]))',
    ],
    contactVerb: [
      'cal+', 'text', 'txt', 'message', 'msg', 'email', 'contact', 'bother', 'ring', 'phone', 'dial', 'harass', 'spam', 'robocall',
      'reach out to', 'reach out', 'hit me up', 'hmu', 'bug', 'pester', 'solicit', 'hound', 'hassle', 'badger', 'hit my (?:line|phone|cell)',
    ],
    contactPassive: [
      'called', 'texted', 'contacted', 'messaged', 'bothered', 'harassed', 'emailed', 'solicited', 'phoned', 'dialed', 'spammed', 'reached', 'robocalled',
    ],
    contactNoun: [
      'calls', 'phone calls', 'robocalls', 'robo calls', 'texts', 'text messages', 'txts', 'messages', 'msgs', 'sms', 'emails', 'e mails',
      'voicemails', 'spam', 'promos', 'promotions', 'ads', 'advertisements', 'marketing', 'notifications', 'alerts', 'offers', 'deals',
      'coupons', 'solicitations', 'telemarketing', 'reminders', 'contact', 'communication', 'communications', 'correspondence',
    ],
    nounMod: [
      'sales', 'spam', 'marketing', 'promo', 'promotional', 'telemarketing', 'robo', 'automated', 'auto', 'text', 'phone', 'annoying',
      'stupid', 'damn', 'daily', 'constant', 'junk', 'unwanted', 'unsolicited', 'fucking', 'freaking', 'sms', 'recorded',
      // What the messages are about: "no more reminder calls", "stop the survey texts".
      'reminder', 'appointment', 'survey', 'political', 'campaign', 'payment', 'billing', 'courtesy', 'follow up', 'robot', 'collection', 'debt',
      'insurance', 'warranty', 'solar', 'loan',
    ],
    det: [
      'the', 'these', 'those', 'this', 'all', 'all the', 'all these', 'all those', 'all of the', 'all of these', 'all of your', 'all your',
      'any', 'any more', 'any further', 'further', 'any of the', 'any of these', 'your', 'ur', 'such', 'every', 'them', 'you and your', 'these damn', 'whatever', 'whichever',
      '(?:any )?more of (?:the|these|those|your|ur|this|that|all these|all your)',
    ],
    target: [
      'me', 'us', 'here', 'this number', 'this phone', 'this phone number', 'this line', 'this house', 'my number', 'my phone', 'my phone number',
      'my cell', 'my cell phone', 'my cellphone', 'my mobile', 'my house', 'my home', 'my landline', 'my work', 'my wife', 'my husband',
      '{family}',
    ],
    // Someone at this number the request is made for: "stop calling my grandmother", "take my dad off your list".
    family: [
      'my (?:mom|mother|mama|moms|dad|father|papa|wife|husband|son|daughter|kid|kids|child|children|grandma|grandmother|grandpa|grandfather|granny|'
        + 'grandson|granddaughter|parents|family|brother|sister|aunt|uncle|boyfriend|girlfriend|fiance|partner|roommate|elderly (?:mother|father|mom|dad))',
    ],
    // What follows "calling me" when it means naming, not phoning: "stop calling me sir".
    naming: [
      'sir', 'maam', 'madam', 'miss', 'mister', 'mr', 'mrs', 'ms', 'honey', 'hon', 'hun', 'sweetie', 'sweetheart', 'dear', 'darling', 'babe',
      'baby', 'buddy', 'pal', 'love', 'mate', 'names', 'that', 'by', 'a', 'an', '(?:his|her|their) (?!(?:phone|cell|number|line|landline|house)(?![^ ]))[a-z]+', 'my name', 'out', 'in sick',
      'shotgun', 'and driving', 'while driving', 'while you drive', 'while i drive', 'at the wheel',
      'dad', 'daddy', 'mom', 'mommy', 'mama', 'papa', 'grandma', 'grandpa', 'uncle', 'auntie', 'stupid', 'dumb', 'ugly', 'fat', 'crazy', 'liar',
    ],
    // Naming after "don't call me": titles, pet names, "that" ("don't call me ma'am", "don't call me that").
    title: [
      'sir', 'maam', 'madam', 'miss', 'mister', 'mr', 'mrs', 'ms', 'honey', 'hon', 'hun', 'sweetie', 'sweetheart', 'dear', 'darling', 'babe', 'baby',
      'that', 'a', 'an', 'by', 'names', 'my name', 'dad', 'mom', 'stupid', 'crazy', 'liar', 'old',
    ],
    // A word that may end "don't call me …" and is not a name: "don't call me ever", "don't call me tho".
    notAName: [
      'please', 'pls', 'plz', 'now', 'ever', 'period', 'bye', 'goodbye', 'thanks', 'thx', 'ty', 'ok', 'okay', 'k', 'no', 'here', 'there', 'tho', 'though',
      'fr', 'bro', 'bruh', 'man', 'dude', 'yall', 'today', 'tonight', 'tomorrow', 'asap', 'jerk', 'idiot', 'fool', 'scammers?', 'spammers?', 'people',
      'lol', 'back', 'again', 'ag[aei]*n', 'agn', 'anymor[e]?', 'nomore', 'nomo', 'hear', 'dammit', 'damn', 'seriously', 'ugh', 'henceforth', 'hereafter',
      // Taglish particles after English words: "pls don't text me na".
      'na', 'po', 'nga', 'pa', 'lang', 'ha', 'nyo', 'ah',
    ],
    // The consumer is the one stopping: "I'll stop texting you", "let me stop calling".
    selfSubject: [
      '(?<!(?:how|can|could|do|should|would|where|when|may|must|shall) )i', 'we', 'ill', 'i will', 'im gonna', 'im going to',
      'i am going to', 'we will', 'well', 'were gonna', 'were going to', 'lets', 'let me', 'let us', 'i should', 'we should',
      // A hypothetical: "if I want to stop the texts later, how would I do that".
      '(?:if|when|once) (?:i|we)(?: [a-z]+){0,3}',
    ],
    // Someone else's request, reported: "my neighbor told me to stop calling companies", "he said to stop
    // calling him". Not the consumer's own "I said to stop calling".
    reportedTo: [
      // "said stop calling" without "to" too; not the consumer's own "I (already) said stop", "I've said to stop".
      '(?<!(?:^| )(?:i|we|ive|i have|weve|id|i had)(?: (?:already|just|literally|clearly|politely|specifically|even|also|have|had|done))? )(?:said|says|say|saying|yell(?:ing|ed)?|scream(?:ing|ed)?|shout(?:ing|ed)?|holler(?:ing|ed)?|told (?:me|him|her|us|them)|tells (?:me|him|her|us|them)|telling (?:me|him|her|us|them)|asked (?:me|him|her|us|them)|asks (?:me|him|her|us|them)|asking (?:me|him|her|us|them)|wants (?:me|him|her|us|them)|wanted (?:me|him|her|us|them))(?: to)?',
      // A promise someone else reports: "they told me you'd stop calling once I paid".
      '(?:(?:he|she|they|my [a-z]+|the [a-z]+) (?:said|says|promised)|(?:told|tell|tells|promised|assured) (?:me|us|him|her|them))(?: that)? (?:youd|you would|youll|you will|theyd|they would|theyll|they will|itd|it would|itll|it will)',
      // Said and then not said: "I was going to tell you to stop calling, but …".
      '(?:(?:was|were) (?:going to|gonna|about to)|used to) (?:tell|ask) (?:you|u|yall|you guys|them|people) to',
      // Someone named who is to stop: "I told my son to stop calling me", "how do I get my ex to stop texting me"
      // (not "I told you to stop", "tell them to stop": the business).
      '(?:told|tell|tells|telling|asked|ask|asks|asking|want|wants|wanted|need|needs|get|got|make|made|have|had) (?:my|the|our|his|her|their|a|an|some|every) [a-z]+(?: [a-z]+)? to',
      // The same without "to": "my sister told her boss stop calling her".
      '(?:told|tells|telling) (?:my|our|his|her|their) [a-z]+',
      // The consumer's words to a third person, or a question about the consumer's own calls: "I told him stop
      // calling my daughter", "did you want me to stop calling the other office".
      '(?:told|asked|tells|asks|telling|asking) (?:him|her)(?: (?:to|not to))?', '(?:want|wants|wanted) (?:me|him|her|us)(?: to)?',
      // Advice to a group: "the school keeps telling parents to stop texting during pickup".
      '(?:tell|tells|telling|told|ask|asks|asking|asked|remind|reminds|reminding|reminded|warn|warns|warning|warned|urge|urges|urging|urged) (?:parents|people|everyone|everybody|customers|students|kids|folks|drivers|patients|residents|members|users) to',
      // Another person's promise about the business: "he said you guys would stop calling after the first payment".
      '(?:he|she|they|my [a-z]+|the [a-z]+) (?:said|says|told me|promised)(?: that)? (?:you guys|yall|you people|your company) (?:would|will|wont|d|ll|were going to|are going to|are gonna|were gonna)',
      // A third person reporting what they told the business: "my daughter said she told y'all to stop calling her cell".
      '(?:said|says) (?:that )?(?:she|he|they) (?:already )?(?:told|asked) (?:you|u|yall|you guys|you people|them|(?:[a-z]+ ){1,3}?)(?:to|not to)',
      // Nearly said: "I almost told you to stop texting, but this sounds good".
      '(?:almost|nearly|was (?:going|about) to|was gonna|were gonna) (?:told|tell|asked|ask|said|say)(?: (?:you|u|yall|you guys|them|people))?(?: to)?',
    ],
    // Another line is meant, and this one is the one to use: "stop calling my work number and use this one",
    // "quit calling my wife's phone, call me at this number", "stop texting him, text me instead".
    otherLine: [
      'him', 'her', 'them', 'my (?:work|old|other|office|business|previous) (?:number|phone|cell|line|email|e mail|address)', '(?:the|my) (?:landline|land line|house phone|home phone|house line|home line|work phone|office phone)', 'my [a-z]+s (?:phone|cell|number|line)',
      '(?:my|the|his|her) (?:old |other |work )?(?:email|e mail|address|inbox)',
    ],
    useThisLine: ['(?: ,| and| but| so)(?: [a-z]+| ,){0,8}? (?:this (?:one|number|phone|cell|line)|(?:me )?instead|this is (?:my (?:new |current |real )?|the (?:new|right|correct|current) )(?:one|phone|number|cell|line)|(?:call|text|reach|use|try) (?:me )?(?:on |at )?my (?:cell|mobile|cellphone|cell phone|work (?:phone|number|cell)|other (?:phone|number)|new (?:phone|number)))(?![^ ])'],
    // Some time, not now: "can I stop the texts anytime", "would I be able to unsubscribe later", "take me off the list later".
    whenever: ['any ?time', 'at any time', 'later(?: on)?', 'whenever', 'if i (?:want|need|ever)', 'in the future', 'down the road', 'one day'],
    // A third party with a modal: "congress should stop these robocalls", "someone needs to stop the spam texts".
    otherModal: [
      '(?:congress|the government|government|the fcc|the ftc|someone|somebody|(?:the|my|our)(?: [a-z]+){1,2}) (?:should|needs to|need to|has to|have to|ought to|must|could|would|will|can|gotta|better)(?: (?:really|just|finally|all|do something and))?',
    ],
    // A wish about others: "I wish the other guys would quit calling" (not "I wish you would").
    wishOthers: ['(?:wish|hope)(?: that)? (?!(?:you|u|yall|ya)(?![^ ]))(?:[a-z]+ ){1,3}(?:would|could|will|d)'],
    // Another way to reach them named at once: "stop texting and call me", "quit texting me and just call".
    otherChannel: [
      '(?:(?:me|us) )?(?:, )?(?:and|but|,)(?: just| instead)? (?:call|text|email|phone|message)(?: (?:me|us))?(?: instead)?(?=$| ,| (?:instead|easier|better|please|pls)(?![^ ]))',
    ],
    // Taken up at once: "you never stop calling do you, ha ha, anyway yes I'll take it".
    acceptedAfter: ['(?:[a-z]+ |, ){0,8}(?:anyway|but anyway|ha ha|haha|lol)(?: ,)? (?:yes|yeah|sure|ok|okay|go ahead|tell me more|ill take it|sign me up)(?![^ ])'],
    // The business excepted: "I'm on the do not call list for other companies but you're fine".
    butYoureFine: [
      '(?:[a-z]+ |, ){0,6}(?:but|except) (?:(?:youre|you are|yall are|you guys are|your company is|yours is) (?:fine|ok|okay|good|different|an exception)|not (?:you|yours|for you|this one))(?![^ ])',
      '(?:[a-z]+ |, ){0,6}but (?:im|i am|were|we are) (?:glad|happy) (?:you|u|yall|you guys) (?:called|texted|reached out)(?![^ ])',
      // Leave given in the same breath: "she doesn't want calls at work but you can call her here".
      '(?:[a-z]+ |, ){0,8}but (?:you|u|yall|you guys) (?:can|may|could) (?:still )?(?:call|text|reach|contact|message)(?![^ ])',
    ],
    // Opting out of a part of a policy or a plan, not of the contact: "I opted out of the dental portion", "opt out of the arbitration clause".
    notContactPart: ['of (?:the |my |this |that |a |an |our |your )?(?:[a-z]+ ){0,2}?(?:clause|portion|part|coverage|benefits?|arbitration|class action|settlement|data sharing|enrollment|pool|401k|pension|dental|vision|medical|jury duty|carpool|study|trial|sharing|fee|fees|waiver)(?= ?$| ,| (?:how|at|for|because|since|this|if|and|but|so|when|please|pls|last|in|coverage|plan)(?![^ ]))'],
    // "Opt out" and "unsubscribe" naming a thing: "what's your opt out policy", "the unsubscribe button is broken".
    asModifier: ['(?:policy|policies|form|forms|link|links|option|button|process|rules?|page|period|deadline|provision|language|notice|section|procedure|feature|setting)(?![^ ])'],
    // The speaker disagrees with the relayed wish: "my husband wants the calls to stop, not me, so keep calling".
    speakerDisagrees: ['(?:[a-z]+ |, ){0,6}?(?:(?:but |and )?not me|i (?:dont|do not) mind|(?:so|but|and|you can|yall can|just|please) keep (?:calling|texting|messaging)(?: me| us)?(?! (?:after|even|when|and|but|why)(?![^ ]))|i (?:still )?(?:want|like|love|enjoy) (?:them|those|these|the calls|the texts|my [a-z]+)(?= ?$| ,| (?:coming|though|tho|lol|please|pls|thanks)(?![^ ])))(?![^ ])'],
    // Consent to something other than contact: "I revoke the authorization for the automatic withdrawal".
    moneyOrRecords: ['(?:for|to|on|of) (?:the |my |this |that |any |all |your )?(?:[a-z]+ ){0,2}?(?:withdrawals?|debits?|payments?|autopay|auto pay|charges?|drafts?|ach|transfers?|release|records|disclosure|treatment|procedure|surgery|access|account access)(?![^ ])'],
    // What stopping would cost, asked: "if you stop calling me how would I know when the part comes in".
    ifStopped: ['(?:(?:me|us) )?(?:[a-z]+ ){0,3}?(?:then )?how (?:would|will|could|can|do|am|would i|will i) (?:i |we )?(?:know|find out|hear|get|be told|be notified)(?![^ ])'],
    // The keyword named as a mechanism: "what's the stop word to end texts", "reply stop to opt out".
    mechanism: [
      '(?:word|keyword|command|code|option|button|link) (?:to|for)',
      '(?:reply|replying|text|texting|send|sending|type|typing|press|pressing|click|clicking|tap|tapping)(?: [a-z0-9]+)? to',
    ],
    // A callback no longer needed: "don't call me back, I figured it out".
    solved: [
      '(?:, )?(?:i (?:figured|found|got|sorted|fixed|solved|worked) (?:it|that|this)|(?:it|its|thats|that is|it is|issues?|problems?) (?:(?:is|was|been|all|has been) )?(?:fixed|sorted|solved|resolved|handled|taken care of))',
    ],
    // Taken back at once: "stop calling, oh wait, that was the other company".
    retracted: ['(?:[a-z]+ |, ){0,4}(?:oh )?(?:wait|never ?mind|nevermind|my bad|sorry)(?: ,)? (?:that|it) (?:was|is|s)(?![^ ])'],
    // Another line or person to use, named at once: "don't call my cell, call the office", "don't text me the code, text my wife".
    redirectTo: ['(?:,? )?(?:(?:and|but|just|instead|please) )*(?:call|text|try|reach|email|use|send (?:it|them) to) (?:me |us )?(?:on |at )?(?:{family}|(?:the|my|our) (?:office|work|house|home|landline|cell|mobile|other|new|wifes|husbands)(?: (?:number|phone|line|cell))?)(?: instead)?(?![^ ])'],
    // One thing sent, not the messages: "don't text me the code".
    oneThing: ['(?:the|a|my|your|that) (?:code|link|bill|invoice|receipt|pin|password|address|details|confirmation|form|document|contract|statement|results?)(?![^ ])'],
    // Only some hours or some line: "I don't want calls during work hours, only after five", "… on my cell during the day".
    onlySome: ['(?:[a-z]+ ){0,3}?(?:during|only|until|till|on (?:weekends?|sundays?|saturdays?)|at (?:night|work))(?![^ ])'],
    // Not here but there: "don't call me at work, call my cell", "don't call me on the house phone".
    atOtherPlace: ['(?:at|on) (?:work|my job|the office|my office|the house|(?:my|the) (?:work|office|home|house|old) (?:number|phone|line))(?![^ ])'],
    // "again", "no more" and their spoken forms after a refused contact: "don't call no mo".
    again: ['again', 'anymore', 'any more', 'ever again', 'no more', 'nomore', 'no mo', 'nomo', 'no longer', 'nothing', 'period', 'at all', 'henceforth', 'hereafter', 'from now on', 'going forward'],
    // "… but keep the texts": only part of the contact is refused.
    keepOther: ['(?:[a-z]+ ){0,6}?(?:,? )?(?:but |and )?(?:the |ur |your )?(?:texts|text messages|calls|emails|reminders|alerts|updates) (?:are|r|is) (?:still )?(?:fine|ok|okay|good|welcome)(?![^ ])', '(?:[a-z]+ ){0,6}?(?:,? )?(?:but|and|just) (?:still )?(?:keep|continue) (?:getting|sending|receiving|get|send|texting|calling|messaging|the|my|your|ur|[a-z]+ (?:updates|alerts|reminders|notifications|texts|calls|messages|emails))', '(?:[a-z]+ ){0,6}?(?:,? )?but (?:i|we) (?:still )?(?:want|need|like) (?:them|it|mine|the [a-z]+)(?![^ ])'],
    // The business is the object: the consumer is the one calling ("he told me to stop calling you guys").
    secondPerson: ['you', 'u', 'yall', 'ya', 'you guys', 'you people', 'your (?:company|office|store|number)'],
    // A third party does it: "they never call me back", "who doesn't call me".
    // "you never call me anymore" is a statement too; the imperative has no subject.
    thirdSubject: ['they', 'he', 'she', 'it', 'calls', 'texts', 'messages', 'reminders', 'emails', 'i', 'we', '(?<!(?:thank|telling|tell|told|warning|asking) )you', '(?<!(?:thank|telling|tell|told|warning|asking) )u', 'who', 'which', 'that', 'people', 'nobody', 'anyone', 'everyone', 'someone'],
    deferral: [
      'right now', 'now', 'today', 'tonight', 'tomorrow', 'until', 'till', 'til', 'later', 'yet', 'before', 'after', 'during', 'while',
      'this week', 'this weekend', 'this morning', 'this afternoon', 'this evening', 'this time', 'so early', 'so late', 'at night',
      'this late', 'this early', 'that late', 'that early', 'in the morning', 'in the evening', 'on weekends', 'on the weekend', 'on sundays?', 'late', 'early', 'ill call you', 'i will call you', 'ill call u',
      'ill get back', 'ill reach out', 'ill contact you', 'im busy', 'i am busy', 'im driving', 'im at work', 'im in a meeting',
      'for (?:a|an|the) (?:few|couple|minute|hour|while|bit|week|day)', 'at this number call', 'on this number call',
      '(?:(?:on|at) this (?:number|phone|line) )?(?:next|this coming) (?:week|weekend|month|year|few (?:days|weeks)|couple (?:days|weeks))',
    ],
    neverContact: [
      'dont', 'do not', 'dont you', 'dont you ever', 'dont ever', 'do not ever', 'never', 'never ever', 'please dont', 'please do not', 'dont u',
      'dont you dare', 'dont u dare', 'dont yall dare', 'dont dare', 'do not dare',
    ],
    dontWant: [
      '(?:dont|do not|doesnt|does not|no longer|really dont|dont really|never|dont even) (?:want|wanna|need|wish)',
    ],
    who: [
      'me', 'us', 'my name', 'my number', 'my phone number', 'my phone', 'my cell', 'my cell number', 'my cell phone', 'my info',
      'my information', 'my details', 'my contact', 'my contact info', 'my contact information', 'my data', 'this number',
      'this phone number', 'this phone', 'this cell', 'our number', 'our names', '{family}', '{family}s? (?:name|number|info)', 'myself', 'him', 'her',
    ],
    offFrom: ['off', 'off of', 'from', 'out of', 'outta', 'of'],
    listNoun: [
      '(?:(?:mailing|calling|call|text|texting|sms|contact|contacts|marketing|promo|promotional|phone|telemarketing|robocall|message|messaging|distribution|dialing|dial|subscriber|subscription|email|sales|customer|spam) )?(?:lists?|least|lst|lis)', 'group(?: text| chat| message| thread)?', 'thread', 'computers?(?: system)?',
      '(?:texting|text|sms|messaging|message|alerts?) (?:service|program|club)', 'database', 'data base', 'system', 'records', 'files', 'file', 'directory', 'contacts', 'registry', 'register', 'roster',
    ],
    dncList: [
      '(?:(?:national|federal|state|internal|company|companys) )?(?:do not call|dont call|do not contact|do not text|dont text|dnc|no call|no calls|no contact|do not disturb|do not solicit|no solicit|no solicitation)(?: (?:list|lists|registry|register|database))?',
      '(?:opt out|blocked|block|black|suppression|stop) (?:list|registry)', 'blacklist', 'blocklist',
    ],
    listy: [
      '(?:{det} )?{listNoun}',
      '(?:(?:the|your|a|that|this|ur|their) )?{dncList}',
      '{det} (?:{nounMod} )?{contactNoun}',
      '(?:that|every) {listNoun}',
      // "unenroll me from texts": the messages themselves, no article.
      '(?:{nounMod} )?(?:texts|text messages|txts|messages|msgs|sms|calls|phone calls|robocalls|emails|alerts|notifications|promos|marketing)',
      'all', 'everything', 'all of it', 'all of them',
    ],
    // The request ends here: end of text, a clause mark, or a word that starts the next thought.
    end: [
      '(?=$| ,| (?:please|pls|plz|now|right now|thanks|thank you|thx|ty|asap|immediately|already|for good|forever|permanently|too|as well|and|or|i|im|ive|ill|id|we|weve|you|this|its|it is|ok|okay|man|dude|sir|maam|lady|bro|bruh|tho|though|fr)(?![^ ]))',
    ],
    complaintEnd: [
      'me', 'us', 'here', 'number', 'phone', 'cell', 'again', 'already', 'anymore', 'times', 'time', 'today', 'yesterday', 'week',
      'please', 'pls', 'plz', 'interested', 'spam', 'scam', 'harassment', 'enough', 'said', 'told you', 'seriously', 'god', 'damn',
      'list', 'calls', 'texts', 'messages', 'thanks', 'thank you', 'no', 'nope', 'just', 'calling', 'texting', 'af', 'asf', 'annoying', 'ridiculous',
      'bro', 'bruh', 'man', 'dude', 'fr', 'for this', 'up for', 'signed up', 'sign up', 'smh', 'wtf', 'ugh',
    ],
    // When, not whether: "stop calling so late" asks for other hours.
    hours: ['so (?:late|early)', '(?:at|late at|in the middle of the) night', '(?:after|before) (?:[0-9]+|nine|ten|eight|seven|six|noon|midnight|dark|dinner|work)', 'on (?:sundays?|weekends?|the weekend)', 'during (?:dinner|work|the day)'],
    // The calls are to stop doing something else: "I need the calls to stop going to voicemail".
    notTheContact: ['(?:[a-z]+ )?(?:going|ringing|dropping|cutting|breaking|showing|being|getting|coming (?:so|late|at|in))(?![^ ])'],
    // The request echoed as a question and refused: "Unsubscribe? No way", "lose my number? no, keep it".
    answeredNo: [', (?:no way|no thanks|never|why would i|heck no|hell no|nope|not a chance|no(?: ,)? (?:keep|dont|do not|i (?:love|like|want|need)))'],
    smallObject: ['this', 'these', 'here', 'there', 'it', 'that', 'everything', 'all', 'all of it', 'them'],
  },
  rules: [
    // "stop calling me", "quit texting", "please stop fucking calling" — but not "I'll stop texting you" or "stop calling me sir".
    { id: 'stop-contacting', pattern: '{cease}(?:(?: {intensifier})? ?{contactGerund}|{contactGerund}(?:me|us))', confidence: 0.95, negatable: true, notAfter: '(?:phone|it|line|cell) (?:wont|will not|doesnt|does not|didnt|cant|never)|(?:he|she)(?: (?:just|finally|already|suddenly|totally|kinda))?|{selfSubject}|{reportedTo}|(?:{reportedTo}) ,|{otherModal}|{wishOthers}|(?:did|have|has|had) (?:you|u|yall|you guys|they|he|she|it)(?: (?:ever|just|already|finally))?', unless: '(?:(?:me|us|him|her|it|them) )?(?:{naming}|{hours})|{secondPerson}|(?:your|ur) [a-z]+|{otherLine}(?: [a-z]+){0,3}{useThisLine}|{retracted}|{ifStopped}|{speakerDisagrees}|{otherChannel}|{butYoureFine}|{acceptedAfter}|(?:(?:{target}) )?{redirectTo}' },
    // "stop sending me messages", "quit sending me these"; not "stop sending the invoice to my old email".
    {
      id: 'stop-sending',
      pattern: '{cease}(?: {intensifier})? sendin(?:g)?(?: (?:me|us|this number|my phone))?(?: {det})?(?: (?:{nounMod} )?{contactNoun}| (?:stuff|crap|junk|shit|garbage|things|anything|these|this|them|that|it|those|dis|dat|dem|em)|{end})',
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
      pattern: '{neverContact} (?:{contactVerb}|be {contactGerund})(?:(?: ,)? (?:or|and|nor|n|{neverContact}) {contactVerb})*(?: {target}(?! (?!(?:{notAName})(?![^ ]))[a-z]+(?:$| ,| (?:lol|haha|lmao|call me|its|my name)(?![^ ])))(?: (?:{again}|back|by (?:phone|text|email|mail|any means)(?: (?:or|and) (?:phone|text|email|mail))*))?| {again}| back(?: (?:ever|{again}))?| (?:this|it|that|here|him|her|them) {again}| (?:it|this|here)(?=$| ,)| (?:on|at) this (?:number|phone|line)(?: {again})?(?={end}|$)|(?=$))(?!(?<= (?:{family}|him|her|them))(?: [a-z]+| ,){0,8}? (?:call|text|contact|reach|message|email) (?:me|us)(?![^ ]))',
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
    { id: 'dont-want-you-contacting', pattern: '{dontWant} (?:you|u|yall|you guys|you people|anyone|anybody|nobody|no one|noone|somebody|someone|them|your company|your people)(?: (?:from|at|with) (?:your|ur|this|that|the) [a-z]+)?(?: to)?(?: (?:keep|ever))? (?:{contactVerb}|{contactGerund})(?: {target})?', confidence: 0.9 },
    { id: 'dont-want-to-be-contacted', pattern: '{dontWant} to be {contactPassive}', confidence: 0.9, unless: '{onlySome}' },
    // "I'd prefer not to be called", "I don't wanna get called no more", "to no longer be contacted"
    { id: 'not-to-be-contacted', pattern: '(?:(?:prefer|rather|like|love) (?:to )?not(?: to)? be|no longer be|{dontWant}(?: to)? (?:get|keep getting|keep being)) {contactPassive}', confidence: 0.85 },
    // "no more texts", "enough with the calls"; not "there are no more messages"
    { id: 'no-more-contact', pattern: '(?:no(?: ,)? more(?: ,)?|nomore|no further|enough (?:with|w)|enough of|enough|(?:done|through|finished) (?:with|w)) (?:{det} )?(?:{nounMod} )?(?:{contactNoun}|call|text)(?![^ ])', confidence: 0.85, notAfter: '(?:there are|there is|theres|have|has|had|got|get|i have|you have|received|see|saw)', unless: '{keepOther}|(?:today|tonight|this week|for now|right now|until|lens|lenses|info|information|details|form|number|page|person|list|card|left|available|remaining|in stock)' },
    // "take me off your list", "remove my number from your system", "please opt me out of these texts"
    { id: 'list-removal', pattern: '(?:take|tak|remove|remov|rmv|delete|drop|get|scratch|cross|erase|wipe|pull|strike|unsubscribe|unenroll|unregister|opt|purge|exclude|kick|knock|cut|clear|block|ban|count)(?: (?:{who}|this|it))? (?:(?:off|out) )?{offFrom} {listy}', confidence: 0.95, negatable: true, notAfter: '{reportedTo}', unless: '{keepOther}|{speakerDisagrees}|{whenever}|(?:that )?(?:my|his|her|their|a) [a-z]+ (?:made|started|created|set up)(?![^ ])|(?:[a-z]+ ){0,4}?(?:he|she|they|who) (?:doesnt|does not|dont|do not|no longer) (?:live|lives|stay|stays) (?:here|there|with (?:me|us))(?![^ ])' },
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
    { id: 'no-consent', pattern: '(?:do not|dont|did not|didnt|no longer|never) (?:consent|agree to (?:{det} )?(?:{contactNoun}|being)|gave (?:you )?(?:my |any )?(?:consent|permission)|give (?:you )?(?:my |any )?(?:consent|permission)|have my (?:consent|permission))', confidence: 0.9 },
    // "cease and desist", the legal demand to stop
    { id: 'cease-and-desist', pattern: 'cease and desist', confidence: 0.9, negatable: true },
    // "leave me alone"; not "leave me alone for a minute"
    { id: 'leave-me-alone', pattern: 'leave (?:me|us|this number|my number|my phone|this phone|{family})(?:(?: the (?:hell|heck|fuck|f)| tf)? alone| be(?={end}|$))', confidence: 0.85, negatable: true, notAfter: '{reportedTo}', unless: 'for (?:a |one |just a |like )?(?:(?:few|couple|two|three|five|ten|fifteen|twenty|[0-9]+) )?(?:sec|secs|second|seconds|minute|minutes|min|mins|moment|bit|while|hour|hours)|(?:while|until|till|til|so i can)(?![^ ])|to (?:my|his|her|the) [a-z]+|with (?:the|my|this|that|these|those|it|them|a)(?! (?:(?:{det}|damn) )?(?:{nounMod} )?{contactNoun}(?![^ ]))|(?:[a-z]+ ){0,4}not (?:you|u|yall|to you)(?![^ ])' },
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
    { id: 'dont-want-to-hear-from', pattern: '{dontWant} to (?:ever )?hear from (?:you|u|yall|you guys|you people|your company|this company|anyone)', confidence: 0.85 },
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
