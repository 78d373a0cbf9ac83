import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';
import { expectRulesOptOut } from '../../../test/support/optout';

/**
 * Spanish and Tagalog phrasings the rules generalise to: texting spellings,
 * speech recognition running words together, a household member's request
 * passed on to the caller, Cebuano and Ilocano prohibitives; and the speech
 * around them that only mentions stopping (another person called, an hour, a
 * language, a manner of talking, an imagined request, a request told to
 * someone else). Opt-outs are asserted on the rules alone, so the classifier
 * cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('Spanish and Tagalog opt-outs the rules catch', () => {
  it.each([
    ['es', 'sms', 'sakenme d su lista', 'k for qu, d for de'],
    ['es', 'sms', 'ya no gracias, bájenme porfis', '"bájenme" alone'],
    ['es', 'sms', 'denme d baja porfa', '"d baja"'],
    ['es', 'voice', 'mi mamá dice que ya no la llamen', 'a household member, passed on'],
    ['es', 'voice', 'yanomemarquen', 'speech recognition runs the words together'],
    ['es', 'voice', 'ya les he dicho varias veces que no marquen', 'told before, many times'],
    ['es', 'voice', 'no me llame más señora', 'a form of address after "más" is not naming'],
    ['es', 'sms', 'no quiero ningún contacto con ustedes', 'no contact at all'],
    ['es', 'sms', 'mensajes y mensajes todo el día, ya paren', 'a final "ya paren" after a complaint'],
    ['es', 'voice', 'ya no marque para acá', '"para acá"'],
    ['es', 'sms', 'que ya no me llegue nada de esa tienda', 'the subjunctive asks'],
    ['tl', 'voice', 'sabi ng nanay ko wag nyo na daw siyang tawagan', 'relayed to the caller ("nyo")'],
    ['tl', 'voice', 'ayaw na po ng tatay ko na tinatawagan nyo siya', 'a household member refuses'],
    ['tl', 'voice', 'palihug ayaw na ko tawagi', 'Cebuano'],
    ['tl', 'sms', 'undang na mo og text', 'Cebuano'],
    ['tl', 'voice', 'saan kayo nga agtawag', 'Ilocano'],
    ['tl', 'voice', 'wala na po kayong permiso na tumawag dito', 'no permission'],
    ['tl', 'voice', 'tawag kayo ng tawag tama na po', 'a final "tama na" after a complaint'],
    ['tl', 'sms', 'hindi na po kayo pwedeng mag-text dito', 'no longer allowed'],
    ['tl', 'sms', 'itigil nyo na ang lahat ng text', '"lahat ng"'],
    ['tl', 'sms', 'wagna kayong magtext', '"wag na" run together'],
    ['tl', 'sms', 'hindi na po namin kailangan ng text ninyo', '"po" before the pronoun'],
  ] as const)('%s/%s: %j (%s)', (lang, channel, text, _why) => expectRulesOptOut(text, channel, lang));
});

describe('Spanish and Tagalog look-alikes that stay quiet', () => {
  it.each([
    ['voice', 'deja de llamar a tu novio mija', 'another person is called'],
    ['voice', 'dígale a su papá que deje de llamar al banco', 'another person is called'],
    ['sms', 'no me escriban en inglés por favor', 'a language asked for'],
    ['sms', 'no me manden correos, mejor mensajes', 'another channel preferred'],
    ['voice', 'no me estén llamando a las seis de la mañana', 'an hour'],
    ['voice', 'no me hable tan fuerte', 'a manner of talking'],
    ['voice', 'mi abuela dice que ya no le llamen pero yo sí quiero', 'the speaker wants the calls'],
    ['sms', 'qué pasa si les digo que ya no me manden mensajes?', 'an imagined request'],
    ['voice', 'el banco no para de mandarme cartas', 'letters, not these messages'],
    ['sms', 'no quiero dejar de recibir las ofertas', 'negated'],
    ['sms', 'ya no me llega nada, qué pasó?', 'a complaint: the indicative'],
    ['sms', 'cómo me doy de baja más adelante? solo pregunto', 'only asking'],
    ['voice', 'wag po kayong tumawag tuwing Linggo', 'a day of the week'],
    ['voice', 'sabi ng kuya ko wag na daw kayong tumawag kaso interesado ako', 'the speaker wants the calls'],
    ['voice', 'kung sasabihin ko na wag na kayong tumawag ano mangyayari', 'an imagined request'],
    ['voice', 'sinabihan ko ang landlord na wag nang tumawag', 'told to someone else'],
    ['sms', 'huwag nyo kaming tanggalin sa listahan', 'negated removal'],
    ['voice', 'ayaw ko ng tawag sa gabi', 'an hour'],
    ['voice', 'ya no llamen al celular de mi hermano, llámenme a mí', "another person's cell, the call redirected"],
    ['sms', 'kung ayaw ko na ng text, ano gagawin ko?', 'only supposed'],
    ['voice', 'wag nyo po akong tawagan sa opisina sa bahay na lang', 'a place, then where to call instead'],
    ['sms', 'hindi po ako nag-unsubscribe, bakit hindi na ako nakakatanggap?', 'Taglish: the English word, negated in Tagalog'],
    ['sms', 'wag nyo po akong i-unsubscribe sa promo', 'Taglish: the English word, a Tagalog prohibitive'],
    ['sms', 'sabi ng pinsan ko i-unsubscribe ko daw pero gusto ko pa ng updates', 'Taglish: someone else advises it (daw)'],
    ['sms', 'how do u stop spam texts from random numbers lol', 'an English question about spam in general, not for a borrowing lexicon'],
    ['sms', 'how do u even stop spam texts from random numbers', 'the same question with an adverb in it'],
  ] as const)('%s: %j (%s)', (channel, text, _why) => {
    expect(detectOptOut(text, { channel }).intent).not.toBe('opt_out');
  });
});

// A question to the sender about how to stop its messages is a wish to stop them; a question about
// the mechanism, another service or spam in general is not.
describe('Spanish and Tagalog questions about stopping these messages', () => {
  it.each([
    ['es', 'sms', 'como dejo de recibir estos mensajes?'],
    ['es', 'sms', 'q hago pa ya no recibir estos textos'],
    ['es', 'sms', 'de qué manera dejo de recibir estos avisos?'],
    ['es', 'sms', 'me salgo de la lista'],
    ['tl', 'sms', 'paano ko ititigil tong mga text nyo'],
    ['tl', 'sms', 'paano po ba ma-stop tong mga text nyo'],
    ['tl', 'sms', 'pano matanggal sa list nyo'],
    ['tl', 'voice', 'paano po para hindi na kayo tumawag'],
    ['tl', 'voice', 'paano po ba para matigil na ang tawag ninyo'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    expect(rules(text, channel)).toMatchObject({ intent: 'opt_out', lang });
  });

  it.each([
    ['sms', 'como dejo de recibir mensajes de spam en mi iphone'],
    ['sms', 'como le quito las notificaciones a whatsapp?'],
    ['sms', 'si me doy de baja sigo recibiendo mis recordatorios de cita?'],
    ['voice', 'oiga y si me salgo de la lista después me puedo volver a inscribir'],
    ['voice', 'si me quitan de la lista ya no me llegan los recordatorios de la medicina'],
    ['sms', 'paano i-block ang spam sa phone ko'],
    ['sms', 'paano po i-stop ang text notifications sa app?'],
    ['sms', 'pano po mag stop ng promo pero di ng alerts?'],
    ['voice', 'paano po ba gumagana yung stop sa text'],
    ['voice', 'paano ko po ititigil ang tawag nyo kung gusto ko'],
  ] as const)('%s: %j stays quiet', (channel, text) => {
    expect(detectOptOut(text, { channel }).intent).not.toBe('opt_out');
  });
});

describe('Spanish and Tagalog speech about someone else, or something else', () => {
  it.each([
    ['tl', 'voice', 'sabi ng tatay ko tigilan nyo na daw ang pagtawag dito', 'Tagalog: a household member, passed on ("nyo")'],
    ['tl', 'voice', 'sabi po ng lola ko ayaw na niya ng tawag ninyo', 'Tagalog: a household member refuses, "ninyo" the caller'],
    ['tl', 'voice', 'wag na kayong tumawag kay lolo dito hindi na siya nakakarinig', 'Tagalog: grandfather at this number'],
    ['es', 'sms', 'dejen en paz este telefono', 'this phone left alone'],
    ['es', 'voice', 'quiten me de la lista', 'speech recognition splits the clitic'],
    ['es', 'sms', 'no sigan con los mensajes porfa', '"no sigan con" the messages'],
    ['es', 'sms', 'no quiero recibir más info de ustedes', 'information, with "recibir"'],
    ['tl', 'voice', 'paano po ba kayo mapapahinto sa pagtawag dito', 'Tagalog: any stopping verb form'],
    ['tl', 'sms', 'nakakaabala na po ang text nyo, wag na po', 'Tagalog: a closing "wag na po" after a complaint'],
    ['es', 'sms', 'bórrenme del listado porfa', '"listado"'],
    ['es', 'voice', 'ya dejen la jodedera con las llamadas', 'Caribbean "la jodedera"'],
    ['tl', 'sms', 'paunsubscribe po ako sa promo nyo', 'Tagalog: off "the promos", named'],
    ['tl', 'sms', 'wala na ko ganahan sa inyong text, undang na', 'Cebuano'],
    ['tl', 'voice', 'saan yo kon nga tawagan', 'Ilocano'],
  ] as const)('%s/%s: %j is an opt-out (%s)', (lang, channel, text, _why) => {
    expect(rules(text, channel)).toMatchObject({ intent: 'opt_out', lang });
  });

  it.each([
    ['sms', 'la otra compañía no deja de mandarme mensajes, ustedes no', 'another company'],
    ['voice', 'la otra compañía me llama a cada rato y ya les dije que no me llamen', 'another company, told before'],
    ['voice', 'dejen de llamar dice mi esposo pero no le haga caso yo sí quiero', 'relayed, then overridden'],
    ['voice', 'pero ya no me llamen a esa hora que estoy dormida llamen después de las diez', 'an hour'],
    ['voice', 'no me llame a la casa mejor al celular', 'another line asked for'],
    ['voice', 'ya no me llame Lupita dígame Guadalupe', 'naming'],
    ['sms', 'mi hermano no quiere q le llamen a su cel, yo si', "another person's cell, and the speaker wants them"],
    ['voice', 'no me llame por mi apellido dígame Rosa', 'naming'],
    ['voice', 'qué pasa si ya no quiero que me llamen y tengo una cuenta abierta', 'supposed'],
    ['sms', 'mi número cambió, ya no me escriban al viejo, escriban aquí', 'the old number'],
    ['sms', 'basta con mandarme la factura por correo', '"basta con": it is enough to'],
    ['sms', 'mi hija no quiere mensajes pero yo sí, ella tiene otro número', 'the speaker wants them'],
    ['voice', 'wag kayo tumawag ng alas sais ng umaga tulog pa ako', 'Tagalog: an hour'],
    ['voice', 'wag na pong ipadala yung technician ayos na', 'Tagalog: a technician sent'],
    ['voice', 'ano po mangyayari kung sabihin kong ayaw ko na ng tawag', 'Tagalog: an imagined request'],
    ['voice', 'tumawag po kasi yung kabilang kumpanya tapos sinabihan ko na wag na tumawag', 'Tagalog: another company, told'],
  ] as const)('%s: %j stays quiet (%s)', (channel, text, _why) => {
    expect(detectOptOut(text, { channel }).intent).not.toBe('opt_out');
  });
});

// The English rule for "unsubscribe" / "opt out" reads the Tagalog around the borrowed word (taglishAsides.ts).
describe('Taglish around "unsubscribe" and "opt out"', () => {
  it.each(['paano mag-unsubscribe?', 'i-unsubscribe nyo na po ako sa list nyo', 'unsubscribe na po ako sa inyo', 'kung pwede, unsubscribe na ako'])(
    '%j is an opt-out',
    (text) => {
      expect(rules(text, 'sms')?.intent).toBe('opt_out');
    },
  );

  it.each([
    'paano mag-unsubscribe sa netflix?',
    'kung mag unsubscribe ako, makukuha ko pa ba yung update ng order ko?',
    'ano pong ibig sabihin ng unsubscribe',
    'hindi po ako yung nag unsubscribe baka yung asawa ko',
    'magkano ang bayad pag nag opt out ako sa insurance',
    'paano po mag-unsubscribe kung sakali?',
  ])('%j stays quiet', (text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).not.toBe('opt_out');
  });
});
