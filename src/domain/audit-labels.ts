// The words of the audit trail: what each action and each kind of object is called in Chinese,
// for the API's `*_zh` fields and the audit screen's filter. An action the table does not name
// reads as its verb and object (`units.close` → 撤销单位… from the parts), else as its code.

/** What an entry is about (`object_type`). */
export const OBJECT_TYPE_ZH: Record<string, string> = {
  users: '账号',
  api_tokens: 'API 令牌',
  sessions: '登录会话',
  route: '接口',
  counties: '县',
  county_years: '年度数据',
  units: '单位',
  unit: '单位',
  people: '人员',
  posts: '职务',
  links: '挂钩联系',
  categories: '类别',
  assessments: '考核结果',
  acceptances: '验收',
  warning_notices: '警示通知书',
  incidents: '事件',
  rosters: '名单',
  evaluations: '评定',
  decisions: '奖惩决定',
  obligations: '罚款、奖金事项',
  ledger_entries: '台账记录',
  personnel_actions: '人事处理',
  issuing_offices: '发文机关',
  issued_documents: '公文',
  notifications: '通知',
};

/** Actions named as a whole. */
const ACTION_ZH: Record<string, string> = {
  'session.login': '登录',
  'session.logout': '退出登录',
  'session.login_failed': '登录失败',
  'session.locked_out': '登录暂停',
  'request.denied': '拒绝访问',
  'user.create': '创建账号',
  'user.update': '修改账号',
  'token.create': '创建 API 令牌',
  'token.revoke': '吊销 API 令牌',
  'county.create': '创建县',
  'rosters.submit': '上报名单',
  'rosters.return': '退回名单',
  'rosters.accept': '接受名单',
  'evaluation.create': '评定奖惩',
  'decision.confirm': '确认奖惩决定',
  'decision.correct': '更正奖惩决定',
  'obligation.create': '生成罚款、奖金事项',
  'scores.import': '导入县考核得分',
  'assessments.reorder': '调整考核顺序',
  'personnel.recommend': '提出人事处理建议',
  'personnel.withdraw': '撤回人事处理建议',
  'personnel.record': '登记人事处理结果',
  'document.issue': '印发公文',
  'issuing_office.update': '设置发文机关',
  'warning_notices.create': '下达警示通知书',
  'warning_notices.correction': '报告整改',
  'warning_notices.verify': '验收整改',
  'ledger.assess': '核定应缴、应付金额',
  'ledger.collect': '收缴罚款',
  'ledger.remit': '解缴财政',
  'ledger.refund': '退还罚款',
  'ledger.deduct': '从拨款中扣缴',
  'ledger.recover': '追缴罚款',
  'ledger.finance_refund': '财政退还',
  'ledger.pay': '发放奖金',
  'ledger.reverse': '冲正台账记录',
};

/** The verbs of the facts' own actions (`units.update`, `posts.close`…). */
const VERB_ZH: Record<string, string> = {
  create: '新增',
  update: '修改',
  close: '终止',
  retract: '撤销',
  restore: '恢复',
};

/** The kinds of fact the office keeps (store/fact-kinds.ts), as their actions name them. */
const FACTS = [
  'units',
  'people',
  'posts',
  'links',
  'categories',
  'assessments',
  'acceptances',
  'warning_notices',
  'incidents',
];

/** An action in Chinese: 下达警示通知书, 修改职务, or the code itself when nothing names it. */
export function actionZh(action: string): string {
  const whole = ACTION_ZH[action];
  if (whole) return whole;
  const [object = '', verb = ''] = action.split('.');
  if (VERB_ZH[verb] && OBJECT_TYPE_ZH[object]) return `${VERB_ZH[verb]}${OBJECT_TYPE_ZH[object]}`;
  return action;
}

export function objectTypeZh(type: string): string {
  return OBJECT_TYPE_ZH[type] ?? type;
}

/** Every action the system records, with its words, for a filter to offer (sorted by code). */
export function knownActions(): { code: string; zh: string }[] {
  const codes = new Set(Object.keys(ACTION_ZH));
  for (const f of FACTS) for (const v of Object.keys(VERB_ZH)) codes.add(`${f}.${v}`);
  return [...codes].sort().map((code) => ({ code, zh: actionZh(code) }));
}

/** The fields an entry's values most often hold, in Chinese (others read as their code). */
const FIELD_ZH: Record<string, string> = {
  id: '编号',
  name: '名称',
  kind: '类别',
  unit: '单位',
  town: '所属镇（场）',
  person: '人员',
  role: '角色或职务',
  status: '状态',
  status_zh: '状态（文字）',
  matter: '事项',
  issued_on: '下达日期',
  deadline: '整改期限',
  correction_reported_on: '报告整改日期',
  correction_note: '整改情况',
  corrected_on: '验收日期',
  verified_by: '验收人',
  from: '起始日期',
  to: '终止日期',
  fp_year: '计生年度',
  category: '类别',
  outcome: '结果',
  score: '得分',
  reasons: '原因',
  version: '版本',
  username: '登录名',
  display_name: '姓名',
  county: '县',
  disabled_at: '停用时间',
  created_at: '创建时间',
  updated_at: '修改时间',
  retracted_at: '撤销时间',
  retract_reason: '撤销理由',
  amount_fen: '金额（分）',
  receipt_no: '收据号',
  note: '备注',
  reason: '理由',
  fines_due_on: '罚款缴纳期限',
  expires_at: '有效期至',
  revoked_at: '吊销时间',
  revoke_reason: '吊销原因',
  password_changed: '密码已更改',
  sessions_ended: '已退出登录',
  tokens_revoked: '吊销的令牌数',
};

/** A field of an entry's values in words: `history.created_at` → 创建时间; unknown ones as they are. */
export function fieldZh(path: string): string {
  return FIELD_ZH[path.split('.').pop() ?? path] ?? path;
}
