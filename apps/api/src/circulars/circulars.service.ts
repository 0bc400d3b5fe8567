import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { CIRCULAR_WORKFLOW, circularActionUpdate, type CircularWorkflow } from '@app/temporal';
import {
  CIRCULAR_RULES,
  circularCharts,
  circularWorkflowId,
  type ActorRef,
  type CircularAction,
  type CircularContent,
  type CircularStatisticsRow,
  type CircularStatus,
  type TypicalCase,
} from '@app/domain';
import { CaseEntity, OrganizationEntity } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import { StatisticsService } from '../statistics/statistics.service';
import type { StatisticsRowResponse } from '../statistics/statistics.response';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import type { CircularDocument } from './circular-documents';
import type { CircularDetailResponse, CircularListResponse, CircularSummaryResponse, CreateCircularDto, EditCircularDto, TypicalCaseDto } from './circulars.dtos';

interface CircularRow {
  id: string;
  organization_id: number;
  title: string;
  period_from: string;
  period_to: string;
  status: CircularStatus;
  content: string | CircularContent;
  content_hash: string | null;
  author_user_id: number | null;
  reviewer_user_id: number | null;
  publisher_user_id: number | null;
  published_at: Date | null;
  created_at: Date;
}

const actorOf = (user: StaffUser): ActorRef => ({ userId: user.id, role: user.role, organizationId: user.organizationId });

/** Circulars (情况通报): drafted from the statistics in reach, carried through review to publication by their workflow. */
@Injectable()
export class CircularsService {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    private readonly jurisdiction: JurisdictionService,
    private readonly statistics: StatisticsService,
  ) {}

  /** Freezes the statistics of the period for the organization, picks the typical cases, and starts the workflow. */
  async create(user: StaffUser, dto: CreateCircularDto): Promise<CircularSummaryResponse> {
    const org = await this.organizationInReach(user, dto.orgId);
    const query = { period: dto.period, from: dto.from, to: dto.to, orgId: org.id };
    const [total, byCategory, byMonth] = await Promise.all((['NONE', 'CATEGORY', 'MONTH'] as const).map((groupBy) => this.statistics.statistics(user, { ...query, groupBy })));
    const content: CircularContent = {
      title: dto.title,
      from: total.from,
      to: total.to,
      organizationId: org.id,
      organizationName: org.name,
      summary: dto.summary,
      practices: dto.practices,
      smallDenominator: total.smallDenominator,
      total: snapshot(total.total),
      byCategory: byCategory.rows.map(snapshot),
      byMonth: byMonth.rows.map(snapshot),
      typicalCases: await this.typicalCases(user, dto.typicalCases ?? []),
    };
    const circularId = randomUUID();
    const createdAt = new Date();
    await this.client.workflow.start<CircularWorkflow>(CIRCULAR_WORKFLOW, {
      workflowId: circularWorkflowId(circularId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ circularId, content, author: actorOf(user), createdAt: createdAt.toISOString() }],
    });
    return { circularId, title: content.title, from: content.from, to: content.to, organizationId: org.id, status: 'DRAFT', contentHash: null, publishedAt: null, createdAt };
  }

  async list(user: StaffUser, status?: CircularStatus): Promise<CircularListResponse> {
    const reach = await this.jurisdiction.officeReach(user);
    if (reach !== 'ALL' && reach.length === 0) return { items: [] };
    const where = [reach === 'ALL' ? '1 = 1' : `organization_id IN (${reach.map(() => '?').join(', ')})`, status ? 'status = ?' : '1 = 1'].join(' AND ');
    const rows: CircularRow[] = await this.cases.manager.query(
      `SELECT id, organization_id, title, period_from, period_to, status, content_hash, published_at, created_at FROM circulars WHERE ${where} ORDER BY created_at DESC, id LIMIT 200`,
      [...(reach === 'ALL' ? [] : reach), ...(status ? [status] : [])],
    );
    return { items: rows.map(summaryOf) };
  }

  async detail(user: StaffUser, id: string): Promise<CircularDetailResponse> {
    const row = await this.rowInReach(user, id);
    const content = contentOf(row);
    return {
      ...summaryOf(row),
      content: content as unknown as Record<string, unknown>,
      charts: circularCharts(content),
      authorUserId: row.author_user_id,
      reviewerUserId: row.reviewer_user_id,
      publisherUserId: row.publisher_user_id,
    };
  }

  async document(user: StaffUser, id: string): Promise<CircularDocument & { title: string }> {
    const row = await this.rowInReach(user, id);
    return { content: contentOf(row), status: row.status, contentHash: row.content_hash, publishedAt: row.published_at, title: row.title };
  }

  /** One step of the lifecycle; the workflow writes it (and audits it) before it answers. */
  async act(user: StaffUser, id: string, action: CircularAction, body: EditCircularDto & { note?: string }): Promise<CircularDetailResponse> {
    const row = await this.rowInReach(user, id);
    if (!CIRCULAR_RULES[action].roles.includes(user.role)) throw new ForbiddenException(`This action needs one of the roles: ${CIRCULAR_RULES[action].roles.join(', ')}`);
    // The workflow of a published circular has ended: nothing can reach it any more.
    if (row.status === 'PUBLISHED') throw new ConflictException('a published circular cannot change');
    const changes = action === 'edit' ? { title: body.title, summary: body.summary, practices: body.practices } : undefined;
    await sendUpdate(this.client.workflow.getHandle(circularWorkflowId(id)), circularActionUpdate, { action, actor: actorOf(user), changes, note: body.note });
    return this.detail(user, id);
  }

  private async organizationInReach(user: StaffUser, orgId: number): Promise<OrganizationEntity> {
    const org = await this.organizations.findOne({ where: { id: orgId } });
    const reach = await this.jurisdiction.officeReach(user);
    if (!org || (reach !== 'ALL' && !reach.includes(org.id))) throw new NotFoundException('Organization not found');
    return org;
  }

  private async rowInReach(user: StaffUser, id: string): Promise<CircularRow> {
    const [row]: CircularRow[] = await this.cases.manager.query('SELECT * FROM circulars WHERE id = ?', [id]);
    const reach = await this.jurisdiction.officeReach(user);
    if (!row || (reach !== 'ALL' && !reach.includes(Number(row.organization_id)))) throw new NotFoundException('Circular not found');
    return row;
  }

  /** The typical cases, each within the user's reach, reduced to structured facts: no complainant, no free text of the file. */
  private async typicalCases(user: StaffUser, picks: TypicalCaseDto[]): Promise<TypicalCase[]> {
    if (picks.length === 0) return [];
    const found = await this.cases.find({ where: { id: In(picks.map((p) => p.caseId)) } });
    const out: TypicalCase[] = [];
    for (const pick of picks) {
      const kase = await this.jurisdiction.assertCanSee(user, found.find((c) => c.id === pick.caseId) ?? null);
      out.push({
        caseNo: kase.caseNo,
        source: kase.source,
        category: kase.category,
        subjectType: kase.subjectType,
        subjectName: kase.subjectName,
        regionCode: kase.regionCode,
        findingResult: kase.findingResult,
        severity: kase.severity,
        outcome: kase.outcome,
        comment: pick.comment,
      });
    }
    return out;
  }
}

function snapshot(r: StatisticsRowResponse): CircularStatisticsRow {
  return { key: r.key, label: r.label, cases: r.cases, handlingDaysMedian: r.handlingDays.median, handlingDaysP90: r.handlingDays.p90, onTime: r.onTime, rates: r.rates };
}

const contentOf = (row: CircularRow): CircularContent => (typeof row.content === 'string' ? JSON.parse(row.content) : row.content);

function summaryOf(row: CircularRow): CircularSummaryResponse {
  return {
    circularId: row.id,
    title: row.title,
    from: row.period_from,
    to: row.period_to,
    organizationId: Number(row.organization_id),
    status: row.status,
    contentHash: row.content_hash,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

