/**
 * French. Normalisation splits elisions ("m'appelez" → `m appelez`,
 * "d'appels" → `d appels`) and strips accents ("arrêtez" → `arretez`).
 *
 * "ne m'appelez plus" is a negated contact verb (an opt-out), "n'arrêtez pas
 * de m'appeler" a negated request to stop (not one): the first is its own
 * rule, the second is cancelled by the negation scope of the stop rule.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const fr: Lexicon = {
  lang: 'fr',
  script: 'Latin',
  keywords: {
    opt_out: [
      'arret', 'arrete', 'arreter', 'arretez', 'stop', 'stop sms', 'stop pub', 'stop appels', 'stop appel', 'desabonner', 'desabonnement', 'desinscrire', 'desinscription',
      'desabonnez moi', 'desinscrivez moi',
    ],
    opt_in: ['oui', 'commencer'],
    help: ['aide', 'info'],
  },
  voiceKeywords: ['stop', 'arretez', 'arrete', 'arret'],
  clauseKeywords: ['stop', 'arret', 'arretez'],
  softeners: [
    'svp', 's il vous plait', 's il te plait', 'stp', 'merci', 'merci bien', 'merci beaucoup', 'non', 'non merci', 'ok', 'd accord', 'maintenant',
    'tout de suite', 'deja', 'monsieur', 'madame', 'mademoiselle', 'mais', 'non mais', 'je ne suis pas interesse', 'pas interesse',
    'mauvais numero', 'c est trop', 'bon', 'alors', 'c est bon', 'j ai dit', 'j ai deja dit', 'je vous ai dit', 'je vous ai deja dit', 'je t ai dit',
  ],
  fillers: ['euh', 'heu', 'bah', 'ben', 'hum', 'hein'],
  laughter: ['mdr', 'ptdr', 'x?d+'],
  notTypos: ['rater'],
  negation: {
    cue: ['ne', 'n', 'jamais'],
    bridge: ['ai', 'as', 'a', 'avons', 'avez', 'jamais', 'pas', 'dit', 'demande', 'voulu', 'veux', 'voulais', 'voulons', 'vais', 'va', 'faut', 'il', 'je', 'j', 'me', 'm', 'vous', 'te', 't', 'de', 'd', 'que', 'qu', 'plus'],
    exceptAfter: ['pourquoi'],
  },
  classes: {
    // With the subjunctive of "j'aimerais que vous arrêtiez de …".
    cease: ['arretez', 'arrete', 'arreter', 'arretes', 'arretiez', 'arretent', 'cessez', 'cesse', 'cesser', 'cessiez', 'stoppez', 'quitte', 'quittez', 'quitter'],
    // Misspelt as typed and heard ("appeller", "m'appelé"); Quebec "achaler", "écœurer".
    contactInf: [
      'r?app? ?ell?(?:er|e|ez)', 'envoyer(?=$| ,| (?:svp|stp|merci|s il vous plait)(?![^ ]))', 'telephoner', 'harceler', 'deranger', 'contacter', 'ecrire', 'texter', 'spammer', 'solliciter', 'relancer',
      'embeter', 'composer (?:mon|ce|notre) numero', 'adresser (?:des |de |vos )?{contactNoun}', 'spam(?:m?er)?', 'achaler', 'ecoeurer', 'emmerder', 'importuner', 'envoyer (?:des |de |vos |ces |les |tous ces |tous les )?{contactNoun}', 'envoyer (?:des trucs|ca|tout ca|ces trucs|ce genre de (?:trucs|choses|messages))',
    ],
    contactImp: [
      'appelez', 'appelle', 'appeles', 'appelles', 'rappelez', 'rappelle', 'rappeles', 'rappelles', 'contactez', 'contacte', 'ecrivez', 'ecris', 'envoyez', 'envoie',
      'derangez', 'harcelez', 'telephonez', 'textez', 'texte', 'texter', 'sollicitez', 'relancez', 'app?ell?ez',
    ],
    // The subjunctive after "que": "je m'oppose à ce que vous me rappeliez".
    contactSubj: ['appeliez', 'rappeliez', 'contactiez', 'recontactiez', 'ecriviez', 'envoyiez', 'derangiez', 'harceliez', 'telephoniez', 'textiez', 'sollicitiez', 'relanciez'],
    contactNoun: [
      'appels', 'coups de fil', 'messages', 'sms', 'textos', 'mails', 'courriels', 'e mails', 'pubs', 'publicites', 'promotions', 'promos',
      'notifications', 'relances', 'offres', 'pub', 'publicite', 'appel', 'texto', 'coup de fil', 'contact', 'contacts', 'communications?', 'sollicitations?', 'demarchages?',
      'message', 'msgs?', 'txts?', 'textes', 'rappels', 'alertes', 'chaines', 'envois',
    ],
    // Someone else's request, or the consumer's to someone named: "mon patron m'a dit d'arrêter d'envoyer …",
    // "j'ai dit à ma fille d'arrêter de m'appeler" (not "je vous ai dit d'arrêter": the business).
    reported: [
      '(?:m|me|nous|lui|leur|l) (?:a|ai|ont|avait|avaient|avons) (?:dit|demande|conseille|ordonne) {thirdPartyWish}',
      // A third person now: "mon mari dit d'arrêter de l'appeler" (not "je vous dis", "je vous ai dit").
      '(?<!(?:^| )(?:ai|avais|avons|vous|te|t|je|j)(?: deja| bien| toujours| souvent)? )(?:dit|disent|demande|demandent|veut|veulent)(?: (?:toujours|souvent|tout le temps|que))? {thirdPartyWish}',
      '(?:dit|demande|conseille) (?:a|au|aux) (?:(?:ma|mon|mes|sa|son|ses|la|le|les) )?(?!(?:vous|toi|votre|vos)(?![^ ]))[a-z]+(?: [a-z]+){0,4} (?:de|d)',
      '(?:crie|hurle|criait|hurlait|ecrit|repondu|texte)',
      '(?:a|ont|avait|avaient) (?:dit|demande) (?:de|d)',
    ],
    // Something else no longer to be sent: "n'envoyez plus la facture papier" (not "… de messages", "… les pubs").
    otherThing: ['(?:la|le|les|l|de|d|des) (?!(?:{contactNoun}|pubs?|promos?|publicites?|trucs?|rien|ca)(?![^ ]))[a-z]+'],
    // An app's own notifications, not these messages: "comment arrêter les notifications de l'appli".
    appNotices: ['(?:de|du|d) (?:l )?(?:appli|application|app|cell|cellulaire|iphone|android|telephone|facebook|instagram)(?![^ ])'],
    // "ne m'appelez pas madame": naming, not phoning.
    naming: ['madame', 'monsieur', 'mademoiselle', 'par (?:mon|ce) (?:nom|prenom)'],
    // "ne m'envoyez pas vers un autre service": sending the caller somewhere, not messages.
    elsewhere: ['vers', 'ailleurs', 'au (?:service|departement|poste)', '(?:a|dans|sur) (?:un|une) (?:autre|autres)', '{redirect}', '(?:, )?(?:ecrivez|textez|ecris|texte)(?: moi| nous)?(?=$| ,)'],
    // "ne m'appelez pas au travail, appelez ce numéro": this number is the one to call.
    redirect: ['(?:[a-z]+ |, ){0,10}(?:r?appelez|ecrivez|textez|contactez)(?: moi| nous)? (?:a |sur )?(?:ce numero|ici)(?![^ ])'],
    // The consumer stopping: "il faut que j'arrête d'appeler ma mère".
    // Someone outside the household, whose wish is theirs: "mon frère veut être retiré", "ma voisine veut plus …".
    outsider: ['(?:(?:mon|ma|mes|son|sa|ses|notre|votre) )?(?:frere|cousine?|voisine?|amie?|collegue|patron|patronne|copine?|chum|blonde|tante|oncle|beau frere|belle soeur|ex)(?: [a-z]+)?'],
    selfSubject: ['(?:j|je|on|il faut que j|faut que j)'],
    contactPassive: ['recontactee?s?', 'demarchee?s?', 'relancee?s?', 'spammee?s?', 'appelee?s?', 'contactee?s?', 'sollicitee?s?', 'derangee?s?', 'harcelee?s?', 'rappelee?s?'],
    deferral: [
      'maintenant', 'aujourd ?hui', 'ce soir', 'demain', 'avant', 'apres', 'pendant', 'tout de suite', 'ce matin', 'cet apres midi',
      'a cette heure', 'je conduis', 'je suis occupee?', 'je travaille', 'plus tard',
      // A place, like an hour, asks for another number, not for no contact: "ne m'appelez pas au travail".
      'au (?:travail|bureau|boulot)',
    ],
    det: ['votre', 'vos', 'la', 'les', 'cette', 'ces', 'ta', 'tes', 'leur', 'leurs', 'ce', 'le'],
    listNoun: [
      'listes?(?: de diffusion| d appels| de contacts| de prospection)?', 'fichiers?', 'base(?: de donnees)?', 'repertoire', 'systeme', 'contacts', 'mailing',
      // A messaging group, said alone: "enlevez-moi de ce groupe" (not "du groupe de danse").
      'groupes?(?=$| ,| (?:de (?:discussion|messages|diffusion|whatsapp)|svp|stp|merci|s il vous plait)(?![^ ]))',
    ],
    who: ['moi', 'nous', 'le', 'la', 'mon numero', 'mon nom', 'mes coordonnees', 'mes donnees', 'mes informations', 'ce numero', 'mon numero de telephone', '(?:mon|ce) (?:num|tel|cell?)'],
    oppositionList: [
      'bloctel', 'pacitel', 'liste rouge', 'liste d opposition', 'opposition', 'liste anti demarchage', 'liste de non sollicitation',
      // The US and Canadian registries as French speakers name them.
      'liste (?:de )?(?:ne pas (?:appeler|contacter|deranger|telephoner)|do not call|numeros exclus|interdiction d appel)',
    ],
    // "que vous", "qu'on" (normalised `quon`: only one-letter elisions are split), as after a verb of saying.
    thirdPartyWish: ['(?:(?:de|d|que|qu)(?: (?:vous|on|ils|elle|il|la compagnie))?|quon|quil|quils|quelle)(?: (?:alliez|allaient|allait|deviez|devriez|devez|doivent|faut|faudrait))?'],
    // Spam in general or another sender, not these messages: "comment arrêter les appels de télémarketing en général".
    otherSender: ['(?:[a-z]+ ){0,3}(?:(?:de|du|des|d) (?:la |le |l |ma |mon |mes )?(?:telemarketing|spam|spams|arnaques?|arnaqueurs|robots?|inconnus|numeros inconnus|banque|assurance|ecole|clinique|operateur|fournisseur|autres?)|en general)(?![^ ])'],
    // The speaker then disagrees: "ma soeur veut plus vos messages mais moi oui".
    butMe: ['(?:[^ ]+ ){0,5}(?:, )?mais (?:moi|je|j)(?![^ ])'],
    // A hypothesis: "si je me désabonne, je reçois encore …", "qu'est-ce qui se passe si je demande à être retiré".
    ownNumber: ['(?:[^ ]+ ){0,4}(?:, )?(?:il|elle) a (?:son|sa) (?:propre )?(?:numero|cell|cellulaire|telephone)'],
    outsiderWants: ['(?:{outsider}) (?:veut|voudrait|demande|souhaite)(?: (?:etre|plus|pu))?|(?:demande|demander) (?:a|d) etre'],
    hypothetical: ['si (?:je|j|on|tu)(?: [a-z]+){0,3}'],
    ownNumberToo: ['(?:[^ ]+ ){0,4}(?:, )?(?:son|sa) (?:cell|cellulaire|numero|tel|telephone) (?:c est|est)(?![^ ])'],
  },
  rules: [
    // "arrêtez de m'appeler", "arrête de m'écrire", "cessez de me harceler"; not "n'arrêtez pas …", "arrête de rigoler".
    // Not the past: "il a arrêté de m'appeler".
    { id: 'arretez-de-appeler', pattern: '{cease}(?: donc| svp| stp)? (?:de|d) (?:(?:me|m|nous|l|le|la|les|lui|leur) |m(?=[a-z]))?{contactInf}', confidence: 0.95, negatable: true, notAfter: '(?:ai|a|as|avons|avez|ont|avait|avaient|aurait|aurais|j ai)|{reported}|{selfSubject}|(?:si|quand|lorsque) (?:vous|tu|on)',
      // "… à mon ancienne adresse, écrivez à la nouvelle": another address, not no contact.
      // Nor a named party: "… d'appeler la banque", "… son ex".
      // Nor banter, a laugh right after: "arrête de m'écrire lol".
      unless: '{naming}|(?:[a-z]+ ){0,2}(?:lol|mdr|ptdr|haha|hahaha)(?![^ ])|(?:a|sur|au) (?:mon|ma|l|le|la|cet|cette) (?:ancien|ancienne|vieux|vieille|autre)|(?:la|le|les|l|mon|ma|son|sa|ton|ta) (?:banque|compagnie|boite|assurance|ecole|clinique|police|ex|patron|patronne|collegue|voisin|voisine|prof)(?![^ ])' },
    // "j'en ai marre de vos appels", "lâchez-moi avec vos appels"
    { id: 'marre-de', pattern: '(?:marre|ras le bol|plein le dos|plein mon casque|(?:me|m|nous) (?:fatiguez|saoulez|soulez|gonflez|tannez|embetez|enervez|cassez les pieds) avec|en ai assez|en a assez|lachez moi avec|lache moi avec|laissez moi avec|ca suffit|suffit|(?:suis|sommes) (?:fatiguee?s?|tannee?s?|ecoeuree?s?|saoulee?s?))(?: (?:de|d|des|avec))? (?:(?:vos|ces|les|tes|tous ces|toutes ces) )?{contactNoun}', confidence: 0.85 },
    // "arrêtez vos appels", "stop aux appels"
    { id: 'arretez-les-appels', pattern: '(?:{cease}|annulez|bloquez|desactivez|desactiver|coupez)(?: avec)?(?: (?:aux|a|les|vos|ces|tous ces|toutes ces|tous vos|toutes vos|tout|toute|toutes))? {contactNoun}', confidence: 0.9, negatable: true, notAfter: '(?:sais|savez|sait)(?: pas)? comment', unless: '{appNotices}|{otherSender}' },
    // "stop aux appels", "svp stop les appels": not begun with "stop", which would run the French rules on every English "stop".
    { id: 'stop-aux-appels', pattern: '(?:aux|les|vos|ces|a|tous les|toutes les) {contactNoun}(?<=(?:^| )stop(?: [a-z]+){2,5})', confidence: 0.9, negatable: true, notAfter: '(?:pour|recois|recoit|recevoir|recevrai|recevrais|encore|toujours|aussi)' },
    // "ne m'appelez plus", "ne me contactez plus", "m'appelez plus" (ASR drops the ne); not "vous ne m'appelez jamais", "… pas maintenant".
    {
      id: 'ne-m-appelez-plus',
      pattern: '(?:(?:ne|n) )?(?:me |m ?|nous ){contactImp} (?:plus|pus|pu|plu|jamais|pas|par aucun moyen|d aucune (?:facon|maniere))(?: (?:jamais|plus|de {contactNoun}|sur ce numero|a ce numero))*',
      // A subject makes it a statement: "vous ne m'appelez jamais", "personne de l'autre compagnie m'appelle plus".
      confidence: 0.95, notAfter: '(?:vous|il|elle|ils|elles|on|tu|je|personne(?: [a-z]+){0,5})', unless: '{deferral}|{naming}|{elsewhere}',
    },
    // "n'appelez plus ce numéro": the imperative has no subject; "vous n'appelez plus" is a statement.
    { id: 'n-appelez-plus', pattern: '(?:ne |n ?){contactImp} (?:plus|pus|jamais|pas(?=$| (?:ici|a ce numero|sur ce numero|chez (?:moi|nous))(?![^ ])))', confidence: 0.9, notAfter: '(?:vous|il|elle|ils|elles|on|tu|je|personne|qui)', unless: '{deferral}|{otherThing}' },
    // "merci de ne plus me contacter"
    { id: 'ne-plus-me-contacter', pattern: '(?:ne (?:plus|pu|pus|jamais)|(?<=(?:^| )(?:de|d) )(?:plus|pu|pus)) (?:(?:me|m|nous) )?(?:{contactInf}|envoyer|recevoir (?:(?:de|d|vos|ces|les|aucun|aucune) )?{contactNoun}|etre {contactPassive})', confidence: 0.9, unless: '{deferral}' },
    // "je ne veux plus recevoir vos messages", "je ne veux plus être appelé"
    {
      id: 'ne-veux-plus',
      pattern: '(?:j?veux|j?veu|voulons|veut|souhaite|souhaitons|desire|desirons) (?:plus|pus|pu|pas|aucun|aucune|jamais)(?: (?:recevoir|etre|avoir))?(?: (?:de|d|vos|ces|des|les|aucun|aucune|d autres))* (?:(?:maudite?s?|foutue?s?|satanee?s?|[a-z]+ (?:de|d)) )?(?:{contactNoun}|{contactPassive})',
      // Someone else's wish about their own number: "mon cousin veut plus de vos textos, il a son propre numéro".
      confidence: 0.9, notAfter: '{outsider}', unless: '{butMe}|{ownNumber}',
    },
    // "je ne veux plus que vous m'appeliez": the subjunctive clause, as in es/pt
    {
      id: 'ne-veux-plus-que',
      pattern: '(?:j?veux|voulons|veut|souhaite|souhaitons|desire|desirons) (?:plus|pus|pu|pas) qu(?:e)? ?(?:(?:vous|tu|on|votre societe|personne) )?(?:me |m ?|nous )?(?:appeliez|rappeliez|contactiez|ecriviez|envoyiez|derangiez|harceliez|appelle|rappelle|contacte|ecrive|envoie|derange|appellent|contactent)',
      confidence: 0.9, unless: '{butMe}',
    },
    // "plus de sms svp", "plus d'appels"; not "j'ai plus de messages que toi"
    { id: 'plus-de-sms', pattern: '(?:plus jamais|plus|pu|pus|assez|fini|finis|marre|halte)(?: (?:de|d|des|aux|les|a))? (?:(?:vos|ces|les|tes|tous ces|toutes ces) )?{contactNoun}', confidence: 0.85, notAfter: '(?:ai|a|as|avez|avons|ont|y a|recu|eu|encore|beaucoup|pas|recois|recevons|recoit|recoivent|vois|voit|trouve|lis|envoyez|envoie|envoient|envoyer|recevoir|avoir|donner|mettre)|{outsiderWants}', unless: '(?:depuis|recus?|arrives?)|{butMe}|{ownNumber}|(?:[a-z]+ |, ){0,4}(?:j adore|j aime|lol|mdr)(?![^ ])' },
    // "retirez-moi de votre liste", "enlevez mon numéro de votre liste"; not "ne me retirez pas de la liste"
    {
      id: 'retirez-moi-de-la-liste',
      pattern: '(?:otez|oter|ote|retirez|retire|retirer|enlevez|enleve|enlever|supprimez|supprime|supprimer|effacez|efface|effacer|rayez|raye|rayer|sortez|sors|sortir|desinscrivez|desinscrire|radiez|radier)(?: {who})? (?:de|des|du|d) (?:(?:{det}) )?{listNoun}',
      confidence: 0.95, negatable: true, notAfter: '{hypothetical}|{outsiderWants}', unless: '(?:d attente|des invites|de courses|de souhaits)(?![^ ])',
    },
    // "supprimez mon numéro", "supprimez mes coordonnées"; not "… de mon compte"
    { id: 'supprimez-mon-numero', pattern: '(?:supprimiez|effaciez|retiriez|enleviez|retire|enleve|otez|retirer|enlever|supprimez|supprime|supprimer|effacez|efface|effacer|oubliez|oublie|oublier|retirez|enlevez|rayez|raye|rayer|sortez) (?:mon numero|mon nom|mes coordonnees|mes donnees|mes informations|mon contact|ce numero|mon numero de telephone)', confidence: 0.9, negatable: true, unless: '(?:de|du) (?:mon|ma|la|le) (?:compte|profil|commande|dossier|contrat)|du (?:forfait|plan|contrat|compte)|(?:de|du|sur) (?:la |le |l )?(?:reservation|liste d attente|liste des invites|facture|commande|billet|dossier)' },
    {
      id: 'desabonner',
      pattern: '(?:(?:me|nous) )?(?:desabonner|desabonnez|desabonne|desabonnement|desinscrire|desinscrivez|desinscription|desinscris)',
      confidence: 0.9, negatable: true, notAfter: '{hypothetical}|{outsider}',
      // "… de la salle de sport": a product, not these messages; nor only some of them.
      unless: '(?:juste|seulement|uniquement)(?![^ ])|(?:de|du|des|d|a|au)(?! (?:(?:{det}|tous vos|tous ces|toutes vos|toutes ces) )?(?:{contactNoun}|{listNoun}|messages|tout|tous|toutes|ce numero|vous|votre service|ce service)(?![^ ]))',
    },
    { id: 'laissez-moi-tranquille', pattern: '(?:laissez|laisse|foutez|fou tez|fout|fichez|fous|fiche|lachez|lache|sacrez|sacre|calissez|calisse|crissez|crisse)(?: (?:moi|nous))? (?:tranquill?e?s?|en paix|la paix|la grappe|patience)|(?:laissez|laisse|lachez|lache) (?:mon numero|ce numero|ma famille) (?:tranquille|en paix)|(?:lachez|lache) (?:moi|nous) (?:les baskets|la grappe)', confidence: 0.85, negatable: true,
      // The speaker taking leave: "je vous laisse tranquille", "on va la laisser en paix".
      notAfter: '(?:je|j|on|il|elle|ils|elles|qu il|qu elle)(?: (?:vais|va|vont))?(?: (?:vous|te|t|la|le|les|l|lui|leur))?',
      // For a while only: "laissez-moi tranquille aujourd'hui, on se parle demain".
      unless: '(?:aujourd ?hui|ce soir|cette semaine|un peu|une minute|deux minutes|un instant)(?![^ ])' },
    // "je veux être retirée de vos listes"
    { id: 'etre-retire', notAfter: '{hypothetical}|{outsiderWants}', unless: '{ownNumber}|{ownNumberToo}', pattern: '(?:etre|soit|sois|soyons) (?:retire|supprime|efface|raye|enleve|desinscrit|radie)e?s?(?: (?:de|des|du|d) (?:(?:{det}) )?{listNoun}|(?=$| ,| (?:svp|merci|s il vous plait)(?![^ ])))', confidence: 0.9, negatable: true },
    // "je retire mon consentement", "je refuse de recevoir vos sms", "je ne vous autorise pas à m'envoyer des messages"
    { id: 'retire-consentement', pattern: '(?:retire|retirer|revoque|revoquer|annule|annuler)(?: (?:mon|le|ma|tout))? (?:consentement|accord|autorisation|permission)', confidence: 0.9, negatable: true },
    { id: 'refuse-de-recevoir', pattern: '(?:refuse|refusons) (?:(?:de|d) (?:recevoir|etre (?:{contactPassive}))|(?:vos|les|ces|tout|tous vos|tous ces) {contactNoun})', confidence: 0.85, negatable: true },
    {
      id: 'n-autorise-pas',
      pattern: '(?:autorise|autorisons|accepte|acceptons|consens)(?: (?:pas|plus|aucun|aucune))+(?: (?:a|que|de|d|vous|qu on|l envoi))* (?:(?:me|m|nous) )?(?:{contactInf}|envoyer|{contactNoun}|appeliez|contactiez|ecriviez)',
      confidence: 0.9,
    },
    // "vous n'avez pas le droit de m'appeler"
    { id: 'pas-le-droit', pattern: '(?:avez|ont) (?:pas|plus|aucun) (?:le )?droit (?:de|d) (?:(?:me|m|nous) )?{contactInf}', confidence: 0.85 },
    // "je ne veux plus avoir affaire à vous", "… entendre parler de votre société"
    { id: 'plus-affaire-a-vous', pattern: '(?:j?veux|voulons|souhaite|souhaitons) (?:plus|pu|pus|jamais) (?:avoir affaire|entendre parler|rien avoir a faire) (?:a|avec|de) (?:vous|votre societe|votre entreprise|votre compagnie)', confidence: 0.85 },
    // "je ne veux plus rien recevoir (de votre part)"
    { id: 'plus-rien-recevoir', pattern: '(?:j?veux|j?veu|voulons|souhaite|souhaitons|desire) (?:(?:plus|pu|pus) (?:jamais )?rien recevoir|rien recevoir de (?:votre part|vous|votre societe))', confidence: 0.85 },
    // "pas la peine de rappeler", "inutile de me recontacter"
    { id: 'pas-la-peine', pattern: '(?:pas la peine|plus la peine|inutile|pas besoin) (?:de|d) (?:(?:me|m|nous) )?(?:rappell?er|recontacter|appell?er|contacter|relancer|ecrire)', confidence: 0.8,
      // The speaker will come or call instead: "pas besoin de me rappeler, je vais passer demain".
      unless: '(?:(?:me|m|nous) )?{deferral}|(?:[a-z]+ ){0,3}(?:, )?(?:je|j) (?:vais|vous rappelle|rappelle|passe|passerai|viens|reviens)(?![^ ])' },
    // Quebec and spoken French drop the "ne": "appelle-moi pus", "écrivez-moi plus jamais", "rappelez pus ici"; not "appelez-moi plus tard".
    {
      id: 'appelez-moi-plus',
      pattern: '{contactImp}(?: (?:moi|nous))? (?:pas(?=$| (?:svp|merci|s il vous plait|stp|ok|compris|c est clair)$)|pu(?:s)?(?: (?:jamais|rien))?|plus (?:jamais|rien)|pas (?:ici|icitte|a ce numero|sur ce numero|chez (?:moi|nous))(?![^ ])|plus(?= (?:ici|icitte|a ce numero|sur ce numero|chez (?:moi|nous))(?![^ ]))|plus(?=$| ,| (?:svp|merci|s il vous plait|stp|ok|d accord|je vous en prie|je vous prie)(?![^ ])))(?: (?:ici|icitte|a ce numero|sur ce numero|chez (?:moi|nous)))?(?=$| ,| (?:svp|merci|s il vous plait|stp|ok|no more|plus jamais|c est clair|compris|je vous en prie|je vous prie)(?![^ ]))',
      // After an object pronoun ("… m'appelle plus") the rule above decides, with its subject guard.
      confidence: 0.85, notAfter: '(?:vous|il|elle|ils|elles|on|tu|je|personne|qui|me|m|nous|te|t)', unless: '(?:[a-z]+ |, ){0,6}(?:r?appelez|ecrivez|textez|contactez)(?![^ ])',
    },
    // "non merci, pis rappelez jamais": the "ne" dropped before "jamais" (the -ez imperative only: "mon fils appelle jamais" is a statement).
    { id: 'rappelez-jamais', pattern: '(?:r?appelez|ecrivez|textez|contactez|telephonez)(?: (?:moi|nous))? jamais(?: plus)?(?: (?:ici|icitte|a ce numero|chez (?:moi|nous)))?(?=$| ,| (?:svp|merci|s il vous plait|ok|compris|c est clair)(?![^ ]))', confidence: 0.85, notAfter: '(?:vous|ne|n|me|m|nous|qui|personne)' },
    // "Qui vous a donné mon numéro ? Effacez-le." — the number named just before.
    { id: 'effacez-le', pattern: '(?:effacez|effacer|efface|supprimez|supprime|oubliez|oublie|jetez) (?:le|la)(?<=(?:mon|ce) numero(?: [a-z]+| ,){2,10})', confidence: 0.85, negatable: true },
    // A caller's last word, after a complaint: "c'est la troisième fois aujourd'hui arrêtez".
    { id: 'arretez-final', pattern: '(?<=(?:^| )(?:fois|aujourd ?hui|moi|numero|personne|ici|vous|maintenant|harcelez|derangez|appelez|rappelez|embetez|interesse|interessee|assez|suffit|merci|non|deja|jours|harcelement|arnaque|svp|trop|trop la|icitte|appels|messages|textos|calice|tabarnak|ostie) )(?:arretez|arrete|(?:il )?faut (?:arreter|que ca (?:arrete|cesse)))(?: (?:svp|s il vous plait|maintenant|merci|tout de suite|donc|la|ca|tout ca))*$', confidence: 0.8, negatable: true },
    // "pas d'appels ni de sms merci"; not "j'ai pas d'appels ni de sms depuis lundi"
    { id: 'pas-d-appels-ni-sms', pattern: '(?:pas|ni) (?:de |d |des )?{contactNoun} ni (?:de |d |des )?{contactNoun}', confidence: 0.85, notAfter: '(?:ai|a|as|avez|avons|ont|y a|recu|eu|recois|recoit|j ai)', unless: '(?:depuis|recus?)' },
    // "je m'oppose à recevoir vos messages", "… à être démarché"
    { id: 'm-oppose', pattern: '(?:m|me|nous) (?:oppose|opposons) (?:a|au|aux) (?:recevoir|etre (?:{contactPassive})|(?:(?:vos|ces|tout|tous|toute|toutes|les|votre|ce) )?{contactNoun}|tout demarchage|toute sollicitation|ce (?:que|qu) ?(?:vous|on) (?:me |m ?|nous )?(?:{contactImp}|{contactSubj}))', confidence: 0.9, negatable: true },
    // "comment faire pour plus recevoir vos sms" (the "ne" dropped); not "je vais plus recevoir de sms ?"
    { id: 'plus-recevoir', pattern: '(?:ne )?(?:plus|pu|pus) recevoir (?:(?:de|d|vos|ces|les|aucun|aucune|des|tous ces|tous vos) )?{contactNoun}', confidence: 0.85, notAfter: '(?:vais|va|vas|allons|allez|vont|vais je|vais t on)|{outsiderWants}', unless: '(?:depuis|pendant)|{butMe}|{ownNumber}' },
    // "je vous interdis de m'appeler"
    { id: 'interdis', pattern: '(?:interdis|interdisons) (?:de|d) (?:(?:me|m|nous) )?(?:{contactInf}|envoyer)', confidence: 0.9, negatable: true },
    // "il faut plus m'appeler", "vous devez arrêter de m'appeler"
    { id: 'faut-plus-m-appeler', pattern: '(?:faut|faudrait|devez|devriez) (?:(?:ne )?plus|pu|pus|jamais plus) (?:(?:me|m|nous) )?{contactInf}', confidence: 0.85, notAfter: '(?:j|je|il faut que j|faut que j)' },
    // "je veux pas que vous continuiez à m'écrire"
    { id: 'pas-que-vous-continuiez', pattern: '(?:j?veux|voulons|veut|souhaite|souhaitons) (?:plus|pus|pu|pas) qu(?:e)? ?(?:vous|tu|on) (?:continuiez|continuez|continue|continuent|continuer) (?:a|de|d) (?:(?:me|m|nous) )?{contactInf}', confidence: 0.9 },
    // "ne m'ajoutez plus à vos groupes"
    { id: 'ne-m-ajoutez-plus', pattern: '(?:ne |n )?(?:me |m ?|nous )(?:ajoutez|mettez|incluez|inscrivez|rajoutez) (?:plus|pas|jamais) (?:a|dans|sur|en) (?:(?:{det}|aucun|aucune) )?(?:{listNoun}|groupes?)', confidence: 0.85, notAfter: '(?:vous|il|elle|ils|elles|on|tu|je)', unless: '(?:d attente|des invites)(?![^ ])' },
    // "aucun message de plus svp", "plus un seul appel"; not "je n'ai reçu aucun message de plus"
    { id: 'aucun-message-de-plus', pattern: '(?:aucun|aucune|plus un|plus une|plus aucun|plus aucune|pas un|pas une)(?: seul| seule| autre)? {contactNoun}(?: (?:de plus|supplementaire|en plus))?(?=$| ,| (?:svp|merci|stp|s il vous plait)(?![^ ]))', confidence: 0.85, notAfter: '(?:recu|eu|ai|a|as|avez|vu|envoye|reste|y a)' },
    // "je ne suis pas intéressée à recevoir des appels": not interested in the contact itself
    { id: 'pas-interesse-a-recevoir', pattern: '(?:pas|plus) interessee?s? (?:a|par|de|d) (?:recevoir (?:(?:des|vos|de|d|ces|les) )?{contactNoun}|(?:etre|d etre) (?:{contactPassive}))', confidence: 0.85 },
    // "stop svp ça suffit": "ça suffit" sealing a stop or a complaint about the messages (as a softener it would let every "ça" through the keyword test).
    { id: 'ca-suffit-final', pattern: '(?<=(?:^| )(?:stop|arretez|arrete|appels|messages|sms|textos|svp|stp)(?: [a-z]+| ,){0,3} )ca suffit(?: (?:svp|merci|maintenant|la))*$', confidence: 0.8, negatable: true },
    // "plus jamais vous m'appelez, compris": the order put first.
    { id: 'plus-jamais-vous-m-appelez', pattern: '(?:plus jamais|jamais plus) (?:vous|tu) (?:ne |n )?(?:me |m ?|nous ){contactImp}', confidence: 0.85 },
    // "arrêtez de me relancer par sms": whatever the errand, not by this channel.
    { id: 'arretez-de-par-sms', pattern: '{cease} (?:de|d) (?:(?:me|m|nous) )?[a-z]+ (?:par|via) (?:sms|textos?|messages?|telephone|whatsapp)(?![^ ])', confidence: 0.85, negatable: true, notAfter: '(?:ai|a|as|avons|avez|ont|avait|avaient|j ai)|{reported}|{selfSubject}' },
    // "arrêtez de me bombarder de messages", "… de m'inonder avec vos appels": whatever the verb, it brings these.
    { id: 'arretez-de-me-bombarder', pattern: '{cease} (?:de|d) (?:me |m ?|nous )[a-z]+ (?:de|d|avec) (?:(?:vos|ces|tous ces|toutes ces|des|tous vos) )?(?:messages|textos|sms|appels|pubs|courriels|promos|publicites|notifications|offres)(?![^ ])', confidence: 0.85, negatable: true, notAfter: '(?:ai|a|as|avons|avez|ont|avait|avaient|j ai)|{reported}|{selfSubject}' },
    // "je préfère que vous ne m'appeliez plus", "j'aimerais qu'on ne m'écrive plus"
    {
      id: 'prefere-que-vous-ne-plus',
      pattern: '(?:prefere|prefererais|aimerais|voudrais|souhaite|souhaiterais) (?:que|qu) ?(?:vous|tu|on) (?:ne |n ?)?(?:(?:me|m|nous) ?)?(?:appeliez|rappeliez|contactiez|ecriviez|envoyiez|appelle|rappelle|contacte|ecrive|envoie) (?:plus|pas|jamais)',
      confidence: 0.9, unless: '{deferral}',
    },
    // "je demande la suppression de mon numéro"
    { id: 'demande-la-suppression', pattern: '(?:demande|exige|souhaite|veux|voudrais)(?: la| le)? (?:suppression|radiation|retrait|effacement) (?:de|du|d) (?:mon numero|mes coordonnees|mes donnees|ce numero|mon contact|mon numero de telephone)', confidence: 0.85 },
    // "je veux plus recevoir", the object left unsaid: the request ends there.
    { id: 'veux-plus-recevoir', pattern: '(?:j?veux|voulons|souhaite|desire) (?:plus|pu|pus) recevoir(?=$| ,| (?:svp|merci|stp|rien|quoi que ce soit)(?![^ ]))', confidence: 0.85 },
    // "je ne vous donne pas la permission de m'appeler"
    { id: 'pas-la-permission', pattern: '(?:donne|donnons|ai donne|avez|avez eu) (?:pas|plus|aucune|jamais) (?:la |ma |mon |l )?(?:permission|autorisation|accord|consentement) (?:de|d|pour) (?:(?:me|m|nous) )?(?:{contactInf}|envoyer)', confidence: 0.9 },
    // "annuler abonnement sms": a subscription to these messages, not "… à la salle de sport"
    { id: 'annuler-abonnement-sms', pattern: '(?:annuler|annulez|annule|resilier|resiliez|resilie) (?:mon |l |cet |votre |ce |l |les )?(?:abonnement|inscription|alertes?)s? (?:(?:aux|a|des|de|d) )?(?:{contactNoun}|alertes sms)', confidence: 0.85, negatable: true },
    // "retirez-moi", "oubliez-moi svp": the request ends there.
    { id: 'retirez-moi', pattern: '(?:retirez|enlevez|supprimez|effacez|rayez|desinscrivez|radiez|oubliez) (?:moi|nous)(?=$| ,| (?:svp|merci|s il vous plait|stp|tout de suite|maintenant|de la|de vos|de votre)(?![^ ]))', confidence: 0.85, negatable: true, unless: '(?:de la|de vos|de votre) (?:liste d attente|liste des invites)' },
    // "vous m'appelez plus, d'accord": the present as an order, sealed by a tag or said alone after an opener ("écoutez", "bon");
    // not the bare "vous ne m'appelez plus" inside a longer complaint.
    {
      id: 'vous-m-appelez-plus-d-accord',
      pattern: '(?:vous|tu) (?:ne |n )?(?:me |m ?|nous ){contactImp} (?:plus|pu|pus)(?: jamais)?(?: (?:ici|icitte|a ce numero|chez (?:moi|nous)))?(?:(?= (?:d accord|ok|c est clair|c est compris|compris|la|c est fini|merci|svp|s il vous plait|stp)(?![^ ]))|(?<=^(?:(?:bon|alors|ecoutez|ecoute|donc|ok|voila|maintenant|non|bon alors) )*(?:vous|tu) [a-z ]+)$)',
      confidence: 0.85,
    },
    // "arrête ça tout de suite" as a whole text: this, whatever it is, is to stop.
    { id: 'arretez-ca', pattern: '^(?:arretez|arrete|arretes|cessez|stop) (?:ca|tout ca|cela)(?: (?:svp|stp|merci|tout de suite|maintenant|immediatement|s il vous plait|c est trop))*$', confidence: 0.8 },
    // A household member's word passed on, about this number: "mon mari dit d'arrêter d'appeler ici", "ma mère veut que vous arrêtiez de l'appeler à ce numéro".
    { id: 'recado-ici', pattern: '(?:dit|demande|veut|veulent|a dit|a demande)(?: (?:de|d|que|qu))?(?: vous)? {cease} (?:de|d) (?:(?:me|m|nous|l|le|la|les|lui|leur) |m(?=[a-z]))?{contactInf} (?:ici|icitte|a ce numero|sur ce numero|chez (?:nous|moi)|a la maison)', confidence: 0.85 },
    // "ma grand-mère veut plus que vous l'appeliez ici": someone of the household, at this number.
    { id: 'veut-plus-qu-on-l-appelle-ici', pattern: '(?:veut|veulent) (?:plus|pus|pu|pas) qu(?:e)? ?(?:vous|on) (?:l|la|le|les|lui|leur) ?(?:appeliez|rappeliez|contactiez|ecriviez|textiez|envoyiez|appelle|rappelle|contacte|ecrive|texte) (?:ici|icitte|a ce numero|sur ce numero|chez (?:nous|moi)|a la maison)', confidence: 0.85 },
    // "pas d'appels svp, plus jamais"
    { id: 'pas-d-appels-plus-jamais', pattern: '^pas (?:de |d )?{contactNoun}(?: (?:svp|stp|merci|s il vous plait))* (?:plus jamais|du tout|a ce numero|ici)', confidence: 0.85 },
    // "je suis inscrit sur Bloctel", "mettez-moi sur la liste d'opposition"
    { id: 'liste-opposition', pattern: '(?:inscrite?s?|inscrivez moi|inscrivez|mettez moi|mettez|ajoutez moi|ajoutez|mettre|enregistree?) (?:sur|a|dans|en) (?:la |le )?{oppositionList}', confidence: 0.9, negatable: true },
    // How to stop them, asked of the sender: "comment je fais pour arrêter de recevoir ces messages?", "comment on se désabonne?".
    {
      id: 'comment-arreter',
      pattern: '(?:comment|c est quoi la facon de|quelle est la facon de|(?:qu est|quest) ce (?:que|qu) (?:je|j|on) (?:dois|doit|peux|peut|fais|fait)(?: faire)?|que (?:dois|faut) (?:je|il) faire|y a (?:t il )?moyen (?:de|d))(?: (?:je|j|on|est ce que|est ce qu|faire|fais|fait|faut il|dois je|peut on|puis je|pour|on fait|je fais|je peux|je dois|on peut|il faut))* (?:(?:arreter|cesser|ne plus|plus|pu) (?:de |d )?(?:recevoir|etre (?:{contactPassive}))|(?:me|m|nous|se) (?:desabonner|desabonne|desinscrire|desinscris|faire retirer)|(?:arreter|bloquer|desactiver|couper|annuler) (?:(?:{det}) )?{contactNoun}|(?:(?:faire )?(?:pour )?(?:que vous|qu on) )(?:arretiez|cessiez|arrete) (?:de|d) (?:me |m ?|nous )?{contactInf})',
      confidence: 0.85, notAfter: '(?:sais|savez|sait)(?: pas)?', unless: '{otherSender}|(?:[a-z]+ ){0,3}{appNotices}|(?:[a-z]+ ){0,3}(?:juste|seulement|uniquement)',
    },
    // "arrêtez svp, ça me dérange": the order, then why.
    { id: 'arretez-ca-me-derange', pattern: '^(?:arretez|arrete|cessez|stop)(?: (?:svp|stp|s il vous plait|la))*(?: ,)? (?:ca|vous|vos {contactNoun}) (?:me|m|nous) (?:derangez?|ennuie|ennuyez|enervez?|agacez?|saoulez?|gavez?|harcelez?|derangent|embetez?)(?![^ ])', confidence: 0.85 },
    // "arrêtez, c'est la dixième fois", "arrête là, ça fait trois fois": the order, then how often they called.
    { id: 'arretez-tant-de-fois', pattern: '(?:arretez|arrete|cessez|stop)(?: (?:svp|stp|s il vous plait|la|maintenant))*(?: ,)? (?:c est (?:la|le) [a-z]+ (?:fois|appel)|ca fait [a-z]+ fois|vous (?:m |me )?(?:appelez|rappelez|ecrivez) (?:tout le temps|sans arret|trop|chaque jour))', confidence: 0.8, negatable: true, notAfter: '{reported}|{selfSubject}' },
    // "je fais opposition au démarchage", "opposition à toute sollicitation": the consumer's objection, made now.
    { id: 'fais-opposition', pattern: '(?:(?:^|je |j )(?:fais|formule|declare|signifie|mets)(?: (?:mon|une))? |^)opposition (?:au|aux|a|a tout|a toute|a toutes|a tous) (?:demarchage|prospection|sollicitations?|{contactNoun})', confidence: 0.85, negatable: true },
    // "mettez fin à vos appels", "mettez un terme à ces messages"
    { id: 'mettez-fin', pattern: '(?:mettez|mettre|mets|met) (?:fin|un terme|un point final|un stop) (?:a|aux) (?:(?:vos|ces|les|tous vos|tous ces|toutes vos|toutes ces|votre|ce) )?(?:{contactNoun}|harcelement|demarchage)', confidence: 0.85, negatable: true, notAfter: '{reported}|(?:va|vais|a|ai|ont|avait|doit|devrait|pour)' },
    // "combien de fois faut-il vous dire d'arrêter": a repeated request.
    { id: 'combien-de-fois', pattern: 'combien de fois (?:faut il|dois je|je dois|il faut|faut)(?: (?:que je|vous|te|le))* (?:dire|repeter|demander)(?: (?:de|d) (?:arreter|cesser|ne plus|plus))?(?=$| ,| (?:svp|merci|stp)(?![^ ]))', confidence: 0.8 },
  ],
};
