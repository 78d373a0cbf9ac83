import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';
import type { OptOutChannel } from './types';

const intent = (text: string, channel: OptOutChannel = 'voice'): string => detectOptOut(text, { channel }).intent;

describe('Chinese, Korean and Vietnamese opt-outs as people say and text them', () => {
  it.each([
    // A household member at this number.
    ['zh', '不要再给我妈打电话了'],
    ['zh', '请不要再给我家老人打电话'],
    ['ko', '우리 엄마한테 문자 그만 보내세요'],
    ['ko', '어머니한테 전화하지 말아 주세요'],
    ['vi', 'đừng gọi cho bà tôi nữa bà già rồi'],
    // Colloquial and dialect forms.
    ['zh', '别打我电话了'],
    ['zh', '别老打电话给我'],
    ['zh', '唔好再打嚟啦'],
    ['zh', '再打我就报警了'],
    ['ko', '더이상 전화 안 했으면 좋겠어요'],
    ['ko', '전화하지 말라고 했잖아요'],
    ['ko', '전화질 좀 그만해'],
    ['vi', 'khỏi gọi nữa'],
    ['vi', 'hổng có gọi nữa nghen'],
    ['vi', 'để tôi yên đi'],
    // A whole reply with a comma before the thanks, full-width as typed or ASCII.
    ['zh', '不再接收，谢谢'],
    ['zh', '不再接收,谢谢'],
    // Code-switching.
    ['zh', 'please 不要再text我了'],
    ['ko', '문자 stop 해주세요'],
    ['vi', 'stop gọi cho tôi đi'],
    // Consent withdrawn.
    ['zh', '我撤回授权'],
    ['ko', '수신 동의 취소할게요'],
    ['vi', 'Tôi rút lại sự đồng ý nhận tin nhắn'],
  ])('%s: %j is an opt-out, and says which lexicon fired', (lang, text) => {
    const result = detectOptOut(text, { channel: 'voice' });
    expect(result).toMatchObject({ intent: 'opt_out', lang });
    expect(result.matched).toMatch(new RegExp(`^phrase:${lang}:`));
  });

  it.each([
    ['停发', 'keyword:停发'],
    ['스탑', 'keyword:스탑'],
    ['DK DNC', 'keyword:DK DNC'],
    ['TC QC', 'keyword:TC QC'],
  ])('the SMS keyword %j is an opt-out as the whole message', (text, matched) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched });
  });

  it.each([
    // What else the contact verbs mean: play, hit, lose one's temper; order food; a mobile plan.
    ['zh', '不要再打游戏了 快去写作业'],
    ['zh', '别再发脾气了'],
    ['vi', 'đừng gọi món nữa ăn không hết'],
    ['vi', 'ngừng gói cước được không'],
    // Not now, not for good.
    ['zh', '晚上不要给我打电话 白天可以'],
    ['ko', '운전 중에는 문자 보내지 마'],
    ['vi', 'đừng nhắn cho tôi lúc nửa đêm nữa'],
    // A parent to a child, or about somebody else.
    ['ko', '친구한테 문자 그만 보내'],
    ['ko', '카톡 그만하고 자'],
    ['vi', 'con đừng nhắn tin nữa đi ngủ đi'],
    // Past, promise, or the opposite request.
    ['ko', '유튜브 구독 취소했어요'],
    ['ko', '제가 문자 그만 보낼게요'],
    ['ko', '수신거부 해제해 주세요'],
    ['vi', 'Tôi đã hủy đăng ký gói tập gym rồi'],
    ['zh', '退订了会员还能用吗'],
  ])('%s: %j is not an opt-out', (_lang, text) => {
    expect(intent(text, 'voice')).toBe('none');
    expect(intent(text, 'sms')).toBe('none');
  });

  it('reads traditional Chinese the same as simplified in the new wording', () => {
    expect(detectOptOut('我不想再接到這種電話', { channel: 'voice' })).toEqual(detectOptOut('我不想再接到这种电话', { channel: 'voice' }));
    expect(intent('我不想再接到這種電話')).toBe('opt_out');
  });
});
