import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';
import { parseEvalSet } from './eval/score';
import type { OptOutChannel } from './types';

const intent = (text: string, channel: OptOutChannel): string => detectOptOut(text, { channel }).intent;

/**
 * Chinese, Vietnamese and Tagalog: the carriers' reply words in both Chinese
 * scripts, Vietnamese whose diacritics carry the meaning, and the speech that
 * only mentions stopping (someone else's words, another sense of the verb).
 */
describe('Chinese SMS reply keywords, simplified and traditional', () => {
  it.each([
    '退订',
    '退訂',
    'TD',
    'td',
    'T',
    '取消',
    '停止',
    '停',
    '退出',
    '拒收',
    '回复TD',
    '回覆TD',
    '停止发送',
    '停止發送',
    '取消订阅',
    '取消訂閱',
    '退订短信',
    '退訂簡訊',
    '拒收短信',
    '退订TD',
    'TD退订',
    '停止。',
    '退出!',
  ])('%j as the whole message is an opt-out keyword', (text) => {
    const result = detectOptOut(text, { channel: 'sms' });
    expect(result).toMatchObject({ intent: 'opt_out', lang: 'zh' });
    expect(result.matched).toMatch(/^keyword:/);
  });

  it.each(['停止谢谢', '请停止', '退出，谢谢'])('%j, the stop word with a courtesy, is an opt-out', (text) => {
    expect(intent(text, 'sms')).toBe('opt_out');
  });
});

describe('Vietnamese "Dừng" (stop), told from "Đúng" (right) by its diacritics', () => {
  // The last one decomposed (NFD), as some phones send it.
  it.each(['Dừng', 'DỪNG', 'dừng lại', 'Xin dừng ạ!', 'Dừng'.normalize('NFD')])('%j as the whole SMS is an opt-out', (text) => {
    expect(detectOptOut(text, { channel: 'sms' })).toMatchObject({ intent: 'opt_out', matched: 'keyword:DỪNG', lang: 'vi' });
  });

  it.each(['Đúng', 'đúng rồi', 'dung', 'Dùng', 'Dừng ở trạm kế tiếp'])('%j is not', (text) => {
    expect(intent(text, 'sms')).toBe('none');
  });

  it('a caller who says "dừng lại" while writing something down is not opting out', () => {
    expect(intent('dừng lại dừng lại tôi ghi không kịp', 'voice')).toBe('none');
  });
});

describe('zh / vi / tl requests that only mention stopping', () => {
  it.each([
    // Someone else's words, reported.
    ['zh', '我老公说让你们别打了，但我还想了解一下'],
    ['zh', '我妈说她不要你们再打给她了 但这是我的号码'],
    ['zh', '他跟我说停止打电话给那些公司'],
    ['zh', '我朋友说退订就行了 是真的吗'],
    ['vi', 'chồng tôi nói đừng gọi cho ảnh nữa nhưng tôi thì muốn nghe'],
    ['vi', 'con gái tôi bảo tôi hủy đăng ký mà tôi chưa muốn'],
    ['tl', 'sabi ng asawa ko wag na daw kayong tumawag pero ako interesado'],
    // Another sense of the verb, another object.
    ['zh', '快递我拒收了'],
    ['zh', '拒收的包裹什么时候退回'],
    ['zh', '我想退订那份报纸 不是你们的'],
    ['zh', '不要再打你妹妹了听到没有'],
    ['zh', '别再打了 我马上到'],
    ['vi', 'Tôi đã từ chối gói bảo hiểm kia rồi, gói này thì sao'],
    ['vi', 'anh Huy nhắn em chưa'],
    ['vi', 'Đừng ngừng gửi tin cho tôi'],
    ['vi', 'tôi không muốn gọi lại nữa anh gọi cho tôi đi'],
    ['tl', 'wag nyo po ako alisin sa listahan'],
  ])('%s: %j is not an opt-out', (_lang, text) => {
    expect(intent(text, 'voice')).not.toBe('opt_out');
    expect(intent(text, 'sms')).not.toBe('opt_out');
  });

  it.each([
    // Words passed on to the caller, or the speaker's own, are a request.
    ['zh', '我先生交代我跟你们说 不要再打来了'],
    ['zh', '我老公说了好几次了 你们别再打了'],
    ['zh', '唔好再搵我'],
    ['zh', '我要退出你们的通话名单'],
    ['zh', '請把我加入拒絕來電名單'],
    ['vi', 'đây là số của bà nội tôi đừng gọi nữa'],
    ['vi', 'gạch tên tôi đi'],
    ['vi', 'Tôi đã nói là không muốn nhận rồi mà, gỡ tôi ra đi'],
    ['vi', 'Cho tôi ngừng nhận tin'],
    ['vi', 'Tôi không đăng ký cái này, hủy giùm'],
    ['tl', 'Wag na kayo magparamdam'],
    ['tl', 'paremove po sa list'],
    ['tl', 'hindi na ako pumapayag na tawagan nyo ako'],
    ['tl', 'Ayoko na po, pakitigil na'],
  ])('%s: %j is an opt-out, by a rule of its language', (lang, text) => {
    expect(detectOptOut(text, { channel: 'voice' })).toMatchObject({ intent: 'opt_out', lang });
  });
});

describe('the Tagalog, Vietnamese and Chinese rules on English', () => {
  it('never call an English development line that is not an opt-out one', () => {
    const dev = parseEvalSet(readFileSync(new URL('./eval/dev.jsonl', import.meta.url), 'utf8'));
    const fired = dev
      .filter((u) => u.lang === 'en' && u.label !== 'opt_out')
      .flatMap((u) => (['sms', 'voice'] as const).map((channel) => ({ text: u.text, result: detectOptOut(u.text, { channel }) })))
      .filter(({ result }) => result.intent === 'opt_out' && ['tl', 'vi', 'zh'].includes(result.lang ?? ''));
    expect(fired).toEqual([]);
  });
});

describe('a bare N is not a Chinese reply keyword', () => {
  it.each(['N', 'n', 'N.'])('%j as the whole text answers a yes/no question, and revokes nothing', (text) => {
    expect(intent(text, 'sms')).toBe('none');
  });
  it.each(['回N', '回复N'])('%j, the reply instruction typed out, is still one', (text) => {
    expect(intent(text, 'sms')).toBe('opt_out');
  });
});
