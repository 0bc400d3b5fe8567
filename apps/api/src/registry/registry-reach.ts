import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Like, Not, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { OrganizationEntity } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';

/**
 * The one place that decides which registry entries an official reaches: those whose host unit lies in
 * the subtree of the official's organization (a host unit's operator: its own unit's). Which roles read
 * and which keep the registry is libs/domain's REGISTRY_READ_ROLES and REGISTRY_WRITE_ROLES, checked by
 * the route guard. An entry out of reach answers 404, the same as one that does not exist.
 */
@Injectable()
export class RegistryReach {
  constructor(private readonly jurisdiction: JurisdictionService) {}

  /** Restricts a query over `registry_entries` aliased `e`. */
  async restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: StaffUser): Promise<SelectQueryBuilder<T>> {
    const reach = await this.jurisdiction.officeReach(user);
    if (reach === 'ALL') return qb;
    if (reach.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere('e.host_unit_id IN (:...registryReach)', { registryReach: reach });
  }

  async assertReaches(user: StaffUser, hostUnitId: number, em: EntityManager): Promise<void> {
    const org = await em.findOneBy(OrganizationEntity, { id: hostUnitId });
    if (!org || !(await this.jurisdiction.reachesOrganization(user, org))) throw new NotFoundException('Registry entry not found');
  }

  /** The host unit an entry may name: an organization in reach that is not a discipline body. */
  async hostUnit(user: StaffUser, hostUnitId: number, em: EntityManager): Promise<OrganizationEntity> {
    const org = await em.findOneBy(OrganizationEntity, { id: hostUnitId });
    if (org && org.kind !== 'DISCIPLINE_BODY' && (await this.jurisdiction.reachesOrganization(user, org))) return org;
    throw new BadRequestException({
      message: 'Invalid registry entry: hostUnitId: no such organization within your jurisdiction',
      details: [{ field: 'hostUnitId', reason: '主办单位不存在，或不在您的管辖范围内' }],
    });
  }

  /** Every organization an entry may name as its host unit, for the import to look names up in. */
  async hostUnits(user: StaffUser, em: EntityManager): Promise<OrganizationEntity[]> {
    const path = await this.jurisdiction.organizationPath(user.organizationId);
    return em.find(OrganizationEntity, { where: { path: Like(`${path}%`), kind: Not('DISCIPLINE_BODY') }, order: { id: 'ASC' } });
  }
}
