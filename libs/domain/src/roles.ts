export const ROLES = [
  'HANDLER',
  'HOST_UNIT_OPERATOR',
  'SUPERVISOR',
  'INSPECTOR',
  'DISCIPLINE_OFFICER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'CENTRAL_OFFICE',
  'PROVINCIAL_OFFICE',
  'CITY_OFFICE',
  'HOST_UNIT',
  'DISCIPLINE_BODY',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Offices that handle complaints in their region (host units and discipline bodies do not). */
export const CYBERSPACE_OFFICE_KINDS: readonly OrganizationKind[] = [
  'CENTRAL_OFFICE',
  'PROVINCIAL_OFFICE',
  'CITY_OFFICE',
];
