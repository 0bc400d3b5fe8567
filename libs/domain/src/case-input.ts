import type { CaseSource, Category, Severity, SubjectType } from './case-vocabulary';

/**
 * Complainant details as they travel: sealed by the API before they reach Temporal's history. Nothing
 * derived from them in clear travels along: the masked phone is made from the sealed one when shown.
 */
export interface SealedComplainant {
  nameSealed: string | null;
  phoneSealed: string | null;
  /** Only in the histories of cases started before masking moved to reading time. */
  phoneMasked?: string | null;
}

/** What starts a case workflow: a complaint or a spot-check finding, already validated. */
export interface CaseWorkflowInput {
  caseId: string;
  caseNo: string;
  source: CaseSource;
  category: Category;
  subjectType: SubjectType;
  subjectName: string;
  regionCode: string;
  description: string;
  anonymous: boolean;
  complainant: SealedComplainant | null;
  /** HMAC of the public access code; null when the case has no public follow-up. */
  accessCodeHash: string | null;
  /** Set for spot-check findings, which arrive with a severity. */
  severity: Severity | null;
  /** The host unit a spot-check finding names, if any. */
  hostUnitId?: number | null;
  /** The registry entry the case is about, when the complainant or inspector picked one (absent in older histories). */
  registryEntryId?: number | null;
  submittedAt: string;
}
