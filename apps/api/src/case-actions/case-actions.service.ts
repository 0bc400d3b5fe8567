import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import { caseWorkflowId, CYBERSPACE_OFFICE_KINDS, type CaseCommand, type CaseState } from '@app/domain';
import { CaseEntity, OrganizationEntity } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import { CaseStateResponse } from '../workflow-gateway/case-state.response';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import type { DispatchDto, MergeDto, StaffAction } from './case-action.dtos';

/**
 * Staff actions on a case. The API checks who may reach the case and what the body names; the
 * workflow's Update validator decides whether the action is allowed now.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly client: Client,
    private readonly jurisdiction: JurisdictionService,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  async act(user: StaffUser, caseId: string, action: StaffAction, body: object): Promise<CaseStateResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const payload = await this.checkReferences(user, kase, action, body);
    const command = { action, actor: { userId: user.id, role: user.role, organizationId: user.organizationId }, payload } as CaseCommand;
    const state = await sendUpdate<CaseState>(this.client.workflow.getHandle(caseWorkflowId(caseId)), action, command);
    return CaseStateResponse.of(state);
  }

  /** Open cases a submitted one could be merged into: same subject and category, within reach. */
  async mergeCandidates(user: StaffUser, caseId: string): Promise<CaseEntity[]> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const qb = this.cases
      .createQueryBuilder('c')
      .where('c.subject_name = :subject AND c.category = :category AND c.status = :open AND c.id <> :id', { subject: kase.subjectName, category: kase.category, open: 'OPEN', id: kase.id })
      .orderBy('c.created_at', 'ASC')
      .limit(20);
    return (await this.jurisdiction.restrict(qb, user)).getMany();
  }

  private async checkReferences(user: StaffUser, kase: CaseEntity, action: StaffAction, body: object): Promise<object> {
    if (action === 'dispatch') await this.checkDispatch(user, kase, body as DispatchDto);
    if (action === 'merge') return { ...body, targetCaseNo: (await this.checkMergeTarget(user, kase, body as MergeDto)).caseNo };
    return body;
  }

  private async checkDispatch(user: StaffUser, kase: CaseEntity, body: DispatchDto): Promise<void> {
    const [office, hostUnit] = await Promise.all([this.organizations.findOneBy({ id: body.investigatingOrgId }), this.organizations.findOneBy({ id: body.hostUnitId })]);
    const mine = await this.jurisdiction.organizationPath(user.organizationId);
    if (!office || !CYBERSPACE_OFFICE_KINDS.includes(office.kind) || !office.path.startsWith(mine)) {
      throw badReference('investigatingOrgId', 'must be a cyberspace office within your jurisdiction');
    }
    if (!hostUnit || hostUnit.kind !== 'HOST_UNIT') throw badReference('hostUnitId', 'must be a host unit');
    if (kase.regionCode.slice(0, 2) !== hostUnit.regionCode.slice(0, 2)) throw badReference('hostUnitId', 'must be in the province of the case');
  }

  private async checkMergeTarget(user: StaffUser, kase: CaseEntity, body: MergeDto): Promise<CaseEntity> {
    const target = await this.cases.findOneBy({ id: body.targetCaseId });
    const candidates = target ? await this.mergeCandidates(user, kase.id) : [];
    if (!target || !candidates.some((c) => c.id === target.id)) {
      throw new ConflictException('The target must be another open case about the same subject and category, within your jurisdiction');
    }
    return target;
  }
}

function badReference(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: `${field} ${reason}`, details: [{ field, reason }] });
}
