import { randomBytes, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { OrganizationEntity, UserEntity } from '@app/database';
import {
  CAMPAIGN_CHECKLIST,
  CAMPAIGN_DEFAULT_DEADLINE_WORKING_DAYS,
  CAMPAIGN_OFFICE_KINDS,
  CAMPAIGN_RUN_ROLES,
  campaignWorkflowId,
  checkResultsProblem,
  failedCategories,
  strataNames,
  type ActorRef,
  type CampaignCommand,
  type CampaignDefinition,
  type CampaignItemStatus,
  type CampaignStatus,
  type Category,
  type CheckResult,
} from '@app/domain';
import { CAMPAIGN_WORKFLOW, campaignActionUpdate, type CampaignWorkflow } from '@app/temporal';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import type {
  AssignCampaignItemsDto,
  CampaignDrawResponse,
  CampaignInspectorResponse,
  CampaignItemResponse,
  CampaignResponse,
  CampaignSummaryResponse,
  ChecklistResponse,
  CreateCampaignDto,
  RecordCampaignResultDto,
} from './campaigns.dtos';
import { campaignOf, itemOf, type CampaignItemRow, type CampaignRow } from './campaign-rows';

const actorOf = (user: StaffUser): ActorRef => ({ userId: user.id, role: user.role, organizationId: user.organizationId });
const invalid = (field: string, reason: string) => new BadRequestException({ message: `Invalid campaign: ${field}: ${reason}`, details: [{ field, reason }] });
/** 440000 takes the province, 440100 the city, 440106 the district alone; 000000 the whole country. */
const regionPrefix = (code: string) => (code === '000000' ? '' : code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
/** How long create waits for the workflow's first write, so the campaign can be read at once. */
const FIRST_WRITE_MS = 10_000;

/** Spot-check campaigns (抽查评估): defined by an office, carried from the draw to the close by their workflow. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  checklist(): ChecklistResponse {
    return { items: CAMPAIGN_CHECKLIST.map((c) => ({ ...c, appliesTo: [...c.appliesTo] })) };
  }

  async create(user: StaffUser, dto: CreateCampaignDto): Promise<CampaignResponse> {
    const office = await this.runningOffice(user);
    const { scope } = dto;
    if (scope.periodFrom > scope.periodTo) throw invalid('scope.periodTo', '截止日期不能早于起始日期');
    const prefix = regionPrefix(office.regionCode);
    scope.regionCodes.forEach((code, i) => {
      if (!code.startsWith(prefix)) throw invalid(`scope.regionCodes.${i}`, `地区 ${code} 不在本机构的管辖地区之内`);
    });
    if (dto.quotas) {
      const names = strataNames(dto.strata);
      dto.quotas.forEach((q, i) => {
        if (!names.includes(q.stratum)) throw invalid(`quotas.${i}.stratum`, `分层方式 ${dto.strata} 下没有层 ${q.stratum}（可选：${names.join('、')}）`);
        if (dto.quotas!.findIndex((x) => x.stratum === q.stratum) !== i) throw invalid(`quotas.${i}.stratum`, '同一层只能设置一个配额');
      });
      if (dto.quotas.reduce((s, q) => s + q.quota, 0) !== dto.sampleSize) throw invalid('sampleSize', '样本量须等于各层配额之和');
    }
    const definition: CampaignDefinition = {
      title: dto.title,
      organizationId: office.id,
      scope: { regionCodes: [...new Set(scope.regionCodes)], kinds: [...new Set(scope.kinds)], periodFrom: scope.periodFrom, periodTo: scope.periodTo },
      sampleSize: dto.sampleSize,
      strata: dto.strata,
      quotas: dto.quotas?.map((q) => ({ stratum: q.stratum, quota: q.quota })) ?? null,
      weighting: dto.weighting,
      seed: dto.seed ?? randomBytes(8).toString('hex'),
      deadlineWorkingDays: dto.deadlineWorkingDays ?? CAMPAIGN_DEFAULT_DEADLINE_WORKING_DAYS,
    };
    const campaignId = randomUUID();
    await this.client.workflow.start<CampaignWorkflow>(CAMPAIGN_WORKFLOW, {
      workflowId: campaignWorkflowId(campaignId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ campaignId, definition, createdBy: actorOf(user), createdAt: new Date().toISOString() }],
    });
    for (const until = Date.now() + FIRST_WRITE_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const [row]: CampaignRow[] = await this.dataSource.query('SELECT c.*, o.name AS organization_name FROM campaigns c JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?', [campaignId]);
      if (row) return campaignOf(row, []);
    }
    throw new ConflictException('the campaign is still being registered; read it again in a moment');
  }

  async list(user: StaffUser, status?: CampaignStatus): Promise<CampaignResponse[]> {
    const reach = await this.jurisdiction.officeReach(user);
    if (reach !== 'ALL' && reach.length === 0) return [];
    const rows: CampaignRow[] = await this.dataSource.query(
      `SELECT c.*, o.name AS organization_name FROM campaigns c JOIN organizations o ON o.id = c.organization_id
       WHERE ${reach === 'ALL' ? '1 = 1' : `c.organization_id IN (${reach.map(() => '?').join(', ')})`} ${status ? 'AND c.status = ?' : ''}
       ORDER BY c.created_at DESC, c.id LIMIT 200`,
      [...(reach === 'ALL' ? [] : reach), ...(status ? [status] : [])],
    );
    const items = await this.itemRows(rows.map((r) => r.id));
    return rows.map((r) => campaignOf(r, items.filter((i) => i.campaign_id === r.id)));
  }

  async detail(user: StaffUser, id: string): Promise<CampaignResponse> {
    const row = await this.rowInReach(user, id);
    return campaignOf(row, await this.itemRows([id]));
  }

  async items(user: StaffUser, id: string, filter: { status?: CampaignItemStatus; inspectorUserId?: number }): Promise<CampaignItemResponse[]> {
    const row = await this.rowInReach(user, id);
    return (await this.itemRows([id]))
      .filter((i) => (!filter.status || i.status === filter.status) && (!filter.inspectorUserId || Number(i.inspector_user_id) === filter.inspectorUserId))
      .map((i) => itemOf(i, row.title));
  }

  /** The items assigned to the inspector, across campaigns: open campaigns first, then by deadline. */
  async mine(user: StaffUser, status?: CampaignItemStatus): Promise<CampaignItemResponse[]> {
    const rows: Array<CampaignItemRow & { campaign_title: string }> = await this.dataSource.query(
      `SELECT i.*, c.title AS campaign_title FROM campaign_items i JOIN campaigns c ON c.id = i.campaign_id
       WHERE i.inspector_user_id = ? ${status ? 'AND i.status = ?' : ''}
       ORDER BY c.status = 'CLOSED', i.deadline_at IS NULL, i.deadline_at, i.campaign_id, i.item_no LIMIT 500`,
      [user.id, ...(status ? [status] : [])],
    );
    return rows.map((r) => itemOf(r, r.campaign_title));
  }

  /** Whom the campaign's items can be assigned to: the active inspectors of its office. */
  async inspectors(user: StaffUser, id: string): Promise<CampaignInspectorResponse[]> {
    const row = await this.rowInReach(user, id);
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { organizationId: row.organization_id, role: 'INSPECTOR', active: true }, select: { id: true, displayName: true }, order: { id: 'ASC' } });
    return users.map((u) => ({ userId: u.id, displayName: u.displayName }));
  }

  async draw(user: StaffUser, id: string): Promise<CampaignDrawResponse> {
    const row = await this.runnable(user, id, 'draw');
    await this.update(row, { action: 'draw', actor: actorOf(user) });
    const items = await this.itemRows([id]);
    return { campaign: campaignOf(await this.rowInReach(user, id), items), items: items.map((i) => itemOf(i, row.title)) };
  }

  async assign(user: StaffUser, id: string, dto: AssignCampaignItemsDto): Promise<CampaignItemResponse[]> {
    const row = await this.runnable(user, id, 'assign');
    const items = await this.itemRows([id]);
    const inspectors = await this.dataSource.getRepository(UserEntity).find({ where: { organizationId: row.organization_id, role: 'INSPECTOR', active: true }, select: { id: true } });
    dto.assignments.forEach((a, i) => {
      if (dto.assignments.findIndex((x) => x.itemNo === a.itemNo) !== i) throw invalid(`assignments.${i}.itemNo`, '同一抽查对象只能分派一次');
      if (!inspectors.some((u) => u.id === a.inspectorUserId)) throw invalid(`assignments.${i}.inspectorUserId`, '须为本次抽查组织机构的在职抽查员');
      const item = items.find((x) => x.item_no === a.itemNo);
      if (!item) throw new NotFoundException('Campaign item not found');
      if (item.status === 'PASSED' || item.status === 'FAILED') throw new ConflictException("the item's result is already recorded");
    });
    await this.update(row, { action: 'assign', actor: actorOf(user), assignments: dto.assignments.map((a) => ({ itemNo: a.itemNo, inspectorUserId: a.inspectorUserId })) });
    return (await this.itemRows([id])).map((i) => itemOf(i, row.title));
  }

  async record(user: StaffUser, id: string, itemNo: number, dto: RecordCampaignResultDto): Promise<CampaignItemResponse> {
    const row = await this.rowInReach(user, id);
    const item = (await this.itemRows([id])).find((i) => i.item_no === itemNo);
    if (!item) throw new NotFoundException('Campaign item not found');
    if (item.status === 'PASSED' || item.status === 'FAILED') throw new ConflictException("the item's result is already recorded");
    if (row.status !== 'IN_PROGRESS') throw new ConflictException(`record is not allowed while the campaign is ${row.status}`);
    if (item.inspector_user_id === null || Number(item.inspector_user_id) !== user.id) throw new ForbiddenException('only the inspector assigned to the item records its result');
    const results: CheckResult[] = dto.results.map((r) => ({ checkId: r.checkId, passed: r.passed, note: r.note.trim() }));
    const problem = checkResultsProblem(checksOf(item), results);
    if (problem) throw new BadRequestException({ message: `Invalid campaign result: ${problem}`, details: [{ field: 'results', reason: problem }] });
    await this.update(row, { action: 'record', actor: actorOf(user), itemNo, results, evidenceRef: dto.evidenceRef ?? null, severity: dto.severity ?? null });
    const written = (await this.itemRows([id])).find((i) => i.item_no === itemNo)!;
    return itemOf(written, row.title);
  }

  async close(user: StaffUser, id: string, note?: string): Promise<CampaignResponse> {
    const row = await this.runnable(user, id, 'close');
    await this.update(row, { action: 'close', actor: actorOf(user), note: note ?? null });
    return this.detail(user, id);
  }

  /** Items per stratum, passed and failed, failed checks by category, and each finding case as it stands now. */
  async summary(user: StaffUser, id: string): Promise<CampaignSummaryResponse> {
    const row = await this.rowInReach(user, id);
    const items = await this.itemRows([id]);
    const done = (i: CampaignItemRow) => i.status === 'PASSED' || i.status === 'FAILED';
    const allocation = parse<{ stratum: string; population: number; quota: number }[]>(row.allocation) ?? [];
    const byStratum = allocation.map((a) => {
      const mine = items.filter((i) => i.stratum === a.stratum);
      return { ...a, drawn: mine.length, passed: mine.filter((i) => i.status === 'PASSED').length, failed: mine.filter((i) => i.status === 'FAILED').length, pending: mine.filter((i) => !done(i)).length };
    });
    const categories = new Map<Category, number>();
    for (const i of items) for (const c of failedCategories(parse<CheckResult[]>(i.results) ?? [])) categories.set(c, (categories.get(c) ?? 0) + 1);
    const failed = items.filter((i) => i.finding_case_id);
    const cases: Array<{ id: string; stage: string; status: 'OPEN' | 'CLOSED' }> = failed.length
      ? await this.dataSource.query(`SELECT id, stage, status FROM cases WHERE id IN (${failed.map(() => '?').join(', ')})`, failed.map((i) => i.finding_case_id))
      : [];
    return {
      campaignId: row.id,
      title: row.title,
      status: row.status,
      totals: { items: items.length, passed: items.filter((i) => i.status === 'PASSED').length, failed: items.filter((i) => i.status === 'FAILED').length, pending: items.filter((i) => !done(i)).length },
      byStratum,
      findingsByCategory: [...categories].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      cases: failed.map((i) => {
        const kase = cases.find((c) => c.id === i.finding_case_id);
        return { itemNo: i.item_no, entryName: i.entry_name, caseId: i.finding_case_id!, caseNo: i.finding_case_no!, category: failedCategories(parse<CheckResult[]>(i.results) ?? [])[0] ?? 'OTHER', stage: kase?.stage ?? null, status: kase?.status ?? null };
      }),
    };
  }

  /** The user's office, when it runs campaigns (central or provincial) and the user's role may run them. */
  private async runningOffice(user: StaffUser): Promise<OrganizationEntity> {
    const office = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: user.organizationId });
    if (!office || !CAMPAIGN_OFFICE_KINDS.includes(office.kind) || !CAMPAIGN_RUN_ROLES.includes(user.role)) throw new ForbiddenException('Campaigns are run by a central or provincial office');
    return office;
  }

  /** A campaign in reach that the user may run, in a status the action allows. */
  private async runnable(user: StaffUser, id: string, action: CampaignCommand['action']): Promise<CampaignRow> {
    const row = await this.rowInReach(user, id);
    await this.runningOffice(user);
    if (row.status === 'CLOSED') throw new ConflictException(`${action} is not allowed while the campaign is CLOSED`);
    return row;
  }

  private async update(row: CampaignRow, command: CampaignCommand): Promise<void> {
    await sendUpdate(this.client.workflow.getHandle(campaignWorkflowId(row.id)), campaignActionUpdate, command);
  }

  private async rowInReach(user: StaffUser, id: string): Promise<CampaignRow> {
    const [row]: CampaignRow[] = await this.dataSource.query('SELECT c.*, o.name AS organization_name FROM campaigns c JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?', [id]);
    const reach = await this.jurisdiction.officeReach(user);
    if (!row || (reach !== 'ALL' && !reach.includes(Number(row.organization_id)))) throw new NotFoundException('Campaign not found');
    return row;
  }

  private async itemRows(campaignIds: string[]): Promise<CampaignItemRow[]> {
    if (campaignIds.length === 0) return [];
    return this.dataSource.query(`SELECT * FROM campaign_items WHERE campaign_id IN (${campaignIds.map(() => '?').join(', ')}) ORDER BY campaign_id, item_no`, campaignIds);
  }
}

function parse<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const checksOf = (item: CampaignItemRow): string[] => parse<string[]>(item.checks) ?? [];
