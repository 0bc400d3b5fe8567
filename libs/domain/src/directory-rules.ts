import type { OrganizationKind, Role } from './roles';

/** Which kind of organization may sit under which: the tree of PRODUCT.md ("Who uses it"). */
export const CHILD_KINDS: Record<OrganizationKind, readonly OrganizationKind[]> = {
  CENTRAL_OFFICE: ['PROVINCIAL_OFFICE', 'HOST_UNIT', 'DISCIPLINE_BODY'],
  PROVINCIAL_OFFICE: ['CITY_OFFICE', 'HOST_UNIT', 'DISCIPLINE_BODY'],
  CITY_OFFICE: ['HOST_UNIT', 'DISCIPLINE_BODY'],
  HOST_UNIT: [],
  DISCIPLINE_BODY: [],
};

/** Which organizations a role's users belong to. */
export const ROLE_HOMES: Record<Role, readonly OrganizationKind[]> = {
  HANDLER: ['CENTRAL_OFFICE', 'PROVINCIAL_OFFICE', 'CITY_OFFICE'],
  SUPERVISOR: ['CENTRAL_OFFICE', 'PROVINCIAL_OFFICE', 'CITY_OFFICE'],
  INSPECTOR: ['CENTRAL_OFFICE', 'PROVINCIAL_OFFICE'],
  ADMIN: ['CENTRAL_OFFICE', 'PROVINCIAL_OFFICE', 'CITY_OFFICE'],
  HOST_UNIT_OPERATOR: ['HOST_UNIT'],
  DISCIPLINE_OFFICER: ['DISCIPLINE_BODY'],
};

/** A user name: lowercase, starting with a letter (it appears in audit records and the console header). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;
export const USERNAME_RULE = 'username must be 3 to 64 lowercase letters, digits, . _ -, starting with a letter';
/** At least 10 characters with a letter and a digit: the demo password is not good enough for a real account. */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{10,128}$/;
export const PASSWORD_RULE = 'password must be 10 to 128 characters with at least one letter and one digit';

export function childKindRefusal(parent: OrganizationKind, child: OrganizationKind): string | null {
  return CHILD_KINDS[parent].includes(child) ? null : `a ${child} cannot be placed under a ${parent}`;
}

export function roleHomeRefusal(role: Role, home: OrganizationKind): string | null {
  return ROLE_HOMES[role].includes(home) ? null : `a ${role} belongs to a ${ROLE_HOMES[role].join(' or ')}, not a ${home}`;
}

/** The region a child of this parent may take: its own region's prefix ('' under the central level). */
export function regionPrefix(parentRegion: string): string {
  return parentRegion.replace(/(00)+$/, '');
}

/**
 * Accounts in a discipline body are managed by the level above the office the body supervises (its
 * parent), or by the central office; never by that office itself, whose conduct the body may examine.
 */
export function disciplineAccountRefusal(
  admin: { organizationId: number; organizationKind: OrganizationKind },
  home: { kind: OrganizationKind; parentId: number | null },
): string | null {
  if (home.kind !== 'DISCIPLINE_BODY' || admin.organizationKind === 'CENTRAL_OFFICE') return null;
  return home.parentId === admin.organizationId ? 'accounts of a discipline body are managed by the level above the office it supervises' : null;
}

/** A child's region lies within its parent's: 440300 under 440000, anything under the central office. */
export function regionRefusal(parentRegion: string, childRegion: string): string | null {
  return childRegion.startsWith(regionPrefix(parentRegion)) ? null : `region ${childRegion} is outside the parent's region ${parentRegion}`;
}
