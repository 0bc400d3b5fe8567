import { CHILD_KINDS, ORGANIZATION_KIND_ZH, ROLE_HOMES, ROLES, regionPrefix, type OrganizationKind, type Role } from '@app/domain';
import type { RegionOption } from '../../../shared/regions';
import type { Organization } from '../../../shared/types';

/**
 * What the administration pages offer, from the same directory rules the API enforces (libs/domain):
 * the browser only hides what would be refused anyway.
 */

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  organizationId: number;
  active: boolean;
}

export interface OrgNode {
  key: number;
  title: string;
  children: OrgNode[];
}

/** The organizations as a tree: the administrator's own at the root. */
export function orgTree(orgs: readonly Organization[]): OrgNode[] {
  const byParent = new Map<number | null, Organization[]>();
  for (const o of orgs) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o]);
  const ids = new Set(orgs.map((o) => o.id));
  const kindOf = (o: Organization) => ORGANIZATION_KIND_ZH[o.kind as OrganizationKind] ?? o.kind;
  // 中央网信办 is both a name and a kind: said once.
  const title = (o: Organization) => (o.name === kindOf(o) ? o.name : `${o.name}（${kindOf(o)}）`);
  const node = (o: Organization): OrgNode => ({ key: o.id, title: title(o), children: (byParent.get(o.id) ?? []).map(node) });
  return orgs.filter((o) => o.parentId === null || !ids.has(o.parentId)).map(node);
}

/** The kinds an organization may have under it. */
export const childKinds = (parent: Organization): readonly OrganizationKind[] => CHILD_KINDS[parent.kind as OrganizationKind] ?? [];

/** The roles an account may have in an organization of this kind. */
export const rolesAt = (kind: string): Role[] => ROLES.filter((r) => ROLE_HOMES[r].includes(kind as OrganizationKind));

/**
 * The organizations whose accounts this administrator manages: everything in reach except, below the central
 * office, the discipline body that supervises the administrator's own office (disciplineAccountRefusal).
 */
export function manageableOrgs(orgs: readonly Organization[], mine: Organization | undefined): Organization[] {
  if (!mine) return [];
  return orgs.filter((o) => mine.kind === 'CENTRAL_OFFICE' || !(o.kind === 'DISCIPLINE_BODY' && o.parentId === mine.id));
}

/** National settings (SLA policies, the calendar) are the central office's. */
export const isCentral = (mine: Organization | undefined) => mine?.kind === 'CENTRAL_OFFICE';

/**
 * The regions a child may take: the parent's own region and everything under it. Under the central level,
 * the whole list and the national code 000000.
 */
export function regionChoices(regions: readonly RegionOption[], parentRegion: string): RegionOption[] {
  if (regionPrefix(parentRegion) === '') return [{ value: '000000', label: '全国（中央层级）' }, ...regions];
  let level: readonly RegionOption[] | undefined = regions;
  for (const len of [2, 4, 6]) {
    const hit: RegionOption | undefined = level?.find((o) => o.value === parentRegion.slice(0, len).padEnd(6, '0'));
    if (hit?.value === parentRegion) return [hit];
    level = hit?.children;
  }
  return [];
}

/** The path of codes from the top of the choices to a region, for the cascader's value. */
export function regionValuePath(choices: readonly RegionOption[], code: string): string[] {
  const walk = (level: readonly RegionOption[] | undefined, path: string[]): string[] | null => {
    for (const o of level ?? []) {
      if (o.value === code) return [...path, o.value];
      const below = code.startsWith(o.value.replace(/(00)+$/, '')) ? walk(o.children, [...path, o.value]) : null;
      if (below) return below;
    }
    return null;
  };
  return walk(choices, []) ?? [];
}
