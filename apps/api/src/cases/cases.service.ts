import { ConflictException, Injectable } from '@nestjs/common';
import { AuditTrail } from '@app/audit';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { CASE_STAGES, STEP_RULES, type CaseStep } from '@app/domain';
import { CaseEntity, CaseEventEntity } from '@app/database';
import { maskName, PiiCipher } from '@app/privacy';
import { JurisdictionService } from '../access/jurisdiction.service';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';
import type { CaseDetailResponse, MaskedComplainantResponse } from './case-detail.response';
import type { CaseListResponse } from './case-list.response';
import type { DeadlineDashboardResponse } from './dashboard.response';
import type { ListCasesQuery } from './list-cases.query';

/** Reads cases from the projection, within the caller's jurisdiction. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
    private readonly jurisdiction: JurisdictionService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditTrail,
  ) {}

  async detail(user: StaffUser, caseId: string): Promise<CaseDetailResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOne({ where: { id: caseId } }));
    const timeline = await this.events.find({ where: { caseId }, order: { seq: 'ASC' } });
    return {
      ...CaseSummaryResponse.of(kase),
      description: kase.description,
      anonymous: kase.anonymous,
      complainant: this.maskedComplainant(user, kase),
      outcome: kase.outcome,
      findingResult: kase.findingResult,
      handlingOrgId: kase.handlingOrgId,
      investigatingOrgId: kase.investigatingOrgId,
      hostUnitId: kase.hostUnitId,
      reopenCount: kase.reopenCount,
      reply: kase.reply,
      satisfaction: kase.satisfaction,
      mergedInto: kase.mergedInto,
      policyVersion: kase.policyVersion,
      updatedAt: kase.updatedAt,
      timeline: timeline.map((e) => ({ seq: e.seq, type: e.type, stage: e.stage, actorRole: e.actorRole, note: e.note, occurredAt: e.occurredAt })),
    };
  }

  /**
   * The complainant's name and phone in clear: a separate action, for handlers and supervisors of the
   * case only, recorded in the audit trail (with the reason, never the values) before anything is shown.
   */
  async revealComplainant(user: StaffUser, caseId: string, reason: string): Promise<{ name: string | null; phone: string | null }> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOne({ where: { id: caseId } }));
    if (kase.anonymous || (!kase.complainantNameSealed && !kase.complainantPhoneSealed)) throw new ConflictException('This complaint is anonymous: there is nobody to reveal');
    await this.audit.append([{ action: 'complainant.REVEALED', actor: auditActor(user), caseId, after: { reason } }]);
    return {
      name: kase.complainantNameSealed ? this.cipher.open(kase.complainantNameSealed) : null,
      phone: kase.complainantPhoneSealed ? this.cipher.open(kase.complainantPhoneSealed) : null,
    };
  }

  /** A page of the cases within reach, soonest deadline first (cases without a deadline last). */
  async list(user: StaffUser, query: ListCasesQuery): Promise<CaseListResponse> {
    const qb = await this.jurisdiction.restrict(this.cases.createQueryBuilder('c'), user);
    if (query.stage) qb.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? `c.status = 'OPEN' AND c.deadline_at <= NOW(3)` : `(c.deadline_at IS NULL OR c.deadline_at > NOW(3))`);
    if (query.regionCode) qb.andWhere('c.region_code LIKE :region', { region: `${query.regionCode.replace(/(00)+$/, '')}%` });
    if (query.assignee === 'me') this.waitingOn(qb, user);
    const [rows, total] = await qb
      .orderBy('c.deadline_at IS NULL', 'ASC')
      .addOrderBy('c.deadline_at', 'ASC')
      .addOrderBy('c.created_at', 'ASC')
      // offset/limit, not skip/take: the jurisdiction joins are one-to-one and never duplicate a case.
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(CaseSummaryResponse.of), page: query.page, pageSize: query.pageSize, total };
  }

  /** Open cases within reach, counted by stage and by where they stand against their deadline. */
  async deadlineDashboard(user: StaffUser): Promise<DeadlineDashboardResponse> {
    const qb = await this.jurisdiction.restrict(this.cases.createQueryBuilder('c'), user);
    const rows: Record<string, string>[] = await qb
      .select('c.stage', 'stage')
      .addSelect(`SUM(CASE WHEN c.deadline_at > NOW(3) AND c.warned = 0 THEN 1 ELSE 0 END)`, 'onTime')
      .addSelect(`SUM(CASE WHEN c.deadline_at > NOW(3) AND c.warned = 1 THEN 1 ELSE 0 END)`, 'atRisk')
      .addSelect(`SUM(CASE WHEN c.deadline_at <= NOW(3) THEN 1 ELSE 0 END)`, 'overdue')
      .addSelect('SUM(c.supervised)', 'supervised')
      .addSelect('SUM(c.referred)', 'referred')
      .addSelect('COUNT(*)', 'total')
      .andWhere(`c.status = 'OPEN'`)
      .groupBy('c.stage')
      .getRawMany();
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    const count = (r: Record<string, string> | undefined, key: string) => Number(r?.[key] ?? 0);
    return {
      asOf: new Date(),
      stages: CASE_STAGES.filter((s) => s !== 'CLOSED').map((stage) => {
        const r = byStage.get(stage);
        return { stage, onTime: count(r, 'onTime'), atRisk: count(r, 'atRisk'), overdue: count(r, 'overdue'), supervised: count(r, 'supervised'), referred: count(r, 'referred'), total: count(r, 'total') };
      }),
    };
  }

  /** Cases whose current step waits on the user's role in the user's organization. */
  private waitingOn(qb: SelectQueryBuilder<CaseEntity>, user: StaffUser): void {
    const steps = (Object.keys(STEP_RULES) as CaseStep[]).filter((step) => STEP_RULES[step].assignee === user.role);
    if (steps.length === 0) {
      qb.andWhere('1 = 0');
      return;
    }
    const orgColumn = user.role === 'HOST_UNIT_OPERATOR' ? 'c.host_unit_id' : `CASE WHEN c.step = 'INVESTIGATING' THEN COALESCE(c.investigating_org_id, c.handling_org_id) ELSE c.handling_org_id END`;
    qb.andWhere(`c.step IN (:...mySteps) AND ${orgColumn} = :assigneeOrg`, { mySteps: steps, assigneeOrg: user.organizationId });
  }

  /** Masked only; the host unit complained about never learns who complained. */
  private maskedComplainant(user: StaffUser, kase: CaseEntity): MaskedComplainantResponse | null {
    if (kase.anonymous || user.role === 'HOST_UNIT_OPERATOR') return null;
    return {
      name: kase.complainantNameSealed ? maskName(this.cipher.open(kase.complainantNameSealed)) : null,
      phone: kase.complainantPhoneMasked,
    };
  }
}
