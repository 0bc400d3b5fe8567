import {
  icpFilingProblem,
  ICP_FILED_KINDS,
  normalizeIcpFiling,
  REGISTRY_FIELD_NAMES,
  RESTRICTED_FEATURES,
  sortedFeatures,
  type RegistryKind,
  type RegistryPlatform,
  type RegistryStatus,
  type RestrictedFeature,
} from '@app/domain';
import type { RegistryEntry, RegistryVersion } from './registry-types';

/** A date as the form holds it: the picker's value (dayjs) or text. */
type DateValue = string | { format(pattern: string): string } | null | undefined;

/** How the form shows each restricted feature: not set, set with approval, set without. */
export type FeatureChoice = 'NONE' | 'APPROVED' | 'UNAPPROVED';

export interface RegistryFormValues {
  name?: string;
  kind?: RegistryKind;
  platform?: RegistryPlatform;
  hostUnitId?: number;
  regionCode?: string;
  icpFiling?: string;
  launchedOn?: DateValue;
  declaredUsers?: number | null;
  status?: RegistryStatus;
  closingAnnouncedOn?: DateValue;
  lastContentUpdateOn?: DateValue;
  lastUsedOn?: DateValue;
  features?: Partial<Record<RestrictedFeature, { choice?: FeatureChoice; document?: string }>>;
}

const day = (v: DateValue): string | null => (!v ? null : typeof v === 'string' ? v : v.format('YYYY-MM-DD'));
const text = (v: string | undefined | null): string | null => (v && v.trim() ? v.trim() : null);

/** The API's body for the form: every field (null clears), features in order, the ICP number canonical. */
export function registryBody(v: RegistryFormValues) {
  const features = RESTRICTED_FEATURES.flatMap((feature) => {
    const f = v.features?.[feature];
    if (!f?.choice || f.choice === 'NONE') return [];
    return [{ feature, approved: f.choice === 'APPROVED', approvalDocument: f.choice === 'APPROVED' ? text(f.document) : null }];
  });
  const icp = text(v.icpFiling);
  return {
    name: (v.name ?? '').trim(),
    kind: v.kind,
    platform: v.platform,
    hostUnitId: v.hostUnitId,
    regionCode: v.regionCode,
    icpFiling: icp ? normalizeIcpFiling(icp) : null,
    launchedOn: day(v.launchedOn),
    declaredUsers: v.declaredUsers ?? null,
    features: sortedFeatures(features),
    status: v.status,
    closingAnnouncedOn: v.status === 'ACTIVE' ? null : day(v.closingAnnouncedOn),
    lastContentUpdateOn: v.kind === 'PUBLIC_ACCOUNT' ? day(v.lastContentUpdateOn) : null,
    lastUsedOn: day(v.lastUsedOn),
  };
}

/** The form's values for an entry (dates stay text; the page turns them into the picker's values). */
export function formValuesOf(e: RegistryEntry | RegistryVersion['content']): RegistryFormValues {
  const features: RegistryFormValues['features'] = {};
  for (const f of e.features) features[f.feature] = { choice: f.approved ? 'APPROVED' : 'UNAPPROVED', document: f.approvalDocument ?? undefined };
  return { ...e, icpFiling: e.icpFiling ?? undefined, features };
}

/** The ICP number as the API checks it (format, and the suffix of the kind); null when fine or not needed. */
export function icpProblem(kind: RegistryKind | undefined, value: string | undefined): string | null {
  if (!kind || !ICP_FILED_KINDS.includes(kind)) return text(value) ? '只有App和小程序有ICP备案号' : null;
  const icp = text(value);
  if (!icp) return '请填写ICP备案号';
  return icpFilingProblem(normalizeIcpFiling(icp), kind);
}

/** What changed from one version to the next, as 字段：旧 → 新 lines (the first version: nothing). */
export function versionChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): { field: string; from: unknown; to: unknown }[] {
  if (!before) return [];
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ field: REGISTRY_FIELD_NAMES[k as keyof typeof REGISTRY_FIELD_NAMES] ?? k, from: before[k] ?? null, to: after[k] ?? null }));
}
