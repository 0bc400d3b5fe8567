import type { CaseAction, CaseStep, FindingResult, RejectReason, SupervisorReviewDecision } from './case-state-machine';
import type { CaseOutcome } from './case-state';
import type { RateMeasure, StatisticsGroup } from './case-statistics';
import type { CircularAction, CircularStatus } from './circular';
import type { CaseSource, CaseStage, CaseStatus, Category, Satisfaction, Severity, SubjectType } from './case-vocabulary';
import type { AccountabilityOutcome, ReferralStatus } from './referral';
import type { OrganizationKind, Role } from './roles';
import type { DeadlineKind, SlaTerms, TimeUnit } from './sla';
import type { ReferralReason } from './case-rules';
import type { EvidenceOwner } from './evidence';
import type { ScoreFactor } from './registry-score';
import type { CampaignItemStatus, CampaignStatus } from './campaign';
import type { CampaignStrata, CampaignWeighting } from './campaign-sampler';
import type { RegistryChange, RegistryFlag, RegistryKind, RegistryPlatform, RegistryStatus, RestrictedFeature } from './registry-vocabulary';

/**
 * The one zh-CN dictionary of every enum the system shows: the console, the phone page, the API docs
 * and exports read it. A value missing here is a type error, so a new enum value cannot ship unlabelled.
 */

export interface CategoryText {
  label: string;
  /** What it means, in plain words, for someone filing a complaint. */
  explain: string;
  /** The policy's own examples (《关于防治“指尖上的形式主义”的若干意见》). */
  examples: string[];
}

export const CATEGORY_ZH: Record<Category, CategoryText> = {
  FORCED_USE: {
    label: '强制使用',
    explain: '被要求必须下载、安装或定期登录某个政务App、公众号，或被下达安装率、使用率指标。',
    examples: ['不得强制推广下载', '不得限定用户安装使用率', '不得强制要求定期登录'],
  },
  FORCED_CHECKIN: {
    label: '打卡接龙、即时响应',
    explain: '在工作群里被要求每天打卡、接龙回复，或必须随时秒回消息，而工作并不需要。',
    examples: ['不得脱离工作实际强制要求打卡接龙', '不得脱离工作实际强制要求即时响应'],
  },
  TASK_DUMPING: {
    label: '摊派任务、索要材料',
    explain: '通过工作群随意摊派任务，或反复索要各类材料。',
    examples: ['在工作群组中不得随意摊派任务、索要材料'],
  },
  EXCESSIVE_TRACE: {
    label: '过度留痕',
    explain: '用上传截图、视频等“留痕”代替实际工作成效，把App当作日常考核、线上督查的工具。',
    examples: ['不得简单以工作留痕代替实际工作成效评价', '不得随意要求下级和基层单位上传不必要的截图或视频'],
  },
  RANKING_ABUSE: {
    label: '滥用排名',
    explain: '用关注点赞、转发评论、积分、在线时长等数据来考核、排名或评比。',
    examples: ['不得将关注点赞、转发评论作为考核评价、评比评选的依据', '积分排名、在线时长数据不应用于通报排名和考评'],
  },
  DUPLICATE_REPORTING: {
    label: '多头填报',
    explain: '同一事项、同一数据被要求通过多个App或多张表格重复报送。',
    examples: ['同一事项或数据原则上应通过“一站式”综合平台、“一张表”形式报送', '防止多头填报、重复索要数据'],
  },
  ZOMBIE_SHELL: {
    label: '空壳、僵尸',
    explain: '功能不全、长期无人使用或不更新的政务App、公众号仍在运行。',
    examples: ['使用频率低、实用性不强的政务应用程序，应及时关停注销并提前发布公告', '注册运营政务公众账号，要严格控制数量，加强信息更新'],
  },
  MANDATORY_FEATURES: {
    label: '违规设置强制功能',
    explain: '政务App未经审批设置打卡签到、积分排名、在线时长等功能，或向个人公开这些数据。',
    examples: ['原则上不得设置打卡签到、积分排名、在线时长等强制使用功能', '确需设置的应严格审批，且不得向用户和个人开放'],
  },
  DATA_SECURITY: {
    label: '数据安全',
    explain: '政务App、公众号或工作群泄露数据、个人信息，或数据安全保护不到位。',
    examples: ['依法依规保护数据和个人信息安全', '关停时依法依规处置相关数据，防止数据泄露及流失'],
  },
  OTHER: { label: '其他', explain: '不属于以上类别的“指尖上的形式主义”问题。', examples: [] },
};

export const SUBJECT_TYPE_ZH: Record<SubjectType, { label: string; explain: string }> = {
  APP: { label: '政务应用程序', explain: '政务App、小程序、快应用等' },
  PUBLIC_ACCOUNT: { label: '政务公众账号', explain: '政务公众号、政务微博、政务视频号等' },
  WORK_GROUP: { label: '工作群组', explain: '用于工作的微信群、钉钉群等' },
};

export const STAGE_ZH: Record<CaseStage, string> = {
  SUBMITTED: '待受理',
  ACCEPTED: '已受理',
  INVESTIGATING: '调查核实',
  RECTIFYING: '整改',
  FEEDBACK: '反馈',
  REVISIT: '回访',
  CLOSED: '已办结',
};

export const STEP_ZH: Record<CaseStep, string> = {
  SUBMITTED: '待受理',
  ACCEPTED: '待交办',
  INVESTIGATING: '调查核实',
  NOTICE_SENT: '整改通知待签收',
  RECTIFYING: '整改中',
  UNDER_REVIEW: '整改待审核',
  FEEDBACK: '待反馈',
  REVISIT: '待回访评价',
  SUPERVISOR_REVIEW: '督办复核',
  CLOSED: '已办结',
};

export const STATUS_ZH: Record<CaseStatus, string> = { OPEN: '办理中', CLOSED: '已办结' };
export const SOURCE_ZH: Record<CaseSource, string> = { COMPLAINT: '群众投诉', SPOT_CHECK: '抽查发现' };
export const SEVERITY_ZH: Record<Severity, string> = { GENERAL: '一般', SERIOUS: '严重加重基层负担', DISCIPLINARY: '违规违纪' };
export const SATISFACTION_ZH: Record<Satisfaction, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };
export const OUTCOME_ZH: Record<CaseOutcome, string> = {
  RESOLVED: '已解决',
  REJECTED: '不予受理',
  MERGED: '已合并',
  NOT_EVALUATED: '未评价自动办结',
  CLOSED_BY_SUPERVISOR: '督办复核办结',
};
export const REJECT_REASON_ZH: Record<RejectReason, string> = { OUT_OF_SCOPE: '不属于受理范围', NO_FACTS: '缺少具体事实', DUPLICATE_OF_CLOSED: '与已办结事项重复' };
export const FINDING_RESULT_ZH: Record<FindingResult, string> = { SUBSTANTIATED: '属实', PARTLY_SUBSTANTIATED: '部分属实', UNSUBSTANTIATED: '不属实' };
export const SUPERVISOR_DECISION_ZH: Record<SupervisorReviewDecision, string> = { CLOSE: '办结', REOPEN: '重新调查' };
export const DEADLINE_KIND_ZH: Record<DeadlineKind, string> = {
  ACCEPTANCE: '受理时限',
  DISPATCH: '交办时限',
  INVESTIGATION: '调查时限',
  SIGN: '签收时限',
  RECTIFICATION: '整改时限',
  REVIEW: '审核时限',
  FEEDBACK: '反馈时限',
};

export const TIME_UNIT_ZH: Record<TimeUnit, string> = { WORKING_DAY: '工作日', MINUTE: '分钟（仅演示）' };
/** The SLA policy's terms besides the stage lengths (DEADLINE_KIND_ZH), as the administration pages show them. */
export const SLA_TERM_ZH: Record<Exclude<keyof SlaTerms, 'timeUnit' | 'durations'>, string> = {
  revisitWindow: '回访评价期',
  maxRectification: '整改时限上限',
  maxExtension: '单次延期上限',
  supervisionGrace: '超期后发出督办',
  referralGrace: '超期后移送纪检监察',
  referralAcknowledge: '移送签收时限',
  referralConclude: '移送办结时限',
};

/** Statistics (README, "Statistics"): each rate's name, and the breakdowns. */
export const RATE_MEASURE_ZH: Record<RateMeasure, string> = {
  supervisionRate: '督办率',
  referralRate: '移送纪检监察率',
  rectificationCompletionRate: '整改完成率',
  returnRate: '整改退回率',
  reopenRate: '重新办理率',
  satisfactionRate: '满意率',
  evaluationRate: '参评率',
  overdueOpenRate: '当前超期在办率',
};
export const STATISTICS_TEXT_ZH = {
  onTimeRate: '按时办结率',
  handlingDays: '办理用时（工作日）',
  median: '中位数',
  p90: '90%分位数',
  cases: '案件数',
  small: '样本不足，不作比较',
} as const;
export const STATISTICS_GROUP_ZH: Record<StatisticsGroup, string> = {
  NONE: '合计',
  MONTH: '按月份',
  CATEGORY: '按问题类别',
  SOURCE: '按来源',
  HOST_UNIT: '按主办单位',
  ORGANIZATION: '按承办机构',
};

export const CIRCULAR_STATUS_ZH: Record<CircularStatus, string> = { DRAFT: '草稿', REVIEWED: '已审核', PUBLISHED: '已发布' };
export const CIRCULAR_ACTION_ZH: Record<CircularAction, string> = { edit: '修改', review: '审核', return: '退回修改', publish: '发布' };

export const ROLE_ZH: Record<Role, string> = {
  HANDLER: '承办人',
  HOST_UNIT_OPERATOR: '主办单位经办人',
  SUPERVISOR: '督办人',
  INSPECTOR: '抽查员',
  DISCIPLINE_OFFICER: '纪检监察人员',
  ADMIN: '系统管理员',
};
export const ACTOR_ZH: Record<Role | 'COMPLAINANT' | 'SYSTEM', string> = { ...ROLE_ZH, COMPLAINANT: '投诉人', SYSTEM: '系统' };

export const ORGANIZATION_KIND_ZH: Record<OrganizationKind, string> = {
  CENTRAL_OFFICE: '中央网信办',
  PROVINCIAL_OFFICE: '省级网信办',
  CITY_OFFICE: '市级网信办',
  HOST_UNIT: '主办（使用）单位',
  DISCIPLINE_BODY: '纪检监察机关',
};

export const REFERRAL_STATUS_ZH: Record<ReferralStatus, string> = { AWAITING_ACK: '待签收', ACKNOWLEDGED: '已签收，办理中', CONCLUDED: '已办结' };
export const REFERRAL_REASON_ZH: Record<ReferralReason, string> = {
  SERIOUS_FINDING: '查实严重加重基层负担',
  DISCIPLINARY_FINDING: '查实违规违纪',
  OVERDUE: '超期未办',
  SECOND_BREACH: '再次超期',
};
export const EVIDENCE_OWNER_ZH: Record<EvidenceOwner, string> = { COMPLAINANT: '投诉人', HANDLER: '承办人', HOST_UNIT: '主办单位', SUPERVISOR: '督办人' };
export const ACCOUNTABILITY_OUTCOME_ZH: Record<AccountabilityOutcome, string> = {
  NO_ACCOUNTABILITY: '不予问责',
  ADMONISHMENT_TALK: '诫勉谈话',
  CIRCULATED_CRITICISM: '通报批评',
  DISCIPLINARY_SANCTION: '党纪政务处分',
};

/** The registry (the Excel sheet's cells use these labels too, so they must stay distinct within each dictionary). */
export const REGISTRY_KIND_ZH: Record<RegistryKind, string> = { APP: '政务App', MINI_PROGRAM: '政务小程序', PUBLIC_ACCOUNT: '政务公众账号', WORK_GROUP: '工作群组' };
export const REGISTRY_PLATFORM_ZH: Record<RegistryPlatform, string> = {
  ANDROID_IOS: '安卓和iOS',
  ANDROID: '安卓',
  IOS: 'iOS',
  HARMONYOS: '鸿蒙',
  WECHAT: '微信',
  ALIPAY: '支付宝',
  DOUYIN: '抖音',
  BAIDU: '百度',
  WEIBO: '微博',
  TOUTIAO: '今日头条',
  KUAISHOU: '快手',
  BILIBILI: '哔哩哔哩',
  WECOM: '企业微信',
  DINGTALK: '钉钉',
  QQ: 'QQ',
  OTHER: '其他',
};
export const RESTRICTED_FEATURE_ZH: Record<RestrictedFeature, string> = { CHECK_IN: '打卡签到', POINTS_RANKING: '积分排名', ONLINE_TIME: '在线时长' };
export const REGISTRY_STATUS_ZH: Record<RegistryStatus, string> = { ACTIVE: '运行中', CLOSING: '关停公告中', CLOSED: '已关停' };
export const REGISTRY_FLAG_ZH: Record<RegistryFlag, { label: string; explain: string }> = {
  DORMANT: { label: '僵尸', explain: '运行中，但长期未更新内容、无人使用' },
  DUPLICATE: { label: '疑似重复', explain: '同地区、同级单位有名称相近的同类条目' },
  UNAPPROVED_FEATURE: { label: '强制功能未审批', explain: '设置了打卡签到、积分排名或在线时长功能，未经审批' },
  TOO_MANY_ACCOUNTS: { label: '账号过多', explain: '主办单位在用的公众账号超过规定数量' },
};
export const SCORE_FACTOR_ZH: Record<ScoreFactor, string> = { USER_SCALE: '用户规模', FEATURES: '强制功能', FREQUENCY: '使用频率', REACH: '影响范围', COMPLAINTS: '投诉情况' };
/** An entry's fields by name, for forms and the version history (the same words as the sheet's headers). */
export const REGISTRY_FIELD_NAMES: Record<string, string> = {
  name: '名称',
  kind: '类型',
  platform: '平台',
  hostUnitId: '主办单位',
  regionCode: '地区',
  icpFiling: 'ICP备案号',
  launchedOn: '上线日期',
  declaredUsers: '用户规模（人）',
  features: '限制类功能',
  status: '状态',
  closingAnnouncedOn: '关停公告日期',
  lastContentUpdateOn: '最近内容更新日期',
  lastUsedOn: '最近使用日期',
};
export const REGISTRY_CHANGE_ZH: Record<RegistryChange, string> = { CREATED: '登记', UPDATED: '修改', IMPORTED: 'Excel导入' };

/**
 * Spot-check campaigns (抽查评估). The strata are named by the sampler: kinds, region levels or score bands,
 * or ALL when the sample is not split.
 */
export const CAMPAIGN_STATUS_ZH: Record<CampaignStatus, string> = { DRAFT: '待抽样', IN_PROGRESS: '检查中', CLOSED: '已结束' };
export const CAMPAIGN_ITEM_STATUS_ZH: Record<CampaignItemStatus, string> = { UNASSIGNED: '待分派', ASSIGNED: '待检查', PASSED: '通过', FAILED: '未通过' };
export const CAMPAIGN_STRATA_ZH: Record<CampaignStrata, { label: string; explain: string }> = {
  NONE: { label: '不分层', explain: '范围内全部条目作为一层抽取' },
  KIND: { label: '按类型', explain: '政务App、小程序、公众账号、工作群组各为一层' },
  REGION_LEVEL: { label: '按地区层级', explain: '按条目所在地区分省级、市级、区县级' },
  MONITORING_BAND: { label: '按重点监测得分', explain: '高（60分及以上）、中（30至59.9分）、低（30分以下）' },
};
export const CAMPAIGN_STRATUM_ZH: Record<string, string> = {
  ALL: '全部',
  ...REGISTRY_KIND_ZH,
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '区县级',
  HIGH: '高（60分及以上）',
  MEDIUM: '中（30至59.9分）',
  LOW: '低（30分以下）',
};
export const CAMPAIGN_WEIGHTING_ZH: Record<CampaignWeighting, { label: string; explain: string }> = {
  EQUAL: { label: '等概率', explain: '层内每个条目被抽中的机会相同' },
  MONITORING_SCORE: { label: '按重点监测得分', explain: '得分越高越容易被抽中；0分的条目在其他条目抽完后才会抽到' },
  COMPLAINTS: { label: '按投诉数量', explain: '权重为 1 加上指向该条目的投诉和抽查发现数' },
};

/** Each action as a button, and a sentence on what it does. */
export const ACTION_ZH: Record<CaseAction, { label: string; explain: string }> = {
  accept: { label: '受理', explain: '符合受理条件，予以受理，开始交办时限。' },
  reject: { label: '不予受理', explain: '说明理由后不予受理，案件办结。' },
  merge: { label: '合并', explain: '并入同一对象、同一类别的在办案件，本案办结。' },
  dispatch: { label: '交办', explain: '指定调查单位和被投诉的主办单位。' },
  finding: { label: '录入调查结论', explain: '属实或部分属实的发出整改通知；不属实的转入反馈。严重、违规违纪的即移送纪检监察。' },
  sign: { label: '签收整改通知', explain: '签收后开始整改时限。' },
  'submit-rectification': { label: '提交整改', explain: '提交整改方案和佐证材料，送审核。' },
  'approve-rectification': { label: '审核通过（销号）', explain: '整改到位，转入反馈。' },
  'return-rectification': { label: '退回重改', explain: '整改不到位，退回并重新计算整改时限。' },
  reply: { label: '答复投诉人', explain: '把办理结果答复投诉人；有查询码的进入回访。' },
  'request-extension': { label: '申请延期', explain: '在时限届满前申请，每个环节一次，最多15个工作日。' },
  'decide-extension': { label: '审批延期', explain: '同意或不同意待批的延期申请。' },
  supervise: { label: '督办', explain: '下发督办意见；在督办复核环节决定办结或重新调查。' },
  evaluate: { label: '回访评价', explain: '投诉人对办理结果作出评价。' },
  'attach-evidence': { label: '上传证据材料', explain: '上传截图、照片或PDF；按内容识别类型，图片去除拍摄信息和位置，记录SHA-256。' },
};

/** Labels of the action fields, by field name. */
export const FIELD_ZH: Record<string, string> = {
  note: '备注',
  reason: '理由',
  targetCaseId: '并入案件',
  investigatingOrgId: '调查单位',
  hostUnitId: '被投诉主办单位',
  result: '调查结论',
  severity: '严重程度',
  summary: '调查情况',
  plan: '整改方案',
  evidence: '佐证材料',
  content: '答复内容',
  days: '延期天数（工作日）',
  approve: '是否同意',
  decision: '复核决定',
  rectificationDays: '整改时限（工作日）',
  satisfaction: '满意度',
  comment: '评价意见',
  files: '证据材料',
};

/** The choices of action fields, by field name: what the form shows for each value. */
export const FIELD_CHOICE_ZH: Record<string, Record<string, string>> = {
  reason: REJECT_REASON_ZH,
  result: FINDING_RESULT_ZH,
  severity: SEVERITY_ZH,
  decision: SUPERVISOR_DECISION_ZH,
  satisfaction: SATISFACTION_ZH,
};

/** Timeline events. */
export const EVENT_ZH: Record<string, string> = {
  SUBMITTED: '提交投诉',
  SPOT_CHECK_FINDING: '抽查发现问题',
  ACCEPTED: '受理',
  REJECTED: '不予受理',
  MERGED: '合并至其他案件',
  MERGED_IN: '并入案件',
  DISPATCHED: '交办',
  FINDING_RECORDED: '录入调查结论',
  RECTIFICATION_NOTICE_SENT: '发出整改通知',
  NOTICE_SIGNED: '签收整改通知',
  RECTIFICATION_SUBMITTED: '提交整改',
  RECTIFICATION_APPROVED: '整改审核通过',
  RECTIFICATION_RETURNED: '整改退回重改',
  REPLIED: '答复投诉人',
  EVALUATED: '回访评价',
  REOPENED: '重新调查',
  SUPERVISOR_CLOSED: '督办复核办结',
  REVISIT_EXPIRED: '回访期满未评价',
  CLOSED: '办结',
  EXTENSION_REQUESTED: '申请延期',
  EXTENSION_APPROVED: '同意延期',
  EXTENSION_REFUSED: '不同意延期',
  SUPERVISION_ORDERED: '督办',
  DEADLINE_WARNING: '时限预警',
  DEADLINE_MISSED: '超过时限',
  REFERRED_TO_DISCIPLINE: '移送纪检监察',
  EVIDENCE_ATTACHED: '上传证据材料',
  EVIDENCE_FORWARDED: '转交脱敏材料给主办单位',
};

/** In-app notices. */
export const NOTICE_ZH: Record<string, string> = {
  CASE_DISPATCHED: '案件已交办',
  RECTIFICATION_NOTICE: '收到整改通知',
  RECTIFICATION_TO_REVIEW: '整改待审核',
  RECTIFICATION_RETURNED: '整改被退回',
  SUPERVISOR_REVIEW: '待督办复核',
  EXTENSION_REQUESTED: '延期待审批',
  SUPERVISION_ORDER: '督办通知',
  DEADLINE_WARNING: '时限预警',
  DEADLINE_REMINDER: '超期提醒',
  REFERRAL: '移送纪检监察',
  REFERRAL_RECEIVED: '收到移送',
  EVIDENCE_INTEGRITY: '证据文件校验失败',
  CAMPAIGN_ITEM_ASSIGNED: '收到抽查任务',
  CAMPAIGN_ITEM_REMINDER: '抽查任务即将到期',
  CAMPAIGN_ITEM_OVERDUE: '抽查任务超期',
};

/** Looks a value up in a dictionary, showing the raw value when it has no label (never an empty cell). */
export function zh(dictionary: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return '—';
  return dictionary[value] ?? value;
}

/** An enum's values with their zh-CN labels, for the API docs: "FORCED_USE 强制使用 · FORCED_CHECKIN 打卡接龙、即时响应 · …". */
export function zhValues(dictionary: Record<string, string | { label: string }>): string {
  return Object.entries(dictionary)
    .map(([value, text]) => `\`${value}\` ${typeof text === 'string' ? text : text.label}`)
    .join(' · ');
}
