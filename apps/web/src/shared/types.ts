/** Shapes of the API's answers, as the console reads them (see the OpenAPI document at /api/docs). */
export interface CaseSummary {
  id: string;
  caseNo: string;
  source: string;
  category: string;
  subjectType: string;
  subjectName: string;
  regionCode: string;
  stage: string;
  step: string;
  status: string;
  severity: string | null;
  deadlineKind: string | null;
  deadlineAt: string | null;
  warned: boolean;
  overdue: boolean;
  supervised: boolean;
  referred: boolean;
  createdAt: string;
  workingDaysLeft?: number | null;
}

export interface CaseList {
  items: CaseSummary[];
  page: number;
  pageSize: number;
  total: number;
  totalExact: boolean;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  stage: string;
  actorRole: string | null;
  note: string | null;
  occurredAt: string;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  anonymous: boolean;
  complainant: { name: string | null; phone: string | null } | null;
  outcome: string | null;
  findingResult: string | null;
  handlingOrgId: number;
  investigatingOrgId: number | null;
  hostUnitId: number | null;
  /** The registry entry named at intake. */
  registryEntry: { id: number; name: string; kind: string } | null;
  reopenCount: number;
  reply: string | null;
  satisfaction: string | null;
  mergedInto: string | null;
  policyVersion: number | null;
  /** In REVISIT: when the complainant's evaluation window ends. */
  revisitEndsAt: string | null;
  updatedAt: string;
  timeline: TimelineEvent[];
}

export interface ActionField {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'uuid' | 'string[]';
  required: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pick?: 'CYBERSPACE_OFFICE' | 'HOST_UNIT' | 'MERGE_CANDIDATE';
}

export interface AvailableAction {
  action: string;
  summary: string;
  leadsTo: string[];
  branch?: string;
  deadline: string;
  fields: ActionField[];
}

export interface CaseActions {
  caseId: string;
  step: string;
  actions: AvailableAction[];
}

export interface Organization {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  parentId: number | null;
}
