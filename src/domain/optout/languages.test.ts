import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';
import type { OptOutChannel } from './types';

const intent = (text: string, channel: OptOutChannel = 'voice'): string => detectOptOut(text, { channel }).intent;

describe('the six languages added to English, Spanish, French and Portuguese', () => {
  it.each([
    ['zh', '不要再给我打电话了'],
    ['zh', '請不要再打來了'],
    ['zh', '请把我的号码从你们的名单里删掉'],
    ['vi', 'Đừng gọi cho tôi nữa'],
    ['vi', 'dung goi cho toi nua'],
    ['vi', 'làm ơn xóa số của tôi khỏi danh sách'],
    ['tl', 'Huwag na po kayong tumawag'],
    ['tl', 'alisin nyo na ang number ko sa listahan'],
    ['ko', '다시는 전화하지 마세요'],
    ['ko', '다시는 전화 하지마세요'],
    ['ko', '문자 그만 보내세요'],
    ['ar', 'لا تتصل بي مرة أخرى'],
    ['ar', 'لَا تَتَّصِلْ بِي مَرَّةً أُخْرَى'],
    ['ar', 'لا تتصـــل بي مرة اخرى'],
    ['ht', 'Pa rele m ankò'],
    ['ht', 'pa relem anko'],
    ['ht', 'tanpri sispann voye mesaj ban mwen'],
  ])('%s: %j is an opt-out, and says which lexicon fired', (lang, text) => {
    const result = detectOptOut(text, { channel: 'voice' });
    expect(result).toMatchObject({ intent: 'opt_out', lang });
    expect(result.matched).toMatch(new RegExp(`^phrase:${lang}:`));
  });

  it.each([
    ['退订', '退订'],
    ['退訂', '退订'],
    ['TD', 'TD'],
    ['ＴＤ', 'TD'],
    ['수신거부', '수신거부'],
    ['수신 거부', '수신 거부'],
    ['HUY', 'HUY'],
    ['Tigil', 'TIGIL'],
    ['إلغاء', 'الغاء'],
    ['KANPE', 'KANPE'],
  ])('the SMS keyword %j is an opt-out as the whole message (%s)', (text, keyword) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched: `keyword:${keyword}` });
  });

  it.each([
    ['zh', '别挂电话，我马上回来'],
    ['zh', '不要忘了明天给我打电话'],
    ['zh', '他说不要再给他打电话了，但我有兴趣'],
    ['zh', '我想退订酒店房间'],
    ['zh', '帮我取消明天的预约'],
    ['vi', 'Đúng rồi'],
    ['vi', 'Đừng quên gọi cho tôi nhé'],
    ['vi', 'Tôi sẽ không nhắn cho anh nữa đâu'],
    ['vi', 'Tôi muốn hủy đơn hàng'],
    ['tl', 'Huwag mong kalimutang tawagan ako bukas'],
    ['tl', 'Titigil na ako sa pag-text sa kanya'],
    ['ko', '전화 끊지 마세요'],
    ['ko', '남편이 자기한테 전화하지 말라고 했는데 저는 관심 있어요'],
    ['ko', '지금 전화하지 마세요 회의 중이에요'],
    ['ko', '그 회사는 전화를 그만 했어요'],
    ['ar', 'لا تنس أن تتصل بي غدا'],
    ['ar', 'أين موقف الحافلات'],
    ['ar', 'توقف الاتصال فجأة'],
    ['ht', 'Pa bliye rele m demen'],
    ['ht', 'Mari m di pa rele l ankò men mwen enterese'],
    ['ht', 'M ap sispann voye mesaj ba li'],
  ])('%s: %j is not an opt-out', (_lang, text) => {
    expect(intent(text, 'voice')).toBe('none');
    expect(intent(text, 'sms')).toBe('none');
  });

  it('reads Vietnamese without diacritics the same as with them', () => {
    expect(detectOptOut('Ngừng gửi tin nhắn cho tôi', { channel: 'sms' })).toEqual(detectOptOut('ngung gui tin nhan cho toi', { channel: 'sms' }));
  });

  it('reads traditional Chinese the same as simplified', () => {
    expect(detectOptOut('我不想再收到這些訊息', { channel: 'sms' })).toEqual(detectOptOut('我不想再收到这些讯息', { channel: 'sms' }));
  });
});
