import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Like } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { hashPassword, OrganizationEntity, UserEntity } from '@app/database';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { CreateOrganizationDto, CreateUserDto, OrganizationResponse, UpdateUserDto, UserResponse } from './directory.dtos';
import { childKindRefusal, disciplineAccountRefusal, regionRefusal, roleHomeRefusal } from '@app/domain';

/** Organizations and users, managed by administrators within the subtree of their own organization. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditTrail,
  ) {}

  async organizations(admin: StaffUser): Promise<OrganizationResponse[]> {
    const rows = await this.dataSource.getRepository(OrganizationEntity).find({ where: { path: Like(`${await this.myPath(admin)}%`) }, order: { path: 'ASC' } });
    return rows.map(toOrganization);
  }

  async createOrganization(admin: StaffUser, dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.dataSource.transaction(async (em) => {
      const parent = await this.inScope(admin, await em.findOneBy(OrganizationEntity, { id: dto.parentId }), 'parentId');
      const refusal = childKindRefusal(parent.kind, dto.kind) ?? regionRefusal(parent.regionCode, dto.regionCode);
      if (refusal) throw invalid('parentId', refusal);
      const { identifiers } = await em.insert(OrganizationEntity, { name: dto.name, kind: dto.kind, regionCode: dto.regionCode, parentId: parent.id, path: '' });
      const id = identifiers[0].id as number;
      // The path needs the new id, so it is set in the same transaction: never a half-placed node.
      await em.update(OrganizationEntity, id, { path: `${parent.path}${id}/` });
      const created = toOrganization(await em.findOneByOrFail(OrganizationEntity, { id }));
      await this.audit.append([{ action: 'organization.CREATED', actor: auditActor(admin), subject: `organization:${id}`, after: created }], em);
      return created;
    });
  }

  async users(admin: StaffUser): Promise<UserResponse[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(OrganizationEntity, 'o', 'o.id = u.organization_id')
      .where('o.path LIKE :subtree', { subtree: `${await this.myPath(admin)}%` })
      .orderBy('u.username', 'ASC');
    // The discipline body that supervises the administrator's own office is not its to manage (disciplineAccountRefusal).
    if (!(await this.jurisdiction.isCentralOffice(admin))) qb.andWhere('NOT (o.kind = :disciplineBody AND o.parent_id = :adminOrg)', { disciplineBody: 'DISCIPLINE_BODY', adminOrg: admin.organizationId });
    return (await qb.getMany()).map(toUser);
  }

  async createUser(admin: StaffUser, dto: CreateUserDto): Promise<UserResponse> {
    const org = await this.inScope(admin, await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: dto.organizationId }), 'organizationId');
    await this.assertManages(admin, org);
    const refusal = roleHomeRefusal(dto.role, org.kind);
    if (refusal) throw invalid('role', refusal);
    const passwordHash = await hashPassword(dto.password);
    const taken = () => new ConflictException(`username ${dto.username} is taken`);
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(UserEntity, { username: dto.username })) throw taken();
      // Two requests for the same name at once both pass the check above; the unique key stops the second.
      const { identifiers } = await em
        .insert(UserEntity, { username: dto.username, displayName: dto.displayName, role: dto.role, organizationId: org.id, passwordHash, active: true })
        .catch((error: unknown) => {
          throw isDuplicateKey(error) ? taken() : error;
        });
      const created = toUser(await em.findOneByOrFail(UserEntity, { id: identifiers[0].id as number }));
      await this.audit.append([{ action: 'user.CREATED', actor: auditActor(admin), subject: `user:${created.id}`, after: created }], em);
      return created;
    });
  }

  async updateUser(admin: StaffUser, id: number, dto: UpdateUserDto): Promise<UserResponse> {
    // An update with nothing in it would reach the database as an UPDATE without a SET.
    if (!UPDATABLE_USER_FIELDS.some((field) => dto[field] !== undefined)) throw invalid('body', `name at least one of ${UPDATABLE_USER_FIELDS.join(', ')}`);
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneBy({ id });
    if (!user) throw new NotFoundException('User not found');
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    const org = await this.inScope(admin, await organizations.findOneBy({ id: user.organizationId }), 'id', true);
    await this.assertManages(admin, org);
    const moved = dto.organizationId !== undefined && dto.organizationId !== user.organizationId;
    // A move needs reach over both ends: the account leaves one organization of the subtree for another.
    const home = moved ? await this.inScope(admin, await organizations.findOneBy({ id: dto.organizationId }), 'organizationId') : org;
    if (moved) await this.assertManages(admin, home);
    if (dto.role || moved) {
      const refusal = roleHomeRefusal(dto.role ?? user.role, home.kind);
      if (refusal) throw invalid(dto.role ? 'role' : 'organizationId', refusal);
    }
    if (id === admin.id && (dto.active === false || moved || (dto.role && dto.role !== 'ADMIN'))) throw new ConflictException('Administrators cannot lock themselves out');
    const passwordHash = dto.password !== undefined ? await hashPassword(dto.password) : undefined;
    // Old tokens stop at once when the password is reset, the account deactivated, or its role or organization
    // (both carried in the token) changed.
    const voidTokens = passwordHash !== undefined || dto.active === false || moved || (dto.role !== undefined && dto.role !== user.role);
    return this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, id, {
        ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}),
        ...(dto.role !== undefined ? { role: dto.role } : {}),
        // Set even when unchanged: an update naming only the current organization still has its SET.
        ...(dto.organizationId !== undefined ? { organizationId: home.id } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(voidTokens ? { tokenVersion: () => 'token_version + 1' } : {}),
      });
      const updated = toUser(await em.findOneByOrFail(UserEntity, { id }));
      // The password itself never enters the trail, only that it changed.
      await this.audit.append([{ action: 'user.UPDATED', actor: auditActor(admin), subject: `user:${id}`, before: toUser(user), after: { ...updated, passwordChanged: passwordHash !== undefined } }], em);
      return updated;
    });
  }

  private myPath(admin: StaffUser): Promise<string> {
    return this.jurisdiction.organizationPath(admin.organizationId);
  }

  /** Within the subtree, a discipline body's accounts still belong to the level above the office it supervises. */
  private async assertManages(admin: StaffUser, home: OrganizationEntity): Promise<void> {
    const mine = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: admin.organizationId });
    const refusal = disciplineAccountRefusal({ organizationId: mine.id, organizationKind: mine.kind }, home);
    if (refusal) throw new ForbiddenException(refusal);
  }

  /** An organization outside the administrator's subtree is treated as absent. */
  private async inScope(admin: StaffUser, org: OrganizationEntity | null, field: string, notFound = false): Promise<OrganizationEntity> {
    if (org && org.path.startsWith(await this.myPath(admin))) return org;
    if (notFound) throw new NotFoundException('User not found');
    throw invalid(field, 'no such organization within your jurisdiction');
  }
}

const UPDATABLE_USER_FIELDS = ['displayName', 'role', 'organizationId', 'active', 'password'] as const satisfies readonly (keyof UpdateUserDto)[];

function invalid(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${reason}`, details: [{ field, reason }] });
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return (e?.driverError?.code ?? e?.code) === 'ER_DUP_ENTRY';
}

function toOrganization(o: OrganizationEntity): OrganizationResponse {
  return { id: o.id, name: o.name, kind: o.kind, regionCode: o.regionCode, parentId: o.parentId };
}

function toUser(u: UserEntity): UserResponse {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, organizationId: u.organizationId, active: u.active };
}
