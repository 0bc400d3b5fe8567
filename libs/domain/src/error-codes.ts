import { ACTION_ZH, ORGANIZATION_KIND_ZH, STEP_ZH, ROLE_ZH } from './labels-zh-cn';

/**
 * Stable codes for the API's refusals and errors, sent beside the English `message` so that clients
 * show their own text. Each code is recognised from the message the rules produce (the rules keep
 * their wording; a new message without a row here gets the status's generic code).
 */
export interface ErrorCodeRule {
  code: string;
  pattern: RegExp;
  /** zh-CN text; `{1}`, `{2}` are the pattern's groups, labelled when they name an action, a step, roles or organization kinds. */
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
  // Administration (the directory rules, the central office's national settings).
  { code: 'CENTRAL_OFFICE_ONLY', pattern: /^Only the central office changes national settings$/, zh: '只有中央网信办的管理员可以修改时限规则和节假日安排' },
  { code: 'USERNAME_TAKEN', pattern: /^username (\S+) is taken$/, zh: '用户名 {1} 已被使用' },
  { code: 'ADMIN_SELF_LOCKOUT', pattern: /^Administrators cannot lock themselves out$/, zh: '管理员不能停用自己、调离本机构或取消自己的管理员角色' },
  { code: 'DISCIPLINE_ACCOUNTS_ABOVE', pattern: /^accounts of a discipline body are managed by the level above/, zh: '纪检监察机关的账号由其所监督机关的上一级（或中央网信办）管理' },
  { code: 'ORGANIZATION_KIND_NOT_UNDER', pattern: /^(?:\w+: )?a ([A-Z_]+) cannot be placed under a ([A-Z_]+)$/, zh: '{2}下不能设立{1}' },
  { code: 'ROLE_NOT_AT_ORGANIZATION', pattern: /^(?:\w+: )?a ([A-Z_]+) belongs to a (.+), not a ([A-Z_]+)$/, zh: '{1}只能设在{2}，不能设在{3}' },
  { code: 'REGION_OUTSIDE_PARENT', pattern: /^(?:\w+: )?region (\d{6}) is outside the parent's region (\d{6})$/, zh: '地区 {1} 不在上级机构的地区 {2} 之内' },
  { code: 'ORGANIZATION_OUT_OF_REACH', pattern: /^(?:\w+: )?no such organization within your jurisdiction$/, zh: '所选机构不存在，或不在您的管辖范围内' },
  { code: 'SLA_TERMS_INVALID', pattern: /^Invalid SLA terms: /, zh: '时限规则有误，请按标出的各项修改' },
  { code: 'CALENDAR_OVERRIDES_INVALID', pattern: /^Invalid calendar overrides: /, zh: '节假日调整有误：日期须真实，说明 1 至 64 字，连续放假不超过 31 天' },
  { code: 'CALENDAR_SAVED_NOT_BROADCAST', pattern: /^The overrides are saved, but Temporal did not answer/, zh: '节假日调整已保存，但工作流服务暂未响应；系统会自动重试，在办案件的时限稍后更新' },
  { code: 'WRONG_CREDENTIALS', pattern: /^Wrong username or password$/, zh: '用户名或密码错误' },
  { code: 'TOKEN_INVALID', pattern: /^(Invalid or expired token|Missing bearer token)$/, zh: '登录已过期，请重新登录' },
  { code: 'CASE_REGISTERING', pattern: /^the case is still being registered/, zh: '案件正在登记，请稍候再试' },
  { code: 'EVIDENCE_NONE', pattern: /^no evidence file was sent$/, zh: '请选择要上传的文件' },
  { code: 'EVIDENCE_TOO_MANY', pattern: /^at most (\d+) files per upload$/, zh: '每次最多上传{1}个文件' },
  { code: 'EVIDENCE_CASE_FULL', pattern: /^a case holds at most (\d+) evidence files$/, zh: '每个案件最多保存{1}个证据文件' },
  { code: 'EVIDENCE_FILE_TOO_LARGE', pattern: /^File too large$/, zh: '文件超过大小限制（每个文件最多10MB）' },
  { code: 'EVIDENCE_TOO_MANY_FILES', pattern: /^Too many files(?: - .*)?$/, zh: '每次最多上传5个文件' },
  { code: 'EVIDENCE_UNEXPECTED_FIELD', pattern: /^(?:Multipart: )?(?:Unexpected (?:file )?field|Too many (?:parts|fields)|Field (?:value|name) too long|Field name missing|Field name nesting too deep|Field name array index too large|Invalid field name|Boundary not found|Malformed part header|Unexpected end of (?:form|file))(?: - .*)?$/, zh: '上传表单格式有误：文件须放在 files 字段中' },
  { code: 'EVIDENCE_TOO_LARGE', pattern: /^file (\d+) is larger than (\d+) MB$/, zh: '第{1}个文件超过{2}MB' },
  { code: 'EVIDENCE_TYPE_NOT_ALLOWED', pattern: /^file (\d+) is not an allowed type$/, zh: '第{1}个文件的类型不允许上传（按文件内容识别，仅限JPEG、PNG、WebP图片，工作人员另可上传PDF）' },
  { code: 'EVIDENCE_IMAGE_UNREADABLE', pattern: /^file (\d+) is not a readable image$/, zh: '第{1}个文件无法作为图片读取' },
  { code: 'EVIDENCE_BAD_REFERENCE', pattern: /^an evidence reference needs a file id and its SHA-256$/, zh: '证据文件标识无效' },
  { code: 'EVIDENCE_HOST_UNIT_STEP', pattern: /^the host unit attaches evidence only during rectification$/, zh: '主办单位只能在整改环节上传证据材料' },
  { code: 'EVIDENCE_FORWARD_HANDLER_ONLY', pattern: /^only a handler forwards a redacted copy to the host unit$/, zh: '只有承办人可以向主办单位转交脱敏材料' },
  { code: 'EVIDENCE_INTEGRITY', pattern: /^The stored file does not match its recorded SHA-256/, zh: '文件内容与登记的SHA-256不一致，已拒绝下载并上报' },
  { code: 'EVIDENCE_STORAGE_MISSING', pattern: /^The stored file is missing/, zh: '文件已不在存储中，已上报' },
  { code: 'DOWNLOAD_LINK_INVALID', pattern: /^The download link is invalid or has expired$/, zh: '下载链接无效或已过期，请重新获取' },
  { code: 'REFERRAL_PACKAGE_NOT_READY', pattern: /^The referral package is not built yet$/, zh: '移送材料包尚未生成，请稍后再试' },
  { code: 'SAVED_FILTERS_FULL', pattern: /^At most (\d+) saved filters$/, zh: '最多保存{1}个筛选，请先删除不用的' },
  { code: 'CSRF_HEADER_MISSING', pattern: /^A request signed in by the session cookie must carry X-Requested-With$/, zh: '请求未通过安全校验，请刷新页面后重试' },
  { code: 'REGISTRY_ENTRY_INVALID', pattern: /^Invalid registry entry: /, zh: '登记信息有误，请按各项提示修改' },
  { code: 'REGISTRY_ENTRY_EXISTS', pattern: /^The host unit already has an entry of this kind and name$/, zh: '该主办单位已登记同类型、同名称的条目' },
  { code: 'REGISTRY_ICP_TAKEN', pattern: /^The ICP filing number is registered to another entry$/, zh: '该ICP备案号已登记在其他条目' },
  { code: 'REGISTRY_ENTRY_UNKNOWN', pattern: /^No such registry entry$/, zh: '所选的登记条目不存在，请重新选择或直接填写名称' },
  { code: 'REGISTRY_ENTRY_WRONG_TYPE', pattern: /^The registry entry is not of the subject type$/, zh: '所选的登记条目与投诉对象类型不符' },
  { code: 'REGISTRY_SHEET_UNREADABLE', pattern: /^Unreadable registry sheet: /, zh: '无法读取登记表：请使用导出的Excel模板（.xlsx），表头不可改动，最多2000行' },
  { code: 'REGISTRY_SHEET_EXPECTED', pattern: /^Send the workbook as the body/, zh: '请上传Excel登记表（.xlsx）' },
  { code: 'STATISTICS_PERIOD_INVALID', pattern: /^The period must be /, zh: '统计期间有误：请填写月份（2026-11）、季度（2026-Q4）、年度（2026），或起止月份（起始不晚于截止，最长10年）' },
  { code: 'STATISTICS_SCOPE_TOO_LARGE', pattern: /^More than (\d+) cases in scope/, zh: '范围内案件超过{1}件，请缩小期间、机构或筛选条件后再查看明细' },
  { code: 'CIRCULAR_PUBLISHED', pattern: /^a published circular cannot change$/, zh: '已发布的通报不能再修改' },
  { code: 'CIRCULAR_AUTHOR_REVIEW', pattern: /^the author of a circular cannot review it$/, zh: '通报起草人不能审核自己起草的通报' },
  { code: 'CIRCULAR_NOT_NOW', pattern: /^[a-z]+ is not allowed while the circular is [A-Z]+$/, zh: '通报当前所处状态下不能进行此操作' },
  { code: 'CAMPAIGN_OFFICE_ONLY', pattern: /^Campaigns are run by a central or provincial office$/, zh: '抽查评估由中央或省级网信部门的管理员、抽查员组织' },
  { code: 'CAMPAIGN_INVALID', pattern: /^Invalid campaign/, zh: '抽查评估的设置或检查结果有误，请按各项提示修改' },
  { code: 'CAMPAIGN_NOT_ASSIGNEE', pattern: /^only the inspector assigned to the item records its result$/, zh: '只有被分派的抽查员可以登记该抽查对象的检查结果' },
  { code: 'CAMPAIGN_NOT_NOW', pattern: /^[a-z]+ is not allowed while the campaign is [A-Z_]+$/, zh: '抽查评估当前所处状态下不能进行此操作' },
  { code: 'CAMPAIGN_ITEM_DONE', pattern: /^the item's result is already recorded$/, zh: '该抽查对象已登记检查结果' },
  { code: 'CAMPAIGN_SCOPE_EMPTY', pattern: /^no registry entry in the campaign's scope$/, zh: '抽查范围内没有已登记的政务应用程序、公众账号或工作群组' },
  { code: 'CAMPAIGN_REGISTERING', pattern: /^the campaign is still being registered/, zh: '抽查评估正在登记，请稍候再试' },
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
    .map(
      (part) =>
        ACTION_ZH[part as keyof typeof ACTION_ZH]?.label ??
        STEP_ZH[part as keyof typeof STEP_ZH] ??
        ROLE_ZH[part as keyof typeof ROLE_ZH] ??
        ORGANIZATION_KIND_ZH[part as keyof typeof ORGANIZATION_KIND_ZH] ??
        part,
    )
    .join('或');

/** The zh-CN text of an error code, with its values labelled. */
export function errorTextZh(statusCode: number, code: string | undefined, params: readonly string[] = []): string {
  const rule = ERROR_CODE_RULES.find((r) => r.code === code);
  if (rule) return rule.zh.replace(/\{(\d)\}/g, (_, i: string) => labelParam(params[Number(i) - 1] ?? ''));
  const generic = Object.values(STATUS_CODES_ZH).find((s) => s.code === code) ?? STATUS_CODES_ZH[statusCode] ?? STATUS_CODES_ZH[500];
  return generic.zh;
}
