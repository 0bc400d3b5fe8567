import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseEntity, OrganizationEntity } from '@app/database';
import type { StaffUser } from '../auth/staff-user';

/**
 * Which cases an official may see: those handled within the subtree of its organization.
 * A case out of reach answers 404, the same as one that does not exist.
 */
@Injectable()
export class JurisdictionService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  async organizationPath(organizationId: number): Promise<string> {
    const org = await this.organizations.findOne({ where: { id: organizationId }, select: { path: true } });
    return org?.path ?? '\u0000'; // a deleted organization reaches nothing
  }

  async assertCanSee(user: StaffUser, kase: CaseEntity | null): Promise<CaseEntity> {
    if (kase && (await this.canSee(user, kase))) return kase;
    throw new NotFoundException('Case not found');
  }

  private async canSee(user: StaffUser, kase: CaseEntity): Promise<boolean> {
    const [mine, handling] = await Promise.all([this.organizationPath(user.organizationId), this.organizationPath(kase.handlingOrgId)]);
    return handling.startsWith(mine);
  }
}
