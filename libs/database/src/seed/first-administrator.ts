import type { DataSource } from 'typeorm';
import { AuditRecordEntity } from '../../../audit/src/audit-record.entity';
import { AuditTrail } from '../../../audit/src/audit-trail.service';
import { PASSWORD_PATTERN, PASSWORD_RULE, USERNAME_PATTERN, USERNAME_RULE } from '@app/domain';
import { OrganizationEntity } from '../entities/organization.entity';
import { UserEntity } from '../entities/user.entity';
import { hashPassword } from '../passwords';

export interface FirstAdministrator {
  username: string;
  displayName: string;
  password: string;
  /** The root of the organization tree: the central cyberspace office. */
  centralOfficeName: string;
}

/**
 * Makes an empty production database usable: the central office as the root of the organization tree and
 * its first administrator, who then builds the rest of the tree and the accounts in the console. Only into
 * a database without organizations, in one transaction, audited; a second run changes nothing.
 * @returns 'created', or 'exists' when the database already has organizations
 */
export async function createFirstAdministrator(dataSource: DataSource, admin: FirstAdministrator): Promise<'created' | 'exists'> {
  if (!USERNAME_PATTERN.test(admin.username)) throw new Error(USERNAME_RULE);
  if (!PASSWORD_PATTERN.test(admin.password)) throw new Error(PASSWORD_RULE);
  if (!admin.displayName.trim() || !admin.centralOfficeName.trim()) throw new Error('the display name and the office name must not be blank');
  const passwordHash = await hashPassword(admin.password);
  return dataSource.transaction(async (em) => {
    // The same lock as the demo seed: two starters cannot both make a root.
    if ((await em.query('SELECT id FROM organizations LIMIT 1 FOR UPDATE')).length > 0) return 'exists';
    const { identifiers } = await em.insert(OrganizationEntity, { name: admin.centralOfficeName.trim(), kind: 'CENTRAL_OFFICE', regionCode: '000000', parentId: null, path: '' });
    const orgId = identifiers[0].id as number;
    await em.update(OrganizationEntity, orgId, { path: `${orgId}/` });
    const user = await em.insert(UserEntity, { username: admin.username, displayName: admin.displayName.trim(), role: 'ADMIN', organizationId: orgId, passwordHash, active: true });
    const userId = user.identifiers[0].id as number;
    await new AuditTrail(em.getRepository(AuditRecordEntity)).append(
      [
        { action: 'organization.CREATED', actor: null, subject: `organization:${orgId}`, after: { id: orgId, name: admin.centralOfficeName.trim(), kind: 'CENTRAL_OFFICE', regionCode: '000000', parentId: null } },
        { action: 'user.CREATED', actor: null, subject: `user:${userId}`, after: { id: userId, username: admin.username, role: 'ADMIN', organizationId: orgId, active: true } },
      ],
      em,
    );
    return 'created';
  });
}
