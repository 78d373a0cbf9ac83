/**
 * Chinese (Mandarin), simplified and traditional: normalisation folds
 * traditional characters to simplified ("請不要再打來" → `请不要再打来`), so
 * the lexicon is written once, in simplified characters. Chinese has no word
 * spaces, so the rules match on characters (`matchOn: 'characters'`) and are
 * written without spaces.
 *
 * The request is a prohibitive (不要 / 别 / 请勿 …) with "again" (再) or a
 * full contact verb, a wish not to receive calls or texts, removal of "my
 * number", a do-not-disturb or block list, or unsubscribing (退订). A
 * prohibitive about anything else ("别挂电话" don't hang up, "不要忘了给我打电话"
 * don't forget to call me) and calls to somebody else ("不要再给他打电话") do
 * not fire; 退订 of a booking ("退订酒店") is a cancellation, not an opt-out.
 * A household member at this number ("不要再给我妈打电话了") counts; a time
 * limit ("晚上不要给我打电话"), another number asked for instead, and the other
 * senses of 打 / 发 (打游戏, 发脾气) do not. Cantonese prohibitives (唔好, 咪,
 * 唔使) read like Mandarin ones.
 */
import type { Lexicon } from './types';

// biome-ignore format: the lexicon is data, kept one family of phrases a line
export const zh: Lexicon = {
  lang: 'zh',
  matchOn: 'characters',
  script: 'Han',
  keywords: {
    opt_out: ['退订', 'td', '取消订阅', '拒收', '停止发送', '退订阅', '退定', '取消', '退', '退订全部', '全部退订', '拒绝', '停发', '勿扰', '免打扰', '请勿打扰', 'qx', 'tuiding', 'tui ding', '回t', 't', 'r', '回r',
      // Carriers' and senders' other reply words: 停止 / 停 (stop), 退出 (quit), "回复TD" typed out whole. Not a bare N
      // (回N退订 in some senders' texts): keywords are read in every language, and N alone answers any yes/no question.
      '停止', '停', '退出', '回复td', '回复t', '回复n', '回n', '回td', '退订td', 'td退订', '退订短信', '拒收短信', '取消短信',
      // Taiwan and Hong Kong write 回覆 (reply) and 簡訊 / 短訊 (text message).
      '回覆td', '回覆t', '回覆n', '退订简讯', '拒收简讯', '取消简讯', '退订短讯', '拒收短讯'],
    opt_in: [],
    help: [],
  },
  voiceKeywords: ['停止', '退订'],
  clauseKeywords: ['退订', 'td', '停止', '退出'],
  softeners: ['谢谢', '谢谢你', '请', '麻烦', '好的', '好'],
  fillers: [],
  laughter: ['哈哈+', '呵呵+', '嘻嘻+'],
  notTypos: [],
  negation: {
    cue: ['不', '别', '没', '没有', '不用', '无需', '不必'],
    bridge: ['要', '想', '会', '是', '打算', '需要', '用', '必', '说', '说要', '说过要'],
    exceptAfter: [],
  },
  classes: {
    dont: [
      '不要', '别', '請勿', '请勿', '勿', '不准', '不许', '不可以', '不能', '甭', '不用', '不必', '莫',
      // "少给我打电话" (colloquial: don't); Cantonese 唔好 / 咪 / 唔使 ("唔好再打嚟").
      '少(?=给我|跟我|来烦|来找|打扰|烦我|骚扰)', '唔好', '唔该唔好', '咪', '唔使', '唔需要', '唔准', '毋通', '毋好',
    ],
    again: ['再', '在', '又', '再也', '再也不要', '以后', '擱', '搁', '老', '老是', '总', '总是', '一直', '天天', '成天', '每天', '每日', '日日', '经常', '整天', '一天到晚', '成日', '频繁'],
    toMe: ['给我', '跟我', '向我', '对我', '找我', '(?:向|往|给|到|对)(?:此|这个|本)(?:号码|电话|手机号|手机|座机|固话|家里电话)', '给我们', '往我这', '给我家', '俾我', '畀我', '比我', '给{household}', '跟{household}', '用(?:这个号码|这个电话|短信|电话|信息|简讯|机器人|自动语音|录音|电脑)(?:来)?'],
    // Someone the consumer speaks for, at this number: "不要再给我妈打电话了".
    household: [
      '我(?:的)?(?:妈妈|妈|爸爸|爸|父母|爸妈|老公|老婆|太太|先生|丈夫|妻子|爷爷|奶奶|外公|外婆|姥姥|姥爷|儿子|女儿|孩子|家人|家里人|家老人|家里老人|家)',
    ],
    // "打我电话", "打这个号码": the phone itself as the object.
    myPhone: ['我(?:的)?(?:电话|手机|号码|座机)', '这个(?:电话|号码|手机)', '{household}的?(?:电话|手机|号码)'],
    // What else 打 / 发 / 传 / 寄 take: "别再打游戏了", "别再发脾气了", "别再传谣了", "不要再寄纸质账单了".
    notContact: [
      '游戏', '球', '牌', '架', '闹', '麻将', '孩子', '人', '针', '折', '工', '卡', '车', '扫', '字', '开', '算', '包', '印', '听', '伞', '呼噜', '喷嚏', '哈欠',
      '脾气', '火', '烧', '呆', '胖', '财', '誓', '抖', '现', '(?:那么多|这么多)?(?:表情|照片|图|视频|语音)', '红包', '朋友圈', '疯', '谣', '染', '纸', '门', '票', '发票', '邮件', 'email', '文件', '定位', '账单', '包裹', '样品', '礼物', '信(?!息)', '传单', '目录', '杂志', '(?:那种|这种|那些|这些)?(?:塑料袋|袋子|包装|盒子|箱子|赠品|小册子|宣传册|卡片|明信片)',
      // Idioms with 打: 打官腔, 打哈哈, 打马虎眼, 打招呼, 打交道, 打主意, 打岔, 打太极.
      '官腔', '哈哈', '马虎眼', '招呼', '交道', '主意', '比方', '岔', '圆场', '太极', '水漂',
      // 打 as hit: "不要再打你妹妹了", "别打弟弟".
      '你?(?:的)?(?:弟弟|妹妹|哥哥|姐姐|弟|妹|同学|小孩|狗|猫)',
      // One thing sent that does not work: "不要再发这个链接了，打不开".
      '(?:这个|那个|这些|那些|这种)?(?:链接|网址|二维码|验证码|优惠码|码|link|附件|截图|错的|错误的)',
    ],
    // Less often, not never: "不要每天发，一个月一次就行", "别老打，少打点".
    lessOften: ['.*?(?:(?:一|两|三|几|每)(?:周|个星期|星期|个月|月|天)(?:一次|两次|一回|发一次|打一次)|少(?:发|打)(?:点|一点|些)|(?:一次|一回)就(?:行|好|够))'],
    // Something else asked for: "…，发个新的", "…，换一个".
    sendOther: ['.*?(?:发个新的|发新的|换一个|换个|重新发|再发一个|发正确的|发对的|发一个能用的)'],
    // The speaker will call back: "你不要打给我了，我等下打给你".
    illCallYou: ['.*?我(?:等下|等一下|待会儿?|晚点|一会儿?|回头|稍后|明天|迟啲|等阵)?(?:再)?(?:打给你|打过去|给你(?:们)?打|回你电话|回电话给你|联系你|打返俾你|打返畀你)'],
    // Someone at work, not at home: "不要再打给我老板，打给我就行".
    notHousehold: ['老板', '同事', '朋友', '经理', '领导', '客户', '秘书', '助理', '公司', '邻居', '别人', '人家', '大家', '客人', '顾客', '(?:予|给)?伊'],
    // Another number or person asked for instead: "别打我手机，打公司电话", "不要打给我，打给我先生".
    instead: ['.*?(?:打|发|联系|找)(?:到)?(?:我的)?(?:公司|办公室|座机|家里|单位)', '.*?(?:打|发|联系|找)(?:给)?我(?:的)?(?:手机|电话|这个号码)?(?:就行|就好|就可以|就得|好了)', '.*?(?:打给|找|联系)(?:我)?(?:先生|太太|老公|老婆|同事|助理|秘书|儿子|女儿)'],
    // A time, not for good: "晚上不要给我打电话", "今天别打了，明天再打".
    notNow: [
      '晚上', '早上', '上午', '下午', '中午', '半夜', '夜里', '凌晨', '周末', '上班时间', '工作时间', '上班的时候', '上课时间', '开会的时候', '现在', '今天', '今晚',
      '明天', '这几天', '这会儿', '这周', '最近', '白天', '睡觉的时候', '在上班', '在开会', '在开车', '在忙',
      // An hour or a part of the day with its edge: "晚上九点以后不要打电话", "中午以前别打".
      '(?:[^,]{0,4}?(?:点|点钟|点半)|中午|早上|上午|下午|晚上|夜里|白天|半夜)(?:以前|以后|之前|之后|前|后)',
    ],
    // After 再 any contact verb is a request; without it only the full forms are.
    contactVerb: [
      '打电话', '打给我', '打过来', '打来', '打', '来电', '致电', '拨打', '拨', '发短信', '发信息', '发消息', '发讯息', '发简讯', '发广告',
      '发', '传讯息', '传', '联系', '联络', '骚扰', '打扰', '烦我', '推销', 'call', '找我', '寄', '来烦我', '来找我', '来骚扰', '来打扰', '推送', '推给我', '推广', '打嚟', '打过嚟', '嚟', '大电话', '敲电话', '敲', '搵我', '搵',
      // Code-switching: "别再call我了", "不要再text我".
      'text', 'send', 'spam', 'sms', 'msg', 'message', 'whatsapp', 'wechat', '微信', 'line',
    ],
    fullContactVerb: [
      '打电话', '打给我', '打过来', '打来了', '来电', '致电', '拨打', '发短信', '发信息', '发消息', '发讯息', '发简讯', '发广告',
      '传讯息', '联系我', '联络我', '骚扰', '打扰我', '烦我', '搵我', '推销', '发这种', '发这些', '发推销', '来烦我', '来找我', '来骚扰', '来打扰', '(?:打|打过|打电话过)来(?=烦|骚扰|推销|打扰)', '发(?:任何|那些|什么)(?:的)?{contactNoun}', '推送',
    ],
    contactNoun: ['电话', '来电', '短信', '信息', '消息', '讯息', '简讯', '广告', '推销', '推广', '营销', '骚扰电话', '通知', '彩信', '短讯', '促销', '优惠信息', '活动信息', '优惠'],
    me: [
      '我', '我(?:的|个|嘅)?(?:电话号码|电话|手机号码|手机号|号码|联系方式|信息|资料|手机|number)', '这个号码', '(?:本|此|该)(?:号码|手机号|电话)', '我们',
      '(?:{household}|我们家|我们)(?:的)?(?:电话号码|电话|号码|手机)',
    ],
    remove: ['删掉', '删除', '删了', '删咗', '删除咗', '移除咗', '删埋', '移除', '去掉', '拿掉', '除名', '划掉', '去除', '踢掉', '撤掉', '移出', '剔除', '(?:remove|delete)掉?'],
    blockList: ['免打扰', '黑名单', '拒接', '拒收', '勿扰', '不要打', '不联系', '禁止呼叫', '拉黑', '拒绝(?:来电|电话|推销|营销|联系)', '谢绝', '不打扰', '不来电'],
    // Someone else's words, reported: "老公说不要再打了" (not the consumer's own "我说不要再打了").
    reported: [
      // Not words said to the caller ("我先生交代我跟你们说不要再打来了": passed on, so a request).
      '(?<!我|跟你|和你|跟您|给你|告诉你|跟你们|和你们|对你们)说', '(?<!我)说(?:只要|直接)?(?:回复|回覆|回|发)(?:个)?', '(?:没|没有|从没|从来没|从来没有|并没有|哪有|哪里)(?:跟你们|跟你|对你们)?(?:说|讲|叫|让)(?:过)?(?:你们)?(?:要)?', '让我', '叫我', '告诉我', '要我', '跟我说', '提醒我', '让他', '叫他', '让她', '叫她', '嘱咐我',
      // "我老公说让你们别打了", "邻居说他叫你们别打了": a third party's words, up to the next clause mark, unless the
      // speaker passes them on to the caller ("我老公让我告诉你们别再打了").
      // "你们" only as the one told (说你们…, 让你们…): "我老公说了好几次了你们别再打了" is the speaker's own request.
      '{others}(?:也|都|已经|早就)?(?:跟我|对我|和我)?(?:说|讲|话|叫|让|要|告诉|嘱咐)(?:过|了)?(?:你们|你哋|你)?(?:(?!告诉你|跟你|转告|通知你)(?:(?<=[让叫要])(?:你们|你哋|你)|[^,你])){0,12}',
      '{others}[^,]{0,10}?(?:叫|让)(?:你们|你哋|你)',
      // Told to someone else: "我叫他们别打了", "叫人家别打了", "跟那个人说别打了".
      '(?:叫|让|跟|和|对|告诉|要)(?:他们|她们|人家|对方|那个人|那些人|他|她)(?:说)?', '(?:叫|让|要|嘱咐|交代)(?:我们|咱们|阮|我们家|我们大家)(?:说)?',
    ],
    // Relatives, whose words passed on to the caller are a request for this number ("我老公说你们别再打了").
    relatives: [
      '老公', '老婆', '妈妈', '妈', '爸爸', '爸', '儿子', '女儿', '先生', '太太', '丈夫', '妻子', '奶奶', '爷爷', '外婆', '外公', '家人', '家里人', '父母', '爸妈',
      '个仔', '个女', '老豆', '老母', '婆婆', '公公', '岳母', '哥哥', '姐姐', '弟弟', '妹妹', '孩子',
    ],
    // A relative's request as it turns against the speaker: "…，但我还想了解一下", "…不过我有兴趣".
    contrary: ['.*?(?:但是|但|不过|可是|可|而)(?:我|这是我|这个是我|这里是我|(?:你们)?(?:可以|能)(?:打|发|联系))'],
    others: [
      '老公', '老婆', '妈妈', '妈', '爸爸', '爸', '儿子', '女儿', '朋友', '邻居', '同事', '他们', '她们', '他', '她', '佢', '医生', '老板', '哥哥', '姐姐', '弟弟', '妹妹', '哥', '姐',
      '家人', '孩子', '先生', '太太', '丈夫', '妻子', '奶奶', '爷爷', '外婆', '外公', '男朋友', '女朋友', '老师', '个仔', '个女', '老豆', '老母', '人家', '别人', '公司', '银行', '客服', '新闻',
      '妹', '弟', '嫂子', '姐夫', '婆婆', '公公', '岳母', '舅舅', '姑姑', '阿姨', '叔叔',
    ],
    // The caller need not call or text because the speaker is on the way or has it: "别再打了，我马上到", "你别发了，我到门口了".
    onMyWay: [',?(?:我)?(?:已经|都)?(?:看到|收到|知道)了', ',?(?:我)?(?:已经|都|马上|快|就)?(?:到|在)(?:了|门口|楼下|家|路上)', ',?(?:我)?马上', ',?我来'],
    // A child sent off to something else: "不要再打了，写作业去" (打 as hitting, said by a parent).
    toChild: ['.*?(?:写作业|做作业|做功课|睡觉去|去睡觉|吃饭去|去吃饭|洗澡去|去洗澡|回房间|玩具|放下|听话|乖|打架|打人|好好(?:吃|睡|玩|写|坐|说))'],
    // A child called by name first: "宝贝，别打了".
    childCalled: ['(?:宝贝|宝宝|乖乖|小朋友|孩子|儿子|女儿|囡囡|仔仔)', '你们(?:俩|两个|仨|三个|几个)'],
    // Laughter later in the text: "别发了别发了，笑死我了哈哈" is a joke between friends.
    joking: ['.*?(?:哈哈|呵呵|嘻嘻|笑死|好笑|逗)'],
    // Other things 退订 cancels: a booking, not a subscription.
    booking: ['酒店', '房间', '房', '机票', '车票', '票', '订单', '航班', '餐', '座位', '门票', '会员', '套餐', '行程', '预订', '预约'],
    // A question about the mechanism, not the wish: "回复退订会不会收费", "退订以后还能重新订阅吗", "退订了是不是电话也不打了".
    // Asking how to unsubscribe ("怎么退订", "退订怎么弄") is asking to stop, as any other reasonable means is.
    askingAfter: ['了?(?:以后|之后|的话|后|完)[^,]{0,20}?(?:吗|嘛|呢|会不会|能不能|可不可以|是不是|还会|还能|还可以|还要)', '(?!好吗|行吗|可以吗|好不好)[^,]{0,10}?(?:吗|嘛|会不会|会唔会|能不能|可不可以|是不是|是什么|什么意思|收费|收钱|两个字|重新订阅|恢复|撤回|区别|差别|不同)'],
    // Said of someone else: "他想退订", "他已经退订了".
    thirdSubject: ['(?:他|她|佢)(?:们|哋)?(?:也|都|已经|早就|还|说|想|要|打算)*'],
    // Another number meant: "…她的号码是另一个".
    otherNumber: ['.*?(?:另一个|另外一个|别的|其他)(?:号码|电话|手机)', '.*?(?:号码|电话)是另', '.*?(?:打|发|换成|改成|改用|联系|找)(?:到|给)?我(?:的)?(?:新号码|新的号码|新手机|私人号码|私人电话|工作电话|工作号码|个人号码|公司电话)'],
    // Someone else asking: "我朋友问怎么退订你们的短信".
    othersAsk: ['{others}(?:也|都)?(?:问|想知道|在问)[^,]{0,8}?'],
    // Spam in general, not these messages: "怎么才能不接到骚扰电话".
    spamGeneral: ['骚扰', '垃圾', '陌生', '诈骗', '推销电话', '广告电话'],
    // What else is unsubscribed from or refused: a paper, a channel, a parcel ("拒收了快递", "退订了那份报纸").
    notOurs: ['(?:其他|其它|别的|另一家|另外一家|另一个|那家|别家)(?:公司|商家|店|平台|银行|app|网站)[^,]{0,6}?', '(?:我的|我们的)?(?:那个|那份|这份|那|另一个|别的|他们的|其他)?(?:{booking}|杂志|报纸|报|频道|节目|快递|包裹|货|件|邮件|电子报|newsletter)'],
  },
  rules: [
    // "别再打电话给我了", "请勿再来电", "你们能不能别再打了"
    { id: 'dont-contact-again', pattern: '{dont}{again}(?:(?:以|用|通过)(?:任何|各种|其他|别的)?(?:方式|形式|途径|渠道))?(?:{toMe})?{contactVerb}', notAfter: '{reported}|{notNow}|(?:一|两|三|几|每)(?:周|个星期|星期|个月|月)(?:发|打)?(?:一次|两次|一回).*?', confidence: 0.95, unless: '他|她|(?:畀|俾|比|给)?佢|他们|她们|别人|你(?:们)?(?:了|啦|吧|呀|啊|,|$)|你(?:的)?(?:{relatives})|给?(?:那个|那些|那位|那家)|错|到(?!我|此|这个|本)|货|快递|东西|钱|{notContact}|{notHousehold}|{joking}|{toChild}|了?{onMyWay}|{instead}|{lessOften}|{sendOther}|{otherNumber}|{illCallYou}|[^,]{0,8}?(?:到|在|进)(?:群|朋友圈|网上)' },
    // "不要打电话给我", "别骚扰我", "别烦我了"
    { id: 'dont-contact', pattern: '{dont}(?:{toMe})?{fullContactVerb}', notAfter: '{reported}|{notNow}', confidence: 0.9, unless: '给他|给她|给他们|给她们|给别人|他|她|学习|睡觉|工作|休息|写作业|看书|看电视|玩|{instead}|{illCallYou}|{notHousehold}' },
    // "别打了", "别给我发了": the prohibitive ends the request.
    { id: 'dont-anymore', pattern: '{dont}(?:再)?(?:{toMe})?(?:打|发|联系|打电话|发短信|发信息|(?:text|call|msg|sms|message|ping|spam)(?:我)?|找我|搵我)(?:了|啦|喇|咯)', notAfter: '{reported}|{notNow}|{childCalled}', confidence: 0.9, unless: '{joking}|{onMyWay}|{toChild}|{otherNumber}|{lessOften}|{sendOther}|{illCallYou}' },
    // A relative's request passed on to the caller: "我老公说你们别再打了", "我妈说让你们不要再打来了", "我儿子说不要再给他发短信了".
    // Not a relative who was told ("我跟我姐说不要再打了"), nor one the speaker then contradicts ("…，但我还想了解一下").
    {
      id: 'relayed', pattern: '{relatives}(?:也|都|已经|早就)?(?:说|讲|话|叫|让|要|交代)(?:过|了)?(?:叫|让|要)?(?:你们|你哋|你)?(?:以后)?{dont}(?:{again})?(?:给|跟)?(?:他|她|我们|我|我家)?{contactVerb}',
      notAfter: '(?:跟|对|和|告诉|问|给|叫|让)(?:我|她|他|她们|他们)?(?:的)?', confidence: 0.85, unless: '{contrary}|{notContact}|{notHousehold}|{joking}|错',
    },
    // "别给我推这些东西了", "不要再发这种了": what is sent named only as "these".
    { id: 'dont-send-these', pattern: '{dont}(?:再)?(?:{toMe})?(?:推|发|传|推送)(?:(?:这些|这种|那些|这类|任何)(?:东西|玩意儿?|垃圾|广告|信息|消息|内容)?|东西)(?:过来|来)?(?:了|啦)?', notAfter: '{reported}|{notNow}', confidence: 0.85, unless: '{joking}|{onMyWay}|[^,]{0,8}?(?:到|在|进)(?:群|朋友圈|网上)' },
    // A relative named first, then "her" / "him": "我家老人家不懂，别再给她发了".
    { id: 'household-then-them', pattern: '{household}(?:(?!叫|让|跟|对|告诉|和|说)[^,]){0,10}?,?{dont}(?:{again})?给(?:他|她)(?:{contactVerb})', notAfter: '{reported}', confidence: 0.85, unless: '{contrary}|{notContact}|{joking}' },
    // "别打我电话了", "以后别打这个号码了"
    { id: 'dont-call-my-phone', pattern: '{dont}(?:{again})?(?:打|拨打|拨|call)(?:{myPhone})', notAfter: '{reported}|{notNow}', confidence: 0.9, unless: '{instead}' },
    // "别再往这个号码发东西了": whatever is sent to this number is a message.
    { id: 'dont-send-to-number', pattern: '{dont}(?:{again})?(?:往|向|给|到)(?:此|这个|本|我的|我这个)(?:号码|手机号|手机|电话)(?:上)?(?:发|传|推|打)', notAfter: '{reported}|{notNow}', confidence: 0.9 },
    // "不用再通知我了，谢谢": no more notices, closing the message.
    { id: 'no-more-notices-end', pattern: '(?:不用|不必|无需|别|不要)再(?:通知|联系|联络)我(?:了|啦)?(?=$|,|谢谢|谢了)', notAfter: '{reported}', confidence: 0.85 },
    // "拒绝营销短信", "我拒绝接收你们的广告": refusing a kind of message.
    { id: 'refuse-kind', pattern: '(?:拒绝|拒收)(?:接收|接受)?(?:所有|任何|一切|你们的|贵公司的)?(?:的)?(?:营销|推销|广告|促销)(?:{contactNoun})?|(?:拒绝|拒收|拒接)(?:接收|接受|接听)?(?:你们|贵公司|你哋)(?:的|嘅)?(?:所有|任何)?(?:{contactNoun})', notAfter: '{reported}|{thirdSubject}|(?:可以|能|能不能|可不可以|怎么|如何)', confidence: 0.85, unless: '的?(?:功能|设置|方法)|{askingAfter}' },
    // "你们一直打，请停止": a closing plea, with or without a clause mark; not auto-renewal or a service.
    { id: 'closing-please-stop', pattern: '(?:请|麻烦|拜托)(?:你们)?停止(?:吧|啊|谢谢)?$', notAfter: '{reported}|[^,]{0,6}?(?:续费|扣款|服务|订单|会员|用药|吃药)', confidence: 0.8 },
    // "以后有什么活动都不用通知我了": no more notices, from now on.
    { id: 'no-more-notices', pattern: '以后[^,]{0,10}?(?:{dont})(?:再)?(?:通知|联系|告诉|打给|发给)我', notAfter: '{reported}', confidence: 0.85 },
    // "不想再收到了，拜托": the wish alone, closing the message.
    { id: 'dont-want-any-more', pattern: '(?:不想|不要|不希望|不愿意)再(?:收到|接到|收|接)(?:了|啦)?(?=$|,|拜托|谢谢|求求|求你|好吗|行吗)', notAfter: '{reported}|(?:他|她)(?:们)?(?:也|都)?', confidence: 0.85 },
    // "再打我就报警了", "再发我就投诉你们": a threat is a request to stop.
    { id: 'or-else', pattern: '再(?:{contactVerb})(?:一次|一遍|一条|一个|一回|的话|过来|来|短信|电话)*(?:我)?就(?:要)?(?:报警|投诉|举报|检举|告你|告你们|起诉|拉黑|屏蔽|找律师|不客气|翻脸)', confidence: 0.85 },
    // "停止给我发信息", "请停止拨打这个号码"
    { id: 'stop-contacting', pattern: '(?:停止|停掉|停下|中止|终止)(?:{toMe})?(?:所有|全部|一切|任何)?(?:的)?(?:{contactVerb}|发送|推送|{contactNoun})|停发', confidence: 0.9, negatable: true, notAfter: '{reported}', unless: '工资|薪|(?:{contactNoun})?[^,]{0,4}?验证码|(?!好吗|行吗)[^,]{0,6}?了吗' },
    // "你们的短信我不要了": the messages first, then the refusal.
    { id: 'topic-dont-want', pattern: '{contactNoun}(?:我)?(?:都|也)?(?:不要了|不需要了|不想要了|不想收了|不想再收了|不收了|不接了|不听了)', confidence: 0.85 },
    // "你们短信发得太多了，我不想收了": the messages named, then the wish.
    { id: 'topic-then-dont-want', pattern: '{contactNoun}[^,]{0,10}?,?(?:我)?(?:真的|实在)?(?:不想|不要|不愿意)(?:再)?(?:收|接)了', confidence: 0.85, notAfter: '{reported}' },
    // "上周你们说不会再发，结果还在发": a stop promised or asked for, and still coming.
    { id: 'promised-still-coming', pattern: '(?:说(?:了|过)?(?:不会|不再)再?(?:发|打|联系)|(?:退订|取消)(?:了|过))[^,]{0,10}?,?(?:结果|但是|可是|怎么|为什么|还是)*(?:还|又|仍然|依然)(?:在|是|一直)?(?:发|打|收到|接到)', notAfter: '{reported}|{thirdSubject}|(?:没|没有|不小心|误|错)', confidence: 0.85, unless: '.*?(?:没说什么|没关系|无所谓|没事|也行|也好)' },
    // "我不想再跟你们有任何联系"
    { id: 'no-contact-with-you', pattern: '(?:不想|不要|不希望|不愿意)(?:再)?(?:跟|和|与)(?:你们|你哋|你|贵公司)(?:有)?(?:任何)?(?:联系|联络|来往|瓜葛)', confidence: 0.85, notAfter: '{reported}' },
    // "谢绝来电", "谢绝推销短信": the notice people put up, as a reply.
    { id: 'decline', pattern: '谢绝(?:一切|任何|所有)?(?:{contactNoun}|推销|来电|打扰|骚扰)', confidence: 0.85 },
    // "我不想再接到你们的电话", "不希望再收到这些短信"
    {
      id: 'dont-want-contact',
      pattern: '(?:不想|不要|不希望|不愿意|不愿|不需要|拒绝|懒得|唔想|唔要|唔希望|不再)(?:再|继续)?(?:接收|接到|收到|接|收|接听|听到|看到)(?:你们|你哋|嘅|你|贵公司|任何|这些|这种|这样的|此类|的|们|这类|那些|更多|啲|d)*{contactNoun}',
      confidence: 0.9, negatable: true, notAfter: '谁说(?:我)?|谁讲(?:我)?|{reported}|(?:他|她)(?:们)?(?:也|都|已经)?|(?:如果|要是|假如|万一|若是|若)(?:我|我们)?',
    },
    // "STOP谢谢", "stop吧": a carrier keyword glued to Chinese; "stop发短信".
    { id: 'english-keyword', pattern: '^(?:请|麻烦|拜托|唔该)?(?:你们|你哋|你)?(?:帮我|帮忙|同我|帮我们)?(?:我)?(?:要|想)?(?:stop|unsubscribe|cancel|quit|stopall)(?:掉|咗)?(?:了|吧|啦|喇|啊|呀|谢谢|谢了|唔该|拜托|一下|下|please|ok|thanks)*$', confidence: 0.9 },
    { id: 'english-stop', pattern: 'stop(?:{toMe})?(?:{contactVerb}|发送|{contactNoun})', confidence: 0.85 },
    // The whole reply a prohibitive: "别发", "请勿发送", "不再接收", "不再接收，谢谢" (a comma before the thanks).
    { id: 'whole-dont-send', pattern: '^(?:请|麻烦)?(?:(?:{dont})(?:再)?(?:发|发送|发短信|发信息|推送)|(?:我)?不再(?:接收|接受|接听)(?:{contactNoun})?)(?:了|啦|吧)?(?:,?(?:谢谢|谢了))?$', confidence: 0.85 },
    // "这是骚扰，请停止": a closing "stop" after a complaint.
    { id: 'closing-stop', pattern: ',(?:请|麻烦)?(?:你们)?停止(?:吧|了|啊|谢谢)?$', confidence: 0.8 },
    // "我不想要这些短信", "不需要你们的广告"
    { id: 'dont-want-these', pattern: '(?:不想要|不要|不需要|不想看)(?:这些|这种|这类|你们的|你们这些|你们这种|任何|此类)(?:的)?{contactNoun}', confidence: 0.85, notAfter: '{reported}' },
    // "我不同意你们给我发短信", "不再同意接收你们的信息", "我撤回同意"
    { id: 'no-consent', pattern: '(?:不再|不)同意(?:你们|你|贵公司)?(?:再)?(?:{toMe})?(?:{contactVerb}|接收|接听|收到)', confidence: 0.9 },
    { id: 'withdraw-consent', pattern: '(?:撤回|撤销|收回|取消)(?:我的|之前的)?(?:同意|授权)', confidence: 0.9, negatable: true },
    // "我不想被打扰"
    { id: 'dont-want-bothered', pattern: '(?:不想|不要|不希望|不愿意)(?:再)?被(?:你们)?(?:打扰|骚扰|推销|联系|联络|打电话)', confidence: 0.85 },
    // "取消所有短信通知", "取消短信服务"
    { id: 'cancel-messages', pattern: '(?:取消|注销|关闭|关掉|停用)(?:我的|这个|这些|你们的|此类)?(?:所有|全部|一切)?(?:的)?(?:短信|简讯|短讯|讯息|信息|消息|推送|推播|营销|广告|推销)(?:通知|推送|服务|订阅|提醒)?', confidence: 0.85, negatable: true, unless: '验证' },
    // "我不要你们再打电话来"
    { id: 'dont-want-you-contacting', pattern: '(?:不想|不要|不希望)(?:你们|你|他们|贵公司)(?:再|继续)(?:{toMe})?{contactVerb}', confidence: 0.9, notAfter: '{reported}' },
    // "把我的号码从你们的名单里删掉", "请把我从名单上移除"
    { id: 'remove-me', pattern: '(?:把|将)(?:{me}|号码|电话号码)(?:给)?(?:从[^,]{0,12}?)?(?:里面|里|中|上)?{remove}', confidence: 0.9, negatable: true },
    // Not a new sentence with "我" as its subject: "把我的地址删掉 我搬家了".
    { id: 'delete-my-number', pattern: '{remove}(?:{me})(?!搬|换|已经|刚|现在|在|是|要|想|会|去|来|没|也|都|就|还)', confidence: 0.85, negatable: true, unless: '的(?!电话|手机|号码|联系|信息|资料)' },
    // "把我加到免打扰名单里", "把我拉黑"
    { id: 'block-list', pattern: '(?:加到|加入|加进|列入|放到|放进|拉进|拉入|登记到|设为|设置成)[^,]{0,6}?{blockList}|把我(?:的号码)?拉黑|请勿打扰', confidence: 0.9, negatable: true, notAfter: '{reported}' },
    // "我要退订", "取消订阅" — not "退订酒店"
    // A question about it is not a request: "怎么退订", "回复退订会不会收费", "退订两个字是什么意思".
    // Another thing unsubscribed from, a little after: "如何退订视频会员"; 退订单 is returning an order; 退订过，后来又订了 is the past.
    { id: 'unsubscribe', pattern: '退订|退定|停止订阅|停订|取消(?:所有|全部|一切|你们的|我的|这个|这些)?(?:的)?(?:订阅|订购)|退掉订阅|拒收|退出订阅', confidence: 0.9, negatable: true, notAfter: '{reported}|{othersAsk}|{thirdSubject}|{notOurs}(?:我|都|也|已经|要|该)*(?:怎么|怎样|如何|咋|点样)?(?:才能|可以|能)?|的|(?:不小心|误|错)(?:点|按|回|发)(?:了)?', unless: '(?:那个|那份|那家|另一个),?(?:不是|而不是)|(?:了|的)?(?:{notOurs})|[^,]{0,8}?(?:会员|套餐|机票|车票|门票|酒店|杂志|报纸|频道|节目|账号|课程|旅行团|旅游团|机位)|单|[^,]{0,8}?(?:的功能|功能在|在哪(?:里|儿)?设置)|{askingAfter}|过,?(?:后来|然后|但是|不过|又)' },
    // "怎么才能不再收到这些短信", "要怎么做你们才不会再打来", "怎样才能让你们别打了": asking how to stop them is asking them to stop.
    { id: 'how-to-stop', pattern: '(?:怎么|怎样|如何|点样|咋)(?:样)?(?:做|办|弄)?[^,]{0,6}?才(?:能|可以|会)?(?:让|叫)?(?:你们|你哋|你|贵公司)?(?:不再|不会再|不会|不|唔再|唔会|唔|别|别再|停止)(?:再)?(?:{toMe})?(?:(?:收到|接到|收|接)(?![^,]{0,3}?(?:{spamGeneral}))[^,]{0,6}?{contactNoun}|{fullContactVerb}|打来|打过来|打给我|打|发)', confidence: 0.85, notAfter: '{reported}|{thirdSubject}', unless: '{notContact}' },
    // "我要退出你们的通话名单", "退出短信推送": leaving the list, not an app or a group chat.
    { id: 'leave-list', pattern: '退出(?:你们的|贵公司的|这个|你们)?[^,]{0,4}?(?:名单|列表|通话|短信|推送|推广|营销|会员短信)', confidence: 0.85, negatable: true, notAfter: '{reported}' },
    // The whole reply a stop word and a courtesy: "停止谢谢", "请停止吧", "退出谢谢".
    { id: 'whole-stop', pattern: '^(?:请|麻烦|拜托)?(?:停止|退出)(?:吧|啦)?(?:谢谢|谢了|thanks|thx|please)$|^(?:请|麻烦|拜托)(?:停止|退出)(?:吧|啦)?$', confidence: 0.85 },
  ],
};
