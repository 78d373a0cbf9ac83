/**
 * Spanish. Written without accents (input is accent-stripped): "no me llame
 * más" is matched as `no me llame mas`.
 *
 * Mood carries the meaning: the negative imperative uses the subjunctive
 * ("no me llame", "no me llames", "no me llamen"), while "no me llamo Ana"
 * (indicative, first person) and "no me llama nadie" do not. Likewise
 * "no dejes de llamarme" (negated request: keep calling) differs from
 * "no deja de llamarme" (complaint: he never stops), so the forms that can be
 * negated requests are the negatable rule and the others are not.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const es: Lexicon = {
  lang: 'es',
  script: 'Latin',
  keywords: {
    opt_out: [
      'alto', 'parar', 'baja', 'dar de baja', 'darme de baja', 'cancelar', 'cancelar suscripcion', 'detener', 'desuscribir', 'desuscribirme',
      'no mas', 'basta', 'ya basta', 'fin', 'stop', 'salir', 'terminar', 'remover', 'eliminar', 'borrar', 'darse de baja', 'desuscribirse', 'stop mensajes', 'stop sms', 'stop llamadas', 'stop a todo', 'stop todo', 'alto a todo', 'baja a todo',
      // "de baja x favor", "ya párenle", "bájenle": a reply to a promotion that ends there.
      'de baja', 'parenle', 'parele', 'bajenle',
    ],
    opt_in: ['si', 'comenzar', 'iniciar'],
    help: ['ayuda', 'informacion', 'info'],
  },
  voiceKeywords: ['alto', 'basta', 'ya basta', 'stop'],
  clauseKeywords: ['alto', 'baja', 'stop', 'stop a todo', 'alto a todo'],
  softeners: [
    'por favor', 'porfa', 'porfavor', 'xfa', 'x fa', 'x favor', 'porfis', 'plis', 'pls', 'please', 'ya', 'gracias', 'muchas gracias', 'no', 'no gracias', 'ok', 'oiga', 'oye', 'senor',
    'senora', 'senorita', 'joven', 'ahora', 'ahora mismo', 'ya no', 'de inmediato', 'inmediatamente', 'numero equivocado', 'equivocado',
    'no me interesa', 'no quiero', 'ya no quiero', 'pues', 'bueno', 'quien es', 'ya le dije', 'le dije', 'te dije', 'ya te dije',
  ],
  fillers: ['eh', 'ehm', 'emm', 'mmm'],
  laughter: ['(?:ja){2,}j?', '(?:je){2,}j?'],
  // "pásenle" (come in), "bájense" (get out of the car), "bájenlo" (bring it down): one letter from "párenle", "bájenle".
  notTypos: ['lato', 'alot', 'alta', 'bajo', 'altos', 'pasenle', 'pasele', 'bajenlo', 'bajense', 'bajenla', 'bajele', 'paresca', 'parente'],
  negation: {
    cue: ['no', 'n', 'nunca', 'jamas', 'tampoco'],
    bridge: ['me', 'te', 'le', 'les', 'nos', 'lo', 'la', 'que', 'quiero', 'quise', 'queria', 'dije', 'he dicho', 'estoy diciendo', 'pedi', 'he pedido', 'digo', 'dijo', 'deseo', 'pido', 'se', 'va', 'van', 'a', 'vas', 'vaya', 'vayan'],
    exceptAfter: ['por que', 'porque', 'xq', 'pq'],
  },
  classes: {
    // Infinitives after "deje de …": deje de llamarme / dejen de mandarme mensajes.
    // With the object as a clitic: me / nos, or le / la / lo for someone at this number ("dejen de llamarla"); "yamar" as ASR and texters write it.
    contactInf: [
      '(?:ll|y)amar{clitic}?', 'marcar{clitic}?', '(?:enviar|mandar){clitic}', '(?:enviar|mandar)(?=$| ,| (?:por favor|porfa|xfa|x fa|ya|gracias)(?![^ ]))', 'escri[bv]ir{clitic}?', 'molestar{clitic}?', 'contactar{clitic}?',
      '(?:enviar|mandar)(?:{clitic})? (?:(?:{det}) )?(?:{contactNoun}|mensajes de texto)', 'textear{clitic}', 'mensajear{clitic}', 'acosar{clitic}', 'spamear{clitic}?',
      'hostigar{clitic}', 'fastidiar{clitic}', 'chatear{clitic}', 'whatsappear{clitic}', 'llamar a este numero', 'hablar{clitic}', '(?:enviar|mandar) (?:(?:esas|estas|sus|tantas) )?(?:cosas|basura|propaganda|publicidad|promos)',
      // "hablar" for phoning, as Mexican Spanish uses it: "dejen de hablar a esta casa".
      'hablar (?:a |para |aqui)(?:esta casa|este numero|mi casa|mi celular|este telefono|este celular)?',
      // "deje de estar llamando": the progressive
      'estar(?:me|nos)? (?:llamando|marcando|escribiendo|mandando|enviando|molestando|fregando|jodiendo|chingando)(?:me|nos)?', 'fregar(?:me|nos)?',
      'joder(?:me|nos)?', 'chingar(?:me|nos)?', 'insistir(?:me|nos)?',
    ],
    // "no me estén llamando", "ya no me anden mandando mensajes"
    keepOn: ['esten', 'este', 'estes', 'sigan', 'siga', 'sigas', 'anden', 'ande', 'andes'],
    contactGerund: [
      '(?:ll|y)amando', 'marcando', 'escribiendo', 'mandando', 'enviando', 'molestando', 'texteando', 'textiando', 'contactando', 'fregando', 'chingando', 'jodiendo',
      'hablando', 'spameando',
    ],
    // "no me llame así", "no me llame la atención", "no me llame Lupita, dígame Guadalupe": naming or noticing, not phoning.
    // A waiting list, a guest list: a service, not these messages.
    otherList: ['de (?:espera|invitados|compras|regalos|deseos|pendientes)(?![^ ])'],
    naming: ['de (?:usted|tu|senor|senora|senorita|don|dona)', '(?:[a-z]+ ){1,3}(?:digame|dime|diganme|llameme|llamame)', 'la atencion', 'asi', 'por mi nombre', 'por (?:mi )?apodo', 'senor', 'senora', 'senorita', 'don', 'dona', 'mi amor', 'mija', 'mijo', 'gordo', 'gorda', 'amor', 'mi vida', 'carino', 'corazon', 'mi rey', 'mi reina', 'bebe', 'baby'],
    // "no le marque a mi esposo …, márqueme a mí": the call is redirected to the speaker, not refused.
    // Also "no me llamen al trabajo, llamen a este número": this number is the one to call.
    redirect: [
      '(?:[a-z]+ |, ){0,10}(?:(?:ll|y)am|marqu|habl|escrib)(?:e|a|en)me a mi',
      '(?:[a-z]+ |, ){0,10}(?:(?:ll|y)am|marqu|marc|habl|escrib)(?:e|a|en)(?:me|nos)? (?:a|al|en) (?:este|esta) (?:numero|cel|celular|telefono)',
      // "no le marque a mi hija, márquele a mi celular": someone else's call sent to the speaker's own phone (not "ni me marquen a mi cel").
      '(?:[a-z]+ |, ){1,10}(?<!(?:^| )(?:no|ni|n|nunca) (?:me |le |nos |les )?)(?:(?:ll|y)am|marqu|marc|habl|escrib)(?:e|en)(?:me|le|les|nos) (?:a|al|en) mi (?:numero|cel|celular|telefono)(?![^ ])',
    ],
    // "no me llames, yo te llamo": the consumer will call.
    callBack: ['(?:, )?(?:yo )?(?:te|le|les) (?:llamo|marco|escribo|hablo)(?![^ ])'],
    clitic: ['me', 'nos', 'le', 'les', 'la', 'lo', 'las', 'los'],
    // The object before the verb: "no me llame", "no le llamen a mi esposo", "ya no lo llamen".
    objectPronoun: ['me', 'm', 'nos', 'le', 'les', 'la', 'lo', 'las', 'los'],
    // Someone at this number the request is made for: "no llamen a mi mamá a este número".
    family: ['mama|mami|papa|papi|abuela|abuelo|abuelita|abuelito|esposo|esposa|marido|mujer|hijo|hija|hijos|hermano|hermana|suegra|suegro|tia|tio|familia|padres'],
    // "que" as texters write it.
    que: ['que', 'q', 'k', 'ke'],
    // Someone else's request, or the consumer's to someone named: "mi esposa me pidió que deje de llamar a su mamá",
    // "le dije a mi hija que deje de llamarme" (not "ya les dije que dejen de llamarme": the business).
    reported: [
      // "me dijo q les pidiera que …": the relay of a relay.
      '(?:me|nos) (?:dijo|dijeron|pidio|pidieron|dice|dicen|decia|pide|piden|ha dicho|han dicho|mando|mandaron)(?: {que})?(?: (?:les?|te) (?:pidiera|pida|dijera|diga|avisara|avise) {que})?',
      '(?:dije|pedi|digo|pido|dijo|pidio|dice|pide|dijeron|pidieron|he dicho|ha dicho) (?:a (?:mi|mis|su|sus|tu|tus|la|el|los|las)|al) [a-z]+(?: [a-z]+){0,3} {que}',
      // A third person's word, relayed: "mi hermano dijo que dejen de llamarlo" (not "ya le dije que …", "les dije que …").
      // "mi suegra siempre dice que le dejen de llamar": the object after "que" is the third person's.
      '(?<!(?:^| )(?:yo|le|les|ya le|ya les|se lo|se los) )(?:dijo|dice|dicen|dijeron|pidio|pidieron|pide|piden|decia|decian)(?: siempre)? {que}(?: (?:le|les|la|lo|los|las))?',
    ],
    // A request only imagined: "qué pasa si les digo que ya no me llamen", "si quisiera darme de baja".
    hypothetical: ['(?:si|cuando) (?:yo )?(?:(?:les?|te) )?(?:digo|dijera|pido|pidiera|mando|mandara|pongo|pusiera|escribo|escribiera|respondo|contesto)(?: {que})?', '(?:si|cuando) (?:yo )?(?:quiero|quisiera|quiera|decido|decidiera)'],
    // Only asking, for later: "qué pongo para darme de baja? solo pregunto".
    justAsking: ['(?:[a-z]+ |, ){0,3}(?:solo (?:pregunto|es pregunta|una pregunta)|nomas pregunto|por si acaso|por si las dudas|mas adelante|en el futuro|algun dia)(?![^ ])'],
    // The consumer stopping: "voy a dejar de escribirles".
    selfSubject: ['(?:voy a|vamos a|tengo que|tenemos que|debo|debemos|deberia|puedo|podemos|quiero|queria|necesito|intento|trato de)'],
    // Infinitives after "vuelva a …": no me vuelva a llamar.
    // With the object as a clitic too: "no vuelvan a contactarme", "no volverme a llamar". "hablar" for phoning, as Mexican Spanish uses it.
    contactInfPlain: [
      'estar {contactGerund}', '(?:ll|y)amar(?:me|nos)?', 'marcar(?:me|nos)?', 'escribir(?:me|nos)?', 'mandar(?:me|nos)?(?: mensajes)?', 'enviar(?:me|nos)?(?: mensajes)?',
      'contactar(?:me|nos)?', 'molestar(?:me|nos)?', 'textear(?:me|nos)?', 'hablar(?:me|nos)?',
    ],
    // "no me vuelva a hablar de eso": talking, not phoning.
    // The manner of talking: "no me hable tan rápido", "no me hables fuerte".
    topic: ['de (?:eso|esto|ese|esa|este|esta)', 'del', 'sobre', 'asi', 'en ese tono', 'de esa (?:manera|forma)', 'tan [a-z]+', 'rapido', 'fuerte', 'recio', 'golpeado', 'con groserias', 'en (?:ingles|espanol)'],
    // "no me estés jodiendo, en serio": disbelief, not a request.
    disbelief: ['(?:, )?(?:en serio|de verdad|neta|no puede ser|que dices|es broma)(?![^ ])'],
    // "dejá de mandarme el link viejo": one thing named, not messages.
    oneThing: ['(?:el|la|los|las|ese|esa|esos|esas|este|esta) (?!(?:{contactNoun}|numero|cel|celular|telefono|cosas?|basura|porquerias?|tonterias|mugres?|chingaderas?)(?![^ ]))[a-z]+'],
    // "no me vuelvan a mandar al buzón", "no me manden más de un técnico": sending the caller somewhere, or a count.
    elsewhere: [
      '{otherNumber}',
      '(?:a|al|con) (?:buzon|otro|otra|la operadora|el departamento|departamento|correo de voz|espera)',
      // Another channel than this one: "no me escribas por whatsapp, mejor por aquí".
      '(?:por|al|en) (?:whatsapp|correo|email|mail|facebook|messenger|instagram|carta|correo electronico)(?![^ ])',
      // A language or another channel asked for instead: "no me escriban en inglés", "no me manden correos, mejor textos".
      '(?:, )?(?:en|por) (?:ingles|espanol)(?![^ ])', '(?:[a-z]+ |, ){0,3}mejor (?:por |en |a |al |a mi )?(?:textos?|mensajes?|sms|llamadas?|correos?|whatsapp|email|mail|ll?amen|escriban|mandenme|mandeme|mandame|escribame|escribanme|llameme|llamenme|celular|cel|casa|trabajo|oficina|otro numero)(?![^ ])', '(?:mas )?de (?:un|una|dos|tres|cuatro|cinco|[0-9]+)(?![^ ])'],
    // Things sent that are not these messages: "no para de mandarme cartas", "dejen de mandarme facturas en papel".
    sentThing: ['(?:(?:{det}) )?(?:cartas?|paquetes?|facturas?|fotos|memes|videos|regalos|flores|catalogos?|revistas?)(?![^ ])'],
    // "no deja de", "nunca para de": a description of someone who keeps on, never a request.
    // "el gym no me deja de mandar mensajes": the object pronoun between, the same description.
    notStopping: ['(?:ya )?(?:no|n|nunca|jamas)(?: (?:me|nos|le|les|te))?'],
    // "ya llegué, para de mandarme mensajes": said on arriving, to someone texting where they are.
    arrived: ['(?:ya (?:llegue|estoy (?:aqui|afuera|abajo|alli|ahi)|te vi)|aqui estoy|ahi voy)(?: ,)?'],
    // Someone else is the one called: "deja de llamar a tu ex", "… que deje de llamar al banco", "… a su cel" (not "a mi mamá", "a esta casa").
    otherCallee: ['a (?:tu|tus) [a-z]+', 'a su (?:cel|celular|numero|telefono|trabajo)(?![^ ])', 'al (?!(?:numero|cel|celular|telefono)(?![^ ]))[a-z]+', '(?:al|a su|a mi) (?:numero|cel|celular|telefono) de (?:mi|su|tu) [a-z]+', 'a (?:la|los|las|el) (?!(?:casa|numero|cel|celular|telefono)(?![^ ]))[a-z]+'],
    // Supposed, not asked: "qué pasa si ya no quiero que me llamen".
    supposing: ['(?:y|que tal|pero|(?:que|q) pasa|que hago|que pasaria) si|en caso de que'],
    // The speaker wants them: "mi hija no quiere mensajes pero yo sí".
    speakerWants: ['(?:[a-z]+ |, ){0,6}(?:yo si|a mi si)'],
    // The old or another number: "ya no me llame a ese número, llame a este", "no me escriban al viejo".
    otherNumber: ['(?:a|al|a mi|en|en el|en mi) (?:ese|otro|viejo|anterior|antiguo|(?:numero|cel|celular|telefono) (?:viejo|anterior|antiguo))(?: (?:numero|cel|celular|telefono))?'],
    // Another company or person is the one talked about: "la otra compañía no deja de mandarme mensajes, ustedes no".
    otherParty: ['(?:la|el|las|los|esa|ese|una|un) (?:otra|otro|otras|otros) (?:compania|companias|empresa|empresas|banco|bancos|tienda|tiendas|gente|numero|numeros)(?: [a-z]+| ,){0,10}'],
    // The relayed request, then the speaker's own wish against it: "dejen de llamar dice mi esposo, pero yo sí quiero".
    relayedButWants: ['(?:(?:dice|dijo|dicen|quiere) (?:mi|mis) (?:{family})|(?:mi|mis) (?:{family}) (?:dice|dijo|dicen|quiere))(?: [a-z]+| ,){0,6} (?:pero|sino)'],
    // Asking how to stop them is asking for it (not "cómo dejo de recibir spam", a question about spam in general).
    howTo: ['(?:como|komo|de (?:que|q) (?:forma|manera)|(?:que|q) (?:tengo|hay|tenemos) (?:que|q) hacer|(?:que|q) hago)(?: (?:le|lo|se))?(?: (?:hago|hacemos|puedo|podemos|puede|debo|tengo (?:que|q)|hay (?:que|q)))?(?: (?:para|pa)(?: (?:que|q))?)?'],
    // Subjunctive (negative imperative) forms, usted / tu / ustedes.
    contactSubj: [
      '(?:ll|y)ame', '(?:ll|y)ames', '(?:ll|y)amen', '(?:ll|y)amaran?', 'escribieran?', 'marcaran?', 'mandaran?', 'enviaran?', 'molestaran?', 'contactaran?', 'mar(?:qu|k)e', 'mar(?:qu|k)es', 'mar(?:qu|k)en', 'escri[bv]a', 'escri[bv]as', 'escri[bv]an', 'contacte', 'contactes', 'contacten',
      'moleste', 'molestes', 'molesten', 'textee', 'textees', 'texteen', 'textien', 'hable', 'hables', 'hablen', 'busque', 'busques', 'busquen',
      // Spanglish: "no me call más", "no me texteen"
      'call', 'texten', 'chatee', 'chatees', 'chateen', 'whatsappeen',
    ],
    sendSubj: ['mande', 'mandes', 'manden', 'envie', 'envies', 'envien'],
    contactNoun: [
      'llamadas', 'llamada', 'mensa[jg]es?', 'mensajitos', 'mensajes de texto', 'textos?', 'sms', 'correos', 'promociones', 'ofertas', 'publicidad',
      'notificaciones', 'whatsapps', 'spam', 'cadenas', 'avisos', 'recordatorios', 'alertas', 'boletines',
      // As texters write them: "msjs", "txts", "promos".
      'msjs?', 'mjs', 'mnsjs?', 'msgs?', 'txts?', 'textitos', 'promos?', 'propaganda', 'anuncios', 'llamaditas',
      // What a sender calls them: "sus comunicaciones", "sus envíos".
      'comunicaciones', 'comunicados', 'envios', 'campanas',
    ],
    again: ['mas', 'nunca mas', 'otra vez', 'de nuevo', 'jamas'],
    target: ['a este numero', 'a mi numero', 'a mi celular', 'a mi telefono', 'a mi casa', 'aqui', 'a este telefono', 'a este celular', 'a (?:este|mi) cel', 'a esta casa', 'a este num', '(?:para|pa) (?:aca|aqui)', 'aca'],
    deferral: [
      'ahora', 'ahorita', 'hoy', 'manana', 'en este momento', 'hasta', 'antes', 'despues', 'mas tarde', 'tarde', 'tan temprano', 'tan tarde',
      'a (?:esta|esa|estas|esas) horas?', 'estoy manejando', 'estoy ocupad[oa]', 'estoy trabajando', 'en la noche', 'por la noche', 'en la manana', 'luego',
      // A place, like an hour, asks for another number, not for no contact: "no me llamen al trabajo".
      '(?:al|en el|a (?:mi|su|tu)) (?:trabajo|negocio|escuela)', '(?:a|en) la oficina',
      // An hour: "no me estén llamando a las siete", "… los domingos".
      'a las [a-z0-9]+', 'a la una', '(?:en|durante|dentro del?) (?:horas?|horario) de [a-z]+', '(?:en|por|de|a|durante) (?:la|las) (?:mananas?|tardes?|noches?|madrugadas?)', 'temprano', '(?:los|en los) (?:domingos|sabados|fines de semana)', 'en las (?:noches|mananas|tardes)', 'de noche', 'tan seguido',
    ],
    // An hour or a place, maybe after what is sent: "no me manden mensajes antes de las 9" limits them, it does not refuse them.
    nounThenDeferral: ['(?:(?:{det}|mas) )?(?:(?:{contactNoun}) )?(?:{deferral})'],
    // Likewise another language or channel: "no me manden mensajes en inglés, solo en español".
    nounThenElsewhere: ['(?:(?:{det}|mas) )?(?:(?:{contactNoun}) )?(?:{elsewhere})'],
    det: ['su', 'sus', 'la', 'las', 'esta', 'estas', 'esa', 'esas', 'tu', 'tus', 'el', 'los', 'este', 'ese', 'estos', 'esos', 'todos los', 'todas las', 'vuestra', 'tanto', 'tantos', 'tanta', 'tantas'],
    listNoun: [
      'listas?(?: de (?:contactos|llamadas|mensajes|difusion|envio|clientes|marketing|correo|telefonos))?', 'base(?: de datos)?', 'sistema',
      'registros?', 'directorio', 'contactos', 'listados?',
      // A messaging group, said alone: "sáquenme de este grupo" (not "del grupo de baile").
      'grupos?(?=$| ,| (?:de (?:mensajes|whatsapp|difusion|texto)|porfa|por favor|xfa|ya|gracias)(?![^ ]))',
      // "bórrenme de todo": every list they hold.
      'todo(?=$| ,| (?:por favor|porfa|xfa|ya|gracias)(?![^ ]))',
    ],
    dncList: [
      'lista (?:de )?(?:no llamar|no llamadas|no contactar|no molestar|robinson|exclusion|bloqueo|no llame)', 'registro de no llamar',
      'lista negra', 'no llamar',
    ],
    // quitenme / quiteme / quitame / quitar, saquenme / sacame, borrenme, eliminenme, retirenme, excluyanme
    removeVerb: [
      '(?:quit|borr|elimin|retir|baj)(?:en|e|a|ar|an)(?:me|nos)?', 'sa(?:qu|k)(?:en|e)(?:me|nos)?', 'sac(?:a|ar|an)(?:me|nos)?', 'excluy(?:an|a)(?:me|nos)?',
      'excluir(?:me|nos)?', 'remuev(?:an|a|e|en)(?:me|nos)?', 'remover(?:me|nos)?',
    ],
    who: ['mi numero', 'este numero', 'mi telefono', 'mi celular', 'mi nombre', 'mi contacto', 'mi correo', 'mi numero de telefono', 'mis datos', '(?:mi|este) (?:cel|num|nro)'],
  },
  rules: [
    // "no me llame más", "no me vuelvan a llamar", "ya no me estén llamando"; not "no me llame ahora, estoy manejando".
    {
      id: 'no-me-llame',
      pattern: '(?:no|n|nunca|jamas|ya ?no|nunca mas) {objectPronoun} (?:(?:vuelva|vuelvas|vuelvan|vuelve|volvas) a {contactInfPlain}|{contactSubj}(?! (?:{naming})(?![^ ]))|{sendSubj}(?=$| (?:mas|nada|{contactNoun}|por favor|porfa|xfa|plis|gracias)(?![^ ]))|{keepOn} {contactGerund})(?: {again}| {target})*',
      confidence: 0.95, notAfter: '(?:yo|el|ella|ellos|ellas)|{reported}|{hypothetical}|{otherParty}', unless: '{nounThenDeferral}|{callBack}|{topic}|{redirect}|{nounThenElsewhere}|{disbelief}|{relayedButWants}',
    },
    // "no llamen a este número", "no vuelvan a llamar más"
    { id: 'no-llamen-aqui', pattern: '(?:no|n|nunca|jamas|ya ?no) (?:(?:vuelva|vuelvan) a {contactInfPlain}|{contactSubj}|{sendSubj}|{keepOn} {contactGerund}(?: {contactNoun})?)(?: a (?:mi|mis|su|sus) (?:{family}))?(?:(?: {again})+|(?: {again})* {target})', confidence: 0.9, notAfter: '(?:yo|el|ella|ellos|ellas)', unless: '{nounThenDeferral}|{nounThenElsewhere}' },
    // "no vuelvan a llamar", "no me vuelva a escribir" — the request ends there or goes on; not "… antes de las nueve".
    { id: 'no-vuelvan-a-llamar', pattern: '(?:no|n|nunca|jamas|ya ?no|ni) (?:(?:(?:me|nos) )?(?:vuelva|vuelvan|vuelvas|volvas)|volver(?:me|nos)) a {contactInfPlain}', confidence: 0.9, notAfter: '(?:yo|el|ella|ellos|ellas)', unless: '{nounThenDeferral}|{topic}|{nounThenElsewhere}' },
    // "ya no llamen", "ni me escriban", "nunca más me busquen": plural imperatives, which no statement shares.
    { id: 'ya-no-llamen', pattern: '(?:ya ?no|ni|nunca mas) (?:{objectPronoun} )?(?:(?:ll|y)amen|escriban|manden|envien|marquen|molesten|contacten|hablen|busquen|texteen|textien|{keepOn} {contactGerund})', confidence: 0.9, notAfter: '{reported}|{hypothetical}|{otherParty}', unless: '{nounThenDeferral}|{oneThing}|{nounThenElsewhere}|{topic}|{otherCallee}|{redirect}' },
    // Passed on to the caller: "mi papá dice que ya no le llamen", "mi esposa quiere que dejen de llamarla" — unless the
    // speaker sets their own wish against it ("… pero yo sí quiero") or it is about something else ("… la revista").
    {
      id: 'familia-dice-que-no',
      // "este es el teléfono de mi papá y él dice que ya no llamen": the relative named, then "él".
      pattern: '(?:mis? (?:{family})|(?:el|ella|ellos)(?<=mis? (?:{family})(?: [a-z]+| ,){1,8})) (?:dice|dicen|pide|piden|quiere|quieren) {que} (?:(?:ya no|no|nunca mas) (?:{objectPronoun} )?(?:(?:ll|y)amen|marquen|hablen|escriban|manden|envien|molesten|contacten|{keepOn} {contactGerund})|(?:ya )?(?:dejen|paren) de {contactInf})',
      confidence: 0.85, unless: '(?:[a-z]+ |, ){0,6}(?:pero|sino|a el|a ella|yo si|a mi si)(?![^ ])|{nounThenDeferral}|{nounThenElsewhere}|{oneThing}|{otherCallee}|{sentThing}',
    },
    // As speech recognition runs fast speech together: "yanomellamen", "nomemarquen más".
    { id: 'no-me-llamen-junto', pattern: '(?:ya)?no(?:me|nos)(?:(?:ll|y)amen|(?:ll|y)ame|mar(?:qu|k)en|mar(?:qu|k)e|escriban|manden|envien|hablen|molesten)(?:mas)?', confidence: 0.85, unless: '{nounThenDeferral}' },
    // The subjunctive asks: "que ya no me llegue nada", "ya no me lleguen sus mensajes" (not "ya no me llega nada", a complaint).
    { id: 'que-no-me-llegue', pattern: '(?:ya no|que no|q no|que ya no|q ya no) (?:me|nos) (?:llegue|lleguen)(?: (?:mas|nada|sus|estos|estas|esos|esas|con))* (?:nada|mas|{contactNoun})(?![^ ])', confidence: 0.85, notAfter: '{hypothetical}' },
    // The messages as the subject, asked in the subjunctive: "cómo hago para que dejen de llegarme estos mensajes", "quiero que paren
    // de llegarme sus promos" (not "dejaron de llegarme", a complaint, nor "si dejan de llegarme …").
    { id: 'que-dejen-de-llegar', pattern: '(?:{que}|para|pa) (?:ya )?(?:dejen|deje|paren|pare|se acaben|terminen) de llegar(?:me|nos)?(?: (?:{det}|mas))? (?:{contactNoun})(?![^ ])', confidence: 0.85, notAfter: '{hypothetical}|{supposing}' },
    // "no vuelvan a comunicarse conmigo", "no quiero que se comuniquen más conmigo": the reflexive verb of contact.
    {
      id: 'no-se-comuniquen', notAfter: '{reported}|{hypothetical}|{supposing}|{otherParty}', unless: '{nounThenDeferral}',
      pattern: '(?:(?:no|n|ya ?no|nunca mas) (?:quiero|kiero|deseo|queremos) {que}(?: ya)?(?: ustedes)?|no|n|ya ?no|nunca mas|ni) (?:(?:vuelvan|vuelva) a comunicar(?:se)?|se (?:vuelvan a comunicar|comuniquen|comunique|sigan comunicando|esten comunicando))(?: mas)? (?:conmigo|con nosotros|con (?:mi|mis) (?:{family}))',
      confidence: 0.85,
    },
    // "no sigan enviando nada", "no siga llamando por favor": keeping on, refused (not "no sigan llamando a las seis").
    { id: 'no-sigan', pattern: '(?:no|n) (?:sigan|siga|sigas|esten|este) {contactGerund}(?=$| ,| (?:nada|mas|{contactNoun}|{target}|por favor|porfa|pls|please)(?![^ ]))', confidence: 0.85, notAfter: '(?:yo|el|ella|ellos|ellas)|{reported}|{hypothetical}|{otherParty}' },
    // "qué pongo pa que ya no me lleguen?": the end of the question is the request, the messages understood.
    { id: 'pa-que-no-me-lleguen', pattern: '(?:para|pa) {que} (?:ya )?no (?:me|nos) (?:lleguen|llegue)(?=$| ,| (?:mas|nada|por favor|porfa|x favor|xfa)(?![^ ]))', confidence: 0.85, notAfter: '{hypothetical}|{supposing}' },
    // "sálganse de mi cel", "lárguense de mi teléfono": out of the phone is out of contact.
    { id: 'fuera-de-mi-cel', pattern: '(?:salgan(?:se)?|salganse|larguen(?:se)?|fuera) de (?:mi|este) (?:cel|celular|telefono|numero|whatsapp|bandeja)(?![^ ])', confidence: 0.85 },
    // "no estoy interesado, ya no llame": usted, the request ends there.
    { id: 'ya-no-llame', pattern: '(?:ya no|nunca mas) (?:{objectPronoun} )?(?:(?:ll|y)ame|escriba|mar(?:qu|k)e|mande|moleste|busque)(?=$| ,| (?:mas|por favor|porfa|gracias|senorita|senor|senora|joven|{target})(?![^ ]))', confidence: 0.85, notAfter: '(?:yo|el|ella|ellos|ellas)|{reported}' },
    // "bórrenme", "sáquenme por favor": the request ends there.
    {
      id: 'borrenme',
      pattern: '(?:(?:quit|borr|elimin|retir|baj)(?:en|e|a)|sa(?:qu|k)(?:en|e)|saca|excluy(?:an|a))(?:me|nos)(?=$| ,| (?:por favor|porfa|porfavor|porfis|plis|pls|xfa|x fa|gracias|ya|(?:de|d) (?:aqui|ahi|aca)|de una vez)(?![^ ]))',
      confidence: 0.85, negatable: true,
    },
    // "basta de llamar", "ya basta con los mensajes", "paren con las llamadas"; not "basta de bromas"
    { id: 'basta-de-llamadas', pattern: '(?:basta|ya basta|suficiente|(?:ya )?no sigan|(?:ya )?(?:dejen|deje|deja) (?:la|el) (?:vaina|joda|jodedera|jodienda|molestadera|fregadera|llamadera|chingadera|relajo|show)|(?:paren|pare|para)(?:le)?|paren ya|ya paren|ya estuvo(?: bueno)?|estuvo bueno|(?:ya )?esta bueno|ya chole|chale)(?: ya)? (?:de|con|a) (?:(?:{det}) )?(?:{contactNoun}|{contactInf}|llamar|estar llamando)', confidence: 0.85, negatable: true, notAfter: '{notStopping}|{arrived}', unless: '{oneThing}|{sentThing}' },
    // "dejen de cobrarme por mensaje": whatever the errand, not by this channel.
    { id: 'deje-de-por-mensaje', pattern: '(?:deje|dejen|dejar|pare|paren|deja)(?:le)? de [a-z]+(?:me|nos)? (?:por|via) (?:mensajes?|textos?|sms|telefono|whatsapp|llamadas?)(?![^ ])', confidence: 0.85, negatable: true, notAfter: '{reported}|{selfSubject}' },
    // "ya no me agreguen a sus grupos", "no me metan en sus listas"
    { id: 'no-me-agreguen', pattern: '(?:no|n|ya ?no|nunca mas) (?:me|nos) (?:agreguen|agregue|anadan|anada|metan|meta|pongan|ponga|incluyan|incluya)(?: mas)? (?:a|en) (?:(?:{det}) )?(?:{listNoun}|grupos?)', confidence: 0.85, unless: '{otherList}|de espera' },
    // "no autorizo que me llamen", "quiero dejar de recibir mensajes", "favor de no llamar"
    {
      id: 'no-autorizo',
      pattern: '(?:no|ya no) (?:autorizo|autorice|permito|permiti|acepto|acepte|doy (?:mi )?(?:permiso|autorizacion)(?: para)?|di (?:mi )?(?:permiso|autorizacion)(?: para)?)(?: (?:{que}|a {que}|recibir|mas|ningun|ninguna|mas))*(?: (?:me|nos))? (?:llamen|llame|escriban|contacten|manden|envien|marquen|(?:ll|y)amaran?|escribieran?|mandaran?|enviaran?|contactaran?|marcaran?|{contactNoun}|llamadas|contacto)',
      confidence: 0.9,
    },
    { id: 'dejar-de-recibir', pattern: '(?:quiero|quisiera|deseo|necesito|queremos) dejar de recibir', confidence: 0.85, negatable: true },
    { id: 'favor-de-no-llamar', pattern: '(?:favor de|por favor|porfa|porfavor) (?:ya )?no (?:(?:me|nos) )?(?:volver a |seguir )?(?:llamar|marcar|escribir|enviar|mandar|contactar|molestar)(?: mas)?', confidence: 0.85, unless: '{nounThenDeferral}' },
    // "ni una llamada más", "ni un mensaje más"
    { id: 'ni-una-mas', pattern: '(?:ni (?:una|un)|ningun|ninguna|ni un solo|ni una sola) (?:llamada|mensaje|msj|sms|texto|mensajito|whatsapp) mas', notAfter: '(?:recibi|recibo|llego|tengo|hay|he recibido|mandaron|mande|envie|no)', confidence: 0.85 },
    // "deje de llamarme", "dejen de mandarme mensajes": can be negated ("no dejen de llamarme").
    { id: 'deje-de-llamar', pattern: '(?:deje|dejen|dejar|dejad|dejeis|pare|paren|parar|pareis|cese|cesen|detenga|detengan)(?:le|me|nos|nme)? de? {contactInf}', confidence: 0.95, negatable: true, notAfter: '{reported}|{selfSubject}|{otherParty}', unless: '{oneThing}|{nounThenElsewhere}|{otherCallee}|{nounThenDeferral}|{sentThing}|{relayedButWants}' },
    // "deja de enviarme mensajes" (tú); not "la compañía de luz no deja de mandarme mensajes": a negated
    // third person describes someone who never stops (a negated request would be "no dejes de").
    { id: 'deja-de-llamar', pattern: '(?:deja|para) de? {contactInf}', confidence: 0.9, notAfter: '{reported}|{otherParty}|{notStopping}|{arrived}', unless: '{oneThing}|{nounThenElsewhere}|{otherCallee}|{nounThenDeferral}|{sentThing}' },
    // "quítenme de su lista", "quiero que me saquen de sus listas", "elimine mi número de su sistema"
    { id: 'quitar-de-lista', pattern: '(?:(?<!(?:^| )(?:si|cuando) )(?:me|nos) )?{removeVerb}(?: (?:me|nos))?(?: {who})? (?:de|del|d) (?:(?:{det}) )?(?:{listNoun}|{dncList}|{contactNoun})', confidence: 0.95, negatable: true, notAfter: '(?:si|cuando) (?:me|nos)', unless: '{otherList}' },
    // "borren mi número"; not "quiten mi número de mi cuenta"
    { id: 'borrar-numero', pattern: '(?:{removeVerb}|olvid(?:en|e|a)(?:(?:n?se|te) de)?|pierd(?:an|a)|bloque(?:en|e|a|ar)) (?:mi|mis|este) (?:numero|telefono|celular|contacto|numero de telefono|datos|informacion)', confidence: 0.9, negatable: true, unless: '(?:de|del) (?:mi|la|el) (?:cuenta|perfil|pedido|poliza|factura|tarjeta)' },
    // "denme de baja", "quiero darme de baja"; not "me doy de baja del gimnasio"
    {
      id: 'darme-de-baja',
      pattern: '(?:(?:darme|darnos|denme|dennos|deme|dame|me den|me de|(?<!(?:^| )(?:si|cuando|ya) )me dan|(?<!(?:^| )(?:si|cuando) )me doy|me quiero dar|nos den|(?:me|nos) (?:pueden|puede|podrian|podria|puedes) dar) d(?:e)? baja(?: (?:mi|este) (?:numero|telefono|celular))?|(?:dar|den|de|da) de baja (?:mi|este) (?:numero|celular|telefono))',
      confidence: 0.9, negatable: true, notAfter: '{hypothetical}',
      unless: '(?:de|del|en)(?! (?:(?:{det}) )?(?:{listNoun}|{contactNoun}|servicio de mensajes)(?![^ ]))|{justAsking}',
    },
    // "no quiero más mensajes", "ya no quiero recibir llamadas", "no quiero que me llamen"
    { id: 'no-quiero-recibir', notAfter: '{supposing}', unless: '{speakerWants}|{otherCallee}|de voz(?![^ ])|{nounThenElsewhere}', pattern: '(?:no|n|ya ?no|nunca mas) (?:quiero|kiero|qiero|deseo|necesito|queremos|quiere|quieren)(?: (?:recibir|seguir recibiendo|estar recibiendo|volver a recibir|tener|mas))*(?: (?:sus|estas|estos|tus|esas|esos|las|los|ningun|ninguna|mas))? {contactNoun}', confidence: 0.9 },
    // "no quiero recibir nada más", "ya no quiero recibir esto" — only with recibir: "no quiero nada" refuses an offer.
    { id: 'no-quiero-recibir-nada', pattern: '(?:no|n|ya ?no) (?:quiero|kiero|qiero|deseo|queremos) (?:recibir|seguir recibiendo)(?: mas)? (?:nada(?: mas)?|(?:info|informacion)(?=$| ,| (?:de (?:ustedes|usted|su empresa|su compania)|por favor|porfa|xfa|gracias)(?![^ ]))|(?:esto|eso|estas cosas|esta basura)(?=$| ,| (?:por favor|porfa|xfa|gracias|mas)(?![^ ])))', confidence: 0.85 },
    { id: 'no-quiero-que-me-llamen', pattern: '(?:no|n|ya ?no) (?:quiero|kiero|qiero|deseo|queremos|quiere|quieren)(?: mas)? {que} (?:(?:ustedes|usted|nadie|ellos|la empresa) )?{objectPronoun} (?:vuelvan a |{keepOn} )?(?:(?:ll|y)amen|(?:ll|y)ame|escriban|escriba|manden|mande|envien|envie|contacten|contacte|molesten|moleste|marquen|hablen|hable|busquen|busque|{contactGerund}|marcar|llamar|escribir|contactar)', confidence: 0.9, notAfter: '{supposing}', unless: '{otherCallee}|{speakerWants}' },
    // "no más mensajes", "ya basta de llamadas"; not "ya no hay más mensajes"
    { id: 'no-mas-mensajes', pattern: '(?:no mas|basta de|ya basta de|ya no mas|nada de|cero) (?:(?:{det}) )?{contactNoun}', confidence: 0.85, notAfter: '(?:hay|tengo|tiene|tienes|recibi|recibo|mande|envie)' },
    // "póngame en la lista de no llamar", "estoy en la lista de no llamar"
    {
      id: 'lista-no-llamar',
      pattern: '(?:(?:pon|ponga|pongan|agregue|agreguen|agrega|anote|anoten|anota|inscriba|inscriban|meta|metan|incluya|incluyan)(?:me|nos)?|ponerme|agregarme)(?: (?:mi|este) numero)? (?:en|a) (?:la |su |tu )?{dncList}',
      confidence: 0.95, negatable: true,
    },
    { id: 'estoy-en-lista', pattern: '(?:estoy|estamos|esta|ya estoy) (?:registrad[oa]s? |inscrit[oa]s? |anotad[oa]s? )?(?:en|dentro de) (?:la |el )?{dncList}', confidence: 0.9 },
    // "quiero salirme de la lista"
    { id: 'salir-de-lista', pattern: '(?:salir|salirme|salirnos|me quiero salir|quiero salir|(?<!(?:^| )(?:si|cuando) )(?:me salgo|nos salimos)) (?:de|del) (?:(?:{det}) )?(?:{listNoun}|{dncList})', confidence: 0.9, negatable: true, unless: '{otherList}' },
    { id: 'desuscribir', pattern: '(?:desafili(?:ar|a|en|e)(?:me|nos)?|desuscrib(?:ir|an|a|e)(?:me|nos)?|desuscribirme|desuscribanme|desuscribame|desuscribeme|desuscribirse|desinscribir|desinscribirme|desuscripcion|desafiliar|desafiliarme)', confidence: 0.9, negatable: true },
    // "cancelar mi suscripción" (these messages); not "cancelar mi suscripción a la revista"
    {
      id: 'cancelar-suscripcion',
      pattern: '(?:cancelar|cancele|cancelen|anular|anule|terminar) (?:mi |la |su |esta )?(?:suscripcion|subscripcion|inscripcion)',
      confidence: 0.8, negatable: true,
      unless: '(?:a|al|de|del|en|con)(?! (?:(?:{det}) )?(?:{contactNoun}|{listNoun}|servicio de mensajes)(?![^ ]))',
    },
    // "cancelar mensajes", "bloqueen las llamadas"
    { id: 'cancelar-mensajes', pattern: '(?:cancelar|cancela|cancele|cancelen|bloquear|bloquea|bloquee|bloqueen|detener|detengan|suspender|suspendan|paren|pare|parar|corten|corte|desactivar|desactiven|desactive|desactiva)(?: (?:{det}|todos los|todas las))? {contactNoun}', confidence: 0.85, negatable: true },
    // "retiro mi consentimiento", "revoco la autorización"
    { id: 'retiro-consentimiento', pattern: '(?:retiro|revoco|cancelo|anulo|retirar|revocar|quito)(?: (?:mi|el|la|todo|toda))? (?:consentimiento|permiso|autorizacion)', confidence: 0.9, negatable: true },
    // "no quiero saber nada de ustedes"
    // "ya les dije que no llamen", "ya le pedí que no me escriban": the consumer's own earlier request, repeated.
    { id: 'ya-les-dije-que-no', pattern: '(?:les?|te) (?:dije|pedi|he dicho|he pedido|dijimos|pedimos)(?: (?:mil|muchas|varias|tantas|dos|tres|cien) veces| ya| antes| bien claro| claramente)? (?:que|q|k) (?:no|ya no|nunca mas) (?:{objectPronoun} )?(?:{contactSubj}|{sendSubj}|vuelvan a {contactInfPlain})', confidence: 0.9, notAfter: '{otherParty}', unless: '{nounThenDeferral}|{redirect}' },
    // "me siguen escribiendo? ya les dije q no quiero": the earlier refusal recalled, after a complaint about the contact.
    {
      id: 'ya-les-dije-no-quiero',
      pattern: '(?:les?|te) (?:dije|he dicho|dijimos|pedi)(?: (?:mil|muchas|varias|tantas) veces| ya| antes)? {que} (?:no|ya no|n) (?:quiero|kiero|queremos|me interesa|nos interesa)(?: (?:por favor|porfa|xfa|ya|nada))*$(?<=(?:llamando|llamen|llamadas|mensajes|msjs|textos|escribiendo|marcando|mandando|molestando|textean|escriben|llaman)(?: [a-z]+| ,){2,10})',
      confidence: 0.8, notAfter: '{otherParty}',
    },
    // "ya no es necesario que me llamen", "no hace falta que me escriban más"; not "no hace falta que me llame hoy".
    {
      id: 'ya-no-hace-falta',
      pattern: '(?:ya no|no(?= [a-z ]+ mas(?![^ ]))) (?:es necesario|hace falta|necesitan|tienen que)(?: {que})? (?:{objectPronoun} )?(?:{contactSubj}|(?:ll|y)amar(?:me|nos)?|escribir(?:me|nos)?|marcar(?:me|nos)?|mandar(?:me|nos)? (?:{contactNoun}|nada))',
      confidence: 0.85, unless: '{nounThenDeferral}',
    },
    // "no usen este número para nada", "ya no utilicen mi número"
    { id: 'no-usen-mi-numero', pattern: '(?:no|n|ya ?no|nunca mas) (?:usen|use|utilicen|utilice|marquen a|llamen a) (?:mi|este) (?:numero|cel|celular|telefono)(?: (?:para nada|nunca mas|mas))?', confidence: 0.85, unless: '{nounThenDeferral}|{redirect}|(?:para|en) (?:el|la|los|las|su|sus) [a-z]+' },
    // "cómo hago para ya no recibir mensajes": what to do to stop them is asked for
    { id: 'para-no-recibir', pattern: '(?:para|pa|pa q|para q|para que) (?:ya )?no (?:recibir|seguir recibiendo) (?:mas )?(?:(?:{det}) )?{contactNoun}', confidence: 0.85, unless: '{nounThenDeferral}' },
    // "no me gusta que me estén llamando, ya no lo hagan": the calls named just before.
    { id: 'ya-no-lo-hagan', pattern: '(?:ya no lo (?:hagan|haga|hagas)|no lo (?:vuelvan|vuelva|vuelvas) a hacer|no lo hagan mas)(?<=(?:llamando|llamen|llame|llamadas|mensajes|escribiendo|marcando|textos)(?: [a-z]+| ,){1,6})', confidence: 0.8 },
    // "no me jodan más con sus mensajes"; not the bare "no me jodas" (disbelief)
    { id: 'no-me-jodan-con', pattern: '(?:no|ya no|n) me (?:jodan|joda|jodas|chinguen|chingue|frieguen|friegue|molesten|moleste) (?:mas )?con (?:(?:{det}) )?{contactNoun}', confidence: 0.85 },
    // "no estoy interesado en recibir mensajes": not interested in the contact itself
    { id: 'no-interesa-recibir', pattern: '(?:no estoy interesad[oa]s?|no me interesa|no tengo interes|ya no me interesa) (?:en )?(?:recibir|seguir recibiendo) (?:(?:{det}|mas) )?(?:{contactNoun}|nada)', confidence: 0.85 },
    // "no quiero ser contactado", "no deseo volver a ser llamada"
    { id: 'no-quiero-ser-contactado', pattern: '(?:no|n|ya ?no) (?:quiero|kiero|deseo|queremos)(?: volver a)? ser (?:contactad|llamad|molestad|marcad|acosad)[oa]s?', confidence: 0.9 },
    // "solicito la baja de mi número", "pido mi baja"
    { id: 'solicito-la-baja', pattern: '(?:solicito|pido|quiero|requiero|exijo) (?:la |mi )?(?:baja|eliminacion|remocion)(?: (?:de|del) (?:mi|este) (?:numero|cel|celular|telefono)|(?=$| ,| (?:por favor|porfa|gracias|de (?:los|estos|sus) {contactNoun})(?![^ ])))', confidence: 0.85 },
    // "no quiero pertenecer a su lista", "ya no quiero formar parte de esta lista"
    { id: 'no-quiero-estar-en-lista', pattern: '(?:no|n|ya ?no) (?:quiero|kiero|deseo)(?: seguir)? (?:pertenecer|estar|ser parte|formar parte) (?:a|en|de) (?:(?:{det}) )?{listNoun}', confidence: 0.85, unless: '{otherList}' },
    // "no estoy de acuerdo en recibir estos mensajes"
    { id: 'no-estoy-de-acuerdo', pattern: '(?:no estoy de acuerdo|no acepto|no consiento)(?: (?:en|con))? (?:recibir|que me (?:llamen|escriban|manden|envien|contacten))', confidence: 0.85 },
    // "ya no quiero nada de ustedes"; not "no quiero nada" (an offer refused) nor "… de su tienda".
    { id: 'nada-de-ustedes', pattern: '(?:no|n|ya ?no) (?:quiero|kiero|queremos|deseo)(?: mas)? (?:nada(?: mas)?|(?:ningun (?:tipo de )?|mas )?contacto) (?:de|d|con) (?:ustedes|usted|su empresa|su compania|esta empresa|esta compania)(?![^ ])', confidence: 0.85 },
    { id: 'no-quiero-saber-nada', pattern: '(?:no|ya no) (?:quiero|queremos|deseo) saber (?:nada )?(?:mas )?(?:de|nada de) (?:ustedes|usted|su empresa|ti|esta compania|esta empresa|su compania)', confidence: 0.85 },
    // "estoy harta de sus mensajes", "ya me tienen harto con sus llamadas"
    { id: 'harto-de', pattern: '(?:me (?:tienen|traen|tiene) (?:loc[oa]|hart[oa]|cansad[oa]|mare[oa]d[oa])|hart[oa]s?|cansad[oa]s?|fastidiad[oa]s?|hasta la madre|hasta el gorro)(?: (?:de|con))? (?:(?:{det}) )?(?:tantas |tantos )?{contactNoun}', confidence: 0.85 },
    // SMS "stop mensajes", as carriers' keyword with a noun
    // Not begun with "stop": then every English "stop" would run the Spanish rules. The bare "stop mensajes" is a keyword.
    { id: 'stop-mensajes', pattern: '(?:alto|baja)(?: (?:con|de|a))? (?:(?:{det}) )?{contactNoun}', confidence: 0.85, negatable: true },
    { id: 'stop-con-los-mensajes', pattern: '(?:con|a) (?:(?:{det}) )?{contactNoun}(?<=(?:^| )(?:stop|alto) (?:con|a)(?: [a-z]+){1,4})', confidence: 0.85, negatable: true },
    // "no tienen mi permiso para llamarme"
    { id: 'sin-permiso', pattern: '(?:no|ya no) (?:tienen|tiene|tienes|les doy|le doy|te doy) (?:mi |el |ningun |mas )?(?:permiso|autorizacion|consentimiento) (?:para|de) {contactInf}', confidence: 0.85 },
    // A caller's last word, after a complaint: "usted me ha llamado cinco veces hoy, ya basta".
    {
      id: 'ya-basta-final',
      pattern: '(?:ya basta|basta ya|basta|ya estuvo|ya parenle|ya paren|paren ya|parenle ya|ya chole|ya estuvo bueno)(?: (?:por favor|porfa|ya|senorita|senor|senora))*$(?<=(?:veces|hoy|dia|dias|semana|llamando|llamado|llamadas|mensajes|msjs|textos|numero|interesa|molestando|molestar|mandando|escribiendo|marcando)(?: [a-z]+| ,){1,6})',
      confidence: 0.8, negatable: true,
    },
    { id: 'dejame-en-paz', pattern: '(?:dejenme|dejeme|dejame|dejanos|dejennos|dejenos) (?:en paz|tranquil[oa]s?)|(?:dejen|deje|deja) (?:en paz|tranquil[oa]s?) (?:a )?(?:{who}|mi casa|esta casa|este telefono|a mi (?:{family}))', confidence: 0.85, negatable: true },
    // "cómo dejo de recibir estos mensajes?", "qué hago para ya no recibir sus llamadas": asked of the sender, a wish to stop them.
    {
      id: 'como-dejo-de-recibir',
      pattern: '{howTo} (?:(?:dejo|dejar|dejamos|paro|parar) de recibir|(?:ya )?no (?:recibir|recibo)|(?:detengo|detener|paro|parar|cancelo|cancelar|bloqueo|quito|quitar|elimino)) (?:(?:{det}|mas) )?(?!spam|propaganda)(?:{contactNoun})',
      confidence: 0.85, notAfter: '{hypothetical}', unless: '(?:[a-z]+ |, ){0,6}(?:pero|sino)(?![^ ])|(?:de )?(?:spam|robocalls?|numeros? desconocidos?|otr[oa]s? [a-z]+|(?:a|al|de|en|del) (?:whatsapp|facebook|messenger|instagram|tiktok|la app|la aplicacion|(?:mi|el) (?:iphone|celular|telefono|android|correo))|en general)(?![^ ])|(?:[a-z]+ ){0,5}(?:en|de|del|desde) (?:mi|el|su) (?:iphone|celular|cel|telefono|android|samsung)(?![^ ])|de (?:un|una|algun|alguna|ciertos?|ciertas?) (?:numeros?|contactos?|personas?)(?![^ ])|{otherParty}|{justAsking}',
    },
  ],
};
