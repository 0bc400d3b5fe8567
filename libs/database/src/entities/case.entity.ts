import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseOutcome, CaseSource, CaseStage, CaseStatus, CaseStep, Category, DeadlineKind, FindingResult, Satisfaction, Severity, SubjectType } from '@app/domain';

/**
 * The projection of one case, written only by the case workflow's activities.
 * The workflow is the source of truth; this row serves lists, dashboards and details.
 */
@Entity({ name: 'cases' })
// The list's order, then every column it filters on: see migration 1763800000006.
@Index('idx_cases_list', ['deadlineOrder', 'createdAt', 'handlingOrgId', 'investigatingOrgId', 'status', 'stage', 'step', 'regionCode', 'hostUnitId', 'findingResult'])
@Index('idx_cases_list_status', ['status', 'deadlineOrder', 'createdAt', 'handlingOrgId', 'investigatingOrgId', 'stage', 'step', 'regionCode', 'hostUnitId', 'findingResult'])
@Index('idx_cases_subject', ['subjectName', 'category'])
export class CaseEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'case_no', length: 32, unique: true })
  caseNo: string;

  @Column({ type: 'varchar', length: 16 })
  source: CaseSource;

  @Column({ type: 'varchar', length: 32 })
  category: Category;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: SubjectType;

  @Column({ name: 'subject_name', length: 200 })
  subjectName: string;

  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ default: false })
  anonymous: boolean;

  /** Sealed with the PII cipher ("keyId:iv:tag:ciphertext"); never plaintext. */
  @Column({ name: 'complainant_name_sealed', type: 'varchar', length: 512, nullable: true })
  complainantNameSealed: string | null;

  @Column({ name: 'complainant_phone_sealed', type: 'varchar', length: 512, nullable: true })
  complainantPhoneSealed: string | null;

  @Column({ name: 'complainant_phone_masked', type: 'varchar', length: 32, nullable: true })
  complainantPhoneMasked: string | null;

  /** HMAC of the public access code; the code itself is never stored. */
  @Column({ name: 'access_code_hash', type: 'char', length: 64, nullable: true })
  accessCodeHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  stage: CaseStage;

  @Column({ type: 'varchar', length: 8 })
  status: CaseStatus;

  @Index()
  @Column({ name: 'handling_org_id' })
  handlingOrgId: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** Sequence number of the last timeline event applied, so replays of an activity change nothing. */
  @Column({ name: 'last_event_seq', type: 'int', default: 0 })
  lastEventSeq: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  severity: Severity | null;

  @Column({ type: 'varchar', length: 24 })
  step: CaseStep;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: CaseOutcome | null;

  @Column({ name: 'investigating_org_id', type: 'int', nullable: true })
  investigatingOrgId: number | null;

  @Column({ name: 'host_unit_id', type: 'int', nullable: true })
  hostUnitId: number | null;

  /** The registry entry the case is about, when one was picked at intake; see migration 1763800000062. */
  @Index('idx_cases_registry_entry')
  @Column({ name: 'registry_entry_id', type: 'int', nullable: true })
  registryEntryId: number | null;

  @Column({ name: 'finding_result', type: 'varchar', length: 24, nullable: true })
  findingResult: FindingResult | null;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ name: 'reopen_count', type: 'int', default: 0 })
  reopenCount: number;

  @Column({ name: 'deadline_kind', type: 'varchar', length: 16, nullable: true })
  deadlineKind: DeadlineKind | null;

  @Column({ name: 'deadline_at', type: 'datetime', precision: 3, nullable: true })
  deadlineAt: Date | null;

  /** The list's order: the deadline, or last of all when there is none. Computed by the database. */
  @Column({
    name: 'deadline_order',
    type: 'datetime',
    precision: 3,
    nullable: true,
    generatedType: 'STORED',
    asExpression: "COALESCE(deadline_at, TIMESTAMP'9999-12-31 23:59:59.999')",
    insert: false,
    update: false,
    select: false,
  })
  deadlineOrder: Date | null;

  @Column({ name: 'warn_at', type: 'datetime', precision: 3, nullable: true })
  warnAt: Date | null;

  @Column({ default: false })
  warned: boolean;

  @Column({ default: false })
  overdue: boolean;

  @Column({ default: false })
  supervised: boolean;

  @Column({ default: false })
  referred: boolean;

  @Column({ type: 'int', default: 0 })
  breaches: number;

  @Column({ name: 'policy_id', type: 'int', nullable: true })
  policyId: number | null;

  @Column({ name: 'policy_version', type: 'int', nullable: true })
  policyVersion: number | null;

  @Column({ name: 'merged_into', type: 'char', length: 36, nullable: true })
  mergedInto: string | null;

  /** While the case is in REVISIT: when the evaluation window ends (and the case closes as not evaluated). */
  @Column({ name: 'revisit_ends_at', type: 'datetime', precision: 3, nullable: true })
  revisitEndsAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** Why the case is stalled (an effect that can never succeed as it stands), without personal data; null when it is not. */
  @Column({ name: 'stalled_reason', type: 'varchar', length: 300, nullable: true })
  stalledReason: string | null;

  /** Since when the case is stalled; see migration 1763800000035. */
  @Index('idx_cases_stalled')
  @Column({ name: 'stalled_at', type: 'datetime', precision: 3, nullable: true })
  stalledAt: Date | null;

  /** Incremented by every projection write; an older write arriving late changes nothing. */
  @Column({ type: 'int', default: 0 })
  revision: number;
}
