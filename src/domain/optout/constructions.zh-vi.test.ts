import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';

const intent = (text: string, channel: 'sms' | 'voice'): string => detectOptOut(text, { channel }).intent;

/**
 * Chinese and Vietnamese constructions that mention stopping without asking
 * this sender to stop, guarded for the whole verb class, beside the
 * phrasings of the same requests that are opt-outs.
 */
describe('Chinese: speech about stopping that is no request to stop', () => {
  it.each([
    // Children addressed as a group; 打 as hitting.
    '你们俩别打了 好好吃饭',
    // Advice about the mechanism, someone else's.
    '新闻上说回复退订没用',
    // Another company's messages.
    '我已经退订了其他公司的短信 你们的还要',
    // A relative's number, and "call me instead"; the speaker's other numbers.
    '不要再打给我老公了 他出差了 打我就行',
    '不要再打了 这是我的工作电话 有事打我私人号码',
    '别再用这个号码发了 换成我的新号码 555开头那个',
    // A question about what follows unsubscribing.
    '我想问一下 退订了以后还会收到账单提醒吗',
    // Less often, not never.
    '能不能每周发一次 别每天发',
    // The speaker never said it.
    '我从来没说过不要再发',
    // One thing sent that does not work, a new one asked for.
    '不要再给我发这个链接了 打不开 发个新的',
    // Cantonese 佢 (him), Hokkien 阮 (us) told by a relative.
    '唔好再打畀佢啦 佢搬咗去加州',
    '阿嬷叫阮莫擱打電話予伊',
    // Someone told "us" about the neighbours; the speaker will call back.
    '教会的人让我们别再打扰邻居',
    '你不要打给我了 我等下打给你',
    '退订那个 不是这个',
    // Idioms of 打; a parcel's wrapping sent by 寄.
    '你不要再打官腔了',
    '不要再寄那种塑料袋包装了 环保一点',
  ])('%j is not an opt-out', (text) => {
    expect(intent(text, 'voice')).not.toBe('opt_out');
    expect(intent(text, 'sms')).not.toBe('opt_out');
  });

  it.each([
    '你們再打來我就檢舉',
    '不要text我了',
    '以后别找我了',
    '唔該幫我unsubscribe',
    '能不能不要每天发短信',
    '我拒绝你们的电话',
    '请勿再以任何方式联系本人',
    '再发一条我就投诉到消协',
    '上周你们说不会再发 结果还在发',
    '妳們不要再打來了',
  ])('%j is an opt-out', (text) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', lang: 'zh' });
  });
});

describe('Vietnamese: speech about stopping that is no request to stop', () => {
  it.each([
    // An outsider in a relative's words.
    'mẹ tôi nói đừng gọi cho bác sĩ nữa vì bả khỏe rồi',
    // The speaker never said it.
    'em chưa bao giờ nói đừng gửi nữa mà',
    'không phải kêu đừng nhắn, mà nhắn trễ quá',
    // One thing sent, or sent wrong.
    'đừng gửi cái link đó nữa, mở không được, gửi link khác đi',
    'đừng gửi mã giảm giá đó nữa, hết hạn rồi',
    'đừng gửi sai thông tin cho em nữa',
    'hủy tin nhắn vừa rồi, em gửi lộn',
    // Another number of the speaker's.
    'đừng nhắn vô số này nữa nha, nhắn qua số mới của em 714',
    'đừng gọi số này nữa đây là số công ty, có gì gọi số riêng',
    // A day, a week, an hour.
    'mai đừng gọi, em đi công tác, mốt gọi lại',
    'tuần này đừng gọi, em nằm viện, tuần sau nói tiếp',
    'sau 10 giờ tối đừng nhắn nha, con em ngủ',
    // A members' list; an unsubscribe by mistake.
    'đừng xóa em khỏi danh sách hội viên nha',
    'em lỡ hủy đăng ký, làm sao đăng ký lại',
    // "Not that, but"; gói (wrap) heard as gọi.
    'tôi không nói đừng gọi, tôi nói cuối tuần đừng gọi',
    'đừng gói bằng túi ni lông nữa nha',
  ])('%j is not an opt-out', (text) => {
    expect(intent(text, 'voice')).not.toBe('opt_out');
    expect(intent(text, 'sms')).not.toBe('opt_out');
  });

  it.each([
    'dừng lại giùm em, nhắn hoài vậy',
    'bớt gọi lại đi',
    'hủy giùm cái đăng ký tin nhắn',
    'Vui lòng không gửi tin nhắn cho số này',
    'tháng trước em hủy rồi sao còn nhắn',
    'đề nghị không liên lạc với tôi dưới bất kỳ hình thức nào',
    'tôi đã từ chối rõ ràng, yêu cầu công ty ngưng mọi liên lạc',
    'pls đừng send nữa',
    'đừng gửi bất cứ thứ gì tới số này nữa',
  ])('%j is an opt-out', (text) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', lang: 'vi' });
  });
});
