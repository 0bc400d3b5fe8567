import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationKind, Role } from '@app/domain';
import { OrganizationEntity } from '../entities/organization.entity';
import { UserEntity } from '../entities/user.entity';
import { hashPassword } from '../passwords';

/** Password of every demo user; README.md lists the users. Seeded only when SEED_DEMO=1. */
export const DEMO_PASSWORD = 'Demo#2026';

interface OrgSeed {
  key: string;
  name: string;
  kind: OrganizationKind;
  regionCode: string;
  parent?: string;
}

const DEMO_ORGANIZATIONS: OrgSeed[] = [
  { key: 'central', name: '中央网信办', kind: 'CENTRAL_OFFICE', regionCode: '000000' },
  { key: 'central-discipline', name: '中央纪委国家监委驻中央网信办纪检监察组', kind: 'DISCIPLINE_BODY', regionCode: '000000', parent: 'central' },
  { key: 'gd', name: '广东省网信办', kind: 'PROVINCIAL_OFFICE', regionCode: '440000', parent: 'central' },
  { key: 'gd-discipline', name: '广东省纪委监委派驻纪检监察组', kind: 'DISCIPLINE_BODY', regionCode: '440000', parent: 'gd' },
  { key: 'gz', name: '广州市网信办', kind: 'CITY_OFFICE', regionCode: '440100', parent: 'gd' },
  { key: 'gz-discipline', name: '广州市纪委监委派驻纪检监察组', kind: 'DISCIPLINE_BODY', regionCode: '440100', parent: 'gz' },
  { key: 'gz-host', name: '广州市某区政务服务数据管理局', kind: 'HOST_UNIT', regionCode: '440100', parent: 'gz' },
  { key: 'sz', name: '深圳市网信办', kind: 'CITY_OFFICE', regionCode: '440300', parent: 'gd' },
  { key: 'sz-host', name: '深圳市某街道办事处', kind: 'HOST_UNIT', regionCode: '440300', parent: 'sz' },
  { key: 'zj', name: '浙江省网信办', kind: 'PROVINCIAL_OFFICE', regionCode: '330000', parent: 'central' },
  { key: 'zj-discipline', name: '浙江省纪委监委派驻纪检监察组', kind: 'DISCIPLINE_BODY', regionCode: '330000', parent: 'zj' },
  { key: 'hz', name: '杭州市网信办', kind: 'CITY_OFFICE', regionCode: '330100', parent: 'zj' },
];

const DEMO_USERS: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', org: 'central' },
  { username: 'inspector.central', displayName: '中央抽查员', role: 'INSPECTOR', org: 'central' },
  { username: 'supervisor.central', displayName: '中央督办员', role: 'SUPERVISOR', org: 'central' },
  { username: 'handler.gd', displayName: '省承办人', role: 'HANDLER', org: 'gd' },
  { username: 'supervisor.gd', displayName: '省督办员', role: 'SUPERVISOR', org: 'gd' },
  { username: 'inspector.gd', displayName: '省抽查员', role: 'INSPECTOR', org: 'gd' },
  { username: 'discipline.gd', displayName: '省纪检监察员', role: 'DISCIPLINE_OFFICER', org: 'gd-discipline' },
  { username: 'handler.gz', displayName: '广州承办人', role: 'HANDLER', org: 'gz' },
  { username: 'supervisor.gz', displayName: '广州督办员', role: 'SUPERVISOR', org: 'gz' },
  { username: 'discipline.gz', displayName: '广州纪检监察员', role: 'DISCIPLINE_OFFICER', org: 'gz-discipline' },
  { username: 'operator.gz', displayName: '广州主办单位经办人', role: 'HOST_UNIT_OPERATOR', org: 'gz-host' },
  { username: 'handler.sz', displayName: '深圳承办人', role: 'HANDLER', org: 'sz' },
  { username: 'operator.sz', displayName: '深圳主办单位经办人', role: 'HOST_UNIT_OPERATOR', org: 'sz-host' },
  { username: 'handler.zj', displayName: '浙江承办人', role: 'HANDLER', org: 'zj' },
  { username: 'handler.hz', displayName: '杭州承办人', role: 'HANDLER', org: 'hz' },
];

/**
 * Seeds the demo organization tree and users when there are no organizations yet.
 * Runs in one transaction, so a crash leaves either nothing or everything.
 * @returns whether anything was written
 */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (em) => {
    // Lock the table's gap so two starters cannot both seed.
    const existing = await em.query('SELECT id FROM organizations LIMIT 1 FOR UPDATE');
    if (existing.length > 0) return false;
    const ids = await insertOrganizations(em);
    for (const user of DEMO_USERS) {
      await em.insert(UserEntity, {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organizationId: ids.get(user.org)!,
        passwordHash,
        active: true,
      });
    }
    return true;
  });
}

async function insertOrganizations(em: EntityManager): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const parentId = org.parent ? ids.get(org.parent)! : null;
    const result = await em.insert(OrganizationEntity, {
      name: org.name,
      kind: org.kind,
      regionCode: org.regionCode,
      parentId,
      path: '',
    });
    const id = result.identifiers[0].id as number;
    const path = `${org.parent ? paths.get(org.parent)! : ''}${id}/`;
    await em.update(OrganizationEntity, id, { path });
    ids.set(org.key, id);
    paths.set(org.key, path);
  }
  return ids;
}
