import { describe, expect, it } from 'vitest';
import { detectOptOut, detectRules } from './detectOptOut';
import type { OptOutChannel } from './types';
import { expectRulesOptOut } from '../../../test/support/optout';

/**
 * Spanish and Korean constructions, each asserted on a sentence the
 * development set does not hold: the messages as the subject of a request
 * ("para que dejen de llegarme"), a chat verb, Korean's plain "안 받아요" and
 * texting initials; and, quiet, the speech that only mentions stopping — a
 * negated third person who never stops, an hour or a language after the
 * named messages, blocking on a phone, 그만 before another verb, a word ending
 * in 내 read as "my". Opt-outs are asserted on the rules alone, so the
 * classifier cannot hide a gap.
 */
const rules = (text: string, channel: OptOutChannel) => detectRules(text, { channel });

describe('Spanish and Korean opt-outs the rules catch', () => {
  it.each([
    ['es', 'sms', 'que hago para que dejen de llegarme sus promos', 'the messages as the subject'],
    ['es', 'sms', 'quiero que paren de llegarme esos textos', 'the messages as the subject, "parar"'],
    ['es', 'sms', 'porfa dejen de chatearme', 'a chat verb'],
    ['es', 'sms', 'que pongo para que ya no me lleguen', 'the messages understood'],
    ['es', 'voice', 'larguense de mi telefono', 'out of the phone'],
    ['ko', 'sms', '광고 안 받아요', 'a plain "I do not take them"'],
    ['ko', 'voice', '이제 전화 안 받습니다', 'the same, with "이제"'],
    ['ko', 'sms', 'ㅅㅅㄱㅂ', '수신거부 in initials'],
    ['ko', 'sms', '언섭 해요', 'Konglish "unsub"'],
    ['ko', 'voice', '앞으로 컨택 하지 마세요', 'Konglish "contact"'],
    ['ko', 'sms', '이런 거 어케 막아요', 'how to block "this", asked of the sender'],
    ['es', 'voice', 'no se vuelvan a comunicar con nosotros', 'the reflexive verb of contact'],
    ['es', 'sms', 'no sigan mandando promos porfa', 'keeping on, refused'],
    ['es', 'voice', 'ya está bueno con las llamadas', '"ya está bueno"'],
    ['ko', 'voice', '문자 보내시지 마세요', 'an honorific verb'],
    ['ko', 'sms', '거부 거부합니다', 'a repeated keyword'],
    ['ko', 'sms', '저희 빼 주세요', 'take us off, the whole reply'],
    ['ko', 'sms', '광고 어떻게 막아요 여기 거요', 'how to stop, this sender named after'],
    ['ko', 'voice', '전화 더 하지 마세요', '더 as "any more"'],
    ['ko', 'voice', '왜 또 문자해 하지 마', 'the contact named in one breath, then a bare "don\'t"'],
    ['ko', 'sms', '어케 하면 문자 안 와요? 여기서 오는 거요', 'how, with this sender named after'],
  ] as const)('%s/%s: %j (%s)', (lang, channel, text, _why) => expectRulesOptOut(text, channel, lang));
});

describe('Spanish and Korean look-alikes that stay quiet', () => {
  it.each([
    ['sms', 'el gimnasio nunca deja de mandarme promos, ustedes si me sirven', 'a negated third person never stops'],
    ['voice', 'no me manden mensajes por la noche que duermo', 'an hour after the named messages'],
    ['sms', 'no me envien textos en ingles porfa', 'a language after the named messages'],
    ['sms', 'como bloqueo los textos de un contacto en mi celular', 'blocking on a phone'],
    ['voice', '엄마 휴대폰에서 광고 차단하는 방법 알려 주세요', 'blocking on a phone'],
    ['sms', '예약 문자 그만 늦게 보내고 제때 보내 주세요', '그만 before another verb'],
    ['voice', '안내 번호 삭제해 주시고 새 번호 알려 주세요', '안내 is not "my"'],
    ['voice', '할머니가 전화를 안 받아요', 'someone else who does not answer'],
    ['voice', '왜 전화 안 받아요', 'why you do not answer'],
    ['voice', 'mi papá le dijo a la gente del seguro que ya no lo llamaran', 'told to a company named in several words'],
    ['sms', '구독 해지 말고 잠깐 멈출 수 있어요?', 'not X but Y'],
    ['sms', '어플에서 알림 끄는 방법 있나요', "an app's notifications"],
    ['voice', '전화 그만 돌리고 상담원 바꿔 주세요', 'stop transferring, connect me'],
    ['voice', '명단에서 빼지 말아 주세요 계속 받을게요', 'a removal forbidden'],
    ['voice', 'mi esposo le pidió al del banco que ya no le marque', 'a request told to "al del banco"'],
    ['sms', '수신거부 번호 뭐예요? 동생이 궁금해해서요', 'someone else asks'],
  ] as const)('%s: %j (%s)', (channel, text, _why) => {
    expect(detectOptOut(text, { channel }).intent).not.toBe('opt_out');
  });
});

describe('Spanish and Korean refusals of one thing that ask nothing', () => {
  it.each([
    ['no me interesa la membresía de oro, la de plata sí', 'one offer refused, another wanted'],
    ['no me interesa lo que digan los vecinos', '"no me interesa" as "I do not care"'],
    ['관심 없다는 게 아니라 지금 바빠서요', 'the refusal denied'],
    ['제 번호 어떻게 변경해요', 'how to change the number, not how it was found'],
  ] as const)('voice: %j (%s)', (text, _why) => {
    expect(detectOptOut(text, { channel: 'voice' }).intent).toBe('none');
  });
});

// The character n-gram classifier, asked when no rule fires, may still read these as opt-outs; the rules must not.
describe('Spanish look-alikes the rules leave alone', () => {
  it.each([
    ['voice', 'no quiero mensajes de voz mejor escríbame', 'voice mail refused for texts'],
    ['sms', 'ya estoy afuera, para de mandarme textos', 'said on arriving'],
  ] as const)('%s: %j (%s)', (channel, text, _why) => {
    expect(rules(text, channel)).toBeNull();
  });
});
