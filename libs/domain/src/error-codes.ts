import { ACTION_ZH, STEP_ZH, ROLE_ZH } from './labels-zh-cn';

/**
 * Stable codes for the API's refusals and errors, sent beside the English `message` so that clients
 * show their own text. Each code is recognised from the message the rules produce (the rules keep
 * their wording; a new message without a row here gets the status's generic code).
 */
export interface ErrorCodeRule {
  code: string;
  pattern: RegExp;
  /** zh-CN text; `{1}`, `{2}` are the pattern's groups, labelled when they name an action, a step or roles. */
  zh: string;
}

export const ERROR_CODE_RULES: readonly ErrorCodeRule[] = [
  { code: 'ACTION_NOT_IN_STEP', pattern: /^([a-z-]+) is not allowed while the case is ([A-Z_]+)$/, zh: '案件处于「{2}」环节，不能{1}' },
  { code: 'ACTION_NEEDS_ROLE', pattern: /^([a-z-]+) needs the role (.+)$/, zh: '{1}需由{2}办理' },
  { code: 'ROLE_REQUIRED', pattern: /^This action needs one of the roles: (.+)$/, zh: '此操作需由{1}办理' },
  { code: 'EXTENSION_NOT_ASSIGNEE', pattern: /^only the ([A-Z_]+) in charge of this step may ask for an extension$/, zh: '只有当前环节的{1}可以申请延期' },
  { code: 'EXTENSION_NO_DEADLINE', pattern: /^no deadline is running$/, zh: '当前没有正在计算的时限' },
  { code: 'EXTENSION_TOO_LATE', pattern: /^an extension must be requested before the deadline$/, zh: '须在时限届满前申请延期' },
  { code: 'EXTENSION_PENDING', pattern: /^an extension request is already pending$/, zh: '已有待审批的延期申请' },
  { code: 'EXTENSION_USED', pattern: /^this stage already had its one extension request$/, zh: '本环节已申请过一次延期' },
  { code: 'EXTENSION_NONE_PENDING', pattern: /^no extension request is pending$/, zh: '没有待审批的延期申请' },
  { code: 'HOST_UNIT_SELF_INVESTIGATION', pattern: /^the implicated host unit cannot investigate/, zh: '被投诉的主办单位不能调查针对自己的投诉' },
  { code: 'DECISION_ONLY_IN_REVIEW', pattern: /^a decision is only taken in a supervisor review$/, zh: '只有在督办复核环节才能作出办结或重新调查的决定' },
  { code: 'RECTIFICATION_DAYS_NOT_NOW', pattern: /^the rectification time can only be set during rectification$/, zh: '只有在整改环节才能设置整改时限' },
  { code: 'RECTIFICATION_DAYS_TOO_MANY', pattern: /^rectification is at most (\d+) working days$/, zh: '整改时限最多{1}个工作日' },
  { code: 'CASE_FINISHED', pattern: /^This case or referral is already finished$/, zh: '该案件或移送已办结' },
  { code: 'MERGE_TARGET_INVALID', pattern: /^The target must be another open case/, zh: '只能并入本辖区内同一对象、同一类别的另一在办案件' },
  { code: 'ANONYMOUS_NOTHING_TO_REVEAL', pattern: /^This complaint is anonymous/, zh: '该投诉为匿名投诉，没有可查看的投诉人信息' },
  { code: 'NOT_CONFIRMED', pattern: /^The action was not confirmed within/, zh: '操作未能及时确认，可能仍会生效。请先刷新案件再决定是否重试' },
  { code: 'SERVICE_UNAVAILABLE', pattern: /service is unavailable|database is unavailable/, zh: '服务暂时不可用，未作任何更改，请稍后重试' },
  { code: 'REFERRAL_NOT_AWAITING', pattern: /^the referral is not awaiting acknowledgement$/, zh: '该移送不在待签收状态' },
  { code: 'REFERRAL_NOT_ACKNOWLEDGED', pattern: /^only an acknowledged referral can be concluded$/, zh: '移送签收后才能办结' },
  { code: 'REFERRAL_OTHER_BODY', pattern: /^the referral is held by another discipline body now$/, zh: '该移送现由其他纪检监察机关办理' },
  { code: 'WRONG_CREDENTIALS', pattern: /^Wrong username or password$/, zh: '用户名或密码错误' },
  { code: 'TOKEN_INVALID', pattern: /^(Invalid or expired token|Missing bearer token)$/, zh: '登录已过期，请重新登录' },
  { code: 'SAVED_FILTERS_FULL', pattern: /^At most (\d+) saved filters$/, zh: '最多保存{1}个筛选，请先删除不用的' },
  { code: 'CSRF_HEADER_MISSING', pattern: /^A request signed in by the session cookie must carry X-Requested-With$/, zh: '请求未通过安全校验，请刷新页面后重试' },
  { code: 'STATISTICS_PERIOD_INVALID', pattern: /^The period must be /, zh: '统计期间有误：请填写月份（2026-11）、季度（2026-Q4）、年度（2026），或起止月份（起始不晚于截止，最长10年）' },
  { code: 'STATISTICS_SCOPE_TOO_LARGE', pattern: /^More than (\d+) cases in scope/, zh: '范围内案件超过{1}件，请缩小期间、机构或筛选条件后再查看明细' },
  { code: 'CIRCULAR_PUBLISHED', pattern: /^a published circular cannot change$/, zh: '已发布的通报不能再修改' },
  { code: 'CIRCULAR_AUTHOR_REVIEW', pattern: /^the author of a circular cannot review it$/, zh: '通报起草人不能审核自己起草的通报' },
  { code: 'CIRCULAR_NOT_NOW', pattern: /^[a-z]+ is not allowed while the circular is [A-Z]+$/, zh: '通报当前所处状态下不能进行此操作' },
  { code: 'NOT_FOUND', pattern: /not found$|^No case with this number and access code$|^No such region/, zh: '未找到，或不在您的办理范围内' },
];

/** The generic code of a status, when no rule matches. */
export const STATUS_CODES_ZH: Record<number, { code: string; zh: string }> = {
  400: { code: 'BAD_REQUEST', zh: '填写的内容有误' },
  401: { code: 'UNAUTHENTICATED', zh: '请先登录' },
  403: { code: 'FORBIDDEN', zh: '您的角色不能进行此操作' },
  404: { code: 'NOT_FOUND', zh: '未找到，或不在您的办理范围内' },
  409: { code: 'CONFLICT', zh: '当前状态下不能进行此操作' },
  413: { code: 'TOO_LARGE', zh: '提交的内容过大' },
  422: { code: 'UNPROCESSABLE', zh: '提交的内容无法处理' },
  429: { code: 'TOO_MANY_REQUESTS', zh: '操作过于频繁，请稍后再试' },
  500: { code: 'INTERNAL', zh: '系统出错，请稍后再试' },
  503: { code: 'SERVICE_UNAVAILABLE', zh: '服务暂时不可用，请稍后重试' },
};

export interface ErrorCode {
  code: string;
  /** The values the message carried (an action, a step, roles, a number), for the client's own text. */
  params?: string[];
}

/** The stable code of an error answer, from its status and message. */
export function errorCodeOf(statusCode: number, message: string): ErrorCode {
  if (statusCode !== 400 || !message.startsWith('Validation failed')) {
    for (const rule of ERROR_CODE_RULES) {
      const match = rule.pattern.exec(message);
      if (match) return match.length > 1 ? { code: rule.code, params: match.slice(1) } : { code: rule.code };
    }
  }
  const generic = STATUS_CODES_ZH[statusCode] ?? (statusCode >= 500 ? STATUS_CODES_ZH[500] : STATUS_CODES_ZH[400]);
  return { code: generic.code };
}

const labelParam = (value: string): string =>
  value
    .split(/ or |, /)
    .map((part) => ACTION_ZH[part as keyof typeof ACTION_ZH]?.label ?? STEP_ZH[part as keyof typeof STEP_ZH] ?? ROLE_ZH[part as keyof typeof ROLE_ZH] ?? part)
    .join('或');

/** The zh-CN text of an error code, with its values labelled. */
export function errorTextZh(statusCode: number, code: string | undefined, params: readonly string[] = []): string {
  const rule = ERROR_CODE_RULES.find((r) => r.code === code);
  if (rule) return rule.zh.replace(/\{(\d)\}/g, (_, i: string) => labelParam(params[Number(i) - 1] ?? ''));
  const generic = Object.values(STATUS_CODES_ZH).find((s) => s.code === code) ?? STATUS_CODES_ZH[statusCode] ?? STATUS_CODES_ZH[500];
  return generic.zh;
}
