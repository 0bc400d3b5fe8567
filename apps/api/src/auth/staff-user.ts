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
  /** The account's token version when the token was issued; a different one now voids the token. */
  ver: number;
}

/** The official as the audit trail records an actor. */
export function auditActor(user: StaffUser): { userId: number; role: Role; organizationId: number } {
  return { userId: user.id, role: user.role, organizationId: user.organizationId };
}
