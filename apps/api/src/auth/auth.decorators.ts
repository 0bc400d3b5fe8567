import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@app/domain';
import { ErrorResponse } from '../common/error-response';
import type { StaffUser } from './staff-user';

export const IS_PUBLIC = Symbol('isPublic');
export const ALLOWED_ROLES = Symbol('allowedRoles');

/** Opens a route to anyone; every other route needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles, and says so in the API document (403, and the roles as x-roles). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiForbiddenResponse({ type: ErrorResponse, description: `Needs one of the roles: ${roles.join(', ')}` }),
    ApiExtension('x-roles', roles),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => {
  return ctx.switchToHttp().getRequest<{ user: StaffUser }>().user;
});
