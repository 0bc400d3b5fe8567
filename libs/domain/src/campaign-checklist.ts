import type { Category } from './case-vocabulary';
import type { RegistryKind } from './registry-vocabulary';

/** One question an inspector answers about a sampled entry; a "no" becomes a finding of its category. */
export interface ChecklistItem {
  checkId: string;
  /** zh-CN: what is checked. */
  title: string;
  /** zh-CN: the policy's words the check rests on (003, 关于防治"指尖上的形式主义"的若干意见). */
  article: string;
  category: Category;
  appliesTo: readonly RegistryKind[];
}

const APPS: readonly RegistryKind[] = ['APP', 'MINI_PROGRAM'];
const ALL: readonly RegistryKind[] = ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT', 'WORK_GROUP'];

/** The spot-check checklist (抽查评估), drawn from the policy's articles, in the order an inspector goes through it. */
export const CAMPAIGN_CHECKLIST: readonly ChecklistItem[] = [
  { checkId: 'FORCED_DOWNLOAD', title: '未强制推广下载、未限定安装使用率', article: '不得强制推广下载，不得限定用户安装使用率', category: 'FORCED_USE', appliesTo: APPS },
  { checkId: 'FORCED_LOGIN', title: '未强制要求定期登录', article: '不得强制要求定期登录等', category: 'FORCED_USE', appliesTo: APPS },
  { checkId: 'FORCED_FOLLOW', title: '推广使用未作强制性要求', article: '政务公众账号的推广使用应从实际需求出发，不得作强制性要求', category: 'FORCED_USE', appliesTo: ['PUBLIC_ACCOUNT'] },
  { checkId: 'CHECK_IN', title: '未设置打卡签到功能（或经严格审批）', article: '原则上不得设置打卡签到、积分排名、在线时长等强制使用功能', category: 'FORCED_CHECKIN', appliesTo: APPS },
  { checkId: 'POINTS_RANKING', title: '未设置积分排名，或其数据未用于通报排名和考评', article: '设置积分排名、在线时长的政务应用程序，不应将内部掌握的相关数据用于通报排名和考评', category: 'RANKING_ABUSE', appliesTo: APPS },
  { checkId: 'ONLINE_TIME', title: '未设置在线时长等强制使用功能', article: '原则上不得设置打卡签到、积分排名、在线时长等强制使用功能', category: 'MANDATORY_FEATURES', appliesTo: APPS },
  { checkId: 'EXCESSIVE_TRACE', title: '未以工作留痕代替实际成效、未要求上传不必要的截图或视频', article: '不得简单以工作留痕代替实际工作成效评价，不得随意要求下级和基层单位通过政务应用程序、工作群组上传不必要的截图或视频', category: 'EXCESSIVE_TRACE', appliesTo: ALL },
  { checkId: 'GROUP_CHECK_IN', title: '群内未脱离实际强制打卡接龙、即时响应', article: '在工作群组中，不得脱离工作实际强制要求打卡接龙、即时响应', category: 'FORCED_CHECKIN', appliesTo: ['WORK_GROUP'] },
  { checkId: 'TASK_DUMPING', title: '未随意摊派任务、索要材料', article: '不得随意摊派任务、索要材料', category: 'TASK_DUMPING', appliesTo: ['WORK_GROUP', 'APP', 'MINI_PROGRAM'] },
  { checkId: 'REPEATED_REPORTING', title: '填表报数经统筹，未多头填报、重复索要数据', article: '针对同一事项或数据，原则上应通过“一站式”综合平台、“一张表”形式报送，防止多头填报、重复索要数据', category: 'DUPLICATE_REPORTING', appliesTo: ['APP', 'MINI_PROGRAM', 'WORK_GROUP'] },
  { checkId: 'TOO_MANY_GROUPS', title: '未重复建群、群组数量与工作实际相符', article: '越拉越多的群……（规范工作群组管理，防止过多过滥）', category: 'DUPLICATE_REPORTING', appliesTo: ['WORK_GROUP'] },
  { checkId: 'ZOMBIE_SHELL', title: '非“空壳”“僵尸”：内容及时更新、实际在用', article: '防止“空壳”“僵尸”；注册运营政务公众账号，要严格控制数量，加强信息更新', category: 'ZOMBIE_SHELL', appliesTo: ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT'] },
  { checkId: 'DATA_SECURITY', title: '落实数据安全和个人信息保护', article: '落实网络安全、数据安全、个人信息保护等相关法律法规，依法依规保护数据和个人信息安全', category: 'DATA_SECURITY', appliesTo: ALL },
];

/** The checks asked of an entry of a kind, in checklist order. */
export const checksFor = (kind: RegistryKind): string[] => CAMPAIGN_CHECKLIST.filter((c) => c.appliesTo.includes(kind)).map((c) => c.checkId);

export const checklistItem = (checkId: string): ChecklistItem | undefined => CAMPAIGN_CHECKLIST.find((c) => c.checkId === checkId);
