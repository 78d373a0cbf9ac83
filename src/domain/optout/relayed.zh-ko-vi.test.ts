import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';
import type { OptOutChannel } from './types';

const intent = (text: string, channel: OptOutChannel = 'voice'): string => detectOptOut(text, { channel }).intent;

describe('a relative’s request passed on to the caller (Chinese, Korean, Vietnamese)', () => {
  it.each([
    ['zh', '我老公说让你们别打了'],
    ['zh', '我妈说你们不要再打来了'],
    ['zh', '我太太叫你哋唔好再打嚟'],
    ['zh', '我儿子说不要再给他发短信了'],
    ['ko', '남편이 전화하지 말래요'],
    ['ko', '엄마가 이 번호로 연락하지 말래요'],
    ['ko', '남편이 그쪽한테 문자 보내지 말라고 전해 달래요'],
    ['vi', 'chồng tôi nói mấy anh đừng gọi nữa'],
    ['vi', 'má tôi nói mấy người đừng gọi cho bả nữa'],
  ])('%s: %j is an opt-out for this number', (lang, text) => {
    expect(detectOptOut(text, { channel: 'voice' })).toMatchObject({ intent: 'opt_out', lang });
  });

  it.each([
    // The speaker disagrees with what they pass on.
    '我老公说让你们别打了，但我还想了解一下',
    '남편이 전화하지 말라고 했대요 근데 저는 궁금해서요',
    'má tui kêu mấy người đừng gọi nữa nhưng tui muốn biết thêm',
    // Told to the speaker, or by the speaker to someone else.
    '我儿子叫我别再给他打电话了',
    '我跟我姐说不要再打了 她还是打',
    '엄마가 저한테 전화하지 말래요 일하는 중이라서',
    '남편이 자기 상사한테 전화하지 말라고 했어요',
    'tôi bảo con tôi đừng gọi cho bạn nó nữa',
    'tháng trước tôi kêu họ đừng gọi nữa và họ ngừng rồi',
    // About the relative's own other number, with this one offered instead.
    '아내가 자기 회사로 전화하지 말래요 제 번호로 하세요',
    'ảnh nói mấy anh đừng gọi ảnh nữa nhưng đây là số tôi tôi muốn nghe',
    // About someone outside the household.
    'Chồng tôi nói đừng nhắn cho sếp ảnh nữa',
    '我同事接到诈骗电话 叫人家别打了',
  ])('%j is not an opt-out', (text) => {
    expect(intent(text)).toBe('none');
  });
});

describe('speech that only mentions stopping (Chinese, Korean, Vietnamese)', () => {
  it.each([
    // Questions about the mechanism or its cost, about spam in general, or for someone else.
    ['回复退订会不会收费', 'sms'],
    ['退订了是不是电话也不打了', 'sms'],
    ['怎么才能不接到骚扰电话 你们知道吗', 'voice'],
    ['如何退订视频会员', 'sms'],
    ['수신거부하면 요금 나가요?', 'sms'],
    ['스팸 문자 안 받으려면 어떻게 해요', 'sms'],
    ['넷플릭스 구독 취소 어떻게 해요', 'sms'],
    ['Hủy đăng ký thì có mất phí không', 'sms'],
    ['tôi hỏi giùm bạn tôi cách hủy đăng ký', 'sms'],
    ['Hủy đăng ký rồi có đăng ký lại được không', 'sms'],
    ['수신거부는 무슨 번호로 보내요?', 'sms'],
    ['구독 취소하면 다시 신청 가능해요?', 'sms'],
    // An hour or a day, not for good.
    ['晚上九点以后不要打电话', 'voice'],
    ['cuối tuần đừng gọi nha', 'voice'],
    ['오전 열 시 전에는 전화하지 마세요', 'voice'],
    // Other things sent; a child; a name; a joke.
    ['不要再寄信给我了 打电话就可以', 'voice'],
    ['우편으로 청구서 보내지 마세요 문자로 주세요', 'sms'],
    ['宝贝 别打了 把玩具放下', 'voice'],
    ['Đừng gọi em là bé nữa', 'sms'],
    ['ㅋㅋㅋ 그만 보내 배 아파', 'sms'],
    // Asking whether something stopped, or what opting out would do.
    ['停止发送验证码了吗 我一直收不到', 'sms'],
    ['Hủy đăng ký có bị ảnh hưởng tài khoản không', 'sms'],
    ['Tôi có hủy đăng ký đâu sao không thấy tin nhắn', 'sms'],
    // A past mistake, not a request.
    ['我不小心点了退订 怎么恢复', 'voice'],
    ['실수로 수신거부 눌렀는데 취소할 수 있어요', 'voice'],
  ] as const)('%j is not an opt-out', (text, channel) => {
    expect(intent(text, channel)).toBe('none');
  });

  // Asking the sender how to stop these messages is asking them to stop (any reasonable means revokes consent).
  it.each([
    ['zh', '怎么退订', 'sms'],
    ['zh', '退订怎么弄', 'sms'],
    ['zh', '要怎么做你们才不会再打来', 'voice'],
    ['ko', '어떻게 수신거부 해요?', 'sms'],
    ['ko', '이 문자 안 받으려면 어떻게 해야 돼요?', 'sms'],
    ['ko', '구독 취소 어떻게 하죠', 'sms'],
    ['vi', 'Làm sao để hủy đăng ký vậy', 'sms'],
    ['vi', 'làm sao để các anh không gọi nữa', 'voice'],
    // Other forms read this round: the stop first, speech recognition's 하디 / 저나, Cantonese 删咗, southern kêu.
    ['ko', '그만하세요 전화', 'voice'],
    ['ko', '전화하디 마세요', 'voice'],
    ['ko', '저나하지 마세요', 'voice'],
    ['zh', '唔該你將我個電話號碼刪咗佢', 'voice'],
    ['zh', '请勿再传讯息到此号码', 'sms'],
    ['vi', 'đừng kêu tôi nữa', 'voice'],
    ['vi', 'mẹ tôi bảo các bạn đừng gọi cho bà nữa', 'voice'],
  ] as const)('%s: %j is an opt-out', (lang, text, channel) => {
    expect(detectOptOut(text, { channel })).toMatchObject({ intent: 'opt_out', lang });
  });

  it.each([
    // A neighbour (옆집 사람), not the wife (집사람); another company; until a time; a family member called first.
    ['옆집 사람이 전화하지 말래요', 'voice'],
    ['남동생이 그 회사에 연락하지 말라고 했대요', 'voice'],
    ['다음 주까지는 전화하지 마세요 출장 중이에요', 'voice'],
    ['엄마 그 번호로 전화하지 마 사기야', 'voice'],
    ['제 친구가 그쪽 문자 수신거부 하고 싶대요', 'sms'],
    // A name, another company told, orders, a code, "why".
    ['tôi là dũng gọi lại cho anh', 'voice'],
    ['Hôm qua tôi nói với bên ngân hàng đừng gọi nữa', 'sms'],
    ['ngưng nhận đơn lúc mấy giờ', 'sms'],
    ['đừng gửi mã cho tôi nữa, tôi đăng nhập được rồi', 'sms'],
    ['tôi không có hủy đăng ký mà sao không nhận tin', 'sms'],
    // Returning an order, someone else's wish, a parent to a child, a relative told by another.
    ['我要退订单', 'sms'],
    ['我同事一直收到你们的短信 他想退订', 'sms'],
    ['不要再打扰你爸爸了 他在睡觉', 'voice'],
    ['我老婆跟她妈说别再打电话来了', 'voice'],
  ] as const)('%j is not an opt-out', (text, channel) => {
    expect(intent(text, channel)).toBe('none');
  });

  it.each([
    ['zh', '我早就退订了为什么还收到你们的短信'],
    ['zh', '停止所有通知'],
    ['vi', 'Tắt thông báo tin nhắn giùm tôi'],
    ['vi', 'cấm gọi số này'],
    ['vi', 'ông nội tôi không biết tiếng anh đừng gọi ông nữa'],
    ['ko', '더 전화 주실 필요 없어요'],
    ['ko', '더는 안 보내셨으면 합니다'],
    ['ko', '저희 할머니가 문자 그만 보내시래요'],
    ['zh', '我不想再跟你们有任何联系'],
    ['zh', '以後唔好再WhatsApp我'],
  ])('%s: %j is still an opt-out', (lang, text) => {
    expect(detectOptOut(text, { channel: 'voice' })).toMatchObject({ intent: 'opt_out', lang });
  });

  it('a complaint about another company calling a lot asks nothing of this caller', () => {
    expect(intent('công ty bảo hiểm kia gọi hoài phiền lắm')).toBe('none');
    expect(intent('sao gọi hoài vậy')).toBe('possible_opt_out');
  });
});
