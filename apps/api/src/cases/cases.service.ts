import { ConflictException, Injectable } from '@nestjs/common';
import { AuditTrail } from '@app/audit';
import { CalendarService, workingDaysLeft } from '@app/calendar';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { CASE_STAGES, CASE_STEPS, STEP_RULES } from '@app/domain';
import { CaseEntity, CaseEventEntity, RegistryEntryEntity } from '@app/database';
import { maskName, maskPhone, PiiCipher } from '@app/privacy';
import { JurisdictionService } from '../access/jurisdiction.service';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';
import type { CaseDetailResponse, MaskedComplainantResponse } from './case-detail.response';
import type { CaseListResponse } from './case-list.response';
import type { DeadlineDashboardResponse } from './dashboard.response';
import { hostUnitView } from './host-unit-view';
import type { ListCasesQuery } from './list-cases.query';

/** A list counts its matches up to this many; past it, `total` is this and `totalExact` false. */
export const LIST_COUNT_CAP = 10_000;
/** An export holds at most this many cases; narrow the filters for more. */
export const EXPORT_CAP = 5_000;

/** Reads cases from the projection, within the caller's jurisdiction. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
    @InjectRepository(RegistryEntryEntity) private readonly registryEntries: Repository<RegistryEntryEntity>,
    private readonly jurisdiction: JurisdictionService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditTrail,
    private readonly calendar: CalendarService,
  ) {}

  /** List lines with the working days left, for the inbox (the calendar is cached, so this costs no query). */
  private async withDaysLeft(rows: CaseEntity[]): Promise<CaseSummaryResponse[]> {
    const calendar = await this.calendar.current();
    const now = new Date();
    return rows.map((row) => ({ ...CaseSummaryResponse.of(row), workingDaysLeft: row.deadlineAt && row.status === 'OPEN' ? workingDaysLeft(calendar, now, row.deadlineAt) : null }));
  }

  async detail(user: StaffUser, caseId: string): Promise<CaseDetailResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOne({ where: { id: caseId } }));
    const timeline = await this.events.find({ where: { caseId }, order: { seq: 'ASC' } });
    const registryEntry = kase.registryEntryId === null ? null : await this.registryEntries.findOne({ where: { id: kase.registryEntryId }, select: { id: true, name: true, kind: true } });
    const detail: CaseDetailResponse = {
      ...(await this.withDaysLeft([kase]))[0],
      description: kase.description,
      anonymous: kase.anonymous,
      complainant: this.maskedComplainant(user, kase),
      outcome: kase.outcome,
      findingResult: kase.findingResult,
      handlingOrgId: kase.handlingOrgId,
      investigatingOrgId: kase.investigatingOrgId,
      hostUnitId: kase.hostUnitId,
      registryEntry: registryEntry && { id: registryEntry.id, name: registryEntry.name, kind: registryEntry.kind },
      reopenCount: kase.reopenCount,
      reply: kase.reply,
      satisfaction: kase.satisfaction,
      mergedInto: kase.mergedInto,
      policyVersion: kase.policyVersion,
      revisitEndsAt: kase.revisitEndsAt,
      updatedAt: kase.updatedAt,
      timeline: timeline.map((e) => ({ seq: e.seq, type: e.type, stage: e.stage, actorRole: e.actorRole, note: e.note, occurredAt: e.occurredAt })),
    };
    return user.role === 'HOST_UNIT_OPERATOR' ? hostUnitView(detail) : detail;
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
    if (query.category) qb.andWhere('c.category = :category', { category: query.category });
    // On deadline_order (a missing deadline is far in the future), so the list index serves the condition too.
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? `c.status = 'OPEN' AND c.deadline_order <= NOW(3)` : 'c.deadline_order > NOW(3)');
    // Few cases are ever stalled: idx_cases_stalled finds them, and their order costs a sort of those few.
    if (query.stalled !== undefined) qb.andWhere(query.stalled ? 'c.stalled_at IS NOT NULL' : 'c.stalled_at IS NULL');
    if (query.regionCode) qb.andWhere('c.region_code LIKE :region', { region: `${query.regionCode.replace(/(00)+$/, '')}%` });
    if (query.assignee === 'me') this.waitingOn(qb, user);
    const [rows, matched] = await Promise.all([this.page(qb, (query.page - 1) * query.pageSize, query.pageSize), this.countUpTo(qb, LIST_COUNT_CAP + 1)]);
    return { items: await this.withDaysLeft(rows), page: query.page, pageSize: query.pageSize, total: Math.min(matched, LIST_COUNT_CAP), totalExact: matched <= LIST_COUNT_CAP };
  }

  /** Every case matching the filters, up to EXPORT_CAP, in list order: for the Excel export. */
  async exportRows(user: StaffUser, query: ListCasesQuery): Promise<CaseSummaryResponse[]> {
    const rows: CaseSummaryResponse[] = [];
    for (let page = 1; rows.length < EXPORT_CAP; page++) {
      const batch = await this.list(user, { ...query, page, pageSize: 100 });
      rows.push(...batch.items);
      if (batch.items.length < 100) break;
    }
    return rows.slice(0, EXPORT_CAP);
  }

  /**
   * The page's ids first, from idx_cases_list(_status) alone (its order, and every filtered column), then
   * only those rows: a deep page skips its offset inside the index instead of reading every skipped row.
   */
  private async page(qb: SelectQueryBuilder<CaseEntity>, offset: number, limit: number): Promise<CaseEntity[]> {
    const ids = (await qb.clone().select('c.id', 'id').orderBy('c.deadline_order', 'ASC').addOrderBy('c.created_at', 'ASC').offset(offset).limit(limit).getRawMany<{ id: string }>()).map((r) => r.id);
    if (ids.length === 0) return [];
    const byId = new Map((await this.cases.findBy({ id: In(ids) })).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)).filter((c): c is CaseEntity => c !== undefined);
  }

  /**
   * Open cases within reach, counted by stage and by where they stand against their deadline: read from
   * the counters the projection writer keeps, not from a scan of the open cases. The dashboard is for
   * offices' staff (SUPERVISOR, ADMIN), whose reach is a set of organizations.
   */
  async deadlineDashboard(user: StaffUser): Promise<DeadlineDashboardResponse> {
    const reach = await this.jurisdiction.officeReach(user);
    const where = reach === 'ALL' ? '' : reach.length === 0 ? 'WHERE 1 = 0' : 'WHERE handling_org_id IN (?) OR investigating_org_id IN (?)';
    const rows: Record<string, string>[] = await this.cases.query(
      `SELECT stage, SUM(on_time) AS onTime, SUM(at_risk) AS atRisk, SUM(overdue) AS overdue, SUM(supervised) AS supervised, SUM(referred) AS referred, SUM(total) AS total
         FROM open_case_counters ${where} GROUP BY stage`,
      reach === 'ALL' ? [] : [reach, reach],
    );
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

  /** Rows matching the query, counted no further than `limit`: an exact count of a million rows takes seconds. */
  private async countUpTo(qb: SelectQueryBuilder<CaseEntity>, limit: number): Promise<number> {
    const [sql, parameters] = qb.clone().select('1').orderBy().limit(limit).getQueryAndParameters();
    const [{ n }]: { n: string }[] = await this.cases.query(`SELECT COUNT(*) AS n FROM (${sql}) AS matched`, parameters);
    return Number(n);
  }

  /** Cases whose current step waits on the user's role in the user's organization. */
  private waitingOn(qb: SelectQueryBuilder<CaseEntity>, user: StaffUser): void {
    const steps = CASE_STEPS.filter((step) => STEP_RULES[step].assignee === user.role);
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
      phone: kase.complainantPhoneSealed ? maskPhone(this.cipher.open(kase.complainantPhoneSealed)) : kase.complainantPhoneMasked,
    };
  }
}
