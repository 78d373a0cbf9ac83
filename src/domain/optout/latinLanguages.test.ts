import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';

/**
 * English, Spanish, French and Portuguese as people in the US say and text
 * them: requests made for someone at this number, spoken and misheard forms,
 * and the look-alikes that must stay quiet (reported speech, a third party's
 * request, "stop" and "remove" in other senses). Asserted on the rules alone
 * where they must fire, so the classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('opt-outs the rules catch in en, es, fr, pt', () => {
  it.each([
    ['en', 'voice', 'please stop calling my grandfather he passed away last month'],
    ['en', 'sms', 'This is his daughter. Take my dad off your list'],
    ['en', 'voice', "i've asked twice now i need you to not call this number"],
    ['en', 'voice', "i'd appreciate it if you quit texting me"],
    ['en', 'sms', 'If you text me one more time I will report you'],
    ['en', 'sms', 'Knock it off with the texts'],
    ['en', 'voice', 'stop cal ling me'],
    ['en', 'sms', 'stopcallingme'],
    ['en', 'voice', 'these robocalls have to stop'],
    ['es', 'voice', 'ya dejen de yamarle a mi mama ella ya no vive aqui'],
    ['es', 'sms', 'Porfa ya no me marken a este numero'],
    ['es', 'voice', 'le agradeceria que ya no nos llamaran'],
    ['es', 'sms', 'estoy harto de sus llamadas'],
    ['es', 'voice', 'dejen de hablarme'],
    ['fr', 'voice', 'arretez de mapeler'],
    ['fr', 'sms', 'appelez moi pus jamais'],
    ['fr', 'voice', "arrêtez d'appeler mon père à ce numéro"],
    ['fr', 'sms', 'Je retire mon consentement'],
    ['fr', 'voice', "vous n'avez pas le droit de me contacter"],
    ['pt', 'voice', 'parem de ligar pra minha avó ela não mora mais aqui'],
    ['pt', 'sms', 'naum me manda mais msg'],
    ['pt', 'voice', 'eu pedi pra vocês não ligarem mais'],
    ['pt', 'sms', 'para de mandar zap'],
    ['pt', 'sms', 'Quero ser removida da lista'],
  ] as const)('%s/%s: %j', (lang, channel, text) => {
    const result = rules(text, channel);
    expect(result).toMatchObject({ intent: 'opt_out', lang });
    expect(result?.matched).toMatch(/^(?:phrase|keyword)/);
  });
});

describe('look-alikes that are not opt-outs in en, es, fr, pt', () => {
  it.each([
    ['voice', 'my landlord said stop calling him about the leak'],
    ['voice', 'they told me you would stop calling once i paid thank you'],
    ['voice', 'i was going to tell you to stop calling but this deal sounds good'],
    ['sms', 'My son unsubscribed by mistake, can you add him back?'],
    ['sms', 'Unsubscribe? No way, keep them coming'],
    ['sms', 'What does opt out mean?'],
    ['voice', 'i need the calls to stop going to voicemail'],
    ['sms', 'Can you take me off the waiting list? I found a spot elsewhere'],
    ['sms', 'Mi jefe me pidió que deje de mandarle mensajes tan tarde'],
    ['voice', 'no me llames ahorita yo te llamo en un rato'],
    ['voice', 'no me llame la atencion ese plan'],
    ['sms', 'Sáquenme de la lista de espera por favor, ya conseguí cita'],
    ['sms', "Mon patron m'a dit d'arrêter d'envoyer des messages le soir"],
    ['sms', 'Je ne reçois plus vos messages, vous pouvez me remettre ?'],
    ['voice', "arrête de m'appeler monsieur appelle moi paul"],
    ['sms', 'Je veux me désabonner de la salle de sport, pas des sms'],
    ['voice', 'meu chefe falou pra eu parar de mandar mensagem à noite'],
    ['sms', 'Vou parar de mandar mensagem pra vocês, obrigado'],
    ['sms', 'para de me chamar de senhor kkk'],
    ['sms', 'não me liga que eu te ligo'],
  ] as const)('%s: %j', (channel, text) => {
    expect(detectOptOut(text, { channel }).intent).toBe('none');
  });
});
