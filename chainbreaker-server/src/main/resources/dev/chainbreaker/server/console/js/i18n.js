// Every user-facing string in English and Chinese. The choice is kept in localStorage and set as
// <html lang>, so screen readers pronounce the page correctly.
const STORE = 'cb.lang';

const en = {
  'app.name': 'ChainBreaker',
  'nav.live': 'Live decisions', 'nav.cases': 'Cases', 'nav.screen': 'Screening', 'nav.rules': 'Rules', 'nav.keys': 'Keys',
  'nav.main': 'Main navigation', 'nav.search': 'Open a phone', 'nav.searchPlaceholder': 'Phone, e.g. 13800000001',
  'nav.signout': 'Sign out', 'lang.toggle': '中文', 'lang.toggleLabel': 'Switch language to Chinese',
  'skip': 'Skip to content',
  'login.title': 'Sign in to the analyst console', 'login.key': 'API key', 'login.submit': 'Sign in',
  'login.hint': 'Use an analyst or admin key. It is kept only in this browser tab.',
  'login.ingest': 'This is an ingest key: the console needs an analyst or admin key.',
  'common.loading': 'Loading…', 'common.retry': 'Retry', 'common.refresh': 'Refresh', 'common.all': 'All',
  'common.loadMore': 'Load more', 'common.error': 'Something went wrong', 'common.close': 'Close', 'common.save': 'Save',
  'common.field': 'Field', 'common.network': 'The server could not be reached. Check that it is running.',
  'common.time': 'Time', 'common.from': 'From', 'common.to': 'To', 'common.filters': 'Filters', 'common.none': '—',
  'col.time': 'Time', 'col.subject': 'Phone', 'col.source': 'Institution', 'col.type': 'Event', 'col.decision': 'Decision',
  'col.risk': 'Risk', 'col.state': 'State', 'col.reason': 'Reason', 'col.score': 'Score',
  'live.title': 'Live decisions', 'live.auto': 'Live (every 5 s)', 'live.empty': 'No decisions match these filters.',
  'live.kind': 'Institution', 'live.count': '{n} decisions shown', 'live.new': '{n} new',
  'kind.telecom': 'Operator', 'kind.gov': 'Government apps', 'kind.device-vendor': 'Device vendor', 'kind.payment': 'Payment platforms',
  'kind.bank': 'Banks', 'kind.lender': 'Lenders', 'kind.merchant': 'Merchants', 'kind.antifraud': 'Anti-fraud centre', 'kind.handset': 'Handset app',
  'decision.ALLOW': 'Allow', 'decision.CHALLENGE': 'Challenge', 'decision.REVIEW': 'Review', 'decision.DENY': 'Deny',
  'risk.LOW': 'Low', 'risk.MEDIUM': 'Medium', 'risk.HIGH': 'High', 'risk.CRITICAL': 'Critical',
  'state.NORMAL': 'Normal', 'state.WATCH': 'Watch', 'state.COMPROMISED': 'Compromised', 'state.RECOVERING': 'Recovering',
  'story.title': 'Story of {phone}', 'story.state': 'State', 'story.since': 'since {t}', 'story.events': '{n} events',
  'story.loaded': 'Loaded {n} events…', 'story.lanes': 'Swimlane timeline', 'story.stateTrack': 'State',
  'story.chain': 'Evidence chain', 'story.chainEmpty': 'No current evidence chain: the line\'s present state holds nothing against it. Earlier decisions keep their reasons in the timeline below.',
  'story.linked': 'Linked identity', 'story.linkedEmpty': 'No accounts or cards seen with this phone.',
  'story.eventsTable': 'Events', 'story.detail': 'Selected event', 'story.pick': 'Select an event on the timeline or in the table.',
  'story.evidence': 'Evidence', 'story.required': 'Required verification', 'story.actions': 'Actions', 'story.details': 'Details',
  'story.notFound': 'No events about this phone.', 'story.scale': 'Scale', 'story.scaleTime': 'Real time', 'story.scaleOrder': 'Event order',
  'story.inBin': '{n} events', 'story.truncated': 'Showing the newest {n} events.', 'story.graphLabel': 'Graph of the phone, the institutions and the masked accounts and cards seen with it',
  'story.kindCol': 'Kind', 'story.masked': 'Masked identifier', 'story.seenAt': 'Seen at',
  'case.title': 'Case', 'case.label': 'Label', 'case.note': 'Note', 'case.confirm': 'Confirmed takeover', 'case.falseAlarm': 'Owner, false alarm',
  'case.reopen': 'Reopen', 'case.saved': 'Label saved', 'case.by': 'by {who} at {t}',
  'label.open': 'Open', 'label.confirmed_takeover': 'Confirmed takeover', 'label.false_alarm': 'False alarm',
  'cases.title': 'Cases', 'cases.empty': 'No cases match: every phone is NORMAL and nothing is labelled.', 'cases.export': 'Export',
  'cases.exportCsv': 'Export CSV', 'cases.exportJsonl': 'Export JSON lines', 'cases.chain': 'Chain', 'cases.labelledBy': 'Labelled by', 'cases.since': 'State since',
  'cases.exported': 'Exported {n} labelled cases', 'cases.truncated': 'Only the first 1000 cases are listed.',
  'screen.title': 'Screening playground', 'screen.text': 'Message text', 'screen.sender': 'Sender (optional)', 'screen.submit': 'Screen',
  'screen.shortcut': 'Ctrl+Enter screens the text.', 'screen.sample': 'Sample: social-security phishing', 'screen.sampleBenign': 'Sample: ordinary text',
  'screen.verdict': 'Verdict', 'screen.score': 'Score', 'screen.category': 'Category', 'screen.reasons': 'Reasons', 'screen.advice': 'Advice',
  'screen.links': 'Links', 'screen.highlighted': 'Highlighted text', 'screen.empty': 'Paste a text message and press Screen.',
  'screen.noReasons': 'No reasons: nothing suspicious was found.', 'screen.legendLink': 'suspicious link', 'screen.legendPhrase': 'suspicious phrase',
  'verdict.FRAUD': 'Fraud', 'verdict.SPAM': 'Spam', 'verdict.NORMAL': 'Normal',
  'category.social_security': 'Social security', 'category.medical_insurance': 'Medical insurance', 'category.tax_refund': 'Tax refund', 'category.etc_toll': 'Tolls and vehicles', 'category.points_redemption': 'Points redemption', 'category.parcel_claim': 'Parcel claim', 'category.impersonate_police': 'Police impersonation', 'category.task_rebate': 'Paid tasks', 'category.investment': 'Investment', 'category.loan_credit': 'Loans and credit', 'category.impersonate_acquaintance': 'Posing as someone you know', 'category.prize': 'Prize', 'category.malware_link': 'Malicious app or link', 'category.impersonate_customer_service': 'Customer-service impersonation', 'category.other_fraud': 'Other fraud', 'category.gambling': 'Gambling', 'category.advertising': 'Advertising', 'category.other_spam': 'Other spam', 'category.otp': 'One-time code', 'category.anti_fraud_warning': 'Anti-fraud warning', 'category.bank_notice': 'Bank or payment notice', 'category.gov_notice': 'Government notice', 'category.operator_notice': 'Operator notice', 'category.delivery': 'Delivery', 'category.personal': 'Personal', 'category.other_ham': 'Other',
  'rules.title': 'Rules', 'rules.active': 'Active pack', 'rules.draft': 'Draft', 'rules.history': 'History',
  'rules.validate': 'Validate', 'rules.dryRun': 'Dry run', 'rules.publish': 'Publish', 'rules.reset': 'Reset to active',
  'rules.valid': 'The draft is valid.', 'rules.invalid': 'The draft is not valid', 'rules.line': 'line {n}',
  'rules.publishNeedsDryRun': 'Dry-run this exact draft before publishing.', 'rules.adminOnly': 'Only an admin key may publish.',
  'rules.published': 'Published version {v}', 'rules.dryRunResult': 'Replayed {events} stored events: {changed} decisions would change.',
  'rules.noChange': 'No decision would change.', 'rules.before': 'Before', 'rules.after': 'After', 'rules.version': 'Version',
  'rules.changedBy': 'Changed by', 'rules.changedAt': 'Changed at', 'rules.fromSeq': 'From event', 'rules.view': 'View', 'rules.useDraft': 'Use as draft',
  'rules.activeTag': 'active', 'rules.editorLabel': 'Draft rule pack (YAML)', 'rules.truncatedList': 'Only the first {n} changes are listed.',
  'rules.draftBase': 'Draft based on version {v}', 'rules.dirty': 'edited', 'rules.running': 'Replaying…',
  'keys.title': 'API keys', 'keys.create': 'Create key', 'keys.role': 'Role', 'keys.name': 'Holder', 'keys.id': 'Id',
  'keys.createdBy': 'Created by', 'keys.createdAt': 'Created at', 'keys.revoke': 'Revoke', 'keys.revokeConfirm': 'Confirm revoke',
  'keys.secret': 'The new key (shown only once; store it now):', 'keys.empty': 'No keys.', 'keys.revoked': 'Key revoked',
  'role.ingest': 'ingest', 'role.analyst': 'analyst', 'role.admin': 'admin',
  'error.status': 'HTTP {s}',
  'time.zoneSubject': 'Shown in UTC{z}, the offset of this phone\'s latest event (event times keep their own offset)',
  'time.zoneBrowser': 'Shown in this browser\'s time zone (no event of this phone gives one)',
  'detail.channel': 'Channel', 'detail.verification': 'Verification', 'detail.actor': 'Actor', 'detail.purpose': 'Purpose',
  'detail.deviceModel': 'Device model', 'detail.newDevice': 'New device', 'detail.amount': 'Amount', 'detail.currency': 'Currency',
  'detail.category': 'Category', 'detail.kind': 'Kind', 'detail.realNameVerification': 'Real-name check', 'detail.account': 'Account',
  'detail.card': 'Card', 'detail.idNumber': 'ID number', 'detail.id': 'Event id',
};

const zh = {
  'app.name': 'ChainBreaker 断链',
  'nav.live': '实时决策', 'nav.cases': '案件', 'nav.screen': '短信筛查', 'nav.rules': '规则', 'nav.keys': '密钥',
  'nav.main': '主导航', 'nav.search': '打开号码', 'nav.searchPlaceholder': '手机号，例如 13800000001',
  'nav.signout': '退出', 'lang.toggle': 'EN', 'lang.toggleLabel': '切换为英文',
  'skip': '跳到正文',
  'login.title': '登录分析控制台', 'login.key': 'API 密钥', 'login.submit': '登录',
  'login.hint': '请使用分析员或管理员密钥。密钥只保存在当前浏览器标签页中。',
  'login.ingest': '这是接入（ingest）密钥：控制台需要分析员或管理员密钥。',
  'common.loading': '加载中…', 'common.retry': '重试', 'common.refresh': '刷新', 'common.all': '全部',
  'common.loadMore': '加载更多', 'common.error': '出错了', 'common.close': '关闭', 'common.save': '保存',
  'common.field': '字段', 'common.network': '无法连接服务器，请确认服务正在运行。',
  'common.time': '时间', 'common.from': '起', 'common.to': '止', 'common.filters': '筛选', 'common.none': '—',
  'col.time': '时间', 'col.subject': '号码', 'col.source': '机构', 'col.type': '事件', 'col.decision': '决策',
  'col.risk': '风险', 'col.state': '状态', 'col.reason': '原因', 'col.score': '分数',
  'live.title': '实时决策', 'live.auto': '实时（每 5 秒）', 'live.empty': '没有符合筛选条件的决策。',
  'live.kind': '机构类型', 'live.count': '显示 {n} 条决策', 'live.new': '新增 {n} 条',
  'kind.telecom': '运营商', 'kind.gov': '政务应用', 'kind.device-vendor': '手机厂商', 'kind.payment': '支付平台',
  'kind.bank': '银行', 'kind.lender': '贷款机构', 'kind.merchant': '商户', 'kind.antifraud': '反诈中心', 'kind.handset': '手机应用',
  'decision.ALLOW': '放行', 'decision.CHALLENGE': '加强验证', 'decision.REVIEW': '人工审核', 'decision.DENY': '拒绝',
  'risk.LOW': '低', 'risk.MEDIUM': '中', 'risk.HIGH': '高', 'risk.CRITICAL': '极高',
  'state.NORMAL': '正常', 'state.WATCH': '观察', 'state.COMPROMISED': '已失控', 'state.RECOVERING': '恢复中',
  'story.title': '{phone} 的事件脉络', 'story.state': '状态', 'story.since': '自 {t}', 'story.events': '{n} 个事件',
  'story.loaded': '已加载 {n} 个事件…', 'story.lanes': '泳道时间线', 'story.stateTrack': '状态',
  'story.chain': '证据链', 'story.chainEmpty': '当前没有证据链：该号码目前的状态中没有不利证据。此前的判断及其理由见下方时间线。',
  'story.linked': '关联身份', 'story.linkedEmpty': '未发现与该号码关联的账户或银行卡。',
  'story.eventsTable': '事件列表', 'story.detail': '所选事件', 'story.pick': '在时间线或列表中选择一个事件。',
  'story.evidence': '证据', 'story.required': '要求的验证方式', 'story.actions': '处置动作', 'story.details': '详情',
  'story.notFound': '没有关于该号码的事件。', 'story.scale': '刻度', 'story.scaleTime': '真实时间', 'story.scaleOrder': '事件顺序',
  'story.inBin': '{n} 个事件', 'story.truncated': '仅显示最近 {n} 个事件。', 'story.graphLabel': '号码、机构以及与之关联的脱敏账户和银行卡关系图',
  'story.kindCol': '类型', 'story.masked': '脱敏标识', 'story.seenAt': '出现于',
  'case.title': '案件', 'case.label': '标注', 'case.note': '备注', 'case.confirm': '确认被盗用', 'case.falseAlarm': '机主本人，误报',
  'case.reopen': '重新打开', 'case.saved': '标注已保存', 'case.by': '{who} 标注于 {t}',
  'label.open': '待处理', 'label.confirmed_takeover': '确认被盗用', 'label.false_alarm': '误报',
  'cases.title': '案件', 'cases.empty': '没有符合条件的案件：所有号码均正常且未标注。', 'cases.export': '导出',
  'cases.exportCsv': '导出 CSV', 'cases.exportJsonl': '导出 JSON Lines', 'cases.chain': '证据链', 'cases.labelledBy': '标注人', 'cases.since': '状态起始',
  'cases.exported': '已导出 {n} 个已标注案件', 'cases.truncated': '仅列出前 1000 个案件。',
  'screen.title': '短信筛查试验台', 'screen.text': '短信内容', 'screen.sender': '发送方（可选）', 'screen.submit': '筛查',
  'screen.shortcut': '按 Ctrl+Enter 筛查。', 'screen.sample': '示例：社保诈骗短信', 'screen.sampleBenign': '示例：普通短信',
  'screen.verdict': '结论', 'screen.score': '分数', 'screen.category': '类别', 'screen.reasons': '原因', 'screen.advice': '建议',
  'screen.links': '链接', 'screen.highlighted': '高亮文本', 'screen.empty': '粘贴一条短信并点击“筛查”。',
  'screen.noReasons': '没有原因：未发现可疑内容。', 'screen.legendLink': '可疑链接', 'screen.legendPhrase': '可疑措辞',
  'verdict.FRAUD': '诈骗', 'verdict.SPAM': '垃圾短信', 'verdict.NORMAL': '正常',
  'category.social_security': '社保', 'category.medical_insurance': '医保', 'category.tax_refund': '退税', 'category.etc_toll': 'ETC与车辆', 'category.points_redemption': '积分兑换', 'category.parcel_claim': '快递理赔', 'category.impersonate_police': '冒充公检法', 'category.task_rebate': '刷单返利', 'category.investment': '投资理财', 'category.loan_credit': '贷款征信', 'category.impersonate_acquaintance': '冒充熟人', 'category.prize': '中奖', 'category.malware_link': '木马应用或链接', 'category.impersonate_customer_service': '冒充客服', 'category.other_fraud': '其他诈骗', 'category.gambling': '赌博', 'category.advertising': '营销广告', 'category.other_spam': '其他垃圾短信', 'category.otp': '验证码', 'category.anti_fraud_warning': '反诈提醒', 'category.bank_notice': '银行与支付通知', 'category.gov_notice': '政务通知', 'category.operator_notice': '运营商通知', 'category.delivery': '快递外卖', 'category.personal': '个人消息', 'category.other_ham': '其他',
  'rules.title': '规则', 'rules.active': '当前规则包', 'rules.draft': '草稿', 'rules.history': '历史版本',
  'rules.validate': '校验', 'rules.dryRun': '试运行', 'rules.publish': '发布', 'rules.reset': '重置为当前版本',
  'rules.valid': '草稿有效。', 'rules.invalid': '草稿无效', 'rules.line': '第 {n} 行',
  'rules.publishNeedsDryRun': '发布前请先对当前草稿试运行。', 'rules.adminOnly': '只有管理员密钥可以发布。',
  'rules.published': '已发布版本 {v}', 'rules.dryRunResult': '已重放 {events} 个历史事件：{changed} 个决策将会改变。',
  'rules.noChange': '没有决策会改变。', 'rules.before': '之前', 'rules.after': '之后', 'rules.version': '版本',
  'rules.changedBy': '修改人', 'rules.changedAt': '修改时间', 'rules.fromSeq': '起始事件', 'rules.view': '查看', 'rules.useDraft': '用作草稿',
  'rules.activeTag': '生效中', 'rules.editorLabel': '规则包草稿（YAML）', 'rules.truncatedList': '仅列出前 {n} 个变化。',
  'rules.draftBase': '草稿基于版本 {v}', 'rules.dirty': '已修改', 'rules.running': '重放中…',
  'keys.title': 'API 密钥', 'keys.create': '创建密钥', 'keys.role': '角色', 'keys.name': '持有人', 'keys.id': '编号',
  'keys.createdBy': '创建人', 'keys.createdAt': '创建时间', 'keys.revoke': '吊销', 'keys.revokeConfirm': '确认吊销',
  'keys.secret': '新密钥（只显示这一次，请立即保存）：', 'keys.empty': '没有密钥。', 'keys.revoked': '密钥已吊销',
  'role.ingest': '接入', 'role.analyst': '分析员', 'role.admin': '管理员',
  'error.status': 'HTTP {s}',
  'time.zoneSubject': '按 UTC{z} 显示，即该号码最新事件的时区（事件时间保留其原始时区）',
  'time.zoneBrowser': '按本浏览器的时区显示（该号码没有可用的事件时区）',
  'detail.channel': '渠道', 'detail.verification': '验证方式', 'detail.actor': '操作者', 'detail.purpose': '用途',
  'detail.deviceModel': '设备型号', 'detail.newDevice': '新设备', 'detail.amount': '金额', 'detail.currency': '币种',
  'detail.category': '类别', 'detail.kind': '类型', 'detail.realNameVerification': '实名方式', 'detail.account': '账户',
  'detail.card': '银行卡', 'detail.idNumber': '身份证号', 'detail.id': '事件编号',
};

const dicts = { en, zh };
let lang = localStorage.getItem(STORE) === 'zh' ? 'zh' : 'en';
const listeners = [];

export function currentLang() { return lang; }

export function t(key, vars) {
  let s = dicts[lang][key] ?? en[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll('{' + k + '}', String(v));
  return s;
}

export function setLang(next) {
  lang = next === 'zh' ? 'zh' : 'en';
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((f) => f(lang));
}

export function onLangChange(f) { listeners.push(f); }

/** A reason's message in the current language (the engine sends both). */
export function reasonText(r) { return (lang === 'zh' && r.messageZh) ? r.messageZh : (r.message || r.code); }

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
