import type { RegistryKind } from './registry-vocabulary';

/**
 * The MIIT filing number (ICP备案号): a province's one-character abbreviation, "ICP备", the filer's serial
 * (old filings 5 to 8 digits, newer ones a year plus a serial, 10 digits) and "号". A website under the filer
 * adds "-n"; an app adds "-nA", a quick app "-nB", a mini program "-nX" (the 2023 app-filing rules).
 * Example: 粤ICP备2023123456号-1A.
 */
export const ICP_PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新';
export const ICP_FILING_PATTERN = new RegExp(`^([${ICP_PROVINCES}])ICP备(\\d{5,10})号(?:-([1-9]\\d{0,3})([ABX])?)?$`);

/** The suffix letter each kind's filing must carry. */
const SUFFIX_OF: Partial<Record<RegistryKind, string>> = { APP: 'A', MINI_PROGRAM: 'X' };

/** Full-width digits, the full-width hyphen and stray spaces as offices' sheets have them, made canonical. */
export function normalizeIcpFiling(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, '')
    .replace(/icp/i, 'ICP')
    .replace(/[ａ-ｚＡ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/-(\d+)([abx])$/, (_, n: string, l: string) => `-${n}${l.toUpperCase()}`);
}

/** Why the (normalized) number is not a valid filing for this kind of entry, in zh-CN; null when it is. */
export function icpFilingProblem(value: string, kind: RegistryKind): string | null {
  const match = ICP_FILING_PATTERN.exec(value);
  if (!match) return 'ICP备案号格式不正确，应如“粤ICP备2023123456号-1A”';
  const suffix = SUFFIX_OF[kind];
  if (suffix && match[4] !== suffix) return `${kind === 'APP' ? 'App' : '小程序'}的ICP备案号应以“-序号${suffix}”结尾，如“${match[1]}ICP备${match[2]}号-1${suffix}”`;
  return null;
}
