/**
 * Speech that may be an opt-out and may not: "I'm not interested", "who gave
 * you my number?", "why do you keep calling". Revoking on it would drop
 * customers who only meant "not this offer"; ignoring it would miss people
 * who meant "never again". The detector reports it as `possible_opt_out` and
 * the call paths ask once ("Would you like us to stop calling you?"); only a
 * yes revokes (src/gate/confirmOptOut.ts).
 *
 * Voice only: a text is answered by the carriers' keyword rules, never by a
 * question. The detector asks this file only when no clear opt-out, opt-in
 * or help fired.
 *
 * Each language has its own small list of regex fragments over `plainWords`
 * text (no accents, no apostrophes: "im", "mappelez"). Chinese and Korean
 * are matched with the spaces taken out, as recognisers space them in
 * different ways; every other language on word boundaries.
 *
 * @example
 * possibleOptOut("I'm not interested.");
 * // → { intent: 'possible_opt_out', matched: 'possible:en:not interested', confidence: 0.5, lang: 'en' }
 */
import { hasNonAscii, plainText } from './plainWords';
import type { OptOutResult } from './types';

interface PossibleLexicon {
  lang: string;
  /** `compact`: matched with the spaces removed (no word spaces in the script, or spaced inconsistently). */
  spacing: 'words' | 'compact';
  phrases: readonly string[];
  /**
   * Interest in something else said in the same breath ("not interested in the warranty but what about the
   * loan", "no me interesa ese plan pero sí el otro"): the refusal is of one offer, so nothing is asked.
   */
  otherInterest?: string;
}

const YOU_EN = '(?:you|yall|you guys|you people)';
/** The caller's machine, named by consumers of AI voice agents: "why does your robot keep calling me". */
const YOUR_AGENT_EN = '(?:your|this|the|that|these|a|an) (?:robots?|bots?|machines?|computers?|ai|a i|system|dialer)';
const YOU_VI = '(?:anh|chi|ban|em|ong|ba|cac anh|cac chi|cac ban|cac ong|may)';

// biome-ignore format: data, one family of phrases a line
const LEXICONS: readonly PossibleLexicon[] = [
  {
    lang: 'en',
    spacing: 'words',
    phrases: [
      '(?:not|aint) (?:really |even |at all |too |that )?interested',
      '(?:i have|ive got|i got) no interest',
      `who gave ${YOU_EN} (?:my|this) (?:phone |cell )?number`,
      `(?:how|where)(?:d| did) (?:${YOU_EN}|${YOUR_AGENT_EN}) (?:even )?(?:get|find) (?:my|this) (?:phone |cell )?number`,
      '(?:i|we) (?:dont|do not) need (?:any|it|that|anything)',
      '(?:im|i am) (?:all set|not buying anything)',
      'this is the (?:second|third|fourth|fifth|tenth) time (?:this week|today)',
      `why (?:do|are) ${YOU_EN} (?:keep|always|still) calling`,
      `why (?:does|is|do|are) ${YOUR_AGENT_EN} (?:keep |always |still )?calling(?: me| here| this number)?$`,
      `who (?:told|programmed|asked|sent|paid|set up) (?:${YOU_EN}|${YOUR_AGENT_EN}) to call (?:me|here|this number)`,
      'i (?:dont|do not|really dont|hate|cant stand) (?:like )?(?:being|getting) (?:called|calls) (?:from|by) (?:a |an |these |your )?(?:robots?|bots?|machines?|computers?|ai)',
      // Not naming: "you keep calling me ma'am".
      `${YOU_EN} (?:keep|always) calling(?! (?:me )?(?:sir|maam|mam|miss|mister|honey|by|that|the wrong|my (?:first |last |middle )?name)(?![^ ]))(?: me)?`,
      'i (?:never|didnt|did not) (?:sign up|signed up|ask for|asked for|agree to|agreed to|give you|gave you)',
      'this is (?:a )?(?:scam|harassment)',
      'how many times (?:do i have to|have i|must i) (?:tell|told)',
    ],
    otherInterest: '(?:but|kindly|just) (?:what about|how about|tell me|id|i would|i want|i need|im interested|i am interested|ill|i will|i have|keep|can you|could you|sign me|call (?:me )?(?:back|later|next))',
  },
  {
    lang: 'es',
    spacing: 'words',
    phrases: [
      'no (?:me|nos) interesa',
      'no (?:estoy|estamos) interesad[oa]s?',
      'no tengo (?:ningun )?interes',
      'quien (?:le|te|les) (?:dio|paso) (?:mi|este) (?:numero|telefono)',
      '(?:como|donde|de donde) (?:consiguio|consiguieron|consiguiste|obtuvo|obtuvieron|saco|sacaron|sacaste) (?:mi|este) (?:numero|telefono)',
      'por que (?:me )?(?:siguen|sigue|sigues) llamando',
      'por que me (?:llaman|llama|llamas) tanto',
      'yo no (?:me inscribi|me registre|pedi esto|les di mi numero)',
    ],
    otherInterest: 'pero (?:si|me interesa|quiero|queria|quisiera|me gustaria|que tal|digame|cuenteme|el otro|la otra|tengo una pregunta)|(?:ahorita|ahora|por ahora|en este momento|hoy)(?: [a-z]+){0,3} (?:llameme|llamame|marqueme|hableme)|(?:el|la|los|las) (?:de|del|que|otro|otra) (?:[a-z0-9]+ ){0,4}si(?![^ ])|lo que (?:diga|digan|dice|dicen|dijo|piense|piensen|opine|opinen)',
  },
  {
    lang: 'fr',
    spacing: 'words',
    phrases: [
      '(?:ca|cela) (?:ne )?minteresse pas',
      'pas interesse(?:e|s|es)?',
      'aucun interet',
      'qui vous a donne mon numero',
      '(?:ou|comment) (?:avez vous|vous avez|as tu|tu as) (?:eu|trouve|obtenu) mon numero',
      'pourquoi (?:vous )?(?:mappelez|appelez) (?:vous )?(?:encore|toujours|sans arret|tout le temps)',
      'vous (?:mappelez|appelez) (?:encore|tout le temps|sans arret)',
    ],
  },
  {
    lang: 'pt',
    spacing: 'words',
    phrases: [
      'nao (?:tenho|estou|to|estamos) interess(?:e|ado|ada|ados|adas)',
      'nao (?:me|nos) interessa',
      'sem interesse',
      'quem (?:te|lhe|vos|lhes) (?:deu|passou) (?:o )?meu (?:numero|telefone|contato)',
      '(?:como|onde) (?:voce |voces |vc |vcs )?(?:conseguiu|conseguiram|pegou|pegaram|arrumou|arrumaram) (?:o )?meu (?:numero|telefone)',
      'por ?que (?:voce |voces |vc |vcs )?(?:continua|continuam|fica|ficam) (?:me )?ligando',
      '(?:voces )?nao param de me ligar',
    ],
    otherInterest: 'mas (?:(?:[a-z]+ ){0,4}sim|me interessa|quero|queria|gostaria|tenho interesse|me fala|me conta|tenho uma pergunta|(?:me |pode )?(?:manda|mande|mostra|mostre|oferece|ofereca) (?:os|as|o|a) outr[oa]s?)',
  },
  {
    lang: 'zh',
    spacing: 'compact',
    phrases: [
      '不感兴趣',
      '不感興趣',
      '没(?:有|什么|啥|多大)?兴趣',
      '沒(?:有|什麼|啥|多大)?興趣',
      '谁给(?:你|你们)的?我的(?:电话)?号码',
      '誰給(?:你|你們)的?我的(?:電話)?號碼',
      '(?:你|你们)(?:是)?怎么(?:会)?有我的(?:电话)?号码',
      '(?:你|你們)(?:是)?怎麼(?:會)?有我的(?:電話)?號碼',
      '我不需要',
      '怎么(?:又是你们|老打|又打|还打|一直打)',
      '怎麼(?:又是你們|老打|又打|還打|一直打)',
      // Cantonese: "你哋點解成日打嚟".
      '(?:点解|點解)(?:成日|又|一直|仲)(?:都)?(?:打|搵)',
      '为什么(?:一直|老是|总是|还|又)打',
      '為什麼(?:一直|老是|總是|還|又)打',
    ],
  },
  {
    lang: 'vi',
    spacing: 'words',
    phrases: [
      'khong (?:co )?(?:quan tam|hung thu|co nhu cau)',
      `ai (?:dua|cho) ${YOU_VI} so (?:dien thoai )?(?:cua )?(?:toi|tui)`,
      `(?:sao|lam sao|tai sao) (?:${YOU_VI} |may nguoi )?(?:co|biet) so (?:dien thoai )?(?:cua )?(?:toi|tui)`,
      '(?:sao|tai sao) (?:cu|lai|cu lai) goi (?:cho )?(?:toi|tui)',
      // Said to the caller, not about someone else ("công ty kia gọi hoài", "ông chủ của ảnh cứ gọi hoài") nor asked.
      `(?:(?:sao|tai sao|(?<!cua )${YOU_VI}|may nguoi|ben anh|ben chi) |^)(?:cu |lai |cu lai )?goi (?:cho (?:toi|tui) |(?:toi|tui) )?hoai(?! (?:khong|ko|k)(?![^ ]))`,
    ],
  },
  {
    lang: 'tl',
    spacing: 'words',
    phrases: [
      '(?:hindi|di) (?:po )?(?:ako |kami )?interesado',
      'wala (?:po )?(?:akong|kaming) (?:interes|panahon)',
      'sino (?:po |ba )?(?:ang )?nagbigay (?:sa inyo |sa iyo |sayo |sa yo )?(?:ng |nang )?(?:number|numero) ko',
      '(?:saan|paano) (?:nyo|ninyo|mo) (?:po )?(?:nakuha|kinuha) (?:ang )?(?:number|numero) ko',
      'bakit (?:ba )?(?:kayo |kayong |ka )?(?:palagi|lagi|paulit ulit) (?:na |ng )?(?:kayong )?(?:tumatawag|tumawag)',
      'tawag (?:nang|ng) tawag',
      '(?:hindi|di) ko (?:po )?kailangan',
    ],
  },
  {
    lang: 'ko',
    spacing: 'compact',
    phrases: ['관심(?:이)?없', '필요없', '(?:제|내)번호(?:를|는)?어(?:디서|떻게)(?!바꾸|바꿔|변경|수정|등록|확인|입력)', '어떻게(?:제|내)번호', '누가(?:제|내)번호', '왜(?:자꾸|계속)전화'],
    // "필요 없다는 게 아니라 …": the refusal denied, not made.
    otherInterest: '없(?:다는|는) ?(?:게|건|것은|것이) ?아니',
  },
  {
    lang: 'ar',
    spacing: 'words',
    phrases: [
      '(?:لست|مش|غير|مو|ما ني) مهتم(?:ا|ة|ه)?',
      '(?:لا|ما) يهمني',
      '(?:من|مين) (?:اعطاك|اعطاكم|عطاك|عطاكم|اداك|اداكم|اعطي) (?:رقمي|رقم تليفوني|رقم هاتفي|نمرتي)',
      // A bare "I don't want (anything)": "لا ما بدي", "مش عايز حاجة"; "ما بدي اروح" is not about the call.
      '(?:ما|مش|مو) (?:بدي|محتاج|ابي|ابغى|ابغي|ابغا|اريد|عايز|عاوز|عايزه|عاوزه|بغيت|بغيتش)(?: (?:شي|حاجه|حاجة|اشي|شيء)|$)',
      '(?:ما|مش|مو|ليس) ?(?:عندي|عندنا|لي|لدي|لدينا|فيني) (?:اي )?(?:اهتمام|رغبه|رغبة)',
      'زهقت من (?:اتصالاتكم|اتصالاتك|مكالماتكم)',
      '(?:من اين|منين|من وين|كيف|ازاي|شلون) (?:حصل|جب|وصل|جا|عرف|لقي|اخذ|اخد)[^ ]* (?:علي |ل)?(?:رقمي|رقم هاتفي|رقم تلفوني|رقم تليفوني|رقم جوالي|نمرتي)',
      '(?:لماذا|ليش|ليه|لم) (?:تتصل|تتصلون|تتصلوا|بتتصل|بتتصلوا|بتتصلو) (?:بي |علي |عليا )?(?:باستمرار|دايما|كل يوم|كثير|كتير|علي طول)',
    ],
    otherInterest: '(?:بس|لكن|بل) (?:عايز|عاوز|ابي|ابغي|ابغى|ابغا|بدي|اريد|حابب|مهتم|مهتمه|ممكن|كلمني|كلموني|اتصل|اتصلوا|احكيلي|قولي|خبرني)',
  },
  {
    lang: 'ht',
    spacing: 'words',
    phrases: [
      '(?:mwen|m) pa enterese',
      'ki moun ki (?:ba|bay|ban) (?:ou|w|nou) (?:nimewo|nimero) (?:mwen|m)',
      '(?:kote|ki jan|kijan) (?:ou|w|nou|n) (?:fe )?(?:jwenn|pran) (?:nimewo|nimero) (?:mwen|m)',
      'poukisa (?:ou|w|nou|n) (?:toujou |kontinye )?(?:ap )?rele (?:mwen|m)',
      '(?:mwen|m) pa bezwen sa',
      '(?:mwen|m) pa gen tan pou sa',
    ],
    // "m pa enterese nan ofri sa a men voye detay yo ban m": one offer refused, the rest wanted.
    otherInterest: '(?:men|sof) (?:voye|rele|ekri|m vle|mwen vle|m ta renmen|m enterese|mwen enterese)',
  },
];

interface CompiledPossible {
  lang: string;
  spacing: PossibleLexicon['spacing'];
  /** Only matches text with letters outside ASCII (its script is not Latin). */
  nonLatin: boolean;
  pattern: RegExp;
  otherInterest: RegExp | null;
}

function alternatives(phrases: readonly string[]): string {
  return phrases.map((p) => `(?:${p})`).join('|');
}

function patternFor(spacing: PossibleLexicon['spacing'], phrases: readonly string[]): RegExp {
  return spacing === 'words' ? new RegExp(`(?:^| )(?:${alternatives(phrases)})(?= |$)`, 'u') : new RegExp(alternatives(phrases), 'u');
}

const COMPILED: readonly CompiledPossible[] = LEXICONS.map((l) => ({
  lang: l.lang,
  spacing: l.spacing,
  nonLatin: l.phrases.every((p) => hasNonAscii(p)),
  pattern: patternFor(l.spacing, l.phrases),
  otherInterest: l.otherInterest ? patternFor(l.spacing, [l.otherInterest]) : null,
}));
const ORDER_BY_HINT = new Map(COMPILED.map((first) => [first.lang, [first, ...COMPILED.filter((l) => l !== first)]]));
/**
 * Every list at once, so the common case (nothing fires: most of a call) costs
 * one or two regex tests; which language fired is worked out only on a hit.
 */
const ANY_WORDS = patternFor(
  'words',
  LEXICONS.filter((l) => l.spacing === 'words').flatMap((l) => l.phrases),
);
const ANY_COMPACT = patternFor(
  'compact',
  LEXICONS.filter((l) => l.spacing === 'compact').flatMap((l) => l.phrases),
);

/** Languages with a possible-opt-out list. */
export const POSSIBLE_OPT_OUT_LANGUAGES: readonly string[] = LEXICONS.map((l) => l.lang);

const CONFIDENCE = 0.5;

/**
 * `possible_opt_out` with the phrase that fired, or null.
 * @param hint the call's language ("es", "pt-BR"), tried first; it never excludes the others
 */
export function possibleOptOut(text: string, hint?: string): OptOutResult | null {
  const raw = typeof text === 'string' ? text : '';
  const spaced = plainText(raw);
  if (spaced === '') return null;
  const latinOnly = !hasNonAscii(spaced);
  const compact = latinOnly ? '' : spaced.replaceAll(' ', '');
  if (!ANY_WORDS.test(spaced) && (latinOnly || !ANY_COMPACT.test(compact))) return null;
  const order = (hint && ORDER_BY_HINT.get(hint.split(/[-_]/)[0].toLowerCase())) || COMPILED;
  for (const lexicon of order) {
    if (latinOnly && lexicon.nonLatin) continue;
    const m = lexicon.pattern.exec(lexicon.spacing === 'words' ? spaced : compact);
    if (!m || lexicon.otherInterest?.test(spaced)) continue;
    return { intent: 'possible_opt_out', matched: `possible:${lexicon.lang}:${m[0].trim()}`, confidence: CONFIDENCE, lang: lexicon.lang };
  }
  return null;
}
