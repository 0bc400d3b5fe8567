import type { RegistryFeature, RegistryFlag, RegistryKind, RegistryPlatform, RegistryStatus, ScoreFactor } from '@app/domain';

export interface RegistryEntry {
  id: number;
  name: string;
  kind: RegistryKind;
  platform: RegistryPlatform;
  hostUnitId: number;
  hostUnitName: string;
  regionCode: string;
  icpFiling: string | null;
  launchedOn: string | null;
  declaredUsers: number | null;
  features: RegistryFeature[];
  status: RegistryStatus;
  closingAnnouncedOn: string | null;
  lastContentUpdateOn: string | null;
  lastUsedOn: string | null;
  version: number;
  updatedAt: string;
  flags: { flag: RegistryFlag; reason: string }[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RegistryVersion {
  version: number;
  change: string;
  content: Omit<RegistryEntry, 'id' | 'hostUnitName' | 'version' | 'updatedAt' | 'flags'>;
  changedBy: number;
  changedByName: string;
  changedByRole: string;
  changedAt: string;
}

export interface RegistryCase {
  id: string;
  caseNo: string;
  source: string;
  category: string;
  subjectName: string;
  stage: string;
  step: string;
  status: string;
  createdAt: string;
}

export interface HostUnit {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  problems: { row: number; column: string; reason: string }[];
}

export type ScoreWeights = Record<ScoreFactor, number>;

export interface ScoreWeightsVersion {
  version: number;
  weights: ScoreWeights;
  createdBy: number | null;
  createdByName?: string | null;
  createdAt: string | null;
}

export interface MonitoringItem {
  id: number;
  name: string;
  kind: RegistryKind;
  hostUnitName: string;
  regionCode: string;
  status: RegistryStatus;
  score: number;
  factors: Record<ScoreFactor, number>;
  complaints: number;
}

export interface LookupItem {
  id: number;
  name: string;
  kind: RegistryKind;
  hostUnitName: string;
  regionCode: string;
  regionName: string;
}
