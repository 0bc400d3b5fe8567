import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/domain';
import type { StaffUser } from './staff-user';

export const IS_PUBLIC = Symbol('isPublic');
export const ALLOWED_ROLES = Symbol('allowedRoles');

/** Opens a route to anyone; every other route needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => {
  return ctx.switchToHttp().getRequest<{ user: StaffUser }>().user;
});
