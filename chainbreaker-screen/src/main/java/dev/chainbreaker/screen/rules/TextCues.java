package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What the words of a message do: threaten, hurry, ask for secrets, lure with money, move the victim
 * to a remote-control app or a "safe account". Each cue is a mechanism of fraud, not a topic; the
 * topic alone (社保, a bank) is never evidence. Stateless and thread-safe.
 */
public final class TextCues {

  /** Only the head of very long texts is read: real messages are short. */
  private static final int MAX_CHARS = 4000;

  static final List<TextCue> CUES = List.of(
      TextCue.of("text.threatens_cancellation", 1.2,
          "注销|冻结|停用|作废|失效|停止[^，。,]{0,6}(功能|服务|使用)|暂停使用|限制(使用|交易)|封停|封号|吊销|"
              + "罚款|滞纳金|纳入(失信|黑名单)|影响(个人)?征信|上门催收|(否则|逾期|不然)[^。，,]{0,8}(停电|停水|停气|断电|断水)|"
              + "\\b(suspend(ed)?|locked|deactivat(ed|ion)|terminat(ed|ion)|blocked|cancel(l)?ed|"
              + "late fee|penalt(y|ies)|reported to|arrest(ed)?|issuing you a (formal )?(warning|fine))\\b",
          "It threatens cancellation, freezing or penalties", "以注销、冻结或处罚相威胁"),
      TextCue.of("text.deadline", 0.6,
          "\\d+\\s*小时内|(?<!预计|将于|预计于)(今日|今天内|当日)|尽快|立即|马上|逾期|过时|过期|截止|前(完成|办理|处理|申领)|"
              + "三日内|\\d+日内|\\b(within \\d+ (hours?|days?)|today|immediately|final (notice|reminder)|"
              + "tonight|before midnight|expires?)\\b",
          "It presses for action by a deadline", "催促限时办理"),
      TextCue.of("text.asks_credentials", 2.5,
          "(输入|填写|提供|告知|回复|发送|提交|登记|核对|补录|验证(?!码)|填入|报上|说出)[^。！!]{0,12}"
              + "(密码|验证码|校验码|动态码|银行卡号|卡号|cvv|安全码|有效期|身份证号|身份信息|银行卡信息)"
              + "(?!时|前|的时候)|" // "输入密码时遮挡键盘" is advice about when, not a request
              + "将(您的|收到的|短信|此|该|这个)?(密码|验证码|校验码|动态码|银行卡号|卡号|cvv)[^。！!]{0,4}(告知|发送|回复|提供|转发|发给|报给|读给|念给|告诉|说给)|"
              + "\\b(read|tell|give|say) (this|the|your) (code|pin|passcode)( out)? to\\b|"
              + "\\b(enter|provide|confirm|verify|update|reply with|send us)\\b[^.!]{0,30}"
              + "\\b(password|pin|passcode|one[- ]time code|verification code|card (number|details)|cvv|"
              + "billing (details|information)|bank details|personal (details|information)|identity)\\b|"
              + "\\bsend (your|ur) (full )?(name|address|details|bank)",
          "It asks for card numbers, passwords or codes", "索要卡号、密码或验证码"),
      TextCue.of("text.money_lure", 0.7,
          "补贴|退税|退费|退款|理赔|赔付|返还|返现|兑换|中奖|奖金|领取|红包|补偿|赔偿|"
              + "\\b(refund|claim|prize|won|winner|reward|rewards|gift ?cards?|compensation|rebate)\\b",
          "It dangles money, refunds or prizes", "以补贴、退款、奖品为诱饵"),
      TextCue.of("text.remote_control", 2.0,
          "屏幕共享|共享屏幕|远程(协助|控制)|(下载|安装)[^。，]{0,10}(会议|apk)|"
              + "\\b(screen ?share|remote access|anydesk|teamviewer)\\b",
          "It asks to share the screen or install a meeting or remote-control app", "要求共享屏幕或下载会议、远程控制软件"),
      TextCue.of("text.install_app", 0.8,
          "(下载|安装)[^。，]{0,10}(app|软件|客户端)|\\binstall (the|this|our) app\\b",
          "It asks to install an app", "要求下载安装应用"),
      TextCue.of("text.safe_account", 3.0,
          "安全账户|资金(核查|清查|监管账户)|涉嫌[^。，,]{0,12}(洗钱|犯罪|违法|走私|违规|案件)|通缉令|逮捕令|冻结令|"
              + "追逃|移交公安|专案组|不得告知|视频核实身份|失信名单|"
              + "\\b(safe account|arrest warrant|money laundering)\\b",
          "It claims an investigation and a \"safe account\"", "以涉案调查、安全账户为名"),
      TextCue.of("text.task_rebate", 2.0,
          "刷单|返利|垫付|做任务|点赞[^。]{0,8}(佣金|返|\\d+元)|一单\\d+元|日赚|日结\\d+|日结[^。]{0,10}(元|佣金)|打字员|"
              + "\\b(boost app ratings|product reviews a day|paid daily|tasks? job)\\b",
          "It offers paid tasks or rebates", "以刷单、返利、做任务为诱饵"),
      TextCue.of("text.acquaintance_new_number", 2.0,
          "(?<![更不])换(了)?(个)?(手机)?号|新号码|我的?新号|手机(丢|坏|掉)了|借(的|了|用)?(别人|同学|朋友|同事|室友|舍友|老乡|路人|护士|医生|老师|司机|工友|邻居)的?手机|这是我(同学|朋友)的(号|手机)|借我[^。]{0,6}(钱|周转|[0-9一二三四五六七八九十两几百千万])|"
              + "(?<![需有要要是果您你])急用钱|我[^。，,]{0,4}资金周转|还记得我吗|"
              + "\\b(my new number|new number|dropped my phone|lost my phone|broke my phone|"
              + "hi mum|hi mom|hi dad|(buy|grab|get|pick up)[^.]{0,20}gift cards?)\\b",
          "It writes as a relative or colleague on a new number", "冒充亲友或领导，换了新号码"),
      TextCue.of("text.guaranteed_returns", 1.5,
          "稳赚|保本|高回报|本金全退|收益率?[^。]{0,6}\\d+%|带单|内幕|导师|荐股|涨停|牛股|股票(交流)?群|返息|返本|"
              + "月息|日息|高息|内部漏洞|漏洞[^。]{0,6}(赚|套利)|套利|"
              // a coin's name alone is no promise: an exchange's alert names it too
              + "\\b(guaranteed (\\d+% )?(weekly |monthly )?returns?|trading group|"
              + "(crypto|btc|bitcoin) (opportunit\\w*|invest\\w*|trad\\w*|profits?|returns?|signals?|mining|platform))\\b",
          "It promises guaranteed investment returns", "承诺高额稳定收益"),
      TextCue.of("text.fixed_high_yield", 2.0,
          "(投资|存入|入股|认购|投入)[^。，,]{0,4}\\d+(\\.\\d+)?(万|千)?元?[^。]{0,10}(每月|每天|每周|月|日)[^。，,]{0,2}"
              + "(返息|返利|分红|收益|返还|返现|利息|回报)[^。，,]{0,2}\\d+",
          "It promises a fixed payout every day or month on money put in: the shape of illegal fund-raising",
          "投入本金后按日或按月固定返利：非法集资、庞氏骗局的典型特征"),
      TextCue.of("text.leveraged_trading", 2.0,
          "(杠\\.?杆|配资)[^。，,；;]{0,8}\\d+倍|\\d+倍[^。，,]{0,4}杠\\.?杆|买涨买跌|"
              + "t\\s*[+＋]\\s*0[^。]{0,12}(交易|平台)",
          "It offers stock trading on borrowed money many times the deposit, betting up or down: unlicensed"
              + " margin platforms that take the deposits",
          "宣称股票配资、高倍杠杆、可买涨买跌：非法配资或虚假交易平台的典型话术"),
      TextCue.of("text.school_report", 0.3,
          "家长[^。！!]{0,40}(成绩|学习报告|在校表现|开学表现|考核|课程安排|成绩单|学习情况)",
          "It writes to a parent about the child's grades or conduct", "以孩子的成绩或在校表现为由联系家长"),
      TextCue.of("text.school_fee", 0.3,
          "(家长|同学)[^。！!]{0,40}(资料费|班费|教辅费|书本费|学杂费|校服费|补课费|辅导费|材料费|午餐费|餐费|报名费)[^。！!]{0,30}"
              + "(缴纳|交齐|上交|缴费|扫码|收款码|转账|付款)",
          "It collects a school fee from parents", "以学校收费为由向家长收款"),
      TextCue.of("text.loan_offer", 1.2,
          "无抵押|免息|低息|秒批|秒到|放款|提额|额度[^。]{0,6}(激活|提升|领取)|"
              + "\\b(pre-?approved|no credit check)\\b",
          "It offers easy loans or credit", "提供无抵押贷款或提额"),
      TextCue.of("text.credit_repair", 3.5,
          "(修复|洗白|消除|删除|清除|撤销|抹掉)[^。，,]{0,4}(征信|不良记录|逾期记录|失信记录)|征信[^。，,]{0,6}(修复|洗白|异议代理)|"
              + "\\b(credit repair|(remove|delete|erase) (your )?(negative|bad) (credit )?(records?|history))\\b",
          "It offers to repair or erase credit records: no one can delete a true record, so the offer is the bait",
          "声称可修复或消除征信不良记录：真实记录无人能删，此类承诺即是诱饵"),
      TextCue.of("text.offchannel_contact", 1.2,
          "(加|添加|联系|私聊)[^。，,]{0,6}(微信|薇信|威信|徽信|v信|vx|wx|qq|飞机|telegram|tg)|加v[:：]|qq群|微信群|"
              + "\\b(whatsapp|telegram|signal app)\\b",
          "It moves the conversation to a private chat app", "引导添加微信、QQ或飞机等私聊"),
      TextCue.of("text.transfer_request", 1.5,
          "(转|汇|打)(到|入|给)?[^。]{0,6}(这个|以下|指定)?(账户|账号|卡号)|(账)?户名[:：]|"
              // "汇2000元人民币到以下账号", "房租打到建行卡上"
              + "(转|汇|打)[^。，,]{0,12}(到|入)(以下|这个|下面的?|我的?|[农工建中交招]行)[^。，,]{0,4}(账户|账号|帐户|帐号|卡号|卡上)|"
              + "(给|往|向)(这个|以下|指定|该|下面的?)(账户|账号|卡号|银行卡|卡)[^。，,]{0,2}(转|汇|打)|"
              + "\\b(transfer|wire|send) (the )?(money|funds|payment) to\\b",
          "It asks for a transfer to a given account", "要求向指定账户转账"),
      TextCue.of("text.distress_story", 0.3,
          "出(了)?车祸|被(人)?(打|抓|偷|抢|扣|拘留|撞)|(进了|在)(医院|派出所|警察局)|住院|手术费|医药费|医院费|打架|碰瓷|"
              + "赔(钱|偿)[^。，,]{0,4}(才|能)|保释|急救|"
              + "\\b(been arrested|in (the )?hospital|had an accident|car accident|bail)\\b",
          "It tells of an accident, an arrest or an injury", "声称遭遇车祸、被抓、受伤等意外"),
      TextCue.of("text.urgent_money_request", 0.5,
          "(请|你|您|快|赶快|赶紧|帮我|马上)[^。，,!！]{0,6}(汇|转|(?<!拨)打)[^。，,!！]{0,4}\\d+\\s*(元|块|万|千|百|欧|美元|美金)|"
              + "(汇|转|(?<!拨)打)[^。，,!！]{0,3}\\d+[^。，,!！]{0,5}(给我|过来|到)|"
              + "\\b((send|wire|transfer) me (\\$|£|€)?\\d+)",
          "It asks for money to be sent right away", "要求立即汇款或转账"),
      TextCue.of("text.secrecy", 1.0,
          "别声张|不要声张|保密|不要告诉(别人|家人|任何人|其他人|(其他)?亲戚|爸|妈|父母|家里)|不得告知|(先)?别告诉(爸|妈|家里|家人|别人|任何人|(其他)?亲戚|父母)|"
              + "\\b(don't tell|do not tell|keep (this|it) (quiet|secret|between us))\\b",
          "It asks the recipient to keep it secret", "要求对他人保密"),
      TextCue.of("text.advance_fee", 2.5,
          "(需|先|要|须|必须)[^。，,]{0,4}(支付|缴纳|交纳|交|垫付|完成)[^。]{0,14}(手续费|保证金|税|解冻费|激活费|费用|垫付|工本费)|"
              + "(方可|才能|才可)[^。，,]{0,4}(提现|领取|到账|解冻|放款)|解冻金|"
              + "(缴纳|交纳|支付)[^。，,]{0,6}(保证金|手续费|费用)[^。，,]{0,4}(解冻|激活|提现)|"
              + "\\b(pay (a|the) (small )?(fee|deposit|duty|charge)s?|release fee|processing fee|"
              + "to transfer to you|beneficiary(?! (account|bank|name|details))|inheritance|unclaimed (funds?|prize))\\b",
          "It asks for a fee before paying out: the advance-fee trick", "要求先交费用才能提现或领取"),
      TextCue.of("text.summons", 0.5,
          "(来|到)我(的)?办公室|(我)?(在|正在)开会[^。]{0,6}不方便|不方便接(听)?电话|"
              + "\\b(come to my office|stuck in a meeting|can't talk)\\b",
          "A superior summons the recipient, the opening of the fake-boss scam", "以领导口吻召见，冒充领导诈骗的开场"),
      TextCue.of("text.account_alarm", 0.5,
          "(账户|账号|银行卡|帐户)(存在|出现|有)?(异常|风险|安全隐患)|异常登录|(账户|账号)[^。，,]{0,4}被盗|"
              + "(卡|账户|账号|帐户)[^。，,]{0,6}(已被|被)(限制|冻结|停用|锁定|暂停)|"
              + "(有|存在|发生|出现)[^。，,]{0,4}异常(消费|交易|支出)|"
              + "\\b(unusual|suspicious) (activity|sign-?in|login)|(account|card) (has been |is |was )?(temporarily )?(compromised|locked|limited|restricted|suspended)\\b",
          "It raises an alarm about the recipient's account", "声称账户异常或存在风险"),
      TextCue.of("text.device_infected", 1.0,
          "(您|你)的(手机|电脑|设备)[^。，,]{0,6}(中毒|感染|病毒|被黑|被入侵|木马)|检测到[^。，,]{0,10}(病毒|木马)|"
              + "\\b(your (computer|device|phone|pc|iphone|mac|system) (has been|is|was|may be|might be) "
              + "(infected|hacked|compromised)|(virus|viruses|malware|trojan) (detected|found))\\b",
          "It says the recipient's phone or computer is infected or hacked: how tech-support scams begin",
          "声称收件人的手机或电脑中毒、被入侵：技术支持类诈骗的开场"),
      TextCue.of("text.awaits_staff_call", 1.0,
          "(专员|工作人员|客服|警官|稽核员)[^。，,]{0,6}(将|会)[^。，,]{0,4}(致电|来电|联系)(您|你)|"
              // Chinese only: "a representative will call you" is how English-speaking banks announce a
              // real call, and their texts give no hotline to tell the two apart
              + "(将|会)有[^。，,]{0,4}(专员|工作人员|客服|警官|稽核员)[^。，,]{0,2}(致电|来电|联系)",
          "It says its staff will call you: the call is where a fraudster takes over",
          "声称工作人员将致电联系您：骗子往往在电话中实施诈骗"),
      TextCue.of("text.invest_invitation", 0.5,
          "带(你|您)(一起)?(投|赚|做|上车)|跟着?(我|老师|导师)[^。，,]{0,4}(投|买|操作|赚)|"
              + "(要不要|想不想)[^。，,]{0,6}(一起)?(投|赚|玩)|"
              + "\\b((let me|i can) (show|teach) you (how )?to (invest|trade))\\b",
          "It invites you into an investment", "邀请您一起投资"),
      TextCue.of("text.delivery_failed", 0.5,
          "(包裹|快递|件)[^。，,]{0,6}(无法|未能|不能)(派送|投递|配送|送达)|派送失败|投递失败|地址(不详|有误|不完整)|"
              + "\\b((could|can) ?not be delivered|delivery (failed|attempt failed)|(package|parcel|shipment) "
              + "(is )?(on hold|held)|(incomplete|invalid) (delivery )?address)\\b",
          "It says a delivery failed", "声称快递无法派送"),
      TextCue.of("text.stranger_opener", 0.3,
          "\\b(is this [a-z]+\\?|we met at|(sorry,? )?(wrong number|texted the wrong))",
          "It opens as a stranger's mistake or a half-remembered meeting", "以发错短信、似曾相识的陌生人口吻开场"),
      TextCue.of("text.flight_disrupted", 0.3,
          "航班[^。，,]{0,12}(取消|停飞|故障)|(改签|退票)[^。]{0,12}(补偿|赔偿|理赔)|"
              + "\\b(flight[^.]{0,20}(cancell?ed|disrupted))\\b",
          "It says a flight was cancelled, or offers compensation for a change", "声称航班取消，或以改签退票补偿为由"),
      TextCue.of("text.advance_payment", 0.8,
          "(?<![不无免])(需|须|先)[^。，,]{0,3}(垫付|垫资)|先(充值|预付)|本金[^。]{0,6}(一起|一并|全部)?(返还|退还|返回)|"
              + "\\b(top up first|pay in (advance|first))\\b",
          "It asks the recipient to pay in first", "要求先行垫付或充值"),
      TextCue.of("text.cancel_charge", 1.0,
          "(自动)?(扣费|续费|扣款)[^。]{0,24}(取消|关闭|解除|退订)[^。]{0,10}(联系|致电|拨打|添加|咨询)|"
              + "(取消|关闭|解除)[^。]{0,10}(自动)?(扣费|续费|扣款)[^。]{0,10}(联系|致电|拨打)|"
              // "每月扣费800元，如非本人操作请致电客服 400-… 取消"
              + "(扣费|续费|(?<!折)扣款)[^。]{0,24}(联系|致电|拨打)[^。]{0,24}(取消|关闭|解除)",
          "It warns of a charge and asks the recipient to get in touch to cancel it",
          "以即将扣费为由要求联系取消"),
      TextCue.of("text.prize_claim", 1.5,
          "恭喜您?[^。]{0,16}(抽中|抽选|选中|获得|荣获|中奖)|幸运(观众|用户|客户)|中得[^。]{0,6}奖|"
              + "\\b((you|u) (have )?(won|been (selected|chosen|awarded))|(ur|your) (number|mobile)[^.]{0,20}"
              + "(won|awarded|selected)|we have a winner|is it you|has gained the sum|awarded a)\\b",
          "It announces a prize the recipient never entered for", "通知领取未曾参与的奖品"),
      TextCue.of("text.premium_rate_number", 1.5,
          "(?<![0-9])0(9\\d{8,9}|87\\d{8,9})(?![0-9])",
          "It asks to call a premium-rate number", "要求拨打高额付费电话"),
      TextCue.of("text.curiosity_lure", 1.5,
          "私密照片|不雅|艳照|(照片|视频|相册|请柬|通讯录)[^。]{0,12}(点击|下载|查看)|"
              + "\\b(voicemail|photos of you|is this you)\\b",
          "It lures with private photos, invitations or voicemails behind a link", "以照片、请柬、语音留言等诱导点击"),
      TextCue.of("text.anti_fraud_warning", -2.0,
          "谨防|警惕|切勿|请勿(泄露|转发|告诉|下载|开启|点击)|避免将?[^。！!]{0,10}(透露|泄露|告知)给?(他人|任何人)|不会[^。]{0,12}(索取|索要|要求)|不要(向|泄露|点击)|"
              // not "不要告诉其他亲戚": that is the scammer asking a relative to keep quiet
              + "不要告诉(?!(其他)?(亲戚|家人|父母|爸|妈|家里))|任何人[^。]{0,6}(索要|都不会)|"
              + "(公检法|官方|银行|客服)[^。]{0,8}(不会|从不|绝不)|反诈|防诈|都是骗局|均为[^。]{0,12}诈骗|是诈骗|"
              + "\\b(never share|do not share|don't share|will never (ask|text|call|send)|won't ask|"
              + "we'll never|never ask|ignore any messages|is a scam|are scams|if in doubt)\\b",
          "It warns against fraud", "提醒防范诈骗"),
      TextCue.of("text.otp_delivery", -1.5,
          "(验证码|校验码|动态码|动态密码)(是|为|:|：)?\\s*[\\[【(]?\\d{4,8}|\\d{4,8}\\s*(是|为)?(您的)?(验证码|校验码)|"
              + "\\d{4,8}\\s*[(【][^)】]{0,16}(验证码|校验码|动态码)|"
              + "\\b(code|otp|passcode) (is|:)\\s*\\d{4,8}\\b|\\b\\d{4,8} is your\\b",
          "It delivers a one-time code, it does not ask for one", "下发验证码，而非索要"));

  /** Every cue that fires, each once, with the span of its first match in the original text. */
  public List<Signal> find(NormalizedText nt) {
    return find(nt, lowerCase(nt.text()));
  }

  /**
   * As {@link #find(NormalizedText)}, given the normalised text already lower-cased with
   * {@link #lowerCase} (matching lower-cased text is several times faster than case-insensitive
   * patterns).
   */
  public List<Signal> find(NormalizedText nt, String lower) {
    String s = lower;
    if (s.length() > MAX_CHARS) {
      s = s.substring(0, MAX_CHARS);
    }
    int cues = CUES.size();
    int[] starts = new int[cues];
    int[] ends = new int[cues];
    java.util.Arrays.fill(starts, -1);
    // one pass over the text for every prefiltered cue at once: at each position only the cues a
    // match can start with that character are tried, each until its first (un-negated) match
    long pending = PREFILTERED;
    MatcherCache matchers = MATCHERS.get();
    matchers.begin(s);
    int n = s.length();
    for (int i = 0; i < n && pending != 0; i++) {
      char c = s.charAt(i);
      long[] page = START_MASKS[c >>> 8];
      if (page == null) {
        continue;
      }
      long try_ = page[c & 0xFF] & pending;
      if (try_ == 0) {
        continue;
      }
      if (i > 0) {
        long wordStart = WORD_START_MASKS[c >>> 8][c & 0xFF] & try_;
        if (wordStart != 0 && FastPattern.isWordChar(s.charAt(i - 1))) {
          try_ &= ~wordStart; // inside a word, where no \b-led alternative can start
        }
      }
      while (try_ != 0) {
        int k = Long.numberOfTrailingZeros(try_);
        try_ &= try_ - 1;
        // only the alternatives of the cue that can start with c
        int end = CUES.get(k).pattern().matchAt(s, i, matchers, SUB_OFFSET[k]);
        if (end < 0) {
          continue;
        }
        if (CUES.get(k).weight() > 0 && negated(s, i)) {
          continue; // "银行不会向您索要密码" describes what an institution does not do
        }
        starts[k] = i;
        ends[k] = end;
        pending &= ~(1L << k);
      }
    }
    matchers.end();
    if (starts[OTP_DELIVERY] >= 0 && starts[ASKS_CREDENTIALS] >= 0
        && ENTER_OWN_CODE.matcher(s).region(starts[ASKS_CREDENTIALS], ends[ASKS_CREDENTIALS]).matches()) {
      // "请输入短信动态密码：【100328】": a message that delivers a code tells you to enter it (into the
      // app or on the PIN pad); asking you to tell or send it on stays a request for credentials
      starts[ASKS_CREDENTIALS] = -1;
    }
    List<Signal> out = new ArrayList<>();
    for (int k = 0; k < cues; k++) {
      TextCue cue = CUES.get(k);
      if ((PREFILTERED & (1L << k)) == 0) {
        Matcher m = cue.pattern().pattern().matcher(s);
        int from = 0;
        int at;
        while ((at = cue.pattern().find(m, s, from)) >= 0) {
          from = at + 1;
          if (cue.weight() > 0 && negated(s, m.start())) {
            continue;
          }
          starts[k] = m.start();
          ends[k] = m.end();
          break;
        }
      }
      if (starts[k] >= 0) {
        out.add(new Signal(cue.code(), cue.weight(), cue.message(), cue.messageZh(),
            nt.originalStart(starts[k]), nt.originalEnd(ends[k])));
      }
    }
    return out;
  }

  private static final int OTP_DELIVERY = indexOf("text.otp_delivery");
  private static final int ASKS_CREDENTIALS = indexOf("text.asks_credentials");
  /** An {@code asks_credentials} match that only says to enter or verify a code. */
  private static final java.util.regex.Pattern ENTER_OWN_CODE = java.util.regex.Pattern.compile(
      "(输入|填写|填入|验证)[^。！!]{0,12}(验证码|校验码|动态码|动态密码)");

  private static int indexOf(String code) {
    for (int k = 0; k < CUES.size(); k++) {
      if (CUES.get(k).code().equals(code)) {
        return k;
      }
    }
    throw new IllegalStateException("no cue " + code);
  }

  /** Bit k: cue k has a known set of first characters and takes part in the single pass. */
  private static final long PREFILTERED;
  /** Two-level tables by char: the cues a match can start with it; those only at a word start. */
  private static final long[][] START_MASKS = new long[256][];
  private static final long[][] WORD_START_MASKS = new long[256][];
  /** Where each cue's sub-pattern matchers start in the per-search matcher array. */
  private static final int[] SUB_OFFSET;
  private static final int SUB_TOTAL;
  private static final ThreadLocal<MatcherCache> MATCHERS;

  static {
    if (CUES.size() > 63) {
      throw new IllegalStateException("the single-pass cue search takes at most 63 cues");
    }
    long pre = 0;
    for (int k = 0; k < CUES.size(); k++) {
      FastPattern p = CUES.get(k).pattern();
      if (!p.prefiltered()) {
        continue;
      }
      pre |= 1L << k;
      java.util.BitSet first = p.firstChars();
      for (int c = first.nextSetBit(0); c >= 0 && c < 0x10000; c = first.nextSetBit(c + 1)) {
        mask(START_MASKS, WORD_START_MASKS, c)[c & 0xFF] |= 1L << k;
      }
      java.util.BitSet ws = p.wordStartOnly();
      if (ws != null) {
        for (int c = ws.nextSetBit(0); c >= 0 && c < 0x10000; c = ws.nextSetBit(c + 1)) {
          mask(WORD_START_MASKS, START_MASKS, c)[c & 0xFF] |= 1L << k;
        }
      }
    }
    PREFILTERED = pre;
    SUB_OFFSET = new int[CUES.size()];
    int total = 0;
    for (int k = 0; k < CUES.size(); k++) {
      SUB_OFFSET[k] = total;
      total += CUES.get(k).pattern().subCount();
    }
    SUB_TOTAL = total;
    MATCHERS = ThreadLocal.withInitial(() -> new MatcherCache(SUB_TOTAL));
  }

  /** The page of {@code c} in {@code table}, created (in both tables, so both can be read). */
  private static long[] mask(long[][] table, long[][] twin, int c) {
    if (table[c >>> 8] == null) {
      table[c >>> 8] = new long[256];
    }
    if (twin[c >>> 8] == null) {
      twin[c >>> 8] = new long[256];
    }
    return table[c >>> 8];
  }


  /** Lower case, one UTF-16 unit for one, so offsets stay valid. */
  public static String lowerCase(String s) {
    int first = 0;
    while (first < s.length() && Character.toLowerCase(s.charAt(first)) == s.charAt(first)) {
      first++;
    }
    if (first == s.length()) {
      return s; // already lower case, as most Chinese texts are
    }
    char[] c = s.toCharArray();
    for (int i = first; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile(
      "不会|不要|切勿|请勿|勿|从不|绝不|不得|谨防|\\b(never|won't|will not|do not|don't|not)\\b");

  /** A negation shortly before the cue, in the same clause. */
  static boolean negated(String s, int at) {
    int from = at;
    int limit = Math.max(0, at - 16);
    boolean maybe = false;
    while (from > limit && "。！？!?；;\n".indexOf(s.charAt(from - 1)) < 0) {
      from--;
      char c = s.charAt(from);
      // every negation holds one of these: skip the regex for clauses without any
      maybe |= c == '不' || c == '勿' || c == '谨' || c == 'n';
    }
    return maybe && NEGATION.matcher(s.substring(from, at)).find();
  }
}
