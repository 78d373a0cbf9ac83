import { describe, expect, it } from 'vitest';
import { detectOptOut } from './index';

type Channel = 'sms' | 'voice';
const detect = (channel: Channel, text: string) => detectOptOut(text, { channel });

describe('a question to the sender on how to stop these messages is an opt-out (English, Arabic)', () => {
  it.each([
    ['sms', 'how can i stop these'],
    ['sms', 'كيف الغي الاشتراك؟'],
    ['sms', 'ازاي اوقف المسجات دي'],
    ['voice', 'شلون اوقف مكالماتكم'],
    ['sms', 'كيف اطلع من قايمتكم'],
    ['sms', 'kif elghi el ishtirak'],
  ] as const)('%s %j', (channel, text) => {
    expect(detect(channel, text)).toMatchObject({ intent: 'opt_out' });
  });

  it.each([
    ['voice', 'how do i stop robocalls in general'],
    ['sms', 'how do you block robocalls'],
    ['voice', 'is there an app to stop spam calls'],
    ['voice', 'does opting out of the texts also stop the calls'],
    ['sms', 'كيف اوقف الرسايل المزعجة بشكل عام'],
    ['sms', 'كيف الغي اشتراك الجيم'],
    ['voice', 'كيف اوقف الاشعارات من التطبيق'],
    ['sms', 'كيف اوقف الرسايل من بنك ثاني'],
  ] as const)('%s %j (spam in general, the mechanism, another service) is not', (channel, text) => {
    expect(detect(channel, text).intent).toBe('none');
  });

  it('"these robocalls" said to the caller stays an opt-out', () => {
    expect(detect('voice', 'how do i stop these robocalls').intent).toBe('opt_out');
  });
});

describe("a household member's own request passed on to the caller (Arabic)", () => {
  it.each(['امي تقول لا تتصلوا عليها', 'جوزي بيقول متتصلوش هنا تاني', 'ابوي يبي تشيلون رقمه من القايمه'])('%j is an opt-out', (text) => {
    expect(detect('voice', text).intent).toBe('opt_out');
  });
  it.each(['زوجي قال لاخوه يبطل يتصل عليه', 'امي تقول لا تتصلوا عليها بعد العشا', 'ابوي بدو حدا يتصل عليه'])(
    '%j (someone else told, only an hour, a call wanted) is not',
    (text) => {
      expect(detect('voice', text).intent).toBe('none');
    },
  );
});

describe('English and Arabic phrasings by construction', () => {
  it.each([
    ['voice', 'kindly do not ring on this number henceforth'],
    ['voice', 'please remove me ive had it'],
    ['voice', 'i would like to not get any further texts'],
    ['voice', 'aint nobody here want yall texts'],
    ['sms', 'i asked u to stop'],
    ['voice', 'unlist me'],
    ['voice', 'stawp calling'],
    ['voice', 'these texts are spam and they have to stop'],
    ['voice', 'لا اوافق على هذه الرسائل'],
    ['voice', 'وشيلوا الرقم ديالي من عندكم'],
    ['voice', 'بليز ستوب تكست'],
    ['sms', 'la tirsilli rasael'],
    ['sms', '7elo 3anni'],
  ] as const)('%s %j is an opt-out', (channel, text) => {
    expect(detect(channel, text).intent).toBe('opt_out');
  });

  it.each([
    ['voice', 'she does not want calls at the office but you can call her here'],
    ['sms', 'no more emails pls, the texts are fine'],
    ['sms', 'unsubscribe me from the emails but keep texting'],
    ['voice', 'i want to unsubscribe my sons old number not mine'],
    ['sms', 'call me after 6 dont text'],
    ['voice', 'my sister told her landlord stop calling her'],
    ['voice', 'ابعتلي مسج بدل ما تتصل'],
    ['voice', 'يا ولد بطل ازعاج'],
    ['voice', 'شيلني من السبيكر'],
    ['voice', 'لو بطلت الرسايل هل يوصلني التذكير'],
    ['voice', 'بطلوا ترسلوا الفواتير ورق'],
    ['sms', 'اتصلوا لا ترسلوا'],
  ] as const)('%s %j is not', (channel, text) => {
    expect(detect(channel, text).intent).not.toBe('opt_out');
  });
});
