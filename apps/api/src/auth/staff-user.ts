import type { Role } from '@app/domain';

/** The signed-in official, as carried in the access token. */
export interface StaffUser {
  id: number;
  username: string;
  role: Role;
  organizationId: number;
}

export interface AccessTokenClaims {
  sub: number;
  username: string;
  role: Role;
  org: number;
}
