import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import {
  availableActions,
  caseWorkflowId,
  CYBERSPACE_OFFICE_KINDS,
  isStaffAction,
  type ActionBodies,
  type ActionPayloads,
  type CommandOf,
  type StaffAction,
} from '@app/domain';
import { CaseEntity, OrganizationEntity } from '@app/database';
import { caseActionUpdates, caseStateQuery, retryStalledUpdate, type CaseActionUpdate } from '@app/temporal';
import { JurisdictionService } from '../access/jurisdiction.service';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { CaseStateResponse } from '../workflow-gateway/case-state.response';
import { queryWorkflow, sendUpdate } from '../workflow-gateway/workflow-updates';
import { AvailableActionResponse, type CaseActionsResponse } from './case-actions.response';

/** Turns what a staff member sent into what the workflow receives, checking the records it names. */
type PayloadResolver<A extends StaffAction> = (user: StaffUser, kase: CaseEntity, body: ActionBodies[A]) => Promise<ActionPayloads[A]>;

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

  async act<A extends StaffAction>(user: StaffUser, caseId: string, action: A, body: ActionBodies[A]): Promise<CaseStateResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const resolve: PayloadResolver<A> = this.resolvers[action];
    const command: CommandOf<A> = { action, actor: auditActor(user), payload: await resolve(user, kase, body) };
    const update: CaseActionUpdate<A> = caseActionUpdates[action];
    return CaseStateResponse.of(await sendUpdate(this.client.workflow.getHandle(caseWorkflowId(caseId)), update, command));
  }

  /**
   * Carries out again the effect a stalled case stopped on (README, "Stalled cases"): 200 with the case,
   * running again or stalled anew with the new reason; 409 when it is not stalled.
   */
  async retryStalled(user: StaffUser, caseId: string, note: string | undefined): Promise<CaseStateResponse> {
    await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const state = await sendUpdate(this.client.workflow.getHandle(caseWorkflowId(caseId)), retryStalledUpdate, { actor: auditActor(user), note });
    return CaseStateResponse.of(state);
  }

  /** The actions the user may take on the case now, from the lifecycle table and the case's live state. */
  async available(user: StaffUser, caseId: string): Promise<CaseActionsResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const state = kase.status === 'CLOSED' ? null : await queryWorkflow(this.client.workflow.getHandle(caseWorkflowId(caseId)), caseStateQuery);
    const actions = state ? availableActions(state, user.role, new Date()).filter(isStaffAction) : [];
    return { caseId: kase.id, step: state?.step ?? kase.step, actions: actions.map(AvailableActionResponse.of) };
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

  private readonly resolvers: { [A in StaffAction]: PayloadResolver<A> } = {
    accept: async (_user, _kase, body) => body,
    reject: async (_user, _kase, body) => body,
    merge: async (user, kase, body) => ({ ...body, targetCaseNo: (await this.checkMergeTarget(user, kase, body.targetCaseId)).caseNo }),
    dispatch: async (user, kase, body) => {
      await this.checkDispatch(user, kase, body);
      return body;
    },
    sign: async (_user, _kase, body) => body,
    finding: async (_user, _kase, body) => body,
    'submit-rectification': async (_user, _kase, body) => body,
    'approve-rectification': async (_user, _kase, body) => body,
    'return-rectification': async (_user, _kase, body) => body,
    reply: async (_user, _kase, body) => body,
    'request-extension': async (_user, _kase, body) => body,
    'decide-extension': async (_user, _kase, body) => body,
    supervise: async (_user, _kase, body) => body,
  };

  /** What a field with `pick` may name, for this user on this case: the same checks dispatch applies. */
  async choices(user: StaffUser, caseId: string, pick: 'CYBERSPACE_OFFICE' | 'HOST_UNIT'): Promise<{ id: number; name: string; regionCode: string }[]> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const qb = this.organizations.createQueryBuilder('o').select(['o.id', 'o.name', 'o.regionCode']).orderBy('o.path', 'ASC').limit(500);
    if (pick === 'CYBERSPACE_OFFICE') {
      qb.where('o.kind IN (:...kinds) AND o.path LIKE :mine', { kinds: CYBERSPACE_OFFICE_KINDS, mine: `${await this.jurisdiction.organizationPath(user.organizationId)}%` });
    } else {
      qb.where("o.kind = 'HOST_UNIT' AND o.region_code LIKE :province", { province: `${kase.regionCode.slice(0, 2)}%` });
    }
    return (await qb.getMany()).map((o) => ({ id: o.id, name: o.name, regionCode: o.regionCode }));
  }

  private async checkDispatch(user: StaffUser, kase: CaseEntity, body: ActionBodies['dispatch']): Promise<void> {
    const [office, hostUnit] = await Promise.all([this.organizations.findOneBy({ id: body.investigatingOrgId }), this.organizations.findOneBy({ id: body.hostUnitId })]);
    if (!office || !CYBERSPACE_OFFICE_KINDS.includes(office.kind) || !(await this.jurisdiction.reachesOrganization(user, office))) {
      throw badReference('investigatingOrgId', 'must be a cyberspace office within your jurisdiction');
    }
    if (!hostUnit || hostUnit.kind !== 'HOST_UNIT') throw badReference('hostUnitId', 'must be a host unit');
    if (!(await this.jurisdiction.reachesOrganization(user, hostUnit))) throw badReference('hostUnitId', 'must be a host unit within your jurisdiction');
    if (kase.regionCode.slice(0, 2) !== hostUnit.regionCode.slice(0, 2)) throw badReference('hostUnitId', 'must be in the province of the case');
  }

  private async checkMergeTarget(user: StaffUser, kase: CaseEntity, targetCaseId: string): Promise<CaseEntity> {
    const target = await this.cases.findOneBy({ id: targetCaseId });
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
