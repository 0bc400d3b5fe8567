/** Problem categories named by the policy text (see PRODUCT.md, "Problem categories"). */
export const CATEGORIES = [
  'FORCED_USE',
  'FORCED_CHECKIN',
  'TASK_DUMPING',
  'EXCESSIVE_TRACE',
  'RANKING_ABUSE',
  'DUPLICATE_REPORTING',
  'ZOMBIE_SHELL',
  'MANDATORY_FEATURES',
  'DATA_SECURITY',
  'OTHER',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SUBJECT_TYPES = ['APP', 'PUBLIC_ACCOUNT', 'WORK_GROUP'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const SEVERITIES = ['GENERAL', 'SERIOUS', 'DISCIPLINARY'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CASE_SOURCES = ['COMPLAINT', 'SPOT_CHECK'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_STAGES = [
  'SUBMITTED',
  'ACCEPTED',
  'INVESTIGATING',
  'RECTIFYING',
  'FEEDBACK',
  'REVISIT',
  'CLOSED',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** GB/T 2260 administrative division code: six digits. */
export const REGION_CODE_PATTERN = /^[1-9]\d{5}$/;

/**
 * The region codes a code falls under, nearest first: a district (440105) lies in its
 * city (440100) and its province (440000).
 */
export function regionAncestry(regionCode: string): string[] {
  const chain = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  return chain.filter((code, i) => chain.indexOf(code) === i);
}
