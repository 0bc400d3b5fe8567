import type { Role } from './roles';

/**
 * The registry of government apps, mini programs, public accounts and work groups (审核备案, 主办单位):
 * its vocabulary, as data. The zh-CN labels are in labels-zh-cn.ts.
 */
export const REGISTRY_KINDS = ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT', 'WORK_GROUP'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const REGISTRY_PLATFORMS = [
  'ANDROID_IOS', 'ANDROID', 'IOS', 'HARMONYOS',
  'WECHAT', 'ALIPAY', 'DOUYIN', 'BAIDU', 'WEIBO', 'TOUTIAO', 'KUAISHOU', 'BILIBILI',
  'WECOM', 'DINGTALK', 'QQ', 'OTHER',
] as const;
export type RegistryPlatform = (typeof REGISTRY_PLATFORMS)[number];

/** Where each kind of entry can run: an app is not on Weibo, a work group is not an Android package. */
export const PLATFORMS_BY_KIND: Record<RegistryKind, readonly RegistryPlatform[]> = {
  APP: ['ANDROID_IOS', 'ANDROID', 'IOS', 'HARMONYOS', 'OTHER'],
  MINI_PROGRAM: ['WECHAT', 'ALIPAY', 'DOUYIN', 'BAIDU', 'OTHER'],
  PUBLIC_ACCOUNT: ['WECHAT', 'WEIBO', 'DOUYIN', 'TOUTIAO', 'KUAISHOU', 'BILIBILI', 'OTHER'],
  WORK_GROUP: ['WECHAT', 'WECOM', 'DINGTALK', 'QQ', 'OTHER'],
};

/** Kinds that carry an ICP filing number (apps and mini programs are filed since 2023; accounts and groups are not). */
export const ICP_FILED_KINDS: readonly RegistryKind[] = ['APP', 'MINI_PROGRAM'];

/** The features the policy restricts: allowed only when strictly approved (原则上不得设置…确需设置的应严格审批). */
export const RESTRICTED_FEATURES = ['CHECK_IN', 'POINTS_RANKING', 'ONLINE_TIME'] as const;
export type RestrictedFeature = (typeof RESTRICTED_FEATURES)[number];

export interface RegistryFeature {
  feature: RestrictedFeature;
  approved: boolean;
  /** The approving document, e.g. 粤网信函〔2024〕12号; required when approved. */
  approvalDocument: string | null;
}

export const REGISTRY_STATUSES = ['ACTIVE', 'CLOSING', 'CLOSED'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export const REGISTRY_FLAGS = ['DORMANT', 'DUPLICATE', 'UNAPPROVED_FEATURE', 'TOO_MANY_ACCOUNTS'] as const;
export type RegistryFlag = (typeof REGISTRY_FLAGS)[number];

export const REGISTRY_CHANGES = ['CREATED', 'UPDATED', 'IMPORTED'] as const;
export type RegistryChange = (typeof REGISTRY_CHANGES)[number];

/**
 * Who works with the registry, always within the subtree of their own organization: offices' administrators
 * and inspectors keep it (they file and check entries); handlers and supervisors read it to handle cases;
 * a host unit's operator reads its own unit's entries. Discipline bodies have no business with it.
 */
export const REGISTRY_READ_ROLES: readonly Role[] = ['ADMIN', 'INSPECTOR', 'HANDLER', 'SUPERVISOR', 'HOST_UNIT_OPERATOR'];
export const REGISTRY_WRITE_ROLES: readonly Role[] = ['ADMIN', 'INSPECTOR'];
