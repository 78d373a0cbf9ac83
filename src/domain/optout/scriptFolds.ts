/**
 * Letter folds that accent stripping alone does not do, so that a lexicon
 * written once matches every way people type the same word:
 *
 * - Vietnamese `đ` has no decomposition: speech recognition and many phones
 *   write it `d`, so it always becomes `d`.
 * - Arabic: `ى` (alef maqsura) is typed for `ي` and `ة` for `ه`
 *   interchangeably; hamza seats (أ إ آ ؤ ئ) already fold to their base
 *   letter when marks are stripped, and the tatweel is dropped (`DROPPED`).
 * - Chinese: traditional characters fold to simplified, so one lexicon
 *   serves both scripts. The table holds the characters that opt-out wording
 *   and its hard negatives use; any other character is kept as written.
 */

// Traditional → simplified, each pair two characters.
const TRADITIONAL_SIMPLIFIED =
  '電电 話话 給给 別别 來来 傳传 訊讯 簡简 請请 們们 這这 個个 機机 號号 碼码 單单 訂订 閱阅 銷销 騷骚 ' +
  '擾扰 對对 無无 還还 變变 聯联 繫系 絡络 從从 裡里 裏里 讓让 點点 麼么 嗎吗 說说 講讲 聽听 覺觉 經经 ' +
  '過过 發发 動动 錄录 員员 與与 廣广 時时 間间 會会 為为 於于 後后 兒儿 歲岁 開开 關关 掛挂 斷断 認认 ' +
  '識识 誰谁 該该 樣样 將将 興兴 謝谢 煩烦 費费 網网 帳账 戶户 務务 業业 買买 賣卖 貨货 換换 錯错 問问 ' +
  '題题 數数 據据 資资 刪删 隱隐 權权 屬属 並并 嘗尝 試试 續续 復复 總总 當当 應应 沒没 郵邮 購购 優优 ' +
  '條条 絕绝 囉啰 幫帮 騙骗 討讨 厭厌 係系 撥拨 響响 鈴铃 語语 鐘钟 頭头 難难 氣气 歡欢 門门 車车 東东 ' +
  '見见 記记 憶忆 寫写 讀读 錢钱 銀银 貸贷 險险 醫医 療疗 約约 爭争 愛爱 體体 實实 親亲 媽妈 爺爷 師师 ' +
  '陳陈 劉刘 張张 黃黄 鄰邻 戲戏 劇剧 訴诉 謂谓 濾滤 攔拦 種种 託托 報报 庫库 滾滚 統统 註注 遊游 紙纸 質质 謠谣 願愿 營营 許许 準准 現现 週周 設设 終终 舉举 驗验 幾几 紀纪 詐诈 辦办 課课 視视 頻频 罵骂 鬧闹 處处 緊紧 婦妇 孫孙 習习 學学 聲声 產产 專专 態态 類类 樂乐 雙双 ' +
  // Taiwanese and Hong Kong wording: 檢舉 (report), 封鎖 (block), 擋掉, 預約; 妳 is 你 said to a woman.
  '檢检 鎖锁 亂乱 擋挡 線线 筆笔 腦脑 頁页 預预 詢询 嚇吓 護护 囑嘱 帶带 進进 稱称 糾纠 纏缠 盡尽 邊边 妳你';

const FOLD = new Map<string, string>([
  ['đ', 'd'],
  ['ى', 'ي'],
  ['ة', 'ه'],
  ...TRADITIONAL_SIMPLIFIED.split(' ').map((pair) => [pair[0], pair[1]] as [string, string]),
]);

/** Characters dropped as if absent: they join or stretch letters, they never separate words. */
export const DROPPED = new Set(['\u0640', '\u200c', '\u200d', '\ufeff']);

/** The letter as lexicons spell it; `ch` is already lower case and stripped of marks. */
export function foldLetter(ch: string): string {
  return FOLD.get(ch) ?? ch;
}
