import { describe, expect, it } from 'vitest';
import { dialTargets, parseTwiml, sipPhone } from './index';

const doc = (inner: string) => parseTwiml(`<Response>${inner}</Response>`);

describe('dialTargets', () => {
  it.each([
    ['a <Number>', '<Dial><Number>+12125550111</Number></Dial>', ['+12125550111']],
    ['bare text inside <Dial>', '<Dial> (212) 555-0112 </Dial>', ['+12125550112']],
    ['several numbers rung at once', '<Dial><Number>+12125550113</Number><Number>2125550114</Number></Dial>', ['+12125550113', '+12125550114']],
    ['a SIP address whose user part is a phone number', '<Dial><Sip>sip:+12125550115@trunk.example.com;transport=tls</Sip></Dial>', ['+12125550115']],
    ['a <WhatsApp> noun', '<Dial><WhatsApp>+12125550116</WhatsApp></Dial>', ['+12125550116']],
    ['a lower-case <dial>', '<dial><number>+12125550117</number></dial>', ['+12125550117']],
    ['a <Refer> to a phone over SIP', '<Refer><Sip>sip:12125550118@carrier.example</Sip></Refer>', ['+12125550118']],
    ['a <Dial> after other verbs', '<Say>hi</Say><Pause/><Dial><Number>+12125550119</Number></Dial>', ['+12125550119']],
    [
      '<Client>, <Conference>, <Queue> ring nobody’s phone',
      '<Dial><Client>agent</Client></Dial><Dial><Conference>r</Conference></Dial><Dial><Queue>q</Queue></Dial>',
      [],
    ],
    ['a SIP endpoint that is not a phone number', '<Dial><Sip>sip:alice@pbx.example.com</Sip></Dial>', []],
    ['no dial at all', '<Say>hello</Say><Hangup/>', []],
  ])('dialTargets reads %s', (_name, inner, phones) => {
    const read = dialTargets(doc(inner));
    expect(read.ok && read.targets.map((t) => t.phone)).toEqual(phones);
  });

  it('dialTargets keeps the callerId the dial shows', () => {
    const read = dialTargets(doc('<Dial callerId="+12125550100"><Number>+12125550120</Number></Dial>'));
    expect(read).toEqual({ ok: true, targets: [{ phone: '+12125550120', callerId: '+12125550100' }] });
  });

  it.each([
    ['a <Number> that is not a phone number', '<Dial><Number>call-me-maybe</Number></Dial>'],
    ['an element it does not know inside <Dial>', '<Dial><Mystery>+12125550121</Mystery></Dial>'],
  ])('dialTargets refuses %s', (_name, inner) => {
    expect(dialTargets(doc(inner)).ok).toBe(false);
  });

  it('sipPhone reads only the user part', () => {
    expect(sipPhone('sips:%2B12125550122@x.example')).toBe('+12125550122');
    expect(sipPhone('sip:+12125550123')).toBeUndefined();
    expect(sipPhone('sip:bob@+12125550124.example')).toBeUndefined();
  });
});
