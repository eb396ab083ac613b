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
  'event.telecom.device.changed': 'Handset changed', 'event.telecom.sim.replaced': 'SIM replaced', 'event.telecom.loss.reported': 'Line reported lost',
  'event.telecom.loss.cancelled': 'Loss report cancelled', 'event.telecom.service_password.reset': 'Service password reset', 'event.telecom.service_password.changed': 'Service password changed',
  'event.telecom.call_forwarding.set': 'Call forwarding set', 'event.telecom.call_forwarding.cleared': 'Call forwarding cleared', 'event.telecom.sms.disabled': 'SMS switched off',
  'event.telecom.sms.enabled': 'SMS switched on', 'event.telecom.sms.sent': 'SMS sent from the line', 'event.message.received': 'Message received',
  'event.auth.otp.sent': 'One-time code sent', 'event.account.login': 'Login', 'event.account.created': 'Account opened',
  'event.account.password.reset': 'Login password reset', 'event.account.phone.changed': 'Bound phone changed', 'event.account.device.unbound': 'Device unbound',
  'event.identity.data.viewed': 'Identity data viewed', 'event.card.bound': 'Card bound', 'event.card.unbound': 'Card unbound',
  'event.card.frozen': 'Card frozen', 'event.payment.password.reset': 'Payment password reset', 'event.payment.initiated': 'Payment',
  'event.payment.declined': 'Payment declined', 'event.loan.applied': 'Loan application', 'event.loan.disbursed': 'Loan paid out',
  'event.owner.phone.reported_stolen': 'Owner reported the phone stolen', 'event.owner.recovered': 'Owner has the line back',
  'verif.in_person_id': 'ID in person', 'verif.service_password': 'Service password', 'verif.sms_otp': 'SMS code',
  'verif.password': 'Password', 'verif.face': 'Face check', 'verif.id_number_and_contacts': 'ID number and contacts',
  'verif.trusted_device': 'Trusted device', 'verif.none': 'None', 'verif.bank_card': 'Bank card',
  'verif.same_device_subaccount': 'Sub-account on the same device',
  'channel.store': 'In store', 'channel.hotline': 'Hotline', 'channel.ivr': 'Phone menu (IVR)',
  'channel.app': 'App', 'channel.web': 'Web', 'channel.sms': 'SMS',
  'channel.rcs': 'RCS', 'channel.im': 'Chat app',
  'action.block_account_opening': 'Block account opening', 'action.block_call_forwarding': 'Block call forwarding', 'action.block_card_binding': 'Block card binding',
  'action.call_owner_alternate_contact': 'Call the owner on another contact', 'action.close_account': 'Close the account', 'action.close_account_opened_during_takeover': 'Close accounts opened during the takeover',
  'action.flag_identity': 'Flag the identity', 'action.freeze_disbursement': 'Freeze the payout', 'action.hold_call_forwarding': 'Hold call forwarding',
  'action.hold_funds': 'Hold the funds', 'action.hold_remote_loss_cancellation': 'Hold a remote loss-report cancellation', 'action.hold_service_password_reset': 'Hold the service password reset',
  'action.intercept_message': 'Intercept the message', 'action.mask_identity_data': 'Mask identity data', 'action.notify_issuing_bank': 'Notify the issuing bank',
  'action.notify_owner_alternate_contact': 'Notify the owner on another contact', 'action.prefer_face_verification': 'Prefer a face check', 'action.report_sender_96110': 'Report the sender to 96110',
  'action.restore_previous_binding': 'Restore the previous binding', 'action.reverse_if_possible': 'Reverse it if possible', 'action.review_accounts_used_during_takeover': 'Review accounts used during the takeover',
  'action.revoke_sessions': 'Sign out every session', 'action.stop_sms_otp': 'Stop SMS codes', 'action.suspend_line': 'Suspend the line',
  'action.use_alternate_channel': 'Use another channel', 'action.warn_subject': 'Warn the user',
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
  'event.telecom.device.changed': '更换手机', 'event.telecom.sim.replaced': '补换卡', 'event.telecom.loss.reported': '挂失停机',
  'event.telecom.loss.cancelled': '解除挂失', 'event.telecom.service_password.reset': '重置服务密码', 'event.telecom.service_password.changed': '修改服务密码',
  'event.telecom.call_forwarding.set': '设置呼叫转移', 'event.telecom.call_forwarding.cleared': '取消呼叫转移', 'event.telecom.sms.disabled': '关闭短信功能',
  'event.telecom.sms.enabled': '开通短信功能', 'event.telecom.sms.sent': '本机发出短信', 'event.message.received': '收到短信',
  'event.auth.otp.sent': '发送验证码', 'event.account.login': '账号登录', 'event.account.created': '开立账户',
  'event.account.password.reset': '重置登录密码', 'event.account.phone.changed': '更换绑定手机号', 'event.account.device.unbound': '解绑设备',
  'event.identity.data.viewed': '查看身份信息', 'event.card.bound': '绑定银行卡', 'event.card.unbound': '解绑银行卡',
  'event.card.frozen': '冻结银行卡', 'event.payment.password.reset': '重置支付密码', 'event.payment.initiated': '发起支付',
  'event.payment.declined': '支付被拒', 'event.loan.applied': '申请贷款', 'event.loan.disbursed': '贷款放款',
  'event.owner.phone.reported_stolen': '机主报告手机被盗', 'event.owner.recovered': '机主恢复控制',
  'verif.in_person_id': '本人持证现场办理', 'verif.service_password': '服务密码', 'verif.sms_otp': '短信验证码',
  'verif.password': '密码', 'verif.face': '人脸识别', 'verif.id_number_and_contacts': '身份证号和联系人',
  'verif.trusted_device': '可信设备', 'verif.none': '无', 'verif.bank_card': '银行卡',
  'verif.same_device_subaccount': '同设备子账号',
  'channel.store': '营业厅', 'channel.hotline': '客服热线', 'channel.ivr': '语音自助',
  'channel.app': '手机应用', 'channel.web': '网站', 'channel.sms': '短信',
  'channel.rcs': 'RCS 消息', 'channel.im': '即时通讯',
  'action.block_account_opening': '阻止开户', 'action.block_call_forwarding': '阻止呼叫转移', 'action.block_card_binding': '阻止绑卡',
  'action.call_owner_alternate_contact': '通过备用联系方式致电机主', 'action.close_account': '关闭账户', 'action.close_account_opened_during_takeover': '关闭被盗期间开立的账户',
  'action.flag_identity': '标记该身份', 'action.freeze_disbursement': '冻结放款', 'action.hold_call_forwarding': '暂缓呼叫转移',
  'action.hold_funds': '暂扣资金', 'action.hold_remote_loss_cancellation': '暂停远程解挂', 'action.hold_service_password_reset': '暂停服务密码重置',
  'action.intercept_message': '拦截短信', 'action.mask_identity_data': '隐藏身份信息', 'action.notify_issuing_bank': '通知发卡行',
  'action.notify_owner_alternate_contact': '通过备用联系方式通知机主', 'action.prefer_face_verification': '优先人脸核验', 'action.report_sender_96110': '向 96110 举报发送方',
  'action.restore_previous_binding': '恢复原绑定', 'action.reverse_if_possible': '尽可能撤回', 'action.review_accounts_used_during_takeover': '复核被盗期间使用的账户',
  'action.revoke_sessions': '注销所有登录会话', 'action.stop_sms_otp': '停用短信验证码', 'action.suspend_line': '暂停号码服务',
  'action.use_alternate_channel': '改用其他渠道', 'action.warn_subject': '提醒用户',
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

/**
 * The name of a code in the current language ({@code codeLabel('event', 'card.bound')}), or the code
 * itself where the console has none: a rule pack may name actions of its own.
 */
export function codeLabel(prefix, code) {
  const key = prefix + '.' + code;
  const s = t(key);
  return s === key ? code : s;
}

/** A reason's message in the current language (the engine sends both). */
export function reasonText(r) { return (lang === 'zh' && r.messageZh) ? r.messageZh : (r.message || r.code); }

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
