/**
 * English word classes: the named pieces (`{cease}`, `{contactGerund}`, `{reportedTo}` …) the English
 * rules (lexicon.en.ts) are written in, kept apart from the rules so each file holds one idea.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const EN_CLASSES: Lexicon['classes'] = {
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
      // Who sends them, when it is the caller's machine: "the ai assistant texts", "your chatbot messages".
      'ai', 'a i', 'ai assistant', 'ai agent', 'virtual assistant', 'assistant', 'bot', 'chatbot', 'chat bot', 'machine', 'computer', 'computerized',
    ],
    det: [
      'the', 'these', 'those', 'this', 'all', 'all the', 'all these', 'all those', 'all of the', 'all of these', 'all of your', 'all your',
      'any', 'any more', 'any further', 'further', 'any of the', 'any of these', 'your', 'ur', 'such', 'every', 'them', 'you and your', 'these damn', 'whatever', 'whichever',
      '(?:any )?more of (?:the|these|those|your|ur|this|that|all these|all your)',
    ],
    target: [
      'me', 'us', 'here', 'this number', 'this phone', 'this phone number', 'this line', 'this house', 'my number', 'my phone', 'my phone number',
      'my cell', 'my cell phone', 'my cellphone', 'my mobile', 'my house', 'my home', 'my landline', 'my work', 'my wife', 'my husband', '(?:people|folks) like (?:me|us)',
      '{family}',
    ],
    // The caller's machine, which consumers address and name: "robot, remove my number", "don't let your bot call me".
    agent: ['robots?', 'bots?', 'machines?', 'computers?', 'ai', 'a i', 'artificial intelligence', 'automated system', 'auto ?dialers?', 'dialers?', 'system'],
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
      // The caller's own machine is not a third person: "tell the ai to lose my number" asks the caller.
      '(?:told|tell|tells|telling|asked|ask|asks|asking|want|wants|wanted|need|needs|get|got|make|made|have|had) (?:my|the|our|his|her|their|a|an|some|every) (?!(?:{agent})(?![^ ]))[a-z]+(?: [a-z]+)? to',
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
    acceptedAfter: ['(?:[a-z]+ |, ){0,8}(?:anyway|anyways|but anyway|ha ha|haha|lol)(?: ,)? (?:yes|yeah|sure|ok|okay|go ahead|go on|continue|tell me more|ill take it|sign me up|what (?:was|is|were|s) (?:the|it|that|you|your)|whats (?:the|it|that|your)|how much|where were we)(?![^ ])'],
    // A question about the caller's habit with people at large, not this line: "do you ever stop calling folks at dinner".
    peopleAtLarge: ['(?:people|folks|everyone|everybody|customers|strangers|random people|other people|seniors|old people)(?![^ ])(?! like (?:me|us)(?![^ ]))(?!(?: [a-z]+){0,2} (?:in|at|from|of) (?:my|this|our|the) (?:house|family|home|household|number|address|phone|line)(?![^ ]))'],
    // A question about what a keyword would do, before the request it names: "if I say remove, will it take me off the texts too".
    whatItDoes: ['(?:(?:if|when|once) (?:i|we) (?:say|said|press|reply|text|type)(?: [a-z]+){1,2} (?:, )?)?(?:will|would|does|did|should|could) (?:it|that|this|saying (?:that|[a-z]+)|replying(?: [a-z]+)?|pressing(?: [a-z]+)?)(?: (?:also|still|just|automatically|really|even|only))?'],
    // "I don't consent" to something other than being contacted: "… to the recording of this call", "… to a credit check".
    consentToOther: [
      '(?:to|for)(?! (?:(?:{det}|being|be|receiving|getting|any|more|further|future|you|your|this|these|automated|artificial|robot|robo|intelligence|[a-z]+ing) ){0,3}(?:{contactNoun}|{contactPassive}|{contactGerund}|{agent}|{target}|contact|call|calls|text|texts|you|u|yall|this|these|that|it|them|any of (?:this|it|these|them))(?![^ ]))',
      '(?:[a-z]+ ){0,5}?(?:record|recorded|recording|recordings)(?![^ ])',
    ],
    // A name, not a call, after "called": "I don't want to be called sir", "… by my first name".
    namedAs: ['(?:sir|maam|mam|madam|miss|mister|mr|mrs|ms|honey|hon|hun|sweetie|sweetheart|dear|darling|babe|baby|buddy|pal|names|stupid|crazy|liar|old|dad|mom)(?![^ ])|by (?:my|his|her|their|your|a|the) (?:(?:first|last|middle|full|nick|maiden|real|legal|old|dead) )?(?:name|nickname)(?![^ ])'],
    // The list word names something else: "remove me from the group booking", "take me off the system upgrade".
    listAsModifier: ['(?:booking|bookings|reservation|reservations|order|orders|account|accounts|plan|plans|photos?|pictures?|ride|trip|tour|class|lesson|meeting|event|party|project|dinner|lunch|discount|rate|policy|deal|upgrade|maintenance|picture|invite|invitation|gift|menu|loop|maze)(?![^ ])'],
    // Speaking to someone in the room, not to the caller: "leave me alone kevin, I'm on a call".
    roomAside: ['(?:[a-z]+ |, ){0,3}?(?:im|i am|mommy is|daddy is|mom is|dad is|mama is|papa is|moms|dads|mommys|daddys)(?: (?:still|busy|talking))? (?:on|in) (?:a |the )?(?:call|phone|line|meeting)(?![^ ])'],
    // The business excepted: "I'm on the do not call list for other companies but you're fine".
    butYoureFine: [
      '(?:[a-z]+ |, ){0,6}(?:but|except) (?:(?:youre|you are|yall are|you guys are|your company is|yours is) (?:fine|ok|okay|good|different|an exception)|not (?:you|yours|for you|this one))(?![^ ])',
      '(?:[a-z]+ |, ){0,6}but (?:im|i am|were|we are) (?:glad|happy) (?:you|u|yall|you guys) (?:called|texted|reached out)(?![^ ])',
      // Leave given in the same breath: "she doesn't want calls at work but you can call her here".
      '(?:[a-z]+ |, ){0,8}but (?:you|u|yall|you guys) (?:can|may|could) (?:still )?(?:call|text|reach|contact|message)(?![^ ])',
    ],
    // Opting out of a part of a policy or a plan, not of the contact: "I opted out of the dental portion", "opt out of the arbitration clause".
    notContactPart: ['of (?:the |my |this |that |a |an |our |your )?(?:[a-z]+ ){0,2}?(?:clause|portion|part|coverage|benefits?|paperless billing|paperless|billing|autopay|auto pay|overdraft(?: protection)?|auto renewal|arbitration|class action|settlement|data sharing|enrollment|pool|401k|pension|dental|vision|medical|jury duty|carpool|study|trial|sharing|fee|fees|waiver)(?= ?$| ,| (?:how|at|for|because|since|this|if|and|but|so|when|please|pls|last|in|coverage|plan)(?![^ ]))'],
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
    oneThing: ['(?:the|a|my|your|that) (?:[a-z]+ )?(?:code|link|bill|invoice|receipt|pin|password|address|details|confirmation|form|document|contract|statement|results?|tracking|quote|estimate|total|menu|photos?|pics?|pictures?|schedule|directions|itinerary|tickets?|coupon|voucher|agenda)(?![^ ])'],
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
    thirdSubject: ['they', 'he', 'she', '(?<!(?:want|wanna|need|like|have|take|buy|get|hear) )it', 'calls', 'texts', 'messages', 'reminders', 'emails', 'i', 'we', '(?<!(?:thank|telling|tell|told|warning|asking) )you', '(?<!(?:thank|telling|tell|told|warning|asking) )u', 'who', 'which', 'that', 'people', 'nobody', 'anyone', 'everyone', 'someone'],
    deferral: [
      'right now', 'now', 'today', 'tonight', 'tomorrow', 'until', 'till', 'til', 'later', 'yet', 'before', 'after', 'during', 'while',
      'this week', 'this weekend', 'this morning', 'this afternoon', 'this evening', 'this time', 'so early', 'so late', 'at night',
      'this late', 'this early', 'that late', 'that early', 'in the morning', 'in the evening', 'on weekends', 'on the weekend', 'on sundays?', 'late', 'early', 'ill call you', 'i will call you', 'ill call u',
      'ill get back', 'ill reach out', 'ill contact you', 'im busy', 'i am busy', 'im driving', 'im at work', 'im in a meeting',
      'for (?:a|an|the) (?:few|couple|minute|hour|while|bit|week|day)', 'at this number call', 'on this number call',
      '(?:(?:on|at) this (?:number|phone|line) )?(?:next|this coming) (?:week|weekend|month|year|few (?:days|weeks)|couple (?:days|weeks))',
    ],
    neverContact: [
      'dont', 'do not', 'dont you', 'dont you ever', 'dont ever', 'do not ever', 'never', 'never ever', 'never again', 'please dont', 'please do not', 'dont u',
      'dont you dare', 'dont u dare', 'dont yall dare', 'dont dare', 'do not dare',
    ],
    dontWant: [
      '(?:dont|do not|doesnt|does not|no longer|really dont|dont really|never|dont even) (?:want|wanna|need|wish)',
    ],
    who: [
      'me', 'us', 'my name', 'my number', 'my phone number', 'my phone', 'my cell', 'my cell number', 'my cell phone', 'my info',
      'my information', 'my details', 'my contact', 'my contact info', 'my contact information', 'my data', 'this number',
      'this phone number', 'this phone', 'this cell', 'our number', 'our names', 'my name and (?:phone )?number', 'my number and name', '{family}', '{family}s? (?:name|number|info)', 'myself', 'him', 'her',
    ],
    offFrom: ['off', 'off of', 'from', 'out of', 'outta', 'of'],
    listNoun: [
      '(?:(?:mailing|calling|call|text|texting|sms|contact|contacts|marketing|promo|promotional|phone|telemarketing|robocall|message|messaging|distribution|dialing|dial|subscriber|subscription|email|sales|customer|spam) )?(?:lists?|least|lst|lis)', 'group(?: text| chat| message| thread)?', 'thread', 'computers?(?: system)?',
      '(?:texting|text|sms|messaging|message|alerts?) (?:service|program|club)', '(?:robots?|bots?|ai|machines?|auto ?dialers?|dialers?)(?: (?:list|system|database))?', 'database', 'data base', 'system', 'records', 'files', 'file', 'directory', 'contacts', 'registry', 'register', 'roster',
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
};
