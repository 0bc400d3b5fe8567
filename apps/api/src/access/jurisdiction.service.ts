import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CaseEntity, OrganizationEntity, ReferralEntity } from '@app/database';
import type { StaffUser } from '../auth/staff-user';

/** A host unit sees a case only once a substantiated finding sends it a rectification notice. */
const RECTIFICATION_FINDINGS = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED'];

/**
 * Which cases an official may see and act on:
 * - offices' staff: cases handled or investigated within the subtree of their organization;
 * - host-unit operators: cases naming their unit, from rectification on;
 * - discipline officers: cases referred to their body.
 * A case out of reach answers 404, the same as one that does not exist.
 */
@Injectable()
export class JurisdictionService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
  ) {}

  async organizationPath(organizationId: number): Promise<string> {
    const org = await this.organizations.findOne({ where: { id: organizationId }, select: { path: true } });
    return org?.path ?? '\u0000'; // a deleted organization reaches nothing
  }

  /** National settings belong to the central office alone. */
  async isCentralOffice(user: StaffUser): Promise<boolean> {
    const org = await this.organizations.findOne({ where: { id: user.organizationId }, select: { id: true, kind: true } });
    return org?.kind === 'CENTRAL_OFFICE';
  }

  /** Whether the organization lies within the subtree of the user's own organization. */
  async reachesOrganization(user: StaffUser, org: Pick<OrganizationEntity, 'path'>): Promise<boolean> {
    return org.path.startsWith(await this.organizationPath(user.organizationId));
  }

  async assertCanSee(user: StaffUser, kase: CaseEntity | null): Promise<CaseEntity> {
    if (kase && (await this.canSee(user, kase))) return kase;
    throw new NotFoundException('Case not found');
  }

  /** Restricts a query over `cases` aliased `c` to what the user may see. */
  async restrict(qb: SelectQueryBuilder<CaseEntity>, user: StaffUser): Promise<SelectQueryBuilder<CaseEntity>> {
    if (user.role === 'HOST_UNIT_OPERATOR') {
      return qb.andWhere('c.host_unit_id = :myOrg AND c.finding_result IN (:...rectifying)', { myOrg: user.organizationId, rectifying: RECTIFICATION_FINDINGS });
    }
    if (user.role === 'DISCIPLINE_OFFICER') {
      return qb.andWhere('EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.discipline_org_id = :myOrg)', { myOrg: user.organizationId });
    }
    const reach = await this.officeReach(user);
    if (reach === 'ALL') return qb;
    if (reach.length === 0) return qb.andWhere('1 = 0');
    // Plain id lists, no joins: the list indexes carry both columns, so rows out of reach are skipped there.
    return qb.andWhere('(c.handling_org_id IN (:...reach) OR c.investigating_org_id IN (:...reach))', { reach });
  }

  /**
   * Restricts a query over `audit_records` aliased `a` to what the reader may see: the records of cases in
   * reach (a discipline officer: of the cases referred to its body) and, for an office's administrator,
   * the records outside any case made by someone of its subtree. The whole tree reaches everything.
   */
  async restrictAudit<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: StaffUser): Promise<SelectQueryBuilder<T>> {
    if (user.role === 'DISCIPLINE_OFFICER') {
      return qb.andWhere('a.case_id IN (SELECT r.case_id FROM referrals r WHERE r.discipline_org_id = :auditOrg)', { auditOrg: user.organizationId });
    }
    const reach = await this.officeReach(user);
    if (reach === 'ALL') return qb;
    if (reach.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `(a.case_id IN (SELECT c.id FROM cases c WHERE c.handling_org_id IN (:...auditReach) OR c.investigating_org_id IN (:...auditReach))
        OR (a.case_id IS NULL AND a.actor_org_id IN (:...auditReach)))`,
      { auditReach: reach },
    );
  }

  /**
   * The organizations an office's staff reach: their organization's subtree, as ids (the tree is small),
   * or 'ALL' when that subtree is the whole tree (every case's handling office is in it, so no condition).
   */
  async officeReach(user: StaffUser): Promise<number[] | 'ALL'> {
    const subtree = `${await this.organizationPath(user.organizationId)}%`;
    const [ids, all] = await Promise.all([
      this.organizations.createQueryBuilder('o').select('o.id', 'id').where('o.path LIKE :subtree', { subtree }).getRawMany<{ id: number }>(),
      this.organizations.count(),
    ]);
    return ids.length > 0 && ids.length === all ? 'ALL' : ids.map((o) => Number(o.id));
  }

  private async canSee(user: StaffUser, kase: CaseEntity): Promise<boolean> {
    if (user.role === 'HOST_UNIT_OPERATOR') return kase.hostUnitId === user.organizationId && RECTIFICATION_FINDINGS.includes(kase.findingResult ?? '');
    if (user.role === 'DISCIPLINE_OFFICER') return this.referrals.existsBy({ caseId: kase.id, disciplineOrgId: user.organizationId });
    const mine = await this.organizationPath(user.organizationId);
    const reached = await Promise.all([kase.handlingOrgId, kase.investigatingOrgId].filter((id): id is number => id !== null).map((id) => this.organizationPath(id)));
    return reached.some((path) => path.startsWith(mine));
  }
}
