/**
 * Portuguese (Brazil first). Written without accents: "não me ligue mais" is
 * matched as `nao me ligue mais`.
 *
 * As in Spanish, mood matters: "não pare de ligar" (subjunctive, negated
 * request: keep calling) is cancelled by negation, while "vocês não param de
 * me ligar" / "não para de me ligar" (indicative, a complaint) is an opt-out.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const pt: Lexicon = {
  lang: 'pt',
  script: 'Latin',
  keywords: {
    opt_out: ['sair', 'parar', 'pare', 'parem', 'para', 'pare com isso', 'para com isso', 'nao quero mais', 'cancelar', 'descadastrar', 'descadastro', 'remover', 'chega', 'fim', 'stop',
      'stop mensagens', 'stop sms', 'stop ligacoes', 'n quero mais', 'naum quero mais', 'parem com isso',
      'bloquear', 'cancela', 'descadastre', 'descadastra', 'remova', 'excluir', 'parar tudo', 'cancelar tudo', 'cancela tudo',
      // Texted: "para c isso", "sai fora" (a whole text to the sender is addressed to the sender).
      'para c isso', 'pare c isso', 'parem c isso', 'para cm isso', 'sai daqui', 'sai fora', 'saiam fora', 'me tira', 'me tira dai', 'me tira daqui',
    ],
    opt_in: ['sim', 'iniciar', 'voltar', 'comecar'],
    help: ['ajuda', 'info'],
  },
  voiceKeywords: ['pare', 'para', 'pare com isso', 'para com isso', 'chega', 'stop'],
  clauseKeywords: ['sair', 'pare', 'parar', 'stop', 'para com isso', 'pare com isso', 'parem com isso', 'para c isso', 'pare c isso', 'sai fora'],
  softeners: [
    'por favor', 'pfv', 'pf', 'pfvr', 'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'obg', 'brigado', 'nao', 'nao obrigado', 'nao obrigada', 'ok', 'ja', 'agora',
    'agora mesmo', 'moco', 'moca', 'senhor', 'senhora', 'numero errado', 'nao tenho interesse', 'eu ja disse', 'ja falei', 'por gentileza', 'chega', 'ne', 'pls', 'please', 'nao aguento mais', 'n aguento mais', 'ja deu',
  ],
  fillers: ['ahn', 'hum', 'humm', 'hmm'],
  laughter: ['k{3,}', '(?:rs){2,}', '(?:ha){2,}h?', '(?:he){2,}h?'],
  notTypos: ['sari', 'pera', 'rapa', 'preciso', 'precisa', 'precisam'],
  negation: {
    cue: ['nao', 'naum', 'num', 'n', 'nunca', 'jamais'],
    bridge: ['e', 'eh', 'era', 'quero', 'queria', 'disse', 'falei', 'pedi', 'mandei', 'que', 'pra', 'para', 'voce', 'vc', 'eu', 'me', 'te', 'lhe', 'nos', 'vai', 'vou', 'precisa', 'precisam'],
    exceptAfter: ['por que', 'porque'],
  },
  classes: {
    // After "pare de …" with a pronoun: anything that reaches the person.
    // "para de ficar me ligando": the progressive, with or without the pronoun.
    progressive: ['ficar (?:(?:me|nos) )?(?:ligando|mandando (?:{contactNoun}|mensagem)|perturbando|incomodando|enchendo(?: o saco)?|chamando|procurando)'],
    contactWithPronoun: ['ligar+', 'liga', 'li gar', 'legar', 'telefonar', 'incomodar', 'perturbar', 'atazanar', 'azucrinar', 'amolar', 'aporrinhar', 'atormentar', 'encher(?: o saco)?', 'chamar(?! de (?!novo(?![^ ]))[a-z]+)', 'contatar', 'mandar', 'enviar', 'escrever', 'importunar', 'procurar'],
    // Without a pronoun the verb itself must be about contact.
    contactBare: [
      'ligar?(?: (?:pra|para) (?:mim|esse numero|este numero|ca))?', 'telefonar', 'incomodar', 'perturbar', 'contatar', 'importunar',
      '(?:mandar|enviar) (?:(?:{det}) )?(?:{contactNoun}|{junk})', '(?:mandar|enviar)(?=$| ,| (?:pfv|pf|por favor|ja|agora|isso)(?![^ ]))', 'encher(?: o saco)?', 'ficar ligando(?: (?:pra|para) mim)?', 'entrar em contato(?: comigo)?',
    ],
    contactImp: [
      'ligue', 'ligui', 'liga', 'ligar', 'liguem', 'li gue', 'li ga', 'legue', 'ligem', 'liguen', 'enche', 'telefone', 'telefonem', 'incomode', 'incomodem', 'perturbe', 'perturbem', 'chama(?! de (?!novo(?![^ ]))[a-z]+)', 'chame(?! de (?!novo(?![^ ]))[a-z]+)', 'chamem(?! de (?!novo(?![^ ]))[a-z]+)',
      'procure', 'procurem', 'contate', 'contatem', 'contacte', 'contactem', 'escreva', 'escrevam', 'encha', 'encham', 'aborreca', 'aborrecam', 'amole', 'amolem',
      'importune', 'importunem',
    ],
    sendImp: ['mande', 'mandem', 'manda', 'envie', 'enviem', 'envia'],
    contactNoun: [
      'mensa[gj]e(?:m|ns)', 'msgs?', 'sms', 'ligac(?:ao|oes)', 'chamadas?', 'torpedos?', 'propagandas?', 'promoc(?:ao|oes)', 'emails?', 'notificac(?:ao|oes)', 'spam', 'zaps?', 'whats(?:app)?s?', 'zapzap', 'correntes?',
      'avisos', 'lembretes', 'alertas', 'comunicados', 'boletins', 'ofertas?', 'anuncios?', 'newsletters?', 'comunicac(?:ao|oes)', 'telefonemas?',
      // Code-switched: "não quero mais esses calls", "para de mandar texts".
      'calls', 'texts', 'messages',
      // What a sender pushes by text, named by kind: "para de mandar audio", "chega de links".
      'publicidades?', 'audios?', 'memes?', 'figurinhas?', 'links?', 'videos?',
    ],
    // Something else no longer to be sent: "não me manda mais o boleto no papel" (not "… essas mensagens", "… essas porcarias").
    otherThing: ['(?:o|a|os|as|esse|essa|esses|essas|este|esta) (?!(?:{contactNoun}|mensagem|propagandas?|porcarias?|coisas?|lixo|besteiras?|isso|nada|senhor|senhora|esse|este|essa|esta|meu|minha|bem|bom|certo|claro|ok)(?![^ ]))[a-z]+', '(?:aquele|aquela|aqueles|aquelas) [a-z]+'],
    // "não me liguem no trabalho, liguem nesse número": this number is the one to call.
    redirect: ['(?:[a-z]+ |, ){0,10}(?:(?:me |nos )?(?:ligue|liguem|liga|chama|chame|chamem|manda|mande|mandem)) (?:pra mim|nesse numero|neste numero|aqui|(?:pra|para|p) (?:esse|este) numero)(?![^ ])'],
    // How to call, not whether: "… sem me avisar antes".
    manner: ['(?:[a-z]+ ){0,4}sem (?:me |nos )?(?:avisar|falar comigo|falar com a gente|consultar|perguntar|autorizacao)(?![^ ])'],
    again: ['mais', 'nunca mais', 'de novo', 'outra vez'],
    target: ['neste numero', 'nesse numero', '(?:pra|para|p) (?:esse|este) (?:numero|celular|telemovel|telefone)', 'aqui', 'pra mim', 'para mim', '(?:pra|para) (?:ca|esta casa|essa casa)'],
    deferral: [
      'agora', 'hoje', 'amanha', 'depois', 'mais tarde', 'nesse horario', 'neste horario', 'antes', 'ate', 'estou dirigindo', 'to dirigindo',
      'estou ocupad[oa]', 'to ocupad[oa]', 'estou trabalhando', 'de manha', 'a noite', 'essa hora', 'esse horario', '(?:no|nesse|neste|em) horario', 'na hora d[oa]',
      // A place, like an hour, asks for another number, not for no contact: "não me liguem no trabalho".
      '(?:no|pro|para o|pra o|ao|na|pra|para a)(?: (?:meu|minha))? (?:trabalho|servico|escritorio|emprego|firma)(?![^ ])',
      // Another phone or channel: "não me liga no fixo, liga no celular".
      '(?:no|pro|pelo|para o|pra o) (?:fixo|celular|cel|telefone (?:de casa|fixo|do trabalho))(?![^ ])',
    ],
    // Someone else asked: "minha mãe pediu pra parar de ligar pra ela" (not the consumer's own "eu pedi pra parar").
    // "meu chefe falou pra eu parar de mandar …", and the consumer's own word to someone named: "eu falei pra minha filha parar".
    reported: [
      '(?<!(?:^| )eu )(?:pediu|pediram|disse|disseram|falou|falaram|mandou|mandaram|fala|falam|diz|dizem|pede|pedem|avisou|avisaram|gritou|gritaram|escreveu|respondeu|manda|mandam)(?: (?:pra|para|pro|que|q))?(?: (?:falar|dizer|avisar|pedir)(?: (?:pra|para|a|que))?)?(?: (?:e|era) (?:pra|para))?(?: (?:eu|a gente|gente|mim|voces|vcs|voce|vc|eles|elas|ele|ela|(?:a |o )?(?:(?:teu|tua|seu|sua|meu|minha|nosso|nossa) )?(?!(?:senhor|senhora)(?![^ ]))[a-z]+(?: (?:dele|dela|deles|delas|da empresa))?))?(?: (?:iam|ia|iriam|vao|vai|deviam|deveriam|devem|tinham que|tem que|precisam))?(?: (?:nao|n|nunca))?',
      // A company or person named bare: "eu falei pra Verizon parar de ligar" (not "falei pra vocês", "pro senhor").
      '(?:falei|pedi|disse|mandei|falamos|pedimos|gritei) (?:pra|para|pro|a|ao) (?:(?:minha|meu|o|a) )?(?!(?:voces|vcs|voce|vc|ces|tu|senhor|senhora|mim|gente)(?![^ ]))[a-z]+(?: [a-z]+)?(?: (?:da|do|de|das|dos) (?:[a-z]+ ){0,2}[a-z]+)?',
    ],
    // The consumer stopping: "vou parar de mandar mensagem pra vocês", "preciso parar de ligar pra minha mãe".
    selfSubject: ['(?:eu|vou|vamos|preciso|precisamos|tenho que|temos que|devo|devemos|quero|queria|posso|a gente|gente)'],
    // A third party as the subject of a complaint: "a vizinha não para de ligar …", "o banco não para de me mandar …"
    // (not "o senhor", "a senhora", "a empresa de vocês": the business itself).
    thirdSubject: ['(?:a|o|as|os|minha|meu|minhas|meus|essa|esse|este|esta|aquela|aquele|sua|seu)(?: (?:minha|meu|minhas|meus))? (?!(?:senhor|senhora|senhores|senhoras|empresa|loja|moca|moco|voces|vcs|vez|semana|hora|noite|manha|tarde|mes|ano|dia|vida)(?![^ ]))[a-z]+(?: (?:nao|nunca|vive|fica))?'],
    // Someone at this number the request is made for: "parem de ligar pra minha mãe".
    family: ['mae|pai|avo|vovo|vo|filho|filha|filhos|marido|esposo|esposa|mulher|irmao|irma|sogra|sogro|tia|tio|neto|neta|familia|pais'],
    // Calls to someone not at this number: "… pra minha vizinha" (not "… pra minha casa", "… para meu número", "… pra minha mãe",
    // who may share it), or to the business, the consumer's own ("vou parar de mandar mensagem pra vocês").
    someoneElse: [
      '(?:pra|para|pro) (?:voces|vcs|voce|vc|(?:a |o )?(?:minha|meu|sua|seu) (?!numero|celular|telefone|casa|fixo|(?:{family})(?![^ ]))[a-z]+)(?![^ ])',
      '(?:pro|pra o|pra a|para o|para a|ao) (?!(?:{family}|numero|celular|telefone|fixo|meu|minha|seu|sua|nosso|nossa|mesmo|senhor|senhora|whats|whatsapp|zap|email)(?![^ ]))[a-z]+',
    ],
    // Spam in general, not this sender: "como parar as ligações de telemarketing em geral".
    generalSpam: ['(?:[a-z]+ ){0,3}(?:de|do|da|dos|das) (?:telemarketing|spam|golpes?|golpistas?|robos?|robo|desconhecidos?|numeros? desconhecidos?|numeros? estranhos?)(?![^ ])', '(?:[a-z]+ ){0,3}(?:em|no) geral(?![^ ])', '(?:(?:{det}|de|do|da) )?(?:spam|golpes?|telemarketing)(?![^ ])', '(?:[a-z]+ ){0,4}(?:de|dos?|das?) (?:outr[oa]s?|qualquer) (?:numeros?|empresas?|lugares?|pessoas?|contatos?)(?![^ ])'],
    // Asked as a hypothesis or about the keyword: "o que acontece se eu pedir pra sair da lista", "PARE bloqueia as ligações?".
    hypothetical: ['(?:se|caso|quando) (?:eu|a gente|eu ja)(?: [a-z]+){0,3}', '(?:ia|iria|pensei em|quase)(?: (?:pedir|falar))?(?: (?:pra|para|pro|que))?'],
    // Something else to stop receiving: "quero parar de receber a fatura em papel", "… cobrança indevida".
    notContactObject: ['(?:(?:{det}|estas|estes|uma|um) )?(?!(?:{contactNoun}|mensagem|isso|isto|nada|mais|essas|esses|estas|estes|as|os|de|da|do|dos|das|dessa|desse|por|pfv|pf|por favor|obrigad[oa]|obg|aqui|ai|vcs|voces|nenhuma|nenhum|tanta|tantas|sms|{junk})(?![^ ]))[a-z]+'],
    // Someone outside the household, or with a number of their own: "minha irmã quer sair da lista, o cel dela é …".
    outsiderWants: ['(?:(?:minha|meu|a|o) )?(?:vizinh[oa]|amig[oa]|colega|chefe|cunhad[oa]|prim[oa]|namorad[oa]|ex|patrao|patroa)(?: [a-z]+)? (?:quer|queria|pediu pra|pediu para|precisa)'],
    ownNumber: ['(?:[^ ]+ ){0,5}(?:, )?o (?:cel|celular|numero|telefone|zap)(?: [a-z]+)? (?:dela|dele) (?:e|eh|tem)(?![^ ])'],
    keywordSubject: ['(?:sair|pare|parar|stop|cancelar|descadastrar|isso|o app|o aplicativo)'],
    // How to stop these: a wish that they stop, asked as a question (not spam in general).
    howTo: ['(?:como|tem como|da pra|da para|qual (?:o|e o) jeito de|o que (?:eu )?(?:faco|faz|tenho que fazer) (?:pra|para)|(?:onde|aonde|em que|no que) (?:eu |a gente )?(?:clico|aperto|toco|respondo|mando|vou|entro))(?: (?:e que|que|q|eu|faco|faz|fasso|a gente|posso|consigo|pra|para|p|se|de|ja|faco pra|faco para|faz pra))*'],
    // A wish in the subjunctive: "gostaria que parassem de", "queria que não me ligassem mais".
    wish: ['(?:gostaria|gostariamos|queria|quero|peco|pedimos|prefiro|preferia|preferiria|solicito|agradeco|agradeceria|agradecia|exijo|exigimos)(?: muito)? (?:que|q|ke)(?: (?:voces|vcs|voce|vc|o senhor|a senhora|a empresa))?'],
    subjContact: ['ligassem|liguem|ligarem|mandassem|mandem|mandarem|enviassem|enviem|enviarem|contatassem|contatem|telefonassem|telefonem|procurassem|procurem|incomodassem|incomodem|escrevessem|escrevam|perturbassem|perturbem'],
    // "quero" as texted: "n qro + msg", "nao kero".
    want: ['quero', 'qro', 'qero', 'kero', 'desejo', 'queremos', 'pretendo', 'preciso de', 'quero nem'],
    // What an angry texter calls the messages: "para de mandar essas merdas".
    junk: ['porcarias?', 'lixo', 'besteiras?', 'coisas?', 'merdas?', 'bostas?', 'tranqueiras?', 'palhacadas?', 'chatices?'],
    det: ['sua', 'suas', 'seu', 'seus', 'essa', 'essas', 'esse', 'esses', 'a', 'as', 'o', 'os', 'nenhuma', 'nenhum', 'tanta', 'tantas'],
    listNoun: [
      'listas?(?: de (?:conta(?:c)?tos|vcs|voces|transmissao|clientes|mensagens|ligacoes))?', 'list', 'cadastro', 'base(?: de dados)?', 'envios?(?: automaticos?| de (?:mensagens|sms))?', 'banco de dados', 'sistema', 'mailing', 'contatos',
      // A messaging group, said alone: "me tira desse grupo" (not "do grupo de dança").
      'grupos?(?=$| ,| (?:de (?:mensagens?|whats(?:app)?|zap|transmissao)|pfv|pf|por favor|ja|ai|obrigad[oa])(?![^ ]))',
    ],
    who: ['me', 'nos', 'eu', '(?:o )?meu cel', '(?:o )?numero (?:da|do) (?:minha|meu) (?:{family})', 'o meu numero', 'meu numero', 'meu contato', 'meus dados', 'esse numero', 'este numero', 'meu nome', 'meu telefone', 'meu celular'],
    // An app's own notifications, not these messages: "como faço pra parar as notificações do aplicativo".
    appNotices: ['(?:do|da|no|na) (?:aplicativo|app|aplicacao|celular|iphone|android|telefone|instagram|insta|facebook|face)(?![^ ])'],
    // For a while only: "me deixa em paz hoje que tô doente".
    forNow: ['(?:hoje|por hoje|agora (?:que|q)|(?:essa|esta) semana|(?:um )?pouco|uns dias|(?:um )?minuto|(?:um )?instante)(?![^ ])'],
    // A waiting list, a guest list: a service, not these messages.
    otherList: ['de (?:espera|presenca|convidados|compras|desejos|casamento)(?![^ ])'],
    removeVerb: [
      'tire', 'tira', 'tirem', 'tirar', 'remova', 'remove', 'removam', 'remover', 'exclua', 'exclui', 'excluam', 'excluir', 'apague', 'apaga',
      'apaguem', 'apagar', 'risca', 'risque', 'risquem', 'riscar', 'retire', 'retira', 'retirem', 'retirar', 'descadastre', 'descadastra', 'descadastrem', 'descadastrar', 'delete',
      'deleta', 'deletem',
      // Asked for, in the subjunctive: "já pedi que me retirassem da lista".
      'tirassem', 'retirassem', 'removessem', 'excluissem', 'apagassem', 'descadastrassem', 'tirarem', 'retirarem', 'removerem', 'excluirem',
    ],
    fromList: ['da', 'das', 'de', 'dessa', 'desta', 'dessas', 'do', 'dos', 'desse', 'deste', 'na', 'no', 'desses', 'destes', 'destas', 'de sua', 'da sua', 'do seu', 'de seu', 'da vossa', 'do vosso', 'das vossas', 'dos vossos'],
    // Another place to be called, not no calls: "para de me ligar no trabalho, liga no celular".
    elsewhere: ['(?:no|pro|para o|pra o|ao|na|pra|para a)(?: (?:meu|minha))? (?:trabalho|servico|escritorio|emprego|firma)(?![^ ])', '(?:no|pelo|na|pela) (?:fixo|celular|cel|whats(?:app)?|zap|email)(?: ,)? (?:me |nos )?(?:liga|ligue|liguem|manda|mande|mandem|chama|chame|escreve)(?![^ ])'],
    // Paper and account things sent or kept, not these messages: "não me manda mais boleto por correio", "descadastrar o cartão antigo".
    accountThing: ['(?:(?:{det}|meu|minha|meus|minhas|um|uma) )?(?:boletos?|faturas?|contas?|cobrancas?|cartas?|correspondencias?|revistas?|catalogos?|extratos?|carnes?|cartao|cartoes|chaves?(?: pix)?|pix|enderecos?|senhas?|dependentes?|tecnicos?|encomendas?|pacotes?|amostras?|produtos?|aplicativo|app|debito)(?![^ ])', '(?:(?:{det}) )?[a-z]+ (?:antig|velh)[oa]s?(?![^ ])'],
    // The consumer wants them to go on: "não para de ligar não, eu quero a oferta".
    keepGoing: ['(?:[a-z]+ |, ){0,4}(?:eu )?(?:quero (?:(?:a|o|as|os) (?:ofertas?|promoc(?:ao|oes)|propostas?|planos?|produtos?|descontos?|informac(?:ao|oes)|novidades?)|sim|saber|continuar|receber)|pode(?:m)? continuar|continua(?:m)? (?:ligando|mandando)|tenho interesse|me interessa)(?![^ ])'],
    // The subject of a complaint named in English: "the delivery guy não para de ligar" (not "oh my god, para de me ligar").
    englishSubject: ['(?:the|my|his|her|their)(?: [a-z]+){1,3} (?:nao|nunca)'],
    // A condition before the subject: "se eu quitar a dívida vocês param de ligar?".
    conditionSubject: ['(?:se|caso|quando) (?:[a-z]+ ){1,5}(?:voces|vcs|voce|vc|eles)(?: nao)?'],
    // …or after it: "vocês vão parar de me ligar se eu pagar hoje?", "… depois que eu pagar, né?".
    ifClause: ['(?:[a-z]+ ){0,4}(?:se|caso|depois que|assim que|logo que|quando) (?:eu|a gente)(?! (?:quiser|quisermos|precisar|precisarmos|tiver interesse)(?![^ ]))(?![^ ])'],
    // Someone else asked to get the speaker out of something: "alguém me tira desse trânsito".
    pleaToOthers: ['(?:alguem|quem|ninguem|(?<!(?:^| )de )deus|ele|ela|eles|elas)'],
    dncList: ['(?:lista|cadastro)(?: (?:do|de|da))? (?:nao perturbe|bloqueio|nao ligar|nao me ligue|procon)'],
  },
  rules: [
    // "pare de me ligar", "parem de ligar pra esse número"; negatable: "não pare de ligar".
    { id: 'pare-de-ligar', pattern: '(?:pare|parem|parar|deixe|deixem|deixar|escusa|escusam|escusas) (?:de|di|d) (?:(?:me|mi|nos|m) {contactWithPronoun}|{contactBare}|{progressive})', confidence: 0.95, negatable: true, notAfter: '{reported}|{selfSubject}|(?:ia|iam|iriam)|(?<!(?:nao|n) )(?:vai|vao|irao)',
      // The infinitive as a subject: "parar de ligar não resolve nada".
      unless: '{someoneElse}|{otherThing}|{manner}|{elsewhere}|{keepGoing}|{ifClause}|(?:mais )?{accountThing}|(?:nao |nunca )?(?:resolve|resolveria|adianta|adiantaria|ajuda|funciona|seria|foi)(?![^ ])' },
    // "para de me ligar", "vocês não param de me ligar" (a complaint): never a negated request.
    { id: 'para-de-ligar', pattern: '(?:para|param|deixa|deixam|dexa|pa ra) (?:de|di|d) (?:(?:me|mi|nos|m) {contactWithPronoun}|{contactBare}|{progressive})', confidence: 0.9, notAfter: '{reported}|(?:ele|ela|eles|elas)(?: nao| nunca)?|{thirdSubject}|{thirdSubject}(?: (?!(?:voces|vcs|voce|vc)(?![^ ]))[a-z]+){1,4} e(?: nao| nunca)?|{englishSubject}|{conditionSubject}',
      unless: '{someoneElse}|{otherThing}|{manner}|{elsewhere}|{keepGoing}|{ifClause}|(?:mais )?{accountThing}' },
    // Speech recognition glues "para de me" together: "parademe ligar", "paradi mi ligar".
    { id: 'parademe-ligar', pattern: '(?:para(?:de|di)(?: ?(?:me|mi|nos))?|(?:para|pare|parem) (?:deme|dime|demi|dimi)) (?:ligar+|liga|telefonar|mandar|enviar|perturbar|incomodar|ficar ligando)', confidence: 0.85, notAfter: '{reported}|(?:ele|ela|eles|elas)(?: nao| nunca)?|{thirdSubject}' },
    // "não me ligue mais", "nunca mais me ligue", "não me mande mais sms"; not "ele não me liga mais", "… agora estou dirigindo".
    {
      id: 'nao-me-ligue',
      pattern: '(?:(?:nao|naum|num|n|nunca mais|nunca|jamais|ja nao) (?:me|mi|nos)|naome|naomi|naumme) (?:{contactImp}|{sendImp}(?= (?:mais|nada|nd|{contactNoun})(?![^ ])))(?: {again})?',
      // "vocês não me ligam mais" is a statement; "… da empresa de vocês, não me liguem" is not.
      confidence: 0.95, notAfter: '(?:ele|ela|eles|elas|ninguem|(?<!(?:^| )(?:de|da|do|pra|para|com|a) )(?:voce|vc|vcs|voces)|isso|isto|(?:a |o )?(?:minha|meu|sua|seu) [a-z]+)', unless: '(?:{contactNoun} )?{deferral}|(?:que |q )?eu (?:te |lhe )?ligo|{redirect}|{otherThing}|(?:mais )?{accountThing}',
    },
    // "não liguem pro meu marido aqui": someone of the household at this number.
    { id: 'nao-ligue-aqui', pattern: '(?:nao|naum|num|n|nunca mais|nunca|jamais) {contactImp}(?: (?:pra|para|pro) (?:a |o )?(?:minha|meu|nossa|nosso) (?:{family}))? (?:{again}|{target})', confidence: 0.9, notAfter: '(?:ele|ela|eles|elas|ninguem|voce|vc|vcs|voces)|{reported}', unless: '{deferral}' },
    // "não quero mais receber mensagens", "não quero que me liguem"
    { id: 'nao-quero-receber', pattern: '(?:nao|naum|num|n|ja nao) (?:{want}|preciso|quer|querem)(?: mais)?(?: (?:receber|ficar recebendo|continuar (?:a )?receber|continuar recebendo|ter))?(?: mais)?(?: {det})? {contactNoun}', confidence: 0.9,
      // Someone else's sender: "minha mãe não quer mais ligação do banco dela".
      unless: '(?:[a-z]+ )?(?:do|da|dos|das) (?:[a-z]+ )?(?:dela|dele|deles|delas)(?![^ ])' },
    // "não quero receber mais nada" — only with receber: "não quero nada" refuses an offer.
    { id: 'nao-quero-receber-nada', pattern: '(?:nao|naum|num|n|ja nao) (?:{want})(?: mais)? (?:receber|ficar recebendo)(?: mais)? (?:nada(?: mais)?|nd|isso|isso aqui|essas coisas)', confidence: 0.85 },
    { id: 'nao-quero-ser-incomodado', pattern: '(?:nao|naum|num|ja nao) (?:quero|desejo|queremos)(?: mais)? ser(?: mais)? (?:incomodad|perturbad|contatad|ligad|chamad|importunad|procurad)[oa]s?', confidence: 0.9 },
    // "não envie mais mensagens", "não mandem mais nada"
    { id: 'nao-envie', pattern: '(?:nao|naum|num|n|nunca mais|nunca|jamais) {sendImp} (?:(?:mais )?(?:(?:{det}) )?(?:{contactNoun}|nada|nd)|mais(?=$| ,| (?:pfv|pf|por favor|obrigad[oa]|obg)(?![^ ])))', confidence: 0.9, notAfter: '(?:ele|ela|eles|elas|ninguem|voce|vc|vcs|voces)', unless: '{deferral}' },
    // "cancela essas mensagens"
    { id: 'cancela-mensagens', pattern: '(?:cancela|cancele|cancelem|cancelar|cancelando|cessem|cesse|cessar|cessa|suspendam|suspenda|bloqueia|bloqueie|bloqueiem|desativa|desative|desativem|desativar|desliga|desligue|desliguem) (?:(?:o |esse |este |seu )?(?:recebimento|envio|servico) (?:de|das|dos|dessas|desses|destas|destes) )?(?:(?:{det}) )?{contactNoun}|(?:cancela|cancele|cancelem|cancelar|cancelando|cessem|cesse|cessar|cessa|bloqueia|bloqueie|bloqueiem|bloquear|desativa|desative|desativem|desativar|corta|corte|cortem) (?:o |os )?(?:envios?|recebimento) (?:pra|para|p|a|ao) (?:esse|este|o meu|meu) (?:numero|celular|telefone|telemovel)|(?:cessem|cesse|cessar|cancelem|cancela|cancele|cancelar|suspendam|suspenda|suspender|parem|pare|parar|desativa|desative|desativar) (?:o|os|esse|esses|este|meu) (?:envios?|recebimento)(?=$| ,| (?:por favor|pfv|pf|obrigad[oa]|obg)(?![^ ]))',
      confidence: 0.85, negatable: true, notAfter: '{hypothetical}|{keywordSubject}', unless: '{generalSpam}|(?:[a-z]+ ){0,3}{appNotices}' },
    // "não aguento mais essas mensagens", "cansei dessas ligações"
    { id: 'nao-aguento', pattern: '(?:nao aguento|nao suporto|nao aguentamos|cansei|enjoei|(?:to|tou|estou|ja to|ja estou|tamo|estamos) (?:cansad[oa]s?|cheio|cheia|cheios|cheias|fart[oa]s?|de saco cheio))(?: mais)?(?: (?:de|das|dos|dessas|desses))?(?: (?:{det}))? {contactNoun}', confidence: 0.85 },
    // "não autorizo contato", "não autorizo que me liguem"
    {
      id: 'nao-autorizo',
      pattern: '(?:nao|naum|num|ja nao) (?:autorizo|autorizei|permito|permiti|aceito|consinto)(?: (?:o|mais|que|voces|vcs|voce|vc|a|nenhum|nenhuma|esse|esse tipo de|receber|ser|envio de|envio das|o envio de|recebimento de))*(?: (?:me|nos))? (?:{contactNoun}|contato|contatad[oa]|ligacoes|liguem|ligue|mandem|enviem|ligarem|mandarem|enviarem|ligar|uso do meu (?:numero|telefone|celular))',
      confidence: 0.9,
    },
    // "não entrem mais em contato", "favor não ligar", "quero parar de receber"
    { id: 'nao-entrem-em-contato', pattern: '(?:nao|naum|num|nunca mais|jamais) (?:entre|entrem)(?: mais)? em contato', confidence: 0.9, notAfter: '(?:ele|ela|eles|elas|ninguem|voce|vc|vcs|voces)', unless: '{deferral}' },
    { id: 'favor-nao-ligar', pattern: '(?:favor|por favor|pfv|pf) (?:nao|naum|num|nunca mais) (?:(?:me|nos) )?(?:mais )?(?:ligar|mandar mensage(?:m|ns)|enviar mensage(?:m|ns)|entrar(?: mais)? em conta(?:c)?to|mandar|enviar|contatar)(?: mais)?', confidence: 0.85, unless: '{deferral}' },
    { id: 'parar-de-receber', pattern: '(?:quero|queria|gostaria de|preciso|desejo) parar de receber', confidence: 0.85, unless: '{notContactObject}' },
    // "me exclui", "me tira daí": the request ends there.
    { id: 'me-tira', pattern: '(?:(?:me|nos) (?:exclui|exclua|excluam|remove|remova|removam|tira|tire|tirem|apaga|apague|apaguem|deleta|deletem|descadastra|descadastre|bloqueia|bloqueie|bloqueiem)|(?:exclua|excluam|remova|removam|tire|tirem|apague|apaguem|retire|retirem|risque|risquem) (?:me|nos))(?=$| ,| (?:por favor|pfv|pf|ai|dai|daqui|ja|agora|disso|dessa|desse|dessas|desses|fora)(?![^ ]))', confidence: 0.85, negatable: true, notAfter: '{pleaToOthers}' },
    // The spoken "tira eu daí", "tira a gente dessa".
    { id: 'tira-eu', pattern: '(?:tira|tire|tirem|remove|remova|exclui|exclua|apaga|deleta) (?:eu|a gente)(?=$| ,| (?:por favor|pfv|pf|ai|dai|daqui|disso|dessa|desse|ja|agora|fora)(?![^ ]))', confidence: 0.85, negatable: true, notAfter: '{pleaToOthers}' },
    // "me esquece"
    { id: 'me-esquece', pattern: '(?:me|nos) (?:esquece|esqueca|esquecam)(?=$| ,| (?:por favor|pfv|pf|ta|ok)(?![^ ]))', confidence: 0.8, negatable: true },
    { id: 'nao-quero-que-me-liguem', pattern: '(?:nao|naum|num|ja nao) (?:quero|desejo|queremos) (?:mais )?(?:que|q|ke) (?:(?:voces|vcs|voce|vc|ninguem(?: (?:daqui|dai|de voces|da empresa))?|a empresa) )?(?:mais )?(?:(?:me|nos) )?(?:liguem|ligue|mandem|mande|enviem|envie|procurem|perturbem|incomodem|contatem|chamem|(?:fiquem|fique|continuem|continue) (?:(?:me|nos) )?(?:ligando|mandando|enviando|perturbando|incomodando|procurando))', confidence: 0.9 },
    { id: 'chega-de', pattern: '(?:chega|basta|cansei) (?:de|dessas|desses|das|dos|destas) (?:(?:{det}) )?{contactNoun}|(?:para|pare|parem|parar)(?: (?:ja|agora|imediatamente|logo))? (?:com|c|cm) (?:(?:{det}|essas|esses|estas|tantas) )?{contactNoun}|(?:para|pare|parem) (?:ja|agora|imediatamente|logo) (?:com|c|cm) (?:isso|isto)(?=$| ,| (?:por favor|pfv|pf)(?![^ ]))|(?:chega|basta|cansei) de (?:(?:me|nos) {contactWithPronoun}|{contactBare})', confidence: 0.85 },
    // "me tire da lista", "tira meu número da lista", "por favor me tira da lista de vcs"
    { id: 'tire-da-lista', pattern: '(?:(?:me|nos) )?{removeVerb}(?: (?:me|nos))?(?: {who})?(?: (?:la|dai|ai|daqui))? {fromList} (?:(?:sua|suas|seu|seus|minha) )?{listNoun}', confidence: 0.95, negatable: true, notAfter: '{reported}|{hypothetical}|{outsiderWants}', unless: '{otherList}|{ownNumber}' },
    // "me tira do whatsapp de vcs", "quero sair do sms de vocês": their messages as a list.
    { id: 'sair-do-whatsapp-de-voces', pattern: '(?:(?:me|nos) )?(?:{removeVerb}|sair|saio)(?: {who})? (?:do|da|dos|das) (?:{contactNoun}) (?:de|da|do) (?:voces|vcs|voce|vc)(?![^ ])', confidence: 0.85, negatable: true },
    // "quero sair da lista"; not "quero sair de casa"
    { id: 'sair-da-lista', pattern: '(?:sair|saio) {fromList} (?:{listNoun}|grupo de mensagens)', confidence: 0.9, negatable: true, notAfter: '{reported}|{hypothetical}|{outsiderWants}', unless: '{otherList}|{ownNumber}' },
    // "remover meu número"; not "… da minha conta"
    {
      id: 'remover-numero',
      pattern: '(?:{removeVerb}|esqueca|esquece|esquecam|bloqueia|bloqueie|bloqueiem|bloquear|cancela|cancele|cancelem|cancelar)(?: (?:la|dai|ai|daqui))? (?:o |os )?(?:meu|meus|esse|este|o meu|os meus) (?:numero|telefone|celular|contato|cadastro|nome|dados)',
      confidence: 0.9, negatable: true, notAfter: '{reported}|{hypothetical}|{outsiderWants}', unless: '(?:da|do|de|na|no) (?:(?:minha|meu|a|o|sua|seu) )?(?:conta|perfil|pedido|fatura|cartao|encomenda|entrega|reserva|apolice|contrato|nota)|(?:da|na|de) lista {otherList}',
    },
    { id: 'descadastrar', pattern: '(?:(?:me|nos) )?(?:descadastrar|descadastra|descadastre|descadastrem|descadastro|descadastramento|descadastrarme|descadastrame|descadastreme|desinscrever|desinscreve|desinscreva|desinscrevam|desinscricao)', confidence: 0.9, negatable: true, unless: '{accountThing}' },
    // "quero ser removido da lista"
    { id: 'ser-removido', pattern: '(?:ser|seja|fui|fosse) (?:removid|retirad|excluid|tirad|descadastrad|apagad)[oa]s?(?: (?:{fromList}) (?:(?:sua|suas|seu|seus) )?{listNoun}|(?=$| ,| (?:por favor|pfv|pf|ja|agora)(?![^ ])))', confidence: 0.9, negatable: true },
    // "eu pedi pra vocês não ligarem mais": the personal infinitive names the business.
    { id: 'voces-nao-ligarem', pattern: '(?:voces|vcs|voce|vc) (?:nao (?:me |nos )?(?:ligarem|ligar mais|mandarem|enviarem|contatarem|incomodarem|perturbarem|procurarem)|pararem (?:de|di) (?:me |nos )?(?:ligar|mandar|enviar|incomodar|perturbar))', confidence: 0.9, notAfter: '{reported}|(?:se|quando|caso|ate)', unless: '{someoneElse}' },
    // "retiro meu consentimento", "revogo a autorização"
    { id: 'retiro-consentimento', pattern: '(?:retiro|revogo|cancelo|retirar|revogar)(?: (?:o|a|meu|minha|todo|toda))* (?:consentimento|autorizacao|permissao)', confidence: 0.9, negatable: true },
    // "não dou permissão pra vocês me ligarem", "não tem minha autorização pra me mandar msg"
    {
      id: 'sem-permissao',
      pattern: '(?:nao|naum|num|n) (?:dou|damos|tem|tens|tenho dado) (?:a |mais )?(?:minha |nenhuma )?(?:permissao|autorizacao|consentimento) (?:pra|para|de|p) (?:(?:voces|vcs|voce|vc|ninguem) )?(?:(?:me|nos) )?(?:ligar(?:em)?|mandar(?:em)?|enviar(?:em)?|contatar(?:em)?|telefonar(?:em)?|escrever(?:em)?|entrar(?:em)? em contato)',
      confidence: 0.9,
    },
    // "não precisa mais me ligar", "não precisam me mandar mensagem mais"; not "não precisa me ligar amanhã".
    {
      id: 'nao-precisa-mais',
      pattern: '(?:nao|naum|num|n) (?:precisa|precisam)(?: de)?(?= (?:[a-z]+ )*mais(?![^ ]))(?: mais)? (?:(?:me|nos) )?(?:ligar|telefonar|contatar|procurar|(?:mandar|enviar) (?:(?:{det}) )?(?:{contactNoun}|nada|mais nada))(?: mais)?',
      confidence: 0.85, unless: '{deferral}',
    },
    // "não fica me ligando", "não fiquem me mandando mensagem toda hora"
    {
      id: 'nao-fique-ligando',
      pattern: '(?:nao|naum|num|n) (?:fica|fique|fiquem|ficar|continua|continue|continuem) (?:(?:me|nos) )?(?:ligando|mandando (?:{contactNoun}|mensagem|coisas?)|enviando (?:{contactNoun}|mensagem)|perturbando|incomodando|enchendo(?: o saco)?|chamando|procurando)',
      confidence: 0.9, notAfter: '(?:ele|ela|eles|elas|ninguem|voce|vc|vcs|voces)', unless: '{deferral}',
    },
    // "parem de me cobrar por sms": whatever the errand, not by this channel.
    { id: 'pare-de-por-sms', pattern: '(?:pare|parem|para|parar|deixe|deixem|deixa) (?:de|di|d) (?:(?:me|nos) )?[a-z]+ (?:por|via|pelo|pela) (?:sms|mensage(?:m|ns)|msgs?|telefone|ligac(?:ao|oes)|whats(?:app)?|zap)(?![^ ])', confidence: 0.85, negatable: true, notAfter: '{reported}|{selfSubject}' },
    // "não me adicionem mais em grupo", "não me coloquem em lista nenhuma"
    { id: 'nao-me-adicionem', pattern: '(?:nao|naum|num|n|nunca mais) (?:me|nos) (?:adicionem|adicione|adiciona|coloquem|coloque|ponham|ponha|incluam|inclua|botem|bote|add)(?: mais)? (?:a|em|no|na|nos|nas|num|numa|nesse|nessa|nesses|nessas) (?:(?:{det}) )?(?:{listNoun}|grupos?)', confidence: 0.85, unless: '{otherList}' },
    // "agradeço se não me ligarem mais", "agradeceria se vocês parassem de me ligar"
    {
      id: 'agradeco-se-nao',
      pattern: '(?:agradeco|agradeceria|agradecemos|ficaria grat[oa])(?: (?:se|que))? (?:(?:voces|vcs|voce|vc) )?(?:nao (?:me |nos )?(?:ligarem|ligassem|ligar|mandarem|mandassem|enviarem|enviassem|contatarem|contatassem)|(?:parassem|pararem|parasse|parar) (?:de|di) (?:(?:me|nos) )?(?:ligar|mandar|enviar|contatar|incomodar))',
      confidence: 0.85,
    },
    // "solicito a remoção do meu número"
    { id: 'solicito-remocao', pattern: '(?:solicito|peco|quero|pedimos|exijo)(?: a| o)? (?:remocao|exclusao|retirada|descadastramento|cancelamento|bloqueio) (?:do|de|da) (?:meu|o meu|esse|este|minha) (?:numero|telefone|celular|cadastro|contato|inscricao)', confidence: 0.85 },
    // "como faço pra não receber mais ligação": what to do to stop them is asked for
    { id: 'pra-nao-receber', pattern: '(?:pra|para|p) (?:eu )?(?:nao|n) (?:receber|ficar recebendo) mais (?:(?:{det}) )?{contactNoun}', confidence: 0.85 },
    // "não tenho interesse em receber mensagens": not interested in the contact itself
    { id: 'sem-interesse-em-receber', pattern: '(?:nao|n|num) (?:tenho (?:mais )?interesse|me interessa|estou interessad[oa]) (?:(?:em )?(?:receber|continuar recebendo|ficar recebendo) (?:(?:{det}|mais) )?|(?:nas|nos|na|no|em|nessas|nesses) )(?:{contactNoun})', confidence: 0.85 },
    // "não voltem a me ligar"
    { id: 'nao-voltem-a-ligar', pattern: '(?:nao|naum|num|n|nunca mais|jamais) (?:(?:me|nos) )?(?:volte|voltem|volta) a (?:(?:me|nos) )?(?:ligar|telefonar|mandar|enviar|procurar|contatar|contactar|incomodar|perturbar|chamar|escrever)', confidence: 0.9, notAfter: '(?:ele|ela|eles|elas|ninguem)', unless: '{deferral}' },
    // "nem ligação nem mensagem, obrigado"; not "não recebi nem ligação nem mensagem"
    { id: 'nem-ligacao-nem-mensagem', pattern: 'nem {contactNoun} nem {contactNoun}', confidence: 0.85, notAfter: '(?:recebi|recebeu|recebo|recebemos|chegou|chega|veio|vem|tive|tenho|tem|teve|mandaram|mandou|manda|mandam|ligaram|ligou)(?: (?:mais|nada))?' },
    // "não quero mais receber", the object left unsaid: the request ends there.
    { id: 'nao-quero-mais-receber', pattern: '(?:nao|naum|num|n|ja nao) (?:{want}) (?:mais receber|receber mais)(?=$| ,| (?:por favor|pfv|pf|obrigad[oa]|obg|nada|isso)(?![^ ]))', confidence: 0.85 },
    // "cancelar inscrição", "cancela minha assinatura" (these messages); not "… da academia"
    {
      id: 'cancelar-inscricao',
      pattern: '(?:cancelar|cancela|cancele|cancelem|encerrar|encerra) (?:a |minha |essa |esta |a minha )?(?:inscricao|assinatura)',
      confidence: 0.8, negatable: true,
      unless: '(?:a|ao|de|da|do|na|no|em|com)(?! (?:(?:{det}) )?(?:{contactNoun}|{listNoun})(?![^ ]))',
    },
    // "vc não me liga mais ok": the indicative as an order, sealed by a tag; not the bare "você não me liga mais" (a complaint).
    { id: 'voce-nao-me-liga-mais-ok', pattern: '(?:voce|vc|voces|vcs) (?:nao|naum|num|n) (?:me|nos) (?:liga|ligam|manda|mandam|procura|procuram|perturba|perturbam) mais(?= (?:ok|ta|ta bom|ta certo|viu|entendeu|entenderam|combinado|por favor|pfv)(?![^ ]))', confidence: 0.85 },
    // "não quero mais nada de vocês"
    { id: 'nada-de-voces', pattern: '(?:nao|naum|num|n|ja nao) (?:{want})(?: mais)? (?:nada|nd)(?: mais)? (?:de|da|do) (?:voces|vcs|voce|vc|sua empresa|essa empresa|vcs ai|voces ai)', confidence: 0.85 },
    // SMS "stop mensagens", as carriers' keyword with a noun
    { id: 'stop-mensagens', pattern: '(?:sair|parar|pare|cancelar) (?:(?:{det}) )?{contactNoun}', confidence: 0.85, negatable: true, notAfter: '{hypothetical}', unless: '{appNotices}|{generalSpam}' },
    // "stop mensagens de seguro": the carrier keyword with a Portuguese noun, read from the noun so English "stop" runs no Portuguese rule.
    { id: 'stop-mensagens-pt', pattern: '(?<=(?:^| )stop )(?:mensa[gj]e(?:m|ns)|ligac(?:ao|oes)|chamadas|propagandas?|promoc(?:ao|oes))', confidence: 0.85, unless: '{appNotices}|{generalSpam}' },
    // English "stop" with the Portuguese verb after it: "stop de mandar msg", "stop de me ligar"; read from "de" so English "stop" runs no Portuguese rule.
    { id: 'stop-de-ligar', pattern: '(?<=(?:^| )stop )(?:de|di|d) (?:(?:me|mi|nos|m) {contactWithPronoun}|{contactBare}|{progressive})', confidence: 0.85, notAfter: '(?:{reported}|{selfSubject}|bus|the|a|o|no|um|pit|full) stop', unless: '{someoneElse}|{otherThing}|{elsewhere}|{ifClause}|(?:mais )?{accountThing}' },
    // A caller's last word, after a complaint: "é a décima vez que vocês ligam, chega".
    { id: 'chega-final', pattern: '(?<=(?:^| )(?:ligam|liga|ligando|ligou|perturbando|incomodando|enchendo|mandando|vez|vezes|dia|hoje|mim|numero|interesse|saco|mensagem|mensagens|ligacao|ligacoes|nada|vcs|voces|sms|msg|msgs|whats|zap|cansam|errado|errada|chegando|dia isso|hora isso|vez isso|hein|insistentes|chatos|chatice|spam|porre)(?: ,)?(?: (?:gente|pessoal|moco|moca|cara|amigo|meu amigo|senhor|senhora|minha senhora))? )(?:chega|para|pare|parem)(?: (?:por favor|pfv|pf|ja|agora|viu|ta))*$', confidence: 0.8, negatable: true },
    // "tô de saco cheio dessas msgs, parem": the plural order as the last clause (as the first, "Parem, já tô chegando", it calls for a wait).
    { id: 'parem-final', pattern: '(?<=(?:^| ), )parem(?: (?:por favor|pfv|pf|ja|agora|viu|pelo amor(?: de deus)?|obrigad[oa]|obg))*$', confidence: 0.8, negatable: true },
    // "já pedi pra parar"
    // …and "já mandei sair 3x", "já respondi PARE e continua chegando": the keyword already sent, and still coming.
    { id: 'ja-pedi-pra-parar', pattern: '(?:pedi|falei|disse|avisei|mandei|respondi|escrevi|digitei|enviei)(?: (?:pra|para|p|que|q|pra voces|pra vcs|a voces))? (?:parar|pararem|parem|pare|sair|stop|cancelar|descadastrar|me tirar(?:em)?)(?=$| ,| (?:ne|viu|ta|ok|poxa|cara|moco|moca|por favor|pfv|pf|[0-9]+ ?x|(?:[0-9]+|duas|tres|quatro|cinco|mil|varias|umas?(?: [a-z]+)?) vez(?:es)?|e (?:continua|continuam|ainda|nada|nao adiantou|voces continuam|vcs continuam))(?![^ ]))', confidence: 0.8, notAfter: '{hypothetical}' },
    // "sem mais mensagens, obrigado": nothing more by this channel.
    { id: 'sem-mais', pattern: 'sem (?:mais|nenhuma|nenhum) (?:{contactNoun}|contato)(?=$| ,| (?:por favor|pfv|pf|obrigad[oa]|obg|pls|please)(?![^ ]))', confidence: 0.85, notAfter: '(?:fiquei|ficou|ficamos|estou|to|tou|esta|ta|estamos|fico)' },
    // A household member's request passed on to the caller, about this number: "meu marido falou pra vocês pararem de ligar aqui"
    // (without "here" / "this number" it may be about their own phone: "… pra ele, mas eu quero").
    {
      id: 'recado-pra-voces',
      pattern: '(?:pediu|pediram|falou|falaram|disse|disseram|mandou|quer|pede|diz|avisou)(?: (?:dizer|falar|avisar))?(?: (?:pra|para|que|q))?(?: (?:e|eh|era) (?:pra|para))?(?: (?:voces|vcs|voce|vc|o senhor|a senhora))? (?:nao (?:(?:me|nos|lhe) )?(?:ligarem|liguem|ligar|mandarem|mandem|enviarem|enviem|contatarem|procurarem)|(?:pararem|parem|parar) (?:de|di) (?:(?:me|nos|lhe) )?(?:ligar|mandar|enviar|contatar|procurar)(?: {contactNoun}| mensagem)?)(?: mais)?(?: (?:{contactNoun}|mensagem))?(?: mais)?(?: (?:pra|para|pro) (?:ela|ele|eles|elas|(?:a |o )?(?:minha|meu|nossa|nosso) (?:{family})))? (?:{target})',
      confidence: 0.85,
    },
    // "eu já pedi pra não me ligarem mais": the consumer's own earlier request, repeated to the business.
    { id: 'ja-pedi-pra-nao', pattern: '(?:pedi|falei|avisei|eu disse|ja disse)(?: (?:pra|para|que))?(?: (?:voces|vcs|voce|vc))? (?:nao|n) (?:me |nos )?(?:ligarem|mandarem|enviarem|contatarem|ligar mais|mandar mais)', confidence: 0.85, notAfter: '{reported}', unless: '(?:mais )?{otherThing}' },
    // A text that opens with the bare infinitive as an order: "não mandar mais", "n enviar mais nada pfv".
    { id: 'nao-mandar-mais', pattern: '(?<=^|, )(?:nao|n|naum) (?:(?:me|nos) )?(?:mandar|enviar|ligar|contatar|telefonar) mais(?: (?:(?:{det}) )?(?:{contactNoun}|nada|nd))?(?=$| ,| (?:pfv|pf|por favor|obrigad[oa]|obg)(?![^ ]))', confidence: 0.85 },
    // "quero sair" as a whole clause of a text to the sender: out of its list (not "quero sair do plano", "não quero sair").
    { id: 'quero-sair', pattern: '(?<=^|, )(?:eu )?(?:quero|qro|kero|queria) sair(?: (?:ja|agora|pfv|pf|por favor|obg))?(?=$| ,)', confidence: 0.8, negatable: true, notAfter: '{hypothetical}' },
    // "já chega né, 5 msg por dia": enough, then how many messages come.
    { id: 'chega-quantas', pattern: '(?<=^)(?:ja )?(?:chega|basta)(?: (?:ne|viu|gente|pessoal))? , (?:[0-9]+|tantas?|muitas?|todo|toda|mil) (?:(?:santo|santa) )?(?:{contactNoun}|dia|hora|vez)', confidence: 0.8 },
    // "por favor não insistam": a refusal of more of the same, said to the sender.
    { id: 'nao-insistam', pattern: '(?:nao|n|naum) (?:insista|insistam|insiste|insistir)(?: mais)?(?=$| ,| (?:comigo|pfv|pf|por favor|obrigad[oa]|obg)(?![^ ]))', confidence: 0.8, notAfter: '(?:ele|ela|eles|elas|ninguem|voce|vc|vcs|voces|{reported}|{hypothetical})' },
    // "sai do meu pé com essas mensagens"
    { id: 'sai-do-meu-pe', pattern: '(?:sai|saia|saiam|larga|larguem) do meu pe com (?:(?:{det}) )?{contactNoun}', confidence: 0.85 },
    { id: 'deixa-em-paz', pattern: '(?:(?:me|nos) )?(?:deixa|deixe|deixem|deixar|deixarem|dexa|dexe|dexem)(?: (?:me|nos|eu|a gente|(?:o )?meu numero|esse numero|minha familia))? em paz', confidence: 0.85, negatable: true, unless: '{forNow}|{otherThing}' },
    // A wish in the subjunctive: "gostaria que parassem de me mandar mensagens", "queria que não me ligassem mais".
    { id: 'gostaria-que-parassem', pattern: '{wish} (?:(?:nao|n|nunca mais) (?:(?:me|nos) )?(?:{subjContact})|(?:parassem|parem|pararem|deixassem|deixem|deixarem) (?:de|di) (?:(?:me|nos) {contactWithPronoun}|{contactBare}|receber))', confidence: 0.85, notAfter: '(?:nao|naum|num|n|nunca|jamais)', unless: '{deferral}|{someoneElse}' },
    // How to stop them, asked of the sender: "como faço pra parar de receber essas mensagens?", "como cancelo essas msgs", "tem como sair da lista?".
    {
      id: 'como-parar-de-receber',
      pattern: '{howTo} (?:(?:parar|paro|deixar|deixo) de receber|(?:nao|n) receber mais|(?:cancelo|cancelar|paro|parar|bloqueio|bloquear|desativo|desativar) (?:(?:{det}|estas|estes) )?(?!spam(?![^ ]))(?:{contactNoun}|isso)|(?:saio|sair|me tiro|me tirar|tirar meu numero|tiro meu numero) {fromList} (?:(?:sua|seu) )?(?:{listNoun})|(?:me )?(?:descadastr|desinscrev)[a-z]*|(?:voces|vcs|voce|vc) (?:pararem|deixarem) de (?:me |nos )?(?:ligar|mandar|enviar|contatar))',
      // Not a question the consumer cannot answer for others: "não sei como parar de receber email do banco, vcs sabem?".
      confidence: 0.85, notAfter: '(?:nao|n) (?:sei|sabe|sabemos)|(?:voce|vc|voces|vcs|alguem) (?:sabe|sabem)', unless: '{notContactObject}|{generalSpam}|(?:[a-z]+ ){0,5}{appNotices}|{otherList}',
    },
    // A preference or a refusal, politely: "agradeço mas prefiro não receber mais ligações", "eu dispenso as ligações".
    {
      id: 'prefiro-nao-receber',
      pattern: '(?:prefiro|preferia|preferiria|preferimos|gostaria de|gostariamos de|opto por|peco pra|peco para) (?:nao|n) (?:receber|ficar recebendo|continuar recebendo|ser(?: mais)? (?:contatad|incomodad|ligad|procurad|chamad)[oa]s?)(?: mais)?(?: (?:{det}))?(?: (?:{contactNoun}|nada|nd)|(?=$| ,| (?:por favor|pfv|obrigad[oa]|de voces|de vcs)(?![^ ])))|(?:dispenso|dispensamos|recuso|recusamos) (?:(?:{det}) )?(?:{contactNoun})',
      confidence: 0.85, notAfter: '{reported}|{hypothetical}', unless: '{deferral}|(?:[a-z]+ ){0,3}{appNotices}|{generalSpam}',
    },
    // "me coloca na lista do não perturbe", "estou no cadastro do não perturbe"
    { id: 'nao-perturbe', pattern: '(?:coloca|coloque|colocar|coloquem|poe|ponha|bota|bote|inclua|inclui|incluir|cadastra|cadastre|adiciona|adicione|add)(?: (?:me|meu numero|esse numero))? (?:na|no|em) {dncList}', confidence: 0.95, negatable: true },
    { id: 'estou-no-nao-perturbe', pattern: '(?:estou|to|ja estou|meu numero esta|esse numero esta|estamos) (?:cadastrad[oa] )?(?:na|no) {dncList}', confidence: 0.9 },
  ],
};
